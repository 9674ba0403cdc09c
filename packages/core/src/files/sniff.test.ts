import { Document, Packer, Paragraph } from "docx";
import { strToU8, unzipSync, type Zippable, zipSync } from "fflate";
import { fileTypeFromBuffer } from "file-type";
import { describe, expect, it } from "vitest";
import { certificatePdf } from "../certificate/document";
import { workbook } from "../report/xlsx";
import { type ReadRange, sniffDocument } from "./sniff";
import { type DocumentType, documentMimes } from "./types";

const PDF = "application/pdf";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
const ODT = "application/vnd.oasis.opendocument.text";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";

/** The same pseudo-random bytes on every run, so a failure can be replayed (mulberry32). */
function randomBytes(seed: number, length: number) {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let index = 0; index < length; index++) {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    bytes[index] = (t ^ (t >>> 14)) >>> 0;
  }
  return bytes;
}

const contentTypes = (overrides: Record<string, string>) =>
  strToU8(
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${Object.entries(
      overrides,
    )
      .map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`)
      .join("")}</Types>`,
  );
const packageRelationships = (target: string) =>
  strToU8(
    `${HEAD}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}"><Relationship Id="rId1" Type="${OFFICE_DOCUMENT}" Target="${target}"/></Relationships>`,
  );

async function docxFile() {
  const document = new Document({
    creator: "Кластер НКО Калужской области",
    sections: [
      {
        children: [
          new Paragraph({ text: "Шаблон заявки на грант", heading: "Heading1" }),
          new Paragraph("Опишите проблему, цель и бюджет проекта — коротко и по делу."),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

function pptxFile() {
  const presentationml = "application/vnd.openxmlformats-officedocument.presentationml";
  const main = "http://schemas.openxmlformats.org/presentationml/2006/main";
  const relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  return zipSync({
    "[Content_Types].xml": contentTypes({
      "/ppt/presentation.xml": `${presentationml}.presentation.main+xml`,
      "/ppt/slides/slide1.xml": `${presentationml}.slide+xml`,
    }),
    "_rels/.rels": packageRelationships("ppt/presentation.xml"),
    "ppt/presentation.xml": strToU8(
      `${HEAD}<p:presentation xmlns:p="${main}" xmlns:r="${relationships}"><p:sldIdLst><p:sldId id="256" r:id="rId1"/></p:sldIdLst><p:sldSz cx="12192000" cy="6858000"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>`,
    ),
    "ppt/_rels/presentation.xml.rels": strToU8(
      `${HEAD}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}"><Relationship Id="rId1" Type="${relationships}/slide" Target="slides/slide1.xml"/></Relationships>`,
    ),
    "ppt/slides/slide1.xml": strToU8(
      `${HEAD}<p:sld xmlns:p="${main}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/></p:spTree></p:cSld></p:sld>`,
    ),
  });
}

/** An OpenDocument package: `mimetype` first and stored, as ODF 1.2 part 3 requires. */
function odfFile(mime: string, body: string) {
  return zipSync({
    mimetype: [strToU8(mime), { level: 0 }],
    "META-INF/manifest.xml": strToU8(
      `${HEAD}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="${mime}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
    ),
    "content.xml": strToU8(
      `${HEAD}<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.2"><office:body>${body}</office:body></office:document-content>`,
    ),
  });
}

/** A package whose parts list is bigger than the end record's 64 KB search window. */
function manyPartsDocx(parts: number) {
  const files: Zippable = {
    "[Content_Types].xml": contentTypes({
      "/word/document.xml": `${DOCX}.main+xml`,
    }),
    "_rels/.rels": packageRelationships("word/document.xml"),
    "word/document.xml": strToU8(
      `${HEAD}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Много картинок</w:t></w:r></w:p></w:body></w:document>`,
    ),
  };
  for (let index = 0; index < parts; index++) {
    files[`word/media/image${String(index).padStart(5, "0")}.png`] = [randomBytes(index, 16), { level: 0 }];
  }
  return zipSync(files);
}

/** The same ZIP with ZIP64 end records, as streaming writers (Java, Go, .NET) emit them. */
function withZip64End(zip: Uint8Array) {
  const end = zip.length - 22;
  const source = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out = new Uint8Array(end + 56 + 20 + 22);
  out.set(zip.subarray(0, end));
  const view = new DataView(out.buffer);
  const entries = BigInt(source.getUint16(end + 10, true));
  view.setUint32(end, 0x06064b50, true);
  view.setBigUint64(end + 4, 44n, true);
  view.setUint16(end + 12, 45, true);
  view.setUint16(end + 14, 45, true);
  view.setBigUint64(end + 24, entries, true);
  view.setBigUint64(end + 32, entries, true);
  view.setBigUint64(end + 40, BigInt(source.getUint32(end + 12, true)), true);
  view.setBigUint64(end + 48, BigInt(source.getUint32(end + 16, true)), true);
  view.setUint32(end + 56, 0x07064b50, true);
  view.setBigUint64(end + 64, BigInt(end), true);
  view.setUint32(end + 72, 1, true);
  view.setUint32(end + 76, 0x06054b50, true);
  view.setUint16(end + 84, 0xffff, true);
  view.setUint16(end + 86, 0xffff, true);
  view.setUint32(end + 88, 0xffffffff, true);
  view.setUint32(end + 92, 0xffffffff, true);
  return out;
}

/** The same ZIP with an archive comment of `length` bytes after its end record. */
function withComment(zip: Uint8Array, length: number) {
  const out = new Uint8Array(zip.length + length);
  out.set(zip);
  out.fill(0x2a, zip.length);
  new DataView(out.buffer).setUint16(zip.length - 2, length, true);
  return out;
}

/** A copy whose end record says the parts list starts `offset` bytes in. */
function withDirectoryAt(zip: Uint8Array, offset: number) {
  const out = zip.slice();
  new DataView(out.buffer).setUint32(out.length - 22 + 16, offset, true);
  return out;
}

function windowsExe() {
  const bytes = new Uint8Array(512);
  bytes.set(strToU8("MZ"));
  new DataView(bytes.buffer).setUint32(0x3c, 0x80, true);
  bytes.set(strToU8("PE\0\0"), 0x80);
  return bytes;
}

function png() {
  const bytes = new Uint8Array(8 + 25 + 12);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  bytes.set(
    [0, 0, 0, 13, ...strToU8("IHDR"), 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89],
    8,
  );
  bytes.set([0, 0, 0, 0, ...strToU8("IEND"), 0xae, 0x42, 0x60, 0x82], 33);
  return bytes;
}

interface Sample {
  name: string;
  bytes: Uint8Array;
  /** What we answer. */
  expected: DocumentType | undefined;
  /** Why file-type answers otherwise, when it does. */
  differs?: string;
}

async function corpus(): Promise<Sample[]> {
  const docx = await docxFile();
  const xlsx = workbook([
    {
      name: "Участники",
      rows: [
        ["Организация", "Город", "Участников"],
        ["АНО «Добрые руки»", "Калуга", 12],
        ["Фонд «Ока»", "Обнинск", 7],
      ],
    },
  ]);
  const parts = unzipSync(docx);
  const pdf = certificatePdf({
    heading: "Сертификат участника",
    name: "Ёлкина Юлия Щедровна",
    deed: "принял(а) участие в вебинаре",
    title: "Как написать заявку на грант",
    details: "10 декабря 2026 г., онлайн",
    issuer: "Кластер НКО Калужской области",
    code: "ABCD-EFGH-JK23",
    verifyUrl: "https://nko-kaluga.ru/certificates/ABCDEFGHJK23",
  });
  const templateTypes = new TextDecoder()
    .decode(parts["[Content_Types].xml"])
    .replace(
      `${DOCX}.main+xml`,
      "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    );
  return [
    { name: "a DOCX from the docx package", bytes: docx, expected: DOCX },
    {
      name: "a DOCX with a 300 KB picture (parts list in the last 64 KB)",
      bytes: zipSync({ ...parts, "word/media/image1.png": [randomBytes(7, 300_000), { level: 0 }] }),
      expected: DOCX,
    },
    { name: "a DOCX with 2,000 parts (parts list over 64 KB)", bytes: manyPartsDocx(2000), expected: DOCX },
    { name: "a DOCX with ZIP64 end records", bytes: withZip64End(docx), expected: DOCX },
    { name: "a DOCX with the longest archive comment", bytes: withComment(docx, 0xffff), expected: DOCX },
    { name: "an XLSX from the report writer", bytes: xlsx, expected: XLSX },
    { name: "a hand-made PPTX", bytes: pptxFile(), expected: PPTX },
    {
      name: "a hand-made ODT",
      bytes: odfFile(ODT, "<office:text><text:p>Методические материалы</text:p></office:text>"),
      expected: ODT,
    },
    { name: "a certificate PDF", bytes: pdf, expected: PDF },
    { name: "a Windows .exe stub", bytes: windowsExe(), expected: undefined },
    {
      name: "an ELF header",
      bytes: new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Uint8Array(56)]),
      expected: undefined,
    },
    {
      name: "a plain ZIP of a text file",
      bytes: zipSync({ "notes.txt": strToU8("просто текст") }),
      expected: undefined,
    },
    {
      name: "a ZIP with [Content_Types].xml and no main part",
      bytes: zipSync({
        "[Content_Types].xml": contentTypes({}),
        "docProps/core.xml": strToU8(`${HEAD}<x/>`),
      }),
      expected: undefined,
    },
    {
      name: "an ODS",
      bytes: odfFile(
        "application/vnd.oasis.opendocument.spreadsheet",
        "<office:spreadsheet><table:table/></office:spreadsheet>",
      ),
      expected: undefined,
    },
    {
      name: "an EPUB",
      bytes: zipSync({
        mimetype: [strToU8("application/epub+zip"), { level: 0 }],
        "META-INF/container.xml": strToU8(`${HEAD}<container/>`),
      }),
      expected: undefined,
    },
    {
      name: "a JAR",
      bytes: zipSync({
        "META-INF/MANIFEST.MF": strToU8("Manifest-Version: 1.0\n"),
        "Main.class": randomBytes(3, 200),
      }),
      expected: undefined,
    },
    {
      name: "a DOCM (macros)",
      bytes: zipSync({
        ...parts,
        "[Content_Types].xml": strToU8(
          new TextDecoder()
            .decode(parts["[Content_Types].xml"])
            .replace(`${DOCX}.main+xml`, "application/vnd.ms-word.document.macroEnabled.main+xml"),
        ),
        "word/vbaProject.bin": randomBytes(5, 2000),
      }),
      expected: undefined,
    },
    {
      name: "a DOTX (a Word template)",
      bytes: zipSync({ ...parts, "[Content_Types].xml": strToU8(templateTypes) }),
      expected: DOCX,
      differs:
        "a template has the document's very parts; only [Content_Types].xml, which file-type inflates, tells them apart",
    },
    { name: "a PNG", bytes: png(), expected: undefined },
    {
      name: "plain text",
      bytes: strToU8("Это не документ, а просто текст.\nPK\u0003\u0004 в середине ничего не значит.\n"),
      expected: undefined,
    },
    { name: "an empty file", bytes: new Uint8Array(0), expected: undefined },
    {
      name: "the first half of a DOCX",
      bytes: docx.slice(0, Math.floor(docx.length / 2)),
      expected: undefined,
    },
    {
      name: "a DOCX without its last 100 bytes",
      bytes: docx.slice(0, docx.length - 100),
      expected: undefined,
      differs: "file-type reads the local headers from the start and never needs the parts list at the end",
    },
    {
      name: "a DOCX whose end record points outside the file",
      bytes: withDirectoryAt(docx, docx.length + 1000),
      expected: undefined,
      differs: "file-type never reads the end record or the parts list, only the local headers",
    },
    ...[100, 5000, 70_000, 300_000].map((length, seed) => ({
      name: `${length} random bytes`,
      bytes: randomBytes(seed + 1, length),
      expected: undefined,
    })),
  ];
}

/** Serves a file as S3 would, counting reads and failing any outside it. */
function stored(bytes: Uint8Array) {
  const reads: [number, number][] = [];
  const read: ReadRange = async (offset, length) => {
    reads.push([offset, length]);
    if (offset < 0 || length <= 0 || offset + length > bytes.length) throw new Error("InvalidRange");
    return bytes.slice(offset, offset + length);
  };
  return { read, reads };
}

async function sniff(bytes: Uint8Array) {
  const { read, reads } = stored(bytes);
  const type = await sniffDocument(read, bytes.length);
  for (const [offset, length] of reads) {
    expect(offset).toBeGreaterThanOrEqual(0);
    expect(length).toBeGreaterThan(0);
    expect(offset + length).toBeLessThanOrEqual(bytes.length);
  }
  expect(reads.length).toBeLessThanOrEqual(3);
  return { type, reads: reads.length };
}

/** What file-type says, kept only when it is one of our document types. */
async function fileTypeSays(bytes: Uint8Array) {
  const found = await fileTypeFromBuffer(bytes);
  return documentMimes.find((mime) => mime === found?.mime);
}

describe("sniffDocument", async () => {
  const samples = await corpus();

  it.each(samples.map((sample) => [sample.name, sample] as const))("%s", async (_, sample) => {
    const { type } = await sniff(sample.bytes);
    expect(type).toBe(sample.expected);
    const theirs = await fileTypeSays(sample.bytes);
    if (sample.differs) expect(theirs).not.toBe(type);
    else expect(type).toBe(theirs);
  });

  it("reads a small file once, a large one at most three times", async () => {
    const byName = new Map(samples.map((sample) => [sample.name, sample.bytes]));
    const readsFor = async (name: string) => (await sniff(byName.get(name)!)).reads;
    expect(await readsFor("a DOCX from the docx package")).toBe(1);
    expect(await readsFor("a DOCX with a 300 KB picture (parts list in the last 64 KB)")).toBe(2);
    expect(await readsFor("a DOCX with 2,000 parts (parts list over 64 KB)")).toBe(3);
    // The comment fills the 64 KB window, pushing the parts list out of it.
    expect(await readsFor("a DOCX with the longest archive comment")).toBe(3);
    expect(await readsFor("a certificate PDF")).toBe(1);
    expect(await readsFor("an empty file")).toBe(0);
  });

  it("never throws on damaged packages, only answers undefined or their type", async () => {
    const large = manyPartsDocx(2000);
    const answers = new Set<DocumentType | undefined>();
    for (const [seed, bytes] of [await docxFile(), large, withZip64End(await docxFile())].entries()) {
      for (let round = 0; round < 150; round++) {
        const damaged = bytes.slice();
        const noise = randomBytes(seed * 1000 + round, 8);
        // The end records and most of the parts list are in the last 64 KB: damage four bytes there.
        for (let index = 0; index < 4; index++) {
          const at = damaged.length - 1 - ((noise[index]! * 256 + noise[index + 4]!) % damaged.length);
          damaged[at] = noise[(index + 1) % 8]!;
        }
        const { type } = await sniff(damaged);
        expect([undefined, DOCX]).toContain(type);
        answers.add(type);
      }
    }
    // Damage that misses the parts list leaves a DOCX; damage that hits it is refused.
    expect(answers).toEqual(new Set([undefined, DOCX]));
  });

  it("answers undefined when the storage fails or returns fewer bytes than asked", async () => {
    const docx = await docxFile();
    expect(await sniffDocument(() => Promise.reject(new Error("NoSuchKey")), docx.length)).toBeUndefined();
    expect(
      await sniffDocument(async (offset, length) => docx.slice(offset, offset + length - 1), docx.length),
    ).toBe(undefined);
    expect(await sniffDocument(stored(docx).read, Number.NaN)).toBeUndefined();
  });
});
