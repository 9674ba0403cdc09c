/**
 * Deadlines of consultations, counted on the Moscow calendar (UTC+3, no daylight saving since
 * 2014). Non-working days are Saturdays, Sundays and the public holidays of the Labour Code
 * (art. 112), with its rule that a holiday falling on a weekend (other than the New Year days)
 * moves the day off to the next working day. Yearly government transfers are not modelled; see
 * docs/decisions/011-consultation-deadlines.md.
 */

const MOSCOW_OFFSET_MS = 3 * 3600_000;
const DAY_MS = 86_400_000;

/** Month-day of the fixed public holidays. */
const newYear = ["01-01", "01-02", "01-03", "01-04", "01-05", "01-06", "01-07", "01-08"];
const holidays = ["02-23", "03-08", "05-01", "05-09", "06-12", "11-04"];

/** A Moscow calendar day as the number of days since 1970-01-01. */
type Day = number;

const dayOf = (instant: Date): Day => Math.floor((instant.getTime() + MOSCOW_OFFSET_MS) / DAY_MS);
const monthDay = (day: Day) => new Date(day * DAY_MS).toISOString().slice(5, 10);
const weekend = (day: Day) => [0, 6].includes(new Date(day * DAY_MS).getUTCDay());

/** The last instant of a Moscow day. */
const endOf = (day: Day) => new Date((day + 1) * DAY_MS - MOSCOW_OFFSET_MS - 1);

export function isWorkingDay(day: Day): boolean {
  if (weekend(day)) return false;
  const md = monthDay(day);
  if (newYear.includes(md) || holidays.includes(md)) return false;
  // A holiday on a Saturday or Sunday gives the next working day off.
  for (let back = 1; back <= 2; back++) {
    const earlier = day - back;
    if (!weekend(earlier)) break;
    if (holidays.includes(monthDay(earlier))) return false;
  }
  return true;
}

const nextWorkingDay = (day: Day) => {
  let next = day;
  while (!isWorkingDay(next)) next++;
  return next;
};

export type DeadlineRule = { businessDays: number } | { calendarDays: number };

/**
 * When an answer is due for a question asked at `askedAt`:
 * - `businessDays: n` — by the end of the n-th working day after the day of asking;
 * - `calendarDays: n` — by the end of the n-th day after it, moved to the next working day when
 *   that is a day off (59-FZ art. 12 counts 30 days from registration).
 */
export function dueAt(askedAt: Date, rule: DeadlineRule): Date {
  const asked = dayOf(askedAt);
  if ("calendarDays" in rule) return endOf(nextWorkingDay(asked + rule.calendarDays));
  let day = asked;
  for (let counted = 0; counted < rule.businessDays; ) {
    day++;
    if (isWorkingDay(day)) counted++;
  }
  return endOf(day);
}

/** For tests and tools: the Moscow date (YYYY-MM-DD) an instant falls on. */
export const moscowDate = (instant: Date) => new Date(dayOf(instant) * DAY_MS).toISOString().slice(0, 10);
