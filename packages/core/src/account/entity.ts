import { Entity } from "electrodb";
import { SERVICE, timestamps, version } from "../db/attributes";

/** A person with a login. Personal data lives here and nowhere else, so deletion is one place. */
export const AccountEntity = /* @__PURE__ */ new Entity({
  model: { entity: "account", version: "1", service: SERVICE },
  attributes: {
    id: { type: "string", required: true, readOnly: true },
    email: { type: "string", required: true },
    name: { type: "string", required: true },
    phone: { type: "string" },
    /** A string set, so granting a role twice is harmless; absent when empty. */
    roles: { type: "set", items: "string" },
    /** Consultation topics an expert answers; absent when none. */
    expertTopics: { type: "set", items: "string" },
    status: { type: ["active", "blocked"] as const, required: true, default: "active" },
    consentVersion: { type: "string", required: true },
    consentAt: { type: "string", required: true },
    ...timestamps,
    version,
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["id"] },
      sk: { field: "sk", composite: [] },
    },
    /** Coordinators' list of people, newest first. */
    all: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: [] },
      sk: { field: "gsi1sk", composite: ["createdAt", "id"] },
    },
  },
});

/** One account per email: written with the account in one transaction, read at login. */
export const AccountEmailEntity = /* @__PURE__ */ new Entity({
  model: { entity: "accountEmail", version: "1", service: SERVICE },
  attributes: {
    email: { type: "string", required: true },
    accountId: { type: "string", required: true },
  },
  indexes: {
    byEmail: {
      pk: { field: "pk", composite: ["email"] },
      sk: { field: "sk", composite: [] },
    },
  },
});
