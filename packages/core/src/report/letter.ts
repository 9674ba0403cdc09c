import { config } from "../config";
import { escapeHtml } from "../mail/index";
import { formatChange, formatValue, periodLabel, sectionsToShow } from "./format";
import type { ReportKind } from "./periods";
import type { Report } from "./schema";

const MONTHS = [
  "январь",
  "февраль",
  "март",
  "апрель",
  "май",
  "июнь",
  "июль",
  "август",
  "сентябрь",
  "октябрь",
  "ноябрь",
  "декабрь",
];

export function subjectOf(kind: ReportKind, report: Report) {
  const { from } = report.period;
  const [year, month] = from.split("-");
  return kind === "monthly"
    ? `Отчёт кластера за ${MONTHS[Number(month) - 1]} ${year}`
    : `Отчёт кластера за неделю ${periodLabel(report.period)}`;
}

/** The letter of a scheduled report: the figures in the body, the files attached by the caller. */
export function reportLetter(kind: ReportKind, report: Report) {
  const subject = subjectOf(kind, report);
  const dashboard = `${config().publicUrl}/coordinator/dashboard`;
  const compared = `Период: ${periodLabel(report.period)}, сравнение с ${periodLabel(report.previousPeriod)}.`;
  const groups = sectionsToShow(report.lines);
  const text = [
    subject,
    compared,
    ...groups.map(
      ([section, lines]) =>
        `${section}\n${lines.map((line) => `  ${line.name}: ${formatValue(line.current)} (было ${formatValue(line.previous)}, ${formatChange(line)})`).join("\n")}`,
    ),
    `Все показатели — во вложениях (CSV и XLSX). Графики по месяцам: ${dashboard}`,
    "—\nКластер НКО Калужской области",
  ].join("\n\n");
  const cell = 'style="padding:4px 8px;border-bottom:1px solid #ddd;text-align:right"';
  const html = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head><body style="font-family:Arial,sans-serif;font-size:15px;color:#222;margin:0;padding:12px">
<h1 style="font-size:20px">${escapeHtml(subject)}</h1>
<p>${escapeHtml(compared)}</p>
${groups
  .map(
    ([section, lines]) => `<h2 style="font-size:17px;margin-top:20px">${escapeHtml(section)}</h2>
<table style="border-collapse:collapse;width:100%;max-width:640px"><thead><tr><th style="text-align:left;padding:4px 8px">Показатель</th><th ${cell}>${escapeHtml(periodLabel(report.period))}</th><th ${cell}>Было</th><th ${cell}>Изменение</th></tr></thead><tbody>
${lines.map((line) => `<tr><td style="padding:4px 8px;border-bottom:1px solid #ddd">${escapeHtml(line.name)}</td><td ${cell}>${formatValue(line.current)}</td><td ${cell}>${formatValue(line.previous)}</td><td ${cell}>${formatChange(line)}</td></tr>`).join("\n")}
</tbody></table>`,
  )
  .join("\n")}
<p>Все показатели — во вложениях (CSV и XLSX). <a href="${escapeHtml(dashboard)}">Графики по месяцам на портале</a>.</p>
<p style="color:#666">—<br>Кластер НКО Калужской области</p>
</body></html>`;
  return { subject, text, html };
}
