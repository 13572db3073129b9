/**
 * What a command writes, as plain data. Commands are pure: they read a
 * WorkbookSnapshot and return WriteOps; each host (Office.js, in-memory, xlsx)
 * carries the same ops out, so every host writes the same cells, formulas and
 * formats.
 */
import type { CellValue } from "./cells";

/** A cell the add-in writes: a plain value, or a formula with the value the engine computed for it. */
export type CellWrite = CellValue | FormulaCell;

export interface FormulaCell {
  /** A formula in Excel's English syntax with `,` separators, beginning with `=`. */
  formula: string;
  /** The value the engine computed: hosts that cannot calculate show it. */
  value: CellValue;
}

export function isFormulaCell(cell: CellWrite | undefined): cell is FormulaCell {
  return typeof cell === "object" && cell !== null && "formula" in cell;
}

/** A rectangle of cells written at once, rows and columns 1-based. */
export interface WriteBlock {
  kind: "block";
  sheet: string;
  row: number;
  column: number;
  cells: CellWrite[][];
  /** Number formats, same shape as `cells`, or one per column (applied to every row). */
  numberFormats?: (string | null)[][] | { byColumn: (string | null)[] };
}

export interface EnsureSheet {
  kind: "ensureSheet";
  sheet: string;
  tabColor?: string;
}

/** Removes every value and format from a sheet the add-in owns (a leader sheet), before it is written anew. */
export interface ClearSheet {
  kind: "clearSheet";
  sheet: string;
}

export interface StyleRange {
  kind: "style";
  sheet: string;
  /** A1 range, e.g. `A3:N3`. */
  range: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  fontSize?: number;
  wrap?: boolean;
  horizontalAlignment?: "Left" | "Center" | "Right";
  border?: boolean;
  merge?: boolean;
}

/** Data validation on a range: a drop-down list, or a bounded number. */
export interface DataValidation {
  kind: "validation";
  sheet: string;
  range: string;
  rule:
    /** `source`, when given, is a range on the same sheet holding the values (e.g. `=$J$5:$J$14`); hosts use it instead of the values. */
    | { type: "list"; values: readonly string[]; source?: string }
    | { type: "decimal"; min?: number; max?: number }
    | { type: "wholeNumber"; min?: number; max?: number };
  /** Shown when a wrong value is typed. */
  errorMessage?: string;
}

/**
 * Protects a sheet, leaving the listed ranges editable (a fill-in template).
 * Never used on ledger sheets: an Excel table cannot grow on a protected sheet.
 */
export interface ProtectSheet {
  kind: "protect";
  sheet: string;
  unlocked: readonly string[];
}

export interface ColumnWidths {
  kind: "columnWidths";
  sheet: string;
  /** Width in points per 1-based column. */
  widths: { column: number; width: number }[];
}

export interface FreezePanes {
  kind: "freeze";
  sheet: string;
  rows: number;
  columns?: number;
}

/** A workbook-scoped name for one cell, e.g. `战时储备天数` → `参数!$B$3`. */
export interface DefineName {
  kind: "defineName";
  name: string;
  sheet: string;
  /** A1 address of the cell, without `$`. */
  cell: string;
  comment?: string;
}

export type ConditionalRule =
  | { type: "textEquals"; text: string; fill: string; fontColor?: string }
  | {
      type: "cellValue";
      operator: "GreaterThanOrEqual" | "LessThan" | "Between";
      formula1: string;
      formula2?: string;
      fill: string;
      fontColor?: string;
    };

export interface ConditionalFormat {
  kind: "conditionalFormat";
  sheet: string;
  range: string;
  rules: ConditionalRule[];
}

export interface Chart {
  kind: "chart";
  sheet: string;
  type: "barClustered" | "columnClustered" | "line";
  /** A1 range of the data including the header row and the category column. */
  dataRange: string;
  title: string;
  /** Top-left cell where the chart is placed. */
  anchor: string;
  /** Identifies the chart so a re-run replaces it rather than adding another. */
  name: string;
}

/**
 * How a sheet prints: paper, orientation, margins, print area, repeated rows,
 * header and footer, manual page breaks, and the row heights that keep wrapped
 * text whole (Excel never sizes a merged row by itself). Only the parts given
 * are set.
 */
export interface PageSetup {
  kind: "pageSetup";
  sheet: string;
  orientation: "Landscape" | "Portrait";
  fitToWidth: boolean;
  paperSize?: "A4";
  /** Margins in points; the left one wider for binding. */
  margins?: PageMargins;
  /** A1 range that prints, e.g. `A1:N80`; cells outside it (chart data) do not. */
  printArea?: string;
  /** Rows repeated on every printed page, e.g. `$1:$3`. */
  printTitleRows?: string;
  centerHeader?: string;
  /** Footer text; `{page}` and `{pages}` stand for the page number and the page count. */
  footer?: { left?: string; center?: string; right?: string };
  /** Rows that start a new printed page (a manual page break above each). */
  rowBreaks?: readonly number[];
  /** Heights in points for runs of rows, `from` to `to` inclusive. */
  rowHeights?: readonly { from: number; to: number; height: number }[];
}

export interface PageMargins {
  top: number;
  bottom: number;
  left: number;
  right: number;
  header: number;
  footer: number;
}

/**
 * A footer text in Excel's header/footer codes: `&P` page, `&N` pages, `&&` an ampersand.
 *
 * @example
 * footerCode("第{page}页 共{pages}页 R&D") //=> "第&P页 共&N页 R&&D"
 */
export function footerCode(text: string): string {
  return text
    .replace(/&/g, "&&")
    .replace(/\{page\}/g, "&P")
    .replace(/\{pages\}/g, "&N");
}

export type WriteOp =
  | EnsureSheet
  | ClearSheet
  | WriteBlock
  | StyleRange
  | ColumnWidths
  | FreezePanes
  | DefineName
  | ConditionalFormat
  | Chart
  | PageSetup
  | DataValidation
  | ProtectSheet;

/**
 * The value a host shows for a written cell: the formula's computed value, or the value itself.
 *
 * @example
 * displayValue({ formula: "=1+1", value: 2 }) //=> 2
 */
export function displayValue(cell: CellWrite): CellValue {
  return isFormulaCell(cell) ? cell.value : cell;
}

/**
 * What the cell's `formulas` property reads back after the write: the formula
 * text, or the value.
 *
 * @example
 * formulaText({ formula: "=1+1", value: 2 }) //=> "=1+1"
 */
export function formulaText(cell: CellWrite): CellValue {
  return isFormulaCell(cell) ? cell.formula : cell;
}
