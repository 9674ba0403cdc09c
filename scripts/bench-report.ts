/**
 * `npm run bench:report` (also part of `npm run bench`): a monthly coordinator report over a table
 * of 50,000 items, against DynamoDB Local (ADR 014).
 *
 * The table holds a year of a busy cluster, spread evenly over the twelve months before the
 * report: 1,550 organisations (applied over three years; approved, pending and rejected), 15,000
 * published and 2,085 draft listings, 8,000 request–offer pairs, 8,000 handovers, 15,000
 * consultation questions (experts and 20 authority bodies) and 365 days of digest counters. It is
 * written straight into the table with the core's entities, by a seeded generator, so every run
 * measures the same data.
 *
 * Printed: the report's total time (figures, then the CSV and XLSX the job attaches), the DynamoDB
 * requests it made with the items they returned and the read capacity DynamoDB says they used,
 * and the peak memory of the process while the report ran; then the same for the dashboard's
 * twelve-month series.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { Actor } from "../packages/core/src/actor";
import { db } from "../packages/core/src/db/service";
import { db as digestDb } from "../packages/core/src/digest/store";
import {
  municipalities,
  type OrganisationKind,
  type ResourceCategory,
  resourceCategoryIds,
} from "../packages/core/src/reference";
import { build, series } from "../packages/core/src/report/figures";
import { reportFile } from "../packages/core/src/report/files";
import { addDays, lastMonths } from "../packages/core/src/report/periods";
import { moscowToday } from "../packages/core/src/shared/dates";
import { ulid } from "../packages/core/src/shared/ulid";
import { startEmbedded } from "../packages/local/src/embedded";
import { freePort } from "../packages/local/src/ports";
import { putAll, reads, recordQueries, seeded } from "./bench-kit";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const DAY = 86_400_000;
const counts = {
  organisations: 1_550,
  listings: 15_000,
  drafts: 2_085,
  matches: 8_000,
  handovers: 8_000,
  questions: 15_000,
  days: 365,
};
const BODIES = 20;
const TOTAL = Object.values(counts).reduce((sum, count) => sum + count, 0);

const { random, pick } = seeded(0x0e9_2026);
const today = moscowToday();
/** The report: the last whole month, as the job mails it on the 1st. */
const month = lastMonths(today, 2)[0] as { from: string; to: string };
const yearStart = Date.parse(`${addDays(month.to, -364)}T00:00:00+03:00`);
const inYear = () => yearStart + Math.floor(random() * 365 * DAY);
const iso = (ms: number) => new Date(ms).toISOString();
const kinds: OrganisationKind[] = ["ngo", "ngo", "ngo", "ngo", "business", "media", "expert"];

function organisations() {
  return Array.from({ length: counts.organisations }, (_, index) => {
    const created = yearStart - 2 * 365 * DAY + Math.floor(random() * 3 * 365 * DAY);
    const roll = random();
    const status: "approved" | "pending" | "rejected" =
      roll < 0.9 ? "approved" : roll < 0.96 ? "pending" : "rejected";
    const name = `Организация ${index + 1}`;
    return {
      id: ulid(created),
      kind: index < BODIES ? ("authority" as const) : pick(kinds),
      name,
      sortName: name.toLowerCase(),
      searchText: name.toLowerCase(),
      spheres: ["social-services"],
      municipality: pick(municipalities).id,
      description: "Организация для замера отчёта координатора.",
      contacts: {},
      status,
      approvedAt: status === "approved" ? iso(created + Math.floor(random() * 10 * DAY)) : undefined,
      createdAt: iso(created),
    };
  });
}

function listings(ownerId: string) {
  const base = {
    kind: "offer" as const,
    title: "Зал для встреч",
    description: "Замер отчёта координатора",
    searchText: "зал для встреч",
    place: "kaluga",
    availableFrom: "2026-01-01",
    closesOn: "9999-12-31",
    conditions: "free" as const,
    ownerKey: `org#${ownerId}`,
    ownerName: "Организация",
    accountId: "bench",
  };
  const published = Array.from({ length: counts.listings }, () => {
    const at = inYear();
    return {
      ...base,
      id: ulid(at),
      category: pick(resourceCategoryIds),
      status: pick(["withdrawn", "fulfilled", "expired"] as const),
      publishedAt: iso(at),
      createdAt: iso(at - 3_600_000),
    };
  });
  const drafts = Array.from({ length: counts.drafts }, () => {
    const at = inYear();
    return {
      ...base,
      id: ulid(at),
      category: pick(resourceCategoryIds),
      status: "draft" as const,
      createdAt: iso(at),
    };
  });
  return [...published, ...drafts];
}

const sampleMemory = () => {
  const peak = { rss: 0, heap: 0 };
  const take = () => {
    const { rss, heapUsed } = process.memoryUsage();
    peak.rss = Math.max(peak.rss, rss);
    peak.heap = Math.max(peak.heap, heapUsed);
  };
  take();
  const timer = setInterval(take, 2);
  return () => {
    clearInterval(timer);
    take();
    return peak;
  };
};

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

// A collection before each measurement, so the baseline is live data, not the seed's garbage.
setFlagsFromString("--expose_gc");
const collectGarbage = runInNewContext("gc") as () => void;

async function measure(label: string, run: () => Promise<unknown>) {
  collectGarbage();
  const before = process.memoryUsage();
  let spent = 0;
  let peak = { rss: 0, heap: 0 };
  const queries = await reads(async () => {
    const stopSampling = sampleMemory();
    const started = performance.now();
    await run();
    spent = performance.now() - started;
    peak = stopSampling();
  });
  const items = queries.reduce((sum, query) => sum + query.count, 0);
  const capacity = queries.reduce((sum, query) => sum + (query.capacity ?? 0), 0);
  console.log(`\n${label}`);
  console.log(`  total time ${(spent / 1000).toFixed(2)} s`);
  console.log(
    `  DynamoDB requests: ${queries.length} Query calls (pages), ${items} items returned, ${capacity.toFixed(1)} RCU consumed (eventually consistent)`,
  );
  console.log(
    `  peak memory: JS heap ${mb(peak.heap)}, ${mb(peak.heap - before.heapUsed)} above the heap before the run; ` +
      `process RSS ${mb(peak.rss)} (the embedded portal included; DynamoDB Local is its own JVM)`,
  );
}

/** Writes the year of data; its arrays go out of scope after, so they do not count as the report's memory. */
async function seed() {
  const started = performance.now();
  const { organisation, listing, match, contribution, questionStat } = db().entities;
  const orgs = organisations();
  const bodies = orgs.filter((org) => org.kind === "authority");
  await putAll((items) => organisation.put(items).go({ concurrency: 8 }), orgs);
  await putAll((items) => listing.put(items).go({ concurrency: 8 }), listings(orgs[0]!.id));
  await putAll(
    (items) => match.put(items).go({ concurrency: 8 }),
    Array.from({ length: counts.matches }, () => ({
      requestId: ulid(),
      offerId: ulid(),
      createdAt: iso(inYear()),
    })),
  );
  await putAll(
    (items) => contribution.put(items).go({ concurrency: 8 }),
    Array.from({ length: counts.handovers }, () => ({
      id: ulid(),
      at: iso(inYear()),
      listingId: ulid(),
      responseId: ulid(),
      category: pick(resourceCategoryIds) as ResourceCategory,
      title: "Передача",
      value: random() < 0.6 ? 1_000 * (1 + Math.floor(random() * 50)) : undefined,
      giverKey: "org#a",
      giverName: "А",
      receiverKey: "org#b",
      receiverName: "Б",
    })),
  );
  await putAll(
    (items) => questionStat.put(items).go({ concurrency: 8 }),
    Array.from({ length: counts.questions }, () => {
      const asked = inYear();
      const body = random() < 0.3 ? pick(bodies) : undefined;
      const due = asked + (body ? 30 : 2) * DAY;
      const answered = random() < 0.85 ? asked + Math.floor(random() * (body ? 40 : 4) * DAY) : undefined;
      return {
        scope: body ? `body#${body.id}` : "experts",
        createdAt: iso(asked),
        questionId: ulid(asked),
        dueAt: iso(due),
        firstAnsweredAt: answered === undefined ? undefined : iso(answered),
      };
    }),
  );
  await putAll(
    (items) => digestDb().entities.digestDay.put(items).go({ concurrency: 8 }),
    Array.from({ length: counts.days }, (_, index) => ({
      day: addDays(month.to, -index),
      sent: 300 + Math.floor(random() * 100),
      bounced: Math.floor(random() * 4),
      complained: random() < 0.1 ? 1 : 0,
      unsubscribed: Math.floor(random() * 3),
    })),
  );
  console.log(
    `Seeded ${TOTAL.toLocaleString("en")} items (${Object.entries(counts)
      .map(([name, count]) => `${count} ${name}`)
      .join(", ")}) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

const portal = await startEmbedded({
  port: await freePort(),
  dynamoPort: await freePort(),
  sesPort: await freePort(),
  seed: false,
});
recordQueries();
try {
  await seed();

  // DynamoDB Local is a JVM: one run first, so its JIT has seen the Queries.
  await build(month);
  const coordinator: Actor = {
    type: "person",
    accountId: "bench",
    email: "bench@example.org",
    name: "Замер",
    roles: ["coordinator"],
  };
  let summary = "";
  await measure(
    `Monthly report ${month.from}..${month.to} (against the month before), with its CSV and XLSX`,
    async () => {
      const report = await build(month);
      const csv = reportFile(report, "csv");
      const xlsx = reportFile(report, "xlsx");
      const line = (key: string) => report.lines.find((one) => one.key === key)?.current;
      summary =
        `  figures: ${line("members.total")} members (${line("members.new")} new, ${line("members.pending")} pending), ` +
        `${line("resources.opened")} listings opened, ${line("resources.matched")} pairs, ${line("resources.fulfilled")} handovers, ` +
        `${line("consultations.received")} questions (${line("consultations.onTimePercent")} % on time), ` +
        `${line("reach.sent")} digests; files ${csv.content.length} B CSV, ${xlsx.content.length} B XLSX`;
    },
  );
  console.log(summary);
  await measure("Dashboard series: twelve months of headline figures", () =>
    series(coordinator, { months: 12 }),
  );
} finally {
  await portal.stop();
}
