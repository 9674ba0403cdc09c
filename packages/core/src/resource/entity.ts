import { Entity } from "electrodb";
import { SERVICE, timestamps, version } from "../db/attributes";
import { resourceCategoryIds } from "../reference";

const statuses = ["draft", "published", "withdrawn", "expired", "fulfilled", "hidden"] as const;

/** An offer or a request of the Resource Bank. */
export const ListingEntity = new Entity({
  model: { entity: "listing", version: "1", service: SERVICE },
  attributes: {
    id: { type: "string", required: true, readOnly: true },
    kind: { type: ["offer", "request"] as const, required: true },
    category: { type: resourceCategoryIds, required: true },
    title: { type: "string", required: true },
    description: { type: "string", required: true },
    /** Case- and ё-folded title and description: what text search matches. */
    searchText: { type: "string", required: true },
    place: { type: "string", required: true },
    quantity: { type: "number" },
    availableFrom: { type: "string", required: true },
    availableTo: { type: "string" },
    conditions: { type: ["free", "cofinancing"] as const, required: true },
    estimatedValue: { type: "number" },
    status: { type: statuses, required: true },
    /** "org#ID" or "person#ID": whose listing it is, for "my listings". */
    ownerKey: { type: "string", required: true },
    ownerName: { type: "string", required: true },
    organisationId: { type: "string" },
    accountId: { type: "string", required: true },
    publishedAt: { type: "string" },
    ...timestamps,
    version,
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["id"] },
      sk: { field: "sk", composite: [] },
    },
    byOwner: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["ownerKey"] },
      sk: { field: "gsi1sk", composite: ["createdAt", "id"] },
    },
  },
});

/**
 * One row of the public catalogue. A published listing is written under each of the eight
 * combinations of its kind, category and place (each either its value or "any"), so every
 * filter combination the catalogue offers is one Query on one partition, newest first.
 */
export const CatalogueEntryEntity = new Entity({
  model: { entity: "catalogueEntry", version: "1", service: SERVICE },
  attributes: {
    facet: { type: "string", required: true },
    publishedAt: { type: "string", required: true },
    listingId: { type: "string", required: true },
    kind: { type: ["offer", "request"] as const, required: true },
    category: { type: resourceCategoryIds, required: true },
    title: { type: "string", required: true },
    searchText: { type: "string", required: true },
    place: { type: "string", required: true },
    quantity: { type: "number" },
    availableTo: { type: "string" },
    conditions: { type: ["free", "cofinancing"] as const, required: true },
    ownerName: { type: "string", required: true },
    organisationId: { type: "string" },
  },
  indexes: {
    byFacet: {
      pk: { field: "pk", composite: ["facet"] },
      sk: { field: "sk", composite: ["publishedAt", "listingId"] },
    },
  },
});
