import { randomInt } from "node:crypto";
import { type Actor, requirePerson } from "../actor";
import { Canceled, writeAll } from "../db/transaction";
import { Conflict, Invalid, NotFound, stale } from "../errors";
import { deliver, type Queued, queued } from "../mail";
import * as Templates from "../mail/templates";
import { partyOf } from "../member/party";
import * as Clock from "../shared/clock";
import {
  calendarEntry,
  type EventItem,
  eventView,
  findEvent,
  organisedBy,
  placeOf,
  type RegistrationItem,
  registrationOf,
  registrationState,
  registrationView,
} from "./events";
import { calendarText } from "./ical";
import {
  type Attendance,
  type ChangeRegistration,
  type DeclineRegistration,
  type MyRegistration,
  type Register,
  type RegistrationView,
  TICKET_ALPHABET,
} from "./schema";
import { db, type EventWriters, type EventWrites } from "./store";

/** Ten characters of 32 (no 0/O, 1/I): 50 random bits, easy to read out and type at the door. */
export const newTicket = () =>
  Array.from({ length: 10 }, () => TICKET_ALPHABET[randomInt(0, TICKET_ALPHABET.length)]).join("");

/**
 * The confirmation letter, with the invitation a calendar adds in one click and the ticket's
 * code; its QR code is drawn on the event page (a QR writer in this bundle would pass its budget).
 */
function confirmation(
  event: EventItem,
  registration: Pick<RegistrationItem, "name" | "email" | "attendance" | "ticket">,
) {
  const link = registration.attendance === "online" ? event.onlineUrl : undefined;
  const ticket = registration.ticket as string;
  return queued({
    ...Templates.registrationConfirmed(registration.email, { ...event, where: placeOf(event), link, ticket }),
    calendar: calendarText(
      "REQUEST",
      [calendarEntry(event, { withLink: Boolean(link), attendee: registration })],
      { stamp: Clock.nowIso() },
    ),
  });
}

/** A seat offered from the waitlist is held this long, and never closer than OFFER_CUTOFF to the start. */
export const OFFER_HOURS = 24;
const OFFER_CUTOFF_MS = 2 * 3600_000;
/**
 * Registrations for one event all update its counters, and DynamoDB refuses a transaction that
 * meets another on the same item: such a clash is retried after a random pause, so that 200
 * people pressing at once all get an answer (bench:events measures how many tries it takes).
 */
const MAX_TRIES = 40;

const takenField = (attendance: Attendance) => (attendance === "online" ? "takenOnline" : "takenInPerson");
const capacityOf = (event: EventItem, attendance: Attendance) =>
  attendance === "online" ? event.capacityOnline : event.capacityInPerson;

const pause = (attempt: number) =>
  new Promise((resolve) =>
    setTimeout(resolve, Math.random() * Math.min(200, 10 * 2 ** Math.min(attempt, 5))),
  );

/** Runs `attempt` again while it meets other writers: a condition on changed counters, or a clash. */
async function retried<T>(attempt: (tryNumber: number) => Promise<T | "again">): Promise<T> {
  for (let tryNumber = 0; tryNumber < MAX_TRIES; tryNumber++) {
    try {
      const result = await attempt(tryNumber);
      if (result !== "again") return result;
    } catch (error) {
      if (!(error instanceof Conflict && error.code === "busy")) throw error;
    }
    await pause(tryNumber);
  }
  throw new Conflict("Сейчас регистрируется много людей: повторите через минуту", "busy");
}

function attendanceFor(event: EventItem, chosen: Attendance | undefined): Attendance {
  if (event.format === "in_person") return "in_person";
  if (event.format === "online") return "online";
  if (!chosen) throw new Invalid({ attendance: "Выберите: очно или онлайн" });
  return chosen;
}

/** The answers as stored: every required question answered, none to a question the event does not ask. */
function answersFor(event: EventItem, answers: Register["answers"]) {
  const questions = event.questions ?? [];
  const fields: Record<string, string> = {};
  const stored: { questionId: string; value: string }[] = [];
  const answered = new Set(
    answers.filter((answer) => answer.value !== "").map((answer) => answer.questionId),
  );
  answers.forEach((answer, index) => {
    const question = questions.find((candidate) => candidate.id === answer.questionId);
    if (!question) fields[`answers.${index}.questionId`] = "У мероприятия нет такого вопроса";
    else if (question.kind === "yesno" && typeof answer.value !== "boolean") {
      fields[`answers.${index}.value`] = "Ответьте «да» или «нет»";
    } else if (question.kind === "choice" && !(question.options ?? []).includes(String(answer.value))) {
      fields[`answers.${index}.value`] = "Выберите один из вариантов";
    } else if (question.kind === "text" && typeof answer.value !== "string") {
      fields[`answers.${index}.value`] = "Ответьте текстом";
    } else {
      const value = typeof answer.value === "boolean" ? (answer.value ? "да" : "нет") : answer.value;
      if (value) stored.push({ questionId: question.id, value });
    }
  });
  for (const question of questions) {
    if (question.required && !answered.has(question.id)) {
      fields[`question.${question.id}`] = "Ответьте на этот вопрос";
    }
  }
  if (Object.keys(fields).length) throw new Invalid(fields);
  return stored;
}

function ensureOpen(event: EventItem, now: Date) {
  const state = registrationState(event, now);
  if (state === "not_yet") throw new Conflict("Регистрация ещё не открыта", "registration_not_open");
  if (state === "closed") throw new Conflict("Регистрация на это мероприятие закрыта", "registration_closed");
}

/**
 * A person registers, for an organisation they represent or as themself. A seat is taken only
 * by a transaction that writes the registration and adds one to the taken count on condition
 * that the count is still below the capacity; when it is not, the person joins the waitlist on
 * condition that it still is not. Never count-then-insert: N seats give N confirmed, whatever
 * the concurrency.
 */
export async function register(actor: Actor, eventId: string, input: Register): Promise<RegistrationView> {
  const person = requirePerson(actor);
  const party = await partyOf(person, input.organisationId, { personally: true });
  return retried(async () => {
    const now = Clock.now();
    const event = await findEvent(eventId);
    ensureOpen(event, now);
    const attendance = attendanceFor(event, input.attendance);
    const answers = answersFor(event, input.answers);
    const capacity = capacityOf(event, attendance);
    const taken = event[takenField(attendance)];
    // An event that needs the organiser's approval gives neither a seat nor a waiting place yet.
    const place = event.approvalRequired
      ? "request"
      : capacity === undefined || taken < capacity
        ? "seat"
        : "waitlist";
    const seat = place === "seat";
    const at = now.toISOString();
    const registration: RegistrationItem = {
      eventId,
      accountId: person.accountId,
      name: person.name,
      email: person.email,
      organisationId: party.organisationId,
      organisationName: party.organisationId ? party.name : undefined,
      attendance,
      status: place === "request" ? "pending" : seat ? "confirmed" : "waiting",
      answers,
      eventStartsAt: event.startsAt,
      queuedAt: at,
      confirmedAt: seat ? at : undefined,
      ticket: seat ? newTicket() : undefined,
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    const letter =
      place === "request"
        ? queued(Templates.registrationRequested(person.email, event))
        : seat
          ? confirmation(event, registration)
          : queued(Templates.registrationWaitlisted(person.email, event));
    try {
      await writeAll(db, ({ registration: registrations, event: events, outbox }) => [
        registrations
          .put(registration)
          .where(
            ({ status }, { notExists, eq }) =>
              `${notExists(status)} OR ${eq(status, "cancelled")} OR ${eq(status, "expired")}`,
          )
          .commit(),
        place === "request"
          ? events
              .patch({ id: eventId })
              .add({ awaitingApproval: 1 })
              .where(
                (attr, { eq }) => `${eq(attr.status, "published")} AND ${eq(attr.approvalRequired, true)}`,
              )
              .commit()
          : placeWrite(events, event, attendance, seat),
        outbox.create(letter).commit(),
      ]);
    } catch (error) {
      if (!(error instanceof Canceled)) throw error;
      if (error.failedAt(0))
        throw new Conflict("Вы уже зарегистрированы на это мероприятие", "already_registered");
      // The seats, the capacity or the event changed since it was read: read again.
      return "again";
    }
    await deliver([letter]);
    return registrationView(registration, false);
  });
}

/**
 * A seat taken (or a waiting place joined) on condition of the capacity read and of the count
 * still below it (or at it): the one guard against overselling, for a registration and for the
 * organiser's approval of a request alike.
 */
function placeWrite(
  events: EventWriters["event"],
  event: EventItem,
  attendance: Attendance,
  seat: boolean,
  extra: { awaitingApproval?: number } = {},
) {
  const field = takenField(attendance);
  const capacity = capacityOf(event, attendance);
  const capacityField = attendance === "online" ? "capacityOnline" : "capacityInPerson";
  return events
    .patch({ id: event.id })
    .add({ ...(seat ? { [field]: 1 } : { waiting: 1 }), ...extra })
    .where((attr, { eq, lt, gte, notExists }) =>
      [
        eq(attr.status, "published"),
        capacity === undefined
          ? notExists(attr[capacityField])
          : `${eq(attr[capacityField], capacity)} AND ${seat ? lt(attr[field], capacity) : gte(attr[field], capacity)}`,
      ].join(" AND "),
    )
    .commit();
}

/**
 * The organiser accepts a request: it takes a seat if one is left, else a waiting place (its turn
 * counted from now), under the same conditions as a registration, so approvals never oversell.
 */
export async function approve(actor: Actor, eventId: string, accountId: string) {
  return retried(async () => {
    const now = Clock.now();
    const event = await organisedEvent(actor, eventId);
    const request = await pendingRequest(eventId, accountId);
    const capacity = capacityOf(event, request.attendance);
    const seat = capacity === undefined || event[takenField(request.attendance)] < capacity;
    const at = now.toISOString();
    const approved: RegistrationItem = {
      ...request,
      status: seat ? "confirmed" : "waiting",
      queuedAt: at,
      confirmedAt: seat ? at : undefined,
      ticket: seat ? newTicket() : undefined,
      version: request.version + 1,
    };
    const letter = seat
      ? confirmation(event, approved)
      : queued(Templates.registrationWaitlisted(request.email, event));
    try {
      await writeAll(db, ({ registration: registrations, event: events, outbox }) => [
        registrations
          .put(approved)
          .where(
            ({ status, version }, { eq }) => `${eq(status, "pending")} AND ${eq(version, request.version)}`,
          )
          .commit(),
        placeWrite(events, event, request.attendance, seat, { awaitingApproval: -1 }),
        outbox.create(letter).commit(),
      ]);
    } catch (error) {
      if (!(error instanceof Canceled)) throw error;
      if (error.failedAt(0)) throw new Conflict("Заявка уже рассмотрена или отозвана", "not_pending");
      return "again";
    }
    await deliver([letter]);
    return approved;
  });
}

/** The organiser declines a request, with the reason the person reads in the letter and on the page. */
export async function decline(actor: Actor, eventId: string, accountId: string, input: DeclineRegistration) {
  const event = await organisedEvent(actor, eventId);
  const request = await pendingRequest(eventId, accountId);
  const declined: RegistrationItem = {
    ...request,
    status: "declined",
    declineReason: input.reason,
    version: request.version + 1,
  };
  const letter = queued(Templates.registrationDeclined(request.email, event, input.reason));
  try {
    await writeAll(db, ({ registration: registrations, event: events, outbox }) => [
      registrations
        .put(declined)
        .where(
          ({ status, version }, { eq }) => `${eq(status, "pending")} AND ${eq(version, request.version)}`,
        )
        .commit(),
      events.patch({ id: eventId }).add({ awaitingApproval: -1 }).commit(),
      outbox.create(letter).commit(),
    ]);
  } catch (error) {
    if (error instanceof Canceled) throw new Conflict("Заявка уже рассмотрена или отозвана", "not_pending");
    throw error;
  }
  await deliver([letter]);
  return declined;
}

async function organisedEvent(actor: Actor, eventId: string) {
  const event = await organisedBy(actor, eventId, "Заявки рассматривает организатор или координатор");
  if (event.status !== "published")
    throw new Conflict("Мероприятие не опубликовано или отменено", "not_published");
  return event;
}

async function pendingRequest(eventId: string, accountId: string) {
  const request = await registrationOf(eventId, accountId);
  if (!request) throw new NotFound("Такой заявки нет");
  if (request.status !== "pending") throw new Conflict("Заявка уже рассмотрена или отозвана", "not_pending");
  return request;
}

/** Until when a seat freed now may be offered: a day, but never past two hours before the start. */
export function offerUntil(event: Pick<EventItem, "startsAt">, now: Date) {
  const limit = Math.min(
    now.getTime() + OFFER_HOURS * 3600_000,
    Date.parse(event.startsAt) - OFFER_CUTOFF_MS,
  );
  return limit > now.getTime() ? new Date(limit).toISOString() : undefined;
}

async function firstWaiting(event: EventItem, attendance: Attendance) {
  const { data } = await db()
    .entities.registration.query.waitlist({ eventId: event.id, attendance })
    .go({ limit: 1, count: 1 });
  return data[0];
}

/**
 * The writes that free a held seat (confirmed or offered): it is offered to the first person
 * waiting for that kind of seat, or, with nobody waiting or no time left to answer, given back.
 */
async function freeSeat(
  event: EventItem,
  attendance: Attendance,
  now: Date,
): Promise<{ writes: (entities: EventWriters) => EventWrites; letters: Queued[] }> {
  const next = await firstWaiting(event, attendance);
  const until = offerUntil(event, now);
  if (!next || !until) {
    return {
      writes: ({ event: events }) => [
        events
          .patch({ id: event.id })
          .add({ [takenField(attendance)]: -1 })
          .commit(),
      ],
      letters: [],
    };
  }
  const offer = queued(Templates.seatOffered(next.email, { ...event, until }));
  return {
    writes: ({ event: events, registration, outbox }) => [
      registration
        .put({ ...next, status: "offered", offerExpiresAt: until, version: next.version + 1 })
        .where(({ status, version }, { eq }) => `${eq(status, "waiting")} AND ${eq(version, next.version)}`)
        .commit(),
      events.patch({ id: event.id }).add({ waiting: -1 }).commit(),
      outbox.create(offer).commit(),
    ],
    letters: [offer],
  };
}

/** Ends a registration (`cancelled` by the person, `expired` by the job) and passes its seat on. */
async function release(
  eventId: string,
  current: RegistrationItem,
  ending: "cancelled" | "expired",
  letter: Queued,
  now: Date,
) {
  const event = await findEvent(eventId);
  const held = current.status === "confirmed" || current.status === "offered";
  const freed = held ? await freeSeat(event, current.attendance, now) : undefined;
  try {
    await writeAll(db, (entities) => [
      entities.registration
        .put({ ...current, status: ending, cancelledAt: now.toISOString(), version: current.version + 1 })
        .where(
          ({ status, version }, { eq }) =>
            `${eq(status, current.status)} AND ${eq(version, current.version)}`,
        )
        .commit(),
      ...(freed
        ? freed.writes(entities)
        : [
            entities.event
              .patch({ id: eventId })
              .add(current.status === "pending" ? { awaitingApproval: -1 } : { waiting: -1 })
              .commit(),
          ]),
      entities.outbox.create(letter).commit(),
    ]);
  } catch (error) {
    if (!(error instanceof Canceled)) throw error;
    if (error.failedAt(0)) throw stale();
    // The next in line changed meanwhile: read the waitlist again.
    return "again" as const;
  }
  await deliver([letter, ...(freed?.letters ?? [])]);
  return "done" as const;
}

async function ownRegistration(actor: Actor, eventId: string) {
  const person = requirePerson(actor);
  const registration = await registrationOf(eventId, person.accountId);
  if (!registration || registration.status === "cancelled" || registration.status === "expired") {
    throw new NotFound("Регистрации на это мероприятие нет");
  }
  return registration;
}

/** The person cancels (or declines an offered seat): whoever waits next is offered it at once. */
export async function cancel(actor: Actor, eventId: string, input: ChangeRegistration) {
  await retried(async () => {
    const registration = await ownRegistration(actor, eventId);
    // A declined request holds nothing to give back, and stays declined (it cannot be sent again).
    if (registration.status === "declined") throw new Conflict("Организатор уже отклонил заявку", "declined");
    if (registration.version !== input.version) throw stale();
    const event = await findEvent(eventId);
    // Whoever got an invitation gets its cancellation, so the calendar entry goes away too.
    const letter = queued({
      ...Templates.registrationCancelled(registration.email, event),
      calendar:
        registration.status === "confirmed"
          ? calendarText("CANCEL", [calendarEntry(event, { attendee: registration })], {
              stamp: Clock.nowIso(),
            })
          : undefined,
    });
    return release(eventId, registration, "cancelled", letter, Clock.now());
  });
  return { ok: true as const };
}

/** The person takes the seat offered from the waitlist, before the offer lapses. */
export async function confirmOffer(actor: Actor, eventId: string, input: ChangeRegistration) {
  const registration = await ownRegistration(actor, eventId);
  if (registration.version !== input.version) throw stale();
  const now = Clock.now();
  if (registration.status !== "offered" || (registration.offerExpiresAt ?? "") <= now.toISOString()) {
    throw new Conflict("Предложение места уже недействительно", "offer_expired");
  }
  const event = await findEvent(eventId);
  const confirmed: RegistrationItem = {
    ...registration,
    status: "confirmed",
    offerExpiresAt: undefined,
    confirmedAt: now.toISOString(),
    ticket: newTicket(),
    version: registration.version + 1,
  };
  const letter = confirmation(event, confirmed);
  try {
    await writeAll(db, ({ registration: registrations, outbox }) => [
      registrations
        .put(confirmed)
        .where(
          ({ status, version, offerExpiresAt }, { eq, gt }) =>
            `${eq(status, "offered")} AND ${eq(version, registration.version)} AND ${gt(offerExpiresAt, now.toISOString())}`,
        )
        .commit(),
      outbox.create(letter).commit(),
    ]);
  } catch (error) {
    if (error instanceof Canceled)
      throw new Conflict("Предложение места уже недействительно", "offer_expired");
    throw error;
  }
  await deliver([letter]);
  return registrationView(confirmed, false);
}

/**
 * The job: offers not taken in time lapse, and each seat passes to the next in line. Safe to run
 * again or alongside itself: every step is conditional on the offer still standing.
 */
export async function passLapsedOffers(now = Clock.now()) {
  const { data } = await db()
    .entities.registration.query.offers({})
    .lt({ offerExpiresAt: now.toISOString() })
    .go({ pages: "all" });
  let passed = 0;
  for (const offer of data) {
    const result = await retried(async () => {
      const current = await registrationOf(offer.eventId, offer.accountId);
      if (current?.status !== "offered" || (current.offerExpiresAt ?? "") >= now.toISOString()) return "gone";
      const event = await findEvent(offer.eventId);
      return release(
        offer.eventId,
        current,
        "expired",
        queued(Templates.offerLapsed(current.email, event)),
        now,
      ).catch((error) => {
        // Taken or passed on by someone else meanwhile: nothing left to do.
        if (error instanceof Conflict && error.code === "stale") return "gone" as const;
        throw error;
      });
    });
    if (result === "done") passed++;
  }
  return { passed };
}

/** My registrations, soonest event first, each with its event. */
export async function mine(actor: Actor): Promise<{ items: MyRegistration[] }> {
  const person = requirePerson(actor);
  const { registration, event } = db().entities;
  const { data } = await registration.query.byAccount({ accountId: person.accountId }).go({ pages: "all" });
  const kept = data.filter((item) => item.status !== "cancelled" && item.status !== "expired");
  const { data: events } = kept.length
    ? await event.get(kept.map((item) => ({ id: item.eventId }))).go()
    : { data: [] as EventItem[] };
  const byId = new Map(events.map((item) => [item.id, item]));
  const now = Clock.now();
  const items = await Promise.all(
    kept.flatMap((item) => {
      const found = byId.get(item.eventId);
      return found
        ? [
            registrationView(item, Boolean(found.heldAt)).then((view) => ({
              registration: view,
              event: eventView(found, now),
            })),
          ]
        : [];
    }),
  );
  return { items };
}

/**
 * Seats the organiser added go to those waiting, first come first: each offer moves one person
 * from the waitlist and takes one seat, on condition that a seat is still free.
 */
export async function offerWaitingSeats(eventId: string, now = Clock.now()) {
  let offered = 0;
  for (const attendance of ["in_person", "online"] as const) {
    // Bounded: every round either offers a seat or stops; a clash only repeats the round.
    for (let round = 0; round < 1000; round++) {
      const event = await findEvent(eventId);
      const capacity = capacityOf(event, attendance);
      const field = takenField(attendance);
      const until = offerUntil(event, now);
      if (event.status !== "published" || capacity === undefined || event[field] >= capacity || !until) break;
      const next = await firstWaiting(event, attendance);
      if (!next) break;
      const offer = queued(Templates.seatOffered(next.email, { ...event, until }));
      try {
        await writeAll(db, ({ event: events, registration, outbox }) => [
          registration
            .put({ ...next, status: "offered", offerExpiresAt: until, version: next.version + 1 })
            .where(
              ({ status, version }, { eq }) => `${eq(status, "waiting")} AND ${eq(version, next.version)}`,
            )
            .commit(),
          events
            .patch({ id: eventId })
            .add({ [field]: 1, waiting: -1 })
            .where((attr, { lt }) => lt(attr[field], capacity))
            .commit(),
          outbox.create(offer).commit(),
        ]);
      } catch (error) {
        if (error instanceof Canceled || (error instanceof Conflict && error.code === "busy")) continue;
        throw error;
      }
      await deliver([offer]);
      offered++;
    }
  }
  return offered;
}
