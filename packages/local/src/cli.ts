import { join } from "node:path";
import { Account } from "@cluster/core";
import { readConfig, setConfig } from "@cluster/core/config";
import { startDynamoDb } from "./dynamodb";
import { repoRoot } from "./embedded";
import { isPortFree } from "./ports";

/**
 * `npm run coordinator -- email`: gives an existing account the coordinator role. Uses the
 * running portal's DynamoDB when DYNAMODB_ENDPOINT is set, else opens `.data/` itself.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const email = process.argv[2]?.trim().toLowerCase();
if (!email?.includes("@")) {
  console.error("Укажите адрес: npm run coordinator -- person@example.org");
  process.exit(2);
}

const port = Number(process.env.DYNAMODB_PORT ?? 8000);
let stop = async () => {};
let endpoint = process.env.DYNAMODB_ENDPOINT;
if (!endpoint) {
  if (!(await isPortFree(port))) {
    console.error(
      `Порт ${port} занят: вероятно, портал запущен. Остановите его или укажите DYNAMODB_ENDPOINT=http://127.0.0.1:${port}`,
    );
    process.exit(1);
  }
  const dynamo = await startDynamoDb({ port, dataDir: join(repoRoot, ".data/dynamodb") });
  endpoint = dynamo.endpoint;
  stop = dynamo.stop;
}
setConfig({
  ...readConfig(process.env),
  tableName: process.env.TABLE_NAME ?? "cluster-local",
  region: "local",
  dynamodbEndpoint: endpoint,
});
const done = await Account.makeCoordinator(email);
await stop();
if (!done) {
  console.error(`Нет учётной записи ${email}: пусть человек сначала войдёт на портал, затем повторите.`);
  process.exit(1);
}
console.log(`${email} теперь координатор.`);
