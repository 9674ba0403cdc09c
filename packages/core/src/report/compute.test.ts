import { describe, expect, it } from "vitest";
import { type Facts, figuresOf, linesOf, median } from "./compute";
import { reportCsv } from "./files";
import type { Report } from "./schema";

const november = { from: "2026-11-01", to: "2026-11-30" };
const october = { from: "2026-10-01", to: "2026-10-31" };
const noReach = { sent: 0, bounced: 0, unsubscribed: 0 };
/** Moscow midnight of 1 November is 21:00 UTC on 31 October. */
const NOV_START = "2026-10-31T21:00:00.000Z";
const later = new Date("2027-01-01T00:00:00Z");

const facts = (overrides: Partial<Facts>): Facts => ({
  organisations: [],
  listingsPublished: [],
  matchesFound: [],
  contributions: [],
  questions: [],
  scopeNames: { experts: "Эксперты", "body#min": "Минэкономразвития" },
  events: [],
  ...overrides,
});

describe("report figures", () => {
  it("takes the median of odd and even counts", () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("counts members new in, total at the end of, and pending at the end of a period, by Moscow day", () => {
    const data = facts({
      organisations: [
        // approved 31 Oct 23:30 Moscow: October's, not November's
        {
          kind: "ngo",
          municipality: "kaluga",
          status: "approved",
          createdAt: "2026-10-01T10:00:00.000Z",
          decidedAt: "2026-10-31T20:30:00.000Z",
        },
        // approved 1 Nov 00:30 Moscow
        {
          kind: "ngo",
          municipality: "obninsk",
          status: "approved",
          createdAt: "2026-10-20T10:00:00.000Z",
          decidedAt: "2026-10-31T21:30:00.000Z",
        },
        {
          kind: "business",
          municipality: "kaluga",
          status: "approved",
          createdAt: "2026-11-02T10:00:00.000Z",
          decidedAt: "2026-11-03T10:00:00.000Z",
        },
        // applied in November, decided in December: pending at November's end
        {
          kind: "ngo",
          municipality: "kaluga",
          status: "rejected",
          createdAt: "2026-11-20T10:00:00.000Z",
          decidedAt: "2026-12-02T10:00:00.000Z",
        },
        { kind: "media", municipality: "kaluga", status: "pending", createdAt: "2026-11-29T10:00:00.000Z" },
        // applied after November
        { kind: "media", municipality: "kaluga", status: "pending", createdAt: "2026-12-01T10:00:00.000Z" },
      ],
    });
    const now = figuresOf(data, november, noReach, later).members;
    const before = figuresOf(data, october, noReach, later).members;
    expect([now.new, now.total, now.pending]).toEqual([2, 3, 2]);
    expect([before.new, before.total, before.pending]).toEqual([1, 1, 1]);
    expect(now.byKind.find((row) => row.kind === "ngo")).toEqual({
      kind: "ngo",
      new: 1,
      total: 2,
      pending: 1,
    });
    expect(now.byMunicipality.find((row) => row.municipality === "kaluga")).toEqual({
      municipality: "kaluga",
      new: 1,
      total: 2,
      pending: 2,
    });
  });

  it("counts the Resource Bank's listings, pairs and handovers of the period and their value by category", () => {
    const data = facts({
      listingsPublished: [NOV_START, "2026-11-15T00:00:00.000Z", "2026-10-31T20:59:59.999Z"],
      matchesFound: ["2026-11-02T00:00:00.000Z"],
      contributions: [
        { at: "2026-11-05T00:00:00.000Z", category: "premises", value: 5000 },
        { at: "2026-11-06T00:00:00.000Z", category: "premises" },
        { at: "2026-11-07T00:00:00.000Z", category: "transport", value: 1200 },
        { at: "2026-10-07T00:00:00.000Z", category: "transport", value: 800 },
      ],
    });
    const { resources } = figuresOf(data, november, noReach, later);
    expect([resources.opened, resources.matched, resources.fulfilled, resources.value]).toEqual([
      2, 1, 3, 6200,
    ]);
    expect(resources.byCategory.find((row) => row.category === "premises")).toEqual({
      category: "premises",
      count: 2,
      value: 5000,
    });
    expect(resources.byCategory).toHaveLength(8);
  });

  it("scores consultations as they stood at the period's end and counts missed deadlines per body", () => {
    const data = facts({
      questions: [
        // answered on time after 2 h
        {
          scope: "experts",
          createdAt: "2026-11-02T10:00:00.000Z",
          dueAt: "2026-11-04T21:00:00.000Z",
          firstAnsweredAt: "2026-11-02T12:00:00.000Z",
        },
        // answered late after 10 h: a missed deadline in November
        {
          scope: "experts",
          createdAt: "2026-11-10T00:00:00.000Z",
          dueAt: "2026-11-10T05:00:00.000Z",
          firstAnsweredAt: "2026-11-10T10:00:00.000Z",
        },
        // asked in October, due and missed in November, never answered
        { scope: "body#min", createdAt: "2026-10-20T00:00:00.000Z", dueAt: "2026-11-19T21:00:00.000Z" },
        // asked in November, answered only in December: unanswered at November's end, not yet due
        {
          scope: "body#min",
          createdAt: "2026-11-25T00:00:00.000Z",
          dueAt: "2026-12-25T21:00:00.000Z",
          firstAnsweredAt: "2026-12-03T00:00:00.000Z",
        },
      ],
    });
    const { consultations } = figuresOf(data, november, noReach, later);
    expect(consultations).toEqual({
      received: 3,
      answered: 2,
      onTimePercent: 50,
      medianHoursToFirstAnswer: 6,
      overdue: 2,
      overdueByBody: [
        { scope: "body#min", name: "Минэкономразвития", overdue: 1 },
        { scope: "experts", name: "Эксперты", overdue: 1 },
      ],
    });
    // A period still running is scored as of now: the question due later is not overdue yet.
    const midNovember = figuresOf(data, november, noReach, new Date("2026-11-15T00:00:00Z")).consultations;
    expect(midNovember.overdue).toBe(1);
  });

  it("counts the events that began in the period, their places, attendance and average rating", () => {
    const event = (startsAt: string, confirmed: number, attended: number, feedback: [number, number]) => ({
      startsAt,
      confirmed,
      attended,
      feedbackCount: feedback[0],
      feedbackTotal: feedback[1],
    });
    const data = facts({
      events: [
        // 31 Oct 23:30 Moscow: October's
        event("2026-10-31T20:30:00.000Z", 10, 10, [2, 10]),
        event(NOV_START, 20, 15, [4, 18]),
        event("2026-11-20T15:00:00.000Z", 10, 4, [1, 3]),
        // Later than "now": not held yet
        event("2026-11-29T15:00:00.000Z", 30, 0, [0, 0]),
      ],
    });
    const now = new Date("2026-11-25T00:00:00Z");
    expect(figuresOf(data, november, noReach, now).events).toEqual({
      held: 2,
      registrations: 30,
      attended: 19,
      attendancePercent: 63,
      feedbackCount: 5,
      feedbackAverage: 4.2,
    });
    expect(figuresOf(data, october, noReach, now).events).toMatchObject({ held: 1, attendancePercent: 100 });
    expect(figuresOf(facts({}), november, noReach, now).events).toMatchObject({
      held: 0,
      attendancePercent: null,
      feedbackAverage: null,
    });
  });

  it("sets each figure against the previous period's, with a relative change only where one makes sense", () => {
    const data = facts({
      listingsPublished: [
        "2026-11-02T00:00:00.000Z",
        "2026-11-03T00:00:00.000Z",
        "2026-11-04T00:00:00.000Z",
        "2026-10-02T00:00:00.000Z",
        "2026-10-03T00:00:00.000Z",
      ],
      questions: [
        {
          scope: "experts",
          createdAt: "2026-11-02T00:00:00.000Z",
          dueAt: "2026-11-04T00:00:00.000Z",
          firstAnsweredAt: "2026-11-02T01:30:00.000Z",
        },
      ],
    });
    const current = figuresOf(data, november, { sent: 10, bounced: 1, unsubscribed: 0 }, later);
    const previous = figuresOf(data, october, noReach, later);
    const lines = new Map(linesOf(current, previous).map((line) => [line.key, line]));
    expect(lines.get("resources.opened")).toMatchObject({
      current: 3,
      previous: 2,
      change: 1,
      changePercent: 50,
    });
    expect(lines.get("reach.sent")).toMatchObject({
      current: 10,
      previous: 0,
      change: 10,
      changePercent: null,
    });
    expect(lines.get("consultations.onTimePercent")).toMatchObject({
      current: 100,
      previous: null,
      change: null,
    });
    expect(lines.get("consultations.medianHours")).toMatchObject({ current: 1.5, changePercent: null });
    expect(lines.get("members.municipality.kaluga.total")).toMatchObject({
      current: 0,
      previous: 0,
      change: 0,
    });
    expect(lines.get("members.kind.ngo.new")?.name).toBe("НКО: новые");
  });

  it("writes CSV for Excel: BOM, semicolons, a decimal comma, harmless text", () => {
    const data = facts({});
    const current = figuresOf(data, november, noReach, later);
    const report: Report = {
      period: november,
      previousPeriod: october,
      current,
      previous: current,
      lines: [
        {
          key: "a",
          section: "Консультации",
          name: "Медиана до первого ответа, ч",
          current: 5.5,
          previous: 4,
          change: 1.5,
          changePercent: null,
        },
        {
          key: "b",
          section: "Просроченные ответы",
          name: '=HYPERLINK("x");1',
          current: -2,
          previous: null,
          change: null,
          changePercent: null,
        },
      ],
      generatedAt: later.toISOString(),
    };
    const rows = reportCsv(report).split("\r\n");
    expect(rows[0]).toBe(
      "\uFEFFРаздел;Показатель;01.11.2026–30.11.2026;01.10.2026–31.10.2026;Изменение;Изменение, %",
    );
    expect(rows[1]).toBe("Консультации;Медиана до первого ответа, ч;5,5;4;1,5;");
    expect(rows[2]).toBe('Просроченные ответы;"=HYPERLINK(""x"");1";-2;;;');
  });
});
