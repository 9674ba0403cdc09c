import { describe, it } from "vitest";
import { applyAs, approveAs, coordinatorContext, signIn, uniqueEmail, url, useBrowser } from "./browser";

const browser = useBrowser();

describe("the Resource Bank", () => {
  it("a member organisation offers a hall: draft, publish, and anyone finds it in the catalogue", async () => {
    const page = await browser().newPage({ viewport: { width: 360, height: 740 } });
    await signIn(page, uniqueEmail("offer"), "Светлана Зал");
    const organisation = `Центр «Зал ${Date.now().toString(36)}»`;
    const { id, version } = await applyAs(page, organisation);
    const desk = await (await coordinatorContext(browser())).newPage();
    await approveAs(desk, id, version);

    const title = `Зал на 40 мест ${Date.now().toString(36)}`;
    await page.goto(url("/resources"));
    await page.getByRole("link", { name: "Разместить объявление" }).click();
    await page.getByRole("radio", { name: "Предлагаю" }).check();
    await page.getByLabel("От чьего имени").selectOption({ label: organisation });
    await page.getByLabel("Категория").selectOption({ label: "Помещения" });
    await page.getByLabel("Название").fill(title);
    await page
      .getByLabel("Описание")
      .fill("Светлый зал с проектором в центре Калуги, по будням после 18:00.");
    await page.getByLabel("Где").selectOption({ label: "Калуга" });
    await page.getByLabel("Количество").fill("40");
    await page.getByLabel("Доступно с").fill("2026-12-01");
    await page.getByRole("button", { name: "Сохранить черновик" }).click();
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await page
      .getByText(/Черновик/)
      .first()
      .waitFor();
    await page.getByRole("button", { name: "Опубликовать" }).click();
    await page.getByRole("button", { name: "Снять с публикации" }).waitFor();

    const guest = await browser().newPage();
    await guest.goto(url("/resources"));
    await guest.getByLabel("Категория").selectOption({ label: "Помещения" });
    await guest.getByLabel("Где").selectOption({ label: "Калуга" });
    await guest.getByRole("link", { name: title }).click();
    await guest.getByRole("heading", { level: 1, name: title }).waitFor();
    await guest.getByRole("link", { name: organisation }).waitFor();
    await Promise.all([page.close(), desk.close(), guest.close()]);
  });
});
