import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatDayTime, plural } from "./format";

/** What Intl writes for the same instant on Moscow time: the hand-written formats must match it. */
const intl = (options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat("ru-RU", { timeZone: "Europe/Moscow", ...options });
const date = intl({ dateStyle: "long" });
const dateTime = intl({ dateStyle: "long", timeStyle: "short" });
const dayTime = intl({ day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" });
const weekdayTime = intl({
  weekday: "long",
  day: "numeric",
  month: "long",
  hour: "2-digit",
  minute: "2-digit",
});

const instants = fc.date({
  min: new Date("2014-10-25T22:00:00Z"),
  max: new Date("2099-12-31T23:59:59Z"),
  noInvalidDate: true,
});

describe("dates on Moscow time", () => {
  it("are written as Intl writes them in Russian, for any instant", () => {
    fc.assert(
      fc.property(instants, (instant) => {
        const iso = instant.toISOString();
        expect(formatDate(iso)).toBe(date.format(instant).replace(/ /g, "\u00a0"));
        expect(formatDateTime(iso)).toBe(`${dateTime.format(instant)} (МСК)`);
        expect(formatDayTime(iso)).toBe(dayTime.format(instant));
        expect(formatDayTime(iso, { weekday: true })).toBe(weekdayTime.format(instant));
      }),
      { numRuns: 1000 },
    );
  });

  it("reads the examples people see", () => {
    expect(formatDate("2026-11-27T21:30:00Z")).toBe("28\u00a0ноября\u00a02026\u00a0г.");
    expect(formatDateTime("2026-03-01T06:05:00Z")).toBe("1 марта 2026 г. в 09:05 (МСК)");
    expect(formatDayTime("2026-11-30T06:00:00Z", { weekday: true })).toBe("понедельник, 30 ноября в 09:00");
  });

  it("leaves what is not a date as it is, and nothing as nothing", () => {
    expect(formatDate("скоро")).toBe("скоро");
    expect(formatDateTime(undefined)).toBe("");
    expect(formatDayTime("скоро")).toBe("скоро");
  });
});

describe("plural", () => {
  it("takes the Russian form for 1, 2–4 and 5–20", () => {
    const forms: [string, string, string] = ["организация", "организации", "организаций"];
    expect([1, 2, 5, 11, 12, 21, 22, 25, 111, 101].map((n) => plural(n, forms))).toEqual([
      "организация",
      "организации",
      "организаций",
      "организаций",
      "организаций",
      "организация",
      "организации",
      "организаций",
      "организаций",
      "организация",
    ]);
  });
});
