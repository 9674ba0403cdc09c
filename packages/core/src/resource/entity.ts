import { Entity } from "electrodb";
import { SERVICE, timestamps, version } from "../db/attributes";
import { resourceCategoryIds } from "../reference";

const statuses = ["draft", "published", "reserved", "withdrawn", "expired", "fulfilled", "hidden"] as const;

/** closesOn of a listing offered "until withdrawn"; such listings never enter the expiry index. */
export const OPEN_ENDED = "9999-12-31";

/** Published or fully reserved: the listing's window is still running. */
export const openStatuses = new Set<string>(["published", "reserved"]);

/** An offer or a request of the Resource Bank. */
export const ListingEntity = /* @__PURE__ */ new Entity({
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
    /** Units not yet reserved by accepted responses (offers) or still needed (requests). */
    remaining: { type: "number" },
    availableFrom: { type: "string", required: true },
    availableTo: { type: "string" },
    /** availableTo, or OPEN_ENDED: the expiry index needs a value on every write (ElectroDB). */
    closesOn: { type: "string", required: true },
    conditions: { type: ["free", "cofinancing"] as const, required: true },
    estimatedValue: { type: "number" },
    status: { type: statuses, required: true },
    /** "org#ID" or "person#ID": whose listing it is, for "my listings". */
    ownerKey: { type: "string", required: true },
    ownerName: { type: "string", required: true },
    organisationId: { type: "string" },
    accountId: { type: "string", required: true },
    publishedAt: { type: "string" },
    /** Photos in the order shown; each is a listingPhoto item. */
    photoIds: { type: "list", items: { type: "string" } },
    /** Set by a coordinator who hid the listing; the owner is told. */
    hiddenReason: { type: "string" },
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
    /** Open listings with an end date, soonest first: what the expiry job closes (sparse). */
    byExpiry: {
      index: "gsi2",
      condition: (item) => openStatuses.has(item.status as string) && Boolean(item.availableTo),
      pk: { field: "gsi2pk", composite: [] },
      sk: { field: "gsi2sk", composite: ["closesOn", "id"] },
    },
    /**
     * Every listing ever published, by when (sparse: drafts are not in it): what coordinator
     * reports count as "opened" in a period (ADR 014). Only publishedAt is a composite, so a
     * draft's writes, which carry id but no publishedAt, pass ElectroDB's condition check.
     */
    byPublished: {
      index: "gsi3",
      condition: (item) => Boolean(item.publishedAt),
      pk: { field: "gsi3pk", composite: [] },
      sk: { field: "gsi3sk", composite: ["publishedAt"] },
    },
  },
});

/**
 * One row of the public catalogue. A published listing is written under each of the eight
 * combinations of its kind, category and place (each either its value or "any"), so every
 * filter combination the catalogue offers is one Query on one partition, newest first.
 */
export const CatalogueEntryEntity = /* @__PURE__ */ new Entity({
  model: { entity: "catalogueEntry", version: "1", service: SERVICE },
  attributes: {
    facet: { type: "string", required: true },
    publishedAt: { type: "string", required: true },
    listingId: { type: "string", required: true },
    /** Absent on rows written before matching needed it: treated as "from any date". */
    availableFrom: { type: "string" },
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
    /** The listing's first photo, for the catalogue's thumbnail. */
    photoId: { type: "string" },
  },
  indexes: {
    byFacet: {
      pk: { field: "pk", composite: ["facet"] },
      sk: { field: "sk", composite: ["publishedAt", "listingId"] },
    },
  },
});

const responseStatuses = ["pending", "accepted", "declined", "cancelled", "fulfilled"] as const;

/**
 * A member's answer to a listing: "I would like this" to an offer, "I can give this" to a
 * request. Accepting it reserves its quantity on the listing.
 */
export const ResponseEntity = /* @__PURE__ */ new Entity({
  model: { entity: "response", version: "1", service: SERVICE },
  attributes: {
    id: { type: "string", required: true, readOnly: true },
    listingId: { type: "string", required: true, readOnly: true },
    /** "org#ID" or "person#ID" of the responding side. */
    responderKey: { type: "string", required: true },
    responderName: { type: "string", required: true },
    responderOrganisationId: { type: "string" },
    responderAccountId: { type: "string", required: true },
    message: { type: "string", required: true },
    quantity: { type: "number" },
    wantedFrom: { type: "string" },
    wantedTo: { type: "string" },
    status: { type: responseStatuses, required: true },
    declineReason: { type: "string" },
    decidedAt: { type: "string" },
    fulfilledAt: { type: "string" },
    ...timestamps,
    version,
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["id"] },
      sk: { field: "sk", composite: [] },
    },
    byListing: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["listingId"] },
      sk: { field: "gsi1sk", composite: ["createdAt", "id"] },
    },
    byResponder: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["responderAccountId"] },
      sk: { field: "gsi2sk", composite: ["createdAt", "id"] },
    },
  },
});

/** One message of the conversation on a response; ids are ULIDs, so the thread sorts by time. */
export const ResponseMessageEntity = /* @__PURE__ */ new Entity({
  model: { entity: "responseMessage", version: "1", service: SERVICE },
  attributes: {
    responseId: { type: "string", required: true, readOnly: true },
    id: { type: "string", required: true, readOnly: true },
    authorAccountId: { type: "string", required: true },
    authorName: { type: "string", required: true },
    text: { type: "string", required: true },
    createdAt: timestamps.createdAt,
  },
  indexes: {
    byResponse: {
      pk: { field: "pk", composite: ["responseId"] },
      sk: { field: "sk", composite: ["id"] },
    },
  },
});

/**
 * A handover recorded in the contributions ledger: who gave what to whom and its estimated
 * value. Readable for the whole cluster, per giver and per receiver, by period.
 */
export const ContributionEntity = /* @__PURE__ */ new Entity({
  model: { entity: "contribution", version: "1", service: SERVICE },
  attributes: {
    id: { type: "string", required: true, readOnly: true },
    at: { type: "string", required: true },
    listingId: { type: "string", required: true },
    responseId: { type: "string", required: true },
    category: { type: resourceCategoryIds, required: true },
    title: { type: "string", required: true },
    quantity: { type: "number" },
    /** Roubles, when the listing carried an estimate. */
    value: { type: "number" },
    giverKey: { type: "string", required: true },
    giverName: { type: "string", required: true },
    receiverKey: { type: "string", required: true },
    receiverName: { type: "string", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["id"] },
      sk: { field: "sk", composite: [] },
    },
    cluster: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: [] },
      sk: { field: "gsi1sk", composite: ["at", "id"] },
    },
    byGiver: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["giverKey"] },
      sk: { field: "gsi2sk", composite: ["at", "id"] },
    },
    byReceiver: {
      index: "gsi3",
      pk: { field: "gsi3pk", composite: ["receiverKey"] },
      sk: { field: "gsi3sk", composite: ["at", "id"] },
    },
  },
});

/** A request and an offer found to fit, recorded once so the pair is never announced twice. */
export const MatchEntity = /* @__PURE__ */ new Entity({
  model: { entity: "match", version: "1", service: SERVICE },
  attributes: {
    requestId: { type: "string", required: true, readOnly: true },
    offerId: { type: "string", required: true, readOnly: true },
    createdAt: timestamps.createdAt,
  },
  indexes: {
    byPair: {
      pk: { field: "pk", composite: ["requestId", "offerId"] },
      sk: { field: "sk", composite: [] },
    },
    /** Pairs by when they were found: what coordinator reports count as "matched" (ADR 014). */
    byCreated: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: [] },
      sk: { field: "gsi1sk", composite: ["createdAt"] },
    },
  },
});

/** A listing's photo, small enough to live in the table (see IMAGE_MAX_BYTES). */
export const ListingPhotoEntity = /* @__PURE__ */ new Entity({
  model: { entity: "listingPhoto", version: "1", service: SERVICE },
  attributes: {
    listingId: { type: "string", required: true, readOnly: true },
    id: { type: "string", required: true, readOnly: true },
    contentType: { type: "string", required: true },
    /** base64 */
    data: { type: "string", required: true },
  },
  indexes: {
    byListing: {
      pk: { field: "pk", composite: ["listingId"] },
      sk: { field: "sk", composite: ["id"] },
    },
  },
});
