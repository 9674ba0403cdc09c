import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { codeFor, uniqueEmail, url, useBrowser } from "./browser";

const browser = useBrowser();

/** Presses Tab until the focused element is the one wanted: it must be reachable by keyboard. */
async function tabTo(page: Page, label: string) {
  const seen: string[] = [];
  for (let presses = 0; presses < 25; presses++) {
    // A string, evaluated in the page: the tests are typed without the DOM library.
    const focused: string = await page.evaluate(`(() => {
      const element = document.activeElement;
      if (!element) return "";
      const labelled = element.id ? document.querySelector('label[for="' + element.id + '"]')?.textContent : "";
      return (element.getAttribute("aria-label") || labelled || element.textContent || "").trim();
    })()`);
    seen.push(focused);
    if (focused.startsWith(label)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`"${label}" cannot be reached with Tab; focus went through: ${seen.join(" | ")}`);
}

describe("by keyboard alone", () => {
  it("a new person signs up from the login page", async () => {
    const email = uniqueEmail("keyboard");
    const page = await browser().newPage();
    await page.goto(url("/login"));
    await tabTo(page, "Электронная почта");
    await page.keyboard.type(email);
    await page.keyboard.press("Enter");
    await page.getByLabel("Код из письма").waitFor();
    await tabTo(page, "Код из письма");
    await page.keyboard.type(await codeFor(email));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Регистрация" }).waitFor();
    await tabTo(page, "Имя и фамилия");
    await page.keyboard.type("Клавиатурный Пользователь");
    await tabTo(page, "Даю согласие");
    await page.keyboard.press("Space");
    await tabTo(page, "Зарегистрироваться");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Мой кабинет" }).waitFor();
    const session = await (await page.request.get(url("/api/auth/session"))).json();
    expect(session.account.name).toBe("Клавиатурный Пользователь");
    await page.close();
  });
});
