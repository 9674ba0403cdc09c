import { db } from "@cluster/core/db/service";
import { consent } from "@cluster/core/reference";
import * as Clock from "@cluster/core/shared/clock";
import { ulid } from "@cluster/core/shared/ulid";
import { describe, expect, it } from "vitest";
import { portalUrl } from "./client";

const TRIES = 200;
const MAX_MEDIAN_GAP_MS = 20;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Accounts made straight in the table: the code flow for each would cost a login apiece. */
async function knownAccounts(count: number, run: string) {
  const { account, accountEmail } = db().entities;
  const emails = Array.from({ length: count }, (_, i) => `known.${run}.${i}@timing.example`);
  for (let i = 0; i < emails.length; i += 25) {
    await Promise.all(
      emails.slice(i, i + 25).map(async (email) => {
        const id = ulid();
        await account
          .create({
            id,
            email,
            name: "Проверка Временная",
            consentVersion: consent.version,
            consentAt: Clock.nowIso(),
          })
          .go();
        await accountEmail.create({ email, accountId: id }).go();
      }),
    );
  }
  return emails;
}

async function timedCodeRequest(email: string) {
  const started = performance.now();
  const response = await fetch(`${portalUrl()}/api/auth/code`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: portalUrl() },
    body: JSON.stringify({ email }),
  });
  const body = await response.text();
  return { ms: performance.now() - started, status: response.status, body };
}

describe("login code requests", () => {
  it(`take the same time for known and unknown addresses (medians within ${MAX_MEDIAN_GAP_MS} ms over ${TRIES} each)`, async () => {
    const run = Date.now().toString(36);
    const known = await knownAccounts(TRIES, run);
    const unknown = Array.from({ length: TRIES }, (_, i) => `nobody.${run}.${i}@timing.example`);

    // Warm both paths (connections, JIT) before measuring.
    for (let i = 0; i < 5; i++) {
      await timedCodeRequest(`warm.known.${run}.${i}@timing.example`);
    }

    const times = { known: [] as number[], unknown: [] as number[] };
    const answers = new Set<string>();
    for (let i = 0; i < TRIES; i++) {
      // Interleaved, and each kind goes first in half the pairs, so drift hits both alike.
      const order = i % 2 ? (["known", "unknown"] as const) : (["unknown", "known"] as const);
      for (const kind of order) {
        const email = kind === "known" ? known[i]! : unknown[i]!;
        const { ms, status, body } = await timedCodeRequest(email);
        expect(status, `${kind} ${email}: ${body}`).toBe(202);
        answers.add(body);
        times[kind].push(ms);
      }
    }
    // Byte-for-byte the same answer, whoever asks.
    expect([...answers]).toHaveLength(1);

    const medians = { known: median(times.known), unknown: median(times.unknown) };
    console.log(
      `login code, median over ${TRIES} each: known ${medians.known.toFixed(1)} ms, ` +
        `unknown ${medians.unknown.toFixed(1)} ms, gap ${Math.abs(medians.known - medians.unknown).toFixed(1)} ms`,
    );
    expect(Math.abs(medians.known - medians.unknown)).toBeLessThan(MAX_MEDIAN_GAP_MS);
  }, 300_000);
});
