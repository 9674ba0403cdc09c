import type { EntityItem } from "electrodb";
import { type Actor, hasRole, requirePerson } from "../actor";
import { pageOptions } from "../db/paging";
import { Forbidden, Invalid, NotFound } from "../errors";
import { partyOf } from "../member/party";
import { municipalityName } from "../reference";
import * as Clock from "../shared/clock";
import { ulid } from "../shared/ulid";
import type { EventEntity, RegistrationEntity } from "./entity";
import {
  type CreateEvent,
  type EventDetail,
  type EventQuery,
  type EventView,
  fromMoscowLocal,
  type RegistrationView,
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

/** Where the event happens, in words for a letter or a calendar entry. */
export function placeOf(event: Pick<EventItem, "format" | "address" | "municipality">) {
  const address = [event.municipality ? municipalityName[event.municipality] : undefined, event.address]
    .filter(Boolean)
    .join(", ");
  if (event.format === "online") return "онлайн";
  if (event.format === "hybrid") return `${address} и онлайн`;
  return address;
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
    registration: registrationState(event, now),
    registrationOpensAt: event.registrationOpensAt,
    registrationClosesAt: event.registrationClosesAt,
  };
}

/**
 * Coordinators publish an event at once; an approved member organisation proposes one, which a
 * coordinator then publishes or returns.
 */
export async function create(actor: Actor, input: CreateEvent, now = Clock.now()) {
  const person = requirePerson(actor);
  const coordinator = hasRole(person, "coordinator");
  if (!coordinator && !input.organisationId) {
    throw new Forbidden("Предложить мероприятие может организация — участник кластера");
  }
  const party = input.organisationId
    ? await partyOf(person, input.organisationId, { personally: false, refusal: "" })
    : undefined;
  const startsAt = (fromMoscowLocal(input.startsAt) as Date).toISOString();
  if (startsAt <= now.toISOString()) throw new Invalid({ startsAt: "Это время уже прошло" });
  const toIso = (value: string | undefined) =>
    value ? (fromMoscowLocal(value) as Date).toISOString() : undefined;
  const id = ulid();
  const { data } = await db()
    .entities.event.create({
      id,
      status: coordinator ? "published" : "proposed",
      kind: input.kind,
      format: input.format,
      title: input.title,
      description: input.description,
      startsAt,
      endsAt: toIso(input.endsAt) as string,
      municipality: input.format === "online" ? undefined : input.municipality,
      address: input.format === "online" ? undefined : input.address,
      onlineUrl: input.format === "in_person" ? undefined : input.onlineUrl,
      speakers: input.speakers,
      topic: input.topic,
      spheres: input.spheres,
      audience: input.audience || undefined,
      capacityInPerson: input.capacityInPerson,
      capacityOnline: input.capacityOnline,
      registrationOpensAt: toIso(input.registrationOpensAt) ?? now.toISOString(),
      registrationClosesAt: toIso(input.registrationClosesAt) ?? startsAt,
      questions: input.questions.map((question, index) => ({
        id: question.id ?? `q${index + 1}`,
        kind: question.kind,
        label: question.label,
        options: question.kind === "choice" ? question.options : [],
        required: question.required,
      })),
      organiserAccountId: person.accountId,
      organiserName: person.name,
      organisationId: party?.organisationId,
      organisationName: party?.organisationId ? party.name : undefined,
      createdAt: now.toISOString(),
    })
    .go();
  return detailOf(actor, data as EventItem, undefined, now);
}

/** The public calendar: upcoming events soonest first, or past ones latest first. */
export async function calendar(query: EventQuery, now = Clock.now()) {
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

export async function registrationView(registration: RegistrationItem): Promise<RegistrationView> {
  return {
    eventId: registration.eventId,
    status: registration.status,
    attendance: registration.attendance,
    organisation: registration.organisationName,
    waitlistPosition: registration.status === "waiting" ? await waitlistPosition(registration) : undefined,
    offerExpiresAt: registration.status === "offered" ? registration.offerExpiresAt : undefined,
    createdAt: registration.createdAt,
    version: registration.version,
  };
}

const active = (registration: RegistrationItem | undefined) =>
  registration && registration.status !== "cancelled" && registration.status !== "expired"
    ? registration
    : undefined;

async function detailOf(
  actor: Actor,
  event: EventItem,
  registration: RegistrationItem | undefined,
  now = Clock.now(),
): Promise<EventDetail> {
  const manage = manages(actor, event);
  const mine = active(registration);
  return {
    ...eventView(event, now),
    description: event.description,
    speakers: event.speakers ?? [],
    audience: event.audience,
    questions: (event.questions ?? []).map((question) => ({ ...question, options: question.options ?? [] })),
    onlineUrl: manage || mine?.status === "confirmed" ? event.onlineUrl : undefined,
    myRegistration: mine ? await registrationView(mine) : undefined,
    version: event.version,
    may: {
      register: actor.type === "person" && !mine && registrationState(event, now) === "open",
      manage,
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
