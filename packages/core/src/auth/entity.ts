import { Entity } from "electrodb";
import { expiresAtEpoch, SERVICE } from "../db/attributes";
import * as Clock from "../shared/clock";

/** The one live login code of an email; only an HMAC of the code is stored. */
export const LoginCodeEntity = /* @__PURE__ */ new Entity({
  model: { entity: "loginCode", version: "1", service: SERVICE },
  attributes: {
    email: { type: "string", required: true },
    codeHash: { type: "string", required: true },
    sentAt: { type: "number", required: true },
    expiresAt: { type: "number", required: true },
    attempts: { type: "number", required: true, default: 0 },
    expiresAtEpoch,
  },
  indexes: {
    byEmail: {
      pk: { field: "pk", composite: ["email"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

/** A fixed-window counter; the conditional increment is the limit, so racing requests can't pass it. */
export const RateLimitEntity = /* @__PURE__ */ new Entity({
  model: { entity: "rateLimit", version: "1", service: SERVICE },
  attributes: {
    bucket: { type: "string", required: true },
    window: { type: "string", required: true },
    count: { type: "number", required: true, default: 0 },
    expiresAtEpoch,
  },
  indexes: {
    byBucket: {
      pk: { field: "pk", composite: ["bucket"] },
      sk: { field: "sk", composite: ["window"] },
    },
  },
});

/** A signed-in browser. Keyed by the hash of the cookie's token, so a table dump opens no session. */
export const SessionEntity = /* @__PURE__ */ new Entity({
  model: { entity: "session", version: "1", service: SERVICE },
  attributes: {
    tokenHash: { type: "string", required: true },
    accountId: { type: "string", required: true },
    createdAt: { type: "string", required: true, readOnly: true, default: () => Clock.nowIso() },
    expiresAt: { type: "number", required: true },
    userAgent: { type: "string" },
    expiresAtEpoch,
  },
  indexes: {
    byToken: {
      pk: { field: "pk", composite: ["tokenHash"] },
      sk: { field: "sk", composite: [] },
    },
    byAccount: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["accountId"] },
      sk: { field: "gsi1sk", composite: ["tokenHash"] },
    },
  },
});

/** Proof that a new person owns an email, between the verified code and the sign-up form. */
export const SignupEntity = /* @__PURE__ */ new Entity({
  model: { entity: "signup", version: "1", service: SERVICE },
  attributes: {
    tokenHash: { type: "string", required: true },
    email: { type: "string", required: true },
    expiresAt: { type: "number", required: true },
    expiresAtEpoch,
  },
  indexes: {
    byToken: {
      pk: { field: "pk", composite: ["tokenHash"] },
      sk: { field: "sk", composite: [] },
    },
  },
});
