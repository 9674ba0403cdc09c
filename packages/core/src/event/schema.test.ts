import { describe, expect, it } from "vitest";
import { CreateEvent, MAX_OCCURRENCES, occurrences } from "./schema";

const event = (repeat: unknown, startsAt = "2027-01-31T18:00") => ({
  kind: "webinar",
  format: "online",
  title: "Школа грантрайтера",
  description: "Каждую неделю — одна часть заявки: от проблемы до бюджета.",
  startsAt,
  endsAt: `${startsAt.slice(0, 11)}19:30`,
  onlineUrl: "https://meet.example.org/school",
  repeat,
});

describe("a series of events", () => {
  it("repeats weekly on the same Moscow clock time until the day, that day included", () => {
    expect(occurrences("2026-12-29T18:00", { every: "week", until: "2027-01-12" })).toEqual([
      "2026-12-29T18:00",
      "2027-01-05T18:00",
      "2027-01-12T18:00",
    ]);
  });

  it("repeats monthly on the same day, skipping months that have no such day (as RFC 5545 does)", () => {
    expect(occurrences("2027-01-31T18:00", { every: "month", until: "2027-06-30" })).toEqual([
      "2027-01-31T18:00",
      "2027-03-31T18:00",
      "2027-05-31T18:00",
    ]);
    // 29 February of a leap year comes back only in the next leap year.
    expect(occurrences("2028-02-29T10:00", { every: "month", until: "2028-04-30" })).toEqual([
      "2028-02-29T10:00",
      "2028-03-29T10:00",
      "2028-04-29T10:00",
    ]);
  });

  it("is one date without a repeat", () => {
    expect(occurrences("2027-01-31T18:00", undefined)).toEqual(["2027-01-31T18:00"]);
  });

  it("refuses an end before the first date, a series of one, and more than 52 dates, on the field", () => {
    const fieldsOf = (repeat: unknown, startsAt?: string) => {
      const result = CreateEvent.safeParse(event(repeat, startsAt));
      return result.success
        ? {}
        : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
    };
    expect(fieldsOf({ every: "week", until: "2027-01-30" })).toEqual({
      "repeat.until": "Повторять — до дня позже первой даты",
    });
    expect(fieldsOf({ every: "month", until: "2027-02-27" })).toEqual({
      "repeat.until": "До этого дня повторов не будет: выберите день позже",
    });
    expect(fieldsOf({ every: "week", until: "2028-03-01" })).toEqual({
      "repeat.until": `Не больше ${MAX_OCCURRENCES} дат в серии`,
    });
    expect(fieldsOf({ every: "day", until: "2027-02-30" })).toEqual({
      "repeat.every": "Выберите: каждую неделю или каждый месяц",
      "repeat.until": "Такой даты нет",
    });
    expect(fieldsOf({ every: "week", until: "2027-02-14" })).toEqual({});
    // A broken first date is said once, on its field: the series is not reckoned from it.
    expect(Object.keys(fieldsOf({ every: "week", until: "2027-02-14" }, "2027-13-45T25:00"))).not.toContain(
      "repeat.until",
    );
  });
});
