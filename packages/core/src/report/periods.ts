/**
 * Report periods are runs of whole days on the Moscow calendar (UTC+3 all year, no DST), written
 * YYYY-MM-DD, both ends inclusive. Stored times are UTC instants; a day starts at 21:00 UTC.
 */
export interface Period {
  from: string;
  to: string;
}

export type ReportKind = "weekly" | "monthly";

const DAY_MS = 86_400_000;

const utcMidnight = (day: string) => Date.parse(`${day}T00:00:00Z`);
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const addDays = (day: string, days: number) => dayOf(utcMidnight(day) + days * DAY_MS);

/** Days in the period, both ends counted. */
export const lengthInDays = ({ from, to }: Period) =>
  Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS) + 1;

/** The UTC instant at which a Moscow day begins. */
export const moscowStart = (day: string) => new Date(`${day}T00:00:00+03:00`).toISOString();

/** The period as UTC instants [start, end): what stored timestamps are compared with. */
export const instants = (period: Period) => ({
  start: moscowStart(period.from),
  end: moscowStart(addDays(period.to, 1)),
});

/** 0 Sunday … 6 Saturday, as Date.getDay. */
const weekday = (day: string) => new Date(utcMidnight(day)).getUTCDay();

const lastDayOfMonth = (month: string) => addDays(`${nextMonth(month)}-01`, -1);

function nextMonth(month: string) {
  const [year, number] = month.split("-").map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, "0")}`;
}

function previousMonth(month: string) {
  const [year, number] = month.split("-").map(Number) as [number, number];
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, "0")}`;
}

export const monthPeriod = (month: string): Period => ({ from: `${month}-01`, to: lastDayOfMonth(month) });

/** Whole calendar months from the 1st of one to the last day of another. */
const wholeMonths = ({ from, to }: Period) => from.endsWith("-01") && addDays(to, 1).endsWith("-01");

/**
 * The period a report compares with: the same number of calendar months before when the period
 * is whole months (October against September, not against the 31 days before), otherwise the
 * same number of days immediately before.
 */
export function previousPeriod(period: Period): Period {
  if (wholeMonths(period)) {
    let first = previousMonth(period.from.slice(0, 7));
    for (let month = period.from.slice(0, 7); month !== period.to.slice(0, 7); month = nextMonth(month)) {
      first = previousMonth(first);
    }
    return { from: `${first}-01`, to: addDays(period.from, -1) };
  }
  const days = lengthInDays(period);
  return { from: addDays(period.from, -days), to: addDays(period.from, -1) };
}

/**
 * What the report job owes on a Moscow day: on Mondays the weekly report of the week before
 * (Monday to Sunday), on the 1st the monthly report of the month before, as far as the schedule
 * (REPORT_SCHEDULE) asks for them.
 */
export function dueOn(
  today: string,
  schedule: readonly ReportKind[],
): { kind: ReportKind; period: Period }[] {
  const due: { kind: ReportKind; period: Period }[] = [];
  if (schedule.includes("weekly") && weekday(today) === 1) {
    due.push({ kind: "weekly", period: { from: addDays(today, -7), to: addDays(today, -1) } });
  }
  if (schedule.includes("monthly") && today.endsWith("-01")) {
    due.push({ kind: "monthly", period: monthPeriod(previousMonth(today.slice(0, 7))) });
  }
  return due;
}

/**
 * A report missed on its day (the job failed, SES refused, the function was down) is still sent
 * on the next two days' runs, to the coordinators who have not had it.
 */
export const CATCH_UP_DAYS = 2;

/** Reports whose day is today or one of the catch-up days before it. */
export function owed(today: string, schedule: readonly ReportKind[]) {
  const found = new Map<string, { kind: ReportKind; period: Period }>();
  for (let back = CATCH_UP_DAYS; back >= 0; back--) {
    for (const due of dueOn(addDays(today, -back), schedule)) {
      found.set(`${due.kind}#${due.period.from}#${due.period.to}`, due);
    }
  }
  return [...found];
}

/** The last `count` calendar months up to and including the month of `today`, oldest first. */
export function lastMonths(today: string, count: number): Period[] {
  const months = [today.slice(0, 7)];
  while (months.length < count) months.unshift(previousMonth(months[0] as string));
  return months.map(monthPeriod);
}
