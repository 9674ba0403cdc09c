import { type Browser, chromium, type Page } from "playwright-core";
import { inject } from "vitest";

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
