/// <reference types="et-jsapi-declare" />
/**
 * A fake ET (WPS Spreadsheets' object model) in memory: the test bed of the
 * WPS host, as the memory Excel is the Office host's.
 *
 * - Each class implements `Fake<Et.X, "member" | …>` for exactly the members
 *   the host uses: the names and method parameters come from
 *   et-jsapi-declare, so a misspelled member does not compile.
 * - It throws as ET throws: `Worksheets.Item` of an absent sheet ("下标越界",
 *   DISP_E_BADINDEX), a change to a locked cell or a format on a protected
 *   sheet, any call while a cell is being edited (only `Ready` answers).
 * - It counts every member read, write and call (`stats`), so tests and the
 *   bench can state ET calls per command.
 * - `build: "method"` makes every property read a zero-argument method, as
 *   some WPS builds do; writes stay assignments.
 * - It does not calculate: a formula cell holds its formula and a cached
 *   value that `refreshFormulaValues` (the plan's engine values) sets.
 */
import type { CellValue } from "../../../workbook/cells";
import { isFormulaCell, type WriteOp } from "../../../workbook/plan";
import {
  MAX_COLUMNS,
  MAX_ROWS,
  SheetData,
  cellCount,
  overlaps,
  parseRect,
  typedInput,
  type ChartData,
  type Rect,
  type RuleData,
  type ValidationData,
} from "./sheetData";

/** The members of T a fake implements: ET's names and parameters; values and results are the fake's own. */
export type Fake<T, K extends keyof T> = {
  [P in K]: T[P] extends (...args: infer A) => unknown ? (...args: A) => unknown : unknown;
};

export interface FakeEtOptions {
  /** "method": property reads are zero-argument methods, as in some WPS builds. */
  build?: "property" | "method";
  /** false: a build whose DebugTools has no undo transaction. */
  undoTransactions?: boolean;
}

export interface FakeEtStats {
  /** Every member read, write and call. */
  calls: number;
  /** Calls per member, e.g. `Range.Formula` → 3. */
  members: Map<string, number>;
}

export interface InitialSheet {
  name: string;
  values: readonly (readonly CellValue[])[];
  /** Number format per column (0-based), applied to every row given, as a saved file carries it. */
  columnFormats?: readonly (string | null)[];
}

/** ET's Excel-compatible automatic calculation. */
export const CALCULATION_AUTOMATIC = -4105;

export class FakeEt {
  readonly stats: FakeEtStats = { calls: 0, members: new Map() };
  /** The fake as the host sees it: typed as ET's Application (it implements the members the host uses). */
  readonly application: Et.Application;
  readonly sheets: SheetData[] = [];
  readonly definedNames = new Map<string, { name: string; refersTo: string; comment?: string }>();
  screenUpdating = true;
  calculation = CALCULATION_AUTOMATIC;
  /** A cell is being edited: every call but `Ready` fails. */
  editing = false;
  active: SheetData | undefined;
  selection: { sheet: string; address: string } | undefined;
  /** Undo transactions ended, by label. */
  readonly undoGroups: string[] = [];
  undoOpen = false;
  readonly build: "property" | "method";
  readonly undoTransactions: boolean;
  /** Members this build refuses (ET throws a generic error), e.g. `Chart.SetSourceData`. */
  readonly refused = new Set<string>();

  constructor(sheets: readonly InitialSheet[] = [], options: FakeEtOptions = {}) {
    this.build = options.build ?? "property";
    this.undoTransactions = options.undoTransactions ?? true;
    for (const { name, values, columnFormats } of sheets) {
      const sheet = new SheetData(name);
      values.forEach((line, r) => {
        line.forEach((v, c) => {
          if (v !== null && v !== "") sheet.cellFor(r + 1, c + 1).value = v;
        });
        columnFormats?.forEach((f, c) => {
          if (f) sheet.cellFor(r + 1, c + 1).format = f;
        });
      });
      this.sheets.push(sheet);
    }
    this.active = this.sheets[0];
    this.application = new FakeApplication(this) as unknown as Et.Application;
  }

  // ---- for tests -------------------------------------------------------

  resetStats(): void {
    this.stats.calls = 0;
    this.stats.members.clear();
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** Display values from A1 to the last cell with a value or formula. */
  values(sheet: string): CellValue[][] {
    return this.grid(sheet, true, (cell) => cell?.value ?? null);
  }

  /** Formulas, or the constants of cells without one; same shape as `values`. */
  formulas(sheet: string): CellValue[][] {
    return this.grid(sheet, true, (cell) => cell?.formula ?? cell?.value ?? null);
  }

  /** Number formats from A1 to the last cell with content or a format ("General" where none is set). */
  numberFormats(sheet: string): string[][] {
    return this.grid(sheet, false, (cell) => cell?.format ?? "General");
  }

  names(): Record<string, string> {
    return Object.fromEntries([...this.definedNames.values()].map((n) => [n.name, n.refersTo]));
  }

  sheet(name: string): SheetData {
    const found = this.find(name);
    if (!found) throw new Error(`No sheet ${name}`);
    return found;
  }

  find(name: string): SheetData | undefined {
    const folded = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === folded);
  }

  /** The user protects a sheet (every cell locked unless unlocked before). */
  protectSheet(name: string): void {
    this.sheet(name).protected = true;
  }

  /** A user typing a block from `topLeft`, read as ET reads typing. */
  setValues(sheet: string, topLeft: string, grid: readonly (readonly unknown[])[]): void {
    const at = parseRect(topLeft);
    if (!at) throw new Error(`Not a cell: ${topLeft}`);
    const s = this.sheet(sheet);
    grid.forEach((line, i) =>
      line.forEach((input, j) => {
        const cell = s.cellFor(at.row + i, at.column + j);
        const typed = typedInput(input, cell.format === "@");
        cell.value = typed.value;
        cell.formula = typed.formula;
      })
    );
  }

  /**
   * The engine's values for the plan's formula cells (the fake cannot
   * calculate): a cell takes its value only if it holds exactly the plan's formula.
   */
  readonly refreshFormulaValues = (ops: readonly WriteOp[]): void => {
    for (const op of ops) {
      if (op.kind !== "block") continue;
      const s = this.find(op.sheet);
      if (!s) continue;
      op.cells.forEach((line, i) =>
        line.forEach((cell, j) => {
          if (!isFormulaCell(cell)) return;
          const target = s.cell(op.row + i, op.column + j);
          if (target?.formula === cell.formula) target.value = cell.value;
        })
      );
    }
  };

  // ---- for the fake's objects ------------------------------------------

  /** Counts one call of `member`; while a cell is edited only `Application.Ready` answers. */
  touch(member: string): void {
    if (this.editing && member !== "Application.Ready") throw busyError();
    this.stats.calls += 1;
    this.stats.members.set(member, (this.stats.members.get(member) ?? 0) + 1);
    if (this.refused.has(member)) throw etError("不支持此操作 Not supported", 0x80004001);
  }

  /** A property's value as this build gives it: the value, or a method returning it. */
  prop<T>(value: T): T {
    return (this.build === "method" ? () => value : value) as T;
  }

  item(key: unknown): SheetData {
    const sheet =
      typeof key === "number"
        ? this.sheets[key - 1]
        : typeof key === "string"
          ? this.find(key)
          : undefined;
    if (!sheet) throw missingError();
    return sheet;
  }

  private grid<T>(
    sheetName: string,
    valuesOnly: boolean,
    at: (cell: ReturnType<SheetData["cell"]>) => T
  ): T[][] {
    const s = this.sheet(sheetName);
    const rect = s.usedRect(valuesOnly);
    if (!rect) return [];
    const out: T[][] = [];
    for (let r = 1; r <= rect.lastRow; r++) {
      const line: T[] = [];
      for (let c = 1; c <= rect.lastColumn; c++) line.push(at(s.cell(r, c)));
      out.push(line);
    }
    return out;
  }
}

class FakeApplication implements Fake<
  Et.Application,
  | "ActiveWorkbook"
  | "ActiveSheet"
  | "ActiveWindow"
  | "ScreenUpdating"
  | "Calculation"
  | "Ready"
  | "DebugTools"
> {
  private readonly workbook: FakeWorkbook;
  private readonly window: FakeWindow;
  private readonly tools: FakeDebugTools;

  constructor(private readonly et: FakeEt) {
    this.workbook = new FakeWorkbook(et);
    this.window = new FakeWindow(et);
    this.tools = new FakeDebugTools(et);
  }

  get ActiveWorkbook() {
    this.et.touch("Application.ActiveWorkbook");
    return this.et.prop(this.workbook);
  }

  get ActiveSheet() {
    this.et.touch("Application.ActiveSheet");
    const active = this.et.active;
    return this.et.prop(active ? new FakeWorksheet(this.et, active) : null);
  }

  get ActiveWindow() {
    this.et.touch("Application.ActiveWindow");
    return this.et.prop(this.window);
  }

  get ScreenUpdating() {
    this.et.touch("Application.ScreenUpdating");
    return this.et.prop(this.et.screenUpdating);
  }

  set ScreenUpdating(value: unknown) {
    this.et.touch("Application.ScreenUpdating");
    this.et.screenUpdating = Boolean(value);
  }

  get Calculation() {
    this.et.touch("Application.Calculation");
    return this.et.prop(this.et.calculation);
  }

  set Calculation(value: unknown) {
    this.et.touch("Application.Calculation");
    this.et.calculation = Number(value);
  }

  get Ready() {
    this.et.touch("Application.Ready");
    return this.et.prop(!this.et.editing);
  }

  get DebugTools() {
    this.et.touch("Application.DebugTools");
    return this.et.prop(this.et.undoTransactions ? this.tools : undefined);
  }
}

class FakeDebugTools implements Fake<Et.DebugTools, "UndoTransBegin" | "UndoTransEnd"> {
  constructor(private readonly et: FakeEt) {}

  UndoTransBegin(): void {
    this.et.touch("DebugTools.UndoTransBegin");
    if (this.et.undoOpen) throw new Error("撤销事务不能嵌套 Undo transactions cannot be nested");
    this.et.undoOpen = true;
  }

  UndoTransEnd(_book: Et.Workbook, _cancelTrans: boolean, desc: string): void {
    this.et.touch("DebugTools.UndoTransEnd");
    this.et.undoOpen = false;
    this.et.undoGroups.push(desc);
  }
}

class FakeWindow implements Fake<
  Et.Window,
  "FreezePanes" | "SplitRow" | "SplitColumn" | "ScrollRow"
> {
  private split = { rows: 0, columns: 0 };
  private scroll = 1;

  constructor(private readonly et: FakeEt) {}

  get FreezePanes() {
    this.et.touch("Window.FreezePanes");
    const active = this.et.active;
    return this.et.prop(!!active && (active.frozen.rows > 0 || active.frozen.columns > 0));
  }

  set FreezePanes(value: unknown) {
    this.et.touch("Window.FreezePanes");
    const active = this.et.active;
    if (!active) return;
    // Panes freeze at the split, counted from the top row shown.
    active.frozen = value
      ? {
          rows: this.split.rows > 0 ? this.split.rows + this.scroll - 1 : 0,
          columns: this.split.columns,
        }
      : { rows: 0, columns: 0 };
  }

  get SplitRow() {
    this.et.touch("Window.SplitRow");
    return this.et.prop(this.split.rows);
  }

  set SplitRow(value: unknown) {
    this.et.touch("Window.SplitRow");
    this.split.rows = Number(value);
  }

  get SplitColumn() {
    this.et.touch("Window.SplitColumn");
    return this.et.prop(this.split.columns);
  }

  set SplitColumn(value: unknown) {
    this.et.touch("Window.SplitColumn");
    this.split.columns = Number(value);
  }

  get ScrollRow() {
    this.et.touch("Window.ScrollRow");
    return this.et.prop(this.scroll);
  }

  set ScrollRow(value: unknown) {
    this.et.touch("Window.ScrollRow");
    this.scroll = Number(value);
  }
}

class FakeWorkbook implements Fake<Et.Workbook, "Worksheets" | "Names"> {
  private readonly worksheets: FakeSheets;
  private readonly names: FakeNames;

  constructor(private readonly et: FakeEt) {
    this.worksheets = new FakeSheets(et);
    this.names = new FakeNames(et);
  }

  get Worksheets() {
    this.et.touch("Workbook.Worksheets");
    return this.et.prop(this.worksheets);
  }

  get Names() {
    this.et.touch("Workbook.Names");
    return this.et.prop(this.names);
  }
}

class FakeSheets implements Fake<Et.Sheets, "Count" | "Item" | "Add"> {
  constructor(private readonly et: FakeEt) {}

  get Count() {
    this.et.touch("Sheets.Count");
    return this.et.prop(this.et.sheets.length);
  }

  Item(index: unknown) {
    this.et.touch("Sheets.Item");
    return new FakeWorksheet(this.et, this.et.item(index));
  }

  /** Adds a sheet after `after` (or before `before`, or at the end), named SheetN, and shows it. */
  Add(before?: unknown, after?: unknown) {
    this.et.touch("Sheets.Add");
    let n = this.et.sheets.length + 1;
    while (this.et.find(`Sheet${n}`)) n++;
    const sheet = new SheetData(`Sheet${n}`);
    const anchor = (before ?? after) as FakeWorksheet | undefined;
    const at = anchor ? this.et.sheets.indexOf(anchor.data) : -1;
    if (at < 0) this.et.sheets.push(sheet);
    else this.et.sheets.splice(before ? at : at + 1, 0, sheet);
    this.et.active = sheet;
    return new FakeWorksheet(this.et, sheet);
  }
}

export class FakeWorksheet implements Fake<
  Et.Worksheet,
  | "Name"
  | "UsedRange"
  | "Range"
  | "Cells"
  | "Activate"
  | "ProtectContents"
  | "Protect"
  | "Unprotect"
  | "PageSetup"
  | "Tab"
  | "ChartObjects"
> {
  constructor(
    private readonly et: FakeEt,
    readonly data: SheetData
  ) {}

  get Name() {
    this.et.touch("Worksheet.Name");
    return this.et.prop(this.data.name);
  }

  set Name(value: unknown) {
    this.et.touch("Worksheet.Name");
    const name = String(value);
    const other = this.et.find(name);
    if (other && other !== this.data)
      throw etError(
        "工作表名称已被占用 That name is already taken. Try a different one.",
        0x800a03ec
      );
    this.data.name = name;
  }

  get UsedRange() {
    this.et.touch("Worksheet.UsedRange");
    const rect = this.data.usedRect(false) ?? { row: 1, column: 1, lastRow: 1, lastColumn: 1 };
    return this.et.prop(new FakeRange(this.et, this.data, rect));
  }

  Range(cell1: unknown) {
    this.et.touch("Worksheet.Range");
    const rect = typeof cell1 === "string" ? parseRect(cell1) : undefined;
    if (!rect)
      throw etError("Range 方法失败 Method 'Range' of object '_Worksheet' failed", 0x800a03ec);
    return new FakeRange(this.et, this.data, rect);
  }

  get Cells() {
    this.et.touch("Worksheet.Cells");
    return this.et.prop(
      new FakeRange(this.et, this.data, {
        row: 1,
        column: 1,
        lastRow: MAX_ROWS,
        lastColumn: MAX_COLUMNS,
      })
    );
  }

  Activate(): void {
    this.et.touch("Worksheet.Activate");
    this.et.active = this.data;
  }

  get ProtectContents() {
    this.et.touch("Worksheet.ProtectContents");
    return this.et.prop(this.data.protected);
  }

  Protect(): void {
    this.et.touch("Worksheet.Protect");
    this.data.protected = true;
  }

  Unprotect(): void {
    this.et.touch("Worksheet.Unprotect");
    this.data.protected = false;
  }

  get PageSetup() {
    this.et.touch("Worksheet.PageSetup");
    return this.et.prop(new FakePageSetup(this.et, this.data));
  }

  get Tab() {
    this.et.touch("Worksheet.Tab");
    return this.et.prop(new FakeTab(this.et, this.data));
  }

  /** The sheet's chart objects, or one of them by index or name. */
  ChartObjects(index?: string | number) {
    this.et.touch("Worksheet.ChartObjects");
    const all = new FakeChartObjects(this.et, this.data);
    return index === undefined ? all : all.find(index);
  }
}

class FakeRange implements Fake<
  Et.Range,
  | "Value2"
  | "Formula"
  | "NumberFormat"
  | "Row"
  | "Column"
  | "Left"
  | "Top"
  | "Interior"
  | "Font"
  | "Borders"
  | "WrapText"
  | "HorizontalAlignment"
  | "Merge"
  | "ColumnWidth"
  | "Locked"
  | "Clear"
  | "FormatConditions"
  | "Validation"
  | "Select"
> {
  constructor(
    private readonly et: FakeEt,
    readonly sheet: SheetData,
    readonly rect: Rect
  ) {}

  get Value2() {
    this.et.touch("Range.Value2");
    return this.et.prop(this.readCells((cell) => cell?.value ?? undefined));
  }

  set Value2(input: unknown) {
    this.et.touch("Range.Value2");
    this.writeCells(input);
  }

  /** ET gives every cell's formula as text: a constant as its text, an empty cell as "". */
  get Formula() {
    this.et.touch("Range.Formula");
    return this.et.prop(
      this.readCells(
        (cell) =>
          cell?.formula ??
          (cell?.value === null || cell === undefined ? "" : formulaOfConstant(cell.value))
      )
    );
  }

  set Formula(input: unknown) {
    this.et.touch("Range.Formula");
    this.writeCells(input);
  }

  /** The range's one number format, or null when its cells differ (as ET gives it). */
  get NumberFormat() {
    this.et.touch("Range.NumberFormat");
    let common: string | undefined;
    this.forEachCell((r, c) => {
      const f = this.sheet.cell(r, c)?.format ?? "General";
      common = common === undefined || common === f ? f : "\u0000";
    });
    return this.et.prop(common === "\u0000" ? null : (common ?? "General"));
  }

  /** A string for every cell, or a 2-D array of the range's shape. */
  set NumberFormat(input: unknown) {
    this.et.touch("Range.NumberFormat");
    this.guardFormat();
    if (Array.isArray(input)) {
      this.requireShape(input);
      input.forEach((line: unknown[], i) =>
        line.forEach((f, j) => this.setFormat(this.rect.row + i, this.rect.column + j, f))
      );
    } else {
      if (cellCount(this.rect) > 5_000_000)
        throw new Error("fake ET: format of a whole column is not modelled");
      this.forEachCell((r, c) => this.setFormat(r, c, input));
    }
  }

  get Row() {
    this.et.touch("Range.Row");
    return this.et.prop(this.rect.row);
  }

  get Column() {
    this.et.touch("Range.Column");
    return this.et.prop(this.rect.column);
  }

  /** Points from the sheet's left edge, at the default 48 pt column width. */
  get Left() {
    this.et.touch("Range.Left");
    return this.et.prop((this.rect.column - 1) * 48);
  }

  /** Points from the sheet's top, at the default 15 pt row height. */
  get Top() {
    this.et.touch("Range.Top");
    return this.et.prop((this.rect.row - 1) * 15);
  }

  get Interior() {
    this.et.touch("Range.Interior");
    return this.et.prop(new FakeStyle(this.et, this, "Interior", ["Color"]));
  }

  get Font() {
    this.et.touch("Range.Font");
    return this.et.prop(new FakeStyle(this.et, this, "Font", ["Color", "Bold", "Size"]));
  }

  get Borders() {
    this.et.touch("Range.Borders");
    return this.et.prop(new FakeStyle(this.et, this, "Borders", ["LineStyle", "Weight", "Color"]));
  }

  set WrapText(value: unknown) {
    this.et.touch("Range.WrapText");
    this.style("WrapText", value);
  }

  set HorizontalAlignment(value: unknown) {
    this.et.touch("Range.HorizontalAlignment");
    this.style("HorizontalAlignment", value);
  }

  Merge(): void {
    this.et.touch("Range.Merge");
    this.guardFormat();
    this.sheet.merges = this.sheet.merges.filter((m) => !overlaps(m, this.rect));
    this.sheet.merges.push({ ...this.rect });
  }

  set ColumnWidth(value: unknown) {
    this.et.touch("Range.ColumnWidth");
    if (this.sheet.protected) throw protectedError();
    for (let c = this.rect.column; c <= this.rect.lastColumn; c++)
      this.sheet.columnWidths.set(c, Number(value));
  }

  set Locked(value: unknown) {
    this.et.touch("Range.Locked");
    if (this.sheet.protected) throw protectedError();
    this.forEachCell((r, c) => {
      const cell = this.sheet.cellFor(r, c);
      if (value === false) cell.locked = false;
      else delete cell.locked;
    });
  }

  Clear(): void {
    this.et.touch("Range.Clear");
    if (this.sheet.protected) throw protectedError();
    this.sheet.clear(this.rect);
  }

  get FormatConditions() {
    this.et.touch("Range.FormatConditions");
    return this.et.prop(new FakeFormatConditions(this.et, this));
  }

  get Validation() {
    this.et.touch("Range.Validation");
    return this.et.prop(new FakeValidation(this.et, this));
  }

  Select(): void {
    this.et.touch("Range.Select");
    if (this.et.active !== this.sheet)
      throw etError("Range 类的 Select 方法无效 Select method of Range class failed", 0x800a03ec);
    this.et.selection = { sheet: this.sheet.name, address: rectText(this.rect) };
  }

  /** A formatting change: refused on a protected sheet, kept in order otherwise. */
  style(member: string, value: unknown): void {
    this.guardFormat();
    this.sheet.styles.push({ rect: { ...this.rect }, member, value });
  }

  guardFormat(): void {
    if (this.sheet.protected) throw protectedError();
  }

  private readCells(at: (cell: ReturnType<SheetData["cell"]>) => unknown): unknown {
    if (cellCount(this.rect) === 1) return at(this.sheet.cell(this.rect.row, this.rect.column));
    const out: unknown[][] = [];
    for (let r = this.rect.row; r <= this.rect.lastRow; r++) {
      const line: unknown[] = [];
      for (let c = this.rect.column; c <= this.rect.lastColumn; c++)
        line.push(at(this.sheet.cell(r, c)));
      out.push(line);
    }
    return out;
  }

  /** A 2-D array of the range's shape, or one value for every cell; nothing is written if a locked cell of a protected sheet is in the way. */
  private writeCells(input: unknown): void {
    const grid = Array.isArray(input) ? (input as unknown[][]) : undefined;
    if (grid) this.requireShape(grid);
    if (this.sheet.protected) {
      this.forEachCell((r, c) => {
        if (this.sheet.cell(r, c)?.locked !== false) throw protectedError();
      });
    }
    this.forEachCell((r, c) => {
      const v = grid ? grid[r - this.rect.row][c - this.rect.column] : input;
      const cell = this.sheet.cellFor(r, c);
      const typed = typedInput(v, cell.format === "@");
      cell.value = typed.value;
      if (typed.formula === undefined) delete cell.formula;
      else cell.formula = typed.formula;
    });
  }

  private setFormat(r: number, c: number, format: unknown): void {
    const cell = this.sheet.cellFor(r, c);
    const f = String(format);
    if (f === "General") delete cell.format;
    else cell.format = f;
  }

  private requireShape(grid: readonly unknown[]): void {
    const rows = this.rect.lastRow - this.rect.row + 1;
    const columns = this.rect.lastColumn - this.rect.column + 1;
    const fits =
      grid.length === rows && grid.every((line) => Array.isArray(line) && line.length === columns);
    if (!fits) throw etError("数组大小与区域不符 The array does not match the range", 0x800a03ec);
  }

  private forEachCell(visit: (row: number, column: number) => void): void {
    for (let r = this.rect.row; r <= this.rect.lastRow; r++)
      for (let c = this.rect.column; c <= this.rect.lastColumn; c++) visit(r, c);
  }
}

/** Interior, Font and Borders: setting a member is a formatting call on the range. */
class FakeStyle
  implements
    Fake<Et.Interior, "Color">,
    Fake<Et.Font, "Color" | "Bold" | "Size">,
    Fake<Et.Borders, "LineStyle" | "Weight" | "Color">
{
  constructor(
    private readonly et: FakeEt,
    private readonly range: FakeRange,
    private readonly kind: string,
    private readonly members: readonly string[]
  ) {}

  set Color(value: unknown) {
    this.set("Color", value);
  }

  set Bold(value: unknown) {
    this.set("Bold", value);
  }

  set Size(value: unknown) {
    this.set("Size", value);
  }

  set LineStyle(value: unknown) {
    this.set("LineStyle", value);
  }

  set Weight(value: unknown) {
    this.set("Weight", value);
  }

  private set(member: string, value: unknown): void {
    if (!this.members.includes(member))
      throw new TypeError(`fake ET: ${this.kind} has no member ${member}`);
    this.et.touch(`${this.kind}.${member}`);
    this.range.style(`${this.kind}.${member}`, value);
  }
}

class FakeFormatConditions implements Fake<Et.FormatConditions, "Count" | "Add" | "Delete"> {
  constructor(
    private readonly et: FakeEt,
    private readonly range: FakeRange
  ) {}

  get Count() {
    this.et.touch("FormatConditions.Count");
    return this.et.prop(
      this.range.sheet.rules.filter((r) => overlaps(r.rect, this.range.rect)).length
    );
  }

  Add(type: number, operator?: unknown, formula1?: unknown, formula2?: unknown) {
    this.et.touch("FormatConditions.Add");
    this.range.guardFormat();
    const rule: RuleData = { rect: { ...this.range.rect }, type };
    if (operator !== undefined) rule.operator = Number(operator);
    if (formula1 !== undefined) rule.formula1 = String(formula1);
    if (formula2 !== undefined) rule.formula2 = String(formula2);
    this.range.sheet.rules.push(rule);
    return new FakeFormatCondition(this.et, rule);
  }

  /** Removes the rules over the range's cells. */
  Delete(): void {
    this.et.touch("FormatConditions.Delete");
    this.range.guardFormat();
    this.range.sheet.rules = this.range.sheet.rules.filter(
      (r) => !overlaps(r.rect, this.range.rect)
    );
  }
}

class FakeFormatCondition implements Fake<Et.FormatCondition, "Interior" | "Font"> {
  constructor(
    private readonly et: FakeEt,
    private readonly rule: RuleData
  ) {}

  get Interior() {
    this.et.touch("FormatCondition.Interior");
    return this.et.prop(new FakeRuleColor(this.et, "Interior", (c) => (this.rule.fill = c)));
  }

  get Font() {
    this.et.touch("FormatCondition.Font");
    return this.et.prop(new FakeRuleColor(this.et, "Font", (c) => (this.rule.fontColor = c)));
  }
}

class FakeRuleColor implements Fake<Et.Interior, "Color"> {
  constructor(
    private readonly et: FakeEt,
    private readonly kind: string,
    private readonly onColor: (color: number) => void
  ) {}

  set Color(value: unknown) {
    this.et.touch(`FormatCondition.${this.kind}.Color`);
    this.onColor(Number(value));
  }
}

class FakeValidation implements Fake<
  Et.Validation,
  "Add" | "Delete" | "IgnoreBlank" | "InCellDropdown" | "ShowError" | "ErrorMessage"
> {
  constructor(
    private readonly et: FakeEt,
    private readonly range: FakeRange
  ) {}

  /** As ET: adding where the range already has a rule fails (Delete it first). */
  Add(
    type: number,
    alertStyle?: number,
    operator?: number,
    formula1?: string,
    formula2?: string
  ): void {
    this.et.touch("Validation.Add");
    this.range.guardFormat();
    if (this.current().length > 0)
      throw etError("Add 方法失败 Method 'Add' of object 'Validation' failed", 0x800a03ec);
    const rule: ValidationData = { rect: { ...this.range.rect }, type };
    if (alertStyle !== undefined) rule.alertStyle = alertStyle;
    if (operator !== undefined) rule.operator = operator;
    if (formula1 !== undefined) rule.formula1 = formula1;
    if (formula2 !== undefined) rule.formula2 = formula2;
    this.range.sheet.validations.push(rule);
  }

  Delete(): void {
    this.et.touch("Validation.Delete");
    this.range.guardFormat();
    this.range.sheet.validations = this.range.sheet.validations.filter(
      (v) => !overlaps(v.rect, this.range.rect)
    );
  }

  set IgnoreBlank(value: unknown) {
    this.set("IgnoreBlank", (v) => (v.ignoreBlank = Boolean(value)));
  }

  set InCellDropdown(value: unknown) {
    this.set("InCellDropdown", (v) => (v.inCellDropdown = Boolean(value)));
  }

  set ShowError(value: unknown) {
    this.set("ShowError", (v) => (v.showError = Boolean(value)));
  }

  set ErrorMessage(value: unknown) {
    this.set("ErrorMessage", (v) => (v.errorMessage = String(value)));
  }

  private current(): ValidationData[] {
    return this.range.sheet.validations.filter((v) => overlaps(v.rect, this.range.rect));
  }

  private set(member: string, change: (v: ValidationData) => void): void {
    this.et.touch(`Validation.${member}`);
    const rules = this.current();
    if (rules.length === 0)
      throw etError(
        "应用程序定义或对象定义错误 Application-defined or object-defined error",
        0x800a03ec
      );
    rules.forEach(change);
  }
}

class FakePageSetup implements Fake<
  Et.PageSetup,
  "Orientation" | "Zoom" | "FitToPagesWide" | "FitToPagesTall" | "PrintTitleRows" | "CenterHeader"
> {
  constructor(
    private readonly et: FakeEt,
    private readonly sheet: SheetData
  ) {}

  set Orientation(value: unknown) {
    this.et.touch("PageSetup.Orientation");
    this.sheet.pageSetup.orientation = Number(value);
  }

  set Zoom(value: unknown) {
    this.et.touch("PageSetup.Zoom");
    this.sheet.pageSetup.zoom = value as number | boolean;
  }

  set FitToPagesWide(value: unknown) {
    this.et.touch("PageSetup.FitToPagesWide");
    this.sheet.pageSetup.fitToPagesWide = value as number | boolean;
  }

  set FitToPagesTall(value: unknown) {
    this.et.touch("PageSetup.FitToPagesTall");
    this.sheet.pageSetup.fitToPagesTall = value as number | boolean;
  }

  set PrintTitleRows(value: unknown) {
    this.et.touch("PageSetup.PrintTitleRows");
    this.sheet.pageSetup.printTitleRows = String(value);
  }

  set CenterHeader(value: unknown) {
    this.et.touch("PageSetup.CenterHeader");
    this.sheet.pageSetup.centerHeader = String(value);
  }
}

class FakeTab implements Fake<Et.Tab, "Color"> {
  constructor(
    private readonly et: FakeEt,
    private readonly sheet: SheetData
  ) {}

  set Color(value: unknown) {
    this.et.touch("Tab.Color");
    this.sheet.tabColor = Number(value);
  }
}

class FakeChartObjects implements Fake<Et.ChartObjects, "Count" | "Item" | "Add"> {
  constructor(
    private readonly et: FakeEt,
    private readonly sheet: SheetData
  ) {}

  get Count() {
    this.et.touch("ChartObjects.Count");
    return this.et.prop(this.sheet.charts.length);
  }

  Item(index: string | number) {
    this.et.touch("ChartObjects.Item");
    return this.find(index);
  }

  find(index: string | number): FakeChartObject {
    const chart =
      typeof index === "number"
        ? this.sheet.charts[index - 1]
        : this.sheet.charts.find((c) => c.name === index);
    if (!chart) throw missingError();
    return new FakeChartObject(this.et, this.sheet, chart);
  }

  Add(left: number, top: number) {
    this.et.touch("ChartObjects.Add");
    if (this.sheet.protected) throw protectedError();
    const chart: ChartData = { name: `图表 ${this.sheet.charts.length + 1}`, left, top };
    this.sheet.charts.push(chart);
    return new FakeChartObject(this.et, this.sheet, chart);
  }
}

class FakeChartObject implements Fake<Et.ChartObject, "Name" | "Chart" | "Delete"> {
  constructor(
    private readonly et: FakeEt,
    private readonly sheet: SheetData,
    private readonly data: ChartData
  ) {}

  get Name() {
    this.et.touch("ChartObject.Name");
    return this.et.prop(this.data.name);
  }

  set Name(value: unknown) {
    this.et.touch("ChartObject.Name");
    this.data.name = String(value);
  }

  get Chart() {
    this.et.touch("ChartObject.Chart");
    return this.et.prop(new FakeChart(this.et, this.data));
  }

  Delete() {
    this.et.touch("ChartObject.Delete");
    if (this.sheet.protected) throw protectedError();
    this.sheet.charts = this.sheet.charts.filter((c) => c !== this.data);
    return true;
  }
}

class FakeChart implements Fake<
  Et.Chart,
  "SetSourceData" | "ChartType" | "HasTitle" | "ChartTitle"
> {
  constructor(
    private readonly et: FakeEt,
    private readonly data: ChartData
  ) {}

  SetSourceData(source: Et.Range, plotBy?: number): void {
    this.et.touch("Chart.SetSourceData");
    const range = source as unknown as FakeRange;
    this.data.source = `${range.sheet.name}!${rectText(range.rect)}`;
    if (plotBy !== undefined) this.data.plotBy = plotBy;
  }

  set ChartType(value: unknown) {
    this.et.touch("Chart.ChartType");
    this.data.chartType = Number(value);
  }

  set HasTitle(value: unknown) {
    this.et.touch("Chart.HasTitle");
    this.data.hasTitle = Boolean(value);
  }

  get ChartTitle() {
    this.et.touch("Chart.ChartTitle");
    const data = this.data;
    const et = this.et;
    const title: Fake<Et.ChartTitle, "Text"> = {
      set Text(value: unknown) {
        et.touch("ChartTitle.Text");
        data.title = String(value);
      },
    };
    return this.et.prop(title);
  }
}

class FakeNames implements Fake<Et.Names, "Count" | "Item" | "Add"> {
  constructor(private readonly et: FakeEt) {}

  get Count() {
    this.et.touch("Names.Count");
    return this.et.prop(this.et.definedNames.size);
  }

  Item(index?: string | number) {
    this.et.touch("Names.Item");
    const all = [...this.et.definedNames.values()];
    const found =
      typeof index === "number"
        ? all[index - 1]
        : all.find((n) => n.name.toLowerCase() === String(index).toLowerCase());
    if (!found) throw missingError();
    return new FakeName(this.et, found);
  }

  /** Adds a name, or redefines the one of that name (as ET does). */
  Add(name?: string | Et.Range, refersTo?: unknown) {
    this.et.touch("Names.Add");
    const text = String(name);
    const reference = String(refersTo);
    if (!reference.startsWith("="))
      throw etError("引用无效 The reference is not valid", 0x800a03ec);
    const entry = { name: text, refersTo: reference };
    this.et.definedNames.set(text.toLowerCase(), entry);
    return new FakeName(this.et, entry);
  }
}

class FakeName implements Fake<Et.Name, "Name" | "RefersTo" | "Comment"> {
  constructor(
    private readonly et: FakeEt,
    private readonly entry: { name: string; refersTo: string; comment?: string }
  ) {}

  get Name() {
    this.et.touch("Name.Name");
    return this.et.prop(this.entry.name);
  }

  get RefersTo() {
    this.et.touch("Name.RefersTo");
    return this.et.prop(this.entry.refersTo);
  }

  set Comment(value: unknown) {
    this.et.touch("Name.Comment");
    this.entry.comment = String(value);
  }
}

/** What Formula reads for a constant: its text as ET shows it. */
function formulaOfConstant(value: CellValue): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

function rectText(rect: Rect): string {
  const a = `${letters(rect.column)}${rect.row}`;
  return cellCount(rect) === 1 ? a : `${a}:${letters(rect.lastColumn)}${rect.lastRow}`;
}

function letters(column: number): string {
  let n = column;
  let out = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    out = String.fromCharCode(65 + m) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** An error as ET throws it: a message in the build's language (here both) and the COM number. */
export function etError(message: string, number: number): Error {
  return Object.assign(new Error(message), { number: number | 0 });
}

function missingError(): Error {
  return etError("下标越界 Subscript out of range", 0x8002000b);
}

function protectedError(): Error {
  return etError(
    "您试图更改的单元格或图表位于受保护的工作表中。The cell or chart you're trying to change is on a protected sheet.",
    0x800a03ec
  );
}

function busyError(): Error {
  return etError("应用程序正忙，调用被拒绝 Call was rejected by callee.", 0x800ac472);
}
