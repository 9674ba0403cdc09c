import type { Listing } from "@cluster/core/resource/schema";
import { useAction } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { ApiError } from "../../data/api";
import { addPhoto, removePhoto } from "../../data/resources";
import { Button } from "../../ui/button";
import { FieldError } from "../../ui/field";
import { fieldId } from "../../ui/form";
import { imageAccept, shrinkPhoto } from "../../ui/image-file";

const MAX_PHOTOS = 5;
const inputId = fieldId("photo");

/** The listing's photos; its managers add (shrunk in the browser to fit 200 KB) and remove them. */
export function Photos(props: { listing: Listing; canEdit: boolean }) {
  const add = useAction(addPhoto);
  const remove = useAction(removePhoto);
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal<string>();
  const photos = () => props.listing.photos;

  async function onFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file || busy()) return;
    setError(undefined);
    setBusy("add");
    try {
      const shrunk = await shrinkPhoto(file);
      if ("error" in shrunk) {
        setError(shrunk.error);
        return;
      }
      await add(props.listing.id, shrunk);
    } catch (failure) {
      setError(
        failure instanceof ApiError
          ? (failure.fields.photo ?? failure.message)
          : "Не удалось загрузить фотографию. Попробуйте ещё раз.",
      );
    } finally {
      input.value = "";
      setBusy(undefined);
    }
  }

  async function onRemove(photoId: string) {
    if (busy()) return;
    setError(undefined);
    setBusy(photoId);
    try {
      await remove(props.listing.id, photoId);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : "Не удалось удалить фотографию.");
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <Show when={photos().length > 0 || props.canEdit}>
      <section aria-labelledby="photos-title" class="section">
        <h2 id="photos-title">Фотографии</h2>
        <ul class="plain-list photos">
          <For each={photos()}>
            {(photo, index) => (
              <li>
                <img
                  src={photo.url}
                  alt={`Фото ${index() + 1} из ${photos().length}: ${props.listing.title}`}
                  loading="lazy"
                />
                <Show when={props.canEdit}>
                  <Button variant="link" pending={busy() === photo.id} onClick={() => onRemove(photo.id)}>
                    Удалить фото {index() + 1}
                  </Button>
                </Show>
              </li>
            )}
          </For>
        </ul>
        <Show when={props.canEdit && photos().length < MAX_PHOTOS}>
          <div class="field" classList={{ "field--invalid": !!error() }}>
            <label class="field-label" for={inputId}>
              Добавить фотографию
            </label>
            <p id={`${inputId}-hint`} class="field-hint">
              JPEG, PNG или WebP; большие снимки с телефона уменьшим сами. До {MAX_PHOTOS} фотографий.
            </p>
            <FieldError id={`${inputId}-error`} error={error()} />
            <input
              type="file"
              id={inputId}
              name="photo"
              class="file-input"
              accept={imageAccept}
              disabled={busy() === "add"}
              onChange={(event) => onFile(event.currentTarget)}
              aria-invalid={error() ? "true" : undefined}
              aria-describedby={[`${inputId}-hint`, error() ? `${inputId}-error` : ""]
                .filter(Boolean)
                .join(" ")}
            />
          </div>
        </Show>
      </section>
    </Show>
  );
}
