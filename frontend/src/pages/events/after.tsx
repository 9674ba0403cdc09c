import { printedCode } from "@cluster/core/certificate/schema";
import { type EventDetail, GiveFeedback } from "@cluster/core/event/schema";
import { useAction, useSubmission } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { ApiError, type FieldErrors } from "../../data/api";
import { downloadCertificate, giveEventFeedback } from "../../data/events";
import { ProblemAlert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { RadioGroup } from "../../ui/choice-group";
import { ErrorSummary } from "../../ui/error-summary";
import { TextArea } from "../../ui/field";
import { issuesToFields } from "../../ui/form";
import { materialKindName } from "./labels";

/** After the event: how it went (summary, materials), the attendees' rating, and the attendee's own part. */
export function AfterEvent(props: { event: EventDetail }) {
  const e = () => props.event;
  const mine = () => e().myRegistration;
  return (
    <Show when={e().heldAt}>
      <section aria-labelledby="after-title" class="panel">
        <h2 id="after-title">Итоги</h2>
        <Show when={e().feedback.average}>
          {(average) => (
            <p>
              Оценка участников: <strong>{average().toLocaleString("ru-RU")} из 5</strong> (
              {e().feedback.count}{" "}
              {e().feedback.count === 1 ? "отзыв" : e().feedback.count < 5 ? "отзыва" : "отзывов"})
            </p>
          )}
        </Show>
        <Show when={e().summary}>
          <p class="description">{e().summary}</p>
        </Show>
        <Show when={e().materials.length > 0}>
          <h3>Материалы</h3>
          <ul>
            <For each={e().materials}>
              {(material) => (
                <li>
                  {materialKindName[material.kind]}:{" "}
                  <a href={material.url} rel="external noopener noreferrer">
                    {material.title}
                  </a>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={mine()?.certificate}>
          <Certificate event={e()} />
        </Show>
        <Show when={e().may.giveFeedback}>
          <FeedbackForm event={e()} />
        </Show>
        <Show when={mine()?.feedback}>
          {(feedback) => <p>Ваша оценка: {feedback().rating} из 5. Спасибо за отзыв!</p>}
        </Show>
      </section>
    </Show>
  );
}

function Certificate(props: { event: EventDetail }) {
  const [problem, setProblem] = createSignal<string>();
  const fetchFile = useAction(downloadCertificate);
  const downloading = useSubmission(downloadCertificate);
  const code = () => props.event.myRegistration?.certificateCode;
  return (
    <>
      <h3>Сертификат участника</h3>
      <p>
        Сертификат в PDF с вашим именем и кодом проверки: любой может убедиться в его подлинности на портале.
      </p>
      <div class="actions">
        <Button
          variant="secondary"
          pending={downloading.pending}
          onClick={async () => {
            setProblem(undefined);
            try {
              await fetchFile(props.event.id);
            } catch (error) {
              setProblem(
                error instanceof ApiError ? error.message : "Не удалось скачать. Попробуйте ещё раз.",
              );
            }
          }}
        >
          Скачать сертификат (PDF)
        </Button>
      </div>
      <Show when={code()}>
        {(issued) => (
          <p>
            Код проверки: <strong>{printedCode(issued())}</strong> ·{" "}
            <a href={`/certificates/${issued()}`}>страница проверки</a>
          </p>
        )}
      </Show>
      <ProblemAlert message={problem()} />
    </>
  );
}

function FeedbackForm(props: { event: EventDetail }) {
  const [rating, setRating] = createSignal("");
  const [comment, setComment] = createSignal("");
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [problem, setProblem] = createSignal<string>();
  const send = useAction(giveEventFeedback);
  const sending = useSubmission(giveEventFeedback);
  let summary: HTMLElement | undefined;
  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (sending.pending) return;
    setProblem(undefined);
    const parsed = GiveFeedback.safeParse({
      rating: rating() ? Number(rating()) : undefined,
      comment: comment() || undefined,
    });
    if (!parsed.success) {
      setErrors(issuesToFields(parsed.error.issues));
      requestAnimationFrame(() => summary?.focus());
      return;
    }
    try {
      await send(props.event.id, parsed.data);
      setErrors({});
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) setErrors(error.fields);
      else
        setProblem(error instanceof ApiError ? error.message : "Не удалось отправить. Попробуйте ещё раз.");
    }
  }
  return (
    <form class="form" onSubmit={onSubmit} noValidate aria-labelledby="feedback-title">
      <h3 id="feedback-title">Как вам мероприятие?</h3>
      <ErrorSummary
        errors={errors()}
        labels={{ rating: "Оценка", comment: "Комментарий" }}
        ref={(el) => (summary = el)}
      />
      <RadioGroup
        name="rating"
        legend="Оценка"
        hint="1 — совсем не полезно, 5 — очень полезно"
        options={["1", "2", "3", "4", "5"].map((value) => ({ value, label: value }))}
        value={rating()}
        onValue={setRating}
        error={errors().rating}
      />
      <TextArea
        name="comment"
        label="Комментарий (необязательно)"
        hint="Организатор увидит его без вашего имени"
        rows={3}
        value={comment()}
        onValue={setComment}
        error={errors().comment}
      />
      <ProblemAlert message={problem()} />
      <div class="actions">
        <Button type="submit" pending={sending.pending}>
          Отправить отзыв
        </Button>
      </div>
    </form>
  );
}
