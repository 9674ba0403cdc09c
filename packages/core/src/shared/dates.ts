import * as Clock from "./clock";

/**
 * The region lives on Moscow time: UTC+3 all year since 26 October 2014 (Federal Law No. 248-FZ
 * of 21 July 2014). Every time the portal stores is later than that, so a fixed offset is exact,
 * and it needs no time-zone data: in a browser, the first `Intl.DateTimeFormat` with a time zone
 * loads ICU's and costs 20 ms on this machine, 80 ms on Lighthouse's phone (ADR 016).
 */
const MOSCOW_OFFSET_MS = 3 * 60 * 60 * 1000;

/** An instant's calendar date and clock time in Moscow. */
export interface MoscowTime {
  year: number;
  /** 0 for January. */
  month: number;
  day: number;
  /** 0 for Sunday. */
  weekday: number;
  hours: number;
  minutes: number;
}

/** Undefined for a string that is not a date. */
export function moscowTime(instant: Date | string): MoscowTime | undefined {
  const time = typeof instant === "string" ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(time)) return undefined;
  const shifted = new Date(time + MOSCOW_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth(),
    day: shifted.getUTCDate(),
    weekday: shifted.getUTCDay(),
    hours: shifted.getUTCHours(),
    minutes: shifted.getUTCMinutes(),
  };
}

const twoDigits = (value: number) => String(value).padStart(2, "0");

/** YYYY-MM-DD in Europe/Moscow: "today" for windows and deadlines is the date there. */
export function moscowToday(now = Clock.now()): string {
  const time = moscowTime(now);
  if (!time) throw new RangeError("Invalid time value");
  return `${time.year}-${twoDigits(time.month + 1)}-${twoDigits(time.day)}`;
}

/** "09:05" */
export const moscowClock = (time: MoscowTime) => `${twoDigits(time.hours)}:${twoDigits(time.minutes)}`;
