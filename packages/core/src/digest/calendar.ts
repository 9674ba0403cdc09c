import type { Preferences } from "./schema";

/** Moscow has been UTC+3 all year since 2014: a digest hour there is a fixed UTC hour. */
const MOSCOW_OFFSET_MS = 3 * 3600_000;
const DAY_MS = 24 * 3600_000;

type Schedule = Pick<Preferences, "frequency" | "weekday" | "hour">;

/** The first time strictly after `after` at the subscriber's Moscow hour (and weekday, for weekly). */
export function nextDue({ frequency, weekday, hour }: Schedule, after: Date): Date | undefined {
  if (frequency === "off") return undefined;
  const moscow = new Date(after.getTime() + MOSCOW_OFFSET_MS);
  const candidate = Date.UTC(moscow.getUTCFullYear(), moscow.getUTCMonth(), moscow.getUTCDate(), hour);
  for (let day = 0; day <= 8; day++) {
    const at = candidate + day * DAY_MS;
    const isoWeekday = ((new Date(at).getUTCDay() + 6) % 7) + 1;
    if (at > moscow.getTime() && (frequency === "daily" || isoWeekday === weekday)) {
      return new Date(at - MOSCOW_OFFSET_MS);
    }
  }
  return undefined;
}

/**
 * The period a digest due at `dueAt` belongs to: its Moscow date for daily digests, its ISO week
 * for weekly ones. One digest per subscriber and period, whatever happens to the job.
 */
export function periodOf(frequency: "daily" | "weekly", dueAt: Date) {
  const moscow = new Date(dueAt.getTime() + MOSCOW_OFFSET_MS);
  const date = moscow.toISOString().slice(0, 10);
  if (frequency === "daily") return `d${date}`;
  const thursday = new Date(Date.UTC(moscow.getUTCFullYear(), moscow.getUTCMonth(), moscow.getUTCDate()));
  thursday.setUTCDate(thursday.getUTCDate() + 3 - ((thursday.getUTCDay() + 6) % 7));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / (7 * DAY_MS)) + 1;
  return `w${thursday.getUTCFullYear()}-${String(week).padStart(2, "0")}`;
}

/** How far back a new subscriber's first digest looks: one period. */
export const periodLengthMs = (frequency: Schedule["frequency"]) =>
  frequency === "daily" ? DAY_MS : 7 * DAY_MS;
