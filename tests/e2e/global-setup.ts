import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { repoRoot, startEmbedded } from "../../packages/local/src/embedded";
import { freePort } from "../../packages/local/src/ports";

export const E2E_COORDINATOR = "coordinator@e2e.example";

/** A fresh embedded portal (in-memory table, demo data) serving the built frontend. */
export default async function setup(project: TestProject) {
  if (!existsSync(`${repoRoot}/frontend/dist/index.html`)) {
    throw new Error("Build the frontend first: npm run build:web (npm run test:e2e does it)");
  }
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  process.env.COORDINATOR_EMAILS = E2E_COORDINATOR;
  process.env.LOGIN_CODES_PER_IP_PER_HOUR = "100000";
  const portal = await startEmbedded({
    port: await freePort(),
    dynamoPort: await freePort(),
    sesPort: await freePort(),
    seed: true,
  });
  project.provide("portalUrl", portal.url);
  project.provide("sesUrl", portal.sesEndpoint);
  project.provide("runId", `${process.pid}-${Date.now()}`);
  return portal.stop;
}

declare module "vitest" {
  export interface ProvidedContext {
    portalUrl: string;
    sesUrl: string;
    runId: string;
  }
}
