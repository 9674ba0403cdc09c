import { describe, expect, it } from "vitest";
import { url, useBrowser } from "./browser";

const browser = useBrowser();

describe("the header's search", () => {
  it("lets a guest on a 360 px phone find an organisation by two words in another order and open it", async () => {
    const page = await browser().newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(url("/resources"));

    // On a phone the box is in the header itself, not behind the menu button.
    const box = page.getByRole("search").getByRole("searchbox", { name: "Поиск по порталу" });
    await box.fill("вместе жуковский");
    await box.press("Enter");
    await expect.poll(() => new URL(page.url()).pathname).toBe("/search");
    await page.getByRole("heading", { level: 1, name: "Поиск по порталу" }).waitFor();

    const organisations = page.getByRole("region", { name: "Организации" });
    const link = organisations.getByRole("link", { name: "Жуковский центр добровольчества «Вместе»" });
    await link.click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/members\/[0-9A-Z]{26}$/);
    await page.getByRole("heading", { level: 1, name: /Жуковский центр добровольчества/ }).waitFor();

    // A query with nothing to search for gets the API's Russian message, not an error page.
    await page.goto(url(`/search?q=${encodeURIComponent("и в на")}`));
    await page.getByRole("status").getByText("Уточните запрос").waitFor();
    await page.close();
  });

  it("finds a word in another form («театры» for «театр-студия») and keeps the query in the box", async () => {
    const page = await browser().newPage();
    await page.goto(url("/"));
    const box = page.getByRole("searchbox", { name: "Поиск по порталу" });
    await box.fill("театры");
    await page.getByRole("search").getByRole("button", { name: "Найти" }).click();
    const organisations = page.getByRole("region", { name: "Организации" });
    await organisations
      .getByRole("link", { name: /Светлячок/ })
      .first()
      .waitFor();
    expect(await box.inputValue()).toBe("театры");
    await page.close();
  });
});
