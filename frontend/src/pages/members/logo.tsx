import { LOGO_MAX_BYTES, type LogoType, logoTypes } from "@cluster/core/member/schema";
import { ApiError } from "../../data/api";
import { FieldError } from "../../ui/field";
import { fieldId } from "../../ui/form";

/** The logo file input shared by the join form and the edit page, and the checks before an upload. */

export const logoAccept = ".png,.jpg,.jpeg,.webp,image/png,image/jpeg,image/webp";
export const logoHint = "PNG, JPEG или WebP, до 200 КБ";
export const logoFieldId = fieldId("logo");

const byExtension: Record<string, LogoType> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  webp: "image/webp",
};

/** Types some systems report instead of the standard ones. */
const aliases: Record<string, LogoType> = {
  "image/jpg": "image/jpeg",
  "image/pjpeg": "image/jpeg",
  "image/x-png": "image/png",
};

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} КБ`;
  return `${(bytes / (1024 * 1024)).toLocaleString("ru-RU", { maximumFractionDigits: 1 })} МБ`;
}

/**
 * The type to upload the file as, or what is wrong with it. The browser's type wins; the extension
 * counts only when the browser does not know the type (older systems and WebP).
 */
export function checkLogo(file: File): { type: LogoType } | { error: string } {
  const declared = file.type.toLowerCase();
  const extension = file.name.includes(".") ? (file.name.split(".").pop()?.toLowerCase() ?? "") : "";
  const type: LogoType | undefined = (logoTypes as readonly string[]).includes(declared)
    ? (declared as LogoType)
    : (aliases[declared] ??
      (declared === "" || declared === "application/octet-stream" ? byExtension[extension] : undefined));
  if (!type) {
    return { error: "Этот формат не подходит. Выберите изображение PNG, JPEG или WebP." };
  }
  if (file.size === 0) return { error: "Файл пустой. Выберите другое изображение." };
  if (file.size > LOGO_MAX_BYTES) {
    return {
      error: `Файл весит ${formatSize(file.size)}, а можно не больше 200 КБ. Уменьшите изображение или сохраните его в формате WebP или JPEG.`,
    };
  }
  return { type };
}

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
        {logoHint}
      </p>
      <FieldError id={`${logoFieldId}-error`} error={props.error} />
      <input
        ref={props.ref}
        type="file"
        id={logoFieldId}
        name="logo"
        class="file-input"
        accept={logoAccept}
        onChange={(event) => props.onFile(event.currentTarget.files?.[0] ?? undefined)}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={[`${logoFieldId}-hint`, props.error ? `${logoFieldId}-error` : ""]
          .filter(Boolean)
          .join(" ")}
      />
    </div>
  );
}
