/// <reference types="et-jsapi-declare" />
/**
 * The WPS host: the WorkbookHost of src/workbook/host.ts over ET, the
 * spreadsheet object model of WPS 表格 (Excel's VBA model, synchronous, in
 * the add-in's task pane). Typed against et-jsapi-declare; every member is
 * read through `read` (et.ts), which handles the builds that expose a
 * property as a zero-argument method.
 *
 * Calls stay few and constant in the number of rows: a sheet is read with one
 * `Value2` and one `Formula` call on its used range, a block is written with
 * one `Formula` call, and its number formats with one call per run of columns
 * that share a format. While writing, screen updating is off and calculation
 * manual (restored afterwards, also on error), inside one undo transaction
 * where the build offers it.
 */
import type { Message } from "../../core/issue";
import { columnLetters, parseCellAddress, quoteSheet, rangeAddress } from "../../workbook/a1";
import type { CellValue, Grid } from "../../workbook/cells";
import { HostError, type HostIO, type WorkbookHost, type WriteReport } from "../../workbook/host";
import {
  formulaText,
  type Chart,
  type ConditionalFormat,
  type DataValidation,
  type DefineName,
  type FreezePanes,
  type PageSetup,
  type ProtectSheet,
  type StyleRange,
  type WriteBlock,
  type WriteOp,
} from "../../workbook/plan";
import type { WorkbookSnapshot } from "../../workbook/snapshot";
import { needsTextFormat } from "../../workbook/textFormat";
import { translateEtError } from "./errors";
import { assign, assignGrid, hasMember, hasMethod, read } from "./et";

export interface WpsHostOptions {
  /**
   * For an ET that cannot calculate (the fake ET of the tests and the browser
   * test): after the write, give the plan's formula cells the engine's
   * values. WPS itself recalculates, so the task pane leaves this out.
   */
  refreshFormulaValues?: (ops: readonly WriteOp[]) => void;
}

export interface WpsHost extends WorkbookHost {
  readonly kind: "wps";
  select(sheet: string, cell: string): Promise<void>;
}

/**
 * Creates the WPS host on an ET application (see detectEtApplication in et.ts).
 *
 * @example
 * const host = createWpsHost(detectEtApplication(window)!);
 * await executeCommand(host, initWorkbook, { today: 44581, now: 44581.5, lang: "zh" });
 */
export function createWpsHost(app: Et.Application, options: WpsHostOptions = {}): WpsHost {
  return {
    kind: "wps",
    transaction: <T>(work: (io: HostIO) => Promise<T>): Promise<T> => work(new EtIO(app, options)),
    async select(sheet: string, cell: string): Promise<void> {
      try {
        const ws = sheetItem(read(read(app, "ActiveWorkbook"), "Worksheets"), sheet);
        ws.Activate();
        ws.Range(cell).Select();
      } catch (error) {
        throw translateEtError(error, 0);
      }
    },
  };
}

/** A sheet the read phase saw: its ET name and object. */
interface KnownSheet {
  name: string;
  sheet: Et.Worksheet;
}

class EtIO implements HostIO {
  /** What this write left out, for the status line (WriteReport.skipped). */
  private readonly skipped: Message[] = [];
  private sheets = new Map<string, KnownSheet>();
  private order: string[] = [];
  private names = new Map<string, string>();
  private readDone = false;
  private book?: Et.Workbook;

  constructor(
    private readonly app: Et.Application,
    options: WpsHostOptions
  ) {
    if (options.refreshFormulaValues) this.refreshFormulaValues = options.refreshFormulaValues;
  }

  syncCount(): number {
    return 0;
  }

  readonly refreshFormulaValues?: (ops: readonly WriteOp[]) => void;

  async read(requested: readonly string[]): Promise<WorkbookSnapshot> {
    try {
      return this.readNow(requested);
    } catch (error) {
      throw translateEtError(error, 0);
    }
  }

  async write(
    ops: readonly WriteOp[],
    onProgress?: (done: number, total: number) => void
  ): Promise<WriteReport> {
    const report: WriteReport = { syncs: 0, cells: 0, maxRequestBytes: 0, totalBytes: 0 };
    if (ops.length === 0) return report;
    let done = 0;
    try {
      if (!this.readDone) this.readNow([]);
      report.cells = this.inWriteMode(() => {
        let cells = 0;
        this.unprotectBeforeWrite(ops);
        for (const op of ops) {
          cells += this.apply(op);
          done += 1;
          onProgress?.(done, ops.length);
        }
        return cells;
      });
      if (this.skipped.length > 0) report.skipped = [...this.skipped];
      return report;
    } catch (error) {
      throw translateEtError(error, done);
    }
  }

  private workbook(): Et.Workbook {
    if (!this.book) {
      // A busy ET (a cell being edited) refuses calls; Ready says so before anything is touched.
      if (read(this.app, "Ready") === false) throw new HostError("cellEditMode", BUSY);
      const book = read(this.app, "ActiveWorkbook");
      if (!book) throw new HostError("missingSheet", NO_WORKBOOK);
      this.book = book;
    }
    return this.book;
  }

  private readNow(requested: readonly string[]): WorkbookSnapshot {
    const book = this.workbook();
    const worksheets = read(book, "Worksheets");
    const count = read(worksheets, "Count");
    this.sheets = new Map();
    this.order = [];
    for (let i = 1; i <= count; i++) {
      const sheet = worksheets.Item(i) as Et.Worksheet;
      const name = read(sheet, "Name");
      this.sheets.set(lower(name), { name, sheet });
      this.order.push(name);
    }
    const snapshot: WorkbookSnapshot = { sheetNames: [...this.order], sheets: {}, names: {} };
    for (const wanted of new Set(requested)) {
      const known = this.sheets.get(lower(wanted));
      if (!known) continue;
      const used = read(known.sheet, "UsedRange");
      const values = asGrid(read(used, "Value2"));
      const formulas = asGrid(read(used, "Formula"));
      const top = read(used, "Row");
      const left = read(used, "Column");
      const anchored = anchorAtA1(values, formulas, top - 1, left - 1);
      snapshot.sheets[wanted] = { name: known.name, ...anchored };
    }
    const names = read(book, "Names");
    const nameCount = read(names, "Count");
    this.names = new Map();
    for (let i = 1; i <= nameCount; i++) {
      const item = names.Item(i);
      const name = read(item, "Name");
      // Sheet-scoped names (`参数!Print_Titles`) are not the workbook's names the commands define.
      if (name.includes("!")) continue;
      const refersTo = String(read(item, "RefersTo"));
      snapshot.names[name] = refersTo;
      this.names.set(lower(name), refersTo);
    }
    this.readDone = true;
    return snapshot;
  }

  /**
   * Screen updating off and calculation manual while `work` runs, inside one
   * undo transaction where ET offers it; both are restored afterwards, also
   * when `work` throws.
   */
  private inWriteMode<T>(work: () => T): T {
    const book = this.workbook();
    const screen = read(this.app, "ScreenUpdating");
    const calculation = read(this.app, "Calculation");
    const undo = undoTransactions(this.app);
    if (undo) undo.UndoTransBegin(book);
    else this.skipped.push(NO_UNDO_GROUP);
    let active: Et.Worksheet | undefined;
    this.rememberActive = () => (active ??= read(this.app, "ActiveSheet"));
    try {
      assign(this.app, "ScreenUpdating", false);
      assign(this.app, "Calculation", CALCULATION_MANUAL);
      return work();
    } finally {
      this.rememberActive = () => undefined;
      // Each restore on its own: one failing must not keep the others from running, and the clerk is told.
      const restored = [
        attempt(() => active?.Activate()),
        attempt(() => assign(this.app, "Calculation", calculation)),
        attempt(() => assign(this.app, "ScreenUpdating", screen)),
        attempt(() => undo?.UndoTransEnd(book, false, UNDO_LABEL)),
      ];
      if (restored.includes(false)) this.skipped.push(NOT_RESTORED);
    }
  }

  private rememberActive: () => void = () => undefined;

  /** A sheet the plan protects may be protected already (a template made before): unprotected first, as the other hosts do. */
  private unprotectBeforeWrite(ops: readonly WriteOp[]): void {
    const seen = new Set<string>();
    for (const op of ops) {
      if (op.kind !== "protect" || seen.has(lower(op.sheet))) continue;
      seen.add(lower(op.sheet));
      const known = this.sheets.get(lower(op.sheet));
      if (known && read(known.sheet, "ProtectContents")) known.sheet.Unprotect();
    }
  }

  /** Carries out one op; returns the cells it wrote. */
  private apply(op: WriteOp): number {
    switch (op.kind) {
      case "ensureSheet":
        this.ensureSheet(op.sheet, op.tabColor);
        return 0;
      case "clearSheet":
        if (this.sheets.has(lower(op.sheet))) read(this.sheet(op.sheet), "Cells").Clear();
        return 0;
      case "block":
        return this.writeBlock(op);
      case "style":
        this.style(op);
        return 0;
      case "columnWidths":
        this.columnWidths(op.sheet, op.widths);
        return 0;
      case "freeze":
        this.freeze(op);
        return 0;
      case "defineName":
        this.defineName(op);
        return 0;
      case "conditionalFormat":
        this.conditionalFormat(op);
        return 0;
      case "chart":
        this.optional(op, () => this.chart(op));
        return 0;
      case "pageSetup":
        this.optional(op, () => this.pageSetup(op));
        return 0;
      case "validation":
        this.validation(op);
        return 0;
      case "protect":
        this.protect(op);
        return 0;
      default:
        return assertNever(op);
    }
  }

  /**
   * Charts and print set-up are not the figures: where this ET build refuses
   * them (an error that is not a protected or missing sheet, nor a busy ET),
   * the op is left out and the status line says so, and the write goes on.
   */
  private optional(op: Chart | PageSetup, work: () => void): void {
    try {
      work();
    } catch (error) {
      const translated = translateEtError(error, 0);
      if (translated.kind !== "unknown") throw error;
      const detail = translated.userMessage;
      this.skipped.push(
        op.kind === "chart"
          ? {
              zh: `图表“${op.title}”（${op.sheet}）未能生成：${detail.zh}`,
              en: `Chart "${op.title}" (${op.sheet}) was not made: ${detail.en}`,
            }
          : {
              zh: `“${op.sheet}”的打印设置未能应用：${detail.zh}`,
              en: `The print set-up of ${op.sheet} was not applied: ${detail.en}`,
            }
      );
    }
  }

  /** The sheet of that name: from the read phase, or `Worksheets.Item(name)`, which throws for an absent sheet. */
  private sheet(name: string): Et.Worksheet {
    const known = this.sheets.get(lower(name));
    if (known) return known.sheet;
    return sheetItem(read(this.workbook(), "Worksheets"), name);
  }

  private ensureSheet(name: string, tabColor: string | undefined): void {
    if (this.sheets.has(lower(name))) return;
    // Worksheets.Add shows the new sheet; the clerk's sheet is shown again after the write.
    this.rememberActive();
    const worksheets = read(this.workbook(), "Worksheets");
    const last = this.order.length > 0 ? this.sheet(this.order[this.order.length - 1]) : undefined;
    const sheet = worksheets.Add(undefined, last);
    assign(sheet, "Name", name);
    if (tabColor) assign(read(sheet, "Tab"), "Color", bgr(tabColor));
    this.sheets.set(lower(name), { name, sheet });
    this.order.push(name);
  }

  /**
   * One block: its number formats first ("@" on the text Excel would
   * otherwise reinterpret, so text stays text), one call per run of columns
   * that share a format; then every cell with one `Formula` call (a formula
   * as its text, a value as itself, an empty cell as "").
   */
  private writeBlock(block: WriteBlock): number {
    const width = block.cells.reduce((w, line) => Math.max(w, line.length), 0);
    const height = block.cells.length;
    if (width === 0 || height === 0) return 0;
    const sheet = this.sheet(block.sheet);
    const bottom = block.row + height - 1;
    for (const run of formatRuns(block, width)) {
      const range = sheet.Range(
        rangeAddress(block.row, block.column + run.from, bottom, block.column + run.to)
      );
      if (typeof run.format === "string") assign(range, "NumberFormat", run.format);
      else assignGrid(range, "NumberFormat", run.format);
    }
    // Rows of one length go in one call: a row shorter than the block leaves the cells past its end as they are, as in Office.
    let start = 0;
    while (start < height) {
      const length = block.cells[start].length;
      let end = start + 1;
      while (end < height && block.cells[end].length === length) end++;
      if (length > 0) {
        const grid = block.cells.slice(start, end).map((line) =>
          line.map((cell) => {
            const v = formulaText(cell);
            return v === null ? "" : v;
          })
        );
        const range = rangeAddress(
          block.row + start,
          block.column,
          block.row + end - 1,
          block.column + length - 1
        );
        assignGrid(sheet.Range(range), "Formula", grid);
      }
      start = end;
    }
    return block.cells.reduce((n, line) => n + line.length, 0);
  }

  private style(op: StyleRange): void {
    const range = this.sheet(op.sheet).Range(op.range);
    if (op.merge) range.Merge(false);
    if (op.fill !== undefined) assign(read(range, "Interior"), "Color", bgr(op.fill));
    if (op.fontColor !== undefined || op.bold !== undefined || op.fontSize !== undefined) {
      const font = read(range, "Font");
      if (op.fontColor !== undefined) assign(font, "Color", bgr(op.fontColor));
      if (op.bold !== undefined) assign(font, "Bold", op.bold);
      if (op.fontSize !== undefined) assign(font, "Size", op.fontSize);
    }
    if (op.wrap !== undefined) assign(range, "WrapText", op.wrap);
    if (op.horizontalAlignment !== undefined)
      assign(range, "HorizontalAlignment", H_ALIGN[op.horizontalAlignment]);
    // The Borders collection sets every edge, inside ones included, in one call.
    if (op.border) assign(read(range, "Borders"), "LineStyle", LINE_CONTINUOUS);
  }

  /** Column widths: ET's ColumnWidth is in characters of the default font, the plan's in points. */
  private columnWidths(sheetName: string, widths: readonly { column: number; width: number }[]) {
    const sheet = this.sheet(sheetName);
    const sorted = [...widths].sort((a, b) => a.column - b.column);
    let i = 0;
    while (i < sorted.length) {
      let j = i;
      while (
        j + 1 < sorted.length &&
        sorted[j + 1].column === sorted[j].column + 1 &&
        sorted[j + 1].width === sorted[i].width
      )
        j++;
      const range = sheet.Range(
        `${columnLetters(sorted[i].column)}:${columnLetters(sorted[j].column)}`
      );
      assign(range, "ColumnWidth", charactersFromPoints(sorted[i].width));
      i = j + 1;
    }
  }

  /** ET freezes panes on a window: the sheet is shown, split at the plan's rows and columns, then frozen; the clerk's sheet is shown again after the write. */
  private freeze(op: FreezePanes): void {
    this.rememberActive();
    this.sheet(op.sheet).Activate();
    const window = read(this.app, "ActiveWindow");
    assign(window, "FreezePanes", false);
    assign(window, "ScrollRow", 1);
    assign(window, "SplitRow", op.rows);
    assign(window, "SplitColumn", op.columns ?? 0);
    if (op.rows > 0 || (op.columns ?? 0) > 0) assign(window, "FreezePanes", true);
  }

  /** `Names.Add` replaces a name that exists; one that already refers to the cell is left alone. */
  private defineName(op: DefineName): void {
    const at = parseCellAddress(op.cell);
    if (!at) throw new Error(`defineName ${op.name}: bad cell address ${op.cell}`);
    const reference = `=${quoteSheet(op.sheet)}!$${columnLetters(at.column)}$${at.row}`;
    const current = this.names.get(lower(op.name));
    if (current !== undefined && sameReference(current, reference)) return;
    const name = read(this.workbook(), "Names").Add(op.name, reference);
    // Excel limits a name's comment to 255 characters.
    if (op.comment !== undefined) assign(name, "Comment", op.comment.slice(0, 255));
    this.names.set(lower(op.name), reference);
  }

  /** Replaces the rules of the range, so a re-run does not stack copies. */
  private conditionalFormat(op: ConditionalFormat): void {
    const conditions = read(this.sheet(op.sheet).Range(op.range), "FormatConditions");
    conditions.Delete();
    for (const rule of op.rules) {
      const condition = (
        rule.type === "textEquals"
          ? conditions.Add(CF_CELL_VALUE, CF_OPERATORS.Equal, `="${rule.text.replace(/"/g, '""')}"`)
          : conditions.Add(CF_CELL_VALUE, CF_OPERATORS[rule.operator], rule.formula1, rule.formula2)
      ) as Et.FormatCondition;
      assign(read(condition, "Interior"), "Color", bgr(rule.fill));
      if (rule.fontColor) assign(read(condition, "Font"), "Color", bgr(rule.fontColor));
    }
  }

  /** A chart of the plan's name is deleted, then added again at its anchor cell. */
  private chart(op: Chart): void {
    const sheet = this.sheet(op.sheet);
    const objects = sheet.ChartObjects() as Et.ChartObjects;
    for (let i = read(objects, "Count"); i >= 1; i--) {
      const existing = objects.Item(i);
      if (read(existing, "Name") === op.name) existing.Delete();
    }
    const anchor = sheet.Range(op.anchor);
    const added = objects.Add(read(anchor, "Left"), read(anchor, "Top"), CHART_WIDTH, CHART_HEIGHT);
    assign(added, "Name", op.name);
    const chart = read(added, "Chart");
    chart.SetSourceData(sheet.Range(op.dataRange), PLOT_BY_COLUMNS);
    assign(chart, "ChartType", CHART_TYPES[op.type]);
    assign(chart, "HasTitle", true);
    assign(read(chart, "ChartTitle"), "Text", op.title);
  }

  private pageSetup(op: PageSetup): void {
    const setup = read(this.sheet(op.sheet), "PageSetup");
    assign(setup, "Orientation", op.orientation === "Landscape" ? LANDSCAPE : PORTRAIT);
    if (op.fitToWidth) {
      assign(setup, "Zoom", false);
      assign(setup, "FitToPagesWide", 1);
      assign(setup, "FitToPagesTall", false);
    }
    if (op.printTitleRows) assign(setup, "PrintTitleRows", op.printTitleRows);
    // "&" starts a header code; "&&" prints one ampersand.
    if (op.centerHeader !== undefined)
      assign(setup, "CenterHeader", op.centerHeader.replace(/&/g, "&&"));
  }

  /** Replaces the validation of the range (a range holds one rule). */
  private validation(op: DataValidation): void {
    const validation = read(this.sheet(op.sheet).Range(op.range), "Validation");
    validation.Delete();
    const { rule } = op;
    if (rule.type === "list") {
      validation.Add(DV_LIST, ALERT_STOP, DV_BETWEEN, rule.source ?? rule.values.join(","));
      assign(validation, "InCellDropdown", true);
    } else {
      const type = rule.type === "decimal" ? DV_DECIMAL : DV_WHOLE;
      if (rule.min !== undefined && rule.max !== undefined)
        validation.Add(type, ALERT_STOP, DV_BETWEEN, String(rule.min), String(rule.max));
      else if (rule.max !== undefined)
        validation.Add(type, ALERT_STOP, DV_LESS_EQUAL, String(rule.max));
      else validation.Add(type, ALERT_STOP, DV_GREATER_EQUAL, String(rule.min ?? -9.99e307));
    }
    assign(validation, "IgnoreBlank", true);
    if (op.errorMessage !== undefined) {
      assign(validation, "ShowError", true);
      // Excel caps the alert's message at 225 characters.
      assign(validation, "ErrorMessage", op.errorMessage.slice(0, 225));
    }
  }

  /** Unlocks the listed ranges, then protects the sheet without a password; column and row sizes stay free. */
  private protect(op: ProtectSheet): void {
    const sheet = this.sheet(op.sheet);
    for (const range of op.unlocked) assign(sheet.Range(range), "Locked", false);
    sheet.Protect(undefined, true, true, true, false, false, true, true);
  }
}

/** `Worksheets.Item(name)`: ET throws "Subscript out of range" for an absent sheet. */
function sheetItem(worksheets: Et.Sheets, name: string): Et.Worksheet {
  return worksheets.Item(name) as Et.Worksheet;
}

/** DebugTools' undo transaction, where this build has it: one command is then one undo step. */
function undoTransactions(app: Et.Application): Et.DebugTools | undefined {
  if (!hasMember(app, "DebugTools")) return undefined;
  const tools = read(app, "DebugTools");
  return hasMethod(tools, "UndoTransBegin") && hasMethod(tools, "UndoTransEnd") ? tools : undefined;
}

/** Runs one restore step; false when ET refused it (reported as NOT_RESTORED, beside the write's own outcome). */
function attempt(restore: () => void): boolean {
  try {
    restore();
    return true;
  } catch {
    return false;
  }
}

/** A run of adjacent columns of a block set with one NumberFormat call. */
interface FormatRun {
  /** 0-based columns of the block, inclusive. */
  from: number;
  to: number;
  /** One format for every cell, or a column of formats (a rows × columns grid). */
  format: string | string[][];
}

/**
 * The number formats a block sets, per column: the plan's format ("@" where
 * text must stay text), merged into runs of adjacent columns that hold one
 * format on every row. A column whose formats differ by row is set as a grid
 * (its unset cells "General"). Columns the plan leaves unformatted are left
 * alone.
 */
export function formatRuns(block: WriteBlock, width: number): FormatRun[] {
  const height = block.cells.length;
  const nf = block.numberFormats;
  const formatAt = (i: number, j: number): string | null => {
    const cell = block.cells[i][j];
    if (typeof cell === "string" && needsTextFormat(cell)) return "@";
    if (nf === undefined) return null;
    const source = Array.isArray(nf) ? nf[i] : nf.byColumn;
    return source?.[j] ?? null;
  };
  const columns: (string | null | (string | null)[])[] = [];
  for (let j = 0; j < width; j++) {
    const first = formatAt(0, j);
    let same = true;
    const all: (string | null)[] = [first];
    for (let i = 1; i < height; i++) {
      const f = formatAt(i, j);
      all.push(f);
      if (f !== first) same = false;
    }
    columns.push(same ? first : all);
  }
  const runs: FormatRun[] = [];
  for (let j = 0; j < width; j++) {
    const column = columns[j];
    if (column === null) continue;
    if (Array.isArray(column)) {
      runs.push({ from: j, to: j, format: column.map((f) => [f ?? "General"]) });
      continue;
    }
    const last = runs[runs.length - 1];
    if (last && last.to === j - 1 && last.format === column) last.to = j;
    else runs.push({ from: j, to: j, format: column });
  }
  return runs;
}

/** Value2/Formula give a scalar for one cell and a 2-D array for more. */
function asGrid(value: unknown): unknown[][] {
  if (Array.isArray(value)) return value.map((row) => (Array.isArray(row) ? row : [row]));
  return [[value]];
}

/**
 * The used range's values and formulas put back at A1, with ET's blanks as
 * null. `Formula` gives a constant as its text, so a cell's formula is taken
 * only where it is one; elsewhere the value stands. ET's used range also
 * covers cells that hold only a format: rows and columns with nothing in
 * them at the end are dropped, as Office's values-only used range does.
 */
function anchorAtA1(
  rawValues: unknown[][],
  rawFormulas: unknown[][],
  rowOffset: number,
  columnOffset: number
): { values: Grid; formulas: Grid } {
  const values: Grid = [];
  const formulas: Grid = [];
  let lastRow = -1;
  let lastColumn = -1;
  rawValues.forEach((line, r) => {
    const valueRow: CellValue[] = [];
    const formulaRow: CellValue[] = [];
    line.forEach((raw, c) => {
      const value = cellValue(raw);
      const formula = rawFormulas[r]?.[c];
      const f = typeof formula === "string" && formula.startsWith("=") ? formula : value;
      valueRow.push(value);
      formulaRow.push(f);
      if (value !== null || f !== null) {
        lastRow = Math.max(lastRow, r);
        lastColumn = Math.max(lastColumn, c);
      }
    });
    values.push(valueRow);
    formulas.push(formulaRow);
  });
  if (lastRow < 0) return { values: [], formulas: [] };
  const width = columnOffset + lastColumn + 1;
  const place = (grid: Grid): Grid => {
    const out: Grid = [];
    for (let r = 0; r < rowOffset; r++) out.push(new Array<CellValue>(width).fill(null));
    for (const line of grid.slice(0, lastRow + 1))
      out.push([
        ...new Array<CellValue>(columnOffset).fill(null),
        ...line.slice(0, lastColumn + 1),
      ]);
    return out;
  };
  return { values: place(values), formulas: place(formulas) };
}

function cellValue(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

/** `#RRGGBB` → ET's colour number, which is BGR (red in the low byte), as in VBA. */
export function bgr(color: string): number {
  const hex = color.replace(/^#/, "");
  const n = Number.parseInt(hex.length === 8 ? hex.slice(2) : hex, 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
}

/**
 * Points → characters of the default font (11 pt, 7 px per digit plus 5 px
 * padding, 96 px = 72 pt), as ET's ColumnWidth counts them.
 */
export function charactersFromPoints(points: number): number {
  return Math.max(0, Math.round(((points * 4) / 3 - 5) * (100 / 7)) / 100);
}

function lower(name: string): string {
  return name.toLowerCase();
}

function sameReference(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/^=/, "").replace(/[$']/g, "").toLowerCase();
  return norm(a) === norm(b);
}

function assertNever(op: never): never {
  throw new Error(`Unknown write op: ${JSON.stringify(op)}`);
}

const BUSY: Message = {
  zh: "WPS 表格正在编辑单元格，无法读写。请先退出单元格编辑（按 Enter 或 Esc）后重试",
  en: "WPS Spreadsheets is editing a cell. Leave the cell (press Enter or Esc), then try again",
};
const NO_WORKBOOK: Message = {
  zh: "没有打开的工作簿。请先打开或新建工作簿后重试",
  en: "No workbook is open. Open or create a workbook, then try again",
};
const UNDO_LABEL = "防疫台账助手";
const NOT_RESTORED: Message = {
  zh: "写入后未能完全恢复 WPS 的设置：如表格不再自动计算或不刷新，请在“公式”→“计算选项”中选“自动”，或重新打开工作簿",
  en: "WPS's settings could not all be restored after the write: if the sheet no longer calculates or redraws, choose Formulas > Calculation Options > Automatic, or reopen the workbook",
};
const NO_UNDO_GROUP: Message = {
  zh: "此版本 WPS 不提供撤销事务：本次写入在“撤销”中分为多步",
  en: "This WPS build has no undo transaction: this write is several steps in Undo",
};

// ET's enums are declared ambient in et-jsapi-declare (no runtime object): their values, typed.
const CALCULATION_MANUAL: Et.XlCalculation = -4135;
const LANDSCAPE: Et.XlPageOrientation = 2;
const PORTRAIT: Et.XlPageOrientation = 1;
const LINE_CONTINUOUS = 1;
const PLOT_BY_COLUMNS = 2;
const CHART_WIDTH = 480;
const CHART_HEIGHT = 288;
const CF_CELL_VALUE: Et.XlFormatConditionType = 1;
const CF_OPERATORS = { Between: 1, Equal: 3, LessThan: 6, GreaterThanOrEqual: 7 } as const;
const DV_WHOLE: Et.XlDVType = 1;
const DV_DECIMAL: Et.XlDVType = 2;
const DV_LIST: Et.XlDVType = 3;
const ALERT_STOP = 1;
const DV_BETWEEN = 1;
const DV_GREATER_EQUAL = 7;
const DV_LESS_EQUAL = 8;
const H_ALIGN = { Left: -4131, Center: -4108, Right: -4152 } as const;
const CHART_TYPES: Record<Chart["type"], Kso.XlChartType> = {
  barClustered: 57,
  columnClustered: 51,
  line: 4,
};
