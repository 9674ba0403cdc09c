import { describe, expect, it } from "vitest";
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
    // A phone-sized photo (noise, ~1.5 MB as PNG) is shrunk in the browser to fit the 200 KB limit.
    // Written as a string: the test's TypeScript config has no DOM types; this runs in the page.
    const photo: string = await page.evaluate(`(async () => {
      const canvas = document.createElement("canvas");
      canvas.width = 1600;
      canvas.height = 1200;
      const context = canvas.getContext("2d");
      context.fillStyle = "#c8d6e5";
      context.fillRect(0, 0, 1600, 1200);
      const pixels = context.createImageData(400, 400);
      let seed = 2463534242;
      for (let i = 0; i < pixels.data.length; i++) {
        seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5;
        pixels.data[i] = i % 4 === 3 ? 255 : seed & 255;
      }
      context.putImageData(pixels, 600, 400);
      const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
      const url = await new Promise((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result);
        reader.readAsDataURL(blob);
      });
      return url.slice(url.indexOf(",") + 1);
    })()`);
    const png = Buffer.from(photo, "base64");
    expect(png.byteLength).toBeGreaterThan(200 * 1024);
    await page
      .getByLabel("Добавить фотографию")
      .setInputFiles({ name: "zal.png", mimeType: "image/png", buffer: png });
    await page.getByRole("img", { name: `Фото 1 из 1: ${title}` }).waitFor();
    await page.getByRole("button", { name: "Опубликовать" }).click();
    await page.getByRole("button", { name: "Снять с публикации" }).waitFor();

    const guest = await browser().newPage();
    await guest.goto(url("/resources"));
    await guest.getByLabel("Категория").selectOption({ label: "Помещения" });
    await guest.getByLabel("Где").selectOption({ label: "Калуга" });
    await guest.getByRole("link", { name: title }).click();
    await guest.getByRole("heading", { level: 1, name: title }).waitFor();
    await guest.getByRole("link", { name: organisation }).waitFor();
    const shown = guest.getByRole("img", { name: `Фото 1 из 1: ${title}` });
    await shown.waitFor();
    await expect
      .poll(() => shown.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
      .toBe(1280);
    await Promise.all([page.close(), desk.close(), guest.close()]);
  });
});
