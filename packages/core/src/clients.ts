import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { SESv2Client } from "@aws-sdk/client-sesv2";
import { GetParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { config } from "./config";

/** Local endpoints accept any credentials; real AWS takes them from the Lambda role. */
const localCredentials = { accessKeyId: "local", secretAccessKey: "local" };

/**
 * DynamoDB retries (ADR 015). The SDK's default (3 attempts, throttling backoff from 1 s) loses
 * 2.7% of calls when 30% are throttled and can sleep past a 10 s Lambda; this tries up to 8 times,
 * 50 ms doubling to 800 ms (half of it jittered), and starts no try later than 4 s after the first.
 * A shared quota (500; a throttled retry costs 5, a network one 10; a call that succeeds gives back
 * what it spent plus 1) stops retrying while DynamoDB is down, so requests fail fast then (503).
 */
const DYNAMO_ATTEMPTS = 8;
const BACKOFF_BASE_MS = 50;
const BACKOFF_CAP_MS = 800;
const CALL_BUDGET_MS = 4_000;
const QUOTA = 500;

interface RetryToken {
  count: number;
  spent: number;
  started: number;
  getRetryCount(): number;
  getRetryDelay(): number;
}

/**
 * SES: SendEmail is not idempotent, so only what SES surely did not take is retried (3 attempts):
 * throttling, a refused connection. A reset or timed-out request may have been sent: not repeated.
 */
const sesRetries = () => dynamoRetries(Math.random, 3, /^(ECONNREFUSED|THROTTLING)$/);

export function dynamoRetries(random = Math.random, attempts = DYNAMO_ATTEMPTS, only?: RegExp) {
  let capacity = QUOTA;
  const token = (count: number, spent: number, started: number, delay: number): RetryToken => ({
    count,
    spent,
    started,
    getRetryCount: () => count,
    getRetryDelay: () => delay,
  });
  return {
    mode: "standard",
    capacity: () => capacity,
    acquireInitialRetryToken: async () => token(0, 0, Date.now(), 0),
    refreshRetryTokenForRetry: async (previous: RetryToken, info: { errorType: string; error?: unknown }) => {
      const cost =
        only &&
        !only.test(info.errorType) &&
        !only.test((info.error as { code?: string } | undefined)?.code ?? "")
          ? 0
          : info.errorType === "THROTTLING"
            ? 5
            : info.errorType === "TRANSIENT"
              ? 10
              : 0;
      const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** previous.count);
      const delay = Math.floor(ceiling / 2 + (random() * ceiling) / 2);
      if (
        !cost ||
        previous.count + 1 >= attempts ||
        capacity < cost ||
        Date.now() + delay - previous.started > CALL_BUDGET_MS
      ) {
        throw new Error("No retry token available");
      }
      capacity -= cost;
      return token(previous.count + 1, previous.spent + cost, previous.started, delay);
    },
    recordSuccess: (done: RetryToken) => {
      capacity = Math.min(QUOTA, capacity + done.spent + 1);
    },
  };
}

let dynamo: DynamoDBDocumentClient | undefined;
let ses: SESv2Client | undefined;

export function documentClient(): DynamoDBDocumentClient {
  if (!dynamo) {
    const { region, dynamodbEndpoint, dynamodbConnectTimeoutMs } = config();
    const client = new DynamoDBClient({
      region,
      ...(dynamodbEndpoint ? { endpoint: dynamodbEndpoint, credentials: localCredentials } : {}),
      maxAttempts: DYNAMO_ATTEMPTS,
      retryStrategy: dynamoRetries(),
      requestHandler: {
        connectionTimeout: dynamodbConnectTimeoutMs,
        requestTimeout: 3_000,
        throwOnRequestTimeout: true,
        // The SDK's pool of 50 sockets queues the rest, and the wait counts against the connection
        // timeout: in one process serving many people (the local portal, a rush of registrations)
        // queued calls failed as unreachable. A Lambda makes one request's calls at a time.
        httpAgent: { keepAlive: true, maxSockets: 256 },
        httpsAgent: { keepAlive: true, maxSockets: 256 },
      },
    });
    dynamo = DynamoDBDocumentClient.from(client, {
      marshallOptions: { removeUndefinedValues: true },
    });
  }
  return dynamo;
}

export function sesClient(): SESv2Client {
  if (!ses) {
    const { region, sesEndpoint } = config();
    ses = new SESv2Client({
      region,
      ...(sesEndpoint ? { endpoint: sesEndpoint, credentials: localCredentials } : {}),
      maxAttempts: 3,
      retryStrategy: sesRetries(),
      // A hung endpoint must not hold a request or a job.
      requestHandler: { connectionTimeout: 1_000, requestTimeout: 5_000, throwOnRequestTimeout: true },
    });
  }
  return ses;
}

let secret: Promise<string> | undefined;

/**
 * The login-code key. On AWS it is an SSM SecureString read once per cold start, so it never
 * sits in the function's environment; locally and in tests it is passed as AUTH_SECRET.
 */
export function authSecret(): Promise<string> {
  secret ??= (async () => {
    const { authSecret: value, authSecretParameter, region } = config();
    if (value) return value;
    if (authSecretParameter) {
      const ssm = new SSMClient({ region });
      const { Parameter } = await ssm.send(
        new GetParameterCommand({ Name: authSecretParameter, WithDecryption: true }),
      );
      if (Parameter?.Value) return Parameter.Value;
    }
    throw new Error("AUTH_SECRET or AUTH_SECRET_PARAMETER must be set");
  })();
  return secret;
}
