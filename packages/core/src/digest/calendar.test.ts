import { describe, expect, it } from "vitest";
import { nextDue, periodOf } from "./calendar";

describe("digest calendar (Moscow, UTC+3)", () => {
  it("puts a weekly digest on the chosen weekday and hour, Monday 09:00 by default", () => {
    // Friday 27 November 2026, 12:00 in Moscow.
    const friday = new Date("2026-11-27T09:00:00.000Z");
    expect(nextDue({ frequency: "weekly", weekday: 1, hour: 9 }, friday)?.toISOString()).toBe(
      "2026-11-30T06:00:00.000Z",
    );
    expect(nextDue({ frequency: "weekly", weekday: 5, hour: 18 }, friday)?.toISOString()).toBe(
      "2026-11-27T15:00:00.000Z",
    );
    expect(nextDue({ frequency: "weekly", weekday: 5, hour: 12 }, friday)?.toISOString()).toBe(
      "2026-12-04T09:00:00.000Z",
    );
  });

  it("puts a daily digest at the next occurrence of the hour, across midnight in Moscow", () => {
    const lateEvening = new Date("2026-11-27T20:30:00.000Z"); // 23:30 in Moscow
    expect(nextDue({ frequency: "daily", weekday: 1, hour: 0 }, lateEvening)?.toISOString()).toBe(
      "2026-11-27T21:00:00.000Z",
    );
    expect(nextDue({ frequency: "off", weekday: 1, hour: 9 }, lateEvening)).toBeUndefined();
  });

  it("names periods by Moscow date and ISO week, the week of 1 January belonging to the right year", () => {
    expect(periodOf("daily", new Date("2026-11-27T21:30:00.000Z"))).toBe("d2026-11-28");
    expect(periodOf("weekly", new Date("2026-11-30T06:00:00.000Z"))).toBe("w2026-49");
    expect(periodOf("weekly", new Date("2027-01-01T06:00:00.000Z"))).toBe("w2026-53");
    expect(periodOf("weekly", new Date("2024-12-30T06:00:00.000Z"))).toBe("w2025-01");
  });
});
