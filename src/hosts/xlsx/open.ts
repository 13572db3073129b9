/**
 * One way in for every .xlsx file the command line handles: a workbook of
 * ordinary size is loaded whole into exceljs; a workbook with a very large
 * sheet (such as a 1,048,576-row 接种进度) takes the streaming path of
 * largeWorkbook.ts, so it fits the default Node heap. Either way the caller
 * gets an XlsxHost and a `save`.
 */
import ExcelJS from "exceljs";
import { createXlsxHost } from "./xlsxHost";
import { loadXlsx, readChecked, saveXlsx } from "./files";
import * as path from "node:path";
import { promises as fs } from "node:fs";
import JSZip from "jszip";
import {
  LARGE_SHEET_XML_BYTES,
  inspectXlsx,
  openLargeWorkbook,
  protectionElements,
  sheetParts,
} from "./largeWorkbook";
import { keepProtections, restoreProtections, type KeptProtection } from "./protection";

import type { OpenedWorkbook } from "./openedWorkbook";

export type { OpenedWorkbook } from "./openedWorkbook";

export interface OpenOptions {
  /** Sheets whose XML is larger than this are streamed (default LARGE_SHEET_XML_BYTES). */
  largeSheetBytes?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Opens an .xlsx file for commands. Throws a HostError with a message for the
 * user when the file cannot be used.
 *
 * @example
 * const book = await openXlsxFile("台账.xlsx");
 * await executeCommand(book.host, initWorkbook, run);
 * await book.save("台账_计算结果.xlsx");
 */
export async function openXlsxFile(
  file: string,
  options: OpenOptions = {}
): Promise<OpenedWorkbook> {
  const bytes = await readChecked(file);
  const name = path.basename(file);
  const { large, unkept } = await inspectXlsx(
    bytes,
    options.largeSheetBytes ?? LARGE_SHEET_XML_BYTES,
    name
  );
  if (large.length > 0) {
    const opened = await openLargeWorkbook(file, bytes, large, options.onProgress);
    return { ...opened, unkept: [...unkept, ...opened.unkept] };
  }
  const workbook = await loadXlsx(bytes, name);
  const kept = keepProtections(workbook, await protectionElements(await JSZip.loadAsync(bytes)));
  return { ...wholeWorkbook(workbook, kept), unkept };
}

/** A new, empty workbook (for `epi-ledger demo`). */
export function newXlsxWorkbook(): OpenedWorkbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "防疫台账助手 Epi Ledger";
  return wholeWorkbook(workbook);
}

function wholeWorkbook(
  workbook: ExcelJS.Workbook,
  kept: ReadonlyMap<string, KeptProtection> = new Map()
): OpenedWorkbook {
  return {
    host: createXlsxHost(workbook),
    streamed: false,
    unkept: [],
    save: (file) =>
      saveXlsx(workbook, file, (temp) =>
        restoreProtections(temp, workbook, kept, sheetParts, {
          read: (f) => fs.readFile(f),
          write: (f, b) => fs.writeFile(f, b),
        })
      ),
  };
}
