import { moscowToday } from "../shared/dates";
import { db } from "./store";

export type ReachCounter = "sent" | "failed" | "bounced" | "complained" | "unsubscribed" | "confirmed";
export type Reach = Record<ReachCounter, number>;

const counters: ReachCounter[] = ["sent", "failed", "bounced", "complained", "unsubscribed", "confirmed"];

/** Adds to today's (Moscow) counter; an atomic ADD, so parallel senders never lose a count. */
export async function count(counter: ReachCounter, by = 1, day = moscowToday()) {
  await db()
    .entities.digestDay.update({ day })
    .add({ [counter]: by })
    .go();
}

/** Digest reach over Moscow days `from`..`to` inclusive (YYYY-MM-DD): what coordinator reports show. */
export async function reach(from: string, to: string): Promise<Reach> {
  const { data } = await db()
    .entities.digestDay.query.byDay({})
    .between({ day: from }, { day: to })
    .go({ pages: "all" });
  const total = Object.fromEntries(counters.map((name) => [name, 0])) as Reach;
  for (const day of data) for (const name of counters) total[name] += day[name] ?? 0;
  return total;
}
