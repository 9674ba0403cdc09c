/**
 * `npm run bench`: p50/p99 latency of GET /api/members on the embedded portal with the 30 demo
 * members, under 50 concurrent connections on loopback. Measured twice: as deployed (directory
 * pages cached for a few seconds per instance) and with the cache off, so every request is a
 * DynamoDB Local Query. Bounded: a warm-up, then 10 seconds of load each.
 */
import autocannon from "autocannon";
import { setConfig } from "../packages/core/src/config";
import { startEmbedded } from "../packages/local/src/embedded";
import { freePort } from "../packages/local/src/ports";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

const portal = await startEmbedded({
  port: await freePort(),
  dynamoPort: await freePort(),
  sesPort: await freePort(),
  seed: true,
});
const url = `${portal.url}/api/members`;
try {
  const first = (await (await fetch(url)).json()) as { items: unknown[] };
  const all = (await (await fetch(`${url}?limit=100`)).json()) as { items: unknown[] };
  console.log(
    `GET /api/members: ${first.items.length} per page, ${all.items.length} members in the directory`,
  );

  // DynamoDB Local is a JVM: give its JIT a few seconds of the same load before measuring.
  setConfig({ ...portal.config, directoryCacheSeconds: 0 });
  await autocannon({ url, connections: CONNECTIONS, duration: 5 });
  for (const [label, cacheSeconds] of [
    ["as deployed (5 s directory cache)", 5],
    ["cache off (a Query per request)", 0],
  ] as const) {
    setConfig({ ...portal.config, directoryCacheSeconds: cacheSeconds });
    const { latency, requests, non2xx, errors } = await autocannon({
      url,
      connections: CONNECTIONS,
      duration: SECONDS,
    });
    console.log(
      `\n${label}: ${CONNECTIONS} connections, ${SECONDS} s, ${requests.total} requests (${Math.round(requests.average)}/s)`,
    );
    console.log(
      `  latency p50 ${latency.p50} ms, p90 ${latency.p90} ms, p99 ${latency.p99} ms, max ${latency.max} ms`,
    );
    console.log(`  non-2xx ${non2xx}, errors ${errors}`);
    if (non2xx || errors) process.exitCode = 1;
  }
} finally {
  await portal.stop();
}
