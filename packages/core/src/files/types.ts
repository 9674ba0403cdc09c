/**
 * The documents the portal keeps as files: templates and methodological materials people open in
 * an office suite. Each is known by its content (./sniff reads the bytes), never by its name.
 */
export const documentTypes = [
  { ext: "pdf", mime: "application/pdf", label: "PDF" },
  {
    ext: "docx",
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    label: "DOCX",
  },
  { ext: "xlsx", mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", label: "XLSX" },
  {
    ext: "pptx",
    mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    label: "PPTX",
  },
  { ext: "odt", mime: "application/vnd.oasis.opendocument.text", label: "ODT" },
] as const;

export type DocumentType = (typeof documentTypes)[number]["mime"];
export const documentMimes = documentTypes.map((type) => type.mime) as [DocumentType, ...DocumentType[]];

export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

export const documentLabel = (mime: string) =>
  documentTypes.find((type) => type.mime === mime)?.label ?? "файл";

/** The type a file name's extension stands for, if it is one of ours. */
export const typeOfName = (fileName: string) =>
  documentTypes.find((type) => fileName.toLowerCase().endsWith(`.${type.ext}`))?.mime;
