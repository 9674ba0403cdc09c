import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { moscowClock, moscowTime, moscowToday } from "./dates";

/** The time-zone database's answer, which the fixed offset must always agree with. */
const reference = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Moscow",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  weekday: "short",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
const weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

function fromReference(instant: Date) {
  const parts = Object.fromEntries(reference.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month) - 1,
    day: Number(parts.day),
    weekday: weekdays.indexOf(parts.weekday ?? ""),
    hours: Number(parts.hour),
    minutes: Number(parts.minute),
  };
}

/** From Moscow's last clock change (26 October 2014, 02:00 → 01:00) to the end of the century. */
const sinceUtcPlus3 = fc.date({
  min: new Date("2014-10-25T22:00:00Z"),
  max: new Date("2099-12-31T23:59:59Z"),
  noInvalidDate: true,
});

describe("Moscow time", () => {
  it("agrees with the time-zone database for any instant since Moscow stayed on UTC+3", () => {
    fc.assert(
      fc.property(sinceUtcPlus3, (instant) => {
        expect(moscowTime(instant)).toEqual(fromReference(instant));
        expect(moscowTime(instant.toISOString())).toEqual(fromReference(instant));
      }),
      { numRuns: 2000 },
    );
  });

  it("turns the date at Moscow midnight, 21:00 UTC", () => {
    expect(moscowToday(new Date("2026-11-27T20:59:59Z"))).toBe("2026-11-27");
    expect(moscowToday(new Date("2026-11-27T21:00:00Z"))).toBe("2026-11-28");
    expect(moscowToday(new Date("2026-12-31T21:00:00Z"))).toBe("2027-01-01");
  });

  it("writes the clock with two digits and reads no date from a string that is not one", () => {
    const time = moscowTime("2026-03-01T06:05:00Z");
    expect(time && moscowClock(time)).toBe("09:05");
    expect(moscowTime("не дата")).toBeUndefined();
    expect(() => moscowToday(new Date(Number.NaN))).toThrow(RangeError);
  });
});
