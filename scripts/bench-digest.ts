/**
 * `npm run bench:digest` (also part of `npm run bench`): one digest run for 10,000 subscribers
 * and 500 new items of the week against DynamoDB Local and the local SES. Prints the run's total
 * time, the DynamoDB requests it made (by command) and its peak memory. The run happens in a
 * child process, so the local SES keeping 10,000 letters in memory does not count as the job's.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { documentClient } from "../packages/core/src/clients";
import { db } from "../packages/core/src/db/service";
import { NEVER } from "../packages/core/src/digest/entity";
import { sendDueDigests } from "../packages/core/src/digest/send";
import {
  consultationTopicIds,
  municipalityIds,
  organisationKindIds,
  resourceCategoryIds,
} from "../packages/core/src/reference";
import { OPEN_ENDED } from "../packages/core/src/resource/entity";
import { catalogueRowsOf, type ListingItem } from "../packages/core/src/resource/listings";
import { ulid } from "../packages/core/src/shared/ulid";
import { startEmbedded } from "../packages/local/src/embedded";
import { freePort } from "../packages/local/src/ports";
import { putAll, seeded } from "./bench-kit";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000);
const LISTINGS = 300;
const ANSWERS = 150;
const MEMBERS = 50;
/** Local SES answers in about a millisecond; production's rate (14/s) is applied in the note. */
const RATE = Number(process.env.BENCH_DIGEST_RATE ?? 400);
const DAY = 86_400_000;

async function child() {
  const counts: Record<string, number> = {};
  documentClient().middlewareStack.add(
    (next, context) => (args) => {
      counts[context.commandName ?? "?"] = (counts[context.commandName ?? "?"] ?? 0) + 1;
      return next(args);
    },
    { step: "initialize", name: "countRequests" },
  );
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const { rss, heapUsed } = process.memoryUsage();
    peakRss = Math.max(peakRss, rss);
    peakHeap = Math.max(peakHeap, heapUsed);
  };
  const sampler = setInterval(sample, 50);
  const started = performance.now();
  const summary = await sendDueDigests({ rate: RATE, concurrency: 16 });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  sample();
  process.stdout.write(JSON.stringify({ summary, seconds, counts, peakRss, peakHeap }));
}

async function parent() {
  const { random, pick } = seeded(0xd1_2026);
  const portal = await startEmbedded({
    port: await freePort(),
    dynamoPort: await freePort(),
    sesPort: await freePort(),
    seed: false,
  });
  try {
    const now = Date.now();
    const weekAgo = now - 7 * DAY;
    const owners = Array.from({ length: 40 }, (_, i) => ({
      id: ulid(),
      accountId: ulid(),
      name: `АНО «Бенч ${i}»`,
    }));
    const listings: ListingItem[] = Array.from({ length: LISTINGS }, () => {
      const published = weekAgo + Math.floor(random() * 7 * DAY);
      const owner = pick(owners);
      const kind = random() < 0.6 ? "offer" : "request";
      const title = `${kind === "offer" ? "Предлагаем" : "Ищем"} ресурс ${Math.floor(random() * 1000)}`;
      return {
        id: ulid(published),
        kind,
        category: pick(resourceCategoryIds),
        title,
        description: `${title}. Подробности на портале.`,
        searchText: title.toLowerCase(),
        place: pick(municipalityIds),
        availableFrom: new Date(published).toISOString().slice(0, 10),
        closesOn: OPEN_ENDED,
        conditions: "free",
        status: "published",
        ownerKey: `org#${owner.id}`,
        ownerName: owner.name,
        organisationId: owner.id,
        accountId: owner.accountId,
        publishedAt: new Date(published).toISOString(),
        createdAt: new Date(published).toISOString(),
        updatedAt: new Date(published).toISOString(),
        version: 2,
      } as ListingItem;
    });
    const { listing, catalogueEntry, knowledgeEntry, organisation, membership } = db().entities;
    await putAll((items) => listing.put(items).go({ concurrency: 8 }), listings);
    await putAll(
      (items) => catalogueEntry.put(items).go({ concurrency: 8 }),
      listings.flatMap(catalogueRowsOf),
    );
    const answers = Array.from({ length: ANSWERS }, (_, i) => ({
      facet: "all",
      answeredAt: new Date(weekAgo + Math.floor(random() * 7 * DAY)).toISOString(),
      questionId: ulid(),
      topic: pick(consultationTopicIds),
      title: `Как оформить отчёт номер ${i}?`,
      excerpt: "Ответ эксперта: сначала соберите документы…",
      searchText: "отчёт",
      solved: true,
    }));
    await putAll((items) => knowledgeEntry.put(items).go({ concurrency: 8 }), answers);
    const members = Array.from({ length: MEMBERS }, (_, i) => {
      const approved = weekAgo + Math.floor(random() * 7 * DAY);
      const name = `Фонд «Новый ${i}»`;
      return {
        id: ulid(approved),
        kind: pick(organisationKindIds),
        name,
        sortName: name.toLowerCase(),
        spheres: ["culture"],
        municipality: pick(municipalityIds),
        description: "Новый участник",
        contacts: {},
        status: "approved" as const,
        approvedAt: new Date(approved).toISOString(),
        createdAt: new Date(approved - 3 * DAY).toISOString(),
      };
    });
    await putAll((items) => organisation.put(items).go({ concurrency: 8 }), members);

    // A tenth of subscribers come from accounts of member organisations: their digests put
    // offers that fit their organisation's requests first.
    const subscribers = Array.from({ length: SUBSCRIBERS }, (_, i) => {
      const owner = i % 10 === 0 ? owners[i % owners.length] : undefined;
      const daily = random() < 0.2;
      return {
        id: ulid(),
        email: `reader${i}@bench.example`,
        accountId: owner?.accountId,
        status: "active" as const,
        frequency: daily ? ("daily" as const) : ("weekly" as const),
        weekday: 1,
        hour: 9,
        topics: random() < 0.5 ? ["members", "resources", "consultations", "news"] : ["resources"],
        categories: random() < 0.3 ? [pick(resourceCategoryIds)] : [],
        consultationTopics: [],
        municipalities: random() < 0.4 ? [pick(municipalityIds)] : [],
        nextDueAt: new Date(now - 60_000).toISOString(),
        coveredUntil: new Date(daily ? now - DAY : weekAgo).toISOString(),
        lastActivityAt: new Date(now - 10 * DAY).toISOString(),
        confirmedAt: new Date(now - 30 * DAY).toISOString(),
      };
    });
    await putAll((items) => db().entities.subscriber.put(items).go({ concurrency: 8 }), subscribers);
    await putAll(
      (items) => membership.put(items).go({ concurrency: 8 }),
      owners.map((owner) => ({ organisationId: owner.id, accountId: owner.accountId })),
    );
    console.log(
      `Seeded ${SUBSCRIBERS} due subscribers and ${LISTINGS + ANSWERS + MEMBERS} new items of the week ` +
        `(${LISTINGS} listings, ${ANSWERS} answers, ${MEMBERS} members)`,
    );

    const run = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "run"], {
      env: {
        ...process.env,
        DYNAMODB_ENDPOINT: portal.dynamoEndpoint,
        SES_ENDPOINT: portal.sesEndpoint,
        TABLE_NAME: portal.config.tableName,
        AUTH_SECRET: portal.config.authSecret,
        PUBLIC_URL: portal.url,
        AWS_REGION: "local",
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    run.stdout.on("data", (chunk) => {
      output += chunk;
    });
    await new Promise((resolve) => run.on("exit", resolve));
    const { summary, seconds, counts, peakRss, peakHeap } = JSON.parse(output);
    const requests = Object.values(counts as Record<string, number>).reduce((sum, n) => sum + n, 0);
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
    console.log(
      `\nDigest run: ${summary.sent} sent, ${summary.empty} empty (not sent), ${summary.failed} failed of ${summary.due} due`,
    );
    console.log(
      `  total ${seconds.toFixed(1)} s at up to ${RATE} sends/s (${(summary.sent / seconds).toFixed(0)} letters/s)`,
    );
    console.log(
      `  DynamoDB requests: ${requests} (${(requests / summary.due).toFixed(2)} per subscriber): ${Object.entries(
        counts,
      )
        .map(([name, n]) => `${name} ${n}`)
        .join(", ")}`,
    );
    console.log(`  peak memory of the job process: RSS ${mb(peakRss)}, heap ${mb(peakHeap)}`);
    console.log(
      `  at SES's production rate of 14/s the same ${summary.sent} letters take ${(summary.sent / 14 / 60).toFixed(1)} min of sending`,
    );
    const { data: again } = await db()
      .entities.subscriber.query.byStatus({ status: "active" })
      .go({ pages: "all" });
    const stillDue = again.filter(
      (item) => item.nextDueAt !== NEVER && item.nextDueAt <= new Date().toISOString(),
    );
    console.log(`  left due after the run: ${stillDue.length}`);
  } finally {
    await portal.stop();
  }
}

if (process.argv[2] === "run") await child();
else await parent();
