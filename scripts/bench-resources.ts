/**
 * `npm run bench:resources` (also part of `npm run bench`): the Resource Bank catalogue with
 * 5,000 published listings in the table (ADR 008).
 *
 * - p50/p99 of GET /api/resources for a category + municipality filter, and the same with text
 *   search, under 50 concurrent connections on loopback (the catalogue has no cache);
 * - the DynamoDB read capacity a catalogue page consumes (ReturnConsumedCapacity), for the
 *   Queries the API sends and for the raw Query alone, pages 1 and 2, and the raw Query's own p50;
 * - p50/p99 of one matching run (`matchesFor`) for one listing.
 *
 * The listings are written straight into the table with the core's entities (a listing item and
 * its eight catalogue rows each, as publishing writes them), spread over categories, places and
 * the last 180 days by a seeded generator, so every run measures the same mix.
 */
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import autocannon from "autocannon";
import { documentClient } from "../packages/core/src/clients";
import { db } from "../packages/core/src/db/service";
import { searchKey } from "../packages/core/src/identifiers";
import {
  municipalities,
  online,
  type ResourceCategory,
  resourceCategories,
  wholeRegion,
} from "../packages/core/src/reference";
import { OPEN_ENDED } from "../packages/core/src/resource/entity";
import { catalogueRowsOf, facetKey, type ListingItem } from "../packages/core/src/resource/listings";
import { matchesFor } from "../packages/core/src/resource/matching";
import { ulid } from "../packages/core/src/shared/ulid";
import { startEmbedded } from "../packages/local/src/embedded";
import { freePort } from "../packages/local/src/ports";
import { describeReads, putAll, quiet, reads, recordQueries, seeded, timed } from "./bench-kit";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const LISTINGS = 5_000;
const DAY = 86_400_000;

const { random, pick } = seeded(0x5eed_2026);
function weighted<T extends string>(weights: Record<T, number>): T {
  const entries = Object.entries(weights) as [T, number][];
  let roll = random() * entries.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of entries) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return entries[entries.length - 1]![0];
}

/** Roughly how a region of 1 million people would post: a third in Kaluga, Obninsk next. */
const placeWeights: Record<string, number> = Object.fromEntries([
  ...municipalities.map(({ id }) => [id, id === "kaluga" ? 30 : id === "obninsk" ? 12 : 44 / 24]),
  [wholeRegion.id, 8],
  [online.id, 6],
]);
const categoryWeights: Record<ResourceCategory, number> = {
  premises: 15,
  equipment: 18,
  transport: 8,
  services: 17,
  materials: 14,
  volunteers: 12,
  media: 8,
  funding: 8,
};

/** What is offered or asked for, in the accusative: "Предлагаем …" / "Ищем …". */
const subjects: Record<ResourceCategory, string[]> = {
  premises: [
    "актовый зал на {n} мест",
    "спортивный зал для тренировок",
    "кабинет для консультаций",
    "зал для мастер-классов",
    "помещение под склад гуманитарной помощи",
    "переговорную комнату на {n} человек",
    "выставочный зал в центре города",
  ],
  equipment: [
    "ноутбуки для обучения",
    "проектор и экран",
    "звуковое оборудование для концертов",
    "МФУ для офиса",
    "палатки и туристическое снаряжение",
    "швейные машины",
    "фотоаппарат и штатив",
  ],
  transport: [
    "микроавтобус с водителем",
    "грузовой автомобиль для перевозки вещей",
    "автобус на {n} мест для экскурсии",
    "легковой автомобиль для доставки продуктов",
  ],
  services: [
    "консультацию юриста по уставу НКО",
    "бухгалтерское сопровождение",
    "дизайн афиш и буклетов",
    "помощь с грантовой заявкой",
    "психолога для работы с семьями",
    "фотосъёмку мероприятия",
  ],
  materials: [
    "канцелярские товары для детских занятий",
    "строительные материалы для ремонта",
    "краски и кисти для арт-терапии",
    "корм для животных приюта",
    "продуктовые наборы",
    "печать буклетов",
  ],
  volunteers: [
    "волонтёров для уборки территории",
    "волонтёров на городской праздник",
    "волонтёров-водителей",
    "волонтёров для сопровождения пожилых людей",
    "волонтёров для работы в приюте",
  ],
  media: [
    "публикацию в районной газете",
    "эфир на радио для социальной рекламы",
    "размещение анонса на портале",
    "репортаж о проекте",
    "продвижение в соцсетях",
  ],
  funding: [
    "софинансирование проекта по грантовой программе",
    "средства на издание книги",
    "частичную оплату аренды",
    "софинансирование летнего лагеря",
    "средства на закупку оборудования",
  ],
};
const details = [
  "Состояние хорошее, всё проверено перед передачей.",
  "Подходит для детских и молодёжных проектов, есть опыт работы с НКО.",
  "Готовы обсудить график и условия, напишите в отклике, что именно нужно.",
  "Нужно на период проекта, поддержанного Фондом президентских грантов.",
  "Для занятий с пожилыми людьми и людьми с инвалидностью, важна доступная среда.",
];
const terms = [
  "Безвозмездно для участников кластера.",
  "Возможна частичная компенсация расходов.",
  "По будням после 18:00 и в выходные по договорённости.",
  "Сроки гибкие, готовы подстроиться под расписание организации.",
];
const placeNames: Record<string, string> = Object.fromEntries(
  [...municipalities, wholeRegion, online].map(({ id, name }) => [id, name]),
);
const owners = ["АНО", "Фонд", "РОО", "МОО", "Клуб", "Центр", "ТОС"].flatMap((form) =>
  [
    "Надежда",
    "Рассвет",
    "Забота",
    "Исток",
    "Родник",
    "Вдохновение",
    "Открытое сердце",
    "Берегиня",
    "Калужские зори",
    "Содружество",
    "Мир детства",
    "Добрый путь",
    "Наследие",
    "Перспектива",
  ].map((name) => ({ id: ulid(), accountId: ulid(), name: `${form} «${name}» (бенч)` })),
);

function invent(now: number): ListingItem {
  const kind = random() < 0.6 ? "offer" : "request";
  const category = weighted(categoryWeights);
  const place = weighted(placeWeights);
  const { hasQuantity } = resourceCategories.find(({ id }) => id === category)!;
  const n = 5 + Math.floor(random() * 76);
  const subject = pick(subjects[category]).replace("{n}", String(n));
  const title = `${kind === "offer" ? "Предлагаем" : "Ищем"} ${subject}`;
  const description = `${title}. ${pick(details)} Место: ${placeNames[place]}. ${pick(terms)} Контакты — после отклика на портале.`;
  const published = now - Math.floor(random() * 180 * DAY);
  const quantity = hasQuantity && random() < 0.7 ? 1 + Math.floor(random() * 40) : undefined;
  const owner = pick(owners);
  const date = (at: number) => new Date(at).toISOString().slice(0, 10);
  const availableTo = random() < 0.4 ? undefined : date(now + (7 + Math.floor(random() * 300)) * DAY);
  return {
    id: ulid(published),
    kind,
    category,
    title,
    description,
    searchText: searchKey(`${title} ${description}`),
    place,
    quantity,
    remaining: quantity,
    availableFrom: date(published + Math.floor(random() * 14) * DAY),
    // Open windows end from today on (the job expires the others), or never: "until withdrawn".
    availableTo,
    closesOn: availableTo ?? OPEN_ENDED,
    conditions: random() < 0.8 ? "free" : "cofinancing",
    estimatedValue: random() < 0.5 ? 1_000 * (1 + Math.floor(random() * 200)) : undefined,
    status: "published",
    ownerKey: `org#${owner.id}`,
    ownerName: owner.name,
    organisationId: owner.id,
    accountId: owner.accountId,
    publishedAt: new Date(published).toISOString(),
    createdAt: new Date(published - 3_600_000).toISOString(),
    updatedAt: new Date(published).toISOString(),
    version: 2,
  };
}

const portal = await startEmbedded({
  port: await freePort(),
  dynamoPort: await freePort(),
  sesPort: await freePort(),
  seed: false,
});
recordQueries();
try {
  const now = Date.now();
  const listings = Array.from({ length: LISTINGS }, () => invent(now));
  const rows = listings.flatMap(catalogueRowsOf);
  const { listing, catalogueEntry } = db().entities;
  const seeding = performance.now();
  await putAll((items) => listing.put(items).go({ concurrency: 8 }), listings);
  await putAll((items) => catalogueEntry.put(items).go({ concurrency: 8 }), rows);
  console.log(
    `Seeded ${listings.length} published listings + ${rows.length} catalogue rows ` +
      `(${listings.length + rows.length} items) in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
  );

  const filtered = listings.filter((item) => item.category === "premises" && item.place === "kaluga");
  const searched = filtered.filter((item) => item.searchText.includes("зал"));
  console.log(
    `Partition ${facetKey(undefined, "premises", "kaluga")}: ${filtered.length} listings, ` +
      `${searched.length} of them match «зал»; the whole catalogue ${facetKey()}: ${listings.length}`,
  );

  const api = `${portal.url}/api/resources?category=premises&place=kaluga`;
  const lines = [
    ["category + municipality (premises, Kaluga)", api],
    ["the same with text search (q=зал)", `${api}&q=${encodeURIComponent("зал")}`],
  ] as const;
  for (const [, url] of lines) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  }

  // DynamoDB Local is a JVM: give its JIT a few seconds of the same load before measuring.
  await autocannon({ url: api, connections: CONNECTIONS, duration: 5 });
  for (const [label, url] of lines) {
    await quiet();
    const { latency, requests, non2xx, errors, timeouts } = await autocannon({
      url,
      connections: CONNECTIONS,
      duration: SECONDS,
    });
    console.log(
      `\nGET /api/resources, ${label}: ${CONNECTIONS} connections, ${SECONDS} s, ${requests.total} requests (${Math.round(requests.average)}/s)`,
    );
    console.log(
      `  latency p50 ${latency.p50} ms, p90 ${latency.p90} ms, p99 ${latency.p99} ms, max ${latency.max} ms`,
    );
    console.log(`  non-2xx ${non2xx}, errors ${errors} (of which timeouts after 10 s: ${timeouts})`);
    if (non2xx || errors) process.exitCode = 1;
  }

  console.log("\nRead capacity per catalogue page (ReturnConsumedCapacity: TOTAL, eventually consistent)");
  const pages = [...lines, ["no filter (the whole catalogue)", `${portal.url}/api/resources?`]] as const;
  for (const [label, url] of pages) {
    let cursor: string | undefined;
    for (const page of [1, 2]) {
      const pageUrl = cursor ? `${url}&cursor=${encodeURIComponent(cursor)}` : url;
      let body: { items: unknown[]; cursor?: string } = { items: [] };
      const list = await reads(async () => {
        body = (await (await fetch(pageUrl)).json()) as typeof body;
      });
      console.log(`  API ${label}, page ${page} (${body.items.length} cards): ${describeReads(list)}`);
      cursor = body.cursor;
      if (!cursor) break;
    }
  }

  const facet = facetKey(undefined, "premises", "kaluga");
  const params = catalogueEntry.query.byFacet({ facet }).params({ order: "desc" }) as Record<string, unknown>;
  for (const limit of [undefined, 20]) {
    let start: Record<string, unknown> | undefined;
    for (const page of [1, 2]) {
      const output = await documentClient().send(
        new QueryCommand({
          ...params,
          ...(limit ? { Limit: limit } : {}),
          ExclusiveStartKey: start,
          ReturnConsumedCapacity: "TOTAL",
        } as ConstructorParameters<typeof QueryCommand>[0]),
      );
      const bytes = JSON.stringify(output.Items ?? []).length;
      console.log(
        `  raw Query ${facet}${limit ? `, Limit ${limit}` : ", no Limit"}, page ${page}: ` +
          `${output.Count} items, ${output.ConsumedCapacity?.CapacityUnits ?? "no ConsumedCapacity"} RCU ` +
          `(items ≈ ${(bytes / 1024).toFixed(1)} KB as JSON → ${Math.ceil(bytes / 4096 / 2)} RCU by size)`,
      );
      start = output.LastEvaluatedKey;
      if (!start) break;
    }
  }

  console.log("\nLatency without HTTP (one caller, sequential)");
  const raw = (limit?: number) => () =>
    documentClient().send(
      new QueryCommand({ ...params, ...(limit ? { Limit: limit } : {}) } as ConstructorParameters<
        typeof QueryCommand
      >[0]),
    );
  await timed(50, raw());
  console.log(`  raw Query ${facet}, no Limit (reads up to 1 MB): ${await timed(200, raw())}`);
  console.log(`  raw Query ${facet}, Limit 20: ${await timed(200, raw(20))}`);
  console.log(
    `  GET ${api.replace(portal.url, "")}: ${await timed(200, () => fetch(api).then((r) => r.json()))}`,
  );

  console.log(
    `  GET /api/resources (no filter, the landing page): ${await timed(50, () => fetch(`${portal.url}/api/resources`).then((r) => r.json()))}`,
  );

  const subject =
    listings.find(
      (item) => item.kind === "request" && item.category === "premises" && item.place === "kaluga",
    ) ?? listings[0]!;
  const found = await matchesFor(subject);
  const matchReads = await reads(() => matchesFor(subject));
  console.log(
    `\nmatchesFor(${subject.kind} ${subject.category}/${subject.place}): ${found.length} fitting listings; ${describeReads(matchReads)}`,
  );
  await timed(10, () => matchesFor(subject));
  console.log(`  ${await timed(100, () => matchesFor(subject))}`);
} finally {
  await portal.stop();
}
