import type { Server } from "node:http";
import * as sesLocalModule from "aws-ses-v2-local";

// A CommonJS module: its default export arrives as `.default` under ESM.
const sesLocal =
  (sesLocalModule.default as unknown as { default?: typeof sesLocalModule.default }).default ??
  sesLocalModule.default;

/**
 * The local SES endpoint: the real SES client sends to it, and people read what was sent
 * in its web viewer; tests read `/store` (login codes, for one).
 */
export async function startSes({ port }: { port: number }) {
  const server: Server = await sesLocal({ host: "127.0.0.1", port });
  // Node closes a connection idle for 5 s; the SES client may reuse it at that very moment and
  // get a reset, which it does not retry (the mail may have gone), so the letter waits for the
  // outbox job. Real SES keeps connections longer than a send burst's gaps; so does this one.
  server.keepAliveTimeout = 0;
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    viewerUrl: `http://localhost:${port}/`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
