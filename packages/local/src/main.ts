import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { preflight, repoRoot, startEmbedded } from "./embedded";
import { StartupProblem } from "./problems";

// The SDK is pinned to a version that runs on Node 20 (see README); its notice about later versions is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const started = Date.now();
const port = Number(process.env.PORT ?? 3000);
const line = (text: string) => console.log(`  ${text}`);

function buildFrontendIfNeeded() {
  if (existsSync(join(repoRoot, "frontend/dist/index.html")) && !process.env.REBUILD_WEB) {
    line("Фронтенд        собран ранее (frontend/dist; пересобрать: npm run build:web)");
    return;
  }
  line("Фронтенд        сборка…");
  const result = spawnSync("npm", ["run", "build", "--workspace", "frontend"], {
    cwd: repoRoot,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (result.status !== 0) throw new StartupProblem("Не удалось собрать фронтенд (npm run build:web)");
  line("Фронтенд        собран в frontend/dist");
}

async function main() {
  console.log("Кластер НКО Калужской области — локальный запуск\n");
  const ports = {
    port,
    dynamoPort: Number(process.env.DYNAMODB_PORT ?? 8000),
    sesPort: Number(process.env.SES_PORT ?? 8005),
    s3Port: Number(process.env.S3_PORT ?? 8006),
  };
  await preflight(ports);
  buildFrontendIfNeeded();
  const portal = await startEmbedded({
    ...ports,
    dataDir: process.env.DATA_DIR ?? join(repoRoot, ".data/dynamodb"),
    filesDir: process.env.FILES_DIR ?? join(repoRoot, ".data/files"),
    seed: process.env.SEED !== "0",
    log: line,
    jobs: true,
  });
  line(`Портал          ${portal.url}  (API: ${portal.url}/api/openapi.json)`);
  console.log(`\nГотово за ${((Date.now() - started) / 1000).toFixed(1)} с. Ctrl-C — остановить.`);

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log("\nОстанавливаю…");
    await portal.stop();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((error) => {
  if (error instanceof StartupProblem) {
    console.error(`\nНе удалось запустить портал: ${error.message}`);
  } else {
    console.error("\nНе удалось запустить портал:", error);
  }
  process.exit(1);
});
