/**
 * `npm run bench:search`: the portal's one search (ADR 018) over the bench:api data set's sizes —
 * 1,500 organisations, 5,000 listings, 10,000 answered questions — with texts drawn from realistic
 * words. For each area a common word, a rare word, two words and words with a filter, then the
 * header's search over all three, under 50 connections: p50/p99 of the API, the Queries and RCU one
 * search costs, and the same Queries made raw in the same run (the API should cost at most 1.5×).
 */
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import autocannon from "autocannon";
import { answerDocument } from "../packages/core/src/consultation/questions";
import { db } from "../packages/core/src/db/service";
import * as Member from "../packages/core/src/member/index";
import {
  consultationTopicIds,
  municipalityIds,
  organisationKindIds,
  resourceCategoryIds,
  sphereIds,
} from "../packages/core/src/reference";
import { OPEN_ENDED } from "../packages/core/src/resource/entity";
import * as Listings from "../packages/core/src/resource/listings";
import * as Search from "../packages/core/src/search/index";
import { ulid } from "../packages/core/src/shared/ulid";
import { startEmbedded } from "../packages/local/src/embedded";
import { freePort } from "../packages/local/src/ports";
import {
  describeReads,
  putAll,
  quiet,
  rawLoad,
  reads,
  recordQueries,
  seeded,
  sendFilling,
} from "./bench-kit";

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

const iso = (ms: number) => new Date(ms).toISOString();
const things = [
  "Зал",
  "Проектор",
  "Микроавтобус",
  "Ноутбуки",
  "Стулья",
  "Палатки",
  "Звуковая аппаратура",
  "Помощь юриста",
];
const purposes = [
  "для встреч",
  "для праздника",
  "для занятий с детьми",
  "для субботника",
  "на выходные",
  "для обучения волонтёров",
];
const listings = Array.from({ length: 5_000 }, (_, index) => {
  const published = now - Math.floor(random() * 180 * DAY);
  const owner = pick(organisations);
  // One in 400 is a «батут»: the rare word.
  const title = `${index % 400 === 7 ? "Батут" : pick(things)} ${pick(purposes)}`;
  const description = `Безвозмездно, ${pick(places)} и область; ${pick(activities)}.`;
  return {
    id: ulid(published),
    kind: random() < 0.6 ? "offer" : "request",
    category: pick(resourceCategoryIds),
    title,
    description,
    searchText: `${title} ${description}`.toLowerCase(),
    place: pick(municipalityIds),
    quantity: 10,
    remaining: 10,
    availableFrom: iso(published).slice(0, 10),
    closesOn: OPEN_ENDED,
    conditions: "free",
    status: "published",
    ownerKey: `org#${owner.id}`,
    ownerName: owner.name,
    organisationId: owner.id,
    accountId: ulid(),
    publishedAt: iso(published),
    createdAt: iso(published),
    updatedAt: iso(published),
    version: 2,
  } as Listings.ListingItem;
});
const verbs = ["оформить", "получить", "отчитаться за", "вернуть", "продлить"];
const matters = [
  "субсидию",
  "грант",
  "договор с волонтёром",
  "пожертвование",
  "аренду помещения",
  "президентский грант",
];
const answers = Array.from({ length: 10_000 }, () => {
  const title = `Как ${pick(verbs)} ${pick(matters)}?`;
  // About one question in five hundred mentions a «кооператив».
  const rare = random() < 0.002 ? " Речь о потребительском кооперативе." : "";
  return {
    shown: {
      answeredAt: iso(now - Math.floor(random() * 365 * DAY)),
      questionId: ulid(),
      topic: pick(consultationTopicIds),
      title,
      excerpt: "Ответ эксперта: порядок действий и образцы документов…",
      solved: random() < 0.5,
    },
    text: `Наша организация ${pick(activities)}.${rare} Подскажите порядок и сроки.`,
  };
});

const seeding = performance.now();
await putAll((items) => db().entities.organisation.put(items).go({ concurrency: 8 }), organisations);
await Member.reindexSearch();
const { listing, catalogueEntry, knowledgeEntry } = db().entities;
await putAll((items) => listing.put(items).go({ concurrency: 8 }), listings);
await putAll(
  (items) => catalogueEntry.put(items).go({ concurrency: 8 }),
  listings.flatMap(Listings.catalogueRowsOf),
);
await Listings.reindexSearch();
await putAll(
  (items) => knowledgeEntry.put(items).go({ concurrency: 8 }),
  answers.flatMap(({ shown }) =>
    [`t=${shown.topic}`, "t=*"].map((facet) => ({ facet, searchText: "", ...shown })),
  ),
);
let answerRows = 0;
for (let start = 0; start < answers.length; start += 500) {
  answerRows += await Search.reindex(
    "answers",
    answers.slice(start, start + 500).map(({ shown, text }) => answerDocument(shown, text)),
  );
}
console.log(
  `Seeded and indexed ${organisations.length} organisations, ${listings.length} listings and ${answers.length} answers (${answerRows} search rows for answers) in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
);

type Area = Search.SearchArea;
const paths: Record<Area, string> = {
  organisations: "/api/members",
  listings: "/api/resources",
  answers: "/api/consultations",
  events: "/api/events",
  materials: "/api/materials",
};
const queries: { area: Area; name: string; q: string; filters?: Record<string, string> }[] = [
  { area: "organisations", name: "common word", q: "помогаем" },
  { area: "organisations", name: "rare word", q: "кооператив" },
  { area: "organisations", name: "two words", q: "фонд обнинска" },
  {
    area: "organisations",
    name: "two words + municipality",
    q: "центр культуры",
    filters: { municipality: "kaluga" },
  },
  { area: "listings", name: "common word", q: "проектор" },
  { area: "listings", name: "rare word", q: "батут" },
  { area: "listings", name: "two words", q: "палатки праздника" },
  { area: "listings", name: "word + category", q: "стулья", filters: { category: "equipment" } },
  { area: "answers", name: "common word", q: "субсидии" },
  { area: "answers", name: "rare word", q: "кооператив" },
  { area: "answers", name: "two words", q: "договор волонтёром" },
  { area: "answers", name: "word + topic", q: "грант", filters: { topic: "grants" } },
];

/**
 * The Queries `Search.find` sends for a first page, made raw: the word's own term, read on as a
 * filtered page is, and only when a single word found nothing there, the terms it begins.
 */
const rawSearch = (area: Area, q: string, filters: Record<string, string> | undefined, limit: number) => {
  const page = (byPrefix: boolean) => {
    const { params, count, single } = Search.plan(area, { q, filters, limit }, byPrefix);
    const command = (startKey?: Record<string, unknown>) =>
      new QueryCommand({ ...params, ExclusiveStartKey: startKey });
    return { command, count, single };
  };
  const exact = page(false);
  const prefix = page(true);
  return async () => {
    const found = await sendFilling(exact.command, exact.count);
    if (exact.single && found === 0) await sendFilling(prefix.command, prefix.count);
  };
};

/**
 * The API and the raw Queries under the same load, each warmed up first (DynamoDB Local's JIT
 * and caches settle within seconds, and whichever ran second looked faster), then measured in
 * alternating halves, API–raw–API–raw, so the drift of a long run falls on both alike.
 */
async function compared(url: string, raw: () => Promise<unknown>) {
  const api = (duration: number) => autocannon({ url, connections: CONNECTIONS, duration });
  await api(2);
  await rawLoad(raw, CONNECTIONS, 2);
  const half = SECONDS / 2;
  const apis: autocannon.Result[] = [];
  const raws: Awaited<ReturnType<typeof rawLoad>>[] = [];
  for (let round = 0; round < 2; round++) {
    apis.push(await api(half));
    raws.push(await rawLoad(raw, CONNECTIONS, half));
  }
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  return {
    api: {
      p50: mean(apis.map((one) => one.latency.p50)),
      p99: Math.max(...apis.map((one) => one.latency.p99)),
      perSecond: mean(apis.map((one) => one.requests.average)),
      errors: apis.reduce((sum, one) => sum + one.errors + one.timeouts, 0),
      non2xx: apis.reduce((sum, one) => sum + one.non2xx, 0),
    },
    raw: { p50: mean(raws.map((one) => one.p50)), p99: Math.max(...raws.map((one) => one.p99)) },
  };
}

const line = ({ api, raw }: Awaited<ReturnType<typeof compared>>) => [
  `  API  p50 ${api.p50.toFixed(0).padStart(4)} ms, p99 ${String(api.p99).padStart(5)} ms, ${Math.round(api.perSecond)} req/s, errors ${api.errors}, non-2xx ${api.non2xx}`,
  `  raw  p50 ${raw.p50.toFixed(0).padStart(4)} ms, p99 ${raw.p99.toFixed(0).padStart(5)} ms  → API ×${(api.p50 / Math.max(raw.p50, 0.5)).toFixed(2)} at p50`,
];

try {
  await autocannon({
    url: `${portal.url}/api/members?q=${encodeURIComponent("помогаем")}`,
    connections: CONNECTIONS,
    duration: 4,
  });
  console.log(
    `\n${CONNECTIONS} connections, ${SECONDS} s per query, the API against the same Queries made raw:\n`,
  );
  for (const query of queries) {
    const path = `${paths[query.area]}?${new URLSearchParams({ q: query.q, ...query.filters })}`;
    const one = await reads(() => fetch(`${portal.url}${path}`).then((response) => response.json()));
    const found = (await (await fetch(`${portal.url}${path}`)).json()) as { items: unknown[] };
    const figures = await compared(`${portal.url}${path}`, rawSearch(query.area, query.q, query.filters, 20));
    console.log(
      `${query.area}: «${query.q}»${query.filters ? ` ${new URLSearchParams(query.filters)}` : ""} (${query.name}): ${found.items.length} results on the first page; ${describeReads(one)}`,
    );
    for (const text of line(figures)) console.log(text);
  }
  for (const q of ["помогаем", "грант"]) {
    const path = `/api/search?${new URLSearchParams({ q })}`;
    const one = await reads(() => fetch(`${portal.url}${path}`).then((response) => response.json()));
    const areas = Search.searchAreas.map((area) => rawSearch(area, q, undefined, 5));
    const figures = await compared(`${portal.url}${path}`, () =>
      Promise.all(areas.map((search) => search())),
    );
    console.log(
      `header search: «${q}» over the ${Search.searchAreas.length} areas at once (${Search.searchAreas.join(", ")}); ${describeReads(one)}`,
    );
    for (const text of line(figures)) console.log(text);
  }
} finally {
  await quiet();
  await portal.stop();
}
