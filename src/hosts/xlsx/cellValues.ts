/**
 * Turning exceljs cell values into the plain values every host hands over
 * (src/workbook/cells.ts): numbers, text, booleans and null. Dates become
 * Excel serial numbers, rich text becomes plain text, errors become their
 * text (`#DIV/0!`), and a formula cell shows its cached result.
 */
import type ExcelJS from "exceljs";
import type { CellValue } from "../../workbook/cells";

const MS_PER_DAY = 86_400_000;
/** 1899-12-30 in UTC, the day Excel serial numbers count from (src/core/dates.ts uses the same). */
const EPOCH_UTC = Date.UTC(1899, 11, 30);

/**
 * Returns the Excel serial number of a JavaScript Date as exceljs produces it.
 * exceljs builds Dates in UTC from the serial (`(serial − 25569) × 86400000`
 * ms), so the inverse is taken in UTC too: no time zone can shift a day.
 *
 * @example
 * serialFromExcelDate(new Date(Date.UTC(2022, 0, 20))) //=> 44581
 * serialFromExcelDate(new Date(Date.UTC(2022, 0, 20, 12))) //=> 44581.5
 */
export function serialFromExcelDate(date: Date): number {
  return (date.getTime() - EPOCH_UTC) / MS_PER_DAY;
}

/**
 * Returns the plain value of an exceljs cell value; a formula gives its cached
 * result (null when the file holds none).
 *
 * @example
 * plainValue({ formula: "A1*2", result: 4 })          //=> 4
 * plainValue({ richText: [{ text: "城关" }, { text: "镇" }] }) //=> "城关镇"
 * plainValue({ error: "#DIV/0!" })                     //=> "#DIV/0!"
 * plainValue("")                                       //=> null
 */
export function plainValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value + 0 : null;
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "boolean") return value;
  if (value instanceof Date) return serialFromExcelDate(value);
  if ("richText" in value) return nonEmpty(value.richText.map((r) => r.text).join(""));
  if ("error" in value) return String(value.error);
  if ("formula" in value || "sharedFormula" in value) {
    return plainValue(value.result as ExcelJS.CellValue | undefined);
  }
  if ("hyperlink" in value) {
    const text = value.text as unknown;
    return plainValue(text as ExcelJS.CellValue);
  }
  return null;
}

/**
 * Returns what Office's `Range.formulas` shows for a cell: `=` and the formula
 * text for a formula cell (shared formulas expanded), else the plain value.
 */
export function formulaOrValue(cell: ExcelJS.Cell): CellValue {
  const formula = cellFormula(cell);
  return formula === undefined ? plainValue(cell.value) : `=${formula}`;
}

/** The formula text of a cell without `=`, or undefined when the cell holds no formula. */
export function cellFormula(cell: ExcelJS.Cell): string | undefined {
  const value = cell.value;
  if (value === null || typeof value !== "object" || value instanceof Date) return undefined;
  if (!("formula" in value) && !("sharedFormula" in value)) return undefined;
  // `cell.formula` translates a shared formula to this cell's references.
  const text = cell.formula;
  return typeof text === "string" && text !== "" ? text : undefined;
}

/**
 * The cached result of a formula cell as a plain value. exceljs drops a falsy
 * result (0, false, "") from `cell.value`, so it is read from `cell.result`.
 */
export function formulaResult(cell: ExcelJS.Cell): CellValue {
  return plainValue(cell.result as ExcelJS.CellValue | undefined);
}

function nonEmpty(text: string): string | null {
  return text === "" ? null : text;
}
