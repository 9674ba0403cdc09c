import { describe, expect, it } from "vitest";
import { completeInn, completeOgrn } from "../../packages/core/src/identifiers";
import { codeFor, coordinatorContext, mailTo, uniqueEmail, url, useBrowser } from "./browser";

const browser = useBrowser();

describe("a person joins the cluster entirely in the browser", () => {
  it("joins as an NGO, logs in by emailed code, is approved by a coordinator and is found in the directory", async () => {
    const email = uniqueEmail("ngo");
    const name = `Калужская общественная организация «Ёжик ${Date.now().toString(36)}»`;
    const serial = String(Date.now() % 1e7).padStart(7, "0");

    // 1. An NGO person on a phone-sized screen opens the join page and signs up on the way.
    const applicant = await browser().newContext({ viewport: { width: 360, height: 740 } });
    const page = await applicant.newPage();
    await page.goto(url("/"));
    await page.getByRole("main").getByRole("link", { name: "Вступить в кластер" }).click();
    await page.getByLabel("Электронная почта", { exact: true }).fill(email);
    await page.getByRole("button", { name: "Получить код" }).click();
    await page.getByLabel("Код из письма").fill(await codeFor(email));
    await page.getByRole("button", { name: "Войти" }).click();
    await page.getByLabel("Имя и фамилия").fill("Ирина Соколова");
    await page.getByRole("checkbox", { name: "Даю согласие на обработку персональных данных" }).check();
    await page.getByRole("button", { name: "Зарегистрироваться" }).click();

    // 2. The application form: a wrong INN first, then the right one.
    await page.getByLabel("Полное название").fill(name);
    await page.getByLabel("ИНН", { exact: true }).fill("4027000001");
    await page.getByLabel("ОГРН или ОГРНИП").fill(completeOgrn(`10240${serial}`));
    await page.getByRole("checkbox", { name: "Поддержка семьи, материнства, отцовства и детства" }).check();
    await page.getByLabel("Муниципалитет").selectOption({ label: "Обнинск" });
    await page
      .getByLabel("Описание деятельности")
      .fill("Помогаем многодетным семьям Обнинска одеждой и занятиями.");
    await page.getByLabel("Электронная почта для связи").fill("ezhik@nko.example");
    await page.getByRole("checkbox", { name: /Показывать публично\s*:\s*электронная почта/ }).check();
    await page.getByRole("button", { name: "Отправить заявку" }).click();
    await expect
      .poll(() =>
        page
          .getByText(/контрольн/)
          .first()
          .isVisible(),
      )
      .toBe(true);

    await page.getByLabel("ИНН", { exact: true }).fill(completeInn(`40${serial}`));
    await page.getByRole("button", { name: "Отправить заявку" }).click();
    await page.getByRole("heading", { name: "Заявка отправлена" }).waitFor();
    expect((await mailTo(email)).map((m) => m.subject)).toContain("Заявка на вступление в кластер получена");

    // Not public yet.
    const guest = await browser().newContext();
    const guestPage = await guest.newPage();
    await guestPage.goto(url(`/members?q=${encodeURIComponent("ежик")}`));
    await guestPage.getByText(/Ничего не найдено/).waitFor();

    // 3. The coordinator approves it from the queue.
    const coordinator = await coordinatorContext(browser());
    const desk = await coordinator.newPage();
    await desk.goto(url("/coordinator/applications"));
    const application = desk.getByRole("article", { name });
    await application.getByRole("button", { name: "Одобрить" }).click();
    await expect.poll(() => application.count()).toBe(0);
    expect((await mailTo(email)).map((m) => m.subject)).toContain(
      "Заявка одобрена: добро пожаловать в кластер",
    );

    // 4. Anyone finds it in the directory, ё and case aside, and opens its page.
    await guestPage.goto(url("/members"));
    await guestPage.getByLabel("Поиск по названию").fill("ЕЖИК");
    await guestPage.getByRole("main").getByRole("button", { name: "Найти" }).click();
    await guestPage.getByRole("link", { name }).click();
    await guestPage.getByRole("heading", { level: 1, name }).waitFor();
    expect(await guestPage.getByText("ezhik@nko.example").isVisible()).toBe(true);

    await Promise.all([applicant.close(), guest.close(), coordinator.close()]);
  });
});
