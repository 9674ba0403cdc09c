import { DOCUMENT_MAX_BYTES, documentTypes, typeOfName } from "@cluster/core/files/types";
import type { FieldErrors } from "../../data/api";
import { FieldError } from "../../ui/field";
import { fieldId } from "../../ui/form";

export const documentAccept = documentTypes.map((type) => `.${type.ext}`).join(",");
export const documentHint = "PDF, DOCX, XLSX, PPTX или ODT, до 20 МБ";

/** Why a chosen file cannot be sent, said before anything is uploaded; undefined when it can. */
export function documentProblem(file: File | undefined): string | undefined {
  if (!file) return "Выберите файл";
  if (!typeOfName(file.name)) return `Загрузите ${documentHint}`;
  if (file.size > DOCUMENT_MAX_BYTES) return "Файл больше 20 МБ";
  if (file.size === 0) return "Файл пуст";
  return undefined;
}

/** A refusal of the upload's own fields (name, type, size) is said on the file field `field`. */
export function onFileField(fields: FieldErrors, field = "uploadId"): FieldErrors {
  const { fileName, contentType, size, ...rest } = fields;
  const upload = rest[field] ?? fileName ?? contentType ?? size;
  return { ...rest, ...(upload ? { [field]: upload } : {}) };
}

/** A document to upload: chosen here, sent on submit. */
export function DocumentField(props: {
  name: string;
  label: string;
  error?: string;
  disabled?: boolean;
  onFile: (file: File | undefined) => void;
}) {
  const id = fieldId(props.name);
  return (
    <div class="field" classList={{ "field--invalid": !!props.error }}>
      <label class="field-label" for={id}>
        {props.label}
      </label>
      <p id={`${id}-hint`} class="field-hint">
        {documentHint}
      </p>
      <FieldError id={`${id}-error`} error={props.error} />
      <input
        type="file"
        id={id}
        name={props.name}
        class="file-input"
        accept={documentAccept}
        disabled={props.disabled}
        onChange={(event) => props.onFile(event.currentTarget.files?.[0] ?? undefined)}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={[`${id}-hint`, props.error ? `${id}-error` : ""].filter(Boolean).join(" ")}
      />
    </div>
  );
}
