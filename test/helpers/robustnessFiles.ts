/**
 * Hostile files for the robustness suites, generated in a temporary folder
 * (never committed): a zip bomb, an oversized file, a workbook with hundreds
 * of sheets or a 16,384-column header, and files that only pretend to be
 * .xlsx.
 */
import { createHash } from "node:crypto";
import { createWriteStream, promises as fs } from "node:fs";
import * as zlib from "node:zlib";
import ExcelJS from "exceljs";
import type { CellValue } from "../../src/workbook/cells";

/** One zip entry: literal bytes, or `prefix` + `fill` repeated `times` + `suffix` (streamed, never held whole). */
export type ZipEntry =
  | { name: string; data: Buffer }
  | { name: string; prefix: string; fill: Buffer; times: number; suffix: string };

/**
 * Writes a zip archive with DEFLATE entries, streaming each entry through
 * zlib so that an entry of hundreds of megabytes costs a few megabytes of
 * memory to write. No zip64: every entry must stay under 4 GiB.
 */
export async function writeZip(file: string, entries: readonly ZipEntry[]): Promise<void> {
  const out = createWriteStream(file);
  let offset = 0;
  const put = (chunk: Buffer) =>
    new Promise<void>((resolve, reject) => {
      offset += chunk.length;
      out.write(chunk, (e) => (e ? reject(e) : resolve()));
    });
  const central: Buffer[] = [];
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const { compressed, crc, size } = await deflate(entry);
    const at = offset;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // DEFLATE
    local.writeUInt32LE(0, 10); // time, date
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    await put(Buffer.concat([local, name]));
    await put(compressed);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(0, 12);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(compressed.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(at, 42);
    central.push(Buffer.concat([dir, name]));
  }
  const dirStart = offset;
  const directory = Buffer.concat(central);
  await put(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(dirStart, 16);
  await put(end);
  await new Promise<void>((resolve, reject) =>
    out.end((e?: Error | null) => (e ? reject(e) : resolve()))
  );
}

/** The parts of a one-sheet .xlsx, with the sheet's XML given by `sheet`. */
export function xlsxParts(sheet: Omit<ZipEntry, "name">): ZipEntry[] {
  const text = (name: string, xml: string): ZipEntry => ({ name, data: Buffer.from(xml, "utf8") });
  return [
    text(
      "[Content_Types].xml",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
    ),
    text(
      "_rels/.rels",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    text(
      "xl/workbook.xml",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="填报-城关镇" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    text(
      "xl/_rels/workbook.xml.rels",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
    ),
    { name: "xl/worksheets/sheet1.xml", ...sheet } as ZipEntry,
  ];
}

/**
 * A zip bomb dressed as a returned template: a few hundred kilobytes on disk
 * whose one sheet expands to `expandedBytes` of XML (white space inside
 * `<sheetData>`).
 */
export async function writeZipBomb(file: string, expandedBytes: number): Promise<void> {
  const prefix =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  const suffix = "</sheetData></worksheet>";
  const fill = Buffer.alloc(1024 * 1024, 0x20);
  await writeZip(
    file,
    xlsxParts({ prefix, fill, times: Math.ceil(expandedBytes / fill.length), suffix })
  );
}

/** A file of `bytes` bytes that starts like a zip archive (so only its size gives it away). */
export async function writeLargeFile(file: string, bytes: number): Promise<void> {
  const handle = await fs.open(file, "w");
  try {
    const chunk = Buffer.alloc(1024 * 1024);
    chunk.writeUInt32LE(0x04034b50, 0);
    for (let written = 0; written < bytes; written += chunk.length) {
      await handle.write(chunk, 0, Math.min(chunk.length, bytes - written));
      chunk.fill(0, 0, 4);
    }
  } finally {
    await handle.close();
  }
}

type PlainSheets = readonly { name: string; values: readonly (readonly CellValue[])[] }[];

/** Writes sheets of plain values (no formats) to an .xlsx with exceljs. */
export async function writePlainXlsx(file: string, sheets: PlainSheets): Promise<void> {
  await plainWorkbook(sheets).xlsx.writeFile(file);
}

/** The bytes of an .xlsx of plain values, as a browser file input receives them. */
export async function plainXlsxBytes(sheets: PlainSheets): Promise<Buffer> {
  return Buffer.from(await plainWorkbook(sheets).xlsx.writeBuffer());
}

function plainWorkbook(sheets: PlainSheets): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    sheet.values.forEach((line, r) =>
      line.forEach((v, c) => {
        if (v !== null) ws.getCell(r + 1, c + 1).value = v;
      })
    );
  }
  return workbook;
}

/** SHA-256 of a file, to show it was not touched. */
export async function fileHash(file: string): Promise<string> {
  return createHash("sha256")
    .update(await fs.readFile(file))
    .digest("hex");
}

async function deflate(
  entry: ZipEntry
): Promise<{ compressed: Buffer; crc: number; size: number }> {
  const zip = zlib.createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  zip.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    zip.on("end", () => resolve());
    zip.on("error", reject);
  });
  let crc = 0;
  let size = 0;
  const feed = async (chunk: Buffer) => {
    crc = zlib.crc32(chunk, crc);
    size += chunk.length;
    if (!zip.write(chunk)) await new Promise((resolve) => zip.once("drain", resolve));
  };
  if ("data" in entry) await feed(entry.data);
  else {
    await feed(Buffer.from(entry.prefix, "utf8"));
    for (let i = 0; i < entry.times; i++) await feed(entry.fill);
    await feed(Buffer.from(entry.suffix, "utf8"));
  }
  zip.end();
  await done;
  return { compressed: Buffer.concat(chunks), crc: crc >>> 0, size };
}
