import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { moscowToday } from "../../packages/core/src/shared/dates";
import { applyAs, approveAs, coordinatorContext, url, useBrowser } from "./browser";

const browser = useBrowser();

describe("the coordinator dashboard", () => {
  it("shows the figures and the charts and downloads the report of a period", async () => {
    const context = await coordinatorContext(browser());
    const page = await context.newPage();
    await page.goto(url("/coordinator/applications"));
    await page
      .getByRole("navigation", { name: "Разделы координатора" })
      .getByRole("link", { name: "Показатели" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Показатели кластера" }).waitFor();

    // Five charts drawn by chart.js, each an image with a name and a table of the same numbers.
    const charts = page.locator('figure.chart[data-ready="true"]');
    await expect.poll(() => charts.count()).toBe(5);
    // The demo's past events are in it: held, with who came.
    expect(
      await page.getByRole("img", { name: /^Мероприятия по месяцам/ }).getAttribute("aria-label"),
    ).toContain("Пришли (отмечены)");
    const members = page.getByRole("img", { name: /^Участники по месяцам/ });
    expect(await members.getAttribute("aria-label")).toContain("Всего участников");
    // Pixels actually drawn: chart.js paints the canvas, an empty one stays transparent.
    type Canvas = {
      width: number;
      height: number;
      getContext(kind: "2d"): {
        getImageData(x: number, y: number, w: number, h: number): { data: number[] };
      };
    };
    const painted = await members.evaluate((element) => {
      const canvas = element as unknown as Canvas;
      const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
      let opaque = 0;
      for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) opaque++;
      return { width: canvas.width, opaque };
    });
    expect(painted.width).toBeGreaterThan(100);
    expect(painted.opaque).toBeGreaterThan(500);
    await page.getByText("Таблица данных: участники").click();
    const monthRows = page.getByRole("table", { name: "Участники по месяцам" }).locator("tbody tr");
    expect(await monthRows.count()).toBe(12);

    // Last month, as it opens: the demo year has members joining every month.
    const newMembers = page
      .getByRole("table", { name: "Участники", exact: true })
      .getByRole("row", { name: /^Новые участники/ });
    const count = async () =>
      Number(((await newMembers.locator("td").first().textContent()) ?? "").replace(/\s/g, ""));
    await newMembers.waitFor();
    expect(await count()).toBeGreaterThan(0);

    // This month so far, then once more after one more approval: counted at once.
    const today = moscowToday();
    const from = `${today.slice(0, 7)}-01`;
    const label = `${from.split("-").reverse().join(".")}${from === today ? "" : `–${today.split("-").reverse().join(".")}`}`;
    const showThisMonth = async () => {
      await page.getByLabel("С", { exact: true }).fill(from);
      await page.getByLabel("По", { exact: true }).fill(today);
      await page.getByRole("button", { name: "Показать" }).click();
      await page.getByRole("heading", { name: `Показатели за ${label}` }).waitFor();
      await newMembers.waitFor();
      return count();
    };
    await page.getByLabel("С", { exact: true }).fill(today);
    await page.getByLabel("По", { exact: true }).fill(from);
    await page.getByRole("button", { name: "Показать" }).click();
    if (from !== today) {
      await page.getByText("Конец периода раньше его начала").waitFor();
      expect(await page.getByLabel("По", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    }
    const before = await showThisMonth();
    const joined = await applyAs(page, `АНО «Новый участник месяца ${Date.now().toString(36)}»`);
    await approveAs(page, joined.id, joined.version);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Показатели кластера" }).waitFor();
    const shown = await showThisMonth();
    expect(shown).toBe(before + 1);

    // The files of the same period, as the browser saves them.
    const [xlsx] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Скачать XLSX" }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe(`otchet-klastera-${from}-${today}.xlsx`);
    const book = new ExcelJS.Workbook();
    // exceljs declares its own ArrayBuffer-like Buffer type; a copy of the bytes is one.
    await book.xlsx.load(new Uint8Array(readFileSync(await xlsx.path())).buffer as never);
    const sheet = book.getWorksheet("Показатели")!;
    let inFile: unknown;
    sheet.eachRow((row) => {
      if (row.getCell(2).value === "Новые участники") inFile = row.getCell(3).value;
    });
    expect(inFile).toBe(shown);

    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Скачать CSV" }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe(`otchet-klastera-${from}-${today}.csv`);
    const bytes = readFileSync(await csv.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toContain(`Участники;Новые участники;${shown};`);
    await context.close();
  });
});
