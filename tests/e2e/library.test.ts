import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DOCX_TYPE, docxBytes } from "../fixtures/documents";
import { coordinatorContext, signInAsExpert, url, useBrowser } from "./browser";

const browser = useBrowser();

/** A word nobody else has written, in Cyrillic letters so the search reads it as a Russian word. */
const uniqueWord = (stem: string) =>
  stem +
  [...Date.now().toString(36)]
    .map((char) => "абвгдежзиклмнопрстуфхцчшщэюя"[parseInt(char, 36) % 28])
    .join("");

describe("the library in the browser", () => {
  it("an expert publishes an article and a DOCX template; a guest finds both through the header search and downloads the template", async () => {
    const word = uniqueWord("устав");
    const desk = await (await coordinatorContext(browser())).newPage();
    const expert = await browser().newPage();
    await signInAsExpert(expert, desk, "Ирина Соколова", "registration");

    await expert.goto(url("/materials"));
    await expert.getByRole("link", { name: "Опубликовать материал" }).click();
    await expert.getByRole("heading", { level: 1, name: "Новый материал" }).waitFor();
    await expert.getByRole("radio", { name: "Статья" }).check();
    await expert.getByLabel("Название").fill(`Как написать устав АНО: ${word}`);
    await expert.getByLabel("Кратко").fill("Из каких разделов состоит устав и что в них проверяет Минюст.");
    await expert
      .getByLabel("Текст статьи")
      .fill(
        `## Разделы устава\n\n- Общие положения\n- Предмет и цели (${word})\n- Управление\n\nСм. [Минюст](https://minjust.gov.ru).`,
      );
    await expert.getByLabel("Тема").selectOption({ label: "Регистрация и документы НКО" });
    await expert.getByRole("button", { name: "Опубликовать" }).click();
    await expert.getByRole("heading", { level: 1, name: `Как написать устав АНО: ${word}` }).waitFor();
    await expert.getByRole("heading", { level: 2, name: "Разделы устава" }).waitFor();
    await expert.getByRole("link", { name: "Минюст" }).waitFor();

    const template = await docxBytes(`Устав ${word}`);
    await expert.goto(url("/materials/new"));
    await expert.getByRole("radio", { name: "Файл" }).check();
    await expert.getByLabel("Название").fill(`Шаблон устава АНО ${word}`);
    await expert
      .getByLabel("Кратко")
      .fill("Образец устава автономной некоммерческой организации для заполнения.");
    await expert.getByLabel("Файл документа").setInputFiles({
      name: "ustav-ano.docx",
      mimeType: DOCX_TYPE,
      buffer: Buffer.from(template),
    });
    await expert.getByLabel("Тема").selectOption({ label: "Регистрация и документы НКО" });
    await expert.getByRole("button", { name: "Опубликовать" }).click();
    await expert.getByRole("heading", { level: 1, name: `Шаблон устава АНО ${word}` }).waitFor();
    await expert.getByRole("link", { name: /Скачать «ustav-ano\.docx»/ }).waitFor();

    // A guest on a phone: the header's search finds both, and the template downloads.
    const guest = await browser().newPage({ viewport: { width: 360, height: 740 } });
    await guest.goto(url("/"));
    const box = guest.getByRole("search").getByRole("searchbox", { name: "Поиск по порталу" });
    await box.fill(word);
    await box.press("Enter");
    const library = guest.getByRole("region", { name: "Библиотека" });
    await library.getByRole("link", { name: `Как написать устав АНО: ${word}` }).waitFor();
    await library.getByRole("link", { name: `Шаблон устава АНО ${word}` }).click();
    await guest.getByRole("heading", { level: 1, name: `Шаблон устава АНО ${word}` }).waitFor();
    const [download] = await Promise.all([
      guest.waitForEvent("download"),
      guest.getByRole("link", { name: /Скачать «ustav-ano\.docx»/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("ustav-ano.docx");
    expect(new Uint8Array(readFileSync((await download.path())!))).toEqual(template);
    await guest.reload();
    await guest.getByText(/скачан 1 раз/).waitFor();
    for (const page of [desk, expert, guest]) await page.close();
  });

  it("refuses, on the file field, a program renamed .pdf: its bytes are not a PDF", async () => {
    const desk = await (await coordinatorContext(browser())).newPage();
    const expert = await browser().newPage();
    await signInAsExpert(expert, desk, "Пётр Файлов", "grants");
    await expert.goto(url("/materials/new"));
    await expert.getByRole("radio", { name: "Файл" }).check();
    await expert.getByLabel("Название").fill("Программа под видом устава");
    await expert.getByLabel("Кратко").fill("Не документ, а программа: портал его не примет.");
    await expert.getByLabel("Файл документа").setInputFiles({
      name: "ustav.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.concat([Buffer.from("MZ\x90\x00"), Buffer.alloc(200)]),
    });
    await expert.getByLabel("Тема").selectOption({ label: "Подготовка грантовых заявок" });
    await expert.getByRole("button", { name: "Опубликовать" }).click();
    await expert
      .getByText(/Содержимое файла — не PDF/)
      .first()
      .waitFor();
    expect(new URL(expert.url()).pathname).toBe("/materials/new");
    for (const page of [desk, expert]) await page.close();
  });
});
