import { type Actor, requireCoordinator } from "../actor";
import { reach } from "../digest/reach";
import * as Clock from "../shared/clock";
import { moscowToday } from "../shared/dates";
import { type Facts, figuresOf, linesOf, type OrganisationFact, pointOf, type QuestionFact } from "./compute";
import { reportFile } from "./files";
import { addDays, instants, lastMonths, type Period, previousPeriod } from "./periods";
import type { Report, ReportFileQuery, ReportQuery, Series, SeriesQuery } from "./schema";
import { db } from "./store";

/**
 * How long before a period a question may have been asked and still fall due in it: 30 days for
 * an authority body, moved past days off (ADR 011), with room to spare.
 */
const DEADLINE_LOOKBACK_DAYS = 60;

const EXPERTS_SCOPE = "experts";

/** Called as each read finishes, for the command line's progress bar. */
export type Progress = (step: string) => void;

/** How many reads a report makes, i.e. how many times it calls its Progress. */
export const STEPS = 7;

/**
 * Reads, once, everything the periods inside `span` are computed from, the independent reads in
 * parallel. Each is a Query bounded by the span on a time-ordered index, except the organisations,
 * which are read whole: "total members" needs every one (about 1,550) and pending applications
 * need their dates.
 */
async function factsOf(span: Period, progress: Progress): Promise<Facts> {
  const { organisation, listing, match, contribution, questionStat, event, registration } = db().entities;
  const { start, end } = instants(span);
  const before = (at: string) => at < end;
  const step = async <T>(label: string, read: Promise<T>) => {
    const result = await read;
    progress(label);
    return result;
  };

  const organisationsRead = step(
    "участники",
    Promise.all(
      (["pending", "approved", "rejected"] as const).map((status) =>
        organisation.query
          .queue({ status })
          .lt({ createdAt: end })
          .go({
            pages: "all",
            attributes: [
              "id",
              "kind",
              "municipality",
              "status",
              "createdAt",
              "approvedAt",
              "updatedAt",
              "name",
              "shortName",
            ],
          }),
      ),
    ),
  );
  const listingsRead = step(
    "объявления",
    listing.query
      .byPublished({})
      .between({ publishedAt: start }, { publishedAt: end })
      .go({ pages: "all", attributes: ["publishedAt"] }),
  );
  const matchesRead = step(
    "совпадения",
    match.query
      .byCreated({})
      .between({ createdAt: start }, { createdAt: end })
      .go({ pages: "all", attributes: ["createdAt"] }),
  );
  const contributionsRead = step(
    "передачи",
    contribution.query
      .cluster({})
      .between({ at: start }, { at: end })
      .go({ pages: "all", attributes: ["at", "category", "value"] }),
  );

  // The events that began in the span, each with its registrations (tens a month).
  const eventsRead = step(
    "мероприятия",
    event.query
      .byStatus({ status: "published" })
      .between({ startsAt: start }, { startsAt: end })
      .go({
        pages: "all",
        attributes: ["id", "startsAt", "takenInPerson", "takenOnline", "feedbackCount", "feedbackTotal"],
      })
      .then(({ data }) =>
        Promise.all(
          data
            .filter((item) => before(item.startsAt))
            .map(async (item) => {
              const { data: registrations } = await registration.query
                .byEvent({ eventId: item.id })
                .go({ pages: "all", attributes: ["status", "checkedInAt"] });
              return {
                startsAt: item.startsAt,
                confirmed: item.takenInPerson + item.takenOnline,
                attended: registrations.filter((row) => row.status === "confirmed" && row.checkedInAt).length,
                feedbackCount: item.feedbackCount,
                feedbackTotal: item.feedbackTotal,
              };
            }),
        ),
      ),
  );

  // One await for all five: a read that fails never leaves another's rejection unhandled.
  const [organisationPages, { data: listings }, { data: matches }, { data: contributions }, eventFacts] =
    await Promise.all([organisationsRead, listingsRead, matchesRead, contributionsRead, eventsRead]);
  const organisations = organisationPages.flatMap(({ data }) => data);
  const bodies = organisations.filter((item) => item.kind === "authority" && item.status === "approved");
  const scopeNames: Record<string, string> = {
    [EXPERTS_SCOPE]: "Эксперты",
    ...Object.fromEntries(bodies.map((body) => [`body#${body.id}`, body.shortName ?? body.name])),
  };
  const asked = instants({ from: addDays(span.from, -DEADLINE_LOOKBACK_DAYS), to: span.to });
  const questionPages = await step(
    "консультации",
    Promise.all(
      Object.keys(scopeNames).map((scope) =>
        questionStat.query
          .byScope({ scope })
          .between({ createdAt: asked.start }, { createdAt: end })
          .go({ pages: "all", attributes: ["scope", "createdAt", "dueAt", "firstAnsweredAt"] }),
      ),
    ),
  );
  return {
    organisations: organisations.map(
      (item): OrganisationFact => ({
        kind: item.kind,
        municipality: item.municipality,
        status: item.status,
        createdAt: item.createdAt,
        // A rejection has no date of its own; the last change of a rejected application is it.
        decidedAt:
          item.status === "approved"
            ? (item.approvedAt ?? item.createdAt)
            : item.status === "rejected"
              ? item.updatedAt
              : undefined,
      }),
    ),
    // The upper bound of `between` is inclusive: a row stamped exactly at `end` belongs to the next day.
    listingsPublished: listings.map((item) => item.publishedAt ?? "").filter(before),
    matchesFound: matches.map((item) => item.createdAt).filter(before),
    contributions: contributions
      .filter((item) => before(item.at))
      .map((item) => ({ at: item.at, category: item.category, value: item.value })),
    questions: questionPages.flatMap(({ data }) =>
      data.filter((item) => before(item.createdAt)).map((item): QuestionFact => ({ ...item })),
    ),
    scopeNames,
    events: eventFacts,
  };
}

async function reachOf(period: Period) {
  const { sent, bounced, complained, unsubscribed } = await reach(period.from, period.to);
  // A complaint suppresses the address like a bounce: both are mail that reached no reader.
  return { sent, bounced: bounced + complained, unsubscribed };
}

/** The figures of a period against the period before it (periods.ts previousPeriod). */
export async function build(
  period: Period,
  options: { now?: Date; progress?: Progress } = {},
): Promise<Report> {
  const now = options.now ?? Clock.now();
  const progress = options.progress ?? (() => {});
  const previous = previousPeriod(period);
  const facts = await factsOf({ from: previous.from, to: period.to }, progress);
  const [reachNow, reachBefore] = await Promise.all([reachOf(period), reachOf(previous)]);
  progress("рассылки");
  const current = figuresOf(facts, period, reachNow, now);
  const before = figuresOf(facts, previous, reachBefore, now);
  return {
    period,
    previousPeriod: previous,
    current,
    previous: before,
    lines: linesOf(current, before),
    generatedAt: now.toISOString(),
  };
}

export async function report(actor: Actor, query: ReportQuery) {
  requireCoordinator(actor);
  return build(query);
}

/** The last months' headline figures for the dashboard's charts, the current month included. */
export async function series(actor: Actor, { months }: SeriesQuery, now = Clock.now()): Promise<Series> {
  requireCoordinator(actor);
  const periods = lastMonths(moscowToday(now), months);
  const first = periods[0] as Period;
  const facts = await factsOf({ from: first.from, to: (periods.at(-1) as Period).to }, () => {});
  const reaches = await Promise.all(periods.map(reachOf));
  return {
    points: periods.map((period, index) =>
      pointOf(
        period.from.slice(0, 7),
        figuresOf(facts, period, reaches[index] as Awaited<ReturnType<typeof reachOf>>, now),
      ),
    ),
  };
}

/** The report of a period as a file to download. */
export async function file(actor: Actor, { format, ...period }: ReportFileQuery) {
  requireCoordinator(actor);
  return reportFile(await build(period), format);
}
