import { CancelEvent, type EventDetail } from "@cluster/core/event/schema";
import {
  consultationTopicName,
  eventFormatName,
  eventKindName,
  municipalityName,
} from "@cluster/core/reference";
import { createAsync, useAction, useParams, useSubmission } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { renderSVG } from "uqr";
import { ApiError, type FieldErrors } from "../../data/api";
import {
  cancelEvent,
  cancelRegistration,
  confirmSeatOffer,
  getEvent,
  publishEventProposal,
  registerForEvent,
  returnEventProposal,
} from "../../data/events";
import { useSession } from "../../providers/session";
import { Alert, ProblemAlert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { RadioGroup } from "../../ui/choice-group";
import { ErrorSummary } from "../../ui/error-summary";
import { TextArea, TextField } from "../../ui/field";
import { issuesToFields } from "../../ui/form";
import { formatDateTime, formatDayTime } from "../../ui/format";
import { PageTitle, useMetaDescription } from "../../ui/page-title";
import { ReviewPanel } from "../../ui/review-panel";
import { Select } from "../../ui/select";
import { DataBoundary } from "../../ui/status";
import { AfterEvent } from "./after";
import { registrationStatusName, seatsText } from "./labels";

export default function EventPage() {
  const params = useParams<{ id: string }>();
  const detail = createAsync(() => getEvent(params.id));
  return (
    <DataBoundary>
      <Show when={detail() !== undefined}>
        <Show
          when={detail()}
          fallback={
            <>
              <PageTitle>Мероприятие не найдено</PageTitle>
              <p>
                Возможно, его ещё не опубликовали. <a href="/events">Ко всем мероприятиям</a>
              </p>
            </>
          }
        >
          {(current) => <Event event={current()} />}
        </Show>
      </Show>
    </DataBoundary>
  );
}

const placeText = (event: EventDetail) =>
  [
    event.municipality ? municipalityName[event.municipality as keyof typeof municipalityName] : "",
    event.address,
  ]
    .filter(Boolean)
    .join(", ");

function Event(props: { event: EventDetail }) {
  const e = () => props.event;
  useMetaDescription(
    () =>
      `${eventKindName[e().kind]}, ${formatDayTime(e().startsAt)} (мск): ${e().description.slice(0, 140)}`,
  );
  return (
    <article class="profile narrow">
      <p>
        <a href="/events">← Мероприятия</a>
      </p>
      <PageTitle>{e().title}</PageTitle>
      <Show when={e().coverPath}>
        {(src) => <img class="event-cover" src={src()} alt="" width="720" height="360" />}
      </Show>
      <Show when={e().may.manage && e().status !== "cancelled"}>
        <Manage event={e()} />
      </Show>
      <Show when={e().returnReason}>
        {(reason) => (
          <Alert kind="warning" title="Координаторы вернули мероприятие на доработку">
            <p>{reason()}</p>
            <p>Исправьте его («Изменить»), и оно снова придёт на рассмотрение.</p>
          </Alert>
        )}
      </Show>
      <Show when={e().may.review}>
        <Review event={e()} />
      </Show>
      <Show when={e().cancelReason}>
        {(reason) => (
          <Alert kind="warning" title="Мероприятие отменено">
            <p>{reason()}</p>
          </Alert>
        )}
      </Show>
      <Show when={e().status === "proposed" || e().status === "returned"}>
        <p>
          <span class="status status--pending">
            {e().status === "proposed" ? "На рассмотрении у координаторов" : "Возвращено на доработку"}
          </span>
        </p>
      </Show>
      <dl class="facts">
        <dt>Вид</dt>
        <dd>{eventKindName[e().kind]}</dd>
        <dt>Формат</dt>
        <dd>{eventFormatName[e().format]}</dd>
        <dt>Начало</dt>
        <dd>{formatDateTime(e().startsAt)}</dd>
        <dt>Окончание</dt>
        <dd>{formatDateTime(e().endsAt)}</dd>
        <Show when={placeText(e())}>
          <dt>Место</dt>
          <dd>{placeText(e())}</dd>
        </Show>
        <dt>Организатор</dt>
        <dd>{e().organiser}</dd>
        <Show when={e().speakers.length + e().portalSpeakers.length > 0}>
          <dt>Выступают</dt>
          <dd>
            {[
              ...e().portalSpeakers.map(
                (speaker) =>
                  `${speaker.name} (${speaker.role === "expert" ? "эксперт портала" : speaker.about})`,
              ),
              ...e().speakers,
            ].join(", ")}
          </dd>
        </Show>
        <Show when={e().topic}>
          {(topic) => (
            <>
              <dt>Тема</dt>
              <dd>{consultationTopicName[topic() as keyof typeof consultationTopicName]}</dd>
            </>
          )}
        </Show>
        <Show when={e().audience}>
          <dt>Для кого</dt>
          <dd>{e().audience}</dd>
        </Show>
        <dt>Места</dt>
        <dd>{seatsText(e())}</dd>
      </dl>
      <section aria-labelledby="event-about">
        <h2 id="event-about">О мероприятии</h2>
        <p class="description">{e().description}</p>
      </section>
      <Show when={e().series}>
        {(series) => (
          <section aria-labelledby="event-series">
            <h2 id="event-series">Все даты серии</h2>
            <p>У каждой даты своя регистрация.</p>
            <ul>
              <For each={series()}>
                {(date) => (
                  <li>
                    <Show
                      when={date.id !== e().id}
                      fallback={<strong>{formatDateTime(date.startsAt)} — эта дата</strong>}
                    >
                      <a href={`/events/${date.id}`}>{formatDateTime(date.startsAt)}</a>
                    </Show>
                    <Show when={date.status === "cancelled"}> (отменено)</Show>
                  </li>
                )}
              </For>
            </ul>
          </section>
        )}
      </Show>
      <p>
        <a href={`/api/events/${e().id}/calendar.ics`} rel="external" download="meropriyatie.ics">
          Добавить в календарь (.ics)
        </a>
      </p>
      <AfterEvent event={e()} />
      <Registration event={e()} />
    </article>
  );
}

/** A coordinator's decision on a proposal: publish it, or return it with what to improve. */
function Review(props: { event: EventDetail }) {
  const publish = useAction(publishEventProposal);
  const publishing = useSubmission(publishEventProposal);
  const send = useAction(returnEventProposal);
  const returning = useSubmission(returnEventProposal);
  return (
    <ReviewPanel
      author="Организатор"
      publishing={publishing.pending}
      returning={returning.pending}
      publish={() => publish(props.event.id, props.event.version)}
      sendBack={(reason) => send(props.event.id, { reason, version: props.event.version })}
    />
  );
}

/** The organiser's controls: change the event, or call it off with a reason the registrants read. */
function Manage(props: { event: EventDetail }) {
  const [open, setOpen] = createSignal(false);
  const [reason, setReason] = createSignal("");
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [problem, setProblem] = createSignal<string>();
  const cancel = useAction(cancelEvent);
  const cancelling = useSubmission(cancelEvent);
  async function onCancel(event: SubmitEvent) {
    event.preventDefault();
    if (cancelling.pending) return;
    setProblem(undefined);
    const parsed = CancelEvent.safeParse({ reason: reason(), version: props.event.version });
    if (!parsed.success) {
      setErrors(issuesToFields(parsed.error.issues));
      return;
    }
    try {
      await cancel(props.event.id, parsed.data);
      setOpen(false);
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) setErrors(error.fields);
      else setProblem(error instanceof ApiError ? error.message : "Не удалось отменить. Попробуйте ещё раз.");
    }
  }
  return (
    <div class="actions">
      <a href={`/events/${props.event.id}/edit`} class="button button--secondary">
        Изменить
      </a>
      <a href={`/events/${props.event.id}/participants`} class="button button--secondary">
        Участники и отметка
      </a>
      <Show when={props.event.may.recordOutcome}>
        <a href={`/events/${props.event.id}/outcome`} class="button button--secondary">
          {props.event.heldAt ? "Итоги и отзывы" : "Подвести итоги"}
        </a>
      </Show>
      <Show
        when={open()}
        fallback={
          <Button variant="danger" onClick={() => setOpen(true)}>
            Отменить мероприятие
          </Button>
        }
      >
        <form class="form panel" onSubmit={onCancel} noValidate>
          <TextArea
            name="reason"
            label="Причина отмены"
            hint="Её прочтут все зарегистрированные: письмо уйдёт сразу"
            rows={3}
            value={reason()}
            onValue={setReason}
            error={errors().reason}
          />
          <ProblemAlert message={problem()} />
          <div class="actions">
            <Button type="submit" variant="danger" pending={cancelling.pending}>
              Отменить и сообщить участникам
            </Button>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Не отменять
            </Button>
          </div>
        </form>
      </Show>
    </div>
  );
}

function Registration(props: { event: EventDetail }) {
  const { session } = useSession();
  const e = () => props.event;
  const mine = () => e().myRegistration;
  return (
    <section aria-labelledby="registration-title" class="panel">
      <h2 id="registration-title">Регистрация</h2>
      <Show when={e().onlineUrl}>
        {(link) => (
          <p>
            Ссылка на подключение:{" "}
            <a href={link()} rel="external noopener noreferrer">
              {link()}
            </a>
          </p>
        )}
      </Show>
      <Show
        when={mine()}
        fallback={
          <Show
            when={session()?.account}
            fallback={
              <Show when={e().registration === "open"} fallback={<RegistrationClosed event={e()} />}>
                <p>
                  <a href={`/login?next=${encodeURIComponent(`/events/${e().id}`)}`}>Войдите</a>, чтобы
                  зарегистрироваться: код для входа придёт на почту.
                </p>
              </Show>
            }
          >
            <Show when={e().may.register} fallback={<RegistrationClosed event={e()} />}>
              <Show when={e().approvalRequired}>
                <p>Участие — по одобрению организатора: он рассмотрит заявку и ответит письмом.</p>
              </Show>
              <RegisterForm event={e()} />
            </Show>
          </Show>
        }
      >
        {(registration) => <MyRegistration event={e()} registration={registration()} />}
      </Show>
    </section>
  );
}

function RegistrationClosed(props: { event: EventDetail }) {
  return (
    <p>
      {props.event.registration === "not_yet"
        ? `Регистрация откроется ${formatDateTime(props.event.registrationOpensAt)}.`
        : "Регистрация закрыта."}
    </p>
  );
}

function MyRegistration(props: {
  event: EventDetail;
  registration: NonNullable<EventDetail["myRegistration"]>;
}) {
  const r = () => props.registration;
  /** Once it has begun, there is nothing to cancel. */
  const started = () => Date.now() >= Date.parse(props.event.startsAt);
  const [problem, setProblem] = createSignal<string>();
  const cancel = useAction(cancelRegistration);
  const cancelling = useSubmission(cancelRegistration);
  const confirm = useAction(confirmSeatOffer);
  const confirming = useSubmission(confirmSeatOffer);
  const run = async (work: () => Promise<unknown>) => {
    setProblem(undefined);
    try {
      await work();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : "Не получилось. Попробуйте ещё раз.");
    }
  };
  return (
    <>
      <Alert kind={r().status === "offered" || r().status === "declined" ? "warning" : "success"}>
        <p>
          <strong>{registrationStatusName[r().status]}</strong>
          <Show when={r().organisation}> от организации «{r().organisation}»</Show>
          <Show when={props.event.format === "hybrid"}>
            {r().attendance === "online" ? ", онлайн" : ", очно"}
          </Show>
          .
        </p>
        <Show when={r().ticket}>
          {(ticket) => (
            <div class="ticket">
              <img
                src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderSVG(ticket()))}`}
                alt={`QR-код билета ${ticket()}`}
                width="160"
                height="160"
              />
              <p>
                Код билета: <strong class="ticket-code">{ticket()}</strong>
                <Show when={r().checkedInAt}> · отмечен(а) на входе</Show>
              </p>
            </div>
          )}
        </Show>
        <Show when={r().status === "pending"}>
          <p>Организатор рассмотрит заявку и ответит письмом; если примет — придёт билет.</p>
        </Show>
        <Show when={r().declineReason}>{(reason) => <p>Причина: {reason()}</p>}</Show>
        <Show when={r().status === "waiting"}>
          <p>Ваше место в очереди: {r().waitlistPosition}. Если место освободится, мы напишем на почту.</p>
        </Show>
        <Show when={r().status === "offered" && r().offerExpiresAt}>
          {(until) => (
            <p>Подтвердите участие до {formatDateTime(until())}, иначе место перейдёт следующему.</p>
          )}
        </Show>
      </Alert>
      <ProblemAlert message={problem()} />
      <div class="actions">
        <Show when={r().status === "offered"}>
          <Button
            pending={confirming.pending}
            onClick={() => run(() => confirm(props.event.id, r().version))}
          >
            Подтвердить участие
          </Button>
        </Show>
        <Show when={!started() && r().status !== "declined"}>
          <Button
            variant="secondary"
            pending={cancelling.pending}
            onClick={() => run(() => cancel(props.event.id, r().version))}
          >
            {r().status === "pending"
              ? "Отозвать заявку"
              : r().status === "offered"
                ? "Отказаться от места"
                : r().status === "waiting"
                  ? "Выйти из листа ожидания"
                  : "Отменить регистрацию"}
          </Button>
        </Show>
      </div>
    </>
  );
}

const self = "self";

function RegisterForm(props: { event: EventDetail }) {
  const { session } = useSession();
  const organisations = () => (session()?.memberships ?? []).filter((m) => m.status === "approved");
  const [form, setForm] = createStore<{ owner: string; attendance: string; answers: Record<string, string> }>(
    {
      owner: self,
      attendance: "",
      answers: {},
    },
  );
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [problem, setProblem] = createSignal<string>();
  const register = useAction(registerForEvent);
  const submission = useSubmission(registerForEvent);
  let summary: HTMLElement | undefined;
  const e = () => props.event;
  const labels = () => ({
    organisationId: "От чьего имени",
    attendance: "Как будете участвовать",
    ...Object.fromEntries(e().questions.map((question) => [`question.${question.id}`, question.label])),
  });
  /** A server error for one answer, by the question it belongs to. */
  const answerError = (questionId: string) => {
    const index = e().questions.findIndex((question) => question.id === questionId);
    return errors()[`question.${questionId}`] ?? errors()[`answers.${index}.value`];
  };

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (submission.pending) return;
    setProblem(undefined);
    const answers = e()
      .questions.map((question) => ({ question, value: form.answers[question.id] ?? "" }))
      .filter(({ value }) => value !== "")
      .map(({ question, value }) => ({
        questionId: question.id,
        value: question.kind === "yesno" ? value === "yes" : value,
      }));
    try {
      await register(e().id, {
        organisationId: form.owner === self ? undefined : form.owner,
        attendance:
          e().format === "hybrid" ? ((form.attendance || undefined) as "in_person" | "online") : undefined,
        answers,
      });
      setErrors({});
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        // Answers come back by their position in the request: shown by their question.
        const fields: FieldErrors = {};
        for (const [key, message] of Object.entries(error.fields)) {
          const position = /^answers\.(\d+)\./.exec(key)?.[1];
          const questionId = position === undefined ? undefined : answers[Number(position)]?.questionId;
          fields[questionId ? `question.${questionId}` : key] = message;
        }
        setErrors(fields);
        requestAnimationFrame(() => summary?.focus());
        return;
      }
      setProblem(
        error instanceof ApiError ? error.message : "Не удалось зарегистрироваться. Попробуйте ещё раз.",
      );
    }
  }

  return (
    <form class="form" onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={errors()} labels={labels()} ref={(el) => (summary = el)} />
      <Show when={organisations().length > 0}>
        <Select
          name="organisationId"
          label="От чьего имени"
          options={[
            ...organisations().map((o) => ({ value: o.organisationId, label: o.name })),
            { value: self, label: "От себя (частное лицо)" },
          ]}
          value={form.owner}
          onValue={(value) => setForm("owner", value)}
          error={errors().organisationId}
        />
      </Show>
      <Show when={e().format === "hybrid"}>
        <RadioGroup
          name="attendance"
          legend="Как будете участвовать"
          options={[
            { value: "in_person", label: "Очно" },
            { value: "online", label: "Онлайн" },
          ]}
          value={form.attendance}
          onValue={(value) => setForm("attendance", value)}
          error={errors().attendance}
        />
      </Show>
      <For each={e().questions}>
        {(question) => {
          const label = `${question.label}${question.required ? "" : " (необязательно)"}`;
          const name = `question.${question.id}`;
          if (question.kind === "text") {
            return (
              <TextField
                name={name}
                label={label}
                value={form.answers[question.id] ?? ""}
                onValue={(value) => setForm("answers", question.id, value)}
                error={answerError(question.id)}
              />
            );
          }
          return (
            <RadioGroup
              name={name}
              legend={label}
              options={
                question.kind === "yesno"
                  ? [
                      { value: "yes", label: "Да" },
                      { value: "no", label: "Нет" },
                    ]
                  : question.options.map((option) => ({ value: option, label: option }))
              }
              value={form.answers[question.id] ?? ""}
              onValue={(value) => setForm("answers", question.id, value)}
              error={answerError(question.id)}
            />
          );
        }}
      </For>
      <ProblemAlert message={problem()} />
      <div class="actions">
        <Button type="submit" pending={submission.pending}>
          Зарегистрироваться
        </Button>
      </div>
    </form>
  );
}
