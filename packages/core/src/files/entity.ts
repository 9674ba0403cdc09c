import { Entity } from "electrodb";
import { expiresAtEpoch, SERVICE } from "../db/attributes";
import { documentMimes } from "./types";

/**
 * A ticket for one file the browser uploads straight to S3 (ADR 026): who may use it, what was
 * declared, until when. It is taken once, in the transaction that stores what the file is for,
 * so an upload URL used twice or too late stores nothing.
 */
export const FileUploadEntity = /* @__PURE__ */ new Entity({
  model: { entity: "fileUpload", version: "1", service: SERVICE },
  attributes: {
    id: { type: "string", required: true, readOnly: true },
    accountId: { type: "string", required: true, readOnly: true },
    fileName: { type: "string", required: true },
    contentType: { type: documentMimes, required: true },
    size: { type: "number", required: true },
    status: { type: ["open", "taken", "refused"] as const, required: true },
    expiresAt: { type: "string", required: true },
    createdAt: { type: "string", required: true },
    expiresAtEpoch,
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["id"] },
      sk: { field: "sk", composite: [] },
    },
  },
});
