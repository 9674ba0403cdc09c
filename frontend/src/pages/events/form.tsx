import { CreateEvent, type EventDetail, MAX_QUESTIONS, UpdateEvent } from "@cluster/core/event/schema";
import { consultationTopics, municipalities } from "@cluster/core/reference";
import { createAsync, useNavigate } from "@solidjs/router";
import { createSignal, Index, Show } from "solid-js";
import { createStore, produce } from "solid-js/store";
import { ApiError, type FieldErrors } from "../../data/api";
import { getPortalSpeakers } from "../../data/events";
import { useSession } from "../../providers/session";
import { ProblemAlert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { CheckboxGroup, RadioGroup } from "../../ui/choice-group";
import { ErrorSummary } from "../../ui/error-summary";
import { Checkbox, TextArea, TextField } from "../../ui/field";
import { blankToUndefined, errorUnder, issuesToFields } from "../../ui/form";
import { Select } from "../../ui/select";
import { formatOptions, kindOptions } from "./labels";

const labels: Record<string, string> = {
  organisationId: "Организатор",
  kind: "Вид",
  format: "Формат",
  title: "Название",
  description: "Описание",
  startsAt: "Начало",
  endsAt: "Окончание",
  municipality: "Муниципалитет",
  address: "Адрес",
  onlineUrl: "Ссылка на подключение",
  capacityInPerson: "Очных мест",
  capacityOnline: "Онлайн-мест",
  registrationOpensAt: "Начало регистрации",
  registrationClosesAt: "Конец регистрации",
  approvalRequired: "Участие по одобрению организатора",
  repeat: "Повторять",
  "repeat.until": "Повторять до",
  topic: "Тема",
  speakers: "Выступают",
  speakerAccountIds: "Эксперты портала",
  audience: "Для кого",
  questions: "Вопросы участникам",
};

type Question = {
  id?: string;
  kind: "text" | "choice" | "yesno";
  label: string;
  options: string;
  required: boolean;
};

const cluster = "cluster";
const questionKinds = [
  { value: "text", label: "Короткий ответ" },
  { value: "choice", label: "Выбор из вариантов" },
  { value: "yesno", label: "Да или нет" },
];

/** A Moscow clock time for a datetime-local field: 2026-12-10T18:00. */
const moscowLocal = (iso: string | undefined) =>
  iso ? new Date(Date.parse(iso) + 3 * 3_600_000).toISOString().slice(0, 16) : "";

/** The form's text fields for an event being edited; empty for a new one. */
function initialForm(event?: EventDetail) {
  const seats = (count: number | undefined) => (count === undefined ? "" : String(count));
  return {
    owner: "",
    repeat: "",
    repeatUntil: "",
    kind: event?.kind ?? "",
    format: (event?.format ?? "online") as EventDetail["format"],
    title: event?.title ?? "",
    description: event?.description ?? "",
    startsAt: moscowLocal(event?.startsAt),
    endsAt: moscowLocal(event?.endsAt),
    municipality: event?.municipality ?? "",
    address: event?.address ?? "",
    onlineUrl: event?.onlineUrl ?? "",
    capacityInPerson: seats(event?.seats.inPerson?.capacity),
    capacityOnline: seats(event?.seats.online?.capacity),
    registrationOpensAt: moscowLocal(event?.registrationOpensAt),
    registrationClosesAt: moscowLocal(event?.registrationClosesAt),
    approvalRequired: event?.approvalRequired ?? false,
    topic: event?.topic ?? "",
    speakers: (event?.speakers ?? []).join("\n"),
    speakerAccountIds: (event?.portalSpeakers ?? []).map((speaker) => speaker.accountId),
    audience: event?.audience ?? "",
    questions: (event?.questions ?? []).map((question) => ({
      id: question.id,
      kind: question.kind,
      label: question.label,
      options: question.options.join("\n"),
      required: question.required,
    })) as Question[],
  };
}

/**
 * A new event's form, or an existing one's (`initial`): the same fields and checks; only a new
 * one chooses its organiser. `save` sends what passed the schema and answers the saved event.
 */
export function EventForm(props: {
  initial?: EventDetail;
  submitLabel: (coordinator: boolean) => string;
  pending?: boolean;
  save: (input: CreateEvent | UpdateEvent) => Promise<EventDetail | undefined>;
}) {
  const { session, hasRole } = useSession();
  const navigate = useNavigate();
  const portalSpeakers = createAsync(() => getPortalSpeakers());
  const organisations = () => (session()?.memberships ?? []).filter((m) => m.status === "approved");
  const coordinator = () => hasRole("coordinator");
  const [form, setForm] = createStore(initialForm(props.initial));
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [problem, setProblem] = createSignal<string>();
  let summary: HTMLElement | undefined;
  const inPerson = () => form.format !== "online";
  const remote = () => form.format !== "in_person";
  const owner = () => form.owner || (coordinator() ? cluster : (organisations()[0]?.organisationId ?? ""));
  const seats = (value: string) => (value.trim() === "" ? undefined : Number(value));

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (props.pending) return;
    setProblem(undefined);
    const fields = {
      kind: form.kind,
      format: form.format,
      title: form.title,
      description: form.description,
      startsAt: form.startsAt,
      endsAt: form.endsAt,
      municipality: inPerson() ? blankToUndefined(form.municipality) : undefined,
      address: inPerson() ? blankToUndefined(form.address) : undefined,
      onlineUrl: remote() ? blankToUndefined(form.onlineUrl) : undefined,
      capacityInPerson: inPerson() ? seats(form.capacityInPerson) : undefined,
      capacityOnline: remote() ? seats(form.capacityOnline) : undefined,
      registrationOpensAt: blankToUndefined(form.registrationOpensAt),
      registrationClosesAt: blankToUndefined(form.registrationClosesAt),
      approvalRequired: form.approvalRequired,
      topic: blankToUndefined(form.topic),
      speakers: form.speakers
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean),
      speakerAccountIds: form.speakerAccountIds,
      audience: blankToUndefined(form.audience),
      questions: form.questions.map((question) => ({
        ...(question.id ? { id: question.id } : {}),
        kind: question.kind,
        label: question.label,
        options:
          question.kind === "choice"
            ? question.options
                .split("\n")
                .map((line) => line.trim())
                .filter(Boolean)
            : [],
        required: question.required,
      })),
    };
    const parsed = props.initial
      ? UpdateEvent.safeParse({ ...fields, version: props.initial.version })
      : CreateEvent.safeParse({
          ...fields,
          organisationId: owner() === cluster ? undefined : owner() || undefined,
          repeat: form.repeat ? { every: form.repeat, until: form.repeatUntil } : undefined,
        });
    if (!parsed.success) {
      setErrors(issuesToFields(parsed.error.issues));
      requestAnimationFrame(() => summary?.focus());
      return;
    }
    setErrors({});
    try {
      const saved = await props.save(parsed.data);
      if (saved) navigate(`/events/${saved.id}`);
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        setErrors(error.fields);
        requestAnimationFrame(() => summary?.focus());
        return;
      }
      setProblem(
        error instanceof ApiError ? error.message : "Не удалось сохранить мероприятие. Попробуйте ещё раз.",
      );
    }
  }

  return (
    <Show
      when={props.initial || coordinator() || organisations().length > 0}
      fallback={
        <p>
          Предложить мероприятие может организация — участник кластера. <a href="/join">Вступить в кластер</a>
        </p>
      }
    >
      <form class="form" onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors()} labels={labels} ref={(el) => (summary = el)} />
        <Show when={!props.initial}>
          <Select
            name="organisationId"
            label={labels.organisationId}
            options={[
              ...(coordinator() ? [{ value: cluster, label: "Кластер НКО (координаторы)" }] : []),
              ...organisations().map((o) => ({ value: o.organisationId, label: o.name })),
            ]}
            value={owner()}
            onValue={(value) => setForm("owner", value)}
            error={errors().organisationId}
          />
        </Show>
        <Select
          name="kind"
          label={labels.kind}
          placeholder="Выберите вид"
          options={kindOptions}
          value={form.kind}
          onValue={(value) => setForm("kind", value)}
          error={errors().kind}
        />
        <RadioGroup
          name="format"
          legend={labels.format}
          options={formatOptions}
          value={form.format}
          onValue={(value) => setForm("format", value as EventDetail["format"])}
          error={errors().format}
        />
        <TextField
          name="title"
          label={labels.title}
          value={form.title}
          onValue={(value) => setForm("title", value)}
          error={errors().title}
        />
        <TextArea
          name="description"
          label={labels.description}
          hint="О чём встреча, что участники унесут с собой"
          rows={6}
          value={form.description}
          onValue={(value) => setForm("description", value)}
          error={errors().description}
        />
        <TextField
          type="datetime-local"
          name="startsAt"
          label={`${labels.startsAt} (мск)`}
          value={form.startsAt}
          onValue={(value) => setForm("startsAt", value)}
          error={errors().startsAt}
        />
        <TextField
          type="datetime-local"
          name="endsAt"
          label={`${labels.endsAt} (мск)`}
          value={form.endsAt}
          onValue={(value) => setForm("endsAt", value)}
          error={errors().endsAt}
        />
        <Show when={!props.initial}>
          <Select
            name="repeat"
            label={labels.repeat}
            placeholder="Не повторять"
            hint="Каждая дата — отдельное мероприятие со своей регистрацией"
            options={[
              { value: "week", label: "Каждую неделю" },
              { value: "month", label: "Каждый месяц (в то же число)" },
            ]}
            value={form.repeat}
            onValue={(value) => setForm("repeat", value)}
            error={errors().repeat}
          />
          <Show when={form.repeat}>
            <TextField
              type="date"
              name="repeat.until"
              label={labels["repeat.until"]}
              hint="Последняя дата серии — не позже этого дня, всего не больше 52 дат"
              value={form.repeatUntil}
              onValue={(value) => setForm("repeatUntil", value)}
              error={errors()["repeat.until"]}
            />
          </Show>
        </Show>
        <Show when={inPerson()}>
          <Select
            name="municipality"
            label={labels.municipality}
            placeholder="Выберите муниципалитет"
            options={municipalities.map((m) => ({ value: m.id, label: m.name }))}
            value={form.municipality}
            onValue={(value) => setForm("municipality", value)}
            error={errors().municipality}
          />
          <TextField
            name="address"
            label={labels.address}
            value={form.address}
            onValue={(value) => setForm("address", value)}
            error={errors().address}
          />
          <TextField
            type="number"
            inputmode="numeric"
            min="1"
            name="capacityInPerson"
            label={labels.capacityInPerson}
            hint="Пусто — без ограничения"
            value={form.capacityInPerson}
            onValue={(value) => setForm("capacityInPerson", value)}
            error={errors().capacityInPerson}
          />
        </Show>
        <Show when={remote()}>
          <TextField
            type="url"
            name="onlineUrl"
            label={labels.onlineUrl}
            hint="Её увидят только зарегистрированные участники"
            value={form.onlineUrl}
            onValue={(value) => setForm("onlineUrl", value)}
            error={errors().onlineUrl}
          />
          <TextField
            type="number"
            inputmode="numeric"
            min="1"
            name="capacityOnline"
            label={labels.capacityOnline}
            hint="Пусто — без ограничения"
            value={form.capacityOnline}
            onValue={(value) => setForm("capacityOnline", value)}
            error={errors().capacityOnline}
          />
        </Show>
        <TextField
          type="datetime-local"
          name="registrationOpensAt"
          label={`${labels.registrationOpensAt} (необязательно)`}
          hint="Пусто — регистрация открывается сразу"
          value={form.registrationOpensAt}
          onValue={(value) => setForm("registrationOpensAt", value)}
          error={errors().registrationOpensAt}
        />
        <TextField
          type="datetime-local"
          name="registrationClosesAt"
          label={`${labels.registrationClosesAt} (необязательно)`}
          hint="Пусто — до начала мероприятия"
          value={form.registrationClosesAt}
          onValue={(value) => setForm("registrationClosesAt", value)}
          error={errors().registrationClosesAt}
        />
        <Checkbox
          name="approvalRequired"
          label={labels.approvalRequired}
          checked={form.approvalRequired}
          onChecked={(checked) => setForm("approvalRequired", checked)}
          error={errors().approvalRequired}
        />
        <Select
          name="topic"
          label={`${labels.topic} (необязательно)`}
          placeholder="Без темы"
          options={consultationTopics.map((topic) => ({ value: topic.id, label: topic.name }))}
          value={form.topic}
          onValue={(value) => setForm("topic", value)}
          error={errors().topic}
        />
        <TextArea
          name="speakers"
          label={`${labels.speakers} (необязательно)`}
          hint="Каждый с новой строки: имя и кто это"
          rows={3}
          value={form.speakers}
          onValue={(value) => setForm("speakers", value)}
          error={errorUnder(errors(), "speakers")}
        />
        <Show when={portalSpeakers()?.items.length}>
          <CheckboxGroup
            name="speakerAccountIds"
            legend={`${labels.speakerAccountIds} (необязательно)`}
            hint="Эксперты консультаций и представители органов власти, зарегистрированные на портале"
            options={(portalSpeakers()?.items ?? []).map((speaker) => ({
              value: speaker.accountId,
              label: `${speaker.name} — ${speaker.about}`,
            }))}
            value={form.speakerAccountIds}
            onValue={(value) => setForm("speakerAccountIds", value)}
            error={errorUnder(errors(), "speakerAccountIds")}
          />
        </Show>
        <TextField
          name="audience"
          label={`${labels.audience} (необязательно)`}
          value={form.audience}
          onValue={(value) => setForm("audience", value)}
          error={errors().audience}
        />

        <fieldset class="field">
          <legend class="field-label">{labels.questions} (необязательно)</legend>
          <p class="field-hint">Что спросить при регистрации, до {MAX_QUESTIONS} вопросов</p>
          <Index each={form.questions}>
            {(question, index) => (
              <div class="panel">
                <Select
                  name={`questions.${index}.kind`}
                  label={`Вопрос ${index + 1}: вид`}
                  options={questionKinds}
                  value={question().kind}
                  onValue={(value) => setForm("questions", index, "kind", value as Question["kind"])}
                />
                <TextField
                  name={`questions.${index}.label`}
                  label={`Вопрос ${index + 1}: текст`}
                  value={question().label}
                  onValue={(value) => setForm("questions", index, "label", value)}
                  error={errors()[`questions.${index}.label`]}
                />
                <Show when={question().kind === "choice"}>
                  <TextArea
                    name={`questions.${index}.options`}
                    label={`Вопрос ${index + 1}: варианты`}
                    hint="Каждый вариант с новой строки"
                    rows={3}
                    value={question().options}
                    onValue={(value) => setForm("questions", index, "options", value)}
                    error={errorUnder(errors(), `questions.${index}.options`)}
                  />
                </Show>
                <Checkbox
                  name={`questions.${index}.required`}
                  label={`Вопрос ${index + 1}: обязательный`}
                  checked={question().required}
                  onChecked={(checked) => setForm("questions", index, "required", checked)}
                />
                <Button
                  variant="link"
                  onClick={() =>
                    setForm(
                      "questions",
                      produce((list) => list.splice(index, 1)),
                    )
                  }
                >
                  Убрать вопрос {index + 1}
                </Button>
              </div>
            )}
          </Index>
          <Show when={form.questions.length < MAX_QUESTIONS}>
            <Button
              variant="secondary"
              onClick={() =>
                setForm("questions", form.questions.length, {
                  kind: "text",
                  label: "",
                  options: "",
                  required: false,
                })
              }
            >
              Добавить вопрос
            </Button>
          </Show>
        </fieldset>
        <ProblemAlert message={problem()} />
        <div class="actions">
          <Button type="submit" pending={props.pending}>
            {props.submitLabel(coordinator())}
          </Button>
        </div>
      </form>
    </Show>
  );
}
