import * as Clock from "../shared/clock";
/** Attribute definitions that every mutable entity shares. */

export const timestamps = {
  createdAt: {
    type: "string",
    readOnly: true,
    required: true,
    default: () => Clock.nowIso(),
  },
  updatedAt: {
    type: "string",
    required: true,
    watch: "*",
    default: () => Clock.nowIso(),
    set: () => Clock.nowIso(),
  },
} as const;

/** Optimistic locking: writers send the version they read; a stale one is a 409. */
export const version = { type: "number", required: true, default: 1 } as const;

/** DynamoDB TTL (epoch seconds) for short-lived items; logic never relies on TTL timing. */
export const expiresAtEpoch = { type: "number" } as const;

export const SERVICE = "cluster";
