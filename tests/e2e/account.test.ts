import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyAs, codeFor, mailTo, signIn, uniqueEmail, url, useBrowser } from "./browser";

const browser = useBrowser();

describe("my account", () => {
  it("edits the profile, downloads my data and logs out", async () => {
    const email = uniqueEmail("me");
    const page = await browser().newPage({ acceptDownloads: true });
    await signIn(page, email, "Анна Черновик");
    await page.goto(url("/account"));
    await page.getByLabel("Имя и фамилия").fill("Анна Чистова");
    await page.getByLabel("Телефон (необязательно)").fill("8 910 000-11-22");
    await page.getByRole("button", { name: "Сохранить", exact: true }).click();
    await expect
      .poll(async () => (await page.request.get(url("/api/auth/session"))).json())
      .toMatchObject({
        account: { name: "Анна Чистова", phone: "+79100001122" },
      });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Скачать мои данные" }).click(),
    ]);
    const exported = JSON.parse(readFileSync((await download.path())!, "utf8"));
    expect(exported.account).toMatchObject({ email, name: "Анна Чистова" });

    await page.getByRole("button", { name: "Выйти" }).click();
    await page.waitForURL(url("/"));
    await page.goto(url("/account"));
    await page.getByRole("heading", { name: "Вход на портал" }).waitFor();
    await page.close();
  });

  it("deletes the account and its personal data after a confirmation", async () => {
    const page = await browser().newPage();
    await signIn(page, uniqueEmail("leaving"), "Уходящий Участник");
    await page.goto(url("/account"));
    await page.getByRole("button", { name: "Удалить учётную запись" }).click();
    await page.getByRole("button", { name: "Да, удалить навсегда" }).click();
    await page.waitForURL(url("/"));
    const session = await (await page.request.get(url("/api/auth/session"))).json();
    expect(session.account).toBeNull();
    await page.close();
  });

  it("edits the organisation, refusing a stale second edit instead of losing the first", async () => {
    const email = uniqueEmail("editor");
    const context = await browser().newContext();
    const first = await context.newPage();
    await signIn(first, email, "Вера Редакторова");
    const { id } = await applyAs(first, `Студия «Правка ${Date.now().toString(36)}»`);
    const second = await context.newPage();
    await first.goto(url(`/members/${id}/edit`));
    await second.goto(url(`/members/${id}/edit`));
    await first
      .getByLabel("Описание деятельности")
      .fill("Первая правка: занятия по субботам для детей 7–12 лет.");
    await second
      .getByLabel("Описание деятельности")
      .fill("Вторая правка, сделанная поверх старой версии профиля.");
    await first.getByRole("button", { name: "Сохранить изменения" }).click();
    await first.getByText("Изменения сохранены.").waitFor();
    await second.getByRole("button", { name: "Сохранить изменения" }).click();
    await second.getByText("Профиль уже изменили").waitFor();
    await second.getByRole("button", { name: "Загрузить актуальную версию" }).click();
    await expect
      .poll(() => second.getByLabel("Описание деятельности").inputValue())
      .toContain("Первая правка");
    await context.close();
  });

  it("invites a colleague who accepts by the emailed link", async () => {
    const owner = await browser().newPage();
    await signIn(owner, uniqueEmail("owner"), "Ольга Руководитель");
    const organisation = `Студия «Вместе ${Date.now().toString(36)}»`;
    const { id } = await applyAs(owner, organisation);
    await owner.goto(url(`/members/${id}/representatives`));
    const colleagueEmail = uniqueEmail("colleague");
    await owner.getByLabel("Электронная почта").fill(colleagueEmail);
    await owner.getByRole("button", { name: "Пригласить" }).click();
    await owner.getByRole("main").getByRole("listitem").filter({ hasText: colleagueEmail }).waitFor();

    const mail = (await mailTo(colleagueEmail)).find((m) => m.subject.startsWith("Приглашение"));
    const link = /https?:\/\/\S+\/invitations\/accept\?token=[\w-]+/.exec(mail?.body.text ?? "")?.[0];
    expect(link).toBeTruthy();
    const colleague = await browser().newPage();
    await colleague.goto(link!.replace(/^https?:\/\/[^/]+/, url("")));
    await colleague.getByLabel("Электронная почта").fill(colleagueEmail);
    await colleague.getByRole("button", { name: "Получить код" }).click();
    await colleague.getByLabel("Код из письма").fill(await codeFor(colleagueEmail));
    await colleague.getByRole("button", { name: "Войти" }).click();
    await colleague.getByLabel("Имя и фамилия").fill("Коллега Новенькая");
    await colleague.getByRole("checkbox", { name: "Даю согласие на обработку персональных данных" }).check();
    await colleague.getByRole("button", { name: "Зарегистрироваться" }).click();
    await colleague.getByRole("heading", { level: 1, name: organisation }).waitFor();
    await colleague.goto(url("/account"));
    await colleague.getByRole("link", { name: organisation }).waitFor();
    await Promise.all([owner.close(), colleague.close()]);
  });
});
