import { sections } from "./compute";
import type { Period } from "./periods";
import type { Line } from "./schema";

/**
 * How report figures read in Russian: shared by the letter, the command line and the dashboard
 * (browser-safe: no server imports).
 */

/** 2026-11-30 → 30.11.2026, as Russian readers write dates. */
export const russianDate = (day: string) => day.split("-").reverse().join(".");

export const periodLabel = ({ from, to }: Period) =>
  from === to ? russianDate(from) : `${russianDate(from)}–${russianDate(to)}`;

const number = new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 1 });

export const formatValue = (value: number | null) => (value === null ? "—" : number.format(value));

const signed = (value: number) =>
  `${value > 0 ? "+" : value < 0 ? "−" : "±"}${number.format(Math.abs(value))}`;

/** "+3 (+25 %)", "±0", or "—" when either period has no value. */
export function formatChange(line: Line) {
  if (line.change === null) return "—";
  return line.changePercent === null
    ? signed(line.change)
    : `${signed(line.change)} (${signed(line.changePercent)} %)`;
}

/**
 * The lines a reader is shown, by section in report order: all but the per-municipality and
 * per-category rows that are zero in both periods (the files have every row).
 */
export function sectionsToShow(lines: Line[]): [string, Line[]][] {
  const detail = new Set<string>([sections.municipalities, sections.categories]);
  const grouped = new Map<string, Line[]>();
  for (const line of lines) {
    if (detail.has(line.section) && !line.current && !line.previous) continue;
    grouped.set(line.section, [...(grouped.get(line.section) ?? []), line]);
  }
  return [...grouped];
}
