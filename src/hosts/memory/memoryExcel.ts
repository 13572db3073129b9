/**
 * An in-memory Excel: a fake of exactly the part of the Excel JavaScript API
 * that the Office host (src/hosts/excel/officeHost.ts) uses, so the same host
 * code runs in tests and in the browser preview.
 *
 * It behaves as Excel does where the host could get it wrong:
 * - setting a property or calling a method only queues a command; `sync()`
 *   carries the queue out, all or nothing;
 * - reading a property that was not `load`ed and then synced throws
 *   PropertyNotLoaded, as Office.js does;
 * - `*OrNullObject` gives a null object whose `isNullObject` is readable after
 *   the sync; methods called on a null object do nothing;
 * - a string starting with "=" written to `values` becomes a formula unless
 *   the cell is formatted as text ("@"); numeric text becomes a number;
 * - a request over the size limit (5 MB, as Excel on the web) fails with
 *   RequestPayloadSizeLimitExceeded.
 *
 * Each fake class (proxies.ts) implements `Fake<Excel.X, "member" | …>`, so
 * a misspelled or non-existent member fails to compile.
 *
 * The memory Excel does not calculate. A formula cell keeps a cached value
 * that is null until `setCachedValues` provides it; the memory host sets it
 * from the values the engine computed (see memoryHost.ts).
 */
import type { CellValue } from "../../workbook/cells";
import { injectedError, requestPayloadTooLarge, type InjectedFailure } from "./errors";
import {
  BookModel,
  Journal,
  SheetModel,
  contains,
  editBlocked,
  gridFromA1,
  parseAddress,
  readInput,
  rectAddress,
  setCell,
  styleAt,
  usedRect,
  type CellStyle,
  type ChartData,
  type ConditionalFormatData,
  type PageLayoutData,
  type RowData,
} from "./model";
import type { Action } from "./fake";
import { isExcelApiVersion, offers, type ExcelApiVersion } from "./requirementSets";
import { MemoryContext } from "./workbookProxies";

/** Excel on the web's request limit. */
export const EXCEL_WEB_REQUEST_LIMIT = 5 * 1024 * 1024;

/** `Excel.run`'s shape. */
export type MemoryRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface SyncStats {
  /** `context.sync()` calls, failed ones included. */
  syncs: number;
  /** Per sync: the JSON bytes of the queued commands and how many there were. */
  batches: { bytes: number; operations: number }[];
}

/** A formula with the value the engine computed for it. */
export interface CachedFormula {
  formula: string;
  value: CellValue;
}

/** What `cellFormat` reports for one cell. */
export interface CellFormat extends CellStyle {
  numberFormat: string;
  /** True when the cell is part of a merged area. */
  merged: boolean;
  /** `format.protection.locked`: true unless the cell was unlocked (Excel's default is locked). */
  locked: boolean;
}

/** One data validation rule as `dataValidations` reports it. */
export interface DataValidationInfo {
  /** A1 address of the cells the rule covers. */
  range: string;
  rule: Excel.DataValidationRule;
  errorAlert?: Excel.DataValidationErrorAlert;
  ignoreBlanks: boolean;
}

/** A sheet's protection as `protection` reports it. */
export interface ProtectionInfo {
  protected: boolean;
  options: Excel.WorksheetProtectionOptions;
  /** True when `protect` was given a password. */
  hasPassword: boolean;
}

export interface MemoryWorkbookOptions {
  /** Request size limit in bytes; default 5 MB as Excel on the web. */
  maxRequestBytes?: number;
  /**
   * Play an Excel that offers only this ExcelApi set ("1.8": Excel 2019):
   * a member of a newer set fails the sync with ApiNotFound (see
   * requirementSets.ts), and `isSetSupported` answers accordingly. Default:
   * every member the memory Excel has.
   */
  excelApi?: ExcelApiVersion;
}

/**
 * An in-memory workbook with an Excel-like `run`.
 *
 * @example
 * const book = new MemoryWorkbook([{ name: "参数", values: [["参数", "值"]] }]);
 * await book.run(async (context) => {
 *   context.workbook.worksheets.getItem("参数").getRange("B2").values = [[60]];
 *   await context.sync();
 * });
 * book.values("参数") //=> [["参数", "值"], [null, 60]]
 */
export class MemoryWorkbook {
  readonly stats: SyncStats = { syncs: 0, batches: [] };
  private readonly model = new BookModel();
  private readonly listeners = new Set<() => void>();
  private readonly maxRequestBytes: number;
  private readonly excelApi: ExcelApiVersion | undefined;
  private failure: { kind: InjectedFailure; after: number } | null = null;
  private journal: Journal | null = null;

  constructor(
    sheets: readonly {
      name: string;
      values: readonly (readonly CellValue[])[];
      /** Number format per column (0-based), applied to every row given, as a saved file would carry it. */
      columnFormats?: readonly (string | null)[];
    }[] = [],
    options: MemoryWorkbookOptions = {}
  ) {
    this.maxRequestBytes = options.maxRequestBytes ?? EXCEL_WEB_REQUEST_LIMIT;
    if (options.excelApi !== undefined && !isExcelApiVersion(options.excelApi))
      throw new Error(`Not an ExcelApi set: ${String(options.excelApi)}`);
    this.excelApi = options.excelApi;
    // Opening a saved file: the values are kept exactly as given (text stays text).
    for (const { name, values, columnFormats } of sheets) {
      const sheet = new SheetModel(name);
      values.forEach((line, r) => {
        const row: RowData = { values: [] };
        line.forEach((v, c) => {
          if (v !== null && v !== "") row.values[c] = v;
        });
        columnFormats?.forEach((f, c) => {
          if (f) (row.formats ??= [])[c] = f;
        });
        sheet.rows[r] = row;
      });
      this.model.sheets.push(sheet);
    }
    this.model.activeSheet = this.model.sheets[0] ?? null;
  }

  /** Runs a batch against a fresh request context, as `Excel.run` does. */
  readonly run: MemoryRunner = async (batch) => {
    const context = new MemoryContext(
      {
        model: this.model,
        journal: () => this.currentJournal(),
        process: (actions) => this.process(actions),
      },
      this.excelApi
    );
    try {
      const result = await batch(context as unknown as Excel.RequestContext);
      // Excel.run sends what the batch left queued.
      if (context.hasQueued()) await context.sync();
      return result;
    } finally {
      context.close();
    }
  };

  /**
   * `Office.context.requirements.isSetSupported` of the Excel this book
   * plays: ExcelApi up to its set (any when unlimited); no other set.
   */
  isSetSupported(name: string, minVersion?: string): boolean {
    if (name.toLowerCase() !== "excelapi") return false;
    const wanted = minVersion ?? "1.1";
    if (!isExcelApiVersion(wanted)) return false;
    return this.excelApi === undefined || offers(this.excelApi, wanted);
  }

  resetStats(): void {
    this.stats.syncs = 0;
    this.stats.batches = [];
  }

  /**
   * Makes a later sync fail as Excel would, applying none of its commands.
   * `afterSyncs` syncs succeed first (default 0: the next sync fails).
   */
  failNextSync(kind: InjectedFailure, options: { afterSyncs?: number } = {}): void {
    this.failure = { kind, after: options.afterSyncs ?? 0 };
  }

  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  /** Display values from A1 to the last used cell: a formula cell shows its cached value. */
  values(sheet: string): CellValue[][] {
    const s = this.sheetOrThrow(sheet);
    return gridFromA1(s, usedRect(s, true), (row, c) => row?.values[c] ?? null);
  }

  /** Formulas (or the constants of cells without one), same shape as `values`. */
  formulas(sheet: string): CellValue[][] {
    const s = this.sheetOrThrow(sheet);
    return gridFromA1(
      s,
      usedRect(s, true),
      (row, c) => row?.formulas?.[c] ?? row?.values[c] ?? null
    );
  }

  /** Number formats from A1 to the last cell with content or a number format ("General" where none is set). */
  numberFormats(sheet: string): string[][] {
    const s = this.sheetOrThrow(sheet);
    return gridFromA1(s, usedRect(s, false), (row, c) => row?.formats?.[c] ?? "General");
  }

  cellFormat(sheet: string, address: string): CellFormat {
    const s = this.sheetOrThrow(sheet);
    const rect = parseAddress(address);
    if (!rect) throw new Error(`Not a cell address: ${address}`);
    const { row: r, column: c } = rect;
    const style = styleAt(s, r, c);
    return {
      numberFormat: s.rows[r]?.formats?.[c] ?? "General",
      merged: s.merges.some((m) => contains(m, r, c)),
      ...style,
      locked: style.locked !== false,
    };
  }

  /** The data validation rules of a sheet, in the order they were set. */
  dataValidations(sheet: string): DataValidationInfo[] {
    return this.sheetOrThrow(sheet).validations.map((v) => ({
      ...structuredClone({ rule: v.rule, errorAlert: v.errorAlert, ignoreBlanks: v.ignoreBlanks }),
      range: rectAddress(v.rect),
    }));
  }

  protection(sheet: string): ProtectionInfo {
    const p = this.sheetOrThrow(sheet).protection;
    return {
      protected: p.protected,
      options: { ...p.options },
      hasPassword: p.password !== undefined && p.password !== "",
    };
  }

  /** Defined names: name → reference formula, e.g. `=参数!$B$3`. */
  names(): Record<string, string> {
    return Object.fromEntries([...this.model.names.values()].map((n) => [n.name, n.formula]));
  }

  nameComment(name: string): string | undefined {
    return this.model.names.get(name.toLowerCase())?.comment;
  }

  conditionalFormats(sheet: string): ConditionalFormatData[] {
    return this.sheetOrThrow(sheet).conditionalFormats.map((c) => ({ ...c }));
  }

  charts(sheet: string): ChartData[] {
    return this.sheetOrThrow(sheet).charts.map((c) => structuredClone(c));
  }

  pageLayout(sheet: string): PageLayoutData {
    return structuredClone(this.sheetOrThrow(sheet).page);
  }

  frozenRows(sheet: string): number {
    return this.sheetOrThrow(sheet).frozen.rows;
  }

  frozenColumns(sheet: string): number {
    return this.sheetOrThrow(sheet).frozen.columns;
  }

  /** Width in points of a 1-based column, or undefined when never set. */
  columnWidth(sheet: string, column: number): number | undefined {
    return this.sheetOrThrow(sheet).columnWidths.get(column - 1);
  }

  /** Height in points of a 1-based row, or undefined when never set. */
  rowHeight(sheet: string, row: number): number | undefined {
    return this.sheetOrThrow(sheet).rowHeights.get(row - 1);
  }

  tabColor(sheet: string): string {
    return this.sheetOrThrow(sheet).tabColor;
  }

  /** The selected range and its sheet, or null before anything was selected. */
  selection(): { sheet: string; cell: string } | null {
    const s = this.model.selection;
    return s && { sheet: s.sheet, cell: s.address };
  }

  activeSheet(): string | null {
    return this.model.activeSheet?.name ?? null;
  }

  /** Calls the listener after each sync that changed the workbook, and after the helpers that change it. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * A user typing a block of cells from `topLeft`: input is read as Excel
   * reads typing ("=…" is a formula unless the cell is text); null or ""
   * empties a cell. Creates the sheet when absent.
   */
  setValues(sheet: string, topLeft: string, grid: readonly (readonly CellValue[])[]): void {
    let s = this.model.sheet(sheet);
    if (!s) {
      s = new SheetModel(sheet);
      this.model.sheets.push(s);
    }
    const at = parseAddress(topLeft);
    if (!at) throw new Error(`Not a cell address: ${topLeft}`);
    const rect = {
      row: at.row,
      column: at.column,
      rows: grid.length,
      columns: Math.max(1, ...grid.map((line) => line.length)),
    };
    // Excel does not let anyone type into a locked cell of a protected sheet.
    if (editBlocked(s, rect, "contents"))
      throw new Error(`${sheet}!${topLeft} is locked on a protected sheet`);
    grid.forEach((line, i) => {
      const row = (s.rows[at.row + i] ??= { values: [] });
      line.forEach((v, j) => {
        const c = at.column + j;
        setCell(row, c, readInput(v ?? "", row.formats?.[c] === "@") ?? { value: null });
      });
    });
    this.notify();
  }

  /**
   * Gives formula cells the value the engine computed, since this Excel does
   * not calculate. Only a cell whose formula is exactly `formula` takes the
   * value; other cells (null entries, changed formulas) are left alone.
   */
  setCachedValues(
    sheet: string,
    topLeft: string,
    grid: readonly (readonly (CachedFormula | null | undefined)[])[]
  ): void {
    const s = this.model.sheet(sheet);
    const at = parseAddress(topLeft);
    if (!s || !at) return;
    let changed = false;
    grid.forEach((line, i) => {
      const row = s.rows[at.row + i];
      if (!row?.formulas) return;
      line.forEach((cached, j) => {
        const c = at.column + j;
        if (cached && row.formulas?.[c] === cached.formula) {
          row.values[c] = cached.value;
          changed = true;
        }
      });
    });
    if (changed) this.notify();
  }

  private sheetOrThrow(name: string): SheetModel {
    const s = this.model.sheet(name);
    if (!s) throw new Error(`No sheet named ${name}`);
    return s;
  }

  private currentJournal(): Journal {
    if (!this.journal) throw new Error("The memory Excel changed outside a sync");
    return this.journal;
  }

  /** One sync: all the queued commands, or none of them. */
  private process(actions: readonly Action[]): void {
    this.stats.syncs++;
    const bytes = actions.reduce((sum, a) => sum + a.bytes, 0);
    this.stats.batches.push({ bytes, operations: actions.length });
    if (this.failure) {
      if (this.failure.after === 0) {
        const kind = this.failure.kind;
        this.failure = null;
        throw injectedError(kind);
      }
      this.failure.after--;
    }
    if (bytes > this.maxRequestBytes) throw requestPayloadTooLarge(bytes, this.maxRequestBytes);
    const journal = new Journal(this.model);
    this.journal = journal;
    const deliveries: (() => void)[] = [];
    try {
      for (const action of actions) {
        const deliver = action.apply();
        if (deliver) deliveries.push(deliver);
      }
    } catch (error) {
      journal.rollback();
      throw error;
    } finally {
      this.journal = null;
    }
    for (const deliver of deliveries) deliver();
    if (journal.changed) this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
