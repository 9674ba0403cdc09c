import type { EntityItem } from "electrodb";
import { type Actor, requirePerson } from "../actor";
import { config } from "../config";
import { Canceled, writeAll } from "../db/transaction";
import { Conflict, NotFound, VisibleError } from "../errors";
import { deliver, isConditionFailure, queued } from "../mail/index";
import * as Clock from "../shared/clock";
import { newToken } from "../shared/secrets";
import { ulid } from "../shared/ulid";
import { nextDue, periodLengthMs } from "./calendar";
import { NEVER, type SubscriberEntity } from "./entity";
import { alreadySubscribedLetter, confirmLetter } from "./letters";
import { count } from "./reach";
import type { Feedback, Preferences, Subscribe, SubscriptionView, UpdatePreferences } from "./schema";
import { db } from "./store";
import { readToken, signToken } from "./tokens";

export type Subscriber = EntityItem<typeof SubscriberEntity>;

/** Visits closer together than this are one visit: an open pixel must not write on every load. */
const ACTIVITY_RESOLUTION_MS = 3600_000;

/**
 * The schedule fields every write of a subscriber carries: the due index is sparse by a
 * condition on status and nextDueAt, which ElectroDB evaluates on the written attributes only.
 */
function schedule(
  status: Subscriber["status"],
  preferences: Pick<Preferences, "frequency" | "weekday" | "hour">,
  now: Date,
) {
  const due = status === "active" ? nextDue(preferences, now) : undefined;
  return { status, nextDueAt: due ? due.toISOString() : NEVER };
}

export const manageToken = (subscriber: Pick<Subscriber, "id">) => signToken("manage", subscriber.id);

export function view(subscriber: Subscriber): SubscriptionView {
  return {
    email: subscriber.email,
    status: subscriber.status,
    frequency: subscriber.frequency,
    weekday: subscriber.weekday,
    hour: subscriber.hour,
    topics: subscriber.topics,
    categories: subscriber.categories,
    consultationTopics: subscriber.consultationTopics,
    municipalities: subscriber.municipalities,
    nextDueAt: subscriber.nextDueAt === NEVER ? undefined : subscriber.nextDueAt,
    linkedToAccount: Boolean(subscriber.accountId),
    version: subscriber.version,
  };
}

async function byEmail(email: string) {
  const { subscriberEmail, subscriber } = db().entities;
  const { data: key } = await subscriberEmail.get({ email }).go({ consistent: true });
  if (!key) return undefined;
  const { data } = await subscriber.get({ id: key.subscriberId }).go({ consistent: true });
  return data ?? undefined;
}

async function byToken(token: string) {
  const parts = await readToken("manage", token);
  const { data } = parts
    ? await db().entities.subscriber.get({ id: parts[0]! }).go({ consistent: true })
    : { data: null };
  if (!data) throw new NotFound("Ссылка устарела или повреждена. Подпишитесь заново на странице дайджеста.");
  return data;
}

const preferencesOf = ({ email: _, ...preferences }: Subscribe): Preferences => preferences;

/**
 * Double opt-in: a new or lapsed address gets a confirmation link; an active one gets a link to
 * its preferences instead, so nobody can change another person's digest by knowing the address.
 * The answer is the same either way (no probing who is subscribed).
 */
export async function subscribe(input: Subscribe) {
  const preferences = preferencesOf(input);
  const now = Clock.now();
  const existing = await byEmail(input.email);
  if (existing?.status === "active") {
    const letter = queued(alreadySubscribedLetter(existing.email, await manageToken(existing)));
    await db().entities.outbox.create(letter).go();
    await deliver([letter]);
    return { status: "check_mail" as const };
  }
  const id = existing?.id ?? ulid();
  const nonce = newToken().slice(0, 16);
  const letter = queued(confirmLetter(input.email, await signToken("confirm", id, nonce)));
  const fields = {
    ...preferences,
    ...schedule(existing?.status ?? "pending", preferences, now),
    confirmNonce: nonce,
  };
  try {
    if (existing) {
      await writeAll(db, ({ subscriber, outbox }) => [
        subscriber
          .patch({ id })
          .set({ ...fields, version: existing.version + 1 })
          .where(({ version }, { eq }) => eq(version, existing.version))
          .commit(),
        outbox.create(letter).commit(),
      ]);
    } else {
      await writeAll(db, ({ subscriber, subscriberEmail, outbox }) => [
        subscriber
          .create({
            id,
            email: input.email,
            ...fields,
            coveredUntil: now.toISOString(),
            lastActivityAt: now.toISOString(),
          })
          .commit(),
        subscriberEmail.create({ email: input.email, subscriberId: id }).commit(),
        outbox.create(letter).commit(),
      ]);
    }
  } catch (error) {
    if (error instanceof Canceled) throw new Conflict("Подписка уже оформляется, проверьте почту", "busy");
    throw error;
  }
  await deliver([letter]);
  return { status: "check_mail" as const };
}

/** The confirmation link: activates, lifts a suppression (the address works again) and schedules. */
export async function confirm(token: string) {
  const parts = await readToken("confirm", token);
  const { subscriber } = db().entities;
  const { data: current } = parts
    ? await subscriber.get({ id: parts[0]! }).go({ consistent: true })
    : { data: null };
  if (!current || current.confirmNonce !== parts?.[1]) {
    throw new NotFound("Ссылка подтверждения устарела. Подпишитесь ещё раз — придёт новая.");
  }
  const manage = await manageToken(current);
  if (current.status === "active") return { ...view(current), manageToken: manage };
  const now = Clock.now();
  const next = {
    ...schedule("active", current, now),
    confirmedAt: now.toISOString(),
    coveredUntil: new Date(now.getTime() - periodLengthMs(current.frequency)).toISOString(),
    lastActivityAt: now.toISOString(),
    version: current.version + 1,
  };
  try {
    await writeAll(db, ({ subscriber: subscribers, suppression }) => [
      subscribers
        .patch({ id: current.id })
        .set(next)
        .remove(["confirmNonce", "stoppedReason"])
        .where(({ version }, { eq }) => eq(version, current.version))
        .commit(),
      suppression.delete({ email: current.email }).commit(),
    ]);
  } catch (error) {
    if (error instanceof Canceled)
      throw new Conflict("Подписка изменилась, откройте ссылку ещё раз", "stale");
    throw error;
  }
  await count("confirmed");
  return { ...view({ ...current, ...next }), manageToken: manage };
}

export async function preferences(token: string) {
  const current = await byToken(token);
  await noteActivity(current);
  return view(current);
}

/**
 * Saving preferences from a letter's link. The link proves the mailbox, so it also resumes a
 * digest that was unsubscribed or paused; a suppressed address must confirm anew (it bounced).
 */
export async function updatePreferences(token: string, input: UpdatePreferences) {
  const current = await byToken(token);
  if (current.status === "suppressed" || current.status === "pending") {
    throw new VisibleError(
      "confirm_first",
      "Этот адрес нужно подтвердить заново: подпишитесь на странице дайджеста, придёт письмо со ссылкой",
      409,
    );
  }
  return save(current, input, "active");
}

async function save(
  current: Subscriber,
  { version: expected, ...preferences }: UpdatePreferences,
  status: Subscriber["status"],
  accountId = current.accountId,
) {
  const now = Clock.now();
  const next = {
    ...preferences,
    ...(accountId ? { accountId } : {}),
    ...schedule(status, preferences, now),
    lastActivityAt: now.toISOString(),
    version: current.version + 1,
  };
  try {
    await db()
      .entities.subscriber.patch({ id: current.id })
      .set(next)
      .remove(["stoppedReason"])
      .where(({ version }, { eq }) => eq(version, expected))
      .go();
  } catch (error) {
    if (isConditionFailure(error)) {
      throw new Conflict("Настройки уже изменили в другом окне: обновите страницу", "stale");
    }
    throw error;
  }
  return view({ ...current, ...next });
}

/** The one-click unsubscribe (RFC 8058) and the letter's link: at once, no login, repeatable. */
export async function unsubscribe(token: string) {
  const current = await byToken(token);
  if (current.status !== "active") return view(current);
  const next = { ...schedule("unsubscribed", current, Clock.now()), version: current.version + 1 };
  try {
    await db()
      .entities.subscriber.patch({ id: current.id })
      .set(next)
      .where(({ status }, { eq }) => eq(status, "active"))
      .go();
  } catch (error) {
    if (isConditionFailure(error)) return view(current);
    throw error;
  }
  await count("unsubscribed");
  return view({ ...current, ...next });
}

/** An open, a click or a visit: keeps a quiet reader's digest from pausing by itself. */
export async function noteActivity(current: Subscriber, now = Clock.now()) {
  const since = new Date(now.getTime() - ACTIVITY_RESOLUTION_MS).toISOString();
  await db()
    .entities.subscriber.patch({ id: current.id })
    .set({ lastActivityAt: now.toISOString(), status: current.status, nextDueAt: current.nextDueAt })
    .where(
      ({ lastActivityAt, status }, { lt, eq }) =>
        `${lt(lastActivityAt, since)} AND ${eq(status, current.status)}`,
    )
    .go()
    .catch((error: unknown) => {
      if (!isConditionFailure(error)) throw error;
    });
}

export async function seen(token: string) {
  await noteActivity(await byToken(token));
}

/** A portal link from a letter: counts as activity, then goes to the page (inside the portal only). */
export async function follow(token: string, path: string) {
  const safe = /^\/(?![/\\])[\w\-./?=&%]*$/.test(path) ? path : "/";
  await seen(token).catch(() => {});
  return `${config().publicUrl}${safe}`;
}

/** The signed-in person's own digest, by their account's (verified) address. */
export async function mine(actor: Actor) {
  const person = requirePerson(actor);
  const current = await byEmail(person.email);
  return current ? view(current) : undefined;
}

/**
 * Subscribing from the account: the address was proven by the login code, so no confirmation
 * letter; it also lifts a suppression, for the same reason.
 */
export async function updateMine(actor: Actor, input: UpdatePreferences) {
  const person = requirePerson(actor);
  const current = await byEmail(person.email);
  if (current) {
    const result = await save(current, input, "active", person.accountId);
    if (current.status !== "active") await liftSuppression(current.email);
    return result;
  }
  const { version: _version, ...preferences } = input;
  const now = Clock.now();
  const id = ulid();
  const item = {
    id,
    email: person.email,
    accountId: person.accountId,
    ...preferences,
    ...schedule("active", preferences, now),
    confirmedAt: now.toISOString(),
    coveredUntil: new Date(now.getTime() - periodLengthMs(preferences.frequency)).toISOString(),
    lastActivityAt: now.toISOString(),
  };
  try {
    await writeAll(db, ({ subscriber, subscriberEmail, suppression }) => [
      subscriber.create(item).commit(),
      subscriberEmail.create({ email: person.email, subscriberId: id }).commit(),
      suppression.delete({ email: person.email }).commit(),
    ]);
  } catch (error) {
    if (error instanceof Canceled) throw new Conflict("Подписка уже оформляется, обновите страницу", "busy");
    throw error;
  }
  await count("confirmed");
  return view({
    ...item,
    version: 1,
    createdAt: item.confirmedAt,
    updatedAt: item.confirmedAt,
  } as Subscriber);
}

async function liftSuppression(email: string) {
  await db().entities.suppression.delete({ email }).go();
}

/**
 * SES feedback: a permanent bounce or a complaint suppresses the address at once; transient
 * bounces (a full mailbox) are SES's to retry.
 */
export async function recordFeedback({ type, emails, permanent, detail }: Feedback) {
  if (type === "bounce" && !permanent) return { suppressed: 0 };
  const at = Clock.nowIso();
  for (const email of emails) {
    await db().entities.suppression.put({ email, reason: type, detail, at }).go();
    const current = await byEmail(email);
    if (current && current.status !== "suppressed") {
      await db()
        .entities.subscriber.patch({ id: current.id })
        .set({ status: "suppressed", nextDueAt: NEVER, stoppedReason: type, version: current.version + 1 })
        .go();
    }
    await count(type === "bounce" ? "bounced" : "complained");
  }
  return { suppressed: emails.length };
}

export async function isSuppressed(email: string) {
  const { data } = await db().entities.suppression.get({ email }).go();
  return Boolean(data);
}
