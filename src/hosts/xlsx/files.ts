/**
 * Opening and saving .xlsx files for the .xlsx host. Bytes are checked before
 * exceljs sees them (an .xls, a CSV or a truncated download gets a message
 * that says what to do, not a parser's stack trace), and absurd sizes are
 * refused: over 100 MB on disk, or a zip directory declaring more than
 * exceljs should inflate (a zip bomb, see zipLimits.ts).
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { Message } from "../../core/issue";
import { HostError } from "../../workbook/host";
import {
  zipBombProblem,
  zipEntrySizes,
  type ZipEntrySize,
  type ZipLimitOptions,
} from "./zipLimits";
import { EXCEL_MAX_COLUMNS, checkCellPosition } from "./dataRegion";

/**
 * The largest .xlsx file accepted: 100 MB on disk. A full 1,048,576-row
 * 接种进度 sheet of eight columns is about 40 MB; anything far larger is more
 * likely a wrong file than a ledger.
 */
export const MAX_XLSX_BYTES = 100 * 1024 * 1024;

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

export type XlsxSource = string | Buffer;

/**
 * Checks that bytes look like an .xlsx file (a zip archive of a sensible
 * size). Returns a message saying what is wrong, or undefined when they do.
 *
 * @example
 * xlsxProblem(Buffer.from("日期,乡镇\n")) //=> { zh: "…不是 .xlsx 文件…", en: "…is not an .xlsx file…" }
 */
export function xlsxProblem(head: Uint8Array, size: number, file?: string): Message | undefined {
  const name = file === undefined ? "文件" : `“${file}”`;
  const en = file === undefined ? "The file" : file;
  if (size > MAX_XLSX_BYTES) {
    const mb = Math.round(size / 1024 / 1024);
    return {
      zh: `${name}过大（${mb} MB，上限 100 MB），请确认文件是否正确，或拆分后再处理`,
      en: `${en} is too large (${mb} MB; the limit is 100 MB). Check it is the right file, or split it`,
    };
  }
  if (size === 0) {
    return { zh: `${name}是空文件`, en: `${en} is empty` };
  }
  if (startsWith(head, OLE_SIGNATURE)) {
    return {
      zh: `${name}是旧版 .xls 格式，请在 Excel 或 WPS 中“另存为” .xlsx 后再处理`,
      en: `${en} is an old .xls workbook; save it as .xlsx in Excel or WPS first`,
    };
  }
  if (!startsWith(head, ZIP_SIGNATURE)) {
    return {
      zh: `${name}不是 .xlsx 文件（文件头不是 Excel 工作簿），请选择 Excel 工作簿`,
      en: `${en} is not an .xlsx file (it does not start like an Excel workbook); choose an Excel workbook`,
    };
  }
  return undefined;
}

/**
 * Reads an .xlsx file (a path, or its bytes and file name) into an exceljs
 * Workbook. Throws a HostError whose message says what to do when the file
 * cannot be used.
 *
 * @example
 * const workbook = await loadXlsx("示例县防疫台账.xlsx");
 * workbook.worksheets.length //=> 12
 */
export async function loadXlsx(source: XlsxSource, name?: string): Promise<ExcelJS.Workbook> {
  const label = typeof source === "string" ? path.basename(source) : name;
  const bytes = typeof source === "string" ? await readChecked(source) : source;
  const problem = xlsxProblem(bytes.subarray(0, 4), bytes.length, label);
  if (problem)
    throw new HostError(bytes.length > MAX_XLSX_BYTES ? "payloadTooLarge" : "unsupported", problem);
  checkZipSizes(bytes, label);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw unreadable(label, e);
  }
  for (const ws of workbook.worksheets) checkCellPosition(ws.name, ws.rowCount, 1, label);
  return workbook;
}

/**
 * Reads the zip central directory of .xlsx bytes (nothing is inflated) and
 * throws a HostError naming the file when it declares a zip bomb: more than
 * MAX_UNCOMPRESSED_BYTES in all (unless `limits.maxTotal` says otherwise), or
 * a large part with an absurd compression ratio; or when it has no readable
 * directory (a truncated or damaged file). Returns the declared sizes.
 *
 * @example
 * checkZipSizes(await fs.readFile("白云乡.xlsx"), "白云乡.xlsx")
 * //=> throws HostError { kind: "payloadTooLarge", userMessage: { zh: "“白云乡.xlsx”解压后过大…" } }
 */
export function checkZipSizes(
  bytes: Uint8Array,
  file?: string,
  limits?: ZipLimitOptions
): ZipEntrySize[] {
  const entries = zipEntrySizes(bytes);
  if (!entries) throw unreadable(file, new Error("no zip central directory"));
  const bomb = zipBombProblem(entries, file, limits);
  if (bomb) throw new HostError("payloadTooLarge", bomb);
  return entries;
}

/**
 * Writes a workbook to a file, through a temporary file in the same folder so
 * a failed write never leaves half a workbook (important with `--in-place`).
 */
export async function saveXlsx(
  workbook: ExcelJS.Workbook,
  file: string,
  /** Runs on the written temporary file before it replaces `file`. */
  finish?: (temp: string) => Promise<void>
): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await workbook.xlsx.writeFile(temp);
    await finish?.(temp);
    await fs.rename(temp, file);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw cannotWrite(file, e);
  }
}

/** Reads a file after checking its size and first bytes, without loading an absurd file. */
export async function readChecked(file: string): Promise<Buffer> {
  const label = path.basename(file);
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, "r");
  } catch (e) {
    throw notFound(file, e);
  }
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    const problem = xlsxProblem(head, size, label);
    if (problem)
      throw new HostError(size > MAX_XLSX_BYTES ? "payloadTooLarge" : "unsupported", problem);
    return await handle.readFile();
  } catch (e) {
    throw e instanceof HostError ? e : notFound(file, e);
  } finally {
    await handle.close();
  }
}

export function cannotWrite(file: string, e: unknown): HostError {
  const detail = e instanceof Error ? e.message : String(e);
  return new HostError(
    "unknown",
    {
      zh: `无法写入“${file}”：${detail}。请确认文件未在 Excel 中打开，且目录可写`,
      en: `Cannot write ${file}: ${detail}. Make sure it is not open in Excel and the folder is writable`,
    },
    0,
    e
  );
}

export function unreadable(file: string | undefined, e: unknown): HostError {
  const detail = e instanceof Error ? e.message : String(e);
  const label = file === undefined ? "文件" : `“${file}”`;
  const column = /Invalid column letter: ([A-Z]+)/.exec(detail)?.[1];
  if (column) {
    return new HostError(
      "unsupported",
      {
        zh: `${label}中有第 ${column} 列的单元格，超出 Excel 的最后一列 XFD（${EXCEL_MAX_COLUMNS} 列）；文件已损坏或不是由 Excel/WPS 保存的，请在 Excel 或 WPS 中打开并另存为 .xlsx`,
        en: `${file ?? "The file"} has a cell in column ${column}, beyond Excel's last column XFD (${EXCEL_MAX_COLUMNS}); the file is damaged or was not saved by Excel or WPS. Open it in Excel or WPS and save it as .xlsx`,
      },
      0,
      e
    );
  }
  return new HostError(
    "unsupported",
    {
      zh: `${label}无法读取，可能已损坏或不是 Excel 工作簿（${detail}）；请在 Excel 或 WPS 中打开并另存为 .xlsx`,
      en: `${file ?? "The file"} cannot be read; it may be damaged or not an Excel workbook (${detail}). Open it in Excel or WPS and save as .xlsx`,
    },
    0,
    e
  );
}

function notFound(file: string, e: unknown): HostError {
  const code = (e as { code?: string }).code;
  return new HostError(
    "unknown",
    code === "ENOENT"
      ? { zh: `找不到文件“${file}”`, en: `File not found: ${file}` }
      : code === "EISDIR"
        ? { zh: `“${file}”是文件夹，不是文件`, en: `${file} is a folder, not a file` }
        : {
            zh: `无法打开文件“${file}”（${code ?? "error"}）`,
            en: `Cannot open ${file} (${code ?? "error"})`,
          },
    0,
    e
  );
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}
