import { Entity } from "electrodb";
import { expiresAtEpoch, SERVICE } from "../db/attributes";

/**
 * A message waiting to be sent. Written in the same transaction as the change that causes it,
 * sent after the commit; a failed send stays pending for the retry job.
 */
export const OutboxEntity = /* @__PURE__ */ new Entity({
  model: { entity: "outbox", version: "1", service: SERVICE },
  attributes: {
    id: { type: "string", required: true },
    to: { type: "string", required: true },
    subject: { type: "string", required: true },
    text: { type: "string", required: true },
    /** An iCalendar invitation, update or cancellation, attached as invite.ics. */
    calendar: { type: "string" },
    status: { type: ["pending", "sent"] as const, required: true, default: "pending" },
    attempts: { type: "number", required: true, default: 0 },
    lastError: { type: "string" },
    /** Epoch ms until which one sender owns the message. */
    claimedUntil: { type: "number" },
    createdAt: { type: "string", required: true, readOnly: true },
    sentAt: { type: "string" },
    expiresAtEpoch,
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["id"] },
      sk: { field: "sk", composite: [] },
    },
    byStatus: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["status"] },
      sk: { field: "gsi1sk", composite: ["createdAt", "id"] },
    },
  },
});
