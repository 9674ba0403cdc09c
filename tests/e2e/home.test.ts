import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { url, useBrowser } from "./browser";

const browser = useBrowser();

/** Follows the first item of a home page area and checks that its page opens; then comes back. */
async function followFirst(page: Page, area: string, path: RegExp, sameHeading: boolean) {
  const section = page.getByRole("region", { name: area });
  const first = section.getByRole("listitem").first().getByRole("link");
  await first.waitFor();
  const text = (await first.textContent())?.trim() ?? "";
  expect(text.length).toBeGreaterThan(3);
  await first.click();
  await expect.poll(() => new URL(page.url()).pathname).toMatch(path);
  const heading = page.getByRole("heading", { level: 1 });
  if (sameHeading) await page.getByRole("heading", { level: 1, name: text }).waitFor();
  else await heading.waitFor();
  await page.goBack();
  await page.getByRole("heading", { level: 1, name: "Кластер НКО Калужской области" }).waitFor();
}

describe("the home page after a fresh start", () => {
  it("shows the newest of each area from the demo year and follows one link of each", async () => {
    const page = await browser().newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(url("/"));

    // Live content, not promises: the demo year's handovers, listings, answers and members.
    await page.getByText(/Через Банк ресурсов уже состоялось \d+ передач/).waitFor();
    for (const area of ["Банк ресурсов", "Консультации", "Мероприятия", "Новые участники"]) {
      await expect.poll(() => page.getByRole("region", { name: area }).getByRole("listitem").count()).toBe(3);
    }
    // What works is not announced as coming.
    const soon = (await page.getByRole("region", { name: "Скоро" }).textContent()) ?? "";
    expect(soon).not.toMatch(/Консультации|Дайджест|Мероприятия/);

    await followFirst(page, "Банк ресурсов", /^\/resources\/[0-9A-Z]{26}$/, true);
    await followFirst(page, "Консультации", /^\/consultations\/[0-9A-Z]{26}$/, true);
    await followFirst(page, "Мероприятия", /^\/events\/[0-9A-Z]{26}$/, true);
    await followFirst(page, "Новые участники", /^\/members\/[0-9A-Z]{26}$/, false);

    await page
      .getByRole("region", { name: "Консультации" })
      .getByRole("link", { name: "Все ответы" })
      .click();
    await expect
      .poll(() => page.getByRole("main").getByRole("heading", { level: 3 }).count())
      .toBeGreaterThan(5);
    await page.close();
  });

  it("opens on a scorecard whose last 30 days have answered questions, the ministry's among them", async () => {
    const page = await browser().newPage();
    await page.goto(url("/consultations/scorecard"));
    for (const name of [/Минполитики/, /Эксперты/]) {
      const row = page.getByRole("row", { name }).first();
      await row.waitFor();
      const [received, answered] = await row.getByRole("cell").allTextContents();
      expect(Number(received)).toBeGreaterThan(0);
      expect(Number(answered)).toBeGreaterThan(0);
    }
    await page.close();
  });
});
