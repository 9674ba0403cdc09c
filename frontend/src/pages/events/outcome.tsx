import { type EventDetail, EventOutcome, type FeedbackResults } from "@cluster/core/event/schema";
import { createAsync, useAction, useSubmission } from "@solidjs/router";
import { createSignal, For, Index, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { ApiError, type FieldErrors } from "../../data/api";
import { getEventFeedback, recordEventOutcome } from "../../data/events";
import { Alert, ProblemAlert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { ErrorSummary } from "../../ui/error-summary";
import { TextArea, TextField } from "../../ui/field";
import { issuesToFields } from "../../ui/form";
import { formatDateTime } from "../../ui/format";
import { Select } from "../../ui/select";
import { materialKindOptions } from "./labels";
import { OrganiserPage } from "./organiser-page";

/** The organiser's page after the event: the summary and materials, and what attendees said. */
export default function OutcomePage() {
  return (
    <OrganiserPage
      title="Итоги мероприятия"
      signIn="Итоги подводит организатор: войдите по электронной почте."
      refusal="Итоги подводят организатор мероприятия и координаторы."
    >
      {(event) => (
        <>
          <Show
            when={event().may.recordOutcome}
            fallback={
              <p>Итоги можно подвести, когда мероприятие начнётся: {formatDateTime(event().startsAt)}.</p>
            }
          >
            <OutcomeForm event={event()} />
          </Show>
          <Show when={event().heldAt}>
            <Feedback eventId={event().id} />
          </Show>
        </>
      )}
    </OrganiserPage>
  );
}

type MaterialRow = { kind: string; title: string; url: string };

function OutcomeForm(props: { event: EventDetail }) {
  const [summaryText, setSummaryText] = createSignal(props.event.summary ?? "");
  const [materials, setMaterials] = createStore<MaterialRow[]>(
    props.event.materials.length
      ? props.event.materials.map((material) => ({ ...material }))
      : [{ kind: "recording", title: "Запись", url: "" }],
  );
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [problem, setProblem] = createSignal<string>();
  const [saved, setSaved] = createSignal(false);
  const record = useAction(recordEventOutcome);
  const recording = useSubmission(recordEventOutcome);
  let summary: HTMLElement | undefined;
  const labels = () => ({
    summary: "Итоги",
    ...Object.fromEntries(
      materials.flatMap((_, index) => [
        [`materials.${index}.title`, `Материал ${index + 1}: название`],
        [`materials.${index}.url`, `Материал ${index + 1}: адрес`],
      ]),
    ),
  });
  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (recording.pending) return;
    setProblem(undefined);
    setSaved(false);
    const parsed = EventOutcome.safeParse({
      summary: summaryText() || undefined,
      // An empty row is one the organiser did not need.
      materials: materials.filter((row) => row.url.trim() || row.title.trim() !== "Запись"),
      version: props.event.version,
    });
    if (!parsed.success) {
      setErrors(issuesToFields(parsed.error.issues));
      requestAnimationFrame(() => summary?.focus());
      return;
    }
    try {
      await record(props.event.id, parsed.data);
      setErrors({});
      setSaved(true);
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) setErrors(error.fields);
      else
        setProblem(error instanceof ApiError ? error.message : "Не удалось сохранить. Попробуйте ещё раз.");
    }
  }
  return (
    <form class="form panel" onSubmit={onSubmit} noValidate aria-labelledby="outcome-title">
      <h2 id="outcome-title">Как прошло</h2>
      <Show when={!props.event.heldAt}>
        <p>
          Сохранённые итоги отмечают мероприятие состоявшимся: отмеченным участникам придёт просьба об отзыве,
          и они смогут скачать сертификаты.
        </p>
      </Show>
      <ErrorSummary errors={errors()} labels={labels()} ref={(el) => (summary = el)} />
      <TextArea
        name="summary"
        label="Итоги (необязательно)"
        hint="Что обсудили и решили, ответы на вопросы — это увидят все на странице мероприятия"
        rows={6}
        value={summaryText()}
        onValue={setSummaryText}
        error={errors().summary}
      />
      <Index each={materials}>
        {(row, index) => (
          <fieldset class="fieldset">
            <legend>Материал {index + 1}</legend>
            <Select
              name={`materials.${index}.kind`}
              label={`Материал ${index + 1}: вид`}
              options={materialKindOptions}
              value={row().kind}
              onValue={(value) => setMaterials(index, "kind", value)}
            />
            <TextField
              name={`materials.${index}.title`}
              label={`Материал ${index + 1}: название`}
              value={row().title}
              onValue={(value) => setMaterials(index, "title", value)}
              error={errors()[`materials.${index}.title`]}
            />
            <TextField
              name={`materials.${index}.url`}
              label={`Материал ${index + 1}: адрес`}
              type="url"
              value={row().url}
              onValue={(value) => setMaterials(index, "url", value)}
              error={errors()[`materials.${index}.url`]}
            />
            <Button
              variant="secondary"
              onClick={() => setMaterials((rows) => rows.filter((_, i) => i !== index))}
            >
              Убрать материал {index + 1}
            </Button>
          </fieldset>
        )}
      </Index>
      <Show when={materials.length < 20}>
        <Button
          variant="secondary"
          onClick={() => setMaterials(materials.length, { kind: "link", title: "", url: "" })}
        >
          Добавить материал
        </Button>
      </Show>
      <ProblemAlert message={problem()} />
      <Show when={saved()}>
        <Alert kind="success">
          <p>Итоги сохранены и видны на странице мероприятия.</p>
        </Alert>
      </Show>
      <div class="actions">
        <Button type="submit" pending={recording.pending}>
          Сохранить итоги
        </Button>
      </div>
    </form>
  );
}

function Feedback(props: { eventId: string }) {
  const results = createAsync(() => getEventFeedback(props.eventId));
  return (
    <section aria-labelledby="feedback-results" class="panel">
      <h2 id="feedback-results">Отзывы участников</h2>
      <Show when={results()}>{(current) => <FeedbackSummary results={current()} />}</Show>
    </section>
  );
}

function FeedbackSummary(props: { results: FeedbackResults }) {
  const r = () => props.results;
  return (
    <>
      <p>
        Отзывов: {r().count} из {r().attended} отмеченных участников
        <Show when={r().average}>
          {(average) => <>, средняя оценка {average().toLocaleString("ru-RU")} из 5</>}
        </Show>
        .
      </p>
      <table class="table">
        <caption>Оценки</caption>
        <thead>
          <tr>
            <th scope="col">Оценка</th>
            <th scope="col">Сколько</th>
          </tr>
        </thead>
        <tbody>
          <For each={r().ratings}>
            {(count, index) => (
              <tr>
                <th scope="row">{index() + 1}</th>
                <td>{count}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <Show when={r().comments.length > 0}>
        <h3>Комментарии</h3>
        <ul class="feedback-comments">
          <For each={r().comments}>
            {(comment) => (
              <li class="feedback-comment">
                <strong>{comment.rating} из 5</strong> · {formatDateTime(comment.at)}
                <p>{comment.comment}</p>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </>
  );
}
