/**
 * Runtime configuration, read from the environment in this one place. Runtime code never
 * imports sst/node, so the same code runs on Lambda, locally and against any DynamoDB- or
 * SES-compatible endpoint (152-FZ may require one hosted in Russia).
 */
export interface Config {
  tableName: string;
  region: string;
  dynamodbEndpoint?: string;
  /**
   * How long a new connection to DynamoDB may take: a second, so that an unreachable table fails
   * fast (ADR 015). A local DynamoDB on a busy machine accepts a burst of connections slower.
   */
  dynamodbConnectTimeoutMs: number;
  sesEndpoint?: string;
  /** The private bucket of uploaded files (materials); on AWS from the Files stack. */
  filesBucket: string;
  /** An S3-compatible endpoint (the local one, or a Russian cloud's), addressed path-style. */
  s3Endpoint?: string;
  /** Keys for that endpoint (on AWS the function's role signs instead). */
  s3Credentials?: { accessKeyId: string; secretAccessKey: string };
  mailFrom: string;
  /** Where people open the portal: links in mail and the allowed Origin for writes. */
  publicUrl: string;
  coordinatorEmails: string[];
  /** Keys the login-code HMAC. Set directly, or read from SSM by name on Lambda (see authSecret). */
  authSecret?: string;
  authSecretParameter?: string;
  /** Development only: the local mail viewer, shown as a link in the portal. */
  mailViewerUrl?: string;
  /** Login codes one IP address may request an hour: a whole NGO office may share one address. */
  codesPerIpPerHour: number;
  /** How long one instance may serve a directory page from memory. */
  directoryCacheSeconds: number;
  /** How long a consultation question may stay untaken before it is assigned round-robin. */
  autoAssignHours: number;
  /** Digests SES may take a second (the account's sending rate). */
  digestSendRate: number;
  /** Digests stop by themselves after this many days without an open, a click or a visit. */
  digestInactiveDays: number;
  /** Which coordinator reports are mailed: "weekly" (Mondays), "monthly" (the 1st), both or none. */
  reportSchedule: ("weekly" | "monthly")[];
  production: boolean;
}

const list = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    tableName: env.TABLE_NAME ?? "cluster",
    region: env.AWS_REGION ?? "eu-central-1",
    dynamodbEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    dynamodbConnectTimeoutMs: Number(env.DYNAMODB_CONNECT_TIMEOUT_MS ?? 1000),
    sesEndpoint: env.SES_ENDPOINT || undefined,
    filesBucket: env.FILES_BUCKET ?? "cluster-files",
    s3Endpoint: env.S3_ENDPOINT || undefined,
    s3Credentials:
      env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
        : undefined,
    mailFrom: env.MAIL_FROM ?? "Кластер НКО Калужской области <noreply@localhost>",
    publicUrl: (env.PUBLIC_URL ?? "http://localhost:3000").replace(/\/$/, ""),
    coordinatorEmails: list(env.COORDINATOR_EMAILS),
    authSecret: env.AUTH_SECRET || undefined,
    authSecretParameter: env.AUTH_SECRET_PARAMETER || undefined,
    mailViewerUrl: env.MAIL_VIEWER_URL || undefined,
    codesPerIpPerHour: Number(env.LOGIN_CODES_PER_IP_PER_HOUR ?? 100),
    directoryCacheSeconds: Number(env.DIRECTORY_CACHE_SECONDS ?? 5),
    autoAssignHours: Number(env.AUTO_ASSIGN_HOURS ?? 24),
    digestSendRate: Number(env.DIGEST_SEND_RATE ?? 14),
    digestInactiveDays: Number(env.DIGEST_INACTIVE_DAYS ?? 180),
    reportSchedule: list(env.REPORT_SCHEDULE ?? "weekly,monthly").filter(
      (name): name is "weekly" | "monthly" => name === "weekly" || name === "monthly",
    ),
    production: env.STAGE === "prod" || env.NODE_ENV === "production",
  };
}

let current: Config | undefined;

export function config(): Config {
  current ??= readConfig();
  return current;
}

/** For the local server and tests, which start their endpoints before the first request. */
export function setConfig(next: Config) {
  current = next;
}
