import { config } from "@cluster/core/config";
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

bind(app, metaOperations.getHealth, async () => ({ ok: true }));

export const handler = handle(app);
