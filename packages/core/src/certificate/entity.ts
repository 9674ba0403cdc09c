import { Entity } from "electrodb";
import { SERVICE, timestamps } from "../db/attributes";

/**
 * A certificate as issued: its words are fixed at issue (a later change of a name or a title
 * does not rewrite what was printed), found by its code on the public verification page.
 */
export const CertificateEntity = /* @__PURE__ */ new Entity({
  model: { entity: "certificate", version: "1", service: SERVICE },
  attributes: {
    code: { type: "string", required: true, readOnly: true },
    /** What it certifies: attendance of an event (courses will add theirs). */
    kind: { type: ["event"] as const, required: true, readOnly: true },
    subjectId: { type: "string", required: true, readOnly: true },
    accountId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    heading: { type: "string", required: true },
    deed: { type: "string", required: true },
    title: { type: "string", required: true },
    details: { type: "string", required: true },
    issuer: { type: "string", required: true },
    issuedAt: { type: "string", required: true },
    createdAt: timestamps.createdAt,
  },
  indexes: {
    byCode: {
      pk: { field: "pk", composite: ["code"] },
      sk: { field: "sk", composite: [] },
    },
    /** A person's certificates, newest first. */
    byAccount: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["accountId"] },
      sk: { field: "gsi1sk", composite: ["issuedAt", "code"] },
    },
  },
});
