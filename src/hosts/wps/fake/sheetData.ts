/**
 * The plain data behind the fake ET: sheets of cells (value, formula, number
 * format, locked), merges, rules, validations, charts, page set-up and
 * protection. Rows and columns are 1-based, as ET counts them.
 */
import type { CellValue } from "../../../workbook/cells";

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface Rect {
  row: number;
  column: number;
  lastRow: number;
  lastColumn: number;
}

export interface CellData {
  value: CellValue;
  formula?: string;
  format?: string;
  /** Only `false` is stored: cells are locked unless unlocked. */
  locked?: false;
}

export interface RuleData {
  rect: Rect;
  type: number;
  operator?: number;
  formula1?: string;
  formula2?: string;
  fill?: number;
  fontColor?: number;
}

export interface ValidationData {
  rect: Rect;
  type: number;
  alertStyle?: number;
  operator?: number;
  formula1?: string;
  formula2?: string;
  ignoreBlank?: boolean;
  inCellDropdown?: boolean;
  showError?: boolean;
  errorMessage?: string;
}

export interface ChartData {
  name: string;
  left: number;
  top: number;
  source?: string;
  plotBy?: number;
  chartType?: number;
  hasTitle?: boolean;
  title?: string;
}

export interface PageSetupData {
  orientation?: number;
  zoom?: number | boolean;
  fitToPagesWide?: number | boolean;
  fitToPagesTall?: number | boolean;
  printTitleRows?: string;
  centerHeader?: string;
}

/** A formatting call on a range, kept in order (fill, font, alignment, borders). */
export interface StyleData {
  rect: Rect;
  member: string;
  value: unknown;
}

export class SheetData {
  /** rows[r][c], 1-based. */
  readonly rows: (CellData | undefined)[][] = [];
  merges: Rect[] = [];
  rules: RuleData[] = [];
  validations: ValidationData[] = [];
  charts: ChartData[] = [];
  styles: StyleData[] = [];
  pageSetup: PageSetupData = {};
  columnWidths = new Map<number, number>();
  protected = false;
  tabColor?: number;
  frozen = { rows: 0, columns: 0 };

  constructor(public name: string) {}

  cell(row: number, column: number): CellData | undefined {
    return this.rows[row]?.[column];
  }

  /** The cell, created empty when absent. */
  cellFor(row: number, column: number): CellData {
    const line = (this.rows[row] ??= []);
    return (line[column] ??= { value: null });
  }

  /** The smallest rectangle holding every cell with a value, a formula or a format (ET's UsedRange), or null. */
  usedRect(valuesOnly: boolean): Rect | null {
    let top = 0;
    let bottom = 0;
    let left = Infinity;
    let right = 0;
    this.rows.forEach((line, r) => {
      if (!line) return;
      line.forEach((cell, c) => {
        if (!cell) return;
        const used =
          cell.value !== null ||
          cell.formula !== undefined ||
          (!valuesOnly && cell.format !== undefined);
        if (!used) return;
        if (top === 0) top = r;
        bottom = r;
        left = Math.min(left, c);
        right = Math.max(right, c);
      });
    });
    return top === 0 ? null : { row: top, column: left, lastRow: bottom, lastColumn: right };
  }

  /** Removes everything from the cells of `rect`: values, formulas, formats, unlocking, merges, rules, validations and styles over it. */
  clear(rect: Rect): void {
    for (let r = rect.row; r <= Math.min(rect.lastRow, this.rows.length - 1); r++) {
      const line = this.rows[r];
      if (!line) continue;
      for (let c = rect.column; c <= Math.min(rect.lastColumn, line.length - 1); c++)
        line[c] = undefined;
    }
    this.merges = this.merges.filter((m) => !overlaps(m, rect));
    this.rules = this.rules.filter((m) => !overlaps(m.rect, rect));
    this.validations = this.validations.filter((m) => !overlaps(m.rect, rect));
    this.styles = this.styles.filter((m) => !overlaps(m.rect, rect));
  }
}

export function overlaps(a: Rect, b: Rect): boolean {
  return (
    a.row <= b.lastRow && b.row <= a.lastRow && a.column <= b.lastColumn && b.column <= a.lastColumn
  );
}

export function cellCount(rect: Rect): number {
  return (rect.lastRow - rect.row + 1) * (rect.lastColumn - rect.column + 1);
}

/**
 * An A1 reference as ET's Range() takes it: `B3`, `A1:H20`, `$A$1:$B$2`,
 * whole columns `C:E` and whole rows `1:3`. Undefined when it is none of these.
 */
export function parseRect(address: string): Rect | undefined {
  const parts = address.replace(/\$/g, "").toUpperCase().split(":");
  if (parts.length > 2) return undefined;
  const ends = parts.map(parseEnd);
  if (ends.some((e) => e === undefined)) return undefined;
  const [a, b = a] = ends as End[];
  if (a.kind !== b.kind) return undefined;
  const row = Math.min(a.row ?? 1, b.row ?? 1);
  const column = Math.min(a.column ?? 1, b.column ?? 1);
  return {
    row,
    column,
    lastRow: a.kind === "column" ? MAX_ROWS : Math.max(a.row ?? 1, b.row ?? 1),
    lastColumn: a.kind === "row" ? MAX_COLUMNS : Math.max(a.column ?? 1, b.column ?? 1),
  };
}

interface End {
  kind: "cell" | "column" | "row";
  row?: number;
  column?: number;
}

function parseEnd(text: string): End | undefined {
  const m = /^([A-Z]{0,3})(\d*)$/.exec(text);
  if (!m || (m[1] === "" && m[2] === "")) return undefined;
  const column =
    m[1] === "" ? undefined : [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const row = m[2] === "" ? undefined : Number(m[2]);
  if (
    (row !== undefined && (row < 1 || row > MAX_ROWS)) ||
    (column !== undefined && column > MAX_COLUMNS)
  )
    return undefined;
  return {
    kind: column === undefined ? "row" : row === undefined ? "column" : "cell",
    row,
    column,
  };
}

/**
 * What a cell holds after ET is given `input` (through Value2 or Formula),
 * read as typing is read: `=…` is a formula, as is `+…`, `-…` or `@…` when it
 * is not a number; numeric text becomes a number and TRUE/FALSE a boolean,
 * unless the cell is formatted as text ("@"). "" empties the cell.
 */
export function typedInput(
  input: unknown,
  textFormat: boolean
): { value: CellValue; formula?: string } {
  if (input === null || input === undefined) return { value: null };
  if (typeof input === "number") return { value: Number.isFinite(input) ? input : null };
  if (typeof input === "boolean") return { value: input };
  const text = String(input);
  if (text === "") return { value: null };
  if (textFormat) return { value: text };
  const m = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(%?)\s*$/i.exec(text);
  if (m) {
    const n = Number(m[1]) / (m[2] ? 100 : 1);
    if (Number.isFinite(n)) return { value: n };
  }
  if (text.length > 1 && text.startsWith("=")) return { value: null, formula: text };
  if (text.length > 1 && /^[+\-@]/.test(text)) return { value: null, formula: `=${text}` };
  if (/^\s*true\s*$/i.test(text)) return { value: true };
  if (/^\s*false\s*$/i.test(text)) return { value: false };
  return { value: text };
}
