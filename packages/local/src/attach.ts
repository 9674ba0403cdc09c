import { join } from "node:path";
import { readConfig, setConfig } from "@cluster/core/config";
import { ensureTable, startDynamoDb } from "./dynamodb";
import { localSecret, repoRoot } from "./embedded";
import { isPortFree } from "./ports";
import { startSes } from "./ses";

/**
 * For command-line tools (`npm run job`, `npm run report`, `npm run coordinator`): the running
 * portal's DynamoDB Local and SES when it is up (their ports are taken), else both started here
 * on the same `.data/` for as long as the command runs. DYNAMODB_ENDPOINT / SES_ENDPOINT win.
 */
export async function attachLocal() {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const dataDir = process.env.DATA_DIR ?? join(repoRoot, ".data/dynamodb");
  const dynamoPort = Number(process.env.DYNAMODB_PORT ?? 8000);
  const sesPort = Number(process.env.SES_PORT ?? 8005);
  const stops: (() => Promise<void>)[] = [];

  let dynamodbEndpoint = process.env.DYNAMODB_ENDPOINT;
  if (!dynamodbEndpoint && (await isPortFree(dynamoPort))) {
    const dynamo = await startDynamoDb({ port: dynamoPort, dataDir });
    stops.push(dynamo.stop);
    dynamodbEndpoint = dynamo.endpoint;
    await ensureTable(dynamo.client, process.env.TABLE_NAME ?? "cluster-local");
  }
  let sesEndpoint = process.env.SES_ENDPOINT;
  if (!sesEndpoint && (await isPortFree(sesPort))) {
    const ses = await startSes({ port: sesPort });
    stops.push(ses.stop);
    sesEndpoint = ses.endpoint;
  }
  setConfig({
    ...readConfig(process.env),
    tableName: process.env.TABLE_NAME ?? "cluster-local",
    region: "local",
    dynamodbEndpoint: dynamodbEndpoint ?? `http://127.0.0.1:${dynamoPort}`,
    sesEndpoint: sesEndpoint ?? `http://127.0.0.1:${sesPort}`,
    publicUrl: process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`,
    authSecret: localSecret(dataDir),
    production: false,
  });
  return {
    stop: async () => {
      for (const stop of stops.reverse()) await stop().catch(() => {});
    },
  };
}
