import { Entity } from "electrodb";
import { SERVICE, timestamps, version } from "../db/attributes";
import { organisationKindIds } from "../reference";

/**
 * An organisation of the cluster, from application to approval. Indexes are named after the
 * lists people use: the coordinators' queue, the directory and the directory by municipality.
 */
export const OrganisationEntity = /* @__PURE__ */ new Entity({
  model: { entity: "organisation", version: "1", service: SERVICE },
  attributes: {
    id: { type: "string", required: true, readOnly: true },
    kind: { type: organisationKindIds, required: true },
    name: { type: "string", required: true },
    shortName: { type: "string" },
    /** Case- and ё-folded name: the directory's sort order. */
    sortName: { type: "string", required: true },
    inn: { type: "string" },
    ogrn: { type: "string" },
    spheres: { type: "list", items: { type: "string" }, required: true },
    municipality: { type: "string", required: true },
    description: { type: "string", required: true },
    website: { type: "string" },
    contacts: { type: "any", required: true },
    status: { type: ["pending", "approved", "rejected"] as const, required: true },
    rejectionReason: { type: "string" },
    demo: { type: "boolean" },
    createdBy: { type: "string" },
    approvedAt: { type: "string" },
    /** Set when a logo is uploaded: part of its URL, so browsers may cache each version for long. */
    logoUpdatedAt: { type: "string" },
    ...timestamps,
    version,
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["id"] },
      sk: { field: "sk", composite: [] },
    },
    queue: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["status"] },
      sk: { field: "gsi1sk", composite: ["createdAt", "id"] },
    },
    directory: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["status"] },
      sk: { field: "gsi2sk", composite: ["sortName", "id"] },
    },
    byMunicipality: {
      index: "gsi3",
      pk: { field: "gsi3pk", composite: ["status", "municipality"] },
      sk: { field: "gsi3sk", composite: ["sortName", "id"] },
    },
  },
});

/** One INN once in the cluster: written in the same transaction as the organisation. */
export const InnClaimEntity = /* @__PURE__ */ new Entity({
  model: { entity: "innClaim", version: "1", service: SERVICE },
  attributes: {
    inn: { type: "string", required: true },
    organisationId: { type: "string", required: true },
  },
  indexes: {
    byInn: {
      pk: { field: "pk", composite: ["inn"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

/** A person who represents an organisation. */
export const MembershipEntity = /* @__PURE__ */ new Entity({
  model: { entity: "membership", version: "1", service: SERVICE },
  attributes: {
    organisationId: { type: "string", required: true },
    accountId: { type: "string", required: true },
    role: { type: ["representative"] as const, required: true, default: "representative" },
    createdAt: timestamps.createdAt,
  },
  indexes: {
    byOrganisation: {
      pk: { field: "pk", composite: ["organisationId"] },
      sk: { field: "sk", composite: ["accountId"] },
    },
    byAccount: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["accountId"] },
      sk: { field: "gsi1sk", composite: ["organisationId"] },
    },
  },
});

/** An emailed invitation to represent an organisation; only its token's hash is stored. */
export const InvitationEntity = /* @__PURE__ */ new Entity({
  model: { entity: "invitation", version: "1", service: SERVICE },
  attributes: {
    tokenHash: { type: "string", required: true },
    organisationId: { type: "string", required: true },
    email: { type: "string", required: true },
    invitedBy: { type: "string", required: true },
    expiresAt: { type: "string", required: true },
    expiresAtEpoch: { type: "number" },
    createdAt: timestamps.createdAt,
  },
  indexes: {
    byToken: {
      pk: { field: "pk", composite: ["tokenHash"] },
      sk: { field: "sk", composite: [] },
    },
    byOrganisation: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["organisationId"] },
      sk: { field: "gsi1sk", composite: ["createdAt"] },
    },
  },
});

/** An organisation's logo, small enough to live in the table (see IMAGE_MAX_BYTES). */
export const LogoEntity = /* @__PURE__ */ new Entity({
  model: { entity: "logo", version: "1", service: SERVICE },
  attributes: {
    organisationId: { type: "string", required: true },
    contentType: { type: ["image/png", "image/jpeg", "image/webp"] as const, required: true },
    /** base64 of the image bytes */
    data: { type: "string", required: true },
  },
  indexes: {
    byOrganisation: {
      pk: { field: "pk", composite: ["organisationId"] },
      sk: { field: "sk", composite: [] },
    },
  },
});
