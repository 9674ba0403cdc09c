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
  const pages = [
    ["home", "/"],
    ["directory", "/members"],
    ["catalogue", "/resources"],
    ["question", `/consultations/${await answeredQuestion()}`],
  ] as const;
  let missed = 0;
  console.log(`Lighthouse ${"12"} mobile profile (simulated slow 4G, 4× CPU slowdown), Debian Chromium\n`);
  for (const [name, path] of pages) {
    const result = await lighthouse(`${portal.url}${path}`, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance"],
    });
    if (!result) throw new Error(`no Lighthouse result for ${path}`);
    const { lhr } = result;
    const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    const scripts = (
      lhr.audits["resource-summary"]?.details as { items?: { resourceType: string; transferSize: number }[] }
    )?.items?.find((item) => item.resourceType === "script");
    const lcp = audit("largest-contentful-paint");
    const cls = audit("cumulative-layout-shift");
    const tbt = audit("total-blocking-time");
    const ok = lcp < GOALS.lcp && cls < GOALS.cls && tbt < GOALS.tbt;
    if (!ok) missed++;
    const breakdown = (
      lhr.audits["mainthread-work-breakdown"]?.details as {
        items?: { groupLabel: string; duration: number }[];
      }
    )?.items
      ?.slice(0, 4)
      .map((item) => `${item.groupLabel} ${Math.round(item.duration)} ms`)
      .join(", ");
    console.log(
      `${name.padEnd(10)} ${path.padEnd(40)} score ${Math.round((lhr.categories.performance?.score ?? 0) * 100)}, ` +
        `LCP ${(lcp / 1000).toFixed(2)} s, CLS ${cls.toFixed(3)}, TBT ${Math.round(tbt)} ms, ` +
        `JS ${((scripts?.transferSize ?? 0) / 1024).toFixed(1)} KB transferred${ok ? "" : "  ← misses a goal"}`,
    );
    if (name === "home")
      console.log(
        `           host benchmarkIndex ${lhr.environment.benchmarkIndex} (Lighthouse's CPU score of this machine)`,
      );
    // Where the main thread went (with the 4× CPU slowdown applied): what TBT is made of.
    console.log(`           main thread: ${breakdown}`);
  }
  console.log(
    `\nGoals: LCP < 2.5 s, CLS < 0.1, TBT < 200 ms. ${missed === 0 ? "All pages meet them." : `${missed} page(s) miss.`}`,
  );
  if (missed) process.exitCode = 1;
} finally {
  await chrome.kill();
  await portal.stop();
}
