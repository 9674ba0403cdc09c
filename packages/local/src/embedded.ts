import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { readConfig, setConfig } from "@cluster/core/config";
import { jobs } from "@cluster/functions/jobs/schedule";
import { ensureTable, JAVA_MISSING, javaVersion, startDynamoDb } from "./dynamodb";
import { freePort, isPortFree } from "./ports";
import { StartupProblem } from "./problems";
import { localS3Credentials, startS3 } from "./s3";
import { seedDemo } from "./seed";
import { type ApiObserver, createPortalApp, listen } from "./server";
import { startSes } from "./ses";

export const repoRoot = resolve(import.meta.dirname, "../../..");

export interface EmbeddedOptions {
  port: number;
  dynamoPort: number;
  sesPort: number;
  /** The local S3's port; a free one when absent (tests, benchmarks). */
  s3Port?: number;
  /** Where DynamoDB Local keeps its files; in memory when absent. */
  dataDir?: string;
  /** Where the local S3 keeps uploaded files; a temporary directory when absent. */
  filesDir?: string;
  seed: boolean;
  /** Called once per part as it starts. */
  log?: (line: string) => void;
  /** Run the scheduled jobs (functions/src/jobs/schedule.ts) on their local timers. */
  jobs?: boolean;
  /**
   * Where the portal reaches DynamoDB and SES, when not directly: the fault tests put a proxy
   * (./fault-proxy.ts) in front of the local services. Called once the services are up.
   */
  via?: (direct: { dynamodb: string; ses: string }) => Promise<{ dynamodb?: string; ses?: string }>;
  /** Shown every API response, as sent: the integration tests check each against the OpenAPI document. */
  observe?: ApiObserver;
}

/** AUTH_SECRET for this machine: made once, kept beside the data so sessions survive restarts. */
export function localSecret(dataDir?: string) {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (!dataDir) return randomBytes(32).toString("base64url");
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

/** What a person can fix before anything starts: a missing Java, a taken port. */
export async function preflight(
  options: Pick<EmbeddedOptions, "port" | "dynamoPort" | "sesPort" | "s3Port">,
) {
  for (const [what, port] of [
    ["портал", options.port],
    ["DynamoDB Local", options.dynamoPort],
    ["SES", options.sesPort],
    ["S3", options.s3Port],
  ] as const) {
    if (port !== undefined && !(await isPortFree(port))) {
      throw new StartupProblem(
        `Порт ${port} (${what}) занят другой программой. Остановите её или выберите другой порт: ` +
          "PORT=3001 npm start (порты DynamoDB, SES и S3: DYNAMODB_PORT, SES_PORT, S3_PORT).",
      );
    }
  }
  if (!javaVersion()) throw new StartupProblem(JAVA_MISSING);
}

/**
 * Everything the portal needs on one machine: DynamoDB Local, the local SES endpoint, every
 * API area and the built frontend on one port. The same code the Lambdas run, real SDK
 * clients, real local servers.
 */
export async function startEmbedded(options: EmbeddedOptions) {
  const log = options.log ?? (() => {});
  await preflight(options);

  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch(() => {});
  };
  try {
    let dynamo = await startDynamoDb({ port: options.dynamoPort, dataDir: options.dataDir });
    stops.push(() => dynamo.stop());
    log(
      `DynamoDB Local   ${dynamo.endpoint}  (Java ${dynamo.java}; данные: ${options.dataDir ?? "в памяти"})`,
    );

    const ses = await startSes({ port: options.sesPort });
    stops.push(ses.stop);
    log(`Почта (SES)      ${ses.endpoint}  (письма: ${ses.viewerUrl})`);

    const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${options.port}`;
    const filesBucket = process.env.FILES_BUCKET ?? "cluster-files";
    const s3 = await startS3({
      port: options.s3Port ?? (await freePort()),
      bucket: filesBucket,
      dataDir: options.filesDir,
      origin: publicUrl,
    });
    stops.push(s3.stop);
    log(
      `Файлы (S3)       ${s3.endpoint}  (бакет ${filesBucket}; данные: ${options.filesDir ?? "временные"})`,
    );

    const via = (await options.via?.({ dynamodb: dynamo.endpoint, ses: ses.endpoint })) ?? {};
    const config = {
      ...readConfig(process.env),
      tableName: process.env.TABLE_NAME ?? "cluster-local",
      region: "local",
      dynamodbEndpoint: via.dynamodb ?? dynamo.endpoint,
      sesEndpoint: via.ses ?? ses.endpoint,
      filesBucket,
      s3Endpoint: s3.endpoint,
      s3Credentials: localS3Credentials,
      publicUrl,
      mailViewerUrl: ses.viewerUrl,
      authSecret: localSecret(options.dataDir),
      production: false,
    };
    setConfig(config);
    const created = await ensureTable(dynamo.client, config.tableName);
    log(`Таблица          ${config.tableName} (${created ? "создана" : "уже есть"})`);

    let coordinator: string | undefined;
    if (options.seed) {
      const result = await seedDemo();
      coordinator = result.coordinator;
      log(
        result.history
          ? `Демо-данные      26 муниципалитетов, сферы, 30 демо-организаций, 13 объявлений Банка ресурсов; за год: ${result.history.questions} вопросов, ${result.history.handovers} передач ресурсов, ${result.history.digests} дайджестов, ${result.history.events} мероприятий, ${result.history.materials} материалов библиотеки`
          : "Демо-данные      уже загружены",
      );
      // Every role a newcomer may try; the login code arrives in the mail viewer.
      log(`Войти как        координатор: ${coordinator}`);
      log(`                 эксперт: ${result.people.expert}`);
      log(`                 орган власти: ${result.people.official}`);
      log(`                 представитель НКО: ${result.people.member}`);
    }

    const webRoot = relative(process.cwd(), join(repoRoot, "frontend/dist")) || ".";
    const server = await listen(createPortalApp(webRoot, options.observe), options.port);
    stops.push(server.close);

    if (options.jobs) {
      for (const job of jobs) {
        const { handler } = (await import(join(repoRoot, job.entry))) as { handler: () => Promise<unknown> };
        const timer = setInterval(() => {
          handler().catch((error) => console.error(`job ${job.name} failed:`, error));
        }, job.localEveryMinutes * 60_000);
        stops.push(async () => clearInterval(timer));
      }
      log(
        `Задания          ${jobs.map((job) => `${job.name} раз в ${job.localEveryMinutes} мин`).join(", ")}`,
      );
    }

    return {
      url: publicUrl,
      dynamoEndpoint: dynamo.endpoint,
      sesEndpoint: ses.endpoint,
      s3Endpoint: s3.endpoint,
      config,
      coordinator,
      /** DynamoDB Local alone, stopped and started again on the same port and data (an outage). */
      dynamoDb: {
        stop: () => dynamo.stop(),
        start: async () => {
          dynamo = await startDynamoDb({ port: options.dynamoPort, dataDir: options.dataDir });
        },
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
