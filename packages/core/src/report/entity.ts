import { Entity } from "electrodb";
import { SERVICE } from "../db/attributes";

/**
 * "This coordinator has been sent this report": created conditionally before the letter goes to
 * SES, so a re-run or a second run at the same time never sends it twice (ADR 014).
 */
export const ReportDeliveryEntity = /* @__PURE__ */ new Entity({
  model: { entity: "reportDelivery", version: "1", service: SERVICE },
  attributes: {
    /** "<kind>#<from>#<to>", e.g. "monthly#2026-11-01#2026-11-30". */
    report: { type: "string", required: true, readOnly: true },
    email: { type: "string", required: true, readOnly: true },
    at: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byReport: {
      pk: { field: "pk", composite: ["report"] },
      sk: { field: "sk", composite: ["email"] },
    },
  },
});
