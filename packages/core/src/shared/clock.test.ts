import { describe, expect, it } from "vitest";
import * as Clock from "./clock";
import { moscowToday } from "./dates";
import { ulid } from "./ulid";

describe("the clock", () => {
  it("reads the system time until moved", () => {
    expect(Math.abs(Clock.nowMs() - Date.now())).toBeLessThan(50);
  });

  it("moves to an instant, runs on from there, and comes back", async () => {
    const newYearsEve = Date.parse("2026-12-31T20:59:59.900Z");
    const seen = await Clock.at(newYearsEve, async () => {
      const first = Clock.nowMs();
      await new Promise((resolve) => setTimeout(resolve, 150));
      return { first, later: Clock.now(), today: moscowToday(), id: ulid() };
    });
    expect(seen.first - newYearsEve).toBeLessThan(50);
    // It runs on: 150 ms later the Moscow day (and year) has changed.
    expect(seen.later.getTime()).toBeGreaterThan(newYearsEve + 100);
    expect(seen.today).toBe("2027-01-01");
    // Ids made meanwhile carry the moved time.
    const timeOf = (time: number) => ulid(time).slice(0, 10);
    expect(seen.id.slice(0, 10) >= timeOf(newYearsEve)).toBe(true);
    expect(seen.id.slice(0, 10) < timeOf(newYearsEve + 60_000)).toBe(true);
    expect(Math.abs(Clock.nowMs() - Date.now())).toBeLessThan(50);
  });

  it("comes back even when the work fails", async () => {
    await expect(Clock.at(0, async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(Math.abs(Clock.nowMs() - Date.now())).toBeLessThan(50);
  });
});
