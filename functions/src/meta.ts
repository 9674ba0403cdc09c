import { config } from "@cluster/core/config";
import { ticketQrPng } from "@cluster/core/event/ticket-image";
import * as z from "zod/mini";
import { areaOperations } from "./contracts";
import { bind, createPublicApp } from "./http/app";
import { handle } from "./http/lambda";
import { openApiDocument } from "./http/openapi";
import { operations } from "./http/operation";

export const app = createPublicApp();

const tag = "Служебное";

const metaOperations = operations({
  getOpenApiDocument: {
    method: "get",
    path: "/api/openapi.json",
    summary: "This document",
    tag,
    access: "guest",
    response: z.looseObject({ openapi: z.literal("3.1.0"), paths: z.record(z.string(), z.unknown()) }),
  },
  getConfig: {
    method: "get",
    path: "/api/config",
    summary: "What the frontend needs to know about this deployment",
    tag,
    access: "guest",
    response: z.object({ stage: z.enum(["prod", "dev"]), mailViewerUrl: z.optional(z.string()) }),
  },
  // Here, in the function without database code: the image is drawn from the code in its path.
  getTicketQrCode: {
    method: "get",
    path: "/api/tickets/{ticket}/qr.png",
    summary: "A ticket's QR code as a PNG, for the confirmation letter (the code alone, as printed)",
    tag: "Мероприятия",
    access: "guest",
    produces: ["image/png"],
  },
  getHealth: {
    method: "get",
    path: "/api/health",
    summary: "Liveness",
    tag,
    access: "guest",
    response: z.object({ ok: z.literal(true) }),
  },
});

/** The portal's OpenAPI document: every area's operations and these. */
export const apiDocument = () =>
  openApiDocument([...areaOperations, ...Object.values(metaOperations)], {
    title: "Кластер НКО Калужской области — API",
    version: "1",
  });

let document: ReturnType<typeof openApiDocument> | undefined;

bind(app, metaOperations.getOpenApiDocument, async () => {
  document ??= apiDocument();
  return document;
});

bind(app, metaOperations.getConfig, async () => {
  const { mailViewerUrl, production } = config();
  return { stage: production ? "prod" : "dev", ...(mailViewerUrl ? { mailViewerUrl } : {}) };
});

bind(app, metaOperations.getTicketQrCode, async (_input, c) =>
  c.body(new Uint8Array(ticketQrPng(c.req.param("ticket") ?? "")), 200, {
    "content-type": "image/png",
    // The same code always draws the same image.
    "cache-control": "public, max-age=31536000, immutable",
  }),
);

bind(app, metaOperations.getHealth, async () => ({ ok: true }));

export const handler = handle(app);
