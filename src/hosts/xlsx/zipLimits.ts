/**
 * Zip bombs: an .xlsx is a zip archive, and exceljs inflates every part of it
 * in memory. A 600 KB file can declare 600 MB of XML, which exceljs would
 * inflate before failing. So before exceljs sees a file, the sizes its zip
 * central directory declares are read (nothing is inflated) and checked
 * against the limits below.
 *
 * Pure (bytes in, data out): the task pane runs it in the browser before it
 * loads exceljs, the command line in Node; the large-sheet detection of
 * largeWorkbook.ts reads its sizes from here too. Its own small reader, not
 * jszip, so the task pane's bundle gains no second zip library.
 */
import type { Message } from "../../core/issue";

/**
 * The most XML an .xlsx loaded whole may expand to: 200 MB in all. A ledger
 * loaded whole is far below this (a 50,000-row sheet is about 16 MB of XML);
 * larger sheets are streamed by the command line and do not count here.
 */
export const MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;

/**
 * The largest compression ratio accepted for a part above
 * RATIO_CHECKED_FROM_BYTES. Sheet XML compresses about 5–20 : 1; deflate
 * cannot exceed about 1,030 : 1, which is what a bomb of repeated bytes gets.
 */
export const MAX_COMPRESSION_RATIO = 200;

/** Parts smaller than this (8 MB) are not checked for their ratio: a small blank sheet may compress very well. */
export const RATIO_CHECKED_FROM_BYTES = 8 * 1024 * 1024;

/** The sizes one entry of a zip directory declares. */
export interface ZipEntrySize {
  /** Zip path, e.g. `xl/worksheets/sheet1.xml`. */
  name: string;
  compressed: number;
  uncompressed: number;
}

export interface ZipLimitOptions {
  /** Largest declared total (default MAX_UNCOMPRESSED_BYTES); Infinity for none (streamed files). */
  maxTotal?: number;
  /** Largest ratio for a large part (default MAX_COMPRESSION_RATIO). */
  maxRatio?: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const MAX32 = 0xffffffff;

/**
 * The entries of a zip archive's central directory with the sizes they
 * declare (ZIP64 included), read without inflating anything; undefined when
 * the bytes have no readable directory (not a zip, or truncated).
 *
 * @example
 * zipEntrySizes(bytes)
 * //=> [{ name: "[Content_Types].xml", compressed: 402, uncompressed: 1312 }, …]
 */
export function zipEntrySizes(bytes: Uint8Array): ZipEntrySize[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => u32(at) + u32(at + 4) * 2 ** 32;
  const fits = (at: number, length: number) => at >= 0 && at + length <= bytes.length;
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return undefined;
  let count = u16(eocd + 10);
  let size = u32(eocd + 12);
  let offset = u32(eocd + 16);
  let end = eocd;
  if (count === 0xffff || size === MAX32 || offset === MAX32) {
    const locator = eocd - 20;
    if (!fits(locator, 20) || u32(locator) !== ZIP64_LOCATOR) return undefined;
    const at = u64(locator + 8);
    if (!fits(at, 56) || u32(at) !== ZIP64_EOCD) return undefined;
    count = u64(at + 32);
    size = u64(at + 40);
    offset = u64(at + 48);
    end = at;
  }
  // Bytes before the archive (as jszip allows) shift every offset alike.
  if (!fits(offset, 4) || u32(offset) !== CENTRAL_HEADER) offset = end - size;
  const decoder = new TextDecoder();
  const entries: ZipEntrySize[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (!fits(at, 46) || u32(at) !== CENTRAL_HEADER) return undefined;
    let compressed = u32(at + 20);
    let uncompressed = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    if (!fits(at + 46, nameLength + extraLength + commentLength)) return undefined;
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // ZIP64 extra field: the 64-bit sizes of the fields that hold 0xFFFFFFFF, in this order.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength;) {
      const id = u16(x);
      const length = u16(x + 2);
      if (id === 0x0001) {
        let field = x + 4;
        if (uncompressed === MAX32 && field + 8 <= x + 4 + length) {
          uncompressed = u64(field);
          field += 8;
        }
        if (compressed === MAX32 && field + 8 <= x + 4 + length) compressed = u64(field);
      }
      x += 4 + length;
    }
    if (!name.endsWith("/")) entries.push({ name, compressed, uncompressed });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Says why a zip archive is refused as a zip bomb (its declared total is over
 * the limit, or a large part compresses absurdly well), naming the file; or
 * undefined when its sizes are sensible.
 *
 * @example
 * zipBombProblem([{ name: "xl/worksheets/sheet1.xml", compressed: 600_000, uncompressed: 629_145_600 }], "白云乡.xlsx")
 * //=> { zh: "“白云乡.xlsx”解压后过大（600 MB，上限 200 MB）…", en: "白云乡.xlsx would expand to 600 MB…" }
 * zipBombProblem([{ name: "xl/worksheets/sheet1.xml", compressed: 2_000, uncompressed: 20_000 }]) //=> undefined
 */
export function zipBombProblem(
  entries: readonly ZipEntrySize[],
  file?: string,
  options: ZipLimitOptions = {}
): Message | undefined {
  const maxTotal = options.maxTotal ?? MAX_UNCOMPRESSED_BYTES;
  const maxRatio = options.maxRatio ?? MAX_COMPRESSION_RATIO;
  const name = file === undefined ? "文件" : `“${file}”`;
  const en = file ?? "The file";
  const total = entries.reduce((sum, e) => sum + e.uncompressed, 0);
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  if (total > maxTotal) {
    return {
      zh: `${name}解压后过大（${mb(total)} MB，上限 ${mb(maxTotal)} MB），可能不是台账或填报模板，未读取；请确认文件是否正确`,
      en: `${en} would expand to ${mb(total)} MB (the limit is ${mb(maxTotal)} MB); it is probably not a ledger or template and was not read. Check it is the right file`,
    };
  }
  const bomb = entries.find(
    (e) =>
      e.uncompressed > RATIO_CHECKED_FROM_BYTES &&
      e.uncompressed > maxRatio * Math.max(e.compressed, 1)
  );
  if (bomb) {
    const ratio = Math.round(bomb.uncompressed / Math.max(bomb.compressed, 1));
    return {
      zh: `${name}中的“${bomb.name}”解压后过大（${mb(bomb.uncompressed)} MB，压缩比 ${ratio}:1，上限 ${maxRatio}:1），疑似恶意压缩文件，未读取；请确认文件是否正确`,
      en: `${bomb.name} in ${en} would expand to ${mb(bomb.uncompressed)} MB (a ${ratio}:1 compression ratio; the limit is ${maxRatio}:1), like a zip bomb, so it was not read. Check it is the right file`,
    };
  }
  return undefined;
}
