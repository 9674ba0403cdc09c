import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import fontData from "./font-metrics.json";

/**
 * A one-page PDF of text and filled or stroked rectangles, in the two embedded cuts of DejaVu
 * Sans (subset ahead of time by scripts/certificate-fonts.ts). Written here because every PDF
 * library that embeds a font weighs twice to five times a Lambda's budget (ADR 024); its tests
 * read the output back with pdf-lib and pdf.js.
 */
export type FontName = keyof typeof fontData;
export type Colour = readonly [number, number, number];

export type Mark =
  | { text: string; x: number; y: number; size: number; font?: FontName; colour?: Colour }
  | { box: readonly [number, number, number, number]; fill?: Colour; stroke?: Colour; lineWidth?: number };

interface Font {
  name: string;
  /** The subset TrueType file, in fonts/ beside this module and beside the bundle that holds it. */
  file: string;
  ascent: number;
  descent: number;
  capHeight: number;
  bbox: number[];
  /** Each character's glyph in the subset and its advance, in thousandths of the size. */
  glyphs: Record<string, [number, number] | undefined>;
}
const fonts = fontData as unknown as Record<FontName, Font>;
const glyphsOf = (font: Font) => font.glyphs;

/** Where the font files are: the stack copies this folder beside the function's bundle. */
export const FONT_FOLDER = "fonts";
const fontFiles = new Map<string, Buffer>();
function fontFile(font: Font) {
  let data = fontFiles.get(font.file);
  if (!data) {
    data = readFileSync(new URL(`./${FONT_FOLDER}/${font.file}`, import.meta.url));
    fontFiles.set(font.file, data);
  }
  return data;
}

/** A character the font lacks is drawn as «?», so a name in another script still prints legibly. */
function glyphFor(font: Font, character: string) {
  return glyphsOf(font)[character] ?? glyphsOf(font)["?"]!;
}

/** The width of a text in points: for centring and for breaking lines. */
export function textWidth(text: string, size: number, font: FontName = "regular") {
  let units = 0;
  for (const character of text) units += glyphFor(fonts[font], character)[1];
  return (units * size) / 1000;
}

/** Breaks a text into lines no wider than `width`, at spaces (a longer word stands alone). */
export function wrap(text: string, size: number, width: number, font: FontName = "regular") {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, size, font) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/** A subset font's name carries a six-letter tag (ISO 32000-1, 9.6.4), so readers know it is partial. */
const subsetName = (font: Font) => `NKOKLG+${font.name}`;
const number = (value: number) => (Math.round(value * 100) / 100).toString();
const colour = (value: Colour) => value.map(number).join(" ");
const hexOf = (font: Font, text: string) =>
  [...text].map((character) => glyphFor(font, character)[0].toString(16).padStart(4, "0")).join("");
/** A text string of the document's information dictionary: UTF-16BE with its byte order mark. */
const infoText = (text: string) => `<FEFF${Buffer.from(text, "utf16le").swap16().toString("hex")}>`;

function contentOf(marks: readonly Mark[]) {
  const fontKey = (name: FontName) => (name === "bold" ? "/F2" : "/F1");
  return marks
    .map((mark) => {
      if ("box" in mark) {
        const [x, y, w, h] = mark.box.map(number);
        const paint = [
          mark.fill ? `${colour(mark.fill)} rg` : "",
          mark.stroke ? `${colour(mark.stroke)} RG ${number(mark.lineWidth ?? 1)} w` : "",
        ].join(" ");
        const op = mark.fill && mark.stroke ? "B" : mark.fill ? "f" : "S";
        return `q ${paint} ${x} ${y} ${w} ${h} re ${op} Q`;
      }
      const font = mark.font ?? "regular";
      return `BT ${fontKey(font)} ${number(mark.size)} Tf ${colour(mark.colour ?? [0, 0, 0])} rg ${number(mark.x)} ${number(mark.y)} Td <${hexOf(fonts[font], mark.text)}> Tj ET`;
    })
    .join("\n");
}

/** The ToUnicode map: lets a reader copy, search and read aloud the text (glyph → character). */
function unicodeMap(font: Font) {
  const entries = Object.entries(glyphsOf(font)).map(
    ([character, glyph]) =>
      `<${glyph![0].toString(16).padStart(4, "0")}> <${Buffer.from(character, "utf16le").swap16().toString("hex")}>`,
  );
  const blocks: string[] = [];
  for (let start = 0; start < entries.length; start += 100) {
    const block = entries.slice(start, start + 100);
    blocks.push(`${block.length} beginbfchar\n${block.join("\n")}\nendbfchar`);
  }
  return [
    "/CIDInit /ProcSet findresource begin",
    "12 dict begin",
    "begincmap",
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
    "/CMapName /Adobe-Identity-UCS def",
    "/CMapType 2 def",
    "1 begincodespacerange\n<0000> <ffff>\nendcodespacerange",
    ...blocks,
    "endcmap",
    "CMapName currentdict /CMap defineresource pop",
    "end",
    "end",
  ].join("\n");
}

/** The CID widths of every glyph of the subset, ascending: `[gid [w] gid [w] …]`. */
function widthsOf(font: Font) {
  const byGlyph = new Map(Object.values(glyphsOf(font)).map((glyph) => [glyph![0], glyph![1]]));
  return [...byGlyph.entries()]
    .sort(([a], [b]) => a - b)
    .map(([glyph, width]) => `${glyph} [${width}]`)
    .join(" ");
}

/** One A4 page (landscape unless told) with the marks, as the bytes of a PDF 1.7 file. */
export function pdfPage(
  marks: readonly Mark[],
  info: { title: string; author: string; subject?: string },
  size: readonly [number, number] = [842, 595],
) {
  const objects: Buffer[] = [];
  const add = (body: string | Buffer) => {
    objects.push(typeof body === "string" ? Buffer.from(body, "latin1") : body);
    return objects.length;
  };
  const stream = (dictionary: string, data: Buffer | string) => {
    const packed = deflateSync(typeof data === "string" ? Buffer.from(data, "latin1") : data);
    return Buffer.concat([
      Buffer.from(`<< ${dictionary} /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`, "latin1"),
      packed,
      Buffer.from("\nendstream", "latin1"),
    ]);
  };
  const embed = (font: Font) => {
    const data = fontFile(font);
    const file = add(stream(`/Length1 ${data.length}`, data));
    const [minX, minY, maxX, maxY] = font.bbox;
    const descriptor = add(
      `<< /Type /FontDescriptor /FontName /${subsetName(font)} /Flags 32 /FontBBox [${minX} ${minY} ${maxX} ${maxY}] /ItalicAngle 0 /Ascent ${font.ascent} /Descent ${font.descent} /CapHeight ${font.capHeight} /StemV 80 /FontFile2 ${file} 0 R >>`,
    );
    const cid = add(
      `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /${subsetName(font)} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor} 0 R /CIDToGIDMap /Identity /W [${widthsOf(font)}] >>`,
    );
    const toUnicode = add(stream("", unicodeMap(font)));
    return add(
      `<< /Type /Font /Subtype /Type0 /BaseFont /${subsetName(font)} /Encoding /Identity-H /DescendantFonts [${cid} 0 R] /ToUnicode ${toUnicode} 0 R >>`,
    );
  };
  // Objects 1 and 2 are the catalogue and the page tree, whatever follows.
  add("<< /Type /Catalog /Pages 2 0 R >>");
  add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  add("");
  const regular = embed(fonts.regular);
  const bold = embed(fonts.bold);
  const content = add(stream("", contentOf(marks)));
  objects[2] = Buffer.from(
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${size[0]} ${size[1]}] /Resources << /Font << /F1 ${regular} 0 R /F2 ${bold} 0 R >> >> /Contents ${content} 0 R >>`,
    "latin1",
  );
  const infoRef = add(
    `<< /Title ${infoText(info.title)} /Author ${infoText(info.author)}${info.subject ? ` /Subject ${infoText(info.subject)}` : ""} /Producer (Cluster NKO portal) >>`,
  );

  const chunks: Buffer[] = [Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  let offset = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(offset);
    const chunk = Buffer.concat([
      Buffer.from(`${index + 1} 0 obj\n`, "latin1"),
      body,
      Buffer.from("\nendobj\n", "latin1"),
    ]);
    chunks.push(chunk);
    offset += chunk.length;
  });
  const id = createHash("md5").update(Buffer.concat(chunks)).digest("hex");
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((at) => `${String(at).padStart(10, "0")} 00000 n \n`),
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${infoRef} 0 R /ID [<${id}> <${id}>] >>\nstartxref\n${offset}\n%%EOF\n`,
  ].join("");
  chunks.push(Buffer.from(xref, "latin1"));
  return new Uint8Array(Buffer.concat(chunks));
}
