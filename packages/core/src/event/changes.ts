import { type Actor, hasRole, requireCoordinator, requirePerson } from "../actor";
import { Canceled, writeAll } from "../db/transaction";
import { Conflict, Forbidden, Invalid, NotFound, stale } from "../errors";
import { deliver, isConditionFailure, queued } from "../mail";
import * as Templates from "../mail/templates";
import { partyOf } from "../member/party";
import * as Search from "../search/index";
import * as Clock from "../shared/clock";
import { ulid } from "../shared/ulid";
import {
  calendarEntry,
  detailOf,
  type EventItem,
  eventFields,
  findEvent,
  manages,
  placeOf,
  type RegistrationItem,
  registrationOf,
  searchDocument,
} from "./events";
import { calendarText } from "./ical";
import { sendOnce } from "./letters";
import { offerWaitingSeats } from "./registrations";
import {
  type CancelEvent,
  type CreateEvent,
  fromMoscowLocal,
  occurrences,
  type ReturnProposal,
  type UpdateEvent,
} from "./schema";
import { chosenSpeakers } from "./speakers";
import { db } from "./store";

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
  const { repeat, ...single } = input;
  const dates = occurrences(input.startsAt, repeat);
  const first = eventFields(single, now);
  if (first.startsAt <= now.toISOString()) throw new Invalid({ startsAt: "Это время уже прошло" });
  const portalSpeakers = await chosenSpeakers(actor, input.speakerAccountIds);
  const ids = dates.map(() => ulid());
  const items = dates.map((startsAt, index) => ({
    id: ids[index]!,
    status: coordinator ? ("published" as const) : ("proposed" as const),
    publishedAt: coordinator ? now.toISOString() : undefined,
    ...eventFields(shifted(single, startsAt), now),
    portalSpeakers,
    seriesIds: dates.length > 1 ? ids : undefined,
    organiserAccountId: person.accountId,
    organiserName: person.name,
    organisationId: party?.organisationId,
    organisationName: party?.organisationId ? party.name : undefined,
    createdAt: now.toISOString(),
  }));
  // Every date in one transaction (at most 52 of DynamoDB's 100 writes), so a series is made
  // whole or not at all. A single event's search terms go with it; a series' follow, a date's
  // few dozen in a transaction each: one left out is found again by `npm run migrate -- search`.
  const alone = items.length === 1 ? items[0] : undefined;
  await writeAll(db, ({ event, searchTerm }) => [
    ...items.map((item) => event.create(item).commit()),
    ...(alone ? Search.indexWrites(searchTerm, "events", undefined, searchDocument(alone)) : []),
  ]);
  if (!alone) {
    for (const item of items) {
      await writeAll(db, ({ searchTerm }) =>
        Search.indexWrites(searchTerm, "events", undefined, searchDocument(item)),
      );
    }
  }
  return detailOf(actor, await findEvent(ids[0]!), undefined, now);
}

/**
 * A date of a series: the times moved as far as its start, except the opening of registration,
 * which opens for every date when it opens for the first.
 */
function shifted(input: Omit<CreateEvent, "repeat">, startsAt: string): Omit<CreateEvent, "repeat"> {
  const by = fromMoscowLocal(startsAt)!.getTime() - fromMoscowLocal(input.startsAt)!.getTime();
  const move = (value: string) =>
    new Date(fromMoscowLocal(value)!.getTime() + by + 3 * 3600_000).toISOString().slice(0, 16);
  return {
    ...input,
    startsAt,
    endsAt: move(input.endsAt),
    registrationClosesAt: input.registrationClosesAt ? move(input.registrationClosesAt) : undefined,
  };
}

/** The optional fields an edit may clear: removed from the item rather than set to nothing. */
const clearable = [
  "municipality",
  "address",
  "onlineUrl",
  "topic",
  "audience",
  "capacityInPerson",
  "capacityOnline",
] as const;

async function managed(actor: Actor, id: string) {
  const event = await findEvent(id);
  if (!manages(actor, event)) {
    if (event.status !== "published" && event.status !== "cancelled")
      throw new NotFound("Мероприятие не найдено");
    throw new Forbidden("Изменять мероприятие может его организатор или координатор");
  }
  if (event.status === "cancelled") throw new Conflict("Мероприятие отменено", "cancelled");
  return event;
}

/**
 * The organiser changes the event. The counters are never rewritten: the edit sets only the
 * described fields, on condition of the version read and of no capacity below the seats taken.
 * Registrants are told at once (with the updated invitation), and new seats go to the waitlist.
 */
export async function update(actor: Actor, id: string, input: UpdateEvent, now = Clock.now()) {
  const event = await managed(actor, id);
  if (event.version !== input.version) throw stale();
  const fields = {
    ...eventFields(input, now, event.questions),
    portalSpeakers: await chosenSpeakers(actor, input.speakerAccountIds),
  };
  if (fields.startsAt !== event.startsAt && fields.startsAt <= now.toISOString()) {
    throw new Invalid({ startsAt: "Это время уже прошло" });
  }
  const problems: Record<string, string> = {};
  const inPerson = fields.format !== "online";
  const remote = fields.format !== "in_person";
  if (!inPerson && event.takenInPerson > 0)
    problems.format = "Уже есть очные участники: оставьте очный формат";
  if (!remote && event.takenOnline > 0) problems.format = "Уже есть онлайн-участники: оставьте онлайн-формат";
  if (fields.capacityInPerson !== undefined && fields.capacityInPerson < event.takenInPerson) {
    problems.capacityInPerson = `Уже занято мест: ${event.takenInPerson}`;
  }
  if (fields.capacityOnline !== undefined && fields.capacityOnline < event.takenOnline) {
    problems.capacityOnline = `Уже занято мест: ${event.takenOnline}`;
  }
  if (!fields.approvalRequired && event.awaitingApproval > 0) {
    problems.approvalRequired = `Сначала рассмотрите заявки: ждут решения ${event.awaitingApproval}`;
  }
  if (Object.keys(problems).length) throw new Invalid(problems);
  const { set, removed } = splitFields(fields);
  const status = event.status === "returned" ? "proposed" : event.status;
  try {
    await writeAll(db, ({ event: events, searchTerm }) => {
      // A returned proposal, once corrected, goes back to the coordinators.
      const patch = events.patch({ id }).set({ ...set, status, noticeAt: now.toISOString() });
      return [
        (removed.length ? patch.remove(removed) : patch)
          .add({ version: 1, sequence: 1 })
          .composite({ organiserAccountId: event.organiserAccountId })
          .where((attr, { eq, lte, notExists }) =>
            [
              eq(attr.version, event.version),
              // Seats taken meanwhile must still fit.
              fields.capacityInPerson !== undefined ? lte(attr.takenInPerson, fields.capacityInPerson) : "",
              fields.capacityOnline !== undefined ? lte(attr.takenOnline, fields.capacityOnline) : "",
              // A request that arrived meanwhile would be stranded without approval.
              fields.approvalRequired
                ? ""
                : `(${notExists(attr.awaitingApproval)} OR ${eq(attr.awaitingApproval, 0)})`,
            ]
              .filter(Boolean)
              .join(" AND "),
          )
          .commit(),
        ...Search.indexWrites(
          searchTerm,
          "events",
          searchDocument(event),
          searchDocument({ ...event, ...fields, status }),
        ),
      ];
    });
  } catch (error) {
    if (error instanceof Canceled) throw stale();
    throw error;
  }
  await offerWaitingSeats(id, now);
  await announce(id);
  const saved = await findEvent(id);
  return detailOf(
    actor,
    saved,
    await registrationOf(id, actor.type === "person" ? actor.accountId : ""),
    now,
  );
}

/** ElectroDB sets present values and removes cleared ones; it takes no `undefined`. */
function splitFields(fields: ReturnType<typeof eventFields>) {
  const set = Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as Partial<ReturnType<typeof eventFields>>;
  const removed = clearable.filter((name) => fields[name] === undefined);
  return { set, removed: [...removed] };
}

/** The organiser calls the event off, with a reason every registrant reads. */
export async function cancel(actor: Actor, id: string, input: CancelEvent, now = Clock.now()) {
  const event = await managed(actor, id);
  if (event.version !== input.version) throw stale();
  try {
    await writeAll(db, ({ event: events, searchTerm }) => [
      events
        .patch({ id })
        .set({ status: "cancelled", cancelReason: input.reason, noticeAt: now.toISOString() })
        .add({ version: 1, sequence: 1 })
        .composite({ startsAt: event.startsAt, organiserAccountId: event.organiserAccountId })
        .where(({ version }, { eq }) => eq(version, event.version))
        .commit(),
      // A cancelled event is no longer found.
      ...Search.indexWrites(searchTerm, "events", searchDocument(event), undefined),
    ]);
  } catch (error) {
    if (error instanceof Canceled) throw stale();
    throw error;
  }
  await announce(id);
  return detailOf(actor, await findEvent(id), undefined, now);
}

const told = (registration: RegistrationItem) =>
  registration.status === "pending" ||
  registration.status === "confirmed" ||
  registration.status === "offered" ||
  registration.status === "waiting";

function noticeOf(event: EventItem, registration: RegistrationItem) {
  const invited = registration.status === "confirmed";
  const attendee = { name: registration.name, email: registration.email };
  if (event.status === "cancelled") {
    return queued({
      ...Templates.eventCancelled(registration.email, event, event.cancelReason ?? ""),
      calendar: invited
        ? calendarText("CANCEL", [calendarEntry(event, { attendee })], { stamp: Clock.nowIso() })
        : undefined,
    });
  }
  return queued({
    ...Templates.eventChanged(registration.email, { ...event, where: placeOf(event) }),
    calendar: invited
      ? calendarText(
          "REQUEST",
          [calendarEntry(event, { attendee, withLink: registration.attendance === "online" })],
          { stamp: Clock.nowIso() },
        )
      : undefined,
  });
}

/**
 * Tells every registrant of the event's last change, each once: the mark of the sequence told
 * and the letter are one transaction. A moved event's reminders are due again. Run by the
 * change itself and, for whatever it did not finish, by the events job.
 */
export async function announce(id: string) {
  const event = await findEvent(id);
  if (!event.noticeAt) return 0;
  const { data } = await db().entities.registration.query.byEvent({ eventId: id }).go({ pages: "all" });
  let sent = 0;
  for (const registration of data) {
    if (!told(registration) || (registration.noticedSequence ?? 0) >= event.sequence) continue;
    const letter = noticeOf(event, registration);
    const moved = registration.eventStartsAt !== event.startsAt;
    const delivered = await sendOnce(letter, ({ registration: registrations }) => {
      const told = registrations
        .patch({ eventId: id, accountId: registration.accountId })
        .set({ noticedSequence: event.sequence, eventStartsAt: event.startsAt });
      // A moved event's reminders are due again.
      return (moved ? told.remove(["remindedDayAt", "remindedHourAt"]) : told)
        .where(
          ({ noticedSequence }, { notExists, lt }) =>
            `${notExists(noticedSequence)} OR ${lt(noticedSequence, event.sequence)}`,
        )
        .commit();
    });
    if (delivered) sent++;
  }
  await db()
    .entities.event.patch({ id })
    .remove(["noticeAt"])
    .where(({ sequence }, { eq }) => eq(sequence, event.sequence))
    .go()
    .catch((error) => {
      // Changed again meanwhile: that change's run tells of it.
      if (!isConditionFailure(error)) throw error;
    });
  return sent;
}

/** The job's part: changes whose letters did not all go out when they were made. */
export async function announcePending() {
  const { data } = await db()
    .entities.event.query.notices({})
    .go({ pages: "all", attributes: ["id"] });
  let told = 0;
  for (const { id } of data) told += await announce(id);
  return { announced: told };
}

async function organiserEmail(event: EventItem) {
  const { data } = await db().entities.account.get({ id: event.organiserAccountId }).go();
  return data?.email;
}

/** A coordinator reviews a proposal: publishes it (registration opens) or returns it with what to improve. */
async function review(
  actor: Actor,
  id: string,
  version: number,
  next: { status: "published" } | { status: "returned"; returnReason: string },
) {
  requireCoordinator(actor);
  const event = await findEvent(id);
  if (event.status !== "proposed" && event.status !== "returned") {
    throw new Conflict("Мероприятие уже не на рассмотрении", "not_proposed");
  }
  if (event.version !== version) throw stale();
  const email = await organiserEmail(event);
  const letter = email
    ? queued(
        next.status === "published"
          ? Templates.proposalPublished(email, event)
          : Templates.proposalReturned(email, event, next.returnReason),
      )
    : undefined;
  try {
    await writeAll(db, ({ event: events, outbox, searchTerm }) => [
      ...Search.indexWrites(
        searchTerm,
        "events",
        searchDocument(event),
        searchDocument({ ...event, ...next }),
      ),
      events
        .patch({ id })
        .set(next.status === "published" ? { ...next, publishedAt: Clock.nowIso() } : next)
        .add({ version: 1 })
        .composite({ startsAt: event.startsAt, organiserAccountId: event.organiserAccountId })
        .where((attr, { eq }) => `${eq(attr.version, event.version)} AND ${eq(attr.status, event.status)}`)
        .commit(),
      ...(letter ? [outbox.create(letter).commit()] : []),
    ]);
  } catch (error) {
    if (error instanceof Canceled) throw stale();
    throw error;
  }
  if (letter) await deliver([letter]);
  return detailOf(actor, await findEvent(id), undefined);
}

export const publishProposal = (actor: Actor, id: string, input: { version: number }) =>
  review(actor, id, input.version, { status: "published" });

export const returnProposal = (actor: Actor, id: string, input: ReturnProposal) =>
  review(actor, id, input.version, { status: "returned", returnReason: input.reason });
