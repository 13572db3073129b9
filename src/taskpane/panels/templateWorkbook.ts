/**
 * Builds one unit's fill-in template as its own .xlsx, from the same write
 * operations 生成填报模板 uses for a sheet of the current workbook: values,
 * number formats, styles, merges, widths, frozen header, data validation and
 * the protection that leaves only the input cells open. exceljs is loaded
 * with a dynamic `import()`, so it stays out of the initial bundle.
 *
 * Plain strings are written as strings, so text can never become a formula.
 */
import type ExcelJS from "exceljs";
import { parseRangeAddress } from "../../workbook/a1";
import {
  displayValue,
  type DataValidation,
  type StyleRange,
  type WriteOp,
} from "../../workbook/plan";
import type { TemplateFile } from "../../workbook/stockpile/generateTemplates";

export interface BuildOptions {
  /** Loads exceljs; the dynamic import by default. */
  load?: () => Promise<typeof ExcelJS>;
}

/**
 * The .xlsx bytes of a template file.
 *
 * @example
 * const bytes = await templateWorkbookBytes(data.files[0]);
 * bytes.byteLength > 0 //=> true
 */
export async function templateWorkbookBytes(
  file: TemplateFile,
  options: BuildOptions = {}
): Promise<Uint8Array> {
  const ExcelJSModule = await (options.load ?? loadExcelJS)();
  const workbook = new ExcelJSModule.Workbook();
  workbook.creator = "防疫台账助手";
  const sheets = new Map<string, ExcelJS.Worksheet>();
  const sheet = (name: string) => {
    let ws = sheets.get(name);
    if (!ws) {
      ws = workbook.addWorksheet(name);
      sheets.set(name, ws);
    }
    return ws;
  };
  for (const op of file.ops)
    await applyOp(sheet(op.kind === "defineName" ? file.sheetName : op.sheet), op);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/**
 * Base64 of bytes, as `Excel.createWorkbook` takes a workbook.
 *
 * @example
 * toBase64(new Uint8Array([80, 75])) //=> "UEs="
 */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  // In pieces: String.fromCharCode takes a limited number of arguments.
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

async function applyOp(ws: ExcelJS.Worksheet, op: WriteOp): Promise<void> {
  switch (op.kind) {
    case "block":
      op.cells.forEach((line, i) =>
        line.forEach((cell, j) => {
          const target = ws.getCell(op.row + i, op.column + j);
          const value = displayValue(cell);
          target.value = value === "" ? null : value;
          const nf = op.numberFormats;
          const format = nf === undefined ? null : Array.isArray(nf) ? nf[i]?.[j] : nf.byColumn[j];
          if (format) target.numFmt = format;
        })
      );
      return;
    case "style":
      return applyStyle(ws, op);
    case "columnWidths":
      // Excel measures widths in characters of about 7 px, plus 5 px of padding; 1 pt = 4/3 px.
      for (const { column, width } of op.widths)
        ws.getColumn(column).width = Math.max(1, Math.round(((width * 4) / 3 - 5) / 7));
      return;
    case "freeze":
      ws.views = [{ state: "frozen", xSplit: op.columns ?? 0, ySplit: op.rows }];
      return;
    case "validation":
      return eachCell(op.range, (row, column) => {
        ws.getCell(row, column).dataValidation = validation(op);
      });
    case "protect":
      for (const range of op.unlocked)
        eachCell(range, (row, column) => {
          ws.getCell(row, column).protection = { locked: false };
        });
      await ws.protect("", {
        selectLockedCells: true,
        selectUnlockedCells: true,
        formatColumns: true,
        formatRows: true,
        insertRows: false,
        deleteRows: false,
      });
      return;
    default:
      // A new workbook has nothing to clear; templates use no other op.
      return;
  }
}

function applyStyle(ws: ExcelJS.Worksheet, op: StyleRange): void {
  eachCell(op.range, (row, column) => {
    const cell = ws.getCell(row, column);
    if (op.fill)
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(op.fill) } };
    if (op.bold !== undefined || op.fontSize !== undefined || op.fontColor !== undefined)
      cell.font = {
        // eslint-disable-next-line office-addins/call-sync-before-read -- an exceljs cell, not an Excel proxy
        ...cell.font,
        ...(op.bold !== undefined ? { bold: op.bold } : {}),
        ...(op.fontSize !== undefined ? { size: op.fontSize } : {}),
        ...(op.fontColor !== undefined ? { color: { argb: argb(op.fontColor) } } : {}),
      };
    if (op.wrap !== undefined || op.horizontalAlignment !== undefined)
      cell.alignment = {
        // eslint-disable-next-line office-addins/call-sync-before-read -- an exceljs cell, not an Excel proxy
        ...cell.alignment,
        ...(op.wrap !== undefined ? { wrapText: op.wrap } : {}),
        ...(op.horizontalAlignment !== undefined
          ? { horizontal: op.horizontalAlignment.toLowerCase() as "left" | "center" | "right" }
          : {}),
      };
    if (op.border) {
      const thin = { style: "thin" as const };
      cell.border = { top: thin, bottom: thin, left: thin, right: thin };
    }
  });
  if (op.merge && op.range.includes(":")) ws.mergeCells(op.range);
}

function validation(op: DataValidation): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: "stop",
    error: op.errorMessage,
  };
  const { rule } = op;
  if (rule.type === "list") {
    const source = rule.source?.replace(/^=/, "") ?? `"${rule.values.join(",")}"`;
    return { type: "list", formulae: [source], ...common };
  }
  const type = rule.type === "decimal" ? "decimal" : "whole";
  if (rule.min !== undefined && rule.max !== undefined)
    return { type, operator: "between", formulae: [rule.min, rule.max], ...common };
  if (rule.max !== undefined)
    return { type, operator: "lessThanOrEqual", formulae: [rule.max], ...common };
  return { type, operator: "greaterThanOrEqual", formulae: [rule.min ?? -9.99e307], ...common };
}

function eachCell(range: string, visit: (row: number, column: number) => void): void {
  const box = parseRangeAddress(range);
  if (!box) return;
  for (let r = box.row; r <= box.lastRow; r++)
    for (let c = box.column; c <= box.lastColumn; c++) visit(r, c);
}

function argb(color: string): string {
  return `FF${color.replace(/^#/, "").toUpperCase()}`;
}

async function loadExcelJS(): Promise<typeof ExcelJS> {
  const module = (await import("exceljs")) as unknown as { default?: typeof ExcelJS };
  return module.default ?? (module as unknown as typeof ExcelJS);
}
