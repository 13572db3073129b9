/**
 * The clerk's own workbook in the browser, for the 工作簿计算页 (taskpane/workbookPage.tsx):
 * read with the command line's reader (hosts/xlsx: the same byte, zip-bomb and
 * size checks, the same exceljs load), commands run on the same .xlsx host, and
 * 下载计算结果 built exactly as `epi-ledger compute` builds its file (the CLI's
 * own runCommands). It sits outside src/taskpane because the pane may not import
 * the CLI; page.tsx imports it lazily, so exceljs is never in an initial bundle.
 */
import JSZip from "jszip";
import type { Buffer } from "node:buffer";
import type ExcelJS from "exceljs";
import { HostError } from "../workbook/host";
import type { CellValue } from "../workbook/cells";
import { COMMANDS } from "../workbook/commands";
import type { Lang } from "../workbook/command";
import { MAX_XLSX_BYTES, loadXlsx, xlsxProblem } from "../hosts/xlsx/files";
import { protectionElements, sheetParts } from "../hosts/xlsx/largeWorkbook";
import { keepProtections, restoreProtections } from "../hosts/xlsx/protection";
import { createXlsxHost } from "../hosts/xlsx/xlsxHost";
import { formulaResult, plainValue } from "../hosts/xlsx/cellValues";
import { runCommands, type RunOutcome } from "../cli/run";
import { SETUP_COMMAND_ID } from "../cli/selection";
import { clockSerials } from "../taskpane/actions";
import type { BookReader, CellEdit, OpenedBook } from "../taskpane/workbookPage";

/**
 * Checks and reads .xlsx bytes. Throws a HostError with the command line's
 * message when they are not a workbook, too big, or a zip bomb.
 */
async function openBook(bytes: Uint8Array, name: string): Promise<OpenedBook> {
  const problem = xlsxProblem(bytes.subarray(0, 4), bytes.length, name);
  if (problem)
    throw new HostError(bytes.length > MAX_XLSX_BYTES ? "payloadTooLarge" : "unsupported", problem);
  const workbook = await loadXlsx(bytes as Buffer, name);
  return { host: createXlsxHost(workbook), workbook };
}

/** Writes a typed value into a cell of the open workbook (the way a clerk types it in Excel). */
function applyEdit(workbook: ExcelJS.Workbook, edit: CellEdit): void {
  const ws = workbook.getWorksheet(edit.sheet);
  if (!ws) return;
  ws.getCell(edit.cell).value = edit.value;
}

/** What a typed text is stored as: a number when it reads as one, empty as blank, else text. */
function typedValue(text: string): CellValue {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return Number(trimmed);
  return text;
}

/** The display values of a sheet, as the view shows them (a formula shows its result). */
function sheetValues(workbook: ExcelJS.Workbook, sheet: string): CellValue[][] {
  const ws = workbook.getWorksheet(sheet);
  if (!ws) return [];
  const rows: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const values: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      values[c - 1] = cell.formula !== undefined ? formulaResult(cell) : plainValue(cell.value);
    });
    rows[r - 1] = Array.from(values, (v) => v ?? null);
  });
  return Array.from(rows, (row) => row ?? []);
}

function sheetFormats(workbook: ExcelJS.Workbook, sheet: string): (string | undefined)[][] {
  const ws = workbook.getWorksheet(sheet);
  if (!ws) return [];
  const rows: (string | undefined)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const formats: (string | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      formats[c - 1] = cell.numFmt;
    });
    rows[r - 1] = formats;
  });
  return Array.from(rows, (row) => row ?? []);
}

/**
 * The file 下载计算结果 saves: the original bytes with the clerk's edits, run
 * through 初始化工作簿 and every command as `epi-ledger compute` runs them
 * (no --only, no --date), and written as compute writes it.
 */
async function computedFile(
  bytes: Uint8Array,
  name: string,
  edits: readonly CellEdit[],
  at: Date,
  lang: Lang
): Promise<{ bytes: Uint8Array; outcome: RunOutcome }> {
  const workbook = await loadXlsx(bytes as Buffer, name);
  const kept = keepProtections(workbook, await protectionElements(await JSZip.loadAsync(bytes)));
  for (const edit of edits) applyEdit(workbook, edit);
  const host = createXlsxHost(workbook);
  const setup = COMMANDS.filter((c) => c.id === SETUP_COMMAND_ID);
  const commands = [...setup, ...COMMANDS.filter((c) => c.id !== SETUP_COMMAND_ID)];
  const { today, now } = clockSerials(at);
  const outcome = await runCommands(host, commands, {
    today,
    now,
    lang,
    progress: { step: () => undefined, update: () => undefined, finish: () => undefined },
    required: new Set(),
  });
  const files = new Map<string, Uint8Array>();
  files.set("out", new Uint8Array(await workbook.xlsx.writeBuffer()));
  await restoreProtections("out", workbook, kept, sheetParts, {
    read: async (f) => files.get(f) as Buffer,
    write: async (f, b) => {
      files.set(f, b);
    },
  });
  return { bytes: files.get("out") as Uint8Array, outcome };
}

/** The reader the page is given (src/standalone/page.tsx loads this module lazily). */
export const reader: BookReader = {
  openBook,
  applyEdit,
  typedValue,
  sheetValues,
  sheetFormats,
  computedFile: async (...args) => (await computedFile(...args)).bytes,
};
