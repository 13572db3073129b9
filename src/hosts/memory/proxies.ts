/**
 * The proxies of the in-memory Excel: the request context, the workbook, its
 * sheets, ranges, formats, names, conditional formats, charts and page
 * layout. Each class implements `Fake<Excel.X, "member" | …>` for exactly the
 * members the Office host uses, so a misspelled or non-existent member fails
 * to compile. Setting a property or calling a method queues a command; the
 * engine (MemoryWorkbook) carries the queue out at `sync()`.
 */
import { quoteSheet } from "../../workbook/a1";
import type { CellValue } from "../../workbook/cells";
import {
  invalidArgument,
  invalidOperation,
  invalidRequestContext,
  itemAlreadyExists,
  itemNotFound,
  propertyNotLoaded,
  protectedSheet,
  responsePayloadTooLarge,
} from "./errors";
import {
  BookModel,
  Journal,
  MAX_COLUMNS,
  MAX_ROWS,
  SheetModel,
  absoluteAddress,
  editBlocked,
  intersects,
  parseAddress,
  readInput,
  readRect,
  rectAddress,
  setCell,
  shiftFormulaRows,
  styleAt,
  subtractRect,
  usedRect,
  type CellStyle,
  type ChartData,
  type ConditionalFormatData,
  type EditKind,
  type PageLayoutData,
  type ProtectionData,
  type Rect,
  type RowData,
  type ValidationData,
} from "./model";

/** Cells a single load may return before the response is too large. */
const RESPONSE_CELL_LIMIT = 5_000_000;

/**
 * The members K of an Office.js class as a fake provides them: the same
 * names, property types and parameters, so a misspelled or non-existent
 * member fails to compile. Where Excel returns a proxy, the fake returns its
 * own proxy (a fake cannot be a whole Excel.Range), so those types are loosened.
 */
export type Fake<T, K extends keyof T> = {
  [P in K]: T[P] extends (...args: infer A) => infer R
    ? (...args: A) => FakeValue<R>
    : FakeValue<T[P]>;
};
type FakeValue<V> = V extends OfficeExtension.ClientObject
  ? object
  : V extends readonly OfficeExtension.ClientObject[]
    ? readonly object[]
    : V;

/** A queued command: `apply` changes the model during the sync and may return what to deliver to proxies after it. */
export interface Action {
  bytes: number;
  apply(): (() => void) | void;
}

export interface Engine {
  model: BookModel;
  journal(): Journal;
  process(actions: readonly Action[]): void;
}

export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

const encoder = new TextEncoder();
/** `isNullObject` of each proxy, once a sync has told it. */
const nullStates = new WeakMap<object, boolean>();

export class MemoryContext implements Fake<Excel.RequestContext, "workbook" | "sync"> {
  readonly workbook: MemoryWorkbookProxy;
  private queue: Action[] = [];
  private closed = false;

  constructor(readonly engine: Engine) {
    this.workbook = new MemoryWorkbookProxy(this);
  }

  get model(): BookModel {
    return this.engine.model;
  }

  get journal(): Journal {
    return this.engine.journal();
  }

  enqueue(path: string, member: string, args: unknown, apply: Action["apply"]): void {
    if (this.closed) throw invalidRequestContext();
    const bytes = encoder.encode(JSON.stringify([path, member, args]) ?? "").length;
    this.queue.push({ bytes, apply });
  }

  /** Queues a check whose answer becomes the proxy's `isNullObject` after the sync. */
  enqueueNullCheck(proxy: object, path: string, isNull: () => boolean): void {
    this.enqueue(path, "isNullObject", null, () => {
      const answer = isNull();
      return () => nullStates.set(proxy, answer);
    });
  }

  async sync<T>(passThroughValue?: T): Promise<T | undefined> {
    const actions = this.queue;
    this.queue = [];
    this.engine.process(actions);
    return passThroughValue;
  }

  hasQueued(): boolean {
    return this.queue.length > 0;
  }

  close(): void {
    this.closed = true;
  }
}

/** What every proxy shares: its context, a path (for request sizes and error locations) and `isNullObject`. */
abstract class FakeObject {
  constructor(
    protected readonly ctx: MemoryContext,
    readonly path: string
  ) {}

  get isNullObject(): boolean {
    const state = nullStates.get(this);
    if (state === undefined) throw propertyNotLoaded("isNullObject");
    return state;
  }

  protected queue(member: string, args: unknown, apply: Action["apply"]): void {
    this.ctx.enqueue(this.path, member, args, apply);
  }
}

/** A loaded property: readable only after a sync delivered it. */
class Slot<T> {
  private box?: { value: T };

  constructor(private readonly name: string) {}

  set(value: T): void {
    this.box = { value };
  }

  get(): T {
    if (!this.box) throw propertyNotLoaded(this.name);
    return this.box.value;
  }
}

class MemoryWorkbookProxy implements Fake<Excel.Workbook, "worksheets" | "names"> {
  readonly worksheets: MemoryWorksheetCollection;
  readonly names: MemoryNamedItemCollection;

  constructor(ctx: MemoryContext) {
    this.worksheets = new MemoryWorksheetCollection(ctx, "worksheets");
    this.names = new MemoryNamedItemCollection(ctx, "names");
  }
}

class MemoryWorksheetCollection
  extends FakeObject
  implements
    Fake<Excel.WorksheetCollection, "items" | "load" | "getItem" | "getItemOrNullObject" | "add">
{
  private readonly loadedItems = new Slot<MemoryWorksheet[]>("items");

  get items(): MemoryWorksheet[] {
    return this.loadedItems.get();
  }

  load(properties?: LoadArgument): this {
    const wanted = loadList(properties).map((p) => p.replace(/^items\//, ""));
    checkLoadable(wanted, ["name"], this.path);
    this.queue("load", wanted, () => {
      const sheets = [...this.ctx.model.sheets].map((s) => ({ sheet: s, name: s.name }));
      return () =>
        this.loadedItems.set(
          sheets.map(({ sheet, name }) => {
            const proxy = new MemoryWorksheet(this.ctx, `worksheet(${name})`, () =>
              this.ctx.model.sheets.includes(sheet) ? sheet : throwError(itemNotFound(name))
            );
            proxy.deliver(wanted.length === 0 || wanted.includes("name") ? name : undefined);
            return proxy;
          })
        );
    });
    return this;
  }

  getItem(key: string): MemoryWorksheet {
    return new MemoryWorksheet(
      this.ctx,
      `worksheet(${key})`,
      () => this.ctx.model.sheet(key) ?? throwError(itemNotFound(`worksheets.getItem(${key})`))
    );
  }

  getItemOrNullObject(key: string): MemoryWorksheet {
    const proxy = new MemoryWorksheet(
      this.ctx,
      `worksheet(${key})`,
      () => this.ctx.model.sheet(key) ?? null
    );
    this.ctx.enqueueNullCheck(proxy, proxy.path, () => this.ctx.model.sheet(key) === undefined);
    return proxy;
  }

  add(name?: string): MemoryWorksheet {
    const created: { sheet?: SheetModel } = {};
    this.queue("add", name ?? null, () => {
      const model = this.ctx.model;
      const sheetName = name ?? nextSheetName(model);
      if (!validSheetName(sheetName))
        throw invalidArgument("worksheets.add", `Bad sheet name: ${sheetName}`);
      if (model.sheet(sheetName)) throw itemAlreadyExists(`worksheets.add(${sheetName})`);
      this.ctx.journal.workbook();
      created.sheet = new SheetModel(sheetName);
      model.sheets.push(created.sheet);
    });
    return new MemoryWorksheet(this.ctx, `worksheet(${name ?? "new"})`, () => {
      const sheet = created.sheet;
      if (!sheet || !this.ctx.model.sheets.includes(sheet))
        throw itemNotFound(`worksheet(${name})`);
      return sheet;
    });
  }
}

class MemoryWorksheet
  extends FakeObject
  implements
    Fake<
      Excel.Worksheet,
      | "name"
      | "tabColor"
      | "isNullObject"
      | "load"
      | "getRange"
      | "getUsedRangeOrNullObject"
      | "charts"
      | "freezePanes"
      | "pageLayout"
      | "horizontalPageBreaks"
      | "protection"
      | "activate"
    >
{
  private readonly loadedName = new Slot<string>("name");

  constructor(
    ctx: MemoryContext,
    path: string,
    /** The sheet, null for a null object; throws ItemNotFound for a missing `getItem`. */
    readonly locate: () => SheetModel | null
  ) {
    super(ctx, path);
  }

  get name(): string {
    return this.loadedName.get();
  }

  get tabColor(): string {
    throw propertyNotLoaded("tabColor");
  }

  set tabColor(color: string) {
    this.queue("tabColor", color, () => {
      const sheet = this.locate();
      if (!sheet) return;
      this.ctx.journal.meta(sheet);
      sheet.tabColor = color;
    });
  }

  get charts(): MemoryChartCollection {
    return new MemoryChartCollection(this.ctx, `${this.path}.charts`, this.locate);
  }

  get freezePanes(): MemoryFreezePanes {
    return new MemoryFreezePanes(this.ctx, `${this.path}.freezePanes`, this.locate);
  }

  get pageLayout(): MemoryPageLayout {
    return new MemoryPageLayout(this.ctx, `${this.path}.pageLayout`, this.locate);
  }

  get horizontalPageBreaks(): MemoryPageBreakCollection {
    return new MemoryPageBreakCollection(
      this.ctx,
      `${this.path}.horizontalPageBreaks`,
      this.locate
    );
  }

  get protection(): MemoryWorksheetProtection {
    return new MemoryWorksheetProtection(this.ctx, `${this.path}.protection`, this.locate);
  }

  /** Sets what a collection load delivered (internal to the memory Excel). */
  deliver(name: string | undefined): void {
    nullStates.set(this, false);
    if (name !== undefined) this.loadedName.set(name);
  }

  load(properties?: LoadArgument): this {
    const wanted = loadList(properties);
    checkLoadable(wanted, ["name"], this.path);
    this.queue("load", wanted, () => {
      const sheet = this.locate();
      return () => {
        nullStates.set(this, sheet === null);
        if (sheet) this.loadedName.set(sheet.name);
      };
    });
    return this;
  }

  getRange(address?: string): MemoryRange {
    return new MemoryRange(this.ctx, `${this.path}!${address ?? ""}`, () => {
      const sheet = this.locate();
      if (!sheet) return null;
      const rect = parseAddress(address);
      if (!rect) throw invalidArgument(`getRange(${address})`, "Not an A1 address.");
      return { sheet, rect };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): MemoryRange {
    const used = (): RangeTarget | null => {
      const sheet = this.locate();
      const rect = sheet && usedRect(sheet, valuesOnly ?? false);
      return sheet && rect ? { sheet, rect } : null;
    };
    const proxy = new MemoryRange(this.ctx, `${this.path}.usedRange`, used);
    this.ctx.enqueueNullCheck(proxy, proxy.path, () => used() === null);
    return proxy;
  }

  activate(): void {
    this.queue("activate", null, () => {
      const sheet = this.locate();
      if (!sheet) return;
      this.ctx.journal.workbook();
      this.ctx.model.activeSheet = sheet;
    });
  }
}

export class MemoryRange
  extends FakeObject
  implements
    Fake<
      Excel.Range,
      | "values"
      | "formulas"
      | "numberFormat"
      | "rowIndex"
      | "columnIndex"
      | "isNullObject"
      | "load"
      | "format"
      | "conditionalFormats"
      | "dataValidation"
      | "clear"
      | "merge"
      | "select"
      | "autoFill"
    >
{
  private readonly loaded = {
    values: new Slot<unknown[][]>("values"),
    formulas: new Slot<unknown[][]>("formulas"),
    numberFormat: new Slot<unknown[][]>("numberFormat"),
    rowIndex: new Slot<number>("rowIndex"),
    columnIndex: new Slot<number>("columnIndex"),
  };

  constructor(
    ctx: MemoryContext,
    path: string,
    /** The cells, null for a null object; throws for a missing sheet or a bad address. */
    readonly locate: () => RangeTarget | null
  ) {
    super(ctx, path);
  }

  get values(): unknown[][] {
    return this.loaded.values.get();
  }

  set values(grid: unknown[][]) {
    this.queueInputs("values", grid);
  }

  get formulas(): unknown[][] {
    return this.loaded.formulas.get();
  }

  set formulas(grid: unknown[][]) {
    this.queueInputs("formulas", grid);
  }

  get numberFormat(): unknown[][] {
    return this.loaded.numberFormat.get();
  }

  set numberFormat(grid: unknown[][]) {
    this.queue("numberFormat", grid, () => {
      const target = this.locate();
      if (!target) return;
      checkShape(grid, target.rect, `${this.path}.numberFormat`);
      guard(target, "format", `${this.path}.numberFormat`);
      const { sheet, rect } = target;
      grid.forEach((line, i) => {
        const r = rect.row + i;
        this.ctx.journal.row(sheet, r);
        const row = (sheet.rows[r] ??= { values: [] });
        line.forEach((format, j) => {
          if (format === null || format === undefined) return;
          (row.formats ??= [])[rect.column + j] = String(format);
        });
      });
    });
  }

  get rowIndex(): number {
    return this.loaded.rowIndex.get();
  }

  get columnIndex(): number {
    return this.loaded.columnIndex.get();
  }

  get format(): MemoryRangeFormat {
    return new MemoryRangeFormat(this.ctx, `${this.path}.format`, this.locate);
  }

  get conditionalFormats(): MemoryConditionalFormatCollection {
    return new MemoryConditionalFormatCollection(
      this.ctx,
      `${this.path}.conditionalFormats`,
      this.locate
    );
  }

  get dataValidation(): MemoryDataValidation {
    return new MemoryDataValidation(this.ctx, `${this.path}.dataValidation`, this.locate);
  }

  load(properties?: LoadArgument): this {
    const all = ["values", "formulas", "numberFormat", "rowIndex", "columnIndex"] as const;
    const wanted = loadList(properties);
    checkLoadable(wanted, all, this.path);
    const fields = all.filter((p) => wanted.length === 0 || wanted.includes(p));
    this.queue("load", fields, () => {
      const target = this.locate();
      if (!target) return () => nullStates.set(this, true);
      const { sheet, rect } = target;
      if (
        rect.rows * rect.columns > RESPONSE_CELL_LIMIT &&
        fields.some((f) => f.endsWith("s") || f === "numberFormat")
      )
        throw responsePayloadTooLarge(this.path);
      const data = {
        values: () => readRect(sheet, rect, (row, c) => displayOf(row, c)),
        formulas: () => readRect(sheet, rect, (row, c) => row?.formulas?.[c] ?? displayOf(row, c)),
        numberFormat: () => readRect(sheet, rect, (row, c) => row?.formats?.[c] ?? "General"),
      };
      const read = {
        values: fields.includes("values") ? data.values() : undefined,
        formulas: fields.includes("formulas") ? data.formulas() : undefined,
        numberFormat: fields.includes("numberFormat") ? data.numberFormat() : undefined,
      };
      return () => {
        nullStates.set(this, false);
        if (read.values) this.loaded.values.set(read.values);
        if (read.formulas) this.loaded.formulas.set(read.formulas);
        if (read.numberFormat) this.loaded.numberFormat.set(read.numberFormat);
        if (fields.includes("rowIndex")) this.loaded.rowIndex.set(rect.row);
        if (fields.includes("columnIndex")) this.loaded.columnIndex.set(rect.column);
      };
    });
    return this;
  }

  clear(
    applyTo?:
      | Excel.ClearApplyTo
      | "All"
      | "Formats"
      | "Contents"
      | "Hyperlinks"
      | "RemoveHyperlinks"
      | "ResetContents"
  ): void {
    const what = applyTo ?? "All";
    this.queue("clear", what, () => {
      const target = this.locate();
      if (!target) return;
      const contents = what === "All" || what === "Contents" || what === "ResetContents";
      const formats = what === "All" || what === "Formats";
      guard(target, formats ? "format" : "contents", `${this.path}.clear`);
      clearRect(this.ctx.journal, target.sheet, target.rect, contents, formats);
      // Clearing all also removes data validation, as Excel's Clear All does.
      if (what === "All") removeValidation(this.ctx.journal, target.sheet, target.rect);
    });
  }

  merge(across?: boolean): void {
    this.queue("merge", across ?? false, () => {
      const target = this.locate();
      if (!target) return;
      guard(target, "structure", `${this.path}.merge`);
      const { sheet, rect } = target;
      this.ctx.journal.meta(sheet);
      sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
      if (across) {
        for (let i = 0; i < rect.rows; i++)
          sheet.merges.push({ ...rect, row: rect.row + i, rows: 1 });
      } else sheet.merges.push({ ...rect });
    });
  }

  /**
   * Fills the destination from this range, as Excel's fill handle does.
   * Modelled: a destination that extends the range downwards, with
   * "FillCopy" (contents and formats) or "FillValues" (contents only); a
   * formula moves its relative rows, a constant is copied.
   */
  autoFill(
    destinationRange?: Excel.Range | string,
    autoFillType?:
      | Excel.AutoFillType
      | "FillDefault"
      | "FillCopy"
      | "FillSeries"
      | "FillFormats"
      | "FillValues"
      | "FillDays"
      | "FillWeekdays"
      | "FillMonths"
      | "FillYears"
      | "LinearTrend"
      | "GrowthTrend"
      | "FlashFill"
  ): void {
    const destination =
      destinationRange === undefined
        ? undefined
        : typeof destinationRange === "string"
          ? destinationRange
          : rangePath(destinationRange);
    const type = String(autoFillType ?? "FillDefault");
    const location = `${this.path}.autoFill`;
    this.queue("autoFill", [destination ?? null, type], () => {
      const source = this.locate();
      if (!source) return;
      const target = destination === undefined ? undefined : parseAddress(destination);
      const { sheet, rect } = source;
      if (
        !target ||
        target.row !== rect.row ||
        target.column !== rect.column ||
        target.columns !== rect.columns ||
        target.rows < rect.rows
      )
        throw invalidArgument(location, "The destination must extend the range downwards.");
      if (type !== "FillCopy" && type !== "FillValues")
        throw invalidArgument(location, `The memory Excel does not model ${type}.`);
      const formats = type === "FillCopy";
      const filled = { ...target, row: rect.row + rect.rows, rows: target.rows - rect.rows };
      if (filled.rows === 0) return;
      guard({ sheet, rect: filled }, formats ? "format" : "contents", location);
      for (let r = filled.row; r < filled.row + filled.rows; r++) {
        const from = rect.row + ((r - rect.row) % rect.rows);
        const origin = sheet.rows[from];
        this.ctx.journal.row(sheet, r);
        const row = (sheet.rows[r] ??= { values: [] });
        for (let c = rect.column; c < rect.column + rect.columns; c++) {
          const formula = origin?.formulas?.[c];
          setCell(
            row,
            c,
            formula === undefined
              ? { value: origin?.values[c] ?? null }
              : { value: null, formula: shiftFormulaRows(formula, r - from) }
          );
          if (formats && (origin?.formats?.[c] !== undefined || row.formats))
            (row.formats ??= [])[c] = origin?.formats?.[c];
        }
      }
      if (!formats) return;
      this.ctx.journal.meta(sheet);
      for (
        let r = filled.row;
        r < filled.row + filled.rows;
        r += rect.rows === 1 ? filled.rows : 1
      ) {
        const from = rect.row + ((r - rect.row) % rect.rows);
        const rows = rect.rows === 1 ? filled.rows : 1;
        for (let c = rect.column; c < rect.column + rect.columns; c++) {
          const area = { row: r, column: c, rows, columns: 1 };
          sheet.styles.push(
            { rect: area, style: "reset" },
            { rect: area, style: styleAt(sheet, from, c) }
          );
        }
      }
    });
  }

  select(): void {
    this.queue("select", null, () => {
      const target = this.locate();
      if (!target) return;
      this.ctx.journal.workbook();
      this.ctx.model.activeSheet = target.sheet;
      this.ctx.model.selection = { sheet: target.sheet.name, address: rectAddress(target.rect) };
    });
  }

  private queueInputs(member: "values" | "formulas", grid: unknown[][]): void {
    this.queue(member, grid, () => {
      const target = this.locate();
      if (!target) return;
      checkShape(grid, target.rect, `${this.path}.${member}`);
      guard(target, "contents", `${this.path}.${member}`);
      const { sheet, rect } = target;
      grid.forEach((line, i) => {
        const r = rect.row + i;
        this.ctx.journal.row(sheet, r);
        const row = (sheet.rows[r] ??= { values: [] });
        line.forEach((input, j) => {
          const c = rect.column + j;
          const cell = readInput(input, row.formats?.[c] === "@");
          if (cell) setCell(row, c, cell);
        });
      });
    });
  }
}

/** Formats set on a range become a style layer over its rectangle. */
function queueStyle(
  owner: FakeObject,
  ctx: MemoryContext,
  locate: () => RangeTarget | null,
  member: string,
  style: CellStyle,
  kind: EditKind = "format"
): void {
  ctx.enqueue(owner.path, member, Object.values(style)[0] ?? null, () => {
    const target = locate();
    if (!target) return;
    guard(target, kind, `${owner.path}.${member}`);
    ctx.journal.meta(target.sheet);
    target.sheet.styles.push({ rect: { ...target.rect }, style });
  });
}

class MemoryRangeFormat
  extends FakeObject
  implements
    Fake<
      Excel.RangeFormat,
      | "fill"
      | "font"
      | "wrapText"
      | "horizontalAlignment"
      | "columnWidth"
      | "rowHeight"
      | "borders"
      | "protection"
    >
{
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly locate: () => RangeTarget | null
  ) {
    super(ctx, path);
  }

  get fill(): MemoryRangeFill {
    return new MemoryRangeFill(this.ctx, `${this.path}.fill`, this.locate);
  }

  get font(): MemoryRangeFont {
    return new MemoryRangeFont(this.ctx, `${this.path}.font`, this.locate);
  }

  get borders(): MemoryRangeBorderCollection {
    return new MemoryRangeBorderCollection(this.ctx, `${this.path}.borders`, this.locate);
  }

  get protection(): MemoryFormatProtection {
    return new MemoryFormatProtection(this.ctx, `${this.path}.protection`, this.locate);
  }

  get wrapText(): boolean {
    throw propertyNotLoaded("wrapText");
  }

  set wrapText(wrap: boolean) {
    queueStyle(this, this.ctx, this.locate, "wrapText", { wrap });
  }

  get horizontalAlignment(): Excel.RangeFormat["horizontalAlignment"] {
    throw propertyNotLoaded("horizontalAlignment");
  }

  set horizontalAlignment(alignment: Excel.RangeFormat["horizontalAlignment"]) {
    queueStyle(this, this.ctx, this.locate, "horizontalAlignment", {
      horizontalAlignment: String(alignment),
    });
  }

  get rowHeight(): number {
    throw propertyNotLoaded("rowHeight");
  }

  set rowHeight(height: number) {
    this.queue("rowHeight", height, () => {
      const target = this.locate();
      if (!target) return;
      const { sheet, rect } = target;
      this.ctx.journal.meta(sheet);
      for (let r = rect.row; r < rect.row + rect.rows; r++) sheet.rowHeights.set(r, height);
    });
  }

  get columnWidth(): number {
    throw propertyNotLoaded("columnWidth");
  }

  set columnWidth(width: number) {
    this.queue("columnWidth", width, () => {
      const target = this.locate();
      if (!target) return;
      guard(target, "columns", `${this.path}.columnWidth`);
      const { sheet, rect } = target;
      this.ctx.journal.meta(sheet);
      for (let c = rect.column; c < rect.column + rect.columns; c++)
        sheet.columnWidths.set(c, width);
    });
  }
}

class MemoryRangeFill extends FakeObject implements Fake<Excel.RangeFill, "color"> {
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly locate: () => RangeTarget | null
  ) {
    super(ctx, path);
  }

  get color(): string {
    throw propertyNotLoaded("color");
  }

  set color(fill: string) {
    queueStyle(this, this.ctx, this.locate, "color", { fill });
  }
}

class MemoryRangeFont
  extends FakeObject
  implements Fake<Excel.RangeFont, "color" | "bold" | "size">
{
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly locate: () => RangeTarget | null
  ) {
    super(ctx, path);
  }

  get color(): string {
    throw propertyNotLoaded("color");
  }

  set color(fontColor: string) {
    queueStyle(this, this.ctx, this.locate, "color", { fontColor });
  }

  get bold(): boolean {
    throw propertyNotLoaded("bold");
  }

  set bold(bold: boolean) {
    queueStyle(this, this.ctx, this.locate, "bold", { bold });
  }

  get size(): number {
    throw propertyNotLoaded("size");
  }

  set size(fontSize: number) {
    queueStyle(this, this.ctx, this.locate, "size", { fontSize });
  }
}

type BorderName =
  | "EdgeTop"
  | "EdgeBottom"
  | "EdgeLeft"
  | "EdgeRight"
  | "InsideVertical"
  | "InsideHorizontal"
  | "DiagonalDown"
  | "DiagonalUp";

class MemoryRangeBorderCollection
  extends FakeObject
  implements Fake<Excel.RangeBorderCollection, "getItem">
{
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly locate: () => RangeTarget | null
  ) {
    super(ctx, path);
  }

  getItem(index: Excel.BorderIndex | BorderName): MemoryRangeBorder {
    return new MemoryRangeBorder(this.ctx, `${this.path}(${index})`, this.locate);
  }
}

/** A border line. The model keeps one flag per cell ("has a border"), not one per edge. */
class MemoryRangeBorder extends FakeObject implements Fake<Excel.RangeBorder, "style"> {
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly locate: () => RangeTarget | null
  ) {
    super(ctx, path);
  }

  get style(): Excel.RangeBorder["style"] {
    throw propertyNotLoaded("style");
  }

  set style(line: Excel.RangeBorder["style"]) {
    queueStyle(this, this.ctx, this.locate, "style", { border: line !== "None" });
  }
}

interface RuleTarget {
  sheet: SheetModel;
  data: ConditionalFormatData;
}

class MemoryConditionalFormatCollection
  extends FakeObject
  implements Fake<Excel.ConditionalFormatCollection, "add" | "clearAll">
{
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly locate: () => RangeTarget | null
  ) {
    super(ctx, path);
  }

  add(
    type:
      | Excel.ConditionalFormatType
      | "Custom"
      | "DataBar"
      | "ColorScale"
      | "IconSet"
      | "TopBottom"
      | "PresetCriteria"
      | "ContainsText"
      | "CellValue"
  ): MemoryConditionalFormat {
    const created: { target?: RuleTarget } = {};
    this.queue("add", type, () => {
      const target = this.locate();
      if (!target) return;
      guard(target, "format", `${this.path}.add`);
      const range = rectAddress(target.rect);
      const data: ConditionalFormatData =
        type === "ContainsText"
          ? { type: "containsText", range, operator: "Contains", text: "" }
          : type === "CellValue"
            ? { type: "cellValue", range, operator: "Between", formula1: "" }
            : { type: "other", range, kind: String(type) };
      this.ctx.journal.meta(target.sheet);
      target.sheet.conditionalFormats.push(data);
      created.target = { sheet: target.sheet, data };
    });
    return new MemoryConditionalFormat(
      this.ctx,
      `${this.path}.add(${type})`,
      () => created.target ?? null
    );
  }

  clearAll(): void {
    this.queue("clearAll", null, () => {
      const target = this.locate();
      if (!target) return;
      guard(target, "format", `${this.path}.clearAll`);
      const { sheet, rect } = target;
      this.ctx.journal.meta(sheet);
      sheet.conditionalFormats = sheet.conditionalFormats.filter((c) => {
        const area = parseAddress(c.range);
        return !area || !intersects(area, rect);
      });
    });
  }
}

class MemoryConditionalFormat
  extends FakeObject
  implements Fake<Excel.ConditionalFormat, "textComparison" | "cellValue">
{
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly locate: () => RuleTarget | null
  ) {
    super(ctx, path);
  }

  get textComparison(): MemoryTextConditionalFormat {
    return new MemoryTextConditionalFormat(
      this.ctx,
      `${this.path}.textComparison`,
      this.ofType("containsText")
    );
  }

  get cellValue(): MemoryCellValueConditionalFormat {
    return new MemoryCellValueConditionalFormat(
      this.ctx,
      `${this.path}.cellValue`,
      this.ofType("cellValue")
    );
  }

  /** The rule, checked to be of the type the property asks for (Excel errors otherwise). */
  private ofType(type: ConditionalFormatData["type"]): () => RuleTarget | null {
    return () => {
      const target = this.locate();
      if (target && target.data.type !== type)
        throw invalidArgument(this.path, `The conditional format is not of type ${type}.`);
      return target;
    };
  }
}

class MemoryTextConditionalFormat
  extends FakeObject
  implements Fake<Excel.TextConditionalFormat, "format" | "rule">
{
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly locate: () => RuleTarget | null
  ) {
    super(ctx, path);
  }

  get format(): MemoryConditionalRangeFormat {
    return new MemoryConditionalRangeFormat(this.ctx, `${this.path}.format`, this.locate);
  }

  get rule(): Excel.ConditionalTextComparisonRule {
    throw propertyNotLoaded("rule");
  }

  set rule(rule: Excel.ConditionalTextComparisonRule) {
    this.queue("rule", rule, () => {
      const target = this.locate();
      if (!target || target.data.type !== "containsText") return;
      this.ctx.journal.meta(target.sheet);
      target.data.operator = String(rule.operator);
      target.data.text = rule.text;
    });
  }
}

class MemoryCellValueConditionalFormat
  extends FakeObject
  implements Fake<Excel.CellValueConditionalFormat, "format" | "rule">
{
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly locate: () => RuleTarget | null
  ) {
    super(ctx, path);
  }

  get format(): MemoryConditionalRangeFormat {
    return new MemoryConditionalRangeFormat(this.ctx, `${this.path}.format`, this.locate);
  }

  get rule(): Excel.ConditionalCellValueRule {
    throw propertyNotLoaded("rule");
  }

  set rule(rule: Excel.ConditionalCellValueRule) {
    this.queue("rule", rule, () => {
      const target = this.locate();
      if (!target || target.data.type !== "cellValue") return;
      this.ctx.journal.meta(target.sheet);
      target.data.operator = String(rule.operator);
      target.data.formula1 = rule.formula1;
      if (rule.formula2 !== undefined) target.data.formula2 = rule.formula2;
    });
  }
}

class MemoryConditionalRangeFormat
  extends FakeObject
  implements Fake<Excel.ConditionalRangeFormat, "fill" | "font">
{
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly locate: () => RuleTarget | null
  ) {
    super(ctx, path);
  }

  get fill(): MemoryConditionalColor {
    return new MemoryConditionalColor(this.ctx, `${this.path}.fill`, this.locate, "fill");
  }

  get font(): MemoryConditionalColor {
    return new MemoryConditionalColor(this.ctx, `${this.path}.font`, this.locate, "fontColor");
  }
}

/** The fill or the font of a conditional format: only their colour is modelled. */
class MemoryConditionalColor
  extends FakeObject
  implements Fake<Excel.ConditionalRangeFill, "color">, Fake<Excel.ConditionalRangeFont, "color">
{
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly locate: () => RuleTarget | null,
    private readonly field: "fill" | "fontColor"
  ) {
    super(ctx, path);
  }

  get color(): string {
    throw propertyNotLoaded("color");
  }

  set color(color: string) {
    this.queue("color", color, () => {
      const target = this.locate();
      if (!target) return;
      this.ctx.journal.meta(target.sheet);
      Object.assign(target.data, { [this.field]: color });
    });
  }
}

/** `Range.format.protection`: only `locked` is modelled, as a style layer. */
class MemoryFormatProtection extends FakeObject implements Fake<Excel.FormatProtection, "locked"> {
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly locate: () => RangeTarget | null
  ) {
    super(ctx, path);
  }

  get locked(): boolean {
    throw propertyNotLoaded("locked");
  }

  set locked(locked: boolean) {
    // Excel refuses to change a cell's lock while its sheet is protected.
    queueStyle(this, this.ctx, this.locate, "locked", { locked }, "structure");
  }
}

/**
 * `Worksheet.protection`. `protect` fails on a sheet that is already
 * protected, and `unprotect` does nothing on one that is not, as in Excel.
 */
class MemoryWorksheetProtection
  extends FakeObject
  implements
    Fake<Excel.WorksheetProtection, "protected" | "options" | "load" | "protect" | "unprotect">
{
  private readonly loaded = {
    protected: new Slot<boolean>("protected"),
    options: new Slot<Excel.WorksheetProtectionOptions>("options"),
  };

  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly locate: () => SheetModel | null
  ) {
    super(ctx, path);
  }

  get protected(): boolean {
    return this.loaded.protected.get();
  }

  get options(): Excel.WorksheetProtectionOptions {
    return this.loaded.options.get();
  }

  load(properties?: LoadArgument): this {
    const wanted = loadList(properties);
    checkLoadable(wanted, ["protected", "options"], this.path);
    this.queue("load", wanted, () => {
      const sheet = this.locate();
      const state: ProtectionData | null = sheet && structuredClone(sheet.protection);
      return () => {
        if (!state) return;
        const all = wanted.length === 0;
        if (all || wanted.includes("protected")) this.loaded.protected.set(state.protected);
        if (all || wanted.includes("options")) this.loaded.options.set(state.options);
      };
    });
    return this;
  }

  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    this.queue("protect", [options ?? null, password === undefined ? null : "*"], () => {
      const sheet = this.locate();
      if (!sheet) return;
      if (sheet.protection.protected)
        throw invalidOperation(`${this.path}.protect`, "The worksheet is already protected.");
      this.ctx.journal.meta(sheet);
      sheet.protection = { protected: true, options: { ...options }, password };
    });
  }

  unprotect(password?: string): void {
    this.queue("unprotect", password === undefined ? null : "*", () => {
      const sheet = this.locate();
      if (!sheet || !sheet.protection.protected) return;
      const expected = sheet.protection.password;
      if (expected !== undefined && expected !== "" && expected !== password)
        throw invalidArgument(`${this.path}.unprotect`, "The password is incorrect.");
      this.ctx.journal.meta(sheet);
      sheet.protection = { protected: false, options: {} };
    });
  }
}

/**
 * `Range.dataValidation`. Setting `rule` replaces the validation of the
 * range's cells; `errorAlert` and `ignoreBlanks` then apply to the rules lying
 * within the range. Reading is not modelled (no load).
 */
class MemoryDataValidation
  extends FakeObject
  implements Fake<Excel.DataValidation, "rule" | "errorAlert" | "ignoreBlanks" | "clear">
{
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly locate: () => RangeTarget | null
  ) {
    super(ctx, path);
  }

  get rule(): Excel.DataValidationRule {
    throw propertyNotLoaded("rule");
  }

  set rule(rule: Excel.DataValidationRule) {
    const stored = storedRule(rule, `${this.path}.rule`);
    this.queue("rule", stored, () => {
      const target = this.locate();
      if (!target) return;
      guard(target, "structure", `${this.path}.rule`);
      removeValidation(this.ctx.journal, target.sheet, target.rect);
      target.sheet.validations.push({ rect: { ...target.rect }, rule: stored, ignoreBlanks: true });
    });
  }

  get errorAlert(): Excel.DataValidationErrorAlert {
    throw propertyNotLoaded("errorAlert");
  }

  set errorAlert(alert: Excel.DataValidationErrorAlert) {
    this.edit("errorAlert", alert, (v) => {
      v.errorAlert = { ...alert };
    });
  }

  get ignoreBlanks(): boolean {
    throw propertyNotLoaded("ignoreBlanks");
  }

  set ignoreBlanks(ignore: boolean) {
    this.edit("ignoreBlanks", ignore, (v) => {
      v.ignoreBlanks = ignore;
    });
  }

  clear(): void {
    this.queue("clear", null, () => {
      const target = this.locate();
      if (!target) return;
      guard(target, "structure", `${this.path}.clear`);
      removeValidation(this.ctx.journal, target.sheet, target.rect);
    });
  }

  private edit(member: string, args: unknown, change: (v: ValidationData) => void): void {
    this.queue(member, args, () => {
      const target = this.locate();
      if (!target) return;
      guard(target, "structure", `${this.path}.${member}`);
      this.ctx.journal.meta(target.sheet);
      for (const v of target.sheet.validations)
        if (subtractRect(v.rect, target.rect).length === 0) change(v);
    });
  }
}

interface ChartTarget {
  sheet: SheetModel;
  chart: ChartData;
}

class MemoryChartCollection
  extends FakeObject
  implements
    Fake<Excel.ChartCollection, "items" | "load" | "add" | "getItem" | "getItemOrNullObject">
{
  private readonly loadedItems = new Slot<MemoryChart[]>("items");

  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly locate: () => SheetModel | null
  ) {
    super(ctx, path);
  }

  get items(): MemoryChart[] {
    return this.loadedItems.get();
  }

  load(properties?: LoadArgument): this {
    const wanted = loadList(properties).map((p) => p.replace(/^items\//, ""));
    checkLoadable(wanted, ["name"], this.path);
    this.queue("load", wanted, () => {
      const sheet = this.locate();
      const charts = sheet ? [...sheet.charts] : [];
      return () =>
        this.loadedItems.set(
          charts.map((chart) => {
            const proxy = new MemoryChart(this.ctx, `${this.path}(${chart.name})`, () =>
              sheet && sheet.charts.includes(chart)
                ? { sheet, chart }
                : throwError(itemNotFound(chart.name))
            );
            proxy.deliver(chart.name);
            return proxy;
          })
        );
    });
    return this;
  }

  add(
    type: Excel.ChartType | string,
    sourceData: Excel.Range,
    seriesBy?: Excel.ChartSeriesBy | "Auto" | "Columns" | "Rows"
  ): MemoryChart {
    if (!(sourceData instanceof MemoryRange))
      throw invalidArgument(`${this.path}.add`, "sourceData is not a range.");
    const created: { target?: ChartTarget } = {};
    this.queue("add", [type, sourceData.path, seriesBy ?? "Auto"], () => {
      const sheet = this.locate();
      if (!sheet) return;
      const source = sourceData.locate();
      if (!source) throw invalidArgument(`${this.path}.add`, "sourceData is a null object.");
      this.ctx.journal.meta(sheet);
      const address = rectAddress(source.rect);
      const chart: ChartData = {
        name: `Chart ${sheet.charts.length + 1}`,
        type: String(type),
        source: source.sheet === sheet ? address : `${quoteSheet(source.sheet.name)}!${address}`,
        seriesBy: String(seriesBy ?? "Auto"),
        title: "",
        position: null,
      };
      sheet.charts.push(chart);
      created.target = { sheet, chart };
    });
    return new MemoryChart(this.ctx, `${this.path}.add`, () => created.target ?? null);
  }

  getItem(name: string): MemoryChart {
    return new MemoryChart(this.ctx, `${this.path}(${name})`, () => {
      const found = this.find(name);
      if (!found) throw itemNotFound(`${this.path}.getItem(${name})`);
      return found;
    });
  }

  getItemOrNullObject(name: string): MemoryChart {
    const proxy = new MemoryChart(this.ctx, `${this.path}(${name})`, () => this.find(name));
    this.ctx.enqueueNullCheck(proxy, proxy.path, () => this.find(name) === null);
    return proxy;
  }

  private find(name: string): ChartTarget | null {
    const sheet = this.locate();
    const chart = sheet?.charts.find((c) => c.name.toLowerCase() === name.toLowerCase());
    return sheet && chart ? { sheet, chart } : null;
  }
}

class MemoryChart
  extends FakeObject
  implements Fake<Excel.Chart, "name" | "title" | "setPosition" | "delete" | "isNullObject">
{
  private readonly loadedName = new Slot<string>("name");

  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly locate: () => ChartTarget | null
  ) {
    super(ctx, path);
  }

  get name(): string {
    return this.loadedName.get();
  }

  set name(name: string) {
    this.change("name", name, (chart) => {
      chart.name = name;
    });
  }

  get title(): MemoryChartTitle {
    return new MemoryChartTitle(this.ctx, `${this.path}.title`, this.locate);
  }

  /** Sets what a collection load delivered (internal to the memory Excel). */
  deliver(name: string): void {
    nullStates.set(this, false);
    this.loadedName.set(name);
  }

  setPosition(startCell: Excel.Range | string, endCell?: Excel.Range | string): void {
    const start = typeof startCell === "string" ? startCell : rangePath(startCell);
    const end =
      endCell === undefined
        ? undefined
        : typeof endCell === "string"
          ? endCell
          : rangePath(endCell);
    this.change("setPosition", [start, end ?? null], (chart) => {
      chart.position = end === undefined ? { start } : { start, end };
    });
  }

  delete(): void {
    this.queue("delete", null, () => {
      const target = this.locate();
      if (!target) return;
      this.ctx.journal.meta(target.sheet);
      target.sheet.charts = target.sheet.charts.filter((c) => c !== target.chart);
    });
  }

  private change(member: string, args: unknown, edit: (chart: ChartData) => void): void {
    this.queue(member, args, () => {
      const target = this.locate();
      if (!target) return;
      this.ctx.journal.meta(target.sheet);
      edit(target.chart);
    });
  }
}

class MemoryChartTitle extends FakeObject implements Fake<Excel.ChartTitle, "text"> {
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly locate: () => ChartTarget | null
  ) {
    super(ctx, path);
  }

  get text(): string {
    throw propertyNotLoaded("text");
  }

  set text(title: string) {
    this.queue("text", title, () => {
      const target = this.locate();
      if (!target) return;
      this.ctx.journal.meta(target.sheet);
      target.chart.title = title;
    });
  }
}

class MemoryFreezePanes
  extends FakeObject
  implements
    Fake<Excel.WorksheetFreezePanes, "freezeRows" | "freezeColumns" | "freezeAt" | "unfreeze">
{
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly locate: () => SheetModel | null
  ) {
    super(ctx, path);
  }

  freezeRows(count?: number): void {
    this.freeze("freezeRows", count ?? 1, 0);
  }

  freezeColumns(count?: number): void {
    this.freeze("freezeColumns", 0, count ?? 1);
  }

  /** Freezes the rows above and the columns left of the bottom-right corner of the range, as Excel does. */
  freezeAt(frozenRange: Excel.Range | string): void {
    const address = typeof frozenRange === "string" ? frozenRange : rangePath(frozenRange);
    const rect = parseAddress(address);
    if (!rect) throw invalidArgument(`${this.path}.freezeAt(${address})`);
    this.freeze("freezeAt", rect.row + rect.rows, rect.column + rect.columns);
  }

  unfreeze(): void {
    this.freeze("unfreeze", 0, 0);
  }

  private freeze(member: string, rows: number, columns: number): void {
    this.queue(member, [rows, columns], () => {
      const sheet = this.locate();
      if (!sheet) return;
      this.ctx.journal.meta(sheet);
      sheet.frozen = { rows, columns };
    });
  }
}

class MemoryPageLayout
  extends FakeObject
  implements
    Fake<
      Excel.PageLayout,
      | "orientation"
      | "zoom"
      | "setPrintTitleRows"
      | "headersFooters"
      | "paperSize"
      | "topMargin"
      | "bottomMargin"
      | "leftMargin"
      | "rightMargin"
      | "headerMargin"
      | "footerMargin"
      | "setPrintArea"
    >
{
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly locate: () => SheetModel | null
  ) {
    super(ctx, path);
  }

  get orientation(): Excel.PageLayout["orientation"] {
    throw propertyNotLoaded("orientation");
  }

  set orientation(orientation: Excel.PageLayout["orientation"]) {
    this.change("orientation", orientation, (page) => {
      page.orientation = String(orientation);
    });
  }

  get zoom(): Excel.PageLayoutZoomOptions {
    throw propertyNotLoaded("zoom");
  }

  set zoom(zoom: Excel.PageLayoutZoomOptions) {
    this.change("zoom", zoom, (page) => {
      page.zoom = { ...zoom };
    });
  }

  get headersFooters(): MemoryHeaderFooterGroup {
    return new MemoryHeaderFooterGroup(this.ctx, `${this.path}.headersFooters`, this.locate);
  }

  get paperSize(): Excel.PageLayout["paperSize"] {
    throw propertyNotLoaded("paperSize");
  }

  set paperSize(size: Excel.PageLayout["paperSize"]) {
    this.change("paperSize", size, (page) => {
      page.paperSize = String(size);
    });
  }

  get topMargin(): number {
    throw propertyNotLoaded("topMargin");
  }

  set topMargin(points: number) {
    this.margin("top", points);
  }

  get bottomMargin(): number {
    throw propertyNotLoaded("bottomMargin");
  }

  set bottomMargin(points: number) {
    this.margin("bottom", points);
  }

  get leftMargin(): number {
    throw propertyNotLoaded("leftMargin");
  }

  set leftMargin(points: number) {
    this.margin("left", points);
  }

  get rightMargin(): number {
    throw propertyNotLoaded("rightMargin");
  }

  set rightMargin(points: number) {
    this.margin("right", points);
  }

  get headerMargin(): number {
    throw propertyNotLoaded("headerMargin");
  }

  set headerMargin(points: number) {
    this.margin("header", points);
  }

  get footerMargin(): number {
    throw propertyNotLoaded("footerMargin");
  }

  set footerMargin(points: number) {
    this.margin("footer", points);
  }

  setPrintArea(area: Excel.Range | Excel.RangeAreas | string): void {
    const address = typeof area === "string" ? area : rangePath(area as Excel.Range);
    this.change("setPrintArea", address, (page) => {
      page.printArea = address;
    });
  }

  private margin(edge: keyof PageLayoutData["margins"], points: number): void {
    this.change(`${edge}Margin`, points, (page) => {
      page.margins = { ...page.margins, [edge]: points };
    });
  }

  setPrintTitleRows(rows: Excel.Range | string): void {
    const address = typeof rows === "string" ? rows : rangePath(rows);
    this.change("setPrintTitleRows", address, (page) => {
      page.printTitleRows = address;
    });
  }

  private change(member: string, args: unknown, edit: (page: PageLayoutData) => void): void {
    this.queue(member, args, () => {
      const sheet = this.locate();
      if (!sheet) return;
      this.ctx.journal.meta(sheet);
      edit(sheet.page);
    });
  }
}

class MemoryHeaderFooterGroup
  extends FakeObject
  implements Fake<Excel.HeaderFooterGroup, "defaultForAllPages">
{
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly locate: () => SheetModel | null
  ) {
    super(ctx, path);
  }

  get defaultForAllPages(): MemoryHeaderFooter {
    return new MemoryHeaderFooter(this.ctx, `${this.path}.defaultForAllPages`, this.locate);
  }
}

class MemoryHeaderFooter
  extends FakeObject
  implements
    Fake<Excel.HeaderFooter, "centerHeader" | "leftFooter" | "centerFooter" | "rightFooter">
{
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly locate: () => SheetModel | null
  ) {
    super(ctx, path);
  }

  get centerHeader(): string {
    throw propertyNotLoaded("centerHeader");
  }

  set centerHeader(text: string) {
    this.queue("centerHeader", text, () => {
      const sheet = this.locate();
      if (!sheet) return;
      this.ctx.journal.meta(sheet);
      sheet.page.centerHeader = text;
    });
  }

  get leftFooter(): string {
    throw propertyNotLoaded("leftFooter");
  }

  set leftFooter(text: string) {
    this.footer("left", text);
  }

  get centerFooter(): string {
    throw propertyNotLoaded("centerFooter");
  }

  set centerFooter(text: string) {
    this.footer("center", text);
  }

  get rightFooter(): string {
    throw propertyNotLoaded("rightFooter");
  }

  set rightFooter(text: string) {
    this.footer("right", text);
  }

  private footer(part: "left" | "center" | "right", text: string): void {
    this.queue(`${part}Footer`, text, () => {
      const sheet = this.locate();
      if (!sheet) return;
      this.ctx.journal.meta(sheet);
      sheet.page.footer = { ...sheet.page.footer, [part]: text };
    });
  }
}

/** Manual page breaks above rows (ExcelApi 1.9). */
class MemoryPageBreakCollection
  extends FakeObject
  implements Fake<Excel.PageBreakCollection, "add" | "removePageBreaks">
{
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly locate: () => SheetModel | null
  ) {
    super(ctx, path);
  }

  add(pageBreakRange: Excel.Range | string): Excel.PageBreak {
    const address = typeof pageBreakRange === "string" ? pageBreakRange : rangePath(pageBreakRange);
    const row = Number(/(\d+)/.exec(address.split("!").pop() ?? "")?.[1]);
    if (!Number.isInteger(row) || row < 1) throw invalidArgument(`${this.path}.add(${address})`);
    this.queue("add", address, () => {
      const sheet = this.locate();
      if (!sheet) return;
      this.ctx.journal.meta(sheet);
      if (!sheet.page.rowBreaks.includes(row)) sheet.page.rowBreaks.push(row);
    });
    return undefined as unknown as Excel.PageBreak;
  }

  removePageBreaks(): void {
    this.queue("removePageBreaks", null, () => {
      const sheet = this.locate();
      if (!sheet) return;
      this.ctx.journal.meta(sheet);
      sheet.page.rowBreaks = [];
    });
  }
}

class MemoryNamedItemCollection
  extends FakeObject
  implements
    Fake<Excel.NamedItemCollection, "items" | "load" | "add" | "getItem" | "getItemOrNullObject">
{
  private readonly loadedItems = new Slot<MemoryNamedItem[]>("items");

  get items(): MemoryNamedItem[] {
    return this.loadedItems.get();
  }

  load(properties?: LoadArgument): this {
    const wanted = loadList(properties).map((p) => p.replace(/^items\//, ""));
    checkLoadable(wanted, ["name", "formula", "comment"], this.path);
    this.queue("load", wanted, () => {
      const names = [...this.ctx.model.names.values()].map((n) => ({ ...n }));
      return () =>
        this.loadedItems.set(
          names.map((n) => {
            const proxy = new MemoryNamedItem(this.ctx, `name(${n.name})`, () =>
              this.find(n.name, true)
            );
            proxy.deliver(n, wanted);
            return proxy;
          })
        );
    });
    return this;
  }

  add(name: string, reference: Excel.Range | string, comment?: string): MemoryNamedItem {
    const range = typeof reference === "string" ? undefined : reference;
    if (range !== undefined && !(range instanceof MemoryRange))
      throw invalidArgument(`${this.path}.add(${name})`, "reference is not a range.");
    this.queue(
      "add",
      [name, typeof reference === "string" ? reference : rangePath(reference), comment ?? null],
      () => {
        const model = this.ctx.model;
        if (!validName(name)) throw invalidArgument(`${this.path}.add(${name})`, "Bad name.");
        if (model.names.has(name.toLowerCase()))
          throw itemAlreadyExists(`${this.path}.add(${name})`);
        let formula: string;
        if (typeof reference === "string")
          formula = reference.startsWith("=") ? reference : `=${reference}`;
        else {
          const target = range instanceof MemoryRange ? range.locate() : null;
          if (!target)
            throw invalidArgument(`${this.path}.add(${name})`, "reference is a null object.");
          formula = `=${quoteSheet(target.sheet.name)}!${absoluteAddress(target.rect)}`;
        }
        this.ctx.journal.workbook();
        model.names.set(name.toLowerCase(), { name, formula, comment: comment ?? "" });
      }
    );
    return new MemoryNamedItem(this.ctx, `name(${name})`, () => this.find(name, true));
  }

  getItem(name: string): MemoryNamedItem {
    return new MemoryNamedItem(this.ctx, `name(${name})`, () => this.find(name, true));
  }

  getItemOrNullObject(name: string): MemoryNamedItem {
    const proxy = new MemoryNamedItem(this.ctx, `name(${name})`, () => this.find(name, false));
    this.ctx.enqueueNullCheck(proxy, proxy.path, () => this.find(name, false) === null);
    return proxy;
  }

  private find(
    name: string,
    required: boolean
  ): { name: string; formula: string; comment: string } | null {
    const found = this.ctx.model.names.get(name.toLowerCase());
    if (!found && required) throw itemNotFound(`names.getItem(${name})`);
    return found ?? null;
  }
}

class MemoryNamedItem
  extends FakeObject
  implements Fake<Excel.NamedItem, "name" | "formula" | "comment" | "delete" | "isNullObject">
{
  private readonly loaded = {
    name: new Slot<string>("name"),
    formula: new Slot<string>("formula"),
    comment: new Slot<string>("comment"),
  };

  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly locate: () => { name: string; formula: string; comment: string } | null
  ) {
    super(ctx, path);
  }

  get name(): string {
    return this.loaded.name.get();
  }

  get formula(): string {
    return this.loaded.formula.get();
  }

  set formula(formula: string) {
    this.change("formula", formula, (item) => {
      item.formula = String(formula);
    });
  }

  get comment(): string {
    return this.loaded.comment.get();
  }

  set comment(comment: string) {
    this.change("comment", comment, (item) => {
      item.comment = comment;
    });
  }

  /** Sets what a collection load delivered (internal to the memory Excel). */
  deliver(
    item: { name: string; formula: string; comment: string },
    wanted: readonly string[]
  ): void {
    nullStates.set(this, false);
    const all = wanted.length === 0;
    if (all || wanted.includes("name")) this.loaded.name.set(item.name);
    if (all || wanted.includes("formula")) this.loaded.formula.set(item.formula);
    if (all || wanted.includes("comment")) this.loaded.comment.set(item.comment);
  }

  delete(): void {
    this.queue("delete", null, () => {
      const item = this.locate();
      if (!item) return;
      this.ctx.journal.workbook();
      this.ctx.model.names.delete(item.name.toLowerCase());
    });
  }

  private change(
    member: string,
    args: unknown,
    edit: (item: { name: string; formula: string; comment: string }) => void
  ): void {
    this.queue(member, args, () => {
      const item = this.locate();
      if (!item) return;
      this.ctx.journal.workbook();
      // The names map is restored from a copy on rollback, so edit a fresh entry.
      const next = { ...item };
      edit(next);
      this.ctx.model.names.set(item.name.toLowerCase(), next);
    });
  }
}

type LoadArgument = string | string[] | OfficeExtension.LoadOption | Record<string, unknown>;

/** The property names a `load` argument asks for: "a, b", ["a", "b"], { select: "a,b" } or { a: true }. */
function loadList(argument: LoadArgument | undefined): string[] {
  if (argument === undefined) return [];
  if (typeof argument === "string")
    return argument
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
  if (Array.isArray(argument)) return argument.flatMap((a) => loadList(a));
  if ("select" in argument && typeof argument.select === "string") return loadList(argument.select);
  return Object.entries(argument)
    .filter(([, v]) => v === true)
    .map(([k]) => k);
}

function checkLoadable(wanted: readonly string[], known: readonly string[], path: string): void {
  const unknown = wanted.filter((p) => !known.includes(p));
  if (unknown.length > 0)
    throw invalidArgument(`${path}.load`, `The memory Excel cannot load: ${unknown.join(", ")}.`);
}

function throwError(error: Error): never {
  throw error;
}

function displayOf(row: RowData | undefined, c: number): CellValue | "" {
  return row?.values[c] ?? "";
}

function checkShape(grid: unknown[][], rect: Rect, location: string): void {
  if (
    !Array.isArray(grid) ||
    grid.length !== rect.rows ||
    grid.some((line) => !Array.isArray(line) || line.length !== rect.columns)
  )
    throw invalidArgument(
      location,
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range."
    );
}

function clearRect(
  journal: Journal,
  sheet: SheetModel,
  rect: Rect,
  contents: boolean,
  formats: boolean
): void {
  const whole =
    rect.row === 0 && rect.column === 0 && rect.rows >= MAX_ROWS && rect.columns >= MAX_COLUMNS;
  if (formats) {
    journal.meta(sheet);
    sheet.styles = whole ? [] : [...sheet.styles, { rect: { ...rect }, style: "reset" }];
    sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
  }
  if (whole && contents && formats) {
    journal.allRows(sheet);
    sheet.rows = [];
    return;
  }
  const last = Math.min(rect.row + rect.rows, sheet.rows.length);
  for (let r = rect.row; r < last; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    journal.row(sheet, r);
    const end = rect.column + rect.columns;
    for (
      let c = rect.column;
      c <
      Math.min(
        end,
        Math.max(row.values.length, row.formulas?.length ?? 0, row.formats?.length ?? 0)
      );
      c++
    ) {
      if (contents) {
        row.values[c] = null;
        if (row.formulas) row.formulas[c] = undefined;
      }
      if (formats && row.formats) row.formats[c] = undefined;
    }
  }
}

/** Throws Excel's AccessDenied when the sheet's protection forbids the change. */
function guard(target: RangeTarget, kind: EditKind, location: string): void {
  if (editBlocked(target.sheet, target.rect, kind)) throw protectedSheet(location);
}

/** Removes data validation from the cells of `rect`; rules partly outside keep their other cells. */
function removeValidation(journal: Journal, sheet: SheetModel, rect: Rect): void {
  if (!sheet.validations.some((v) => intersects(v.rect, rect))) return;
  journal.meta(sheet);
  sheet.validations = sheet.validations.flatMap((v) =>
    subtractRect(v.rect, rect).map((piece) => ({ ...structuredClone(v), rect: piece }))
  );
}

/**
 * A rule as the model keeps it: exactly one kind of criteria, a Range
 * operand replaced by its address, and the checks Excel makes when the rule
 * is set (an operator and its operands, a list source).
 */
function storedRule(rule: Excel.DataValidationRule, location: string): Excel.DataValidationRule {
  const kinds = Object.entries(rule).filter(([, v]) => v !== undefined && v !== null);
  if (kinds.length !== 1)
    throw invalidArgument(location, "A data validation rule holds exactly one kind of criteria.");
  const [kind, criteria] = kinds[0] as [string, Record<string, unknown>];
  const operand = (v: unknown) =>
    v instanceof MemoryRange ? `=${v.path.slice(v.path.lastIndexOf("!") + 1)}` : v;
  if (kind === "list") {
    const source = operand(criteria.source);
    if (typeof source !== "string" || source.trim() === "")
      throw invalidArgument(location, "A list rule needs a source.");
    return { list: { inCellDropDown: criteria.inCellDropDown !== false, source } };
  }
  if (kind === "custom") return { custom: { formula: String(criteria.formula) } };
  const operator = String(criteria.operator ?? "");
  const between = operator === "Between" || operator === "NotBetween";
  if (
    !operator ||
    criteria.formula1 === undefined ||
    (between && (criteria.formula2 === undefined || criteria.formula2 === null))
  )
    throw invalidArgument(location, `The ${kind} rule needs an operator and its operands.`);
  const basic = {
    operator,
    formula1: operand(criteria.formula1),
    ...(between ? { formula2: operand(criteria.formula2) } : {}),
  };
  return { [kind]: basic } as Excel.DataValidationRule;
}

/** The address part of a range proxy's path, for arguments that take a range or an address. */
function rangePath(range: Excel.Range): string {
  if (!(range instanceof MemoryRange))
    throw invalidArgument("range", "Not a range of this workbook.");
  return range.path.slice(range.path.lastIndexOf("!") + 1);
}

function validSheetName(name: string): boolean {
  return name.length >= 1 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !/^'|'$/.test(name);
}

/** Excel names start with a letter, "_" or "\", hold no spaces, and must not look like a cell reference. */
function validName(name: string): boolean {
  return (
    /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^[RrCc]$/.test(name) &&
    name.length <= 255
  );
}

function nextSheetName(model: BookModel): string {
  let n = model.sheets.length + 1;
  while (model.sheet(`Sheet${n}`)) n++;
  return `Sheet${n}`;
}
