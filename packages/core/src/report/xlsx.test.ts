import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { columnName, workbook } from "./xlsx";

/** Read back with exceljs: an independent reader, not the writer's own idea of the format. */
async function read(bytes: Uint8Array) {
  const book = new ExcelJS.Workbook();
  // exceljs declares its own ArrayBuffer-like Buffer type; a copy of the bytes is one.
  await book.xlsx.load(bytes.slice().buffer as ArrayBuffer as never);
  return book;
}

describe("xlsx writer", () => {
  it("names columns as Excel does", () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual([
      "A",
      "B",
      "Z",
      "AA",
      "AB",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
    ]);
  });

  it("writes a workbook exceljs reads: sheets, Cyrillic text, numbers as numbers, bold header, widths", async () => {
    const bytes = workbook([
      {
        name: "Показатели",
        rows: [
          ["Показатель", "Ноябрь", "Октябрь"],
          ["Новые участники", 12, 9],
          ["Медиана, ч", 5.5, null],
          ['Ёлки & <палки> "в кавычках"\u0007', -3, 0],
        ],
        widths: [30, 12, 14],
      },
      {
        name: "Об отчёте: [1/2]*?",
        rows: [
          ["Что", "Значение"],
          ["Период", "01.11.2026–30.11.2026"],
        ],
      },
    ]);
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]); // a zip ("PK")
    const book = await read(bytes);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(["Показатели", "Об отчёте   1 2"]);
    const sheet = book.getWorksheet("Показатели")!;
    expect(sheet.getCell("A1").value).toBe("Показатель");
    expect(sheet.getCell("A1").font?.bold).toBe(true);
    expect(sheet.getCell("A2").font?.bold).toBeFalsy();
    expect(sheet.getCell("B2").value).toBe(12);
    expect(typeof sheet.getCell("B3").value).toBe("number");
    expect(sheet.getCell("B3").value).toBe(5.5);
    expect(sheet.getCell("C3").value).toBeNull();
    expect(sheet.getCell("A4").value).toBe('Ёлки & <палки> "в кавычках"');
    expect(sheet.getCell("B4").value).toBe(-3);
    expect(sheet.getCell("C4").value).toBe(0);
    expect(sheet.getColumn(1).width).toBe(30);
    expect(sheet.getColumn(3).width).toBe(14);
    expect(book.worksheets[1]!.getCell("B2").value).toBe("01.11.2026–30.11.2026");
  });

  it("shares a repeated string and sizes columns from their text when no widths are given", async () => {
    const rows = [
      ["Раздел", "Значение"],
      ...Array.from({ length: 50 }, (_, index) => ["Банк ресурсов", index]),
    ];
    const book = await read(workbook([{ name: "Лист", rows }]));
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell("A51").value).toBe("Банк ресурсов");
    expect(sheet.getCell("B51").value).toBe(49);
    expect(sheet.getColumn(1).width).toBe("Банк ресурсов".length + 2);
  });

  it("keeps two sheets of the same name apart", async () => {
    const book = await read(
      workbook([
        { name: "Итоги", rows: [["a"]] },
        { name: "итоги", rows: [["b"]] },
      ]),
    );
    expect(new Set(book.worksheets.map((sheet) => sheet.name.toLowerCase())).size).toBe(2);
  });
});
