/**
 * Ranges of the in-memory Excel: values, formulas and number formats, fill
 * down, and the range's format (fill, font, borders, width, protection).
 * Formats set on a range become style layers over its rectangle.
 */
import type { CellValue } from "../../workbook/cells";
import { MemoryConditionalFormatCollection } from "./conditionalFormatProxies";
import { MemoryDataValidation, removeValidation } from "./dataValidationProxies";
import { invalidArgument, propertyNotLoaded, responsePayloadTooLarge } from "./errors";
import {
  FakeObject,
  RangeProxy,
  Slot,
  checkLoadable,
  guard,
  loadList,
  nullStates,
  rangePath,
  type Fake,
  type LoadArgument,
  type RangeTarget,
  type ProxyContext,
} from "./fake";
import {
  Journal,
  MAX_COLUMNS,
  MAX_ROWS,
  SheetModel,
  intersects,
  parseAddress,
  readInput,
  readRect,
  rectAddress,
  setCell,
  shiftFormulaRows,
  styleAt,
  type CellStyle,
  type EditKind,
  type Rect,
  type RowData,
} from "./model";

/** Cells a single load may return before the response is too large. */
const RESPONSE_CELL_LIMIT = 5_000_000;

export class MemoryRange
  extends RangeProxy
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
  static readonly excelClass = "Range";

  private readonly loaded = {
    values: new Slot<unknown[][]>("values"),
    formulas: new Slot<unknown[][]>("formulas"),
    numberFormat: new Slot<unknown[][]>("numberFormat"),
    rowIndex: new Slot<number>("rowIndex"),
    columnIndex: new Slot<number>("columnIndex"),
  };

  constructor(
    ctx: ProxyContext,
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
  ctx: ProxyContext,
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
  static readonly excelClass = "RangeFormat";

  constructor(
    ctx: ProxyContext,
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
  static readonly excelClass = "RangeFill";

  constructor(
    ctx: ProxyContext,
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
  static readonly excelClass = "RangeFont";

  constructor(
    ctx: ProxyContext,
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
  static readonly excelClass = "RangeBorderCollection";

  constructor(
    ctx: ProxyContext,
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
  static readonly excelClass = "RangeBorder";

  constructor(
    ctx: ProxyContext,
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

/** `Range.format.protection`: only `locked` is modelled, as a style layer. */
class MemoryFormatProtection extends FakeObject implements Fake<Excel.FormatProtection, "locked"> {
  static readonly excelClass = "FormatProtection";

  constructor(
    ctx: ProxyContext,
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
