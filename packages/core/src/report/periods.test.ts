import { describe, expect, it } from "vitest";
import { addDays, dueOn, instants, lastMonths, lengthInDays, owed, previousPeriod } from "./periods";

describe("report periods", () => {
  it("reads days on the Moscow calendar", () => {
    expect(instants({ from: "2026-11-01", to: "2026-11-30" })).toEqual({
      start: "2026-10-31T21:00:00.000Z",
      end: "2026-11-30T21:00:00.000Z",
    });
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(lengthInDays({ from: "2024-01-01", to: "2024-12-31" })).toBe(366);
  });

  it("compares whole months with the months before, other periods with as many days before", () => {
    expect(previousPeriod({ from: "2026-03-01", to: "2026-03-31" })).toEqual({
      from: "2026-02-01",
      to: "2026-02-28",
    });
    expect(previousPeriod({ from: "2026-01-01", to: "2026-01-31" })).toEqual({
      from: "2025-12-01",
      to: "2025-12-31",
    });
    expect(previousPeriod({ from: "2026-01-01", to: "2026-03-31" })).toEqual({
      from: "2025-10-01",
      to: "2025-12-31",
    });
    expect(previousPeriod({ from: "2026-11-16", to: "2026-11-22" })).toEqual({
      from: "2026-11-09",
      to: "2026-11-15",
    });
    expect(previousPeriod({ from: "2026-11-10", to: "2026-11-10" })).toEqual({
      from: "2026-11-09",
      to: "2026-11-09",
    });
  });

  it("owes the weekly report on Mondays and the monthly one on the 1st, as scheduled", () => {
    // 2026-06-01 is a Monday and the 1st.
    expect(dueOn("2026-06-01", ["weekly", "monthly"])).toEqual([
      { kind: "weekly", period: { from: "2026-05-25", to: "2026-05-31" } },
      { kind: "monthly", period: { from: "2026-05-01", to: "2026-05-31" } },
    ]);
    expect(dueOn("2026-06-01", ["monthly"])).toEqual([
      { kind: "monthly", period: { from: "2026-05-01", to: "2026-05-31" } },
    ]);
    expect(dueOn("2026-06-01", [])).toEqual([]);
    expect(dueOn("2026-06-02", ["weekly", "monthly"])).toEqual([]);
    expect(dueOn("2027-01-01", ["monthly"])).toEqual([
      { kind: "monthly", period: { from: "2026-12-01", to: "2026-12-31" } },
    ]);
  });

  it("still owes a report two days after its day, not three", () => {
    const schedule = ["weekly", "monthly"] as const;
    expect(owed("2026-06-03", schedule).map(([key]) => key)).toEqual([
      "weekly#2026-05-25#2026-05-31",
      "monthly#2026-05-01#2026-05-31",
    ]);
    expect(owed("2026-06-04", schedule)).toEqual([]);
  });

  it("lists the last months oldest first, the current one included", () => {
    expect(lastMonths("2026-02-15", 3)).toEqual([
      { from: "2025-12-01", to: "2025-12-31" },
      { from: "2026-01-01", to: "2026-01-31" },
      { from: "2026-02-01", to: "2026-02-28" },
    ]);
  });
});
