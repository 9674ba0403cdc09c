import { Entity } from "electrodb";
import { SERVICE, timestamps, version } from "../db/attributes";
import { documentMimes } from "../files/types";
import { consultationTopicIds } from "../reference";

/**
 * A material of the library. `listedAt` orders a status's list (published: when published;
 * proposed: when proposed); `popularity` is the download count as a sortable key, set after each
 * download's count (ADR 026). Files keep every version, newest last.
 */
export const MaterialEntity = /* @__PURE__ */ new Entity({
  model: { entity: "material", version: "1", service: SERVICE },
  attributes: {
    id: { type: "string", required: true, readOnly: true },
    status: { type: ["proposed", "returned", "published", "withdrawn"] as const, required: true },
    kind: { type: ["article", "file", "link", "video"] as const, required: true, readOnly: true },
    title: { type: "string", required: true },
    summary: { type: "string", required: true },
    topic: { type: consultationTopicIds, required: true },
    spheres: { type: "list", items: { type: "string" } },
    authors: { type: "list", items: { type: "string" } },
    edition: { type: "string" },
    audience: { type: ["public", "members"] as const, required: true },
    body: { type: "string" },
    html: { type: "string" },
    url: { type: "string" },
    files: {
      type: "list",
      items: {
        type: "map",
        properties: {
          number: { type: "number", required: true },
          key: { type: "string", required: true },
          fileName: { type: "string", required: true },
          contentType: { type: documentMimes, required: true },
          size: { type: "number", required: true },
          note: { type: "string" },
          uploadedAt: { type: "string", required: true },
        },
      },
    },
    downloads: { type: "number", required: true, default: 0 },
    popularity: { type: "string", required: true, default: "0000000000" },
    listedAt: { type: "string", required: true },
    publishedAt: { type: "string" },
    returnReason: { type: "string" },
    createdBy: { type: "string", required: true, readOnly: true },
    createdByName: { type: "string", required: true },
    createdByExpert: { type: "boolean", required: true },
    organisationId: { type: "string" },
    organisationName: { type: "string" },
    /** Seeded demo content, marked «демо» wherever it shows. */
    demo: { type: "boolean", required: true, default: false },
    ...timestamps,
    version,
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["id"] },
      sk: { field: "sk", composite: [] },
    },
    /** The library (published), the proposals queue (proposed): newest first. */
    byStatus: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["status"] },
      sk: { field: "gsi1sk", composite: ["listedAt", "id"] },
    },
    /** A person's own materials, newest first. */
    byAuthor: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["createdBy"] },
      sk: { field: "gsi2sk", composite: ["createdAt", "id"] },
    },
    /** The library's most downloaded first. */
    byPopularity: {
      index: "gsi3",
      pk: { field: "gsi3pk", composite: ["status"] },
      sk: { field: "gsi3sk", composite: ["popularity", "id"] },
    },
  },
});
