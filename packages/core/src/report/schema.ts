import * as z from "zod/mini";
import { organisationKindIds, resourceCategoryIds } from "../reference";

/** The longest period one report covers: a year, leap day included. */
export const MAX_REPORT_DAYS = 366;

const DAY_MS = 86_400_000;

/** A calendar date that exists: 2026-02-30 does not, though Date.parse rolls it over into March. */
const realDate = (value: unknown): value is string =>
  typeof value === "string" &&
  /^\d{4}-\d{2}-\d{2}$/.test(value) &&
  new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

const isoDate = (label: string) =>
  z
    .string({ error: `Укажите ${label}` })
    .check(
      z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Дата в формате ГГГГ-ММ-ДД" }),
      z.refine(realDate, { error: "Такой даты нет" }),
    );

/** The end must not come before the start, nor more than a year after it; said on the "to" field. */
const sensibleSpan = z.superRefine(
  (value: { from?: unknown; to?: unknown }, ctx) => {
    const { from, to } = value;
    if (!realDate(from) || !realDate(to)) return;
    const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
    if (days < 1) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: "Конец периода раньше его начала",
        input: value,
      });
    } else if (days > MAX_REPORT_DAYS) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `Период не длиннее ${MAX_REPORT_DAYS} дней`,
        input: value,
      });
    }
  },
  { when: () => true },
);

const period = { from: isoDate("начало периода"), to: isoDate("конец периода") };

export const ReportQuery = z.strictObject(period).check(sensibleSpan);
export type ReportQuery = z.infer<typeof ReportQuery>;

export const ReportFormat = z.enum(["csv", "xlsx"], { error: "Формат файла: CSV или XLSX" });
export type ReportFormat = z.infer<typeof ReportFormat>;

export const ReportFileQuery = z.strictObject({ ...period, format: ReportFormat }).check(sensibleSpan);
export type ReportFileQuery = z.infer<typeof ReportFileQuery>;

export const SeriesQuery = z.strictObject({
  months: z._default(
    z.coerce
      .number({ error: "Число месяцев — от 1 до 24" })
      .check(
        z.int({ error: "Число месяцев — от 1 до 24" }),
        z.gte(1, { error: "Число месяцев — от 1 до 24" }),
        z.lte(24, { error: "Число месяцев — от 1 до 24" }),
      ),
    12,
  ),
});
export type SeriesQuery = z.infer<typeof SeriesQuery>;

const MemberCounts = { new: z.number(), total: z.number(), pending: z.number() };

/** Everything a report counts for one period. */
export const Figures = z.object({
  members: z.object({
    ...MemberCounts,
    byKind: z.array(z.object({ kind: z.enum(organisationKindIds), ...MemberCounts })),
    byMunicipality: z.array(z.object({ municipality: z.string(), ...MemberCounts })),
  }),
  resources: z.object({
    opened: z.number(),
    matched: z.number(),
    fulfilled: z.number(),
    /** Roubles: the estimated value of the handovers. */
    value: z.number(),
    byCategory: z.array(
      z.object({ category: z.enum(resourceCategoryIds), count: z.number(), value: z.number() }),
    ),
  }),
  consultations: z.object({
    received: z.number(),
    answered: z.number(),
    onTimePercent: z.nullable(z.number()),
    medianHoursToFirstAnswer: z.nullable(z.number()),
    overdue: z.number(),
    overdueByBody: z.array(z.object({ scope: z.string(), name: z.string(), overdue: z.number() })),
  }),
  /** Published events that began in the period (a cancelled one was not held). */
  events: z.object({
    held: z.number(),
    registrations: z.number(),
    attended: z.number(),
    attendancePercent: z.nullable(z.number()),
    feedbackCount: z.number(),
    feedbackAverage: z.nullable(z.number()),
  }),
  reach: z.object({ sent: z.number(), bounced: z.number(), unsubscribed: z.number() }),
});
export type Figures = z.infer<typeof Figures>;

/** One figure against the previous period: a row of the files, the letter and the dashboard. */
export const Line = z.object({
  key: z.string(),
  section: z.string(),
  name: z.string(),
  current: z.nullable(z.number()),
  previous: z.nullable(z.number()),
  change: z.nullable(z.number()),
  /** Relative change of a count; absent for percentages and hours, and when there was nothing before. */
  changePercent: z.nullable(z.number()),
});
export type Line = z.infer<typeof Line>;

const PeriodView = z.object({ from: z.string(), to: z.string() });

export const Report = z.object({
  period: PeriodView,
  previousPeriod: PeriodView,
  current: Figures,
  previous: Figures,
  lines: z.array(Line),
  generatedAt: z.string(),
});
export type Report = z.infer<typeof Report>;

/** A month's headline figures, for the dashboard's charts. */
export const SeriesPoint = z.object({
  month: z.string(),
  membersNew: z.number(),
  membersTotal: z.number(),
  pending: z.number(),
  listingsOpened: z.number(),
  matched: z.number(),
  fulfilled: z.number(),
  contributionValue: z.number(),
  questionsReceived: z.number(),
  questionsAnswered: z.number(),
  onTimePercent: z.nullable(z.number()),
  overdue: z.number(),
  eventsHeld: z.number(),
  attended: z.number(),
  attendancePercent: z.nullable(z.number()),
  digestsSent: z.number(),
  bounced: z.number(),
  unsubscribed: z.number(),
});
export type SeriesPoint = z.infer<typeof SeriesPoint>;

export const Series = z.object({ points: z.array(SeriesPoint) });
export type Series = z.infer<typeof Series>;
