import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
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

/** One Chromium per test file, launched before its tests and closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
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
