import { Entity } from "electrodb";
import { SERVICE } from "../db/attributes";

/** The areas whose content the portal-wide search finds; the next ones join this list. */
export const searchAreas = ["organisations", "listings", "answers", "events", "materials"] as const;
export type SearchArea = (typeof searchAreas)[number];

/**
 * One term of one searchable item (ADR 018): the inverted index, in the table beside the data and
 * written in the same transaction as the item. Each row carries everything a query needs without
 * reading the item: every term of the item (for the query's other words), its filter values and
 * what a result shows.
 */
export const SearchTermEntity = /* @__PURE__ */ new Entity({
  model: { entity: "searchTerm", version: "1", service: SERVICE },
  attributes: {
    area: { type: searchAreas, required: true },
    term: { type: "string", required: true },
    id: { type: "string", required: true },
    /** "1" when the term is in the title (the name), "0" when only in the text: title matches rank first. */
    rank: { type: ["0", "1"] as const, required: true },
    /** When the item appeared (published, approved, answered): newer first within a rank. */
    at: { type: "string", required: true },
    /** The term's first two letters: the partition of prefix lookups (a word still being typed). */
    bucket: { type: "string", required: true },
    /** All of the item's terms, space-separated with a space at each end: " театр детск студ ". */
    terms: { type: "string", required: true },
    /** The item's filter values, the same way: " kind=ngo municipality=kaluga sphere=culture ". */
    filters: { type: "string", required: true },
    /** What a result shows, as the area's result type. */
    view: { type: "any", required: true },
  },
  indexes: {
    byTerm: {
      pk: { field: "pk", composite: ["area", "term"] },
      sk: { field: "sk", composite: ["rank", "at", "id"] },
    },
    byPrefix: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["area", "bucket"] },
      sk: { field: "gsi1sk", composite: ["term", "rank", "at", "id"] },
    },
  },
});
