import { moscowToday } from "@cluster/core/shared/dates";
import { describe, expect, it } from "vitest";
import {
  applyAs,
  approveAs,
  coordinatorContext,
  mailTo,
  signIn,
  uniqueEmail,
  url,
  useBrowser,
} from "./browser";

const browser = useBrowser();

/** The first letter to the address whose subject and text match, waiting for the send to land. */
async function letter(email: string, subject: string, containing: string) {
  for (let i = 0; i < 100; i++) {
    const found = (await mailTo(email)).find(
      (mail) => mail.subject === subject && (mail.body.text ?? "").includes(containing),
    );
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no letter "${subject}" with ${containing} to ${email}`);
}

describe("a Resource Bank exchange, end to end", () => {
  it("an NGO asks for a hall, a business offers one, both are told, and the handover lands in the ledger", async () => {
    const tag = Date.now().toString(36);
    const ngoEmail = uniqueEmail("ngo");
    const businessEmail = uniqueEmail("business");
    const ngoName = `АНО «Мастерская ${tag}»`;
    const businessName = `ООО «Конференц-зал ${tag}»`;

    const ngo = await browser().newPage({ viewport: { width: 360, height: 740 } });
    const business = await browser().newPage();
    await signIn(ngo, ngoEmail, "Нина Мастерская");
    await signIn(business, businessEmail, "Борис Залов");
    const ngoOrg = await applyAs(ngo, ngoName);
    const businessOrg = await applyAs(business, businessName, "business");
    const desk = await (await coordinatorContext(browser())).newPage();
    await approveAs(desk, ngoOrg.id, ngoOrg.version);
    await approveAs(desk, businessOrg.id, businessOrg.version);

    async function post(
      page: typeof ngo,
      kind: "Ищу" | "Предлагаю",
      owner: string,
      title: string,
      seats: string,
    ) {
      await page.goto(url("/resources/new"));
      await page.getByRole("radio", { name: kind }).check();
      await page.getByLabel("От чьего имени").selectOption({ label: owner });
      await page.getByLabel("Категория").selectOption({ label: "Помещения" });
      await page.getByLabel("Название").fill(title);
      await page
        .getByLabel("Описание")
        .fill(`${title}: зал для мастер-классов и встреч, с проектором и стульями.`);
      await page.getByLabel("Где").selectOption({ label: "Калуга" });
      await page.getByLabel("Количество").fill(seats);
      await page.getByRole("button", { name: "Сохранить черновик" }).click();
      await page.getByRole("heading", { level: 1, name: title }).waitFor();
      await page.getByRole("button", { name: "Опубликовать" }).click();
      await page.getByText(/Объявление опубликовано/).waitFor();
      return page.url().split("/").at(-1) ?? "";
    }

    const requestTitle = `Нужен зал для мастер-класса ${tag}`;
    const offerTitle = `Конференц-зал на 40 мест ${tag}`;
    const requestId = await post(ngo, "Ищу", ngoName, requestTitle, "30");
    const offerId = await post(business, "Предлагаю", businessName, offerTitle, "40");

    // The new offer shows the request among its matches, and both owners got the match letter.
    await business.getByRole("heading", { name: "Подходящие запросы" }).waitFor();
    await business.getByRole("link", { name: requestTitle }).waitFor();
    await letter(
      businessEmail,
      `Нашлись подходящие объявления для «${offerTitle}»`,
      `/resources/${requestId}`,
    );
    const toNgo = await letter(
      ngoEmail,
      `Нашлись подходящие объявления для «${requestTitle}»`,
      `/resources/${offerId}`,
    );

    // The NGO follows the letter's link and responds.
    const link = /(http\S+\/resources\/\S+)/.exec(
      toNgo.body.text?.split("\n").find((line) => line.includes(offerId)) ?? "",
    )?.[1];
    await ngo.goto(link ?? url(`/resources/${offerId}`));
    await ngo.getByRole("heading", { level: 1, name: offerTitle }).waitFor();
    await ngo
      .getByLabel("Сообщение автору")
      .fill("Проведём мастер-класс по керамике для 30 участников в субботу.");
    await ngo.getByLabel("Сколько нужно").fill("30");
    await ngo.getByRole("button", { name: "Откликнуться" }).click();
    await ngo.getByText("Отклик отправлен").waitFor();

    // The business accepts it on its listing page.
    await business.reload();
    await business.getByRole("heading", { name: "Отклики" }).waitFor();
    await business.getByRole("button", { name: "Принять" }).click();
    await business.getByRole("button", { name: "Отметить: передано" }).waitFor();

    // The NGO now sees the business's contacts on the response page.
    await ngo.getByRole("link", { name: "Открыть отклик и переписку" }).click();
    await ngo.getByRole("heading", { name: "Контакты" }).waitFor();
    await ngo.getByRole("link", { name: businessEmail }).waitFor();
    await ngo.getByLabel("Новое сообщение").fill("Спасибо! Приедем к 10:00.");
    await ngo.getByRole("button", { name: "Отправить" }).click();
    await ngo.getByText("Спасибо! Приедем к 10:00.").waitFor();

    // The owner records the handover; the ledger on both organisation pages shows it.
    await business.getByRole("button", { name: "Отметить: передано" }).click();
    await business.getByText("Передано", { exact: true }).waitFor();
    await business.goto(url(`/members/${businessOrg.id}`));
    await business.getByRole("heading", { name: "Вклад в Банк ресурсов" }).waitFor();
    await business.getByText("1 передача").first().waitFor();
    await business.getByRole("link", { name: offerTitle }).waitFor();
    await ngo.goto(url(`/members/${ngoOrg.id}`));
    const received = ngo.locator("dt", { hasText: "Получила" }).locator("xpath=following-sibling::dd[1]");
    expect(await received.textContent()).toContain("1 передача");

    await Promise.all([ngo.close(), business.close(), desk.close()]);
  });
});

describe("Resource Bank housekeeping in the browser", () => {
  it("the owner declines a response and closes the listing; a coordinator hides another and exports the ledger", async () => {
    const tag = Date.now().toString(36);
    const owner = await browser().newPage();
    const taker = await browser().newPage({ viewport: { width: 360, height: 740 } });
    const takerEmail = uniqueEmail("taker");
    await signIn(owner, uniqueEmail("owner"), "Ольга Владелец");
    await signIn(taker, takerEmail, "Тимур Получатель");
    const ownerOrg = await applyAs(owner, `Фонд «Склад ${tag}»`);
    const takerOrg = await applyAs(taker, `АНО «Получатель ${tag}»`);
    const desk = await (await coordinatorContext(browser())).newPage();
    await approveAs(desk, ownerOrg.id, ownerOrg.version);
    await approveAs(desk, takerOrg.id, takerOrg.version);

    const api = async (page: typeof owner, path: string, data: unknown) => {
      const response = await page.request.post(url(path), {
        headers: { origin: url("").replace(/\/$/, "") },
        data,
      });
      expect(response.status(), await response.text()).toBeLessThan(300);
      return response.json();
    };
    const offer = async (title: string) => {
      const draft = await api(owner, "/api/resources", {
        kind: "offer",
        organisationId: ownerOrg.id,
        category: "materials",
        title,
        description: "Коробки с канцелярией для детских кружков: бумага, краски, клей.",
        place: "region",
        quantity: 5,
        availableFrom: moscowToday(),
      });
      await api(owner, `/api/resources/${draft.id}/publish`, { version: 1 });
      return draft.id as string;
    };
    const boxes = await offer(`Канцелярия для кружков ${tag}`);
    const doubtful = await offer(`Подозрительная раздача ${tag}`);
    const response = await api(taker, "/api/responses", {
      listingId: boxes,
      organisationId: takerOrg.id,
      message: "Возьмём две коробки для кружка рисования.",
      quantity: 2,
    });

    await owner.goto(url(`/responses/${response.id}`));
    await owner.getByLabel("Причина, если отклоняете (необязательно)").fill("Уже отдали другой организации");
    await owner.getByRole("button", { name: "Отклонить" }).click();
    await owner.getByText("Отклонён", { exact: true }).waitFor();
    await owner.getByText("Уже отдали другой организации").waitFor();

    await taker.goto(url("/account"));
    const mine = taker.getByRole("region", { name: "Мои отклики" });
    await mine.getByRole("link", { name: `Канцелярия для кружков ${tag}` }).waitFor();
    await mine.getByText("Отклонён").waitFor();

    const second = await api(taker, "/api/responses", {
      listingId: boxes,
      organisationId: takerOrg.id,
      message: "Тогда возьмём одну коробку, если останется.",
      quantity: 1,
    });
    await taker.goto(url(`/responses/${second.id}`));
    await taker.getByRole("button", { name: "Отозвать отклик" }).click();
    await taker.getByText("Отменён", { exact: true }).waitFor();

    await owner.goto(url(`/resources/${boxes}`));
    await owner.getByRole("button", { name: "Завершить: всё передано" }).click();
    await owner.getByText("Объявление закрыто как выполненное.").waitFor();

    await desk.goto(url(`/resources/${doubtful}`));
    await desk.getByLabel("Причина скрытия").fill("Похоже на рекламу платных услуг");
    await desk.getByRole("button", { name: "Скрыть объявление" }).click();
    await desk.getByText("Причина: Похоже на рекламу платных услуг").waitFor();

    await desk.goto(url("/coordinator/applications"));
    await desk.getByRole("link", { name: "Вклад участников" }).click();
    await desk.getByRole("heading", { name: "Итоги по кластеру" }).waitFor();
    const [download] = await Promise.all([
      desk.waitForEvent("download"),
      desk.getByRole("link", { name: "Скачать CSV" }).click(),
    ]);
    const { readFile } = await import("node:fs/promises");
    const bytes = await readFile((await download.path()) ?? "");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toContain("Дата;Категория;Что передано");

    await Promise.all([owner.close(), taker.close(), desk.close()]);
  });
});
