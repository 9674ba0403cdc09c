import { PDFDocument } from "pdf-lib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { certificatePdf } from "./document";
import { textWidth, wrap } from "./pdf";

/** The text pdf.js reads from the page, as a person copying it would get it. */
async function textOf(bytes: Uint8Array) {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false })
    .promise;
  const page = await pdf.getPage(1);
  const content = await page.getTextContent();
  const info = await pdf.getMetadata();
  return {
    lines: content.items.map((item) => ("str" in item ? item.str : "")),
    info: info.info as Record<string, unknown>,
    pages: pdf.numPages,
  };
}

const sample = {
  heading: "Сертификат участника",
  name: "Ёлкина Юлия Щедровна",
  deed: "принял(а) участие в вебинаре",
  title: "Как написать заявку на грант: «Проблема», «Цель» и бюджет — разбор 10 критериев",
  details: "10 декабря 2026 г., 18:00–19:30 (мск), онлайн",
  issuer: "Кластер НКО Калужской области",
  code: "ABCD-EFGH-JK23",
  verifyUrl: "https://nko-kaluga.ru/certificates/ABCDEFGHJK23",
};

describe("the certificate's PDF", () => {
  it("is a valid PDF that pdf-lib opens: one A4 landscape page, the information dictionary in Russian", async () => {
    const bytes = certificatePdf(sample);
    const document = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
    expect(document.getPageCount()).toBe(1);
    const { width, height } = document.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([842, 595]);
    expect(document.getTitle()).toBe("Сертификат участника: Ёлкина Юлия Щедровна");
    expect(document.getAuthor()).toBe("Кластер НКО Калужской области");
    // The subset fonts keep it small enough to mail.
    expect(bytes.byteLength).toBeLessThan(80_000);
  });

  it("carries its Cyrillic as text pdf.js reads back: the name, the event, the punctuation, the code", async () => {
    const { lines, pages } = await textOf(certificatePdf(sample));
    expect(pages).toBe(1);
    const text = lines.join("\n");
    expect(text).toContain("СЕРТИФИКАТ УЧАСТНИКА");
    expect(text).toContain("Ёлкина Юлия Щедровна");
    expect(text).toContain("принял(а) участие в вебинаре");
    expect(text.replace(/\n/g, " ")).toContain(
      "«Как написать заявку на грант: «Проблема», «Цель» и бюджет — разбор 10 критериев»",
    );
    expect(text).toContain("10 декабря 2026 г., 18:00–19:30 (мск), онлайн");
    expect(text).toContain("Код проверки: ABCD-EFGH-JK23");
    expect(text).toContain("https://nko-kaluga.ru/certificates/ABCDEFGHJK23");
  });

  it("prints a character its fonts lack as «?», not as nothing", async () => {
    const { lines } = await textOf(certificatePdf({ ...sample, name: "Zoë Ωmega 李" }));
    expect(lines).toContain("Zo? ?mega ?");
  });

  it("breaks a long title at spaces, each line within the width", () => {
    const lines = wrap(sample.title, 22, 300, "bold");
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe(sample.title);
    for (const line of lines) expect(textWidth(line, 22, "bold")).toBeLessThanOrEqual(300);
  });
});
