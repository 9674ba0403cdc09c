import { describe, expect, it } from "vitest";
import { tinyPng as png } from "../fixtures/images";
import { applyAs, signIn, uniqueEmail, url, useBrowser } from "./browser";

const browser = useBrowser();

describe("organisation logo", () => {
  it("is uploaded on the edit page, refused when not an image, and shown on the organisation page", async () => {
    const page = await browser().newPage();
    await signIn(page, uniqueEmail("logo"), "Лиза Логотипова");
    const name = `Студия «Лого ${Date.now().toString(36)}»`;
    const { id } = await applyAs(page, name);
    await page.goto(url(`/members/${id}/edit`));

    const file = page.getByLabel("Файл логотипа");
    await file.setInputFiles({
      name: "logo.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("не картинка"),
    });
    await page.getByRole("button", { name: "Загрузить логотип" }).click();
    await expect.poll(() => file.getAttribute("aria-invalid")).toBe("true");

    await file.setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: png });
    await page.getByRole("button", { name: "Загрузить логотип" }).click();
    await page.getByText("Логотип загружен.").waitFor();

    // A profile save right after the upload goes through: the form took the new version.
    await page.getByLabel("Описание деятельности").fill("Обновили описание после загрузки логотипа.");
    await page.getByRole("button", { name: "Сохранить изменения" }).click();
    await page.getByText("Изменения сохранены.").waitFor();

    await page.goto(url(`/members/${id}`));
    const logo = page.getByRole("img", { name: `Логотип организации «${name}»` });
    await logo.waitFor();
    expect(await logo.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(1);
    await page.close();
  });
});
