/** What the benchmarks share: a deterministic generator, timing, and a record of DynamoDB reads. */
import { documentClient } from "../packages/core/src/clients";

/** A small deterministic generator (mulberry32): the same table on every run. */
export function seeded(seed: number) {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  return { random, pick };
}

/** Batch writes (ElectroDB splits them into 25s); nothing may be left unprocessed. */
export async function putAll<T>(write: (items: T[]) => Promise<{ unprocessed: unknown[] }>, items: T[]) {
  const { unprocessed } = await write(items);
  if (unprocessed.length) throw new Error(`${unprocessed.length} items were not written`);
}

export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;

/**
 * Raw DynamoDB work (`call`: SDK commands, no API) made by `connections` callers back to back for
 * `seconds`: what an API route under the same load adds to. p50/p99 in ms and how many calls.
 */
export async function rawLoad(call: () => Promise<unknown>, connections: number, seconds: number) {
  const spent: number[] = [];
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const start = performance.now();
        await call();
        spent.push(performance.now() - start);
      }
    }),
  );
  spent.sort((a, b) => a - b);
  return { p50: percentile(spent, 0.5), p99: percentile(spent, 0.99), count: spent.length };
}

// biome-ignore lint/suspicious/noExplicitAny: any command of the DocumentClient
type AnyCommand = any;

/** One SDK command, raw. */
export const send = (command: AnyCommand) => documentClient().send(command);

/**
 * A Query's pages, raw, as ElectroDB reads a filtered page: following LastEvaluatedKey until
 * `count` items came back or the partition ended. Returns how many came back.
 */
export async function sendFilling(
  command: (startKey?: Record<string, unknown>) => AnyCommand,
  count: number,
) {
  let returned = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const output = (await send(command(startKey))) as {
      Items?: unknown[];
      LastEvaluatedKey?: Record<string, unknown>;
    };
    returned += output.Items?.length ?? 0;
    startKey = output.LastEvaluatedKey;
  } while (returned < count && startKey);
  return returned;
}

/** p50/p99 of `times` sequential runs. */
export async function timed(times: number, run: () => Promise<unknown>) {
  const spent: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await run();
    spent.push(performance.now() - start);
  }
  spent.sort((a, b) => a - b);
  const ms = (value: number) => value.toFixed(1);
  return `p50 ${ms(percentile(spent, 0.5))} ms, p99 ${ms(percentile(spent, 0.99))} ms (${times} sequential calls)`;
}

/** One Query the core sent while recording, with the capacity DynamoDB says it consumed. */
export interface Read {
  count: number;
  scanned: number;
  capacity: number | undefined;
  limit: number | undefined;
}

let recording: Read[] | undefined;
/** Queries still running from a load test, which must not be counted as the page's. */
let inFlight = 0;

/** Hooks the portal's DocumentClient (call once startEmbedded has set the endpoint). */
export function recordQueries() {
  documentClient().middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== "QueryCommand") return next(args);
      if (!recording) {
        inFlight++;
        return next(args).finally(() => inFlight--);
      }
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity = "TOTAL";
      const result = await next(args);
      const output = result.output as {
        Count?: number;
        ScannedCount?: number;
        ConsumedCapacity?: { CapacityUnits?: number };
      };
      recording.push({
        count: output.Count ?? 0,
        scanned: output.ScannedCount ?? 0,
        capacity: output.ConsumedCapacity?.CapacityUnits,
        limit: input.Limit as number | undefined,
      });
      return result;
    },
    { step: "initialize", name: "benchConsumedCapacity", priority: "high" },
  );
}

/** Waits until the requests a load test left queued in the portal have finished. */
export async function quiet() {
  const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  await settle(500);
  while (inFlight > 0) await settle(50);
}

/** The Queries `run` sends, counted once the portal is quiet. */
export async function reads(run: () => Promise<unknown>) {
  await quiet();
  recording = [];
  try {
    await run();
    return recording;
  } finally {
    recording = undefined;
  }
}

export const describeReads = (list: Read[]) =>
  `${list.length} Query call(s), ${list.map((r) => `${r.count} items returned of ${r.scanned} read, ${r.capacity ?? "no ConsumedCapacity"} RCU${r.limit ? ` (Limit ${r.limit})` : " (no Limit)"}`).join("; ")}`;
