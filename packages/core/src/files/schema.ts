import * as z from "zod/mini";
import { text } from "../shared/fields";
import { DOCUMENT_MAX_BYTES, documentMimes } from "./types";

export const RequestUpload = z.strictObject({
  fileName: text("имя файла", 1, 200),
  contentType: z.enum(documentMimes, { error: "Загрузите PDF, DOCX, XLSX, PPTX или ODT" }),
  size: z
    .int({ error: "Нет размера файла" })
    .check(z.gte(1, { error: "Файл пуст" }), z.lte(DOCUMENT_MAX_BYTES, { error: "Файл больше 20 МБ" })),
});
export type RequestUpload = z.infer<typeof RequestUpload>;

/** Where the browser sends the file: a PUT of the raw bytes with these headers, before `expiresAt`. */
export const UploadTicket = z.object({
  uploadId: z.string(),
  url: z.string(),
  method: z.literal("PUT"),
  headers: z.record(z.string(), z.string()),
  expiresAt: z.string(),
});
export type UploadTicket = z.infer<typeof UploadTicket>;

export const UploadId = z
  .string({ error: "Загрузите файл" })
  .check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, { error: "Загрузите файл" }));
