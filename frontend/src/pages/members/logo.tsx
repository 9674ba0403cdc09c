import { ApiError } from "../../data/api";
import { FieldError } from "../../ui/field";
import { fieldId } from "../../ui/form";
import { imageAccept, imageHint } from "../../ui/image-file";

/** The logo file input shared by the join form and the edit page. */

export const logoFieldId = fieldId("logo");

/** What to say next to the field when the server refused the logo. */
export function logoErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return "Не удалось загрузить логотип. Попробуйте ещё раз.";
  if (error.status === 413) {
    return "Файл больше 200 КБ. Уменьшите изображение или сохраните его в формате WebP или JPEG.";
  }
  if (error.fields.logo) return error.fields.logo;
  if (error.status === 415) return "Этот формат не подходит. Выберите изображение PNG, JPEG или WebP.";
  if (error.status === 409) {
    return "Профиль организации изменили одновременно с загрузкой. Загрузите логотип ещё раз.";
  }
  return error.message;
}

export function LogoFileField(props: {
  error?: string;
  onFile: (file: File | undefined) => void;
  ref?: (element: HTMLInputElement) => void;
}) {
  return (
    <div class="field" classList={{ "field--invalid": !!props.error }}>
      <label class="field-label" for={logoFieldId}>
        Файл логотипа
      </label>
      <p id={`${logoFieldId}-hint`} class="field-hint">
        {imageHint}
      </p>
      <FieldError id={`${logoFieldId}-error`} error={props.error} />
      <input
        ref={props.ref}
        type="file"
        id={logoFieldId}
        name="logo"
        class="file-input"
        accept={imageAccept}
        onChange={(event) => props.onFile(event.currentTarget.files?.[0] ?? undefined)}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={[`${logoFieldId}-hint`, props.error ? `${logoFieldId}-error` : ""]
          .filter(Boolean)
          .join(" ")}
      />
    </div>
  );
}
