import { strToU8, zipSync } from "fflate";

/**
 * A small SpreadsheetML (XLSX) writer: enough for report tables, and a few kilobytes instead of
 * exceljs or SheetJS, which would not fit a Lambda's 300 KB budget (ADR 009, ADR 014). Cells are
 * strings (shared), numbers (as numbers, so Excel sums them) or empty; the first row is a bold
 * header that stays in view when scrolling.
 */
export type Cell = string | number | null | undefined;

export interface Sheet {
  name: string;
  rows: Cell[][];
  /** Column widths in characters; by default from the longest text in each column. */
  widths?: number[];
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** XML 1.0 cannot carry most control characters, even escaped: they are dropped. */
export const xmlText = (value: string) =>
  value
    // biome-ignore lint/suspicious/noControlCharactersInRegex: exactly the characters XML 1.0 forbids
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

/** A1-style column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number) {
  let name = "";
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  }
  return name;
}

/** Excel refuses sheet names over 31 characters, with []:*?/\ in them, or twice in a book. */
function sheetNames(sheets: Sheet[]) {
  const taken = new Set<string>();
  return sheets.map((sheet, index) => {
    let name =
      sheet.name
        .replace(/[[\]:*?/\\]/g, " ")
        .trim()
        .slice(0, 31) || `Лист${index + 1}`;
    if (taken.has(name.toLowerCase())) name = `${name.slice(0, 27)} (${index + 1})`;
    taken.add(name.toLowerCase());
    return name;
  });
}

const autoWidths = (rows: Cell[][]) => {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, column) => {
      const length = cell === null || cell === undefined ? 0 : String(cell).length;
      widths[column] = Math.max(widths[column] ?? 8, Math.min(60, length + 2));
    });
  }
  return widths;
};

function worksheet(sheet: Sheet, stringIndex: (value: string) => number) {
  const widths = sheet.widths ?? autoWidths(sheet.rows);
  const cols = widths
    .map((width, column) => `<col min="${column + 1}" max="${column + 1}" width="${width}" customWidth="1"/>`)
    .join("");
  const rows = sheet.rows
    .map((row, rowIndex) => {
      const style = rowIndex === 0 ? ' s="1"' : "";
      const cells = row
        .map((cell, column) => {
          const ref = `${columnName(column)}${rowIndex + 1}`;
          if (typeof cell === "number") {
            return Number.isFinite(cell) ? `<c r="${ref}"${style}><v>${cell}</v></c>` : "";
          }
          if (cell === null || cell === undefined || cell === "") return "";
          return `<c r="${ref}" t="s"${style}><v>${stringIndex(cell)}</v></c>`;
        })
        .join("");
      return `<row r="${rowIndex + 1}">${cells}</row>`;
    })
    .join("");
  const frozenHeader =
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>';
  return `${HEAD}<worksheet xmlns="${MAIN}">${frozenHeader}${cols ? `<cols>${cols}</cols>` : ""}<sheetData>${rows}</sheetData></worksheet>`;
}

const styles = `${HEAD}<styleSheet xmlns="${MAIN}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** The workbook's bytes: an XLSX file Excel, LibreOffice and Google Sheets open. */
export function workbook(sheets: Sheet[]): Uint8Array {
  const strings: string[] = [];
  const indexOf = new Map<string, number>();
  let references = 0;
  const stringIndex = (value: string) => {
    references++;
    let index = indexOf.get(value);
    if (index === undefined) {
      index = strings.push(value) - 1;
      indexOf.set(value, index);
    }
    return index;
  };
  const names = sheetNames(sheets);
  const sheetFiles = Object.fromEntries(
    sheets.map((sheet, index) => [
      `xl/worksheets/sheet${index + 1}.xml`,
      strToU8(worksheet(sheet, stringIndex)),
    ]),
  );
  const sheetList = names
    .map((name, index) => `<sheet name="${xmlText(name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`)
    .join("");
  const sheetRelationships = names
    .map(
      (_, index) =>
        `<Relationship Id="rId${index + 1}" Type="${OFFICE_RELATIONSHIPS}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`,
    )
    .join("");
  const type = "application/vnd.openxmlformats-officedocument.spreadsheetml";
  const files = {
    "[Content_Types].xml": strToU8(
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${type}.sheet.main+xml"/>${names.map((_, index) => `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="${type}.worksheet+xml"/>`).join("")}<Override PartName="/xl/styles.xml" ContentType="${type}.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${type}.sharedStrings+xml"/></Types>`,
    ),
    "_rels/.rels": strToU8(
      `${HEAD}<Relationships xmlns="${RELATIONSHIPS}"><Relationship Id="rId1" Type="${OFFICE_RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": strToU8(
      `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${OFFICE_RELATIONSHIPS}"><sheets>${sheetList}</sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `${HEAD}<Relationships xmlns="${RELATIONSHIPS}">${sheetRelationships}<Relationship Id="rId${names.length + 1}" Type="${OFFICE_RELATIONSHIPS}/styles" Target="styles.xml"/><Relationship Id="rId${names.length + 2}" Type="${OFFICE_RELATIONSHIPS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    "xl/styles.xml": strToU8(styles),
    ...sheetFiles,
    "xl/sharedStrings.xml": strToU8(
      `${HEAD}<sst xmlns="${MAIN}" count="${references}" uniqueCount="${strings.length}">${strings.map((value) => `<si><t xml:space="preserve">${xmlText(value)}</t></si>`).join("")}</sst>`,
    ),
  };
  return zipSync(files, { level: 6 });
}
