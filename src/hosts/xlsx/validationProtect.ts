/**
 * The `validation` and `protect` ops of src/workbook/plan.ts on an exceljs
 * worksheet, asking a file for what the Office host asks Excel for
 * (src/hosts/excel/officeHost.ts): the same rules, the same error alert, the
 * same protection options, so a template made by the command line behaves in
 * Excel as one made by the add-in.
 */
/* eslint-disable office-addins/call-sync-before-read --
   exceljs cells are plain objects, not Office.js proxies: there is nothing to sync. */
import type ExcelJS from "exceljs";
import { parseRangeAddress } from "../../workbook/a1";
import type { DataValidation, ProtectSheet } from "../../workbook/plan";

/**
 * What a protected template allows, as the Office host's
 * `protection.protect({ allowFormatColumns, allowFormatRows, selectionMode: "Normal" })`:
 * selecting any cell and resizing columns and rows, but not inserting or
 * deleting rows. exceljs writes the file's inverted flags itself.
 */
export const SHEET_PROTECTION: Readonly<Partial<ExcelJS.WorksheetProtection>> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
  insertRows: false,
  deleteRows: false,
};

/** Excel caps an error alert's message at 225 characters (the Office host cuts it too). */
const ALERT_MAX = 225;

/** The lower bound Excel's own "any number" uses when a rule gives neither bound. */
const LOWEST_NUMBER = -9.99e307;

/**
 * A plan's validation rule as exceljs stores it: a list from its source range
 * (without `=`) or from its values (one quoted, comma-separated string, as
 * Excel keeps an inline list); a number between, at least or at most its
 * bounds. Blank cells are allowed and a wrong entry is stopped with the
 * op's message.
 *
 * @example
 * excelValidation({ kind: "validation", sheet: "填报_城关镇", range: "E5:G11", rule: { type: "decimal", min: 0 } })
 * //=> { type: "decimal", operator: "greaterThanOrEqual", formulae: [0], allowBlank: true, showErrorMessage: true, errorStyle: "stop" }
 * excelValidation({ kind: "validation", sheet: "s", range: "C7", rule: { type: "list", values: ["甲", "乙"] } }).formulae
 * //=> ['"甲,乙"']
 */
export function excelValidation(op: DataValidation): ExcelJS.DataValidation {
  const alert: Partial<ExcelJS.DataValidation> = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: "stop",
  };
  if (op.errorMessage !== undefined) alert.error = op.errorMessage.slice(0, ALERT_MAX);
  const { rule } = op;
  if (rule.type === "list") {
    const formula =
      rule.source !== undefined
        ? rule.source.replace(/^=/, "")
        : `"${rule.values.join(",").replace(/"/g, '""')}"`;
    return { type: "list", formulae: [formula], ...alert };
  }
  const type = rule.type === "decimal" ? "decimal" : "whole";
  if (rule.min !== undefined && rule.max !== undefined)
    return { type, operator: "between", formulae: [rule.min, rule.max], ...alert };
  if (rule.max !== undefined)
    return { type, operator: "lessThanOrEqual", formulae: [rule.max], ...alert };
  return {
    type,
    operator: "greaterThanOrEqual",
    formulae: [rule.min ?? LOWEST_NUMBER],
    ...alert,
  };
}

/**
 * Sets the rule on every cell of the op's range, replacing the rule a cell
 * held (a cell holds one rule, as the Office host clears the range first).
 * exceljs keeps rules per cell, as it reads them from a file, and joins equal
 * neighbours into ranges when it writes.
 */
export function applyValidation(ws: ExcelJS.Worksheet, op: DataValidation): void {
  const rule = excelValidation(op);
  eachCell(op.range, "validation", (row, column) => {
    ws.getCell(row, column).dataValidation = rule;
  });
}

/**
 * Unlocks the cells of the listed ranges, then protects the sheet without a
 * password (the clerk may lift it), as the Office host does.
 */
export async function protectSheet(ws: ExcelJS.Worksheet, op: ProtectSheet): Promise<void> {
  for (const range of op.unlocked) {
    eachCell(range, "protect", (row, column) => {
      const cell = ws.getCell(row, column);
      // Styles read from a file share their objects between cells: replace, never mutate.
      cell.style = { ...cell.style, protection: { locked: false } };
    });
  }
  await ws.protect("", { ...SHEET_PROTECTION });
}

function eachCell(
  range: string,
  kind: "validation" | "protect",
  visit: (row: number, column: number) => void
): void {
  const box = parseRangeAddress(range.replace(/\$/g, ""));
  if (!box) throw new Error(`Bad range in ${kind} op: ${range}`);
  for (let r = box.row; r <= box.lastRow; r++)
    for (let c = box.column; c <= box.lastColumn; c++) visit(r, c);
}
