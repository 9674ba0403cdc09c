/**
 * Writes the certificates' fonts: DejaVu Sans and its bold cut from `dejavu-fonts-ttf`, cut down
 * by fontkit to the characters a Russian certificate uses (packages/core/src/certificate/fonts/),
 * and their metrics, each character's glyph and advance (certificate/font-metrics.json). The PDF
 * writer embeds the files as they are, so the Lambda carries neither fontkit nor a whole font,
 * and the files ship beside its bundle rather than inside it (ADR 024). Run after changing the
 * characters or the font: `npx tsx scripts/certificate-fonts.ts`.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import fontkit from "@pdf-lib/fontkit";

/** Latin, Cyrillic, and the typography of Russian text (quotes «», dashes, №, ellipsis). */
export const CERTIFICATE_CHARACTERS = [
  ...range(0x20, 0x7e),
  ...range(0x400, 0x45f),
  0xa0,
  0xa9,
  0xab,
  0xb0,
  0xb7,
  0xbb,
  0x2013,
  0x2014,
  0x2018,
  0x2019,
  0x201c,
  0x201d,
  0x201e,
  0x2026,
  0x2116,
].map((code) => String.fromCodePoint(code));

function range(from: number, to: number) {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

async function subset(file: string, name: string) {
  const font = fontkit.create(readFileSync(`node_modules/dejavu-fonts-ttf/ttf/${file}`));
  const cut = font.createSubset();
  const glyphs: Record<string, [number, number]> = {};
  for (const character of CERTIFICATE_CHARACTERS) {
    const glyph = font.glyphForCodePoint(character.codePointAt(0)!);
    if (!glyph || glyph.id === 0)
      throw new Error(`${file} has no glyph for U+${character.codePointAt(0)!.toString(16)}`);
    glyphs[character] = [cut.includeGlyph(glyph), Math.round((glyph.advanceWidth * 1000) / font.unitsPerEm)];
  }
  const parts: Uint8Array[] = [];
  await new Promise<void>((resolve, reject) =>
    cut
      .encodeStream()
      .on("data", (bytes: Uint8Array) => parts.push(bytes))
      .on("end", () => resolve())
      // fontkit's stream types name only "data" and "end".
      .on("error" as "end", reject),
  );
  const scale = (value: number) => Math.round((value * 1000) / font.unitsPerEm);
  const data = Buffer.concat(parts);
  writeFileSync(`${directory}/fonts/${name}.ttf`, data);
  return {
    name,
    file: `${name}.ttf`,
    bytes: data.length,
    ascent: scale(font.ascent),
    descent: scale(font.descent),
    capHeight: scale(font.capHeight || font.ascent),
    bbox: [font.bbox.minX, font.bbox.minY, font.bbox.maxX, font.bbox.maxY].map(scale),
    glyphs,
  };
}

const directory = "packages/core/src/certificate";
mkdirSync(`${directory}/fonts`, { recursive: true });
const fonts = {
  regular: await subset("DejaVuSans.ttf", "DejaVuSans"),
  bold: await subset("DejaVuSans-Bold.ttf", "DejaVuSans-Bold"),
};
writeFileSync(`${directory}/font-metrics.json`, `${JSON.stringify(fonts)}\n`);
console.log(
  "regular %d KB, bold %d KB, %d characters",
  Math.round(fonts.regular.bytes / 1024),
  Math.round(fonts.bold.bytes / 1024),
  CERTIFICATE_CHARACTERS.length,
);
