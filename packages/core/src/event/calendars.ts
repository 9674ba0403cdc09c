import { type Actor, requirePerson } from "../actor";
import { writeAll } from "../db/transaction";
import { NotFound } from "../errors";
import * as Clock from "../shared/clock";
import { hashToken, newToken } from "../shared/secrets";
import { calendarEntry, type EventItem, findEvent } from "./events";
import { calendarText } from "./ical";
import { db } from "./store";

/** How far back the feeds reach: a calendar keeps last month's events, not years of them. */
const FEED_PAST_DAYS = 30;
const FEED_SIZE = 200;

const since = (now: Date) => new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000).toISOString();

/** Every published event from a month ago on: the public, subscribable feed (no online links). */
export async function publicFeed(now = Clock.now()) {
  const { data } = await db()
    .entities.event.query.byStatus({ status: "published" })
    .gte({ startsAt: since(now) })
    .go({ limit: FEED_SIZE, count: FEED_SIZE });
  return calendarText(
    "PUBLISH",
    data.map((event) => calendarEntry(event)),
    { stamp: now.toISOString(), name: "Мероприятия Кластера НКО Калужской области" },
  );
}

/** One published event, for "add to my calendar" on its page. */
export async function eventFile(id: string, now = Clock.now()) {
  const event = await findEvent(id);
  if (event.status !== "published" && event.status !== "cancelled")
    throw new NotFound("Мероприятие не найдено");
  return calendarText("PUBLISH", [calendarEntry(event)], { stamp: now.toISOString() });
}

/** A new secret address of the person's own feed; the previous one stops working. */
export async function renewFeed(actor: Actor) {
  const person = requirePerson(actor);
  const { calendarFeed } = db().entities;
  const { data: previous } = await calendarFeed.query
    .byAccount({ accountId: person.accountId })
    .go({ pages: "all" });
  const token = newToken();
  await writeAll(db, ({ calendarFeed: feeds }) => [
    ...previous.map((feed) => feeds.delete({ tokenHash: feed.tokenHash }).commit()),
    feeds.create({ tokenHash: hashToken(token), accountId: person.accountId }).commit(),
  ]);
  return { token };
}

/** The events a person is confirmed for, from a month ago on, with their online links. */
export async function personalFeed(token: string, now = Clock.now()) {
  const { calendarFeed, registration, event } = db().entities;
  const { data: feed } = await calendarFeed.get({ tokenHash: hashToken(token) }).go();
  if (!feed) throw new NotFound("Такой ссылки на календарь нет: получите новую в кабинете");
  const { data: mine } = await registration.query
    .byAccount({ accountId: feed.accountId })
    .gte({ eventStartsAt: since(now) })
    .go({ pages: "all" });
  const confirmed = mine.filter((item) => item.status === "confirmed");
  const { data: events } = confirmed.length
    ? await event.get(confirmed.map((item) => ({ id: item.eventId }))).go()
    : { data: [] as EventItem[] };
  const byId = new Map(events.map((item) => [item.id, item]));
  const entries = confirmed.flatMap((item) => {
    const found = byId.get(item.eventId);
    return found ? [calendarEntry(found, { withLink: item.attendance === "online" })] : [];
  });
  return calendarText("PUBLISH", entries, {
    stamp: now.toISOString(),
    name: "Мои мероприятия — Кластер НКО",
  });
}
