import type { EntityItem } from "electrodb";
import { type Actor, hasRole } from "../actor";
import * as Clock from "../shared/clock";
import type { QuestionStatEntity } from "./entity";
import { scopeOf } from "./questions";
import type { Scorecard, ScoreLine } from "./schema";
import { db } from "./store";

type Stat = EntityItem<typeof QuestionStatEntity>;

const DAY_MS = 86_400_000;
export const PERIODS = [30, 90, 365] as const;

function median(values: number[]) {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * The figures of a set of questions at `now`. "On time" counts the questions whose outcome is
 * known: answered (on time if the first answer came by the due time) or overdue without answer.
 */
export function score(stats: Stat[], now: Date): ScoreLine {
  const answered = stats.filter((stat) => stat.firstAnsweredAt);
  const onTime = answered.filter((stat) => (stat.firstAnsweredAt ?? "") <= stat.dueAt).length;
  const overdue = stats.filter((stat) => !stat.firstAnsweredAt && stat.dueAt < now.toISOString()).length;
  const decided = answered.length + overdue;
  const hours = answered.map(
    (stat) =>
      (new Date(stat.firstAnsweredAt ?? "").getTime() - new Date(stat.createdAt).getTime()) / 3600_000,
  );
  const middle = median(hours);
  return {
    received: stats.length,
    answered: answered.length,
    onTimePercent: decided ? Math.round((onTime / decided) * 100) : undefined,
    medianHoursToFirstAnswer: middle === undefined ? undefined : Math.round(middle * 10) / 10,
  };
}

async function statsOf(scope: string, since: Date) {
  const { data } = await db()
    .entities.questionStat.query.byScope({ scope })
    .gte({ createdAt: since.toISOString() })
    .go({ pages: "all" });
  return data;
}

/**
 * The public scorecard: each authority body and the experts as a whole, for the last 30, 90 and
 * 365 days. Coordinators also get the lines per person who answered.
 */
export async function scorecard(actor: Actor, now = Clock.now()): Promise<Scorecard> {
  const since = new Date(now.getTime() - 365 * DAY_MS);
  const { data: bodies } = await db()
    .entities.organisation.query.directory({ status: "approved" })
    .where(({ kind }, { eq }) => eq(kind, "authority"))
    .go({ pages: "all" });
  const scopes = [
    { scope: scopeOf(undefined), name: "Эксперты" },
    ...bodies.map((body) => ({ scope: scopeOf(body.id), name: body.shortName ?? body.name })),
  ];
  const windows = (stats: Stat[]) =>
    PERIODS.map((days) => {
      const from = new Date(now.getTime() - days * DAY_MS).toISOString();
      return {
        days,
        ...score(
          stats.filter((stat) => stat.createdAt >= from),
          now,
        ),
      };
    });
  const lines = await Promise.all(
    scopes.map(async ({ scope, name }) => ({ scope, name, stats: await statsOf(scope, since) })),
  );
  const byPerson = new Map<string, Stat[]>();
  for (const stat of lines.flatMap(({ stats }) => stats)) {
    if (!stat.answeredByAccountId) continue;
    byPerson.set(stat.answeredByAccountId, [...(byPerson.get(stat.answeredByAccountId) ?? []), stat]);
  }
  const people = hasRole(actor, "coordinator")
    ? [...byPerson.values()].map((stats) => ({
        name: stats[0]?.answeredByName ?? "—",
        periods: windows(stats),
      }))
    : undefined;
  return {
    scopes: lines.map(({ scope, name, stats }) => ({ scope, name, periods: windows(stats) })),
    people,
  };
}
