import * as Questions from "@cluster/core/consultation/questions";
import * as Events from "@cluster/core/event/events";
import * as Member from "@cluster/core/member/index";
import * as Listings from "@cluster/core/resource/listings";

/** Tells how far a migration's step has gone (`done` items), and when it is finished. */
export type Progress = (step: string, done: number, finished: boolean) => void;

/**
 * One-off data migrations, each safe to run again (`npm run migrate -- <name>`). `search` indexes
 * what was written before the portal-wide search existed (ADR 018).
 */
export const migrations: Record<string, (progress: Progress) => Promise<Record<string, number>>> = {
  async search(progress) {
    const steps = {
      организации: Member.reindexSearch,
      объявления: Listings.reindexSearch,
      ответы: Questions.reindexSearch,
      мероприятия: Events.reindexSearch,
    };
    const counts: Record<string, number> = {};
    for (const [step, reindex] of Object.entries(steps)) {
      counts[step] = await reindex((done) => progress(step, done, false));
      progress(step, counts[step], true);
    }
    return counts;
  },
};
