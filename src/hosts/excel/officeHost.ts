/**
 * The Office.js host: one `Excel.run` per command, with a read phase of one
 * `context.sync()` and a write phase that syncs only when the request would
 * pass the size limit, and once at the end. An op that does not fit beside
 * what is queued starts the next request, so only a block bigger than a whole
 * request is ever split across syncs, and every sync ends after a whole op or
 * inside such a block. When a sync fails, the HostError counts the ops
 * committed in full and names the rows of a split block already written
 * (`partial`). It moves 2-D arrays in
 * and out and nothing more; Excel proxies never leave this file. Office
 * errors are translated here, once, into HostError (see errors.ts).
 *
 * Enum values are written as their string literals ("ContainsText",
 * "Columns"…), which Office.js accepts, so this code runs unchanged on the
 * in-memory Excel where no `Excel` global exists.
 */
import { assertNever } from "../../workbook/assertNever";
import {
  columnLetters,
  parseCellAddress,
  parseRangeAddress,
  quoteSheet,
  rangeAddress,
} from "../../workbook/a1";
import type { Message } from "../../core/issue";
import type { CellValue, Grid } from "../../workbook/cells";
import {
  HostError,
  type HostIO,
  type PartialWrite,
  type WorkbookHost,
  type WriteReport,
} from "../../workbook/host";
import {
  formulaText,
  isFormulaCell,
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
import { translateOfficeError } from "./errors";
import { COMMAND_OVERHEAD_BYTES, jsonBytes } from "./payload";

/** `Excel.run`, or the in-memory Excel's `run`. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * Which requirement sets this Excel offers: `Office.context.requirements`
 * in Excel, the MemoryWorkbook in tests and the preview (which can play an
 * older Excel).
 */
export interface RequirementSets {
  isSetSupported(name: string, minVersion?: string): boolean;
}

export interface OfficeHostOptions {
  run: ExcelRunner;
  /**
   * Asked before any member newer than the manifest's ExcelApi 1.8:
   * Range.autoFill and Worksheet.pageLayout (1.9) are used only when offered.
   */
  requirements: RequirementSets;
  kind?: "excel" | "memory";
  /** Largest request the write phase sends, estimated (see payload.ts). Default 4,500,000, under Excel on the web's 5 MB. */
  maxRequestBytes?: number;
}

/** A WorkbookHost that can also select a cell. */
export interface OfficeHost extends WorkbookHost {
  select(sheet: string, cell: string): Promise<void>;
}

export const DEFAULT_MAX_REQUEST_BYTES = 4_500_000;

/**
 * Creates the Office.js host.
 *
 * @example
 * const host = createOfficeHost({ run: Excel.run });
 * await executeCommand(host, initWorkbook, { today, now, lang: "zh" })
 * //=> { ok: true, report: { syncs: 1, … }, readSyncs: 1, … }
 */
export function createOfficeHost(options: OfficeHostOptions): OfficeHost {
  const limit = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  return {
    kind: options.kind ?? "excel",
    async transaction<T>(work: (io: HostIO) => Promise<T>): Promise<T> {
      // The io lives inside the batch; the holder lets the outer catch see what it committed.
      const state: { io?: OfficeIO; workError?: { error: unknown } } = {};
      try {
        return await options.run(async (context) => {
          const io = new OfficeIO(context, limit, options.requirements);
          state.io = io;
          try {
            return await work(io);
          } catch (error) {
            state.workError = { error };
            throw error;
          }
        });
      } catch (error) {
        // io already translated its own failures; anything else the work threw is a programmer bug and passes as is.
        if (error instanceof HostError || state.workError?.error === error) throw error;
        throw state.io ? state.io.failure(error) : translateOfficeError(error, 0);
      }
    },
    async select(sheet: string, cell: string): Promise<void> {
      try {
        await options.run(async (context) => {
          const worksheet = context.workbook.worksheets.getItem(sheet);
          worksheet.activate();
          worksheet.getRange(cell).select();
          await context.sync();
        });
      } catch (error) {
        throw translateOfficeError(error, 0);
      }
    },
  };
}

/** What the read phase learnt and the write phase needs: which sheets and names exist. */
interface Known {
  sheets: Set<string>;
  /** Lower-cased name → its reference formula. */
  names: Map<string, string>;
}

class OfficeIO implements HostIO {
  /** Ops carried out in full by write syncs that succeeded. */
  writtenOps = 0;
  /** The rows committed of the block after those ops, when it is split across syncs. */
  partial?: PartialWrite;
  private syncs = 0;
  private known?: Known;
  private readonly sheetProxies = new Map<string, Excel.Worksheet>();
  /** Sheets whose print set-up this Excel cannot make (no ExcelApi 1.9). */
  private readonly noPageSetup: string[] = [];

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly limit: number,
    private readonly requirements: RequirementSets
  ) {}

  syncCount(): number {
    return this.syncs;
  }

  async read(sheets: readonly string[]): Promise<WorkbookSnapshot> {
    try {
      return await this.readNow(sheets);
    } catch (error) {
      throw this.failure(error);
    }
  }

  /** What Office threw, as a HostError that says what the committed syncs wrote. */
  failure(error: unknown): HostError {
    const translated = translateOfficeError(error, this.writtenOps);
    if (!this.partial || translated.partial) return translated;
    const { kind, userMessage, writtenOps, cause } = translated;
    return new HostError(kind, userMessage, writtenOps, cause, { ...this.partial });
  }

  async write(
    ops: readonly WriteOp[],
    onProgress?: (done: number, total: number) => void
  ): Promise<WriteReport> {
    try {
      return await this.writeNow(ops, onProgress);
    } catch (error) {
      throw this.failure(error);
    }
  }

  private async sync(): Promise<void> {
    this.syncs++;
    await this.context.sync();
  }

  /** One sync: the sheet list, the used range of each requested sheet, and the names. */
  private async readNow(requested: readonly string[]): Promise<WorkbookSnapshot> {
    const workbook = this.context.workbook;
    const worksheets = workbook.worksheets;
    worksheets.load("items/name");
    const names = workbook.names;
    names.load("items/name,items/formula");
    const used = [...new Set(requested)].map((name) => {
      const range = worksheets.getItemOrNullObject(name).getUsedRangeOrNullObject(true);
      range.load(["values", "formulas", "rowIndex", "columnIndex"]);
      return { name, range };
    });
    await this.sync();

    const sheetNames = worksheets.items.map((sheet) => sheet.name);
    const snapshot: WorkbookSnapshot = { sheetNames, sheets: {}, names: {} };
    for (const { name, range } of used) {
      const actual =
        sheetNames.find((s) => s === name) ?? sheetNames.find((s) => sameName(s, name));
      if (actual === undefined) continue;
      snapshot.sheets[name] = range.isNullObject
        ? { name: actual, values: [], formulas: [] }
        : {
            name: actual,
            values: anchorAtA1(range.values, range.rowIndex, range.columnIndex),
            formulas: anchorAtA1(range.formulas, range.rowIndex, range.columnIndex),
          };
    }
    for (const item of names.items) snapshot.names[item.name] = String(item.formula);
    this.known = {
      sheets: new Set(sheetNames.map(lower)),
      names: new Map(Object.entries(snapshot.names).map(([n, f]) => [lower(n), f])),
    };
    return snapshot;
  }

  private async writeNow(
    ops: readonly WriteOp[],
    onProgress?: (done: number, total: number) => void
  ): Promise<WriteReport> {
    const before = this.syncs;
    if (ops.length === 0) return { syncs: 0, cells: 0, maxRequestBytes: 0, totalBytes: 0 };
    // The read phase normally learnt which sheets and names exist; without it, one sync finds out.
    if (!this.known) await this.readNow([]);
    const known = this.known ?? { sheets: new Set<string>(), names: new Map<string, string>() };
    const batch = new RequestBatch(this.limit, async () => {
      await this.sync();
    });
    batch.onCommit = (committed, partial) => {
      this.writtenOps = committed;
      this.partial = partial;
      onProgress?.(committed, ops.length);
    };
    await this.queueUnprotect(ops, batch, known);
    let cells = 0;
    for (const op of ops) {
      if (op.kind === "block") cells += await this.queueBlock(op, batch);
      else await this.queueOp(op, batch, known);
      batch.opQueued();
    }
    await batch.flush();
    const report: WriteReport = {
      syncs: this.syncs - before,
      cells,
      maxRequestBytes: batch.largest,
      totalBytes: batch.total,
    };
    if (this.noPageSetup.length > 0) report.skipped = [pageSetupSkipped(this.noPageSetup)];
    return report;
  }

  private worksheet(name: string): Excel.Worksheet {
    const key = lower(name);
    let sheet = this.sheetProxies.get(key);
    if (!sheet) {
      sheet = this.context.workbook.worksheets.getItem(name);
      this.sheetProxies.set(key, sheet);
    }
    return sheet;
  }

  private async queueOp(op: Exclude<WriteOp, WriteBlock>, batch: RequestBatch, known: Known) {
    switch (op.kind) {
      case "ensureSheet": {
        if (known.sheets.has(lower(op.sheet))) return;
        const bytes = commandBytes(op.tabColor ? 2 : 1, op.sheet, op.tabColor);
        await batch.reserve(bytes);
        const sheet = this.context.workbook.worksheets.add(op.sheet);
        if (op.tabColor) sheet.tabColor = op.tabColor;
        this.sheetProxies.set(lower(op.sheet), sheet);
        known.sheets.add(lower(op.sheet));
        batch.add(bytes);
        return;
      }
      case "clearSheet": {
        if (!known.sheets.has(lower(op.sheet))) return;
        const bytes = commandBytes(2, op.sheet);
        await batch.reserve(bytes);
        const all = this.worksheet(op.sheet).getRange();
        all.clear("All");
        all.conditionalFormats.clearAll();
        batch.add(bytes);
        return;
      }
      case "style":
        return this.queueStyle(op, batch);
      case "columnWidths": {
        const bytes = commandBytes(op.widths.length, op.widths);
        await batch.reserve(bytes);
        const sheet = this.worksheet(op.sheet);
        for (const { column, width } of op.widths) {
          const letters = columnLetters(column);
          sheet.getRange(`${letters}:${letters}`).format.columnWidth = width;
        }
        batch.add(bytes);
        return;
      }
      case "freeze":
        return this.queueFreeze(op, batch);
      case "defineName":
        return this.queueName(op, batch, known);
      case "conditionalFormat":
        return this.queueConditionalFormat(op, batch);
      case "chart":
        return this.queueChart(op, batch);
      case "pageSetup":
        return this.queuePageSetup(op, batch);
      case "validation":
        return this.queueValidation(op, batch);
      case "protect":
        return this.queueProtect(op, batch);
      default:
        return assertNever(op);
    }
  }

  /**
   * A sheet the plan protects may be protected already (a template made
   * before): it is unprotected first, so the plan's writes are allowed and
   * its `protect` does not fail on a protected sheet. No sync is needed to
   * look: `unprotect` does nothing on an unprotected sheet.
   * https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection#excel-excel-worksheetprotection-protect-member(1)
   */
  private async queueUnprotect(ops: readonly WriteOp[], batch: RequestBatch, known: Known) {
    const sheets = new Map<string, string>();
    for (const op of ops)
      if (op.kind === "protect" && known.sheets.has(lower(op.sheet)))
        sheets.set(lower(op.sheet), op.sheet);
    for (const sheet of sheets.values()) {
      const bytes = commandBytes(1, sheet);
      await batch.reserve(bytes);
      this.worksheet(sheet).protection.unprotect();
      batch.add(bytes);
    }
  }

  /** Replaces the validation of the range: cleared first, since a range holds one rule. */
  private async queueValidation(op: DataValidation, batch: RequestBatch) {
    const alert = op.errorMessage === undefined ? undefined : op.errorMessage.slice(0, 225);
    const bytes = commandBytes(alert === undefined ? 2 : 3, op.range, op.rule, alert);
    await batch.reserve(bytes);
    const validation = this.worksheet(op.sheet).getRange(op.range).dataValidation;
    validation.clear();
    validation.rule = validationRule(op.rule);
    // Excel caps the alert's message at 225 characters.
    if (alert !== undefined)
      validation.errorAlert = { message: alert, showAlert: true, style: "Stop", title: "" };
    batch.add(bytes, alert === undefined ? 2 : 3);
  }

  /** Unlocks the listed ranges, then protects the sheet (no password: the clerk may lift it). */
  private async queueProtect(op: ProtectSheet, batch: RequestBatch) {
    const bytes = commandBytes(op.unlocked.length + 1, op.unlocked);
    await batch.reserve(bytes);
    const sheet = this.worksheet(op.sheet);
    for (const range of op.unlocked) sheet.getRange(range).format.protection.locked = false;
    sheet.protection.protect({
      allowFormatColumns: true,
      allowFormatRows: true,
      allowInsertRows: false,
      allowDeleteRows: false,
      selectionMode: "Normal",
    });
    batch.add(bytes, op.unlocked.length + 1);
  }

  /**
   * Writes a block. A block that does not fit beside what is queued starts
   * the next request; one bigger than a whole request is then written in row
   * chunks that each fill a request, the batch knowing how many of its rows
   * each sync commits. Per chunk: "@" on the cells whose text Excel would
   * otherwise reinterpret, then `values` (or `formulas` for rows holding a
   * formula), then the number formats. Returns the number of cells written.
   */
  private async queueBlock(block: WriteBlock, batch: RequestBatch): Promise<number> {
    const width = block.cells.reduce((w, line) => Math.max(w, line.length), 0);
    if (width === 0) return 0;
    // Range.autoFill is ExcelApi 1.9; without it the block is written cell by cell below.
    if (this.requirements.isSetSupported("ExcelApi", "1.9")) {
      const fill = fillDownPlan(block, width);
      if (fill) return this.queueFillDown(block, fill, width, batch);
    }
    const sheet = this.worksheet(block.sheet);
    const nullRowBytes = 5 * width + 2;
    const total = block.cells.length;
    // Rows planned while looking ahead, kept so that no row is planned twice.
    const planned = await this.startBlock(block, width, nullRowBytes, batch);
    let piece = new Piece(0, nullRowBytes);
    let cells = 0;
    for (let i = 0; i < total; i++) {
      const row = planned[i] ?? planRow(block, i, width);
      cells += block.cells[i].length;
      if (batch.pending + piece.cost(row) > this.limit) {
        if (piece.rows.length > 0)
          batch.add(emitPiece(sheet, block, piece, width), piece.commands());
        // What is queued goes now; the row starts the next request (alone if it must).
        batch.splitAt({ sheet: block.sheet, rows: i, ofRows: total });
        await batch.flush();
        piece = new Piece(i, nullRowBytes);
      }
      piece.push(row);
    }
    batch.add(emitPiece(sheet, block, piece, width), piece.commands());
    return cells;
  }

  /**
   * Sends what is queued first when the block does not fit beside it, so that
   * a block is split only when it is bigger than a whole request, and then
   * from the start of one: a sync never commits the ops before it together
   * with some of its rows. (A greedy split would save at most one sync per
   * such block.) Looks ahead at most what is left of the request, and returns
   * the rows it planned so that none is planned twice.
   */
  private async startBlock(
    block: WriteBlock,
    width: number,
    nullRowBytes: number,
    batch: RequestBatch
  ): Promise<RowOut[]> {
    const planned: RowOut[] = [];
    if (!batch.hasQueued()) return planned;
    const whole = new Piece(0, nullRowBytes);
    for (let i = 0; i < block.cells.length; i++) {
      const row = planRow(block, i, width);
      planned.push(row);
      if (batch.pending + whole.cost(row) > this.limit) {
        await batch.flush();
        return planned;
      }
      whole.push(row);
    }
    return planned;
  }

  /**
   * A big block whose every column holds one formula copied down (each row's
   * the first row's, its relative rows moved) is written as its first row,
   * then filled down with Range.autoFill (ExcelApi 1.9): a few hundred bytes
   * whatever the number of rows, so 10,000 output rows fit in one request.
   * FillCopy adjusts relative references as Excel's fill handle does and
   * copies the first row's number formats to every row.
   * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-autofill-member(1)
   */
  private async queueFillDown(
    block: WriteBlock,
    fill: FillDown,
    width: number,
    batch: RequestBatch
  ): Promise<number> {
    const top = block.row;
    const right = block.column + width - 1;
    const bytes = commandBytes(fill.formats ? 3 : 2, [fill.formulas], [fill.formats]);
    await batch.reserve(bytes);
    const sheet = this.worksheet(block.sheet);
    const first = sheet.getRange(rangeAddress(top, block.column, top, right));
    first.formulas = [fill.formulas];
    if (fill.formats) first.numberFormat = [fill.formats];
    first.autoFill(
      rangeAddress(top, block.column, top + block.cells.length - 1, right),
      "FillCopy"
    );
    batch.add(bytes, fill.formats ? 3 : 2);
    return block.cells.length * width;
  }

  private async queueStyle(op: StyleRange, batch: RequestBatch) {
    const box = parseRangeAddress(op.range);
    const borders: BorderEdge[] = op.border
      ? ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"]
      : [];
    // Inside borders exist only where the range has more than one row or column.
    if (op.border && box && box.lastRow > box.row) borders.push("InsideHorizontal");
    if (op.border && box && box.lastColumn > box.column) borders.push("InsideVertical");
    const settings = [
      op.fill,
      op.fontColor,
      op.bold,
      op.fontSize,
      op.wrap,
      op.horizontalAlignment,
      op.merge,
    ];
    const commands = settings.filter((s) => s !== undefined).length + borders.length;
    const bytes = commandBytes(commands, op.range, op.fill, op.fontColor, op.horizontalAlignment);
    await batch.reserve(bytes);
    const cells = this.worksheet(op.sheet).getRange(op.range);
    if (op.merge) cells.merge(false);
    const format = this.worksheet(op.sheet).getRange(op.range).format;
    if (op.fill !== undefined) format.fill.color = op.fill;
    if (op.fontColor !== undefined) format.font.color = op.fontColor;
    if (op.bold !== undefined) format.font.bold = op.bold;
    if (op.fontSize !== undefined) format.font.size = op.fontSize;
    if (op.wrap !== undefined) format.wrapText = op.wrap;
    if (op.horizontalAlignment !== undefined) format.horizontalAlignment = op.horizontalAlignment;
    for (const edge of borders) format.borders.getItem(edge).style = "Continuous";
    batch.add(bytes);
  }

  private async queueFreeze(op: FreezePanes, batch: RequestBatch) {
    const bytes = commandBytes(1, op.rows, op.columns);
    await batch.reserve(bytes);
    const panes = this.worksheet(op.sheet).freezePanes;
    const columns = op.columns ?? 0;
    if (op.rows > 0 && columns > 0) panes.freezeAt(rangeAddress(1, 1, op.rows, columns));
    else if (op.rows > 0) panes.freezeRows(op.rows);
    else if (columns > 0) panes.freezeColumns(columns);
    else panes.unfreeze();
    batch.add(bytes);
  }

  /** Adds a name; a name that exists with another reference is deleted and added again. */
  private async queueName(op: DefineName, batch: RequestBatch, known: Known) {
    const at = parseCellAddress(op.cell);
    if (!at) throw new Error(`defineName ${op.name}: bad cell address ${op.cell}`);
    const reference = `=${quoteSheet(op.sheet)}!$${columnLetters(at.column)}$${at.row}`;
    const current = known.names.get(lower(op.name));
    if (current !== undefined && sameReference(current, reference)) return;
    // Excel limits a name's comment to 255 characters.
    const comment = op.comment?.slice(0, 255);
    const bytes = commandBytes(current === undefined ? 1 : 2, op.name, reference, comment);
    await batch.reserve(bytes);
    const names = this.context.workbook.names;
    if (current !== undefined) names.getItem(op.name).delete();
    names.add(op.name, reference, comment);
    known.names.set(lower(op.name), reference);
    batch.add(bytes);
  }

  /** Replaces the conditional formats of the range, so a re-run does not stack copies of the rules. */
  private async queueConditionalFormat(op: ConditionalFormat, batch: RequestBatch) {
    const bytes = commandBytes(1 + 4 * op.rules.length, op.range, op.rules);
    await batch.reserve(bytes);
    const formats = this.worksheet(op.sheet).getRange(op.range).conditionalFormats;
    formats.clearAll();
    for (const rule of op.rules) {
      if (rule.type === "textEquals") {
        const text = formats.add("ContainsText").textComparison;
        text.format.fill.color = rule.fill;
        if (rule.fontColor) text.format.font.color = rule.fontColor;
        text.rule = { operator: "Contains", text: rule.text };
      } else {
        const value = formats.add("CellValue").cellValue;
        value.format.fill.color = rule.fill;
        if (rule.fontColor) value.format.font.color = rule.fontColor;
        value.rule =
          rule.formula2 === undefined
            ? { operator: rule.operator, formula1: rule.formula1 }
            : { operator: rule.operator, formula1: rule.formula1, formula2: rule.formula2 };
      }
    }
    batch.add(bytes);
  }

  /** Replaces a chart of the same name: deleting through a null object is a no-op, so no sync is needed to look first. */
  private async queueChart(op: Chart, batch: RequestBatch) {
    const bytes = commandBytes(5, op.name, op.title, op.dataRange, op.anchor);
    await batch.reserve(bytes);
    const sheet = this.worksheet(op.sheet);
    sheet.charts.getItemOrNullObject(op.name).delete();
    const chart = sheet.charts.add(CHART_TYPES[op.type], sheet.getRange(op.dataRange), "Columns");
    chart.name = op.name;
    chart.title.text = op.title;
    chart.setPosition(op.anchor);
    batch.add(bytes);
  }

  private async queuePageSetup(op: PageSetup, batch: RequestBatch) {
    // Worksheet.pageLayout is ExcelApi 1.9 (Excel 2019 stops at 1.8): the sheet is complete but for print set-up, and the report says so.
    if (!this.requirements.isSetSupported("ExcelApi", "1.9")) {
      if (!this.noPageSetup.includes(op.sheet)) this.noPageSetup.push(op.sheet);
      return;
    }
    const bytes = commandBytes(4, op.printTitleRows, op.centerHeader);
    await batch.reserve(bytes);
    const layout = this.worksheet(op.sheet).pageLayout;
    layout.orientation = op.orientation;
    if (op.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (op.printTitleRows) layout.setPrintTitleRows(op.printTitleRows);
    // "&" starts a header code in Excel; "&&" prints one ampersand.
    if (op.centerHeader !== undefined)
      layout.headersFooters.defaultForAllPages.centerHeader = op.centerHeader.replace(/&/g, "&&");
    batch.add(bytes);
  }
}

/** What the status line says when an Excel without ExcelApi 1.9 left the print set-up of `sheets` to the clerk. */
function pageSetupSkipped(sheets: readonly string[]): Message {
  const zh = sheets.map((s) => `“${s}”`).join("、");
  const en = sheets.map((s) => `“${s}”`).join(", ");
  return {
    zh: `已生成；此版本 Excel 不支持打印设置，请手动设置（“页面布局”选项卡：纸张方向、缩放、打印标题、页眉）：${zh}。`,
    en: `Done; this version of Excel cannot set up printing (that needs ExcelApi 1.9), so set it by hand on the Page Layout tab (orientation, scaling, print titles, header) for ${en}.`,
  };
}

/**
 * A plan's rule as Excel's: a list from its source range or its values
 * (comma-separated, as the API takes them); a number between, at least or at
 * most its bounds.
 */
function validationRule(rule: DataValidation["rule"]): Excel.DataValidationRule {
  if (rule.type === "list")
    return { list: { inCellDropDown: true, source: rule.source ?? rule.values.join(",") } };
  const basic: Excel.BasicDataValidation =
    rule.min !== undefined && rule.max !== undefined
      ? { operator: "Between", formula1: rule.min, formula2: rule.max }
      : rule.max !== undefined
        ? { operator: "LessThanOrEqualTo", formula1: rule.max }
        : { operator: "GreaterThanOrEqualTo", formula1: rule.min ?? -9.99e307 };
  return rule.type === "decimal" ? { decimal: basic } : { wholeNumber: basic };
}

const CHART_TYPES = {
  barClustered: "BarClustered",
  columnClustered: "ColumnClustered",
  line: "Line",
} as const satisfies Record<Chart["type"], string>;

/**
 * The queue of one request: syncs when the next command group would pass the
 * limit, and counts what each sync committed: the ops queued in full, and the
 * rows of a block split at that sync.
 */
class RequestBatch {
  /** Estimated bytes queued since the last sync. */
  pending = 0;
  total = 0;
  largest = 0;
  onCommit: (committedOps: number, partial: PartialWrite | undefined) => void = () => {};
  private commands = 0;
  private queuedOps = 0;
  /** The block being queued, split after its first `rows` rows; cleared when it is queued in full. */
  private split?: PartialWrite;

  constructor(
    private readonly limit: number,
    private readonly send: () => Promise<void>
  ) {}

  /** Sends what is queued first when a group of `bytes` would not fit beside it. */
  async reserve(bytes: number): Promise<void> {
    if (this.commands > 0 && this.pending + bytes > this.limit) await this.flush();
  }

  add(bytes: number, commands = 1): void {
    this.pending += bytes;
    this.total += bytes;
    this.commands += commands;
  }

  hasQueued(): boolean {
    return this.commands > 0;
  }

  /** The block being queued is cut here: the rows before `split.rows` are all queued. */
  splitAt(split: PartialWrite): void {
    this.split = split.rows > 0 ? split : undefined;
  }

  opQueued(): void {
    this.queuedOps++;
    this.split = undefined;
  }

  async flush(): Promise<void> {
    if (this.commands === 0) return;
    await this.send();
    this.largest = Math.max(this.largest, this.pending);
    this.pending = 0;
    this.commands = 0;
    this.onCommit(this.queuedOps, this.split && { ...this.split });
  }
}

type Mode = "values" | "formulas";
type BorderEdge =
  "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";

/** One row of a block as it is sent. */
interface RowOut {
  mode: Mode;
  cells: (string | number | boolean | null)[];
  /** "@" where the text must be protected, else null; null when no cell needs it. */
  text: ("@" | null)[] | null;
  /** Number formats to set after the values, or null when the row sets none. */
  formats: (string | null)[] | null;
  cellBytes: number;
  textBytes: number;
  formatBytes: number;
}

/** Rows of a block sent in one request, with the bytes they will cost. */
class Piece {
  readonly rows: RowOut[] = [];
  private cellBytes = 0;
  private textBytes = 0;
  private formatBytes = 0;
  private runs = 0;
  private anyText = false;
  private anyFormats = false;

  constructor(
    readonly start: number,
    /** Bytes of a row of nulls: what a row without text or formats adds to those arrays. */
    private readonly nullRowBytes: number
  ) {}

  push(row: RowOut): void {
    this.runs += this.startsRun(row) ? 1 : 0;
    this.cellBytes += row.cellBytes;
    this.textBytes += row.text ? row.textBytes : this.nullRowBytes;
    this.formatBytes += row.formats ? row.formatBytes : this.nullRowBytes;
    this.anyText ||= row.text !== null;
    this.anyFormats ||= row.formats !== null;
    this.rows.push(row);
  }

  /** Estimated bytes of this piece's commands, or of them with one more row. */
  cost(row?: RowOut): number {
    const runs = this.runs + (row && this.startsRun(row) ? 1 : 0);
    const anyText = this.anyText || (row !== undefined && row.text !== null);
    const anyFormats = this.anyFormats || (row !== undefined && row.formats !== null);
    const textBytes = this.textBytes + (row ? (row.text ? row.textBytes : this.nullRowBytes) : 0);
    const formatBytes =
      this.formatBytes + (row ? (row.formats ? row.formatBytes : this.nullRowBytes) : 0);
    return (
      this.cellBytes +
      (row?.cellBytes ?? 0) +
      runs * COMMAND_OVERHEAD_BYTES +
      (anyText ? textBytes + COMMAND_OVERHEAD_BYTES : 0) +
      (anyFormats ? formatBytes + COMMAND_OVERHEAD_BYTES : 0)
    );
  }

  commands(): number {
    return this.runs + (this.anyText ? 1 : 0) + (this.anyFormats ? 1 : 0);
  }

  hasText(): boolean {
    return this.anyText;
  }

  hasFormats(): boolean {
    return this.anyFormats;
  }

  private startsRun(row: RowOut): boolean {
    const last = this.rows[this.rows.length - 1];
    return !last || last.mode !== row.mode;
  }
}

/** A block written as its first row filled down. */
interface FillDown {
  formulas: string[];
  /** Number formats of every row, or null when the block sets none. */
  formats: (string | null)[] | null;
}

/** Blocks smaller than this are written cell by cell: filling saves nothing worth the change. */
const FILL_DOWN_MIN_BYTES = 200_000;

/**
 * The first row and formats of a block that can be filled down, or
 * undefined: every cell a formula, every row's formulas the first row's
 * with relative rows moved, one number format per column, and big enough to
 * matter.
 */
function fillDownPlan(block: WriteBlock, width: number): FillDown | undefined {
  const rows = block.cells;
  if (rows.length < 2) return undefined;
  const head = rows[0];
  if (head.length !== width || !head.every(isFormulaCell)) return undefined;
  const formulas = head.map((cell) => (cell as { formula: string }).formula);
  if ((jsonBytes(formulas) + 1) * rows.length < FILL_DOWN_MIN_BYTES) return undefined;
  const nf = block.numberFormats;
  let formats: (string | null)[] | null = null;
  if (Array.isArray(nf)) {
    const first = nf[0] ?? [];
    if (nf.length !== rows.length || nf.some((line) => !sameList(line ?? [], first)))
      return undefined;
    formats = padded(first, width);
  } else if (nf) formats = padded(nf.byColumn, width);
  const forms = formulas.map((f) => relativeForm(f, block.row));
  if (forms.some((f) => f === undefined)) return undefined;
  for (let i = 1; i < rows.length; i++) {
    const line = rows[i];
    if (line.length !== width) return undefined;
    for (let j = 0; j < width; j++) {
      const cell = line[j];
      if (!isFormulaCell(cell) || relativeForm(cell.formula, block.row + i) !== forms[j])
        return undefined;
    }
  }
  return { formulas, formats: formats?.every((f) => f === null) ? null : formats };
}

/** A1 references outside quotes: $?column $?row, not part of a name or a function. */
const CELL_REFERENCE = /(^|[^A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_.(])/g;
/** What a fill would move that the form below does not describe: row ranges (3:3), structured or external references. */
const UNSUPPORTED = /\[|(^|[^A-Za-z0-9_.$])\$?\d+:\$?\d+/;

/**
 * A formula with each relative row number written as its distance from
 * `row`, so the formulas of a column filled down all have the same form.
 * Undefined when the formula holds references this form does not cover.
 *
 * @example
 * relativeForm('=IF(J3="战时",A$1,J4)', 3) //=> '=IF(J{0}="战时",A$1,J{1})'
 */
function relativeForm(formula: string, row: number): string | undefined {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const quote = formula[i];
    if (quote === '"' || quote === "'") {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === quote && formula[j + 1] !== quote)) {
        j += formula[j] === quote ? 2 : 1;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < formula.length && formula[j] !== '"' && formula[j] !== "'") j++;
    const plain = formula.slice(i, j);
    if (UNSUPPORTED.test(plain)) return undefined;
    out += plain.replace(
      CELL_REFERENCE,
      (_m, before: string, colAbs: string, col: string, rowAbs: string, digits: string) =>
        `${before}${colAbs}${col}${rowAbs ? `$${digits}` : `{${Number(digits) - row}}`}`
    );
    i = j;
  }
  return out;
}

function padded(list: readonly (string | null)[], width: number): (string | null)[] {
  return Array.from({ length: width }, (_, j) => list[j] ?? null);
}

function sameList(a: readonly (string | null)[], b: readonly (string | null)[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function planRow(block: WriteBlock, index: number, width: number): RowOut {
  const line = block.cells[index];
  const cells: (string | number | boolean | null)[] = new Array(width).fill(null);
  let text: ("@" | null)[] | null = null;
  let mode: Mode = "values";
  for (let j = 0; j < line.length; j++) {
    const cell = line[j];
    if (isFormulaCell(cell)) mode = "formulas";
    // Office.js leaves a cell unchanged for null; "" empties it.
    const out = formulaText(cell);
    cells[j] = out === null || out === undefined ? "" : out;
    if (typeof cell === "string" && needsTextFormat(cell)) {
      text ??= new Array(width).fill(null);
      text[j] = "@";
    }
  }
  let formats = rowFormats(block, index, width);
  if (text) {
    const keep = text;
    formats = (formats ?? new Array<string | null>(width).fill(null)).map((f, j) =>
      keep[j] === "@" ? "@" : f
    );
  }
  return {
    mode,
    cells,
    text,
    formats,
    cellBytes: jsonBytes(cells) + 1,
    textBytes: text ? jsonBytes(text) + 1 : 0,
    formatBytes: formats ? jsonBytes(formats) + 1 : 0,
  };
}

function rowFormats(block: WriteBlock, index: number, width: number): (string | null)[] | null {
  const nf = block.numberFormats;
  if (nf === undefined) return null;
  const source = Array.isArray(nf) ? nf[index] : nf.byColumn;
  if (!source || source.every((f) => f === null || f === undefined)) return null;
  const out: (string | null)[] = new Array(width).fill(null);
  for (let j = 0; j < Math.min(width, source.length); j++) out[j] = source[j] ?? null;
  return out;
}

/** Queues a piece's commands and returns their estimated bytes. */
function emitPiece(sheet: Excel.Worksheet, block: WriteBlock, piece: Piece, width: number): number {
  const n = piece.rows.length;
  if (n === 0) return 0;
  const top = block.row + piece.start;
  const left = block.column;
  const right = left + width - 1;
  const whole = sheet.getRange(rangeAddress(top, left, top + n - 1, right));
  const nullRow = () => new Array<null>(width).fill(null);
  if (piece.hasText()) whole.numberFormat = piece.rows.map((r) => r.text ?? nullRow());
  let start = 0;
  while (start < n) {
    const mode = piece.rows[start].mode;
    let end = start + 1;
    while (end < n && piece.rows[end].mode === mode) end++;
    const rows = sheet.getRange(rangeAddress(top + start, left, top + end - 1, right));
    const grid = piece.rows.slice(start, end).map((r) => r.cells);
    if (mode === "formulas") rows.formulas = grid;
    else rows.values = grid;
    start = end;
  }
  if (piece.hasFormats()) whole.numberFormat = piece.rows.map((r) => r.formats ?? nullRow());
  return piece.cost();
}

/** Estimated bytes of `commands` small commands carrying `payload`. */
function commandBytes(commands: number, ...payload: unknown[]): number {
  return commands * COMMAND_OVERHEAD_BYTES + jsonBytes(payload);
}

/** Puts a used range's grid back at A1: rows above and columns to the left become null, and "" becomes null. */
function anchorAtA1(grid: unknown[][], rowIndex: number, columnIndex: number): Grid {
  const width = columnIndex + (grid[0]?.length ?? 0);
  const out: Grid = [];
  for (let r = 0; r < rowIndex; r++) out.push(new Array<CellValue>(width).fill(null));
  for (const line of grid) {
    const row = new Array<CellValue>(columnIndex).fill(null);
    for (const v of line) row.push(cellValue(v));
    out.push(row);
  }
  return out;
}

function cellValue(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

function lower(name: string): string {
  return name.toLowerCase();
}

/** Excel compares sheet and defined names without regard to case. */
function sameName(a: string, b: string): boolean {
  return lower(a) === lower(b);
}

function sameReference(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/^=/, "").replace(/[$']/g, "").toLowerCase();
  return norm(a) === norm(b);
}
