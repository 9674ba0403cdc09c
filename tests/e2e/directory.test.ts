import { describe, expect, it } from "vitest";
import { url, useBrowser } from "./browser";

const browser = useBrowser();

describe("the public directory", () => {
  it("filters by kind, sphere and municipality, pages on, and opens an organisation", async () => {
    const page = await browser().newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(url("/"));
    await page.getByRole("link", { name: "Найти организацию" }).click();
    const results = page.getByRole("main").getByRole("heading", { level: 3 });
    await expect.poll(() => results.count()).toBe(20);
    await page.getByRole("button", { name: "Показать ещё" }).click();
    await expect.poll(() => results.count()).toBeGreaterThanOrEqual(30);
    expect(await page.getByText("демо", { exact: true }).first().isVisible()).toBe(true);

    await page.getByLabel("Вид участника").selectOption({ label: "НКО" });
    await page.getByLabel("Муниципалитет").selectOption({ label: "Обнинск" });
    await page
      .getByLabel("Сфера деятельности")
      .selectOption({ label: "Охрана окружающей среды и защита животных" });
    await expect.poll(() => page.url()).toMatch(/municipality=obninsk/);
    await expect.poll(() => results.count()).toBe(1);
    await page.getByRole("link", { name: "Обнинское общество защиты животных «Лапа»" }).waitFor();

    await page.getByRole("button", { name: "Сбросить фильтры" }).click();
    await page.getByLabel("Поиск по названию").fill("тёплый дом");
    await page.getByRole("main").getByRole("button", { name: "Найти" }).click();
    await page.getByRole("link", { name: "Фонд поддержки семьи «Тёплый дом»" }).click();
    await page.getByRole("heading", { level: 1, name: "Фонд поддержки семьи «Тёплый дом»" }).waitFor();
    expect(await page.getByText(/кризисная помощь семьям с детьми/).isVisible()).toBe(true);
    await page.close();
  });
});
