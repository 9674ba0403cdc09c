import { describe, expect, it } from "vitest";
import { applyAs, coordinatorContext, mailTo, signIn, uniqueEmail, url, useBrowser } from "./browser";

const browser = useBrowser();

describe("coordinators", () => {
  it("reject an application with a reason the applicant sees and receives", async () => {
    const email = uniqueEmail("rejected");
    const name = `Студия «Отказ ${Date.now().toString(36)}»`;
    const applicant = await browser().newPage();
    await signIn(applicant, email, "Олег Заявитель");
    const { id } = await applyAs(applicant, name);

    const desk = await (await coordinatorContext(browser())).newPage();
    await desk.goto(url("/coordinator/applications"));
    const application = desk.getByRole("article", { name });
    await application.getByRole("button", { name: "Отклонить" }).click();
    const reason = application.getByLabel("Причина отказа");
    await expect.poll(() => reason.getAttribute("aria-invalid")).toBe("true");
    await reason.fill("Не приложены сведения о деятельности за последний год");
    await application.getByRole("button", { name: "Отклонить" }).click();
    await expect.poll(() => application.count()).toBe(0);

    const mail = (await mailTo(email)).find((m) => m.subject.includes("отклонена"));
    expect(mail?.body.text).toContain("Не приложены сведения о деятельности за последний год");
    await applicant.goto(url(`/members/${id}`));
    await applicant.getByText("Заявка отклонена").waitFor();
    expect(await applicant.getByText(/Не приложены сведения о деятельности/).isVisible()).toBe(true);
    await Promise.all([applicant.close(), desk.close()]);
  });

  it("grant roles and block a person, who is signed out at once", async () => {
    const email = uniqueEmail("person");
    const personName = `Пётр Проверкин ${Date.now().toString(36)}`;
    const person = await browser().newPage();
    await signIn(person, email, personName);

    const desk = await (await coordinatorContext(browser())).newPage();
    await desk.goto(url("/coordinator/people"));
    const record = desk.getByRole("article", { name: personName });
    await record.getByRole("checkbox", { name: "Эксперт" }).check();
    await record.getByRole("button", { name: "Сохранить роли" }).click();
    await expect
      .poll(async () => {
        const response = await person.request.get(url("/api/auth/session"));
        return ((await response.json()) as { account: { roles: string[] } }).account.roles;
      })
      .toEqual(["expert"]);

    await record.getByRole("status").filter({ hasText: "Роли сохранены." }).waitFor();
    await record.getByRole("button", { name: "Заблокировать" }).click();
    await record.getByRole("status").filter({ hasText: "Учётная запись заблокирована." }).waitFor();
    await person.goto(url("/account"));
    await person.getByRole("heading", { name: "Вход на портал" }).waitFor();
    await Promise.all([person.close(), desk.close()]);
  });
});
