import type { EntityItem } from "electrodb";
import { type Actor, hasRole, requireCoordinator } from "../actor";
import { config } from "../config";
import { pageOptions } from "../db/paging";
import { Forbidden, NotFound } from "../errors";
import { municipalityName } from "../reference";
import * as Search from "../search/index";
import * as Clock from "../shared/clock";
import type { EventEntity, RegistrationEntity } from "./entity";
import type { CalendarEntry } from "./ical";
import {
  type CreateEvent,
  type EventDetail,
  type EventHit,
  type EventQuery,
  type EventView,
  fromMoscowLocal,
  type RegistrationView,
  type UpdateEvent,
} from "./schema";
import { db } from "./store";

export type EventItem = EntityItem<typeof EventEntity>;
export type RegistrationItem = EntityItem<typeof RegistrationEntity>;

export async function findEvent(id: string) {
  const { data } = await db().entities.event.get({ id }).go({ consistent: true });
  if (!data) throw new NotFound("Мероприятие не найдено");
  return data;
}

/** Organisers manage an event: the person who created it and every coordinator. */
export const manages = (actor: Actor, event: Pick<EventItem, "organiserAccountId">) =>
  actor.type === "person" && (actor.accountId === event.organiserAccountId || hasRole(actor, "coordinator"));

/**
 * The event, for one of its organisers: to anyone else a proposal does not exist, and a
 * published event refuses with `refusal`.
 */
export async function organisedBy(actor: Actor, id: string, refusal: string) {
  const event = await findEvent(id);
  if (!manages(actor, event)) {
    if (event.status !== "published" && event.status !== "cancelled")
      throw new NotFound("Мероприятие не найдено");
    throw new Forbidden(refusal);
  }
  return event;
}

/** Where the event happens, in words for a letter or a calendar entry. */
export function placeOf(event: Pick<EventItem, "format" | "address" | "municipality">) {
  const address = [event.municipality ? municipalityName[event.municipality] : undefined, event.address]
    .filter(Boolean)
    .join(", ");
  if (event.format === "online") return "онлайн";
  if (event.format === "hybrid") return `${address} и онлайн`;
  return address;
}

/** What the portal-wide search knows of an event: only a published one is found. */
export function searchDocument(
  event: Pick<
    EventItem,
    "id" | "status" | "kind" | "format" | "title" | "description" | "startsAt" | "municipality" | "address"
  > &
    Partial<Pick<EventItem, "speakers" | "portalSpeakers" | "audience" | "topic">>,
): Search.SearchDocument<EventHit> | undefined {
  if (event.status !== "published") return undefined;
  return {
    id: event.id,
    title: event.title,
    text: [
      event.description,
      ...(event.speakers ?? []),
      ...(event.portalSpeakers ?? []).map((speaker) => speaker.name),
      event.audience,
      placeOf(event),
    ]
      .filter(Boolean)
      .join(" "),
    at: event.startsAt,
    filters: { kind: event.kind, format: event.format, municipality: event.municipality, topic: event.topic },
    view: {
      id: event.id,
      kind: event.kind,
      format: event.format,
      title: event.title,
      startsAt: event.startsAt,
      municipality: event.municipality,
    },
  };
}

/** Indexes the published events written before the search knew of events (the migration). */
export const reindexSearch = (progress?: (done: number) => void) =>
  Search.reindexAll(
    "events",
    (cursor) => db().entities.event.query.byStatus({ status: "published" }).go({ cursor, limit: 100 }),
    async (events) => events.map(searchDocument),
    progress,
  );

export const eventUrl = (id: string) => `${config().publicUrl}/events/${id}`;

/**
 * An event as a calendar entry. The online link goes only into a confirmed participant's own
 * invitation and feed (`withLink`), never into the public feed.
 */
export function calendarEntry(
  event: EventItem,
  options: { withLink?: boolean; attendee?: { name: string; email: string } } = {},
): CalendarEntry {
  const { publicUrl, mailFrom } = config();
  const link = options.withLink ? event.onlineUrl : undefined;
  const place = placeOf(event);
  return {
    uid: `${event.id}@${new URL(publicUrl).hostname}`,
    sequence: event.sequence,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    title: event.title,
    description: [event.description, link ? `Подключение: ${link}` : "", `Страница: ${eventUrl(event.id)}`]
      .filter(Boolean)
      .join("\n\n"),
    location: event.format === "online" ? (link ?? "онлайн") : place,
    url: eventUrl(event.id),
    cancelled: event.status === "cancelled",
    organizer: options.attendee
      ? { name: "Кластер НКО Калужской области", email: /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom }
      : undefined,
    attendee: options.attendee,
  };
}

export function registrationState(event: EventItem, now = Clock.now()): EventView["registration"] {
  const at = now.toISOString();
  if (event.status !== "published" || at >= event.registrationClosesAt) return "closed";
  return at < event.registrationOpensAt ? "not_yet" : "open";
}

const seatCount = (capacity: number | undefined, taken: number) =>
  capacity === undefined ? { taken } : { capacity, taken };

export function eventView(event: EventItem, now = Clock.now()): EventView {
  const inPerson = event.format !== "online";
  const remote = event.format !== "in_person";
  return {
    id: event.id,
    kind: event.kind,
    format: event.format,
    title: event.title,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    municipality: event.municipality,
    address: event.address,
    topic: event.topic,
    spheres: event.spheres ?? [],
    status: event.status,
    // Only coordinators organise without an organisation: then the cluster itself is the organiser.
    organiser: event.organisationName ?? "Кластер НКО Калужской области",
    seats: {
      inPerson: inPerson ? seatCount(event.capacityInPerson, event.takenInPerson) : undefined,
      online: remote ? seatCount(event.capacityOnline, event.takenOnline) : undefined,
    },
    waiting: event.waiting,
    // Items written before these attributes existed read as their defaults.
    approvalRequired: event.approvalRequired ?? false,
    awaitingApproval: event.awaitingApproval ?? 0,
    registration: registrationState(event, now),
    coverPath: event.coverId ? `/api/events/${event.id}/cover/${event.coverId}` : undefined,
    registrationOpensAt: event.registrationOpensAt,
    registrationClosesAt: event.registrationClosesAt,
  };
}

/** The stored fields of an event as a form describes it: instants in UTC, the format's own fields only. */
export function eventFields(
  input: UpdateEvent | CreateEvent,
  now: Date,
  earlier: EventItem["questions"] = [],
) {
  const toIso = (value: string) => (fromMoscowLocal(value) as Date).toISOString();
  const startsAt = toIso(input.startsAt);
  const inPerson = input.format !== "online";
  const remote = input.format !== "in_person";
  // New questions get numbers after the highest so far: answers keep pointing at their question.
  let next = Math.max(0, ...(earlier ?? []).map((question) => Number(question.id.slice(1)) || 0));
  return {
    kind: input.kind,
    format: input.format,
    title: input.title,
    description: input.description,
    startsAt,
    endsAt: toIso(input.endsAt),
    municipality: inPerson ? input.municipality : undefined,
    address: inPerson ? input.address || undefined : undefined,
    onlineUrl: remote ? input.onlineUrl : undefined,
    speakers: input.speakers,
    topic: input.topic,
    spheres: input.spheres,
    audience: input.audience || undefined,
    capacityInPerson: inPerson ? input.capacityInPerson : undefined,
    capacityOnline: remote ? input.capacityOnline : undefined,
    approvalRequired: input.approvalRequired,
    registrationOpensAt: input.registrationOpensAt ? toIso(input.registrationOpensAt) : now.toISOString(),
    registrationClosesAt: input.registrationClosesAt ? toIso(input.registrationClosesAt) : startsAt,
    questions: input.questions.map((question) => ({
      id: question.id ?? `q${++next}`,
      kind: question.kind,
      label: question.label,
      options: question.kind === "choice" ? question.options : [],
      required: question.required,
    })),
  };
}

/** Proposals waiting for a coordinator, soonest first. */
export async function proposals(actor: Actor, now = Clock.now()) {
  requireCoordinator(actor);
  const { data } = await db().entities.event.query.byStatus({ status: "proposed" }).go({ pages: "all" });
  return { items: data.map((event) => eventView(event, now)) };
}

/** Events found by words, latest start first, as the calendar shows them. */
async function found(query: EventQuery & { q: string }, now: Date) {
  const page = await Search.find<EventHit>("events", {
    q: query.q,
    filters: { kind: query.kind, format: query.format, municipality: query.municipality, topic: query.topic },
    cursor: query.cursor,
    limit: query.limit,
  });
  const { data } = page.items.length
    ? await db()
        .entities.event.get(page.items.map((item) => ({ id: item.id })))
        .go()
    : { data: [] as EventItem[] };
  const byId = new Map(data.map((event) => [event.id, event]));
  return {
    items: page.items.flatMap((item) => {
      const event = byId.get(item.id);
      return event ? [eventView(event, now)] : [];
    }),
    cursor: page.cursor,
  };
}

/**
 * The public calendar: upcoming events soonest first, or past ones latest first; with words, the
 * events of either that contain them (the portal-wide search).
 */
export async function calendar(query: EventQuery, now = Clock.now()) {
  if (query.q) return found({ ...query, q: query.q }, now);
  const at = now.toISOString();
  // An event under way is still upcoming: its start is before now, its end is not.
  const dayAgo = new Date(now.getTime() - 86_400_000).toISOString();
  const published = db().entities.event.query.byStatus({ status: "published" });
  const range =
    query.when === "upcoming" ? published.gte({ startsAt: dayAgo }) : published.lt({ startsAt: at });
  const { data, cursor } = await range
    .where((attr, op) =>
      [
        query.when === "upcoming" ? op.gte(attr.endsAt, at) : op.lt(attr.endsAt, at),
        query.kind ? op.eq(attr.kind, query.kind) : "",
        query.format ? op.eq(attr.format, query.format) : "",
        query.municipality ? op.eq(attr.municipality, query.municipality) : "",
        query.topic ? op.eq(attr.topic, query.topic) : "",
      ]
        .filter(Boolean)
        .join(" AND "),
    )
    // Only the facets narrow a page much: the end-time filter drops at most the last day's events.
    .go({
      ...pageOptions(
        query.cursor,
        query.limit,
        Boolean(query.kind || query.format || query.municipality || query.topic),
      ),
      order: query.when === "upcoming" ? "asc" : "desc",
    });
  return { items: data.map((event) => eventView(event, now)), cursor: cursor ?? null };
}

export async function registrationOf(eventId: string, accountId: string) {
  const { data } = await db().entities.registration.get({ eventId, accountId }).go({ consistent: true });
  return data ?? undefined;
}

/** Among those waiting for the same kind of seat, how many joined earlier, plus one. */
async function waitlistPosition(registration: RegistrationItem) {
  const { data } = await db()
    .entities.registration.query.waitlist({
      eventId: registration.eventId,
      attendance: registration.attendance,
    })
    // Ties within a millisecond are broken by the account id, as the index orders them.
    .lt({ queuedAt: registration.queuedAt, accountId: registration.accountId })
    .go({ pages: "all", attributes: ["accountId"] });
  return data.length + 1;
}

export async function registrationView(
  registration: RegistrationItem,
  held: boolean,
): Promise<RegistrationView> {
  return {
    eventId: registration.eventId,
    status: registration.status,
    attendance: registration.attendance,
    organisation: registration.organisationName,
    waitlistPosition: registration.status === "waiting" ? await waitlistPosition(registration) : undefined,
    offerExpiresAt: registration.status === "offered" ? registration.offerExpiresAt : undefined,
    ticket: registration.status === "confirmed" ? registration.ticket : undefined,
    checkedInAt: registration.checkedInAt,
    declineReason: registration.status === "declined" ? registration.declineReason : undefined,
    feedback: registration.feedbackRating
      ? { rating: registration.feedbackRating, comment: registration.feedbackComment }
      : undefined,
    certificate: Boolean(held && registration.checkedInAt),
    certificateCode: registration.certificateCode,
    createdAt: registration.createdAt,
    version: registration.version,
  };
}

const active = (registration: RegistrationItem | undefined) =>
  registration && registration.status !== "cancelled" && registration.status !== "expired"
    ? registration
    : undefined;

/** The dates of a series as they are now (a date may have moved or been cancelled since). */
async function seriesOf(ids: string[], manage: boolean) {
  const { data } = await db()
    .entities.event.get(ids.map((id) => ({ id })))
    .go({ attributes: ["id", "startsAt", "status"] });
  // Dates still proposed are for their organisers only, as their pages are.
  return data
    .filter(({ status }) => manage || status === "published" || status === "cancelled")
    .map(({ id, startsAt, status }) => ({ id, startsAt, status }))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

export async function detailOf(
  actor: Actor,
  event: EventItem,
  registration: RegistrationItem | undefined,
  now = Clock.now(),
): Promise<EventDetail> {
  const manage = manages(actor, event);
  const mine = active(registration);
  return {
    ...eventView(event, now),
    series: event.seriesIds ? await seriesOf(event.seriesIds, manage) : undefined,
    description: event.description,
    speakers: event.speakers ?? [],
    portalSpeakers: event.portalSpeakers ?? [],
    audience: event.audience,
    questions: (event.questions ?? []).map((question) => ({ ...question, options: question.options ?? [] })),
    cancelReason: event.status === "cancelled" ? event.cancelReason : undefined,
    returnReason: manage && event.status === "returned" ? event.returnReason : undefined,
    heldAt: event.heldAt,
    summary: event.summary,
    materials: event.materials ?? [],
    feedback: {
      count: event.feedbackCount ?? 0,
      average: event.feedbackCount
        ? Math.round((event.feedbackTotal / event.feedbackCount) * 10) / 10
        : undefined,
    },
    onlineUrl: manage || mine?.status === "confirmed" ? event.onlineUrl : undefined,
    myRegistration: mine ? await registrationView(mine, Boolean(event.heldAt)) : undefined,
    version: event.version,
    may: {
      register: actor.type === "person" && !mine && registrationState(event, now) === "open",
      manage,
      review: hasRole(actor, "coordinator") && (event.status === "proposed" || event.status === "returned"),
      recordOutcome: manage && event.status === "published" && now.toISOString() >= event.startsAt,
      giveFeedback: Boolean(event.heldAt && mine?.checkedInAt && !mine.feedbackAt),
    },
  };
}

/** One event for whoever may see it: published ones for all, proposals for their organiser and coordinators. */
export async function detail(actor: Actor, id: string, now = Clock.now()): Promise<EventDetail> {
  const event = await findEvent(id);
  const visible = event.status === "published" || event.status === "cancelled" || manages(actor, event);
  if (!visible) throw new NotFound("Мероприятие не найдено");
  const registration = actor.type === "person" ? await registrationOf(id, actor.accountId) : undefined;
  return detailOf(actor, event, registration, now);
}
