/**
 * The .xlsx host: the WorkbookHost of src/workbook/host.ts on an exceljs
 * Workbook held in memory, for the command line (`epi-ledger`) and tests. It
 * only moves 2-D arrays in and out; every figure comes from the same commands
 * the add-in runs.
 *
 * What a file cannot hold is said, not hidden: exceljs writes no charts, so a
 * chart op is skipped and recorded in `notes()` for the CLI to print.
 */
/* eslint-disable office-addins/load-object-before-read, office-addins/call-sync-before-read --
   exceljs cells are plain objects, not Office.js proxies: there is nothing to load or sync. */
import type ExcelJS from "exceljs";
import type { Message } from "../../core/issue";
import { assertNever } from "../../workbook/assertNever";
import { cellAddress, parseRangeAddress, quoteSheet } from "../../workbook/a1";
import type { CellValue, Grid } from "../../workbook/cells";
import { HostError, type HostIO, type WorkbookHost, type WriteReport } from "../../workbook/host";
import {
  isFormulaCell,
  type CellWrite,
  type ConditionalFormat,
  type ConditionalRule,
  type PageSetup,
  type StyleRange,
  type WriteBlock,
  type WriteOp,
} from "../../workbook/plan";
import type { SheetSnapshot, WorkbookSnapshot } from "../../workbook/snapshot";
import { needsTextFormat } from "../../workbook/textFormat";
import { cellFormula, formulaResult, plainValue } from "./cellValues";
import {
  checkCellPosition,
  dataRegion,
  gridRegion,
  strayNote,
  type PlacedCell,
} from "./dataRegion";
import { applyValidation, protectSheet } from "./validationProtect";

/**
 * Points → exceljs column width. Office.js gives widths in points; a file
 * stores them in characters of the default font (Calibri 11, 7 px per digit
 * plus 5 px padding, 96 px = 72 pt). So width = (points × 4/3 − 5) ÷ 7; the
 * default 48 pt column is 8.43 characters.
 */
export function columnWidthFromPoints(points: number): number {
  return Math.max(0, Math.round(((points * 4) / 3 - 5) * (100 / 7)) / 100);
}

/** A sheet too big to hold as exceljs cells, served from plain arrays (see largeWorkbook.ts). */
export interface BulkSheet {
  name: string;
  values: Grid;
  formulas: Grid;
  /** Cells written by commands into the bulk sheet, by 1-based row then column. */
  edits: Map<number, Map<number, BulkEdit>>;
  /** Set by a clearSheet op: the save writes only the edits, none of the input's rows. */
  cleared?: boolean;
}

export interface BulkEdit {
  cell: CellWrite;
  numberFormat?: string;
}

export interface XlsxHostOptions {
  /** Sheets held as plain arrays instead of in the exceljs workbook, by name. */
  bulkSheets?: ReadonlyMap<string, BulkSheet>;
}

export interface XlsxHost extends WorkbookHost {
  readonly kind: "xlsx";
  readonly workbook: ExcelJS.Workbook;
  /** What the file could not receive (charts), one message per skipped item. */
  notes(): Message[];
}

/**
 * Creates the .xlsx host over an exceljs Workbook. Writes change the workbook
 * in memory; save it with saveXlsx (files.ts).
 *
 * @example
 * const host = createXlsxHost(await loadXlsx("台账.xlsx"));
 * await executeCommand(host, initWorkbook, { today: 44581, now: 44581.5, lang: "zh" });
 * host.notes() //=> [] (no chart was asked for)
 */
export function createXlsxHost(
  workbook: ExcelJS.Workbook,
  options: XlsxHostOptions = {}
): XlsxHost {
  const notes: Message[] = [];
  const charts = new Set<string>();
  const bulk = options.bulkSheets ?? new Map<string, BulkSheet>();
  const strayNotes = new Map<string, Message>();
  const onStrays = (sheet: string, strays: readonly PlacedCell[]) => {
    const note = strayNote(sheet, strays);
    if (note && !strayNotes.has(sheet)) {
      strayNotes.set(sheet, note);
      notes.push(note);
    }
  };
  const io: HostIO = {
    read: async (sheets) => readSnapshot(workbook, bulk, sheets, onStrays),
    write: async (ops, onProgress) => {
      let cells = 0;
      let done = 0;
      unprotectBeforeWrite(workbook, bulk, ops);
      for (const op of ops) {
        try {
          cells += await applyOp(workbook, bulk, op, (chart) => {
            if (charts.has(chart.key)) return;
            charts.add(chart.key);
            notes.push(chart.note);
          });
        } catch (e) {
          throw asHostError(e, op, done);
        }
        done += 1;
        onProgress?.(done, ops.length);
      }
      const report: WriteReport = { syncs: 0, cells, maxRequestBytes: 0, totalBytes: 0 };
      return report;
    },
    syncCount: () => 0,
    refreshFormulaValues: (ops) => refreshFormulaResults(workbook, bulk, ops),
  };
  return {
    kind: "xlsx",
    workbook,
    transaction: (work) => work(io),
    notes: () => [...notes],
  };
}

/**
 * Reads a snapshot of the named sheets (those that exist), the tab order and the
 * defined names, as an Office host would give them.
 */
export function readSnapshot(
  workbook: ExcelJS.Workbook,
  bulk: ReadonlyMap<string, BulkSheet>,
  names: readonly string[],
  onStrays?: (sheet: string, strays: readonly PlacedCell[]) => void
): WorkbookSnapshot {
  const sheetNames = workbook.worksheets.map((ws) => ws.name);
  const sheets: Record<string, SheetSnapshot> = {};
  for (const wanted of names) {
    const big = findBulk(bulk, wanted);
    if (big) {
      sheets[wanted] = bulkSnapshot(big, onStrays);
      continue;
    }
    const ws = findSheet(workbook, wanted);
    if (ws) sheets[wanted] = sheetSnapshot(ws, onStrays);
  }
  return { sheetNames, sheets, names: definedNames(workbook) };
}

/**
 * A worksheet's values and formulas anchored at A1, up to the end of its data
 * (dataRegion.ts): cells far past it are left out and passed to `onStrays`.
 */
export function sheetSnapshot(
  ws: ExcelJS.Worksheet,
  onStrays?: (sheet: string, strays: readonly PlacedCell[]) => void
): SheetSnapshot {
  const cells: { row: number; column: number; value: CellValue; formula: CellValue }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // Office shows a merged area's value in its top-left cell only.
      if (cell.type === MERGE_TYPE) return;
      const formula = cellFormula(cell);
      const value = formula === undefined ? plainValue(cell.value) : formulaResult(cell);
      if (value === null && formula === undefined) return;
      checkCellPosition(ws.name, r, c);
      cells.push({
        row: r,
        column: c,
        value,
        formula: formula === undefined ? value : `=${formula}`,
      });
    });
  });
  const region = dataRegion(ws.name, cells);
  if (region.strays.length > 0) onStrays?.(ws.name, region.strays);
  const values: Grid = [];
  const formulas: Grid = [];
  for (let r = 0; r < region.rows; r++) {
    values.push(new Array<CellValue>(region.columns).fill(null));
    formulas.push(new Array<CellValue>(region.columns).fill(null));
  }
  for (const cell of cells) {
    if (cell.row > region.rows || cell.column > region.columns) continue;
    values[cell.row - 1][cell.column - 1] = cell.value;
    formulas[cell.row - 1][cell.column - 1] = cell.formula;
  }
  return { name: ws.name, values, formulas };
}

/**
 * The workbook's defined names as Office reports them: `=参数!$B$3` (quotes
 * only where a sheet name needs them).
 */
export function definedNames(workbook: ExcelJS.Workbook): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { name, ranges } of workbook.definedNames.model) {
    if (ranges.length === 0) continue;
    out[name] = `=${ranges.map(unquoteReference).join(",")}`;
  }
  return out;
}

/** The worksheet of that name (Excel compares sheet names without case), or undefined. */
export function findSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const folded = name.toLowerCase();
  return workbook.worksheets.find((ws) => ws.name.toLowerCase() === folded);
}

/** exceljs' ValueType.Merge: a cell covered by a merge, other than its top-left cell. */
const MERGE_TYPE = 1;

interface ChartNote {
  key: string;
  note: Message;
}

/**
 * A sheet the plan protects may be protected already (a template made
 * before): it is unprotected before anything is written, as the Office host
 * does, so the plan rewrites it and its `protect` op sets the protection anew.
 */
function unprotectBeforeWrite(
  workbook: ExcelJS.Workbook,
  bulk: ReadonlyMap<string, BulkSheet>,
  ops: readonly WriteOp[]
): void {
  for (const op of ops) {
    if (op.kind !== "protect" || findBulk(bulk, op.sheet)) continue;
    findSheet(workbook, op.sheet)?.unprotect();
  }
}

async function applyOp(
  workbook: ExcelJS.Workbook,
  bulk: ReadonlyMap<string, BulkSheet>,
  op: WriteOp,
  onChart: (chart: ChartNote) => void
): Promise<number> {
  if (op.kind === "defineName") {
    defineName(workbook, op.name, op.sheet, op.cell);
    return 0;
  }
  if (op.kind === "chart") {
    onChart({
      key: `${op.sheet}\u0000${op.name}`,
      note: {
        zh: `图表“${op.title}”（${op.sheet}）未写入文件：图表只能在 Excel 中由加载项生成`,
        en: `Chart "${op.title}" (${op.sheet}) was not written: charts are written only in Excel by the add-in`,
      },
    });
    return 0;
  }
  if (op.kind === "ensureSheet") {
    const ws = findSheet(workbook, op.sheet) ?? workbook.addWorksheet(op.sheet);
    if (op.tabColor) ws.properties.tabColor = { argb: argb(op.tabColor) };
    return 0;
  }
  const big = findBulk(bulk, op.sheet);
  if (big) return applyBulkOp(big, op, requireSheet(workbook, op.sheet));
  const ws = requireSheet(workbook, op.sheet);
  switch (op.kind) {
    case "clearSheet":
      clearSheet(ws);
      return 0;
    case "block":
      return writeBlock(ws, op);
    case "style":
      applyStyle(ws, op);
      return 0;
    case "columnWidths":
      for (const { column, width } of op.widths) {
        ws.getColumn(column).width = columnWidthFromPoints(width);
      }
      return 0;
    case "freeze":
      ws.views = [
        op.rows > 0 || (op.columns ?? 0) > 0
          ? { state: "frozen", xSplit: op.columns ?? 0, ySplit: op.rows }
          : { state: "normal" },
      ];
      return 0;
    case "conditionalFormat":
      addConditionalFormat(ws, op);
      return 0;
    case "pageSetup":
      applyPageSetup(ws, op);
      return 0;
    case "validation":
      applyValidation(ws, op);
      return 0;
    case "protect":
      await protectSheet(ws, op);
      return 0;
    default:
      return assertNever(op);
  }
}

/** Cell writes to a bulk sheet go to its arrays and edits; everything else to its stub. */
async function applyBulkOp(big: BulkSheet, op: WriteOp, stub: ExcelJS.Worksheet): Promise<number> {
  if (op.kind === "block") {
    let cells = 0;
    op.cells.forEach((line, i) =>
      line.forEach((cell, j) => {
        const row = op.row + i;
        const column = op.column + j;
        const edits = big.edits.get(row) ?? new Map<number, BulkEdit>();
        big.edits.set(row, edits);
        const numberFormat =
          (typeof cell === "string" && needsTextFormat(cell) ? "@" : numberFormatAt(op, i, j)) ??
          undefined;
        edits.set(column, numberFormat === undefined ? { cell } : { cell, numberFormat });
        setGrid(big, row, column, cell);
        cells += 1;
      })
    );
    return cells;
  }
  if (op.kind === "clearSheet") {
    big.values.length = 0;
    big.formulas.length = 0;
    big.edits.clear();
    big.cleared = true;
    clearSheet(stub);
    return 0;
  }
  // Only fill-in templates are protected, never a ledger; a sheet this big cannot be one.
  if (op.kind === "protect") {
    throw new HostError("unsupported", {
      zh: `工作表“${big.name}”过大，无法设置工作表保护；请拆分后再运行`,
      en: `Sheet ${big.name} is too large to be protected; split it and run again`,
    });
  }
  // Widths, freeze panes, page set-up and conditional formats live in the sheet's
  // stub, which keeps everything of the sheet but its cells.
  if (op.kind === "columnWidths" || op.kind === "freeze" || op.kind === "pageSetup") {
    const workbook = stub.workbook;
    return applyOp(workbook, new Map(), op, () => undefined);
  }
  if (op.kind === "conditionalFormat") addConditionalFormat(stub, op);
  // Validations live in the stub too; the save copies them to the streamed sheet.
  if (op.kind === "validation") applyValidation(stub, op);
  // Styles go to the stub's cells and are laid over the streamed rows on save.
  if (op.kind === "style") applyStyle(stub, op);
  return 0;
}

function setGrid(big: BulkSheet, row: number, column: number, cell: CellWrite): void {
  const value = isFormulaCell(cell) ? cell.value : cell;
  const formula = isFormulaCell(cell) ? cell.formula : cell;
  while (big.values.length < row) big.values.push([]);
  while (big.formulas.length < row) big.formulas.push(big.values[big.formulas.length]);
  const values = big.values[row - 1];
  // Rows without formulas share one array between values and formulas (memory); split on write.
  if (big.formulas[row - 1] === values) big.formulas[row - 1] = [...values];
  const formulas = big.formulas[row - 1];
  while (values.length < column) values.push(null);
  while (formulas.length < column) formulas.push(null);
  values[column - 1] = value;
  formulas[column - 1] = formula;
}

/** A streamed sheet's arrays, cut to its data as sheetSnapshot cuts (rows are jagged: no grid to size). */
function bulkSnapshot(
  big: BulkSheet,
  onStrays?: (sheet: string, strays: readonly PlacedCell[]) => void
): SheetSnapshot {
  const region = gridRegion(big.name, big.values);
  if (region.strays.length === 0) {
    return { name: big.name, values: big.values, formulas: big.formulas };
  }
  onStrays?.(big.name, region.strays);
  const cut = (grid: Grid) =>
    grid
      .slice(0, region.rows)
      .map((line) => (line.length > region.columns ? line.slice(0, region.columns) : line));
  return { name: big.name, values: cut(big.values), formulas: cut(big.formulas) };
}

function findBulk(bulk: ReadonlyMap<string, BulkSheet>, name: string): BulkSheet | undefined {
  const folded = name.toLowerCase();
  for (const [key, sheet] of bulk) if (key.toLowerCase() === folded) return sheet;
  return undefined;
}

function requireSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = findSheet(workbook, name);
  if (ws) return ws;
  throw new HostError("missingSheet", {
    zh: `找不到工作表“${name}”`,
    en: `Sheet ${name} was not found`,
  });
}

function writeBlock(ws: ExcelJS.Worksheet, op: WriteBlock): number {
  let cells = 0;
  op.cells.forEach((line, i) => {
    const row = ws.getRow(op.row + i);
    line.forEach((cell, j) => {
      const target = row.getCell(op.column + j);
      if (target.type === MERGE_TYPE) {
        // A write into a merged area's hidden cell would land in its top-left cell.
        if (isEmptyWrite(cell)) return;
        ws.unMergeCells(target.address);
      }
      target.value = excelValue(cell);
      const format =
        typeof cell === "string" && needsTextFormat(cell) ? "@" : numberFormatAt(op, i, j);
      if (format !== null && format !== undefined) target.numFmt = format;
      cells += 1;
    });
  });
  return cells;
}

/**
 * Gives every formula cell of the plan that holds exactly the plan's formula
 * the engine's value as its cached result, so a file written after a
 * parameter edit shows the new figures even where no formula changed.
 * Streamed (bulk) sheets are left as written.
 */
function refreshFormulaResults(
  workbook: ExcelJS.Workbook,
  bulk: ReadonlyMap<string, BulkSheet>,
  ops: readonly WriteOp[]
): void {
  for (const op of ops) {
    if (op.kind !== "block" || bulk.has(op.sheet)) continue;
    const sheet = workbook.getWorksheet(op.sheet);
    if (!sheet) continue;
    op.cells.forEach((line, i) =>
      line.forEach((cell, j) => {
        if (!isFormulaCell(cell)) return;
        const target = sheet.getCell(op.row + i, op.column + j);
        const current = target.value as ExcelJS.CellFormulaValue | null;
        if (
          current &&
          typeof current === "object" &&
          "formula" in current &&
          `=${current.formula}` === cell.formula
        ) {
          target.value = excelValue(cell);
        }
      })
    );
  }
}

/**
 * The exceljs value for a cell write. A formula keeps the engine's value as
 * its cached result, so the file shows figures before any recalculation. A
 * plain string is always text, even when it begins with `=`, `+`, `-` or `@`:
 * exceljs writes strings as text, never as formulas (formula-injection defence).
 */
function excelValue(cell: CellWrite): ExcelJS.CellValue {
  if (isFormulaCell(cell)) {
    const formula = cell.formula.replace(/^=/, "");
    const result = cell.value === null ? "" : cell.value;
    return { formula, result } as ExcelJS.CellFormulaValue;
  }
  if (typeof cell === "number") return Number.isFinite(cell) ? cell + 0 : null;
  if (cell === "") return null;
  return cell;
}

function isEmptyWrite(cell: CellWrite): boolean {
  return cell === null || cell === "";
}

function numberFormatAt(op: WriteBlock, i: number, j: number): string | null | undefined {
  const nf = op.numberFormats;
  if (nf === undefined) return undefined;
  if (Array.isArray(nf)) return nf[i]?.[j];
  return nf.byColumn[j];
}

/**
 * Removes every value, format, merge and conditional format of the sheet, as
 * Office's `Range.clear()` does. Column widths, freeze panes and page set-up
 * stay. exceljs has no "clear sheet", so rows are emptied one cell at a time.
 */
function clearSheet(ws: ExcelJS.Worksheet): void {
  for (const range of mergedRanges(ws)) ws.unMergeCells(range);
  // With no filter, exceljs removes every conditional format of the sheet.
  ws.removeConditionalFormatting(undefined);
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.value = null;
      cell.style = {};
    });
  });
}

function applyStyle(ws: ExcelJS.Worksheet, op: StyleRange): void {
  const range = parseRangeAddress(op.range);
  if (!range) throw new Error(`Bad range in style op: ${op.range}`);
  for (let r = range.row; r <= range.lastRow; r++) {
    const row = ws.getRow(r);
    for (let c = range.column; c <= range.lastColumn; c++) {
      const cell = row.getCell(c);
      // Styles read from a file share their font/fill objects between cells: always copy.
      const style: Partial<ExcelJS.Style> = { ...cell.style };
      if (op.fill) style.fill = solidFill(op.fill);
      if (op.fontColor !== undefined || op.bold !== undefined || op.fontSize !== undefined) {
        const font: Partial<ExcelJS.Font> = { ...(cell.style.font ?? {}) };
        if (op.fontColor) font.color = { argb: argb(op.fontColor) };
        if (op.bold !== undefined) font.bold = op.bold;
        if (op.fontSize !== undefined) font.size = op.fontSize;
        style.font = font;
      }
      if (op.wrap !== undefined || op.horizontalAlignment) {
        const alignment: Partial<ExcelJS.Alignment> = { ...(cell.style.alignment ?? {}) };
        if (op.wrap !== undefined) alignment.wrapText = op.wrap;
        if (op.horizontalAlignment) {
          alignment.horizontal =
            op.horizontalAlignment.toLowerCase() as ExcelJS.Alignment["horizontal"];
        }
        style.alignment = alignment;
      }
      if (op.border) {
        const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFBFBFBF" } };
        style.border = { top: thin, left: thin, bottom: thin, right: thin };
      }
      cell.style = style;
    }
  }
  if (op.merge && (range.lastRow > range.row || range.lastColumn > range.column)) {
    mergeRange(ws, op.range, range);
  }
}

function mergeRange(
  ws: ExcelJS.Worksheet,
  address: string,
  range: { row: number; column: number; lastRow: number; lastColumn: number }
): void {
  const normalized = `${cellAddress(range.row, range.column)}:${cellAddress(range.lastRow, range.lastColumn)}`;
  for (const existing of mergedRanges(ws)) {
    const other = parseRangeAddress(existing);
    if (!other) continue;
    if (existing === normalized) return;
    const overlaps =
      other.row <= range.lastRow &&
      other.lastRow >= range.row &&
      other.column <= range.lastColumn &&
      other.lastColumn >= range.column;
    if (overlaps) ws.unMergeCells(existing);
  }
  ws.mergeCells(address.replace(/\$/g, ""));
}

/**
 * The merged ranges of a sheet, e.g. `A1:N1`. Read from exceljs' merge table:
 * `ws.model.merges` would build the model of every row of the sheet.
 */
function mergedRanges(ws: ExcelJS.Worksheet): string[] {
  const merges = (ws as unknown as { _merges: Record<string, { tl: string; br: string }> })._merges;
  return Object.values(merges).map((m) => `${m.tl}:${m.br}`);
}

function addConditionalFormat(ws: ExcelJS.Worksheet, op: ConditionalFormat): void {
  ws.addConditionalFormatting({
    ref: op.range.replace(/\$/g, ""),
    rules: op.rules.map((rule, i) => conditionalRule(rule, i + 1)),
  });
}

function conditionalRule(
  rule: ConditionalRule,
  priority: number
): ExcelJS.ConditionalFormattingRule {
  const style: Partial<ExcelJS.Style> = {
    fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(rule.fill) } },
  };
  if (rule.fontColor) style.font = { color: { argb: argb(rule.fontColor) } };
  if (rule.type === "textEquals") {
    return {
      type: "cellIs",
      operator: "equal",
      formulae: [`"${rule.text.replace(/"/g, '""')}"`],
      priority,
      style,
    };
  }
  const operator = {
    GreaterThanOrEqual: "greaterThanOrEqual",
    LessThan: "lessThan",
    Between: "between",
  }[rule.operator];
  const formulae = [rule.formula1, rule.formula2]
    .filter((f): f is string => f !== undefined)
    .map((f) => f.replace(/^=/, ""));
  // exceljs' types list four operators; the file format (and exceljs' writer) takes all of them.
  return {
    type: "cellIs",
    operator: operator as ExcelJS.CellIsOperators,
    formulae,
    priority,
    style,
  };
}

function applyPageSetup(ws: ExcelJS.Worksheet, op: PageSetup): void {
  ws.pageSetup.orientation = op.orientation === "Landscape" ? "landscape" : "portrait";
  if (op.fitToWidth) {
    ws.pageSetup.fitToPage = true;
    ws.pageSetup.fitToWidth = 1;
    ws.pageSetup.fitToHeight = 0;
  }
  if (op.printTitleRows) ws.pageSetup.printTitlesRow = op.printTitleRows.replace(/\$/g, "");
  if (op.centerHeader) ws.headerFooter.oddHeader = `&C${op.centerHeader.replace(/&/g, "&&")}`;
}

/** Replaces a workbook-scoped name: exceljs adds cells to an existing name, so it is removed first. */
function defineName(workbook: ExcelJS.Workbook, name: string, sheet: string, cell: string): void {
  const at = cell.replace(/\$/g, "").replace(/^([A-Za-z]+)(\d+)$/, "$$$1$$$2");
  const model = workbook.definedNames.model.filter((n) => n.name !== name);
  model.push({ name, ranges: [`${quoteAlways(sheet)}!${at}`] });
  workbook.definedNames.model = model;
}

function quoteAlways(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** `'参数'!$B$3` → `参数!$B$3`, keeping quotes where a sheet name needs them. */
function unquoteReference(reference: string): string {
  const m = /^'((?:[^']|'')*)'!(.*)$/.exec(reference);
  if (!m) return reference;
  return `${quoteSheet(m[1].replace(/''/g, "'"))}!${m[2]}`;
}

function solidFill(color: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: argb(color) } };
}

/** `#DDEBF7` → `FFDDEBF7`. */
function argb(color: string): string {
  const hex = color.replace(/^#/, "").toUpperCase();
  return hex.length === 6 ? `FF${hex}` : hex;
}

function asHostError(e: unknown, op: WriteOp, written: number): HostError {
  if (e instanceof HostError) {
    return new HostError(e.kind, e.userMessage, written, e.cause);
  }
  const detail = e instanceof Error ? e.message : String(e);
  return new HostError(
    "unknown",
    {
      zh: `写入工作表“${op.sheet}”时出错（${op.kind}）：${detail}`,
      en: `Writing to sheet ${op.sheet} failed (${op.kind}): ${detail}`,
    },
    written,
    e
  );
}
