/**
 * `npm run bench:search`: the portal-wide search (ADR 018) with the bench:api data set's 1,500
 * organisations, names and descriptions drawn from realistic words. A common word, a rare word and
 * two words, under 50 connections: p50/p99 of the API, the Queries and RCU one search costs, and
 * the same Query made raw in the same run (the API should cost at most 1.5× it). Listings and
 * answers join when their areas move onto the search.
 */
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import autocannon from "autocannon";
import { db } from "../packages/core/src/db/service";
import * as Member from "../packages/core/src/member/index";
import { municipalityIds, organisationKindIds, sphereIds } from "../packages/core/src/reference";
import * as Search from "../packages/core/src/search/index";
import { ulid } from "../packages/core/src/shared/ulid";
import { startEmbedded } from "../packages/local/src/embedded";
import { freePort } from "../packages/local/src/ports";
import { describeReads, putAll, quiet, rawLoad, reads, recordQueries, seeded } from "./bench-kit";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
// The search itself is measured, not the directory's 5-second page cache in front of it.
process.env.DIRECTORY_CACHE_SECONDS = "0";
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const DAY = 86_400_000;
const { random, pick } = seeded(0x5ea2c4);

const portal = await startEmbedded({
  port: await freePort(),
  dynamoPort: await freePort(),
  sesPort: await freePort(),
  seed: false,
});
recordQueries();

const forms = ["АНО", "Фонд", "Общество", "Союз", "Центр", "Ассоциация"];
const subjects = [
  "помощи семьям",
  "добровольчества",
  "поддержки ветеранов",
  "защиты животных",
  "детского творчества",
  "экологии",
  "спорта",
  "культуры",
  "краеведения",
  "молодёжных инициатив",
];
const places = [
  "Калуги",
  "Обнинска",
  "Людинова",
  "Кирова",
  "Козельска",
  "Малоярославца",
  "Тарусы",
  "Боровска",
];
const activities = [
  "проводим занятия для детей",
  "помогаем пожилым людям",
  "организуем субботники",
  "ведём музей",
  "проводим турниры",
  "поддерживаем семьи",
  "обучаем волонтёров",
  "издаём книги",
];

const now = Date.now();
const organisations = Array.from({ length: 1_500 }, (_, index) => {
  const approved = now - Math.floor(random() * 900 * DAY);
  // One in 300 is a «кооператив»: the rare word.
  const name = `${index % 300 === 7 ? "Кооператив" : pick(forms)} ${pick(subjects)} ${pick(places)} № ${index + 1}`;
  return {
    id: ulid(approved),
    kind: pick(organisationKindIds),
    name,
    sortName: name.toLowerCase(),
    spheres: [pick(sphereIds), pick(sphereIds)],
    municipality: pick(municipalityIds),
    description: `Мы ${pick(activities)} и ${pick(activities)}; помогаем жителям Калужской области.`,
    contacts: {},
    status: "approved" as const,
    createdAt: new Date(approved - DAY).toISOString(),
    approvedAt: new Date(approved).toISOString(),
  };
});

const seeding = performance.now();
await putAll((items) => db().entities.organisation.put(items).go({ concurrency: 8 }), organisations);
await Member.reindexSearch();
console.log(
  `Seeded and indexed ${organisations.length} organisations in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
);

const queries: { name: string; q: string; filters?: Record<string, string> }[] = [
  { name: "common word", q: "помогаем" },
  { name: "rare word", q: "кооператив" },
  { name: "two words", q: "фонд обнинска" },
  { name: "two words + municipality", q: "центр культуры", filters: { municipality: "kaluga" } },
];

/** The same Query the search sends for a query, made raw. */
const rawQuery = (q: string, filters?: Record<string, string>) => {
  const { query, options } = Search.lookup("organisations", { q, filters, limit: 20 });
  return () => new QueryCommand(query.params({ limit: options.limit, order: options.order }));
};

try {
  await autocannon({
    url: `${portal.url}/api/members?q=${encodeURIComponent("помогаем")}`,
    connections: CONNECTIONS,
    duration: 4,
  });
  console.log(
    `\n${CONNECTIONS} connections, ${SECONDS} s per query, GET /api/members?q=… against the same Query made raw:\n`,
  );
  for (const query of queries) {
    const path = `/api/members?${new URLSearchParams({ q: query.q, ...query.filters })}`;
    const one = await reads(() => fetch(`${portal.url}${path}`).then((response) => response.json()));
    const found = (await (await fetch(`${portal.url}${path}`)).json()) as { items: unknown[] };
    const api = await autocannon({
      url: `${portal.url}${path}`,
      connections: CONNECTIONS,
      duration: SECONDS,
    });
    const raw = await rawLoad(rawQuery(query.q, query.filters), CONNECTIONS, SECONDS);
    console.log(
      `«${query.q}»${query.filters ? ` ${new URLSearchParams(query.filters)}` : ""} (${query.name}): ${found.items.length} results on the first page; ${describeReads(one)}`,
    );
    console.log(
      `  API  p50 ${String(api.latency.p50).padStart(4)} ms, p99 ${String(api.latency.p99).padStart(5)} ms, ${Math.round(api.requests.average)} req/s, errors ${api.errors + api.timeouts}, non-2xx ${api.non2xx}`,
    );
    console.log(
      `  raw  p50 ${raw.p50.toFixed(0).padStart(4)} ms, p99 ${raw.p99.toFixed(0).padStart(5)} ms  → API ×${(api.latency.p50 / Math.max(raw.p50, 0.5)).toFixed(2)} at p50`,
    );
  }
} finally {
  await quiet();
  await portal.stop();
}
