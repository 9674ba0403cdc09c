import { describe, expect, it } from "vitest";
import { score } from "./scorecard";

const stat = (createdAt: string, dueAt: string, firstAnsweredAt?: string) => ({
  scope: "experts",
  questionId: createdAt,
  createdAt,
  dueAt,
  firstAnsweredAt,
});

describe("the scorecard's figures", () => {
  it("count on-time answers among questions whose outcome is known, and the median hours to a first answer", () => {
    const now = new Date("2026-11-20T12:00:00Z");
    const line = score(
      [
        stat("2026-11-02T10:00:00Z", "2026-11-04T20:59:59Z", "2026-11-02T14:00:00Z"), // on time, 4 h
        stat("2026-11-03T10:00:00Z", "2026-11-05T20:59:59Z", "2026-11-06T10:00:00Z"), // late, 72 h
        stat("2026-11-04T10:00:00Z", "2026-11-06T20:59:59Z", "2026-11-04T20:00:00Z"), // on time, 10 h
        stat("2026-11-10T10:00:00Z", "2026-11-12T20:59:59Z"), // overdue, unanswered
        stat("2026-11-20T10:00:00Z", "2026-11-24T20:59:59Z"), // still running: not counted yet
      ],
      now,
    );
    expect(line).toEqual({ received: 5, answered: 3, onTimePercent: 50, medianHoursToFirstAnswer: 10 });
  });

  it("leave the percentage and median out when nothing has an outcome yet", () => {
    expect(score([], new Date())).toEqual({
      received: 0,
      answered: 0,
      onTimePercent: undefined,
      medianHoursToFirstAnswer: undefined,
    });
  });
});
