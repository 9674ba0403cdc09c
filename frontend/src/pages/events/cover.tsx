import type { EventDetail } from "@cluster/core/event/schema";
import { useAction, useSubmission } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { ApiError } from "../../data/api";
import { removeEventCover, setEventCover } from "../../data/events";
import { Button } from "../../ui/button";
import { FieldError } from "../../ui/field";
import { fieldId } from "../../ui/form";
import { imageAccept, imageHint, shrinkPhoto } from "../../ui/image-file";

const coverFieldId = fieldId("cover");

/** The cover picture: a phone photo is made small enough before it goes, as the listings' photos are. */
export function CoverField(props: { event: EventDetail }) {
  const [error, setError] = createSignal<string>();
  const upload = useAction(setEventCover);
  const uploading = useSubmission(setEventCover);
  const remove = useAction(removeEventCover);
  const removing = useSubmission(removeEventCover);
  async function onFile(file: File | undefined) {
    if (!file) return;
    setError(undefined);
    const prepared = await shrinkPhoto(file);
    if ("error" in prepared) {
      setError(prepared.error);
      return;
    }
    try {
      await upload(props.event.id, prepared);
    } catch (problem) {
      setError(
        problem instanceof ApiError
          ? (problem.fields.cover ?? problem.message)
          : "Не удалось загрузить обложку. Попробуйте ещё раз.",
      );
    }
  }
  return (
    <section class="panel" aria-labelledby="cover-title">
      <h2 id="cover-title">Обложка</h2>
      <Show when={props.event.coverPath} fallback={<p>Обложки пока нет: она необязательна.</p>}>
        {(src) => <img class="event-cover" src={src()} alt="Текущая обложка" width="360" height="180" />}
      </Show>
      <div class="field" classList={{ "field--invalid": !!error() }}>
        <label class="field-label" for={coverFieldId}>
          {props.event.coverPath ? "Заменить обложку" : "Загрузить обложку"}
        </label>
        <p id={`${coverFieldId}-hint`} class="field-hint">
          {imageHint}; большую фотографию с телефона уменьшим сами
        </p>
        <FieldError id={`${coverFieldId}-error`} error={error()} />
        <input
          type="file"
          id={coverFieldId}
          name="cover"
          class="file-input"
          accept={imageAccept}
          disabled={uploading.pending}
          onChange={(event) => void onFile(event.currentTarget.files?.[0] ?? undefined)}
          aria-invalid={error() ? "true" : undefined}
          aria-describedby={[`${coverFieldId}-hint`, error() ? `${coverFieldId}-error` : ""]
            .filter(Boolean)
            .join(" ")}
        />
      </div>
      <Show when={props.event.coverPath}>
        <Button variant="secondary" pending={removing.pending} onClick={() => void remove(props.event.id)}>
          Убрать обложку
        </Button>
      </Show>
    </section>
  );
}
