import { describe, expect, inject, it } from "vitest";
import {
  applyAs,
  approveAs,
  coordinatorContext,
  mailTo,
  signIn,
  signInAsExpert,
  uniqueEmail,
  url,
  useBrowser,
} from "./browser";

const browser = useBrowser();

describe("consultations in the browser", () => {
  it("an NGO asks the regional ministry; an official takes it and answers; the NGO marks it solved; it is in the knowledge base", async () => {
    const tag = Date.now().toString(36);
    const ngoEmail = uniqueEmail("asker");
    const ngo = await browser().newPage({ viewport: { width: 360, height: 740 } });
    const ministry = await browser().newPage();
    await signIn(ngo, ngoEmail, "Анна Вопросова");
    await signIn(ministry, uniqueEmail("official"), "Олег Чиновников");
    const ngoName = `АНО «Вопрос ${tag}»`;
    const bodyName = `Министерство экономического развития ${tag}`;
    const ngoOrg = await applyAs(ngo, ngoName);
    const body = await applyAs(ministry, bodyName, "authority");
    const desk = await (await coordinatorContext(browser())).newPage();
    await approveAs(desk, ngoOrg.id, ngoOrg.version);
    await approveAs(desk, body.id, body.version);
    // The coordinator makes the ministry's representative an official (the people page's PUT).
    const session = await (await ministry.request.get(url("/api/auth/session"))).json();
    const granted = await desk.request.put(url(`/api/accounts/${session.account.id}/roles`), {
      headers: { origin: inject("portalUrl") },
      data: { roles: ["member", "official"], version: session.account.version },
    });
    expect(granted.status()).toBe(200);

    const title = `Как получить субсидию на аренду помещения ${tag}`;
    await ngo.goto(url("/consultations"));
    await ngo.getByRole("link", { name: "Задать вопрос" }).click();
    await ngo.getByRole("heading", { level: 1, name: "Задать вопрос" }).waitFor();
    await ngo.getByLabel("Тема").selectOption({ label: "Взаимодействие с органами власти" });
    await ngo.getByRole("radio", { name: "Органу власти (официальный ответ)" }).check();
    await ngo.getByLabel("Орган власти").selectOption({ label: bodyName });
    await ngo.getByLabel("Вопрос кратко").fill(title);
    await ngo
      .getByLabel("Подробности")
      .fill(
        "Наша организация арендует помещение для занятий с детьми. Есть ли региональная субсидия на аренду?",
      );
    await ngo.getByRole("button", { name: "Отправить вопрос" }).click();
    await ngo
      .getByRole("heading", { level: 1, name: title })
      .waitFor()
      .catch(async (error) => {
        // What the form said instead of moving on, so a failure explains itself.
        throw new Error(`${error}\n--- page ---\n${await ngo.locator("main").innerText()}`);
      });
    await ngo.getByText("Ждёт ответа").waitFor();

    // The official finds it on their desk, takes it and answers.
    await ministry.goto(url("/consultations/desk"));
    await ministry.getByRole("link", { name: title }).click();
    await ministry.getByRole("button", { name: "Беру в работу" }).click();
    await ministry
      .getByLabel("Ваш ответ")
      .fill("Да: субсидия на аренду предоставляется по конкурсу, заявки принимаются до 1 марта.");
    await ministry.getByRole("button", { name: "Отправить ответ" }).click();
    await ministry.getByText(`официальный ответ: ${bodyName}`).waitFor();

    // The NGO got the letter, opens the question and marks the answer as the solution.
    for (
      let i = 0;
      i < 50 && !(await mailTo(ngoEmail)).some((m) => m.subject === `Ответ на ваш вопрос «${title}»`);
      i++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await mailTo(ngoEmail)).map((m) => m.subject)).toContain(`Ответ на ваш вопрос «${title}»`);
    await ngo.reload();
    await ngo.getByRole("heading", { name: "Вопрос решён?" }).waitFor();
    await ngo.getByRole("radio", { name: "5" }).check();
    await ngo.getByRole("button", { name: "Отметить решённым" }).click();
    await ngo.getByText("Решение, оценка 5 из 5").waitFor();

    // A guest finds it in the knowledge base, with the page's own title.
    const guest = await browser().newPage();
    await guest.goto(url("/consultations"));
    await guest.getByLabel("Поиск по вопросам и ответам").fill("субсидию");
    await guest.getByRole("main").getByRole("button", { name: "Найти" }).click();
    await guest.getByRole("link", { name: title }).click();
    await guest.getByRole("heading", { level: 1, name: title }).waitFor();
    expect(await guest.title()).toContain(title);
    expect(await guest.locator('meta[name="description"]').getAttribute("content")).toContain("аренду");

    // The public scorecard counts it for the ministry: received 1, answered 1, on time 100 %.
    await guest.goto(url("/consultations"));
    await guest.getByRole("link", { name: "Скорость ответов" }).click();
    const row = guest.getByRole("row", { name: new RegExp(bodyName) });
    await row.waitFor();
    expect((await row.getByRole("cell").allInnerTexts()).slice(0, 3)).toEqual(["1", "1", "100 %"]);
    await Promise.all([ngo.close(), ministry.close(), desk.close(), guest.close()]);
  });
});

describe("a coordinator reassigning a question", () => {
  it("gives an untaken question to an expert of its topic, who finds it on their desk", async () => {
    const tag = Date.now().toString(36);
    const asker = await browser().newPage();
    const expertPage = await browser().newPage();
    await signIn(asker, uniqueEmail("asker2"), "Инна Спрашивающая");
    const desk = await (await coordinatorContext(browser())).newPage();
    await signInAsExpert(expertPage, desk, `Эксперт Бухгалтер ${tag}`, "accounting");
    const origin = { origin: inject("portalUrl") };
    const title = `Как отчитаться за целевые поступления ${tag}`;
    const asked = await asker.request.post(url("/api/consultations"), {
      headers: origin,
      data: {
        topic: "accounting",
        title,
        text: "Получили пожертвование на проект. Как отразить целевые поступления в отчётности?",
        visibility: "private",
      },
    });
    expect(asked.status()).toBe(201);
    const { id } = await asked.json();

    await desk.goto(url(`/consultations/${id}`));
    await desk.getByRole("heading", { name: "Назначить отвечающего" }).waitFor();
    await desk.getByLabel("Кому").selectOption({ label: `Эксперт Бухгалтер ${tag}` });
    await desk.getByRole("button", { name: "Назначить" }).click();
    // "Отвечает" now names the expert.
    await desk
      .locator("dd")
      .filter({ hasText: `Эксперт Бухгалтер ${tag}` })
      .waitFor();

    await expertPage.goto(url("/consultations/desk"));
    const taken = expertPage.getByRole("region", { name: "Взятые мной" });
    await taken.getByRole("link", { name: title }).waitFor();
    await Promise.all([asker.close(), expertPage.close(), desk.close()]);
  });
});
