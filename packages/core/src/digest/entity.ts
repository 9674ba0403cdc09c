import { Entity } from "electrodb";
import { expiresAtEpoch, SERVICE, timestamps, version } from "../db/attributes";
import { frequencies, subscriberStatuses } from "./options";

/** nextDueAt of a subscriber who gets nothing: keeps the due index's composite present (ElectroDB). */
export const NEVER = "9999-12-31T00:00:00.000Z";

/**
 * A digest recipient: an email address alone (confirmed by a link) or a person's account.
 * Links in letters carry a signed token of the id, never the address.
 */
export const SubscriberEntity = /* @__PURE__ */ new Entity({
  model: { entity: "subscriber", version: "1", service: SERVICE },
  attributes: {
    id: { type: "string", required: true, readOnly: true },
    email: { type: "string", required: true },
    accountId: { type: "string" },
    status: { type: subscriberStatuses, required: true },
    frequency: { type: frequencies, required: true },
    /** ISO weekday 1 (Monday) … 7 and the Moscow hour of a weekly digest; the hour of a daily one. */
    weekday: { type: "number", required: true },
    hour: { type: "number", required: true },
    topics: { type: "list", items: { type: "string" }, required: true },
    /** Empty lists mean "all". */
    categories: { type: "list", items: { type: "string" }, required: true },
    consultationTopics: { type: "list", items: { type: "string" }, required: true },
    municipalities: { type: "list", items: { type: "string" }, required: true },
    /** When the next digest is due (UTC ISO); NEVER unless active with a frequency. */
    nextDueAt: { type: "string", required: true },
    /** Everything newer than this is news to the subscriber. */
    coveredUntil: { type: "string", required: true },
    /** Last open, click or visit of the preferences page: digests stop after a long silence. */
    lastActivityAt: { type: "string", required: true },
    confirmedAt: { type: "string" },
    /** A new confirmation link invalidates the previous one. */
    confirmNonce: { type: "string" },
    stoppedReason: { type: "string" },
    ...timestamps,
    version,
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["id"] },
      sk: { field: "sk", composite: [] },
    },
    /** Active subscribers by the time their next digest is due (sparse): what the digest job reads. */
    due: {
      index: "gsi1",
      condition: (item) => item.status === "active" && item.nextDueAt !== NEVER,
      // Keyed by status (always "active" here): ElectroDB leaves out an empty-composite
      // partition key when a patch brings an item into a conditional index.
      pk: { field: "gsi1pk", composite: ["status"] },
      sk: { field: "gsi1sk", composite: ["nextDueAt", "id"] },
    },
    /** Subscribers by status, newest first: counts and the coordinators' list. */
    byStatus: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["status"] },
      sk: { field: "gsi2sk", composite: ["createdAt", "id"] },
    },
  },
});

/** One subscription per address: the unique key written with the subscriber. */
export const SubscriberEmailEntity = /* @__PURE__ */ new Entity({
  model: { entity: "subscriberEmail", version: "1", service: SERVICE },
  attributes: {
    email: { type: "string", required: true },
    subscriberId: { type: "string", required: true },
  },
  indexes: {
    byEmail: {
      pk: { field: "pk", composite: ["email"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

/**
 * One digest of one subscriber for one period: claimed before the send, completed after it.
 * Its key makes a second digest for the same period impossible, however often the job runs.
 */
export const DeliveryEntity = /* @__PURE__ */ new Entity({
  model: { entity: "digestDelivery", version: "1", service: SERVICE },
  attributes: {
    subscriberId: { type: "string", required: true },
    period: { type: "string", required: true },
    status: { type: ["sending", "sent", "failed", "unknown", "abandoned"] as const, required: true },
    attempts: { type: "number", required: true },
    /** Epoch ms until which one run owns the send. */
    claimedUntil: { type: "number", required: true },
    items: { type: "number" },
    lastError: { type: "string" },
    sentAt: { type: "string" },
    createdAt: { type: "string", required: true, readOnly: true },
    expiresAtEpoch,
  },
  indexes: {
    byPeriod: {
      pk: { field: "pk", composite: ["subscriberId"] },
      sk: { field: "sk", composite: ["period"] },
    },
    /** Failed, unknown and abandoned sends by time: what the job and the report tell coordinators. */
    byStatus: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["status"] },
      sk: { field: "gsi1sk", composite: ["createdAt", "subscriberId", "period"] },
    },
  },
});

/** An address SES reported as bounced or complaining: no digest goes there until it confirms anew. */
export const SuppressionEntity = /* @__PURE__ */ new Entity({
  model: { entity: "mailSuppression", version: "1", service: SERVICE },
  attributes: {
    email: { type: "string", required: true },
    reason: { type: ["bounce", "complaint"] as const, required: true },
    detail: { type: "string" },
    at: { type: "string", required: true },
  },
  indexes: {
    byEmail: {
      pk: { field: "pk", composite: ["email"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

/** Digest reach per Moscow day, counted atomically as things happen: what reports sum up. */
export const DigestDayEntity = /* @__PURE__ */ new Entity({
  model: { entity: "digestDay", version: "1", service: SERVICE },
  attributes: {
    day: { type: "string", required: true },
    sent: { type: "number" },
    failed: { type: "number" },
    bounced: { type: "number" },
    complained: { type: "number" },
    unsubscribed: { type: "number" },
    confirmed: { type: "number" },
  },
  indexes: {
    byDay: {
      pk: { field: "pk", composite: [] },
      sk: { field: "sk", composite: ["day"] },
    },
  },
});
