import { csvDocument } from "../shared/csv";
import { periodLabel } from "./format";
import type { Period } from "./periods";
import type { Line, Report } from "./schema";
import { workbook, XLSX_TYPE } from "./xlsx";

const header = (report: Report) => [
  "Раздел",
  "Показатель",
  periodLabel(report.period),
  periodLabel(report.previousPeriod),
  "Изменение",
  "Изменение, %",
];

const row = (line: Line) => [
  line.section,
  line.name,
  line.current,
  line.previous,
  line.change,
  line.changePercent,
];

/** Latin file names: mail clients and old Excel versions mangle Cyrillic ones. */
export const fileName = (period: Period, extension: "csv" | "xlsx") =>
  `otchet-klastera-${period.from}-${period.to}.${extension}`;

export const reportCsv = (report: Report) => csvDocument([header(report), ...report.lines.map(row)]);

/** Two sheets: every figure against the previous period, and what the report covers. */
export const reportXlsx = (report: Report) =>
  workbook([
    {
      name: "Показатели",
      rows: [header(report), ...report.lines.map(row)],
      widths: [30, 44, 24, 24, 12, 14],
    },
    {
      name: "Об отчёте",
      rows: [
        ["Что", "Значение"],
        ["Отчёт", "Кластер НКО Калужской области"],
        ["Период", periodLabel(report.period)],
        ["Сравнение с периодом", periodLabel(report.previousPeriod)],
        ["Сформирован", report.generatedAt],
        ["Время", "Дни по московскому времени"],
      ],
      widths: [24, 40],
    },
  ]);

export type ReportFile = { fileName: string; contentType: string; content: Uint8Array | string };

export const reportFile = (report: Report, format: "csv" | "xlsx"): ReportFile =>
  format === "csv"
    ? {
        fileName: fileName(report.period, "csv"),
        contentType: "text/csv; charset=utf-8",
        content: reportCsv(report),
      }
    : { fileName: fileName(report.period, "xlsx"), contentType: XLSX_TYPE, content: reportXlsx(report) };
