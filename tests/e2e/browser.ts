import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";
import { E2E_COORDINATOR } from "./global-setup";

/**
 * Debian's Chromium, headless, with the background services off: this machine's network is
 * closed, and Chromium's own update and sync calls would only fail and slow it down.
 */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** A serious or critical axe violation, or a CSP refusal the browser reported. */
interface Finding {
  rule: string;
  impact: string;
  help: string;
  target: string;
  html: string;
  url: string;
  after: string;
}

/** A page path with its ids blanked, so one problem on every organisation's page is one finding. */
const pathOf = (address: string) =>
  new URL(address).pathname.replace(/[0-9A-HJKMNP-TV-Z]{26}/g, ":id").replace(/[0-9a-f-]{36}/g, ":uuid");

/**
 * Runs axe-core on every page the tests open: after each navigation (client-side ones too)
 * and after each write to the API (a form sent, a button pressed), once the page has been
 * quiet for a moment, and on every page still open at the end. Serious and critical violations
 * are collected, with the browser's Content-Security-Policy refusals, and reported together.
 * axe is evaluated through the DevTools protocol, so the page's CSP stays on and is tested too.
 */
export class AxeAudit {
  readonly findings = new Map<string, Finding>();
  scans = 0;
  private readonly pages = new Set<Page>();
  private readonly timers = new Map<Page, ReturnType<typeof setTimeout>>();
  private readonly running = new Map<Page, Promise<void>>();
  private readonly reasons = new Map<Page, string>();
  private readonly scanned = new Set<string>();
  private readonly ids = new WeakMap<Page, number>();
  private pageCount = 0;
  scanMs = 0;

  watchBrowser(browser: Browser) {
    const newContext = browser.newContext.bind(browser);
    browser.newContext = async (...args: Parameters<Browser["newContext"]>) => {
      const context = await newContext(...args);
      this.watchContext(context);
      return context;
    };
    const newPage = browser.newPage.bind(browser);
    browser.newPage = async (...args: Parameters<Browser["newPage"]>) => {
      const page = await newPage(...args);
      this.watchContext(page.context());
      this.watchPage(page);
      return page;
    };
  }

  watchContext(context: BrowserContext) {
    context.on("page", (page) => this.watchPage(page));
    for (const page of context.pages()) this.watchPage(page);
  }

  watchPage(page: Page) {
    if (this.pages.has(page)) return;
    this.pages.add(page);
    // Pages of different people show the same address differently: each is judged on its own.
    this.ids.set(page, ++this.pageCount);
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) this.schedule(page, `opening ${pathOf(frame.url())}`);
    });
    page.on("requestfinished", (request) => {
      if (request.method() !== "GET" && request.url().includes("/api/")) {
        this.schedule(page, `${request.method()} ${pathOf(request.url())}`);
      }
    });
    page.on("console", (message) => {
      const text = message.text();
      if (message.type() === "error" && /Content Security Policy/i.test(text)) {
        this.record({
          rule: "content-security-policy",
          impact: "critical",
          help: text.slice(0, 300),
          target: "",
          html: "",
          url: pathOf(page.url()),
          after: this.reasons.get(page) ?? "",
        });
      }
    });
    const close = page.close.bind(page);
    page.close = async (...args: Parameters<Page["close"]>) => {
      await this.scanIfDue(page).catch(() => {});
      return close(...args);
    };
    page.on("close", () => {
      clearTimeout(this.timers.get(page));
      this.timers.delete(page);
      this.pages.delete(page);
    });
  }

  private schedule(page: Page, reason: string) {
    this.reasons.set(page, reason);
    clearTimeout(this.timers.get(page));
    this.timers.set(
      page,
      setTimeout(() => {
        this.timers.delete(page);
        void this.scan(page).catch(() => {});
      }, 600),
    );
  }

  /** Runs now the scan a navigation or a write scheduled, if it has not run yet. */
  private async scanIfDue(page: Page) {
    if (!this.timers.has(page)) return this.running.get(page);
    clearTimeout(this.timers.get(page));
    this.timers.delete(page);
    return this.scan(page);
  }

  /**
   * One axe run on the page as it is now; a navigation mid-run only drops this run. A page
   * already scanned at the same address after the same step is not scanned again.
   */
  async scan(page: Page): Promise<void> {
    const previous = this.running.get(page);
    if (previous) await previous;
    // A page not yet sent anywhere (about:blank) is the browser's, not the portal's.
    if (page.isClosed() || !page.url().startsWith("http")) return;
    const state = `${this.ids.get(page)}|${pathOf(page.url())}|${this.reasons.get(page) ?? ""}`;
    if (this.scanned.has(state)) return;
    this.scanned.add(state);
    const run = this.run(page).finally(() => this.running.delete(page));
    this.running.set(page, run);
    return run;
  }

  private async run(page: Page) {
    const after = this.reasons.get(page) ?? "";
    const started = performance.now();
    try {
      await page.waitForLoadState("domcontentloaded");
      // Judge the page once its data is in: a list being refreshed is a passing state.
      await page
        .waitForFunction(`!document.querySelector('[aria-busy="true"]')`, null, { timeout: 3000 })
        .catch(() => {});
      if (!(await page.evaluate("typeof axe === 'object'"))) await page.evaluate(axeSource);
      const address = page.url();
      // A string: this project compiles tests without the DOM's types.
      const violations = (await page.evaluate(`axe.run(document, { resultTypes: ["violations"] }).then((r) =>
        r.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help,
          nodes: nodes.map((n) => ({ target: n.target.join(" "), html: n.html, impact: n.impact,
            summary: n.failureSummary })) })))`)) as {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: string; html: string; impact: string | null; summary?: string }[];
      }[];
      this.scans++;
      this.scanMs += performance.now() - started;
      for (const violation of violations) {
        for (const node of violation.nodes) {
          const impact = node.impact ?? violation.impact ?? "";
          if (impact !== "serious" && impact !== "critical") continue;
          this.record({
            rule: violation.id,
            impact,
            help: `${violation.help}${node.summary ? ` (${node.summary.replace(/\s+/g, " ").slice(0, 200)})` : ""}`,
            target: node.target,
            html: node.html.slice(0, 160),
            url: pathOf(address),
            after,
          });
        }
      }
    } catch (error) {
      // The page navigated or closed during the run: the next navigation schedules another.
      if (!/context was destroyed|closed|navigat/i.test(String(error))) throw error;
    }
  }

  private record(finding: Finding) {
    const key = `${finding.rule}|${finding.url}|${finding.target}|${finding.help}`;
    if (!this.findings.has(key)) this.findings.set(key, finding);
  }

  /** Runs every scan still waiting and waits for those under way. */
  async flush() {
    await Promise.all([...this.pages].map((page) => this.scanIfDue(page)?.catch(() => {})));
  }

  report() {
    const findings = [...this.findings.values()];
    if (!findings.length) return "";
    return findings
      .map(
        (f) =>
          `- [${f.impact}] ${f.rule} on ${f.url} (after ${f.after}): ${f.help}` +
          (f.target ? `\n    at ${f.target}\n    ${f.html}` : ""),
      )
      .join("\n");
  }
}

/**
 * One Chromium per test file, launched before its tests and closed after them. Every page it
 * opens is checked by axe-core (see AxeAudit); the file fails at the end on any serious or
 * critical violation, or on any CSP refusal, with the list.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  const audit = new AxeAudit();
  beforeAll(async () => {
    browser = await launch();
    audit.watchBrowser(browser);
  });
  afterAll(async () => {
    await audit.flush();
    await browser?.close();
    const report = audit.report();
    if (process.env.AXE_LOG)
      console.log(
        `axe: ${audit.scans} scans in ${Math.round(audit.scanMs)} ms, ${audit.findings.size} findings`,
      );
    expect(report, `axe-core (serious, critical) and CSP on every page:\n${report}`).toBe("");
  });
  return () => {
    if (!browser) throw new Error("the browser starts in beforeAll");
    return browser;
  };
}

export const url = (path = "/") => `${inject("portalUrl")}${path}`;

interface SentEmail {
  destination: { to: string[] };
  subject: string;
  body: { text?: string };
}

export async function mailTo(email: string): Promise<SentEmail[]> {
  const response = await fetch(`${inject("sesUrl")}/store`);
  const { emails } = (await response.json()) as { emails: SentEmail[] };
  return emails.filter((mail) => mail.destination.to.includes(email));
}

/** The newest login code mailed to the address, waiting briefly for the send to land. */
export async function codeFor(email: string): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const subjects = (await mailTo(email)).map((m) => m.subject).filter((s) => s.startsWith("Код для входа"));
    const code = /(\d{6})/.exec(subjects.at(-1) ?? "")?.[1];
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no login code mailed to ${email}`);
}

let counter = 0;
export const uniqueEmail = (prefix: string) =>
  `${prefix}.${Date.now().toString(36)}.${++counter}@e2e.example`;

/** Signs in through the login page, signing up on the way if the person is new. */
export async function signIn(page: Page, email: string, name = "Проверка Браузерная") {
  await page.goto(url("/login"));
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByRole("button", { name: "Получить код" }).click();
  await page.getByLabel("Код из письма").fill(await codeFor(email));
  await page.getByRole("button", { name: "Войти" }).click();
  const signUp = page.getByRole("heading", { name: "Регистрация" });
  const account = page.getByRole("heading", { level: 1, name: "Мой кабинет" });
  await signUp.or(account).first().waitFor();
  if (await signUp.isVisible()) {
    await page.getByLabel("Имя и фамилия").fill(name);
    await page.getByRole("checkbox", { name: "Даю согласие на обработку персональных данных" }).check();
    await page.getByRole("button", { name: "Зарегистрироваться" }).click();
    await account.waitFor();
  }
}

/** An application made through the API with the page's own session (as the form would send it). */
export async function applyAs(page: Page, name: string, kind: "ngo" | "business" | "authority" = "ngo") {
  const { completeInn, completeOgrn } = await import("../../packages/core/src/identifiers");
  const serial = String((Date.now() + ++counter) % 1e7).padStart(7, "0");
  const response = await page.request.post(url("/api/members"), {
    headers: { origin: inject("portalUrl") },
    data: {
      kind,
      name,
      inn: completeInn(`41${serial}`),
      ogrn: completeOgrn(`10241${serial}`),
      spheres: ["culture"],
      municipality: "kaluga",
      description: "Театральная студия для детей и взрослых в Калуге.",
      contacts: {},
    },
  });
  if (response.status() !== 201) throw new Error(`apply failed: ${await response.text()}`);
  return (await response.json()) as { id: string; version: number };
}

/** Approves through the API as the (signed-in) coordinator page. */
export async function approveAs(page: Page, id: string, version: number) {
  const response = await page.request.post(url(`/api/members/${id}/approve`), {
    headers: { origin: inject("portalUrl") },
    data: { version },
  });
  if (response.status() !== 200) throw new Error(`approve failed: ${await response.text()}`);
}

/** A new person signed in on `page`, whom the coordinator (on `desk`) makes an expert of the topic. */
export async function signInAsExpert(page: Page, desk: Page, name: string, topic: string) {
  await signIn(page, uniqueEmail("expert"), name);
  const session = await (await page.request.get(url("/api/auth/session"))).json();
  const granted = await desk.request.put(url(`/api/accounts/${session.account.id}/roles`), {
    headers: { origin: inject("portalUrl") },
    data: { roles: ["expert"], expertTopics: [topic], version: session.account.version },
  });
  if (granted.status() !== 200) throw new Error(`expert role refused: ${await granted.text()}`);
}

/**
 * The coordinator's browser context. Signs in through the page once per run and reuses the
 * cookies after that: a second code for one address within 60 s is (rightly) refused.
 */
export async function coordinatorContext(browser: Browser) {
  const state = join(tmpdir(), `e2e-coordinator-${inject("runId")}.json`);
  if (existsSync(state)) return browser.newContext({ storageState: state });
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, E2E_COORDINATOR, "Координатор");
  await context.storageState({ path: state });
  await page.close();
  return context;
}
