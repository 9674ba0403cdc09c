/**
 * `npm run bench:lighthouse` (also part of `npm run bench`): Lighthouse's mobile profile (a
 * mid-range phone on slow 4G, simulated) in Debian's Chromium against the embedded portal with its
 * demo data: the home page, the member directory, the Resource Bank catalogue and a question page.
 * Prints the performance score, LCP, CLS, TBT and the JavaScript transferred, against the goals
 * of issue 6 (LCP < 2.5 s, CLS < 0.1, TBT < 200 ms).
 */
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { db } from "../packages/core/src/db/service";
import { searchKey } from "../packages/core/src/identifiers";
import { ulid } from "../packages/core/src/shared/ulid";
import { startEmbedded } from "../packages/local/src/embedded";
import { freePort } from "../packages/local/src/ports";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const GOALS = { lcp: 2500, cls: 0.1, tbt: 200 };

/** An answered public question, written as the answer would leave it. */
async function answeredQuestion() {
  const id = ulid();
  const now = new Date().toISOString();
  const title = "Как оформить договор с волонтёром на время проекта?";
  const text =
    "Мы привлекаем волонтёров на три месяца для проведения занятий с детьми. Нужен ли письменный договор и какие пункты в нём обязательны?";
  const { question, consultationPost } = db().entities;
  await question
    .put({
      id,
      topic: "legal",
      title,
      text,
      visibility: "public",
      showOrganisation: false,
      askerAccountId: ulid(),
      askerName: "Анна",
      route: "topic#legal",
      status: "answered",
      dueAt: now,
      firstAnsweredAt: now,
      searchText: searchKey(`${title} ${text}`),
    })
    .go();
  await consultationPost
    .put({
      questionId: id,
      id: ulid(),
      kind: "answer",
      authorAccountId: ulid(),
      authorName: "Эксперт по праву",
      text: "Да, договор нужен (ст. 17.1 Федерального закона № 135-ФЗ): предмет, срок, условия возмещения расходов, обязанности сторон. Образец — в базе ответов.",
    })
    .go();
  return id;
}

/** One Lighthouse run of one page: the figures the goals name, and what the main thread did. */
interface Run {
  score: number;
  lcp: number;
  cls: number;
  tbt: number;
  scriptBytes: number;
  benchmarkIndex: number;
  breakdown: string;
}

/**
 * Lighthouse's own guidance on variability: one run is noise on a shared machine (this one's
 * benchmarkIndex moves between about 1,100 and 1,900 from minute to minute); report the median
 * of five. Runs are ordered by TBT, the figure that varies most, and the middle one is taken
 * whole, so its figures come from one and the same load.
 */
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 5);
/** LIGHTHOUSE_PAGES=directory,question measures only those pages (while working on one). */
const ONLY = process.env.LIGHTHOUSE_PAGES?.split(",");
const medianRun = (runs: Run[]): Run => {
  const sorted = [...runs].sort((a, b) => a.tbt - b.tbt);
  const middle = sorted[Math.floor(sorted.length / 2)];
  if (!middle) throw new Error("no Lighthouse runs");
  return middle;
};

async function measure(url: string, attempt = 1): Promise<Run> {
  const result = await lighthouse(url, {
    port: chrome.port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance"],
  });
  if (!result) throw new Error(`no Lighthouse result for ${url}`);
  const { lhr } = result;
  // A run Lighthouse could not finish (its first page load in a fresh browser sometimes times
  // out on this machine) has no figures: it is run again rather than counted.
  if (lhr.runtimeError) {
    if (attempt === 3)
      throw new Error(`Lighthouse failed on ${url} three times: ${lhr.runtimeError.message}`);
    console.log(`           (a run failed: ${lhr.runtimeError.code}; running it again)`);
    return measure(url, attempt + 1);
  }
  const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const scripts = (
    lhr.audits["resource-summary"]?.details as { items?: { resourceType: string; transferSize: number }[] }
  )?.items?.find((item) => item.resourceType === "script");
  const breakdown = (
    lhr.audits["mainthread-work-breakdown"]?.details as { items?: { groupLabel: string; duration: number }[] }
  )?.items
    ?.slice(0, 4)
    .map((item) => `${item.groupLabel} ${Math.round(item.duration)} ms`)
    .join(", ");
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    lcp: audit("largest-contentful-paint"),
    cls: audit("cumulative-layout-shift"),
    tbt: audit("total-blocking-time"),
    scriptBytes: scripts?.transferSize ?? 0,
    benchmarkIndex: lhr.environment.benchmarkIndex,
    breakdown: breakdown ?? "",
  };
}

/** A seeded article of the library: the page a lesson's text will look like. */
async function demoArticle() {
  const page = await (await fetch(`${portal.url}/api/materials?kind=article&limit=1`)).json();
  return (page as { items: { id: string }[] }).items[0]!.id;
}

const portal = await startEmbedded({
  port: await freePort(),
  dynamoPort: await freePort(),
  sesPort: await freePort(),
  seed: true,
});
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
try {
  const all: [name: string, path: string][] = [
    ["home", "/"],
    ["directory", "/members"],
    ["catalogue", "/resources"],
    ["question", `/consultations/${await answeredQuestion()}`],
    ["library", "/materials"],
    ["article", `/materials/${await demoArticle()}`],
  ];
  const pages = all.filter(([name]) => !ONLY || ONLY.includes(name));
  let missed = 0;
  console.log(
    `Lighthouse 12 mobile profile (simulated slow 4G, 4× CPU slowdown), Debian Chromium; ` +
      `the median of ${RUNS} runs per page, with the range\n`,
  );
  for (const [name, path] of pages) {
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure(`${portal.url}${path}`));
    const median = medianRun(runs);
    const range = (pick: (run: Run) => number, format: (value: number) => string) => {
      const values = runs.map(pick).sort((a, b) => a - b);
      return `${format(pick(median))} (${format(values[0] ?? 0)}–${format(values[values.length - 1] ?? 0)})`;
    };
    const ok = median.lcp < GOALS.lcp && median.cls < GOALS.cls && median.tbt < GOALS.tbt;
    if (!ok) missed++;
    console.log(
      `${name.padEnd(10)} ${path.padEnd(40)} score ${range((r) => r.score, String)}, ` +
        `LCP ${range(
          (r) => r.lcp,
          (v) => `${(v / 1000).toFixed(2)} s`,
        )}, CLS ${median.cls.toFixed(3)}, ` +
        `TBT ${range(
          (r) => r.tbt,
          (v) => `${Math.round(v)} ms`,
        )}, ` +
        `JS ${(median.scriptBytes / 1024).toFixed(1)} KB transferred${ok ? "" : "  ← misses a goal"}`,
    );
    console.log(
      `           host benchmarkIndex ${runs.map((r) => Math.round(r.benchmarkIndex)).join(", ")} (Lighthouse's CPU score of this machine, per run)`,
    );
    // Where the main thread went (with the 4× CPU slowdown applied): what TBT is made of.
    console.log(`           main thread: ${median.breakdown}`);
  }
  console.log(
    `\nGoals: LCP < 2.5 s, CLS < 0.1, TBT < 200 ms. ${missed === 0 ? "All pages meet them." : `${missed} page(s) miss.`}`,
  );
  if (missed) process.exitCode = 1;
} finally {
  await chrome.kill();
  await portal.stop();
}
