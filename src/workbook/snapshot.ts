/**
 * What a command reads before it computes: the sheets it asked for, each as
 * values and formulas anchored at A1, and the workbook's defined names.
 */
import { isBlank, type CellValue, type Grid } from "./cells";

export interface SheetSnapshot {
  name: string;
  /** Cell values, from A1 to the last used cell; rows may be ragged. */
  values: Grid;
  /** Cell formulas (or values where there is no formula), same shape as `values`. */
  formulas: Grid;
}

export interface WorkbookSnapshot {
  /** Names of every sheet in the workbook, in tab order. */
  sheetNames: string[];
  /** The sheets a command asked for and that exist. */
  sheets: Record<string, SheetSnapshot>;
  /** Defined names: name → reference formula such as `=参数!$B$3`. */
  names: Record<string, string>;
}

/**
 * Returns the value of a cell of a snapshot sheet, or null.
 *
 * @example
 * cellAt(sheet, 3, 2) //=> the value at B3
 */
export function cellAt(sheet: SheetSnapshot | undefined, row: number, column: number): CellValue {
  const v = sheet?.values[row - 1]?.[column - 1];
  return v === undefined || isBlank(v) ? null : v;
}

/**
 * Returns the formula (or constant) of a cell of a snapshot sheet, or null.
 */
export function formulaAt(
  sheet: SheetSnapshot | undefined,
  row: number,
  column: number
): CellValue {
  const v = sheet?.formulas[row - 1]?.[column - 1];
  return v === undefined || isBlank(v) ? null : v;
}

/** The number of rows a sheet snapshot holds. */
export function usedRows(sheet: SheetSnapshot | undefined): number {
  return sheet?.values.length ?? 0;
}

/**
 * Builds a snapshot sheet from values alone (no formulas), for tests and fixtures.
 *
 * @example
 * sheetFromValues("参数", [["参数", "值"]]).formulas //=> [["参数", "值"]]
 */
export function sheetFromValues(name: string, values: Grid): SheetSnapshot {
  return { name, values, formulas: values.map((r) => [...r]) };
}
