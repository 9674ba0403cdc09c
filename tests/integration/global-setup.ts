import type { TestProject } from "vitest/node";
import { startEmbedded } from "../../packages/local/src/embedded";
import { freePort } from "../../packages/local/src/ports";
import { contractChecker } from "./contract-check";

/**
 * One embedded portal for the integration tests: DynamoDB Local in memory and the local SES
 * on free ports, the real API on a third. Tests talk to it over HTTP like the browser does.
 * Every response it sends is checked against its own OpenAPI document; the run fails on any
 * mismatch.
 */
export default async function setup(project: TestProject) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  process.env.COORDINATOR_EMAILS = "coordinator@test.example";
  // Every test client shares 127.0.0.1; the per-IP limit itself is tested through core directly.
  process.env.LOGIN_CODES_PER_IP_PER_HOUR = "100000";
  const port = await freePort();
  let checker: ReturnType<typeof contractChecker> | undefined;
  const portal = await startEmbedded({
    port,
    dynamoPort: await freePort(),
    sesPort: await freePort(),
    seed: true,
    observe: (exchange) => checker?.check(exchange),
  });
  checker = contractChecker((await (await fetch(`${portal.url}/api/openapi.json`)).json()) as never);
  // Test files may also call packages/core directly against the same table.
  Object.assign(process.env, {
    DYNAMODB_ENDPOINT: portal.dynamoEndpoint,
    SES_ENDPOINT: portal.sesEndpoint,
    S3_ENDPOINT: portal.s3Endpoint,
    S3_ACCESS_KEY_ID: portal.config.s3Credentials?.accessKeyId,
    S3_SECRET_ACCESS_KEY: portal.config.s3Credentials?.secretAccessKey,
    FILES_BUCKET: portal.config.filesBucket,
    TABLE_NAME: portal.config.tableName,
    AUTH_SECRET: portal.config.authSecret,
    AWS_REGION: "local",
  });
  project.provide("portalUrl", portal.url);
  project.provide("sesUrl", portal.sesEndpoint);
  project.provide("dynamoEndpoint", portal.dynamoEndpoint);
  project.provide("tableName", portal.config.tableName);
  project.provide("authSecret", portal.config.authSecret ?? "");
  return async () => {
    await portal.stop();
    const { responses, operations, of, unchecked, problems } = checker!.report();
    console.log(
      `OpenAPI contract: ${responses} responses of ${operations} of ${of} operations checked against /api/openapi.json` +
        (unchecked.length ? `; never called: ${unchecked.join(", ")}` : ""),
    );
    if (problems.length > 0) {
      // Vitest reports a teardown's error but would still exit 0.
      process.exitCode = 1;
      throw new Error(
        `${problems.length} responses do not match the OpenAPI document:\n${problems.join("\n")}`,
      );
    }
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    portalUrl: string;
    sesUrl: string;
    dynamoEndpoint: string;
    tableName: string;
    authSecret: string;
  }
}
