import { describe, expect, it } from "vitest";
import { mailTo, signIn, uniqueEmail, url, useBrowser } from "./browser";

const browser = useBrowser();

/** The link to `page` in the newest letter to the address, waiting briefly for it to land. */
async function linkIn(email: string, page: string) {
  for (let i = 0; i < 50; i++) {
    const texts = (await mailTo(email)).map((mail) => mail.body.text ?? "");
    const found = texts
      .flatMap((text) => [...text.matchAll(/https?:\/\/\S+/g)].map((match) => match[0]))
      .filter((link) => new URL(link).pathname === page)
      .at(-1);
    if (found) return new URL(found);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no ${page} link mailed to ${email}`);
}

describe("digest subscription in the browser", () => {
  it("a guest subscribes from the footer on a phone, confirms by the letter, changes the hour and unsubscribes", async () => {
    const email = uniqueEmail("digest");
    const page = await browser().newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(url("/"));
    await page.getByRole("link", { name: "Дайджест на почту" }).click();
    await page.getByRole("heading", { level: 1, name: "Дайджест на почту" }).waitFor();

    await page.getByRole("button", { name: "Подписаться" }).click();
    await expect.poll(() => page.getByText("Неверный адрес электронной почты").count()).toBeGreaterThan(0);

    await page.getByLabel("Электронная почта").fill(email);
    await page.getByLabel("Каждый день").check();
    await page.getByText("Уточнить: категории, темы, муниципалитеты").click();
    await page.getByRole("group", { name: "Категории Банка ресурсов" }).getByLabel("Помещения").check();
    await page.getByRole("button", { name: "Подписаться" }).click();
    await page.getByText("Проверьте почту").waitFor();

    const confirm = await linkIn(email, "/digest/confirm");
    await page.goto(url(`${confirm.pathname}${confirm.search}`));
    await page.getByText("Подписка подтверждена").waitFor();
    await page.getByRole("link", { name: "Настроить дайджест" }).click();
    await page.getByText("Подписка действует.").waitFor();
    expect(await page.getByLabel("Каждый день").isChecked()).toBe(true);
    await page.getByLabel("Время").selectOption("18");
    await page.getByRole("button", { name: "Сохранить" }).click();
    await page.getByText("Настройки сохранены.").waitFor();
    await expect.poll(() => page.getByText(/Следующий дайджест — .* 18:00/).count()).toBe(1);

    await page.getByRole("link", { name: "Отписаться от дайджеста" }).click();
    await page.getByRole("button", { name: "Отписаться" }).click();
    await page.getByText("Вы отписались").waitFor();
    await page.getByRole("link", { name: "Настройки дайджеста" }).click();
    await page.getByText("Вы отписаны").waitFor();
    await page.close();
  });

  it("a signed-in person subscribes from the account page without a confirmation letter", async () => {
    const email = uniqueEmail("reader");
    const page = await browser().newPage();
    await signIn(page, email, "Мария Читающая");
    await page.getByRole("link", { name: "Настроить дайджест" }).click();
    await page.getByText("подтверждать его не нужно").waitFor();
    await page.getByLabel("День недели").selectOption("5");
    await page.getByRole("button", { name: "Подписаться" }).click();
    await page.getByText("Настройки сохранены.").waitFor();
    await page.getByText(`${email}: Подписка действует.`).waitFor();
    expect((await mailTo(email)).filter((mail) => mail.subject.includes("Подтвердите"))).toHaveLength(0);
    await page.close();
  });
});
