/**
 * `npm run bench:api` (first in `npm run bench`): the portal under 50 connections with realistic
 * data (1,500 organisations, 5,000 listings, 10,000 answered consultations). The main read routes
 * (directory, catalogue, knowledge base, organisation page) and write routes (respond to a
 * listing, ask a question): p50/p99 and errors each. For every read route the same DynamoDB call
 * is made raw (the SDK, no API) under the same load in the same run, and the API's overhead is
 * their ratio, which means something on a noisy machine where absolute milliseconds do not.
 */
import { GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import autocannon from "autocannon";
import { createSession } from "../packages/core/src/auth/index";
import { db } from "../packages/core/src/db/service";
import {
  consent,
  consultationTopicIds,
  municipalityIds,
  organisationKindIds,
  resourceCategoryIds,
  sphereIds,
} from "../packages/core/src/reference";
import { OPEN_ENDED } from "../packages/core/src/resource/entity";
import { catalogueRowsOf, facetKey, type ListingItem } from "../packages/core/src/resource/listings";
import { ulid } from "../packages/core/src/shared/ulid";
import { startEmbedded } from "../packages/local/src/embedded";
import { freePort } from "../packages/local/src/ports";
import { putAll, rawLoad, seeded, send } from "./bench-kit";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const DAY = 86_400_000;
const { random, pick } = seeded(0xa9_2026);
const iso = (at: number) => new Date(at).toISOString();

const portal = await startEmbedded({
  port: await freePort(),
  dynamoPort: await freePort(),
  sesPort: await freePort(),
  seed: false,
});

const now = Date.now();
const organisations = Array.from({ length: 1_500 }, (_, index) => {
  const created = now - Math.floor(random() * 900 * DAY);
  const name = `${pick(["АНО", "Фонд", "Общество", "ООО", "Союз"])} «Участник ${index + 1}»`;
  return {
    id: ulid(created),
    kind: pick(organisationKindIds),
    name,
    sortName: name.toLowerCase(),
    spheres: [pick(sphereIds), pick(sphereIds)],
    municipality: pick(municipalityIds),
    description: "Помогаем жителям Калужской области: проекты, волонтёры, консультации.",
    contacts: { email: { value: `org${index}@bench.example`, public: true } },
    status: "approved" as const,
    approvedAt: iso(created + DAY),
    createdAt: iso(created),
  };
});
const listings: ListingItem[] = Array.from({ length: 5_000 }, (_, index) => {
  const published = now - Math.floor(random() * 180 * DAY);
  const owner = pick(organisations);
  const kind = random() < 0.6 ? "offer" : "request";
  const title = `${kind === "offer" ? "Предлагаем" : "Ищем"} ${pick(["зал", "проектор", "микроавтобус", "юриста", "стулья", "ноутбуки"])} №${index}`;
  return {
    id: ulid(published),
    kind,
    category: pick(resourceCategoryIds),
    title,
    description: `${title}. Подробности после отклика.`,
    searchText: title.toLowerCase(),
    place: pick(municipalityIds),
    quantity: 1_000,
    remaining: 1_000,
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
  } as ListingItem;
});
const answers = Array.from({ length: 10_000 }, (_, index) => {
  const topic = pick(consultationTopicIds);
  const entry = {
    answeredAt: iso(now - Math.floor(random() * 365 * DAY)),
    questionId: ulid(),
    topic,
    title: `Вопрос ${index}: как оформить документы по теме?`,
    excerpt: "Ответ эксперта: порядок действий и образцы документов…",
    searchText: `вопрос ${index}`,
    solved: random() < 0.5,
  };
  return [
    { ...entry, facet: "t=*" },
    { ...entry, facet: `t=${topic}` },
  ];
}).flat();

// Fifty people, each representing a member organisation: the writers.
const writers = organisations.slice(0, CONNECTIONS).map((organisation, index) => ({
  accountId: ulid(),
  email: `writer${index}@bench.example`,
  organisationId: organisation.id,
}));

const { organisation, listing, catalogueEntry, knowledgeEntry, account, membership } = db().entities;
const seeding = performance.now();
await putAll((items) => organisation.put(items).go({ concurrency: 8 }), organisations);
await putAll((items) => listing.put(items).go({ concurrency: 8 }), listings);
await putAll((items) => catalogueEntry.put(items).go({ concurrency: 8 }), listings.flatMap(catalogueRowsOf));
await putAll((items) => knowledgeEntry.put(items).go({ concurrency: 8 }), answers);
await putAll(
  (items) => account.put(items).go({ concurrency: 8 }),
  writers.map((writer) => ({
    id: writer.accountId,
    email: writer.email,
    name: "Представитель Бенч",
    consentVersion: consent.version,
    consentAt: iso(now),
  })),
);
await putAll(
  (items) => membership.put(items).go({ concurrency: 8 }),
  writers.map(({ organisationId, accountId }) => ({ organisationId, accountId })),
);
const cookies = await Promise.all(
  writers.map(async (writer) => `session=${await createSession(writer.accountId)}`),
);
console.log(
  `Seeded ${organisations.length} organisations, ${listings.length} listings, ${answers.length / 2} answered questions, ` +
    `${writers.length} writers in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
);

const offers = listings.filter((item) => item.kind === "offer");
const someOrganisation = organisations[700]!;
const topic = "legal";
const reads = [
  {
    name: "directory",
    path: "/api/members",
    raw: () => new QueryCommand(organisation.query.directory({ status: "approved" }).params({ limit: 20 })),
  },
  {
    name: "catalogue (category + municipality)",
    path: `/api/resources?category=premises&place=kaluga`,
    raw: () =>
      new QueryCommand(
        catalogueEntry.query
          .byFacet({ facet: facetKey(undefined, "premises", "kaluga") })
          .params({ limit: 20 }),
      ),
  },
  {
    name: "knowledge base (topic)",
    path: `/api/consultations?topic=${topic}`,
    raw: () => new QueryCommand(knowledgeEntry.query.byFacet({ facet: `t=${topic}` }).params({ limit: 20 })),
  },
  {
    name: "organisation page",
    path: `/api/members/${someOrganisation.id}`,
    raw: () => new GetCommand(organisation.get({ id: someOrganisation.id }).params()),
  },
];

const line = (label: string, result: autocannon.Result) =>
  `${label.padEnd(38)} p50 ${String(result.latency.p50).padStart(4)} ms, p99 ${String(result.latency.p99).padStart(5)} ms, ` +
  `${String(Math.round(result.requests.average)).padStart(4)} req/s, errors ${result.errors + result.timeouts}, non-2xx ${result.non2xx}`;

try {
  // DynamoDB Local is a JVM: warm its JIT with the same load before measuring.
  await autocannon({ url: `${portal.url}${reads[1]!.path}`, connections: CONNECTIONS, duration: 5 });
  console.log(
    `\n${CONNECTIONS} connections, ${SECONDS} s per route, API vs the same DynamoDB call made raw:\n`,
  );
  for (const route of reads) {
    const api = await autocannon({
      url: `${portal.url}${route.path}`,
      connections: CONNECTIONS,
      duration: SECONDS,
    });
    const raw = await rawLoad(() => send(route.raw()), CONNECTIONS, SECONDS);
    console.log(line(`GET ${route.name}`, api));
    console.log(
      `${"  raw DynamoDB, same call".padEnd(38)} p50 ${raw.p50.toFixed(0).padStart(4)} ms, p99 ${raw.p99.toFixed(0).padStart(5)} ms` +
        `  → API overhead ×${(api.latency.p50 / Math.max(raw.p50, 0.5)).toFixed(1)} at p50`,
    );
  }

  let respond = 0;
  const responded = await autocannon({
    url: `${portal.url}/api/responses`,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          const writer = respond++ % writers.length;
          return {
            ...request,
            headers: { "content-type": "application/json", origin: portal.url, cookie: cookies[writer]! },
            body: JSON.stringify({
              listingId: offers[Math.floor(random() * offers.length)]!.id,
              organisationId: writers[writer]!.organisationId,
              message: "Нам это очень пригодится для занятий с детьми.",
              quantity: 1,
            }),
          };
        },
      },
    ],
  });
  console.log(line("POST respond to a listing", responded));

  let asked = 0;
  const asking = await autocannon({
    url: `${portal.url}/api/consultations`,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => ({
          ...request,
          headers: {
            "content-type": "application/json",
            origin: portal.url,
            cookie: cookies[asked++ % cookies.length]!,
          },
          body: JSON.stringify({
            topic: pick(consultationTopicIds),
            title: `Как вести учёт волонтёрских часов ${asked}?`,
            text: "Мы привлекаем волонтёров на проекты и хотим правильно учитывать их время для отчётов.",
            visibility: "public",
          }),
        }),
      },
    ],
  });
  console.log(line("POST ask a question", asking));
} finally {
  await portal.stop();
}
