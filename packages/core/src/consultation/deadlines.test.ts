import { describe, expect, it } from "vitest";
import { dueAt, moscowDate } from "./deadlines";

const at = (iso: string) => new Date(iso);
const due = (iso: string, rule: Parameters<typeof dueAt>[1]) => dueAt(at(iso), rule).toISOString();

describe("consultation deadlines on the Moscow calendar", () => {
  it("counts business days over a weekend: asked on Friday, two business days end on Tuesday", () => {
    expect(due("2026-11-27T12:00:00+03:00", { businessDays: 2 })).toBe("2026-12-01T20:59:59.999Z");
  });

  it("counts from the Moscow day, not the UTC one: Friday 23:30 in Moscow is still Friday", () => {
    expect(moscowDate(at("2026-11-27T20:30:00Z"))).toBe("2026-11-27");
    expect(due("2026-11-27T20:30:00Z", { businessDays: 2 })).toBe("2026-12-01T20:59:59.999Z");
    // 21:30 UTC is already Saturday in Moscow: Monday and Tuesday still count.
    expect(due("2026-11-27T21:30:00Z", { businessDays: 2 })).toBe("2026-12-01T20:59:59.999Z");
  });

  it("crosses a month end and skips public holidays: asked on 30 April, May Day and the weekend do not count", () => {
    // 2026-04-30 is a Thursday; 1 May (Friday) is a holiday, 2–3 May a weekend.
    expect(due("2026-04-30T10:00:00+03:00", { businessDays: 2 })).toBe("2026-05-05T20:59:59.999Z");
  });

  it("moves a day off when a holiday falls on a weekend (Victory Day 2026 is a Saturday)", () => {
    // Friday 8 May: Saturday 9 and Sunday 10 off, Monday 11 off in lieu, so Tuesday 12 and Wednesday 13.
    expect(due("2026-05-08T09:00:00+03:00", { businessDays: 2 })).toBe("2026-05-13T20:59:59.999Z");
  });

  it("gives authority bodies 30 calendar days, moved to the next working day when the 30th is off", () => {
    // Asked 2026-11-27: the 30th day is Sunday 27 December, so the answer is due Monday 28.
    expect(due("2026-11-27T12:00:00+03:00", { calendarDays: 30 })).toBe("2026-12-28T20:59:59.999Z");
    // Asked 2026-12-01 (Tuesday): 31 December is a Thursday and a working day.
    expect(due("2026-12-01T12:00:00+03:00", { calendarDays: 30 })).toBe("2026-12-31T20:59:59.999Z");
    // Asked 2026-12-10: the 30th day is 9 January, and the New Year days run to the 8th… then the weekend.
    expect(due("2026-12-10T12:00:00+03:00", { calendarDays: 30 })).toBe("2027-01-11T20:59:59.999Z");
  });
});
