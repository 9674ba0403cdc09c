/**
 * CSV for Excel with Russian regional settings, which opens it correctly by double click: UTF-8
 * with a BOM (or Cyrillic turns into mojibake), semicolons between cells, CRLF between rows, and
 * a decimal comma.
 */
export type CsvCell = string | number | null | undefined;

export function csvCell(value: CsvCell) {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value).replace(".", ",");
  // Quote everything that could split a row or start a formula in Excel.
  return /[";\n\r]|^[=+\-@]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export const csvDocument = (rows: CsvCell[][]) =>
  `\uFEFF${rows.map((row) => row.map(csvCell).join(";")).join("\r\n")}\r\n`;
