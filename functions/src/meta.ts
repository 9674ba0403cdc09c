import { config } from "@cluster/core/config";
import { areaOperations } from "./contracts";
import { bind, createPublicApp } from "./http/app";
import { handle } from "./http/lambda";
import { openApiDocument } from "./http/openapi";
import { operations } from "./http/operation";

export const app = createPublicApp();

const metaOperations = operations({
  openapi: {
    method: "get",
    path: "/api/openapi.json",
    summary: "This document",
    tag: "Служебное",
    access: "guest",
  },
  config: {
    method: "get",
    path: "/api/config",
    summary: "What the frontend needs to know about this deployment",
    tag: "Служебное",
    access: "guest",
  },
  health: { method: "get", path: "/api/health", summary: "Liveness", tag: "Служебное", access: "guest" },
});

let document: ReturnType<typeof openApiDocument> | undefined;

bind(app, metaOperations.openapi, async () => {
  document ??= openApiDocument([...areaOperations, ...Object.values(metaOperations)], {
    title: "Кластер НКО Калужской области — API",
    version: "1",
  });
  return document;
});

bind(app, metaOperations.config, async () => {
  const { mailViewerUrl, production } = config();
  return { stage: production ? "prod" : "dev", ...(mailViewerUrl ? { mailViewerUrl } : {}) };
});

bind(app, metaOperations.health, async () => ({ ok: true }));

export const handler = handle(app);
