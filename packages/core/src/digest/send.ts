import { config } from "../config";
import { writeAll } from "../db/transaction";
import { deliver, isConditionFailure, queued, sendLetter } from "../mail/index";
import * as Clock from "../shared/clock";
import { moscowToday } from "../shared/dates";
import { nextDue, periodOf } from "./calendar";
import { buildCatalogue, type Catalogue, isEmpty, MAX_LOOKBACK_MS, select } from "./content";
import { NEVER } from "./entity";
import { pausedLetter } from "./letters";
import { renderDigest } from "./render";
import { db } from "./store";
import { manageToken, type Subscriber } from "./subscriptions";

/** How long one run owns a claimed send (the send and its retries fit well inside). */
const CLAIM_MS = 5 * 60_000;
/** A period's send is given up after this many failed runs, and reported. */
const MAX_ATTEMPTS = 5;
/** Throttled sends are retried in the run after these pauses (the SDK has retried 3 times already). */
const THROTTLE_BACKOFF_MS = [1_000, 4_000, 15_000];
/** Delivery records are kept for the reports and support questions, then dropped by TTL. */
const DELIVERY_RETENTION_S = 400 * 24 * 3600;

export interface RunOptions {
  now?: Date;
  /** Sends per second (SES's account rate); config().digestSendRate by default. */
  rate?: number;
  /** Sends in flight at once, within the rate. */
  concurrency?: number;
  /** Epoch ms after which no new send starts (a Lambda's remaining time). */
  stopTakingAt?: number;
}

export interface RunSummary {
  due: number;
  sent: number;
  empty: number;
  failed: number;
  abandoned: number;
  /** Claimed by a run that died before SES answered: not resent (a double is worse), reported. */
  unknown: number;
  paused: number;
  skipped: number;
  /** Due but left for the next run (time ran out). */
  left: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Spaces send starts 1/rate seconds apart, however many are in flight. */
function pacer(rate: number) {
  let next = 0;
  return async () => {
    const now = Date.now();
    const at = Math.max(now, next);
    next = at + 1000 / rate;
    if (at > now) await sleep(at - now);
  };
}

const isThrottling = (error: unknown) => {
  const { name, $metadata } = (error ?? {}) as { name?: string; $metadata?: { httpStatusCode?: number } };
  return (
    name === "TooManyRequestsException" || name === "ThrottlingException" || $metadata?.httpStatusCode === 429
  );
};

/**
 * SES never answered, yet the request may have reached it: a connection reset mid-request or a
 * request timeout (not a refused connection, a connection never made, nor any answer SES gave).
 */
const mayHaveSent = (error: unknown) => {
  const { name, code, message } = (error ?? {}) as { name?: string; code?: string; message?: string };
  return (
    /^(ECONNRESET|EPIPE|ETIMEDOUT)$/.test(code ?? "") ||
    (name === "TimeoutError" && !/did not establish a connection/.test(message ?? ""))
  );
};

async function organisationsOf(subscriber: Subscriber) {
  if (!subscriber.accountId) return new Set<string>();
  const { data } = await db()
    .entities.membership.query.byAccount({ accountId: subscriber.accountId })
    .go({ pages: "all" });
  return new Set(data.map((membership) => membership.organisationId));
}

/**
 * A subscriber's next slot: the next due time (with the status the due index needs), and what
 * their news is now covered until, when this run covered it.
 */
function nextSlot(subscriber: Subscriber, now: Date, coveredUntil?: string) {
  return {
    status: subscriber.status,
    nextDueAt: nextDue(subscriber, now)?.toISOString() ?? NEVER,
    ...(coveredUntil ? { coveredUntil } : {}),
  };
}

/** Moves a subscriber to their next slot, if no other run has done so (the due time is the guard). */
function advance(subscriber: Subscriber, now: Date, coveredUntil?: string) {
  return db()
    .entities.subscriber.patch({ id: subscriber.id })
    .set(nextSlot(subscriber, now, coveredUntil))
    .where(({ nextDueAt }, { eq }) => eq(nextDueAt, subscriber.nextDueAt));
}

type Claim = { attempts: number; createdAt: string } | "done" | "busy" | "unknown";

/**
 * Takes the subscriber's send for the period: the first run creates the record; a later run may
 * take it back only from "failed". A "sending" record whose claim ran out means a run died
 * between the claim and SES's answer; the letter may have gone, so it is not sent again.
 */
async function claim(subscriber: Subscriber, period: string, now: number): Promise<Claim> {
  const { delivery } = db().entities;
  const createdAt = new Date(now).toISOString();
  try {
    await delivery
      .create({
        subscriberId: subscriber.id,
        period,
        status: "sending",
        attempts: 1,
        claimedUntil: now + CLAIM_MS,
        createdAt,
      })
      .go();
    return { attempts: 1, createdAt };
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
  const { data: current } = await delivery
    .get({ subscriberId: subscriber.id, period })
    .go({ consistent: true });
  if (!current) return "busy";
  if (current.status === "sending") {
    if (current.claimedUntil > now) return "busy";
    await delivery
      .patch({ subscriberId: subscriber.id, period })
      .set({ status: "unknown" })
      .composite({ createdAt: current.createdAt })
      .where(
        ({ status, claimedUntil }, { eq }) =>
          `${eq(status, "sending")} AND ${eq(claimedUntil, current.claimedUntil)}`,
      )
      .go()
      .catch((error: unknown) => {
        if (!isConditionFailure(error)) throw error;
      });
    return "unknown";
  }
  if (current.status !== "failed") return "done";
  try {
    await delivery
      .patch({ subscriberId: subscriber.id, period })
      .set({ status: "sending", claimedUntil: now + CLAIM_MS, attempts: current.attempts + 1 })
      .composite({ createdAt: current.createdAt })
      .where(
        ({ status, attempts }, { eq }) => `${eq(status, "failed")} AND ${eq(attempts, current.attempts)}`,
      )
      .go();
    return { attempts: current.attempts + 1, createdAt: current.createdAt };
  } catch (error) {
    if (isConditionFailure(error)) return "busy";
    throw error;
  }
}

async function sendWithRetries(letter: Parameters<typeof sendLetter>[0], paced: () => Promise<void>) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await sendLetter(letter);
    } catch (error) {
      if (!isThrottling(error) || attempt >= THROTTLE_BACKOFF_MS.length) throw error;
      await sleep(THROTTLE_BACKOFF_MS[attempt]!);
      await paced();
    }
  }
}

/**
 * The digest job: every subscriber whose time has come gets what is new for them since their
 * last digest, at most once per period. The period's news is read once (buildCatalogue); each
 * subscriber costs a few requests of their own, so the work grows with subscribers plus items.
 */
export async function sendDueDigests(options: RunOptions = {}): Promise<RunSummary> {
  const now = options.now ?? Clock.now();
  const rate = options.rate ?? config().digestSendRate;
  const stopTakingAt = options.stopTakingAt ?? Number.POSITIVE_INFINITY;
  const summary: RunSummary = {
    due: 0,
    sent: 0,
    empty: 0,
    failed: 0,
    abandoned: 0,
    unknown: 0,
    paused: 0,
    skipped: 0,
    left: 0,
  };

  const { data: due } = await db()
    .entities.subscriber.query.due({ status: "active" })
    .lte({ nextDueAt: now.toISOString() })
    .go({ pages: "all" });
  summary.due = due.length;
  if (due.length === 0) return summary;

  const [oldest = now.toISOString()] = due.map((subscriber) => subscriber.coveredUntil).sort();
  const catalogue = await buildCatalogue(
    new Date(Math.max(Date.parse(oldest), now.getTime() - MAX_LOOKBACK_MS)).toISOString(),
    now,
  );
  const quietSince = new Date(now.getTime() - config().digestInactiveDays * 24 * 3600_000).toISOString();
  const paced = pacer(rate);

  const queue = [...due];
  const worker = async () => {
    for (let subscriber = queue.shift(); subscriber; subscriber = queue.shift()) {
      if (Date.now() >= stopTakingAt) {
        summary.left++;
        continue;
      }
      await one(subscriber, { now, catalogue, quietSince, paced, summary });
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  return summary;
}

interface RunContext {
  now: Date;
  catalogue: Catalogue;
  quietSince: string;
  paced: () => Promise<void>;
  summary: RunSummary;
}

async function one(subscriber: Subscriber, { now, catalogue, quietSince, paced, summary }: RunContext) {
  if (subscriber.frequency === "off") return;
  const token = await manageToken(subscriber);
  if (subscriber.lastActivityAt < quietSince) {
    await pause(subscriber, token);
    summary.paused++;
    return;
  }
  const digest = select(catalogue, subscriber, await organisationsOf(subscriber));
  if (isEmpty(digest)) {
    await advance(subscriber, now, now.toISOString())
      .go()
      .catch((error: unknown) => {
        if (!isConditionFailure(error)) throw error;
      });
    summary.empty++;
    return;
  }
  const period = periodOf(subscriber.frequency, new Date(subscriber.nextDueAt));
  await paced();
  const claimed = await claim(subscriber, period, Clock.nowMs());
  if (claimed === "busy") {
    summary.skipped++;
    return;
  }
  if (claimed === "done" || claimed === "unknown") {
    if (claimed === "unknown") summary.unknown++;
    else summary.skipped++;
    await advance(subscriber, now, now.toISOString())
      .go()
      .catch((error: unknown) => {
        if (!isConditionFailure(error)) throw error;
      });
    return;
  }
  const letter = { to: subscriber.email, ...renderDigest(digest, token) };
  const items =
    digest.matched.length +
    digest.listings.length +
    digest.answers.length +
    digest.members.length +
    digest.closing.length;
  try {
    await sendWithRetries(letter, paced);
  } catch (error) {
    if (mayHaveSent(error)) {
      // SES may have taken it (a reset or timeout mid-request): a double is worse (ADR 013, 015).
      await writeAll(db, ({ delivery, subscriber: subscribers }) => [
        delivery
          .patch({ subscriberId: subscriber.id, period })
          .set({ status: "unknown", lastError: String(error).slice(0, 500) })
          .composite({ createdAt: claimed.createdAt })
          .commit(),
        subscribers
          .patch({ id: subscriber.id })
          .set(nextSlot(subscriber, now, now.toISOString()))
          .where(({ nextDueAt }, { eq }) => eq(nextDueAt, subscriber.nextDueAt))
          .commit(),
      ]).catch((writeError: unknown) =>
        console.error(
          JSON.stringify({ level: "error", msg: "digest unknown not recorded", error: String(writeError) }),
        ),
      );
      summary.unknown++;
      return;
    }
    const abandon = claimed.attempts >= MAX_ATTEMPTS;
    console.error(
      JSON.stringify({
        level: "error",
        msg: "digest send failed",
        subscriberId: subscriber.id,
        period,
        abandon,
        error: String(error),
      }),
    );
    await writeAll(db, ({ delivery, digestDay, subscriber: subscribers }) => [
      delivery
        .patch({ subscriberId: subscriber.id, period })
        .set({ status: abandon ? "abandoned" : "failed", lastError: String(error).slice(0, 500) })
        .composite({ createdAt: claimed.createdAt })
        .commit(),
      digestDay.update({ day: moscowToday() }).add({ failed: 1 }).commit(),
      // Abandoned: the subscriber moves on to the next period; failed: stays due for the next run.
      ...(abandon
        ? [
            subscribers
              .patch({ id: subscriber.id })
              .set(nextSlot(subscriber, now))
              .where(({ nextDueAt }, { eq }) => eq(nextDueAt, subscriber.nextDueAt))
              .commit(),
          ]
        : []),
    ]).catch((writeError: unknown) =>
      // The claim runs out and the next run reports the send as unknown: nothing is sent twice.
      console.error(
        JSON.stringify({ level: "error", msg: "digest failure not recorded", error: String(writeError) }),
      ),
    );
    if (abandon) summary.abandoned++;
    else summary.failed++;
    return;
  }
  await writeAll(db, ({ delivery, digestDay, subscriber: subscribers }) => [
    delivery
      .patch({ subscriberId: subscriber.id, period })
      .set({
        status: "sent",
        sentAt: Clock.nowIso(),
        items,
        expiresAtEpoch: Math.floor(Clock.nowMs() / 1000) + DELIVERY_RETENTION_S,
      })
      .composite({ createdAt: claimed.createdAt })
      .commit(),
    digestDay.update({ day: moscowToday() }).add({ sent: 1 }).commit(),
    subscribers
      .patch({ id: subscriber.id })
      .set(nextSlot(subscriber, now, now.toISOString()))
      .commit(),
  ]);
  summary.sent++;
}

/** A long silence pauses the digest (and says so once, with the way back). */
async function pause(subscriber: Subscriber, token: string) {
  const letter = queued(pausedLetter(subscriber.email, token, config().digestInactiveDays));
  try {
    await writeAll(db, ({ subscriber: subscribers, outbox }) => [
      subscribers
        .patch({ id: subscriber.id })
        .set({
          status: "dormant",
          nextDueAt: NEVER,
          stoppedReason: "inactive",
          version: subscriber.version + 1,
        })
        .where(({ nextDueAt }, { eq }) => eq(nextDueAt, subscriber.nextDueAt))
        .commit(),
      outbox.create(letter).commit(),
    ]);
  } catch {
    return;
  }
  await deliver([letter]);
}
