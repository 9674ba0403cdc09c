import type { DocumentType } from "./types";

/**
 * Tells a stored document's type by its bytes with at most three ranged reads, not the whole file.
 * Written here because file-type (73 KB minified) does not fit the Lambda's bundle budget beside the
 * framework; the tests check this against file-type on a corpus.
 */

/** Reads `length` bytes at `offset` of the stored file (an S3 ranged GET in production). */
export type ReadRange = (offset: number, length: number) => Promise<Uint8Array>;

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END = 0x06054b50;
const END64 = 0x06064b50;
const END64_LOCATOR = 0x07064b50;
/** The end record and the longest comment it may carry: the end record is somewhere in here. */
const TAIL = 22 + 0xffff;
/** No document of ours has a parts list near this; a bigger one is a zip bomb's, not a report's. */
const MAX_DIRECTORY = 8 * 1024 * 1024;
const ODT = "application/vnd.oasis.opendocument.text";

/** The parts that make an Office Open XML package one of ours (ECMA-376 part 1, as Office names them). */
const mainParts: [string, DocumentType][] = [
  ["word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
  ["xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
  ["ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation"],
];
/** Macros live here: a .docm/.xlsm/.pptm (file-type names them apart) is not a document of ours. */
const macros = ["word/vbaProject.bin", "xl/vbaProject.bin", "ppt/vbaProject.bin"];

// Bounded by the view, so a read past a slice throws instead of peeking at the bytes after it.
const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const u16 = (bytes: Uint8Array, at: number) => view(bytes).getUint16(at, true);
const u32 = (bytes: Uint8Array, at: number) => view(bytes).getUint32(at, true);
/** Beyond 2^53 a size is nonsense for us anyway; the range checks then refuse it. */
const u64 = (bytes: Uint8Array, at: number) => u32(bytes, at) + u32(bytes, at + 4) * 2 ** 32;
const latin1 = (bytes: Uint8Array) => String.fromCharCode(...bytes);

/** The document type the stored file is, or undefined for anything else (an .exe, a plain ZIP, text). */
export async function sniffDocument(read: ReadRange, size: number): Promise<DocumentType | undefined> {
  try {
    return await sniff(read, size);
  } catch {
    // A malformed file may send a reader past its end (a RangeError) or S3 may fail: neither is ours.
    return undefined;
  }
}

async function sniff(read: ReadRange, size: number): Promise<DocumentType | undefined> {
  if (!Number.isSafeInteger(size) || size < 5) return undefined;
  // A short read would shift every offset below, so it counts as a malformed file.
  const exact = async (offset: number, length: number) => {
    const bytes = await read(offset, length);
    if (bytes.length !== length) throw new RangeError("short read");
    return bytes;
  };
  // A small file comes in one read; a large one needs only enough of its head for the signatures.
  const whole = size <= TAIL;
  const head = await exact(0, whole ? size : 128);
  if (latin1(head.subarray(0, 5)) === "%PDF-") return "application/pdf";
  if (size < 22 || u32(head, 0) !== LOCAL_HEADER) return undefined;

  const tailStart = size - Math.min(size, TAIL);
  const tail = whole ? head : await exact(tailStart, size - tailStart);
  let end = -1;
  // Backwards, as the record is last; a signature whose comment overruns the file is a coincidence.
  for (let at = tail.length - 22; at >= 0 && end < 0; at--) {
    if (u32(tail, at) === END && at + 22 + u16(tail, at + 20) <= tail.length) end = at;
  }
  if (end < 0) return undefined;
  let entries = u16(tail, end + 10);
  let directorySize = u32(tail, end + 12);
  let directoryOffset = u32(tail, end + 16);
  let directoryEnd = tailStart + end;
  if (entries === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    // ZIP64 keeps the true counts in a record the locator points at, just before it in any writer.
    const locator = end - 20;
    if (locator < 0 || u32(tail, locator) !== END64_LOCATOR) return undefined;
    const record = u64(tail, locator + 8) - tailStart;
    if (record < 0 || record + 56 > locator || u32(tail, record) !== END64) return undefined;
    entries = u64(tail, record + 32);
    directorySize = u64(tail, record + 40);
    directoryOffset = u64(tail, record + 48);
    directoryEnd = tailStart + record;
  }
  if (directorySize > MAX_DIRECTORY || directoryOffset + directorySize > directoryEnd) return undefined;
  const directory =
    directoryOffset >= tailStart
      ? tail.subarray(directoryOffset - tailStart, directoryOffset - tailStart + directorySize)
      : await exact(directoryOffset, directorySize);

  const names: string[] = [];
  for (let at = 0, index = 0; index < entries; index++) {
    if (at + 46 > directory.length || u32(directory, at) !== CENTRAL_HEADER) return undefined;
    const nameEnd = at + 46 + u16(directory, at + 28);
    if (nameEnd > directory.length) return undefined;
    // Our names are short: a longer one is kept cut (it can match none) to keep the spread small.
    names.push(latin1(directory.subarray(at + 46, Math.min(nameEnd, at + 46 + 64))));
    at = nameEnd + u16(directory, at + 30) + u16(directory, at + 32);
  }

  // ODF 1.2 part 3, 3.3: `mimetype` comes first, stored, with no extra field, so it is at a fixed place.
  if (names[0] === "mimetype") {
    const length = u32(head, 18);
    const isOdt =
      latin1(head.subarray(30, 38)) === "mimetype" &&
      u16(head, 26) === 8 &&
      u16(head, 28) === 0 &&
      u16(head, 8) === 0 &&
      length === ODT.length &&
      latin1(head.subarray(38, 38 + length)) === ODT;
    return isOdt ? ODT : undefined;
  }
  if (!names.includes("[Content_Types].xml") || macros.some((name) => names.includes(name))) return undefined;
  const found = mainParts.filter(([part]) => names.includes(part));
  // A package with two main parts is no file Office writes: refuse rather than guess.
  return found.length === 1 ? found[0]![1] : undefined;
}
