import { Entity } from "electrodb";
import { SERVICE, timestamps, version } from "../db/attributes";
import { consultationTopicIds, eventFormatIds, eventKindIds, municipalityIds } from "../reference";

/**
 * An event of the cluster's programme. Its seat counters (`taken…`, `waiting`) change only in
 * the same transaction as the registration that takes or frees a seat, each conditional on the
 * count read, so the counters are the truth and never a count of rows (ADR 022). They do not
 * touch `version`, which guards the organiser's edits.
 */
export const EventEntity = /* @__PURE__ */ new Entity({
  model: { entity: "event", version: "1", service: SERVICE },
  attributes: {
    id: { type: "string", required: true, readOnly: true },
    status: { type: ["proposed", "returned", "published", "cancelled"] as const, required: true },
    kind: { type: eventKindIds, required: true },
    format: { type: eventFormatIds, required: true },
    title: { type: "string", required: true },
    description: { type: "string", required: true },
    startsAt: { type: "string", required: true },
    endsAt: { type: "string", required: true },
    municipality: { type: municipalityIds },
    address: { type: "string" },
    onlineUrl: { type: "string" },
    speakers: { type: "list", items: { type: "string" } },
    /** Chosen from the portal's experts and officials: their names as they were when chosen. */
    portalSpeakers: {
      type: "list",
      items: {
        type: "map",
        properties: {
          accountId: { type: "string", required: true },
          name: { type: "string", required: true },
          role: { type: ["expert", "official"] as const, required: true },
          about: { type: "string", required: true },
        },
      },
    },
    topic: { type: consultationTopicIds },
    spheres: { type: "list", items: { type: "string" } },
    audience: { type: "string" },
    capacityInPerson: { type: "number" },
    capacityOnline: { type: "number" },
    takenInPerson: { type: "number", required: true, default: 0 },
    takenOnline: { type: "number", required: true, default: 0 },
    waiting: { type: "number", required: true, default: 0 },
    /** Each registration waits for the organiser's decision before it takes a seat or a waiting place. */
    approvalRequired: { type: "boolean", required: true, default: false },
    /** Requests the organiser has not decided on. */
    awaitingApproval: { type: "number", required: true, default: 0 },
    registrationOpensAt: { type: "string", required: true },
    registrationClosesAt: { type: "string", required: true },
    questions: {
      type: "list",
      items: {
        type: "map",
        properties: {
          id: { type: "string", required: true },
          kind: { type: ["text", "choice", "yesno"] as const, required: true },
          label: { type: "string", required: true },
          options: { type: "list", items: { type: "string" } },
          required: { type: "boolean", required: true },
        },
      },
    },
    /** iCalendar SEQUENCE: raised by each change the registrants are told of. */
    sequence: { type: "number", required: true, default: 0 },
    /** Set by a change or a cancellation until every registrant has been told (the notices index). */
    noticeAt: { type: "string" },
    cancelReason: { type: "string" },
    /** When it went on the calendar: the digest announces it to each subscriber once. */
    publishedAt: { type: "string" },
    /** The cover picture: an eventCover item, its id new with each picture (so cached for good). */
    coverId: { type: "string" },
    /** Every date of the series it was created in, itself included, in order. */
    seriesIds: { type: "list", items: { type: "string" } },
    /** Why a coordinator returned a proposal to its organiser. */
    returnReason: { type: "string" },
    /** Set when the organiser records how it went: from then attendees give feedback and get certificates. */
    heldAt: { type: "string" },
    /** The summary or minutes, after the event. */
    summary: { type: "string" },
    materials: {
      type: "list",
      items: {
        type: "map",
        properties: {
          kind: { type: ["recording", "slides", "link"] as const, required: true },
          title: { type: "string", required: true },
          url: { type: "string", required: true },
        },
      },
    },
    /** Feedback counters, added in the same transaction as each attendee's feedback. */
    feedbackCount: { type: "number", required: true, default: 0 },
    feedbackTotal: { type: "number", required: true, default: 0 },
    organiserAccountId: { type: "string", required: true },
    organiserName: { type: "string", required: true },
    organisationId: { type: "string" },
    organisationName: { type: "string" },
    ...timestamps,
    version,
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["id"] },
      sk: { field: "sk", composite: [] },
    },
    /** The calendar (published), the proposals queue (proposed): by start, soonest first. */
    byStatus: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["status"] },
      sk: { field: "gsi1sk", composite: ["startsAt", "id"] },
    },
    /** An organiser's events, newest first. */
    byOrganiser: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["organiserAccountId"] },
      sk: { field: "gsi2sk", composite: ["startsAt", "id"] },
    },
    /** Changes whose letters are still going out (sparse: only with `noticeAt`), for the job. */
    notices: {
      index: "gsi3",
      pk: { field: "gsi3pk", composite: [] },
      sk: { field: "gsi3sk", composite: ["noticeAt"] },
    },
  },
});

/**
 * One person's place at one event: keyed by the event and the account, so nobody holds two
 * places at one event (the create is conditional on the key not existing).
 */
export const RegistrationEntity = /* @__PURE__ */ new Entity({
  model: { entity: "eventRegistration", version: "1", service: SERVICE },
  attributes: {
    eventId: { type: "string", required: true, readOnly: true },
    accountId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    email: { type: "string", required: true },
    organisationId: { type: "string" },
    organisationName: { type: "string" },
    attendance: { type: ["in_person", "online"] as const, required: true },
    status: {
      type: ["pending", "declined", "confirmed", "waiting", "offered", "cancelled", "expired"] as const,
      required: true,
    },
    /** Why the organiser declined a request (events that need the organiser's approval). */
    declineReason: { type: "string" },
    answers: {
      type: "list",
      items: {
        type: "map",
        properties: {
          questionId: { type: "string", required: true },
          value: { type: "string", required: true },
        },
      },
    },
    /** The event's start, copied so a person's registrations list in calendar order. */
    eventStartsAt: { type: "string", required: true },
    /** When the person asked for a place: the waitlist's order. */
    queuedAt: { type: "string", required: true },
    offerExpiresAt: { type: "string" },
    confirmedAt: { type: "string" },
    cancelledAt: { type: "string" },
    /** A confirmed place's ticket: what its QR code holds and a person can type at the door. */
    ticket: { type: "string" },
    /** Attendance, recorded once: at the door by the ticket, or by the organiser from the list. */
    checkedInAt: { type: "string" },
    /** Each reminder goes once: marked in the transaction that queues it. */
    remindedDayAt: { type: "string" },
    remindedHourAt: { type: "string" },
    /** The event's SEQUENCE the person was last told of. */
    noticedSequence: { type: "number" },
    /** The attendee's feedback, given once, and the one letter that asks for it. */
    feedbackAskedAt: { type: "string" },
    feedbackAt: { type: "string" },
    feedbackRating: { type: "number" },
    feedbackComment: { type: "string" },
    /** The attendee's certificate, issued on the first download. */
    certificateCode: { type: "string" },
    ...timestamps,
    version,
  },
  indexes: {
    byEvent: {
      pk: { field: "pk", composite: ["eventId"] },
      sk: { field: "sk", composite: ["accountId"] },
    },
    /** A person's events, soonest first. */
    byAccount: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["accountId"] },
      sk: { field: "gsi1sk", composite: ["eventStartsAt", "eventId"] },
    },
    /** The waitlist of one kind of seat, first come first (sparse: only those waiting). */
    waitlist: {
      index: "gsi2",
      condition: (item) => item.status === "waiting",
      pk: { field: "gsi2pk", composite: ["eventId"] },
      sk: { field: "gsi2sk", composite: ["attendance", "queuedAt", "accountId"] },
    },
    /**
     * Seats offered from the waitlist, by when the offer lapses, for the expiry job: sparse, as
     * only an offered registration has `offerExpiresAt` (a GSI's keys need not be unique).
     */
    offers: {
      index: "gsi3",
      pk: { field: "gsi3pk", composite: [] },
      sk: { field: "gsi3sk", composite: ["offerExpiresAt"] },
    },
  },
});

/** An event's cover picture (PNG, JPEG or WebP up to 200 KB, as the listings' photos). */
export const EventCoverEntity = /* @__PURE__ */ new Entity({
  model: { entity: "eventCover", version: "1", service: SERVICE },
  attributes: {
    eventId: { type: "string", required: true, readOnly: true },
    id: { type: "string", required: true, readOnly: true },
    contentType: { type: "string", required: true },
    /** base64 */
    data: { type: "string", required: true },
  },
  indexes: {
    byEvent: {
      pk: { field: "pk", composite: ["eventId"] },
      sk: { field: "sk", composite: ["id"] },
    },
  },
});

/**
 * A person's secret calendar feed: the address carries a token, stored only as its hash. A new
 * address replaces the old one, which stops working at once.
 */
export const CalendarFeedEntity = /* @__PURE__ */ new Entity({
  model: { entity: "calendarFeed", version: "1", service: SERVICE },
  attributes: {
    tokenHash: { type: "string", required: true, readOnly: true },
    accountId: { type: "string", required: true, readOnly: true },
    createdAt: timestamps.createdAt,
  },
  indexes: {
    byToken: {
      pk: { field: "pk", composite: ["tokenHash"] },
      sk: { field: "sk", composite: [] },
    },
    byAccount: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["accountId"] },
      sk: { field: "gsi1sk", composite: ["createdAt"] },
    },
  },
});
