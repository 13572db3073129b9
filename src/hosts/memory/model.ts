/**
 * The state of the in-memory Excel as plain data: sheets of cells, formats,
 * names, conditional formats, charts and page layout, with an undo journal so
 * that a failed sync applies nothing (Excel applies a batch all or nothing).
 * Rows and columns are 0-based here, as Excel's `rowIndex`/`columnIndex`.
 */
import { columnLetters, columnNumber, rangeAddress } from "../../workbook/a1";
import type { CellValue } from "../../workbook/cells";

/** The most rows and columns a sheet has. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface Rect {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface CellStyle {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  fontSize?: number;
  horizontalAlignment?: string;
  wrap?: boolean;
  /** True when any edge of the cell has a border line. */
  border?: boolean;
  /** `format.protection.locked`; absent means locked, Excel's default for every cell. */
  locked?: boolean;
}

/** One row's cells; `formulas` and `formats` are created only when a cell of the row needs one. */
export interface RowData {
  /** Constants, or the cached value of a formula cell (null when unknown). */
  values: CellValue[];
  formulas?: (string | undefined)[];
  formats?: (string | undefined)[];
}

export type ConditionalFormatData =
  | {
      type: "containsText";
      range: string;
      operator: string;
      text: string;
      fill?: string;
      fontColor?: string;
    }
  | {
      type: "cellValue";
      range: string;
      operator: string;
      formula1: string;
      formula2?: string;
      fill?: string;
      fontColor?: string;
    }
  | { type: "other"; range: string; kind: string };

export interface ChartData {
  name: string;
  type: string;
  /** Address of the source data on its sheet, e.g. `A2:C9`. */
  source: string;
  seriesBy: string;
  title: string;
  /** Top-left cell (and bottom-right, when given) of the chart. */
  position: { start: string; end?: string } | null;
}

export interface PageLayoutData {
  orientation: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printTitleRows: string | null;
  centerHeader: string;
  paperSize: string;
  /** Points, as Office.js sets them; absent until set. */
  margins: {
    top?: number;
    bottom?: number;
    left?: number;
    right?: number;
    header?: number;
    footer?: number;
  };
  printArea: string | null;
  footer: { left: string; center: string; right: string };
  /** Rows with a manual page break above them. */
  rowBreaks: number[];
}

/** A data validation rule on a rectangle, as `Range.dataValidation` set it. */
export interface ValidationData {
  rect: Rect;
  /** The rule as given, with a Range operand replaced by its address. */
  rule: Excel.DataValidationRule;
  errorAlert?: Excel.DataValidationErrorAlert;
  ignoreBlanks: boolean;
}

export interface ProtectionData {
  protected: boolean;
  options: Excel.WorksheetProtectionOptions;
  /** The password `protect` was given, if any: `unprotect` must repeat it. */
  password?: string;
}

export interface NameData {
  name: string;
  /** The reference formula, e.g. `=参数!$B$3`. */
  formula: string;
  comment: string;
}

/** Formats set on a rectangle, in the order they were set; "reset" is a clear of formats. */
export interface StyleLayer {
  rect: Rect;
  style: CellStyle | "reset";
}

export class SheetModel {
  rows: (RowData | undefined)[] = [];
  styles: StyleLayer[] = [];
  merges: Rect[] = [];
  columnWidths = new Map<number, number>();
  frozen = { rows: 0, columns: 0 };
  conditionalFormats: ConditionalFormatData[] = [];
  charts: ChartData[] = [];
  validations: ValidationData[] = [];
  protection: ProtectionData = { protected: false, options: {} };
  page: PageLayoutData = {
    orientation: "Portrait",
    zoom: { scale: 100 },
    printTitleRows: null,
    centerHeader: "",
    paperSize: "Letter",
    margins: {},
    printArea: null,
    footer: { left: "", center: "", right: "" },
    rowBreaks: [],
  };
  /** Row heights in points set through `format.rowHeight`, by 0-based row (as columnWidths). */
  rowHeights = new Map<number, number>();
  tabColor = "";

  constructor(public name: string) {}
}

export class BookModel {
  sheets: SheetModel[] = [];
  names = new Map<string, NameData>();
  activeSheet: SheetModel | null = null;
  selection: { sheet: string; address: string } | null = null;

  sheet(name: string): SheetModel | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }
}

/** Sheet-level state other than cells, as saved and restored by the journal. */
type SheetMeta = Pick<
  SheetModel,
  | "styles"
  | "merges"
  | "columnWidths"
  | "frozen"
  | "page"
  | "tabColor"
  | "validations"
  | "protection"
>;

/**
 * Records how to undo each change of one sync, so a sync that fails part-way
 * can be rolled back. Each row and each sheet's other state is saved once,
 * before its first change.
 */
export class Journal {
  changed = false;
  private readonly undo: (() => void)[] = [];
  private readonly touched = new Set<unknown>();
  private readonly touchedRows = new Map<SheetModel, Set<number>>();

  constructor(private readonly book: BookModel) {}

  /** Before changing the sheet list, the names, the active sheet or the selection. */
  workbook(): void {
    this.changed = true;
    if (this.once(this.book)) {
      const { sheets, names, activeSheet, selection } = this.book;
      const saved = { sheets: [...sheets], names: new Map(names), activeSheet, selection };
      this.undo.push(() => Object.assign(this.book, saved));
    }
  }

  /** Before changing a sheet's formats, merges, widths, panes, rules, charts or layout. */
  meta(sheet: SheetModel): void {
    this.changed = true;
    if (this.once(sheet)) {
      const saved: SheetMeta = structuredClone({
        styles: sheet.styles,
        merges: sheet.merges,
        columnWidths: sheet.columnWidths,
        frozen: sheet.frozen,
        page: sheet.page,
        tabColor: sheet.tabColor,
        validations: sheet.validations,
        protection: sheet.protection,
      });
      // Charts and rules keep their identity (proxies hold them), so restore them in place.
      const charts = sheet.charts.map((c) => [c, { ...c }] as const);
      const rules = sheet.conditionalFormats.map((c) => [c, { ...c }] as const);
      this.undo.push(() => {
        Object.assign(sheet, saved);
        sheet.charts = charts.map(([c, copy]) => Object.assign(c, copy));
        sheet.conditionalFormats = rules.map(([c, copy]) => Object.assign(c, copy));
      });
    }
  }

  /** Before changing the cells of row `r`. */
  row(sheet: SheetModel, r: number): void {
    this.changed = true;
    let rows = this.touchedRows.get(sheet);
    if (!rows) {
      rows = new Set();
      this.touchedRows.set(sheet, rows);
    }
    if (rows.has(r)) return;
    rows.add(r);
    const list = sheet.rows;
    const old = list[r];
    const saved = old && {
      values: [...old.values],
      formulas: old.formulas && [...old.formulas],
      formats: old.formats && [...old.formats],
    };
    this.undo.push(() => {
      if (saved && old) list[r] = Object.assign(old, saved);
      else delete list[r];
    });
  }

  /** Before replacing every row of a sheet at once (a whole-sheet clear): cheaper than saving each row. */
  allRows(sheet: SheetModel): void {
    this.changed = true;
    const list = sheet.rows;
    this.undo.push(() => {
      sheet.rows = list;
    });
    // Rows touched later belong to the new list; they are saved again.
    this.touchedRows.delete(sheet);
  }

  rollback(): void {
    for (let i = this.undo.length - 1; i >= 0; i--) this.undo[i]();
  }

  private once(key: unknown): boolean {
    if (this.touched.has(key)) return false;
    this.touched.add(key);
    return true;
  }
}

/** What a cell holds after Excel has read an input: a constant, or a formula (value unknown until calculated). */
export interface CellInput {
  value: CellValue;
  formula?: string;
}

/**
 * Reads an input as Excel does when `values` or `formulas` is set (or a user
 * types): a string starting with "=" is a formula, as is one starting with
 * "+", "-" or "@" that is not a number; numeric text becomes a number and
 * TRUE/FALSE a boolean. A cell formatted as text ("@") keeps the string as
 * it is. Dates and times typed as text are not recognised here.
 * Returns undefined for null (Office.js leaves such a cell unchanged).
 *
 * @example
 * readInput("=1+1", false) //=> { value: null, formula: "=1+1" }
 * readInput("=1+1", true)  //=> { value: "=1+1" }
 * readInput("60", false)   //=> { value: 60 }
 */
export function readInput(input: unknown, textFormat: boolean): CellInput | undefined {
  if (input === null || input === undefined) return undefined;
  if (typeof input === "number") return { value: Number.isFinite(input) ? input : null };
  if (typeof input === "boolean") return { value: input };
  const text = String(input);
  if (text === "") return { value: null };
  if (textFormat) return { value: text };
  const number = numericText(text);
  if (number !== undefined) return { value: number };
  if (text.length > 1 && text.startsWith("=")) return { value: null, formula: text };
  if (text.length > 1 && /^[+\-@]/.test(text)) return { value: null, formula: `=${text}` };
  if (/^\s*true\s*$/i.test(text)) return { value: true };
  if (/^\s*false\s*$/i.test(text)) return { value: false };
  return { value: text };
}

function numericText(text: string): number | undefined {
  const m = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(%?)\s*$/i.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]) / (m[2] ? 100 : 1);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * A formula as Excel writes it `delta` rows lower when it copies or fills a
 * cell: every relative row of an A1 reference moves, absolute rows ($3),
 * whole columns ($A:$A), names and text in quotes stay.
 *
 * @example
 * shiftFormulaRows('=IF(J3="J3",A$1+SUM(物资目录!$A:$A),B3)', 2) //=> '=IF(J5="J3",A$1+SUM(物资目录!$A:$A),B5)'
 */
export function shiftFormulaRows(formula: string, delta: number): string {
  const parts = formula.split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/);
  return parts
    .map((part, i) =>
      // Odd parts are the quoted text and sheet names the split kept.
      i % 2 === 1
        ? part
        : part.replace(
            /(^|[^A-Za-z0-9_.$])(\$?[A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_.(])/g,
            (_m, before: string, column: string, absolute: string, row: string) =>
              `${before}${column}${absolute}${absolute ? row : Number(row) + delta}`
          )
    )
    .join("");
}

/**
 * Bounding box of a sheet's cells with content (and, unless `valuesOnly`, with
 * a number format), or null when empty. Fills and fonts do not widen it here.
 */
export function usedRect(sheet: SheetModel, valuesOnly: boolean): Rect | null {
  let top = -1;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  const widen = (r: number, c: number) => {
    if (top < 0 || r < top) top = r;
    if (r > bottom) bottom = r;
    if (c < left) left = c;
    if (c > right) right = c;
  };
  sheet.rows.forEach((row, r) => {
    if (!row) return;
    for (let c = 0; c < row.values.length; c++) {
      if (row.values[c] !== null && row.values[c] !== undefined) widen(r, c);
    }
    row.formulas?.forEach((f, c) => f !== undefined && widen(r, c));
    if (!valuesOnly) row.formats?.forEach((f, c) => f !== undefined && widen(r, c));
  });
  if (top < 0) return null;
  return { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
}

/** The formats of one cell: every layer that covers it, folded in order. */
export function styleAt(sheet: SheetModel, r: number, c: number): CellStyle {
  let style: CellStyle = {};
  for (const layer of sheet.styles) {
    if (!contains(layer.rect, r, c)) continue;
    style = layer.style === "reset" ? {} : { ...style, ...layer.style };
  }
  return style;
}

/** What a change touches, for the rules of a protected sheet. */
export type EditKind =
  /** values and formulas: allowed on unlocked cells */
  | "contents"
  /** number formats, fonts, fills, borders: allowed when the protection allows formatting cells */
  | "format"
  /** column widths: allowed when the protection allows formatting columns */
  | "columns"
  /** merges, data validation, conditional formats, lock state: never on a protected sheet */
  | "structure";

/**
 * True when Excel refuses the change because the sheet is protected: any
 * change of a locked cell's contents, and formatting unless the protection
 * options allow it.
 */
export function editBlocked(sheet: SheetModel, rect: Rect, kind: EditKind): boolean {
  const { protected: on, options } = sheet.protection;
  if (!on) return false;
  if (kind === "format") return options.allowFormatCells !== true;
  if (kind === "columns") return options.allowFormatColumns !== true;
  if (kind === "structure") return true;
  const lastRow = Math.min(rect.row + rect.rows, MAX_ROWS);
  const lastColumn = Math.min(rect.column + rect.columns, MAX_COLUMNS);
  for (let r = rect.row; r < lastRow; r++)
    for (let c = rect.column; c < lastColumn; c++)
      if (styleAt(sheet, r, c).locked !== false) return true;
  return false;
}

export function contains(rect: Rect, r: number, c: number): boolean {
  return (
    r >= rect.row && r < rect.row + rect.rows && c >= rect.column && c < rect.column + rect.columns
  );
}

/**
 * The parts of `a` outside `b`: up to four rectangles (above, below, left,
 * right of the overlap), or `a` itself when they do not meet.
 *
 * @example
 * subtractRect({ row: 0, column: 0, rows: 3, columns: 1 }, { row: 1, column: 0, rows: 1, columns: 1 })
 * //=> [{ row: 0, column: 0, rows: 1, columns: 1 }, { row: 2, column: 0, rows: 1, columns: 1 }]
 */
export function subtractRect(a: Rect, b: Rect): Rect[] {
  if (!intersects(a, b)) return [a];
  const top = Math.max(a.row, b.row);
  const bottom = Math.min(a.row + a.rows, b.row + b.rows);
  const left = Math.max(a.column, b.column);
  const right = Math.min(a.column + a.columns, b.column + b.columns);
  const out: Rect[] = [];
  if (a.row < top)
    out.push({ row: a.row, column: a.column, rows: top - a.row, columns: a.columns });
  if (bottom < a.row + a.rows)
    out.push({ row: bottom, column: a.column, rows: a.row + a.rows - bottom, columns: a.columns });
  if (a.column < left)
    out.push({ row: top, column: a.column, rows: bottom - top, columns: left - a.column });
  if (right < a.column + a.columns)
    out.push({
      row: top,
      column: right,
      rows: bottom - top,
      columns: a.column + a.columns - right,
    });
  return out;
}

export function intersects(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.column < b.column + b.columns &&
    b.column < a.column + a.columns
  );
}

export function setCell(row: RowData, c: number, cell: CellInput): void {
  if (cell.formula !== undefined) {
    const formulas = (row.formulas ??= []);
    // A new formula has no value until calculated; the same formula keeps its cached value.
    if (formulas[c] !== cell.formula) row.values[c] = null;
    formulas[c] = cell.formula;
    return;
  }
  row.values[c] = cell.value;
  if (row.formulas) row.formulas[c] = undefined;
}

/** A rectangle of cells as Excel returns it: "" for empty cells. */
export function readRect<T>(
  sheet: SheetModel,
  rect: Rect,
  read: (row: RowData | undefined, c: number) => T
): T[][] {
  const out: T[][] = [];
  for (let r = rect.row; r < rect.row + rect.rows; r++) {
    const row = sheet.rows[r];
    const line: T[] = new Array(rect.columns);
    for (let j = 0; j < rect.columns; j++) line[j] = read(row, rect.column + j);
    out.push(line);
  }
  return out;
}

/** A grid from A1 to the bottom-right of `used`, for the plain-data helpers. */
export function gridFromA1<T>(
  sheet: SheetModel,
  used: Rect | null,
  read: (row: RowData | undefined, c: number) => T
): T[][] {
  if (!used) return [];
  const rect = {
    row: 0,
    column: 0,
    rows: used.row + used.rows,
    columns: used.column + used.columns,
  };
  return readRect(sheet, rect, read);
}

/**
 * Parses an A1 address ("B3", "$B$3", "A1:C4", "A:C", "2:4", "参数!B3") into
 * a 0-based rectangle; no address is the whole sheet.
 */
export function parseAddress(address: string | undefined): Rect | undefined {
  if (address === undefined || address.trim() === "")
    return { row: 0, column: 0, rows: MAX_ROWS, columns: MAX_COLUMNS };
  const local = address
    .slice(address.lastIndexOf("!") + 1)
    .replace(/\$/g, "")
    .trim();
  const [a, b = a] = local.split(":");
  const cell = /^([A-Za-z]{1,3})(\d+)$/;
  const column = /^[A-Za-z]{1,3}$/;
  const row = /^\d+$/;
  let top: number, left: number, bottom: number, right: number;
  const ca = cell.exec(a);
  const cb = cell.exec(b);
  if (ca && cb) {
    [top, left, bottom, right] = [
      Number(ca[2]),
      columnNumber(ca[1]),
      Number(cb[2]),
      columnNumber(cb[1]),
    ];
  } else if (column.test(a) && column.test(b)) {
    [top, left, bottom, right] = [1, columnNumber(a), MAX_ROWS, columnNumber(b)];
  } else if (row.test(a) && row.test(b)) {
    [top, left, bottom, right] = [Number(a), 1, Number(b), MAX_COLUMNS];
  } else return undefined;
  if (![top, left, bottom, right].every((n) => Number.isInteger(n) && n >= 1)) return undefined;
  if (Math.max(top, bottom) > MAX_ROWS || Math.max(left, right) > MAX_COLUMNS) return undefined;
  return {
    row: Math.min(top, bottom) - 1,
    column: Math.min(left, right) - 1,
    rows: Math.abs(bottom - top) + 1,
    columns: Math.abs(right - left) + 1,
  };
}

/** The A1 address of a rectangle: "B3", "A1:C4", or "A:C" / "2:4" for whole columns or rows. */
export function rectAddress(rect: Rect): string {
  if (rect.row === 0 && rect.rows >= MAX_ROWS)
    return `${columnLetters(rect.column + 1)}:${columnLetters(rect.column + rect.columns)}`;
  if (rect.column === 0 && rect.columns >= MAX_COLUMNS)
    return `${rect.row + 1}:${rect.row + rect.rows}`;
  return rangeAddress(
    rect.row + 1,
    rect.column + 1,
    rect.row + rect.rows,
    rect.column + rect.columns
  );
}

export function absoluteAddress(rect: Rect): string {
  return rectAddress(rect).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
}
