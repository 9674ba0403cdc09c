import { Agent, createServer, type IncomingMessage, request, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * Shares (0..1) of requests the proxy spoils instead of passing on untouched; the rest are
 * forwarded. One roll per request, in this order: fail, throttle, drop, slow, lose.
 */
export interface Faults {
  /** Answered with the service's throttling error; the request never reaches the service. */
  throttle?: number;
  /** The connection is destroyed before the request is forwarded (the SDK sees a reset socket). */
  drop?: number;
  /** Forwarded after `slowMs`; if the client gave up meanwhile, not forwarded at all. */
  slow?: number;
  slowMs?: number;
  /** Answered with the service's internal error (HTTP 500): the service refused, nothing done. */
  fail?: number;
  /** Forwarded, but the service's reply is replaced by a reset connection: done, yet not known. */
  lose?: number;
}

export interface FaultCounts {
  requests: number;
  forwarded: number;
  throttled: number;
  dropped: number;
  slowed: number;
  lost: number;
  failed: number;
  /** Forwarding failed because the service itself was down (the client's socket is reset). */
  unreachable: number;
}

/** What the service answers when it throttles: the SDK must recognise it and retry. */
const throttlings = {
  // DynamoDB (JSON 1.0): both throttling types DynamoDB sends, alternately.
  dynamodb: [
    {
      status: 400,
      headers: { "content-type": "application/x-amz-json-1.0" },
      body: {
        __type: "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
        message: "The level of configured provisioned throughput for the table was exceeded.",
      },
    },
    {
      status: 400,
      headers: { "content-type": "application/x-amz-json-1.0" },
      body: {
        __type: "com.amazon.coral.availability#ThrottlingException",
        message: "Rate of requests exceeds the allowed throughput.",
      },
    },
  ],
  // SES v2 (REST JSON): the error type travels in a header.
  ses: [
    {
      status: 429,
      headers: { "content-type": "application/json", "x-amzn-errortype": "TooManyRequestsException" },
      body: { message: "Maximum sending rate exceeded." },
    },
  ],
} as const;

/**
 * An HTTP proxy in front of DynamoDB Local or the local SES that spoils a chosen share of
 * requests, so the real SDK clients meet throttling, dropped connections and slow replies and
 * their retry logic runs. The shares change at run time (`set`), between phases of a test.
 */
export async function startFaultProxy({
  target,
  service,
  port = 0,
}: {
  /** The real endpoint, e.g. http://127.0.0.1:8000. */
  target: string;
  service: keyof typeof throttlings;
  port?: number;
}) {
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  let faults: Required<Faults> = { throttle: 0, drop: 0, slow: 0, slowMs: 0, lose: 0, fail: 0 };
  const counts: FaultCounts = {
    requests: 0,
    forwarded: 0,
    throttled: 0,
    dropped: 0,
    slowed: 0,
    lost: 0,
    failed: 0,
    unreachable: 0,
  };
  let throttleTurn = 0;
  const sockets = new Set<Socket>();

  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer, lose = false) => {
    if (req.socket.destroyed) return;
    counts.forwarded++;
    const outgoing = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
        agent,
      },
      (reply) => {
        if (lose) {
          reply.resume();
          req.socket.destroy();
          return;
        }
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      },
    );
    outgoing.on("error", () => {
      counts.unreachable++;
      req.socket.destroy();
    });
    outgoing.end(body);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      counts.requests++;
      const body = Buffer.concat(chunks);
      const { throttle, drop, slow, slowMs, lose, fail } = faults;
      const roll = Math.random();
      if (roll < fail) {
        counts.failed++;
        res.writeHead(500, {
          "content-type": "application/json",
          "x-amzn-errortype": service === "ses" ? "InternalFailure" : "InternalServerError",
        });
        res.end(JSON.stringify({ __type: "InternalServerError", message: "Internal failure" }));
        return;
      }
      if (roll < fail + throttle) {
        counts.throttled++;
        const kinds = throttlings[service];
        const answer = kinds[throttleTurn++ % kinds.length]!;
        res.writeHead(answer.status, { ...answer.headers, "x-amzn-requestid": `fault-${counts.requests}` });
        res.end(JSON.stringify(answer.body));
        return;
      }
      if (roll < fail + throttle + drop) {
        counts.dropped++;
        req.socket.destroy();
        return;
      }
      if (roll < fail + throttle + drop + slow) {
        counts.slowed++;
        setTimeout(() => forward(req, res, body), slowMs);
        return;
      }
      if (roll < fail + throttle + drop + slow + lose) {
        counts.lost++;
        forward(req, res, body, true);
        return;
      }
      forward(req, res, body);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${bound}`,
    counts,
    /** Replaces the faults (absent shares are 0); returns the counts so far and zeroes them. */
    set(next: Faults) {
      faults = { throttle: 0, drop: 0, slow: 0, slowMs: 1_000, lose: 0, fail: 0, ...next };
      const before = { ...counts };
      for (const key of Object.keys(counts) as (keyof FaultCounts)[]) counts[key] = 0;
      return before;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        agent.destroy();
        server.close(() => resolve());
      }),
  };
}

export type FaultProxy = Awaited<ReturnType<typeof startFaultProxy>>;
