/**
 * `npm run bench:knowledge` (also part of `npm run bench`): knowledge-base search with 10,000
 * answered public questions (ADR 011). Prints p50/p99 of GET /api/consultations?q=… under 50
 * connections for a common word, a rare word and a topic + word, and the reads one page costs.
 */
import autocannon from "autocannon";
import { answerDocument } from "../packages/core/src/consultation/questions";
import { db } from "../packages/core/src/db/service";
import { searchKey } from "../packages/core/src/identifiers";
import { consultationTopics } from "../packages/core/src/reference";
import * as Search from "../packages/core/src/search/index";
import { ulid } from "../packages/core/src/shared/ulid";
import { startEmbedded } from "../packages/local/src/embedded";
import { freePort } from "../packages/local/src/ports";
import { describeReads, putAll, quiet, reads, recordQueries, seeded } from "./bench-kit";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const QUESTIONS = 10_000;
const DAY = 86_400_000;
const { random, pick } = seeded(0x6b_2026);

const subjects: Record<string, string[]> = {
  legal: [
    "договор с волонтёром",
    "изменения в уставе",
    "трудовой договор с сотрудником",
    "договор пожертвования",
  ],
  accounting: [
    "отчётность в Минюст",
    "упрощённая система налогообложения",
    "целевые поступления",
    "бухгалтерский баланс",
  ],
  grants: [
    "заявка в Фонд президентских грантов",
    "бюджет проекта",
    "софинансирование гранта",
    "отчёт по гранту",
  ],
  projects: ["план мероприятий проекта", "оценка результатов", "работа с командой", "риски проекта"],
  promotion: ["публикации в СМИ", "продвижение в соцсетях", "пресс-релиз", "фирменный стиль"],
  authorities: [
    "субсидия на аренду",
    "участие в общественном совете",
    "имущественная поддержка",
    "конкурс социальных проектов",
  ],
  registration: [
    "смена юридического адреса",
    "регистрация НКО",
    "внесение сведений в реестр",
    "ликвидация организации",
  ],
};

function invent(now: number) {
  const topic = pick(consultationTopics).id;
  const subject = pick(subjects[topic] ?? ["вопрос"]);
  // About one question in five hundred mentions a rare word, to measure a needle in the haystack.
  const rare = random() < 0.002 ? " Речь о потребительском кооперативе." : "";
  const title = `Вопрос про ${subject}: как поступить НКО`;
  const text = `${title}. Наша организация работает третий год.${rare} Подскажите порядок действий и сроки.`;
  return {
    questionId: ulid(now - Math.floor(random() * 365 * DAY)),
    topic,
    title,
    excerpt: `Ответ: ${subject} — оформляется по общим правилам, подробности в ответе.`,
    searchText: searchKey(text),
    text,
    solved: random() < 0.6,
    answeredAt: new Date(now - Math.floor(random() * 365 * DAY)).toISOString(),
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
  const questions = Array.from({ length: QUESTIONS }, () => invent(now));
  const started = performance.now();
  // As publishing writes them (consultation/questions.ts): two browsing rows and the search's terms.
  const rows = questions.flatMap(({ text, ...q }) =>
    [`t=${q.topic}`, "t=*"].map((facet) => ({ facet, ...q })),
  );
  await putAll((items) => db().entities.knowledgeEntry.put(items).go({ concurrency: 8 }), rows);
  let terms = 0;
  for (let start = 0; start < questions.length; start += 500) {
    terms += await Search.reindex(
      "answers",
      questions
        .slice(start, start + 500)
        .map(({ text, searchText, ...shown }) => answerDocument(shown, text)),
    );
  }
  console.log(
    `Seeded ${QUESTIONS} answered public questions (${rows.length} browsing rows, ${terms} search rows) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const rareCount = questions.filter((q) => q.searchText.includes("кооператив")).length;
  console.log(`Rare word «кооператив» is in ${rareCount} of ${QUESTIONS} questions.\n`);

  const api = `${portal.url}/api/consultations`;
  const lines = [
    ["common word (q=договор)", `${api}?q=${encodeURIComponent("договор")}`],
    ["rare word (q=кооператив)", `${api}?q=${encodeURIComponent("кооператив")}`],
    ["topic + word (topic=legal&q=договор)", `${api}?topic=legal&q=${encodeURIComponent("договор")}`],
    ["no search (newest answers)", api],
  ] as const;
  await autocannon({ url: lines[0][1], connections: CONNECTIONS, duration: 5 });
  for (const [label, url] of lines) {
    await quiet();
    const { latency, requests, non2xx, errors } = await autocannon({
      url,
      connections: CONNECTIONS,
      duration: SECONDS,
    });
    console.log(
      `GET /api/consultations, ${label}: ${CONNECTIONS} connections, ${SECONDS} s, ${requests.total} requests`,
    );
    console.log(
      `  latency p50 ${latency.p50} ms, p99 ${latency.p99} ms; non-2xx ${non2xx}, errors ${errors}`,
    );
  }
  console.log("\nReads per page of 20 (ReturnConsumedCapacity: TOTAL)");
  for (const [label, url] of lines) {
    const list = await reads(() => fetch(url).then((response) => response.json()));
    const total = list.reduce((sum, read) => sum + (read.capacity ?? 0), 0);
    console.log(`  ${label}: ${total} RCU — ${describeReads(list)}`);
  }
} finally {
  await portal.stop();
}
