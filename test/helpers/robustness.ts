/**
 * Shared by the robustness suites (test/robustness): the sample workbook on
 * the memory and .xlsx hosts, the run options of each command, a returned
 * template for 导入填报, and the whole-workbook state with cell-by-cell
 * comparison.
 */
import ExcelJS from "exceljs";
import { DEFAULT_CATALOGUE } from "../../src/core/stockpile/catalogue";
import { MemoryWorkbook } from "../../src/hosts/memory/memoryExcel";
import { createMemoryHost, type MemoryHostOptions } from "../../src/hosts/memory/memoryHost";
import { createXlsxHost, definedNames, sheetSnapshot } from "../../src/hosts/xlsx/xlsxHost";
import { cellAddress } from "../../src/workbook/a1";
import { isBlank, type CellValue, type Grid } from "../../src/workbook/cells";
import type { Command } from "../../src/workbook/command";
import { executeCommand, type ExecuteOptions } from "../../src/workbook/execute";
import { detectHeader } from "../../src/workbook/headers";
import type { WorkbookHost } from "../../src/workbook/host";
import { BEDS_TABLE, RETURNEES_TABLE } from "../../src/workbook/isolation/specs";
import { PARAMS_TABLE } from "../../src/workbook/params";
import type { WriteOp } from "../../src/workbook/plan";
import { RECORDS_SPEC, ROSTER_SPEC } from "../../src/workbook/reporting/specs";
import { SAMPLE_REPORT_DATE } from "../../src/workbook/sample/county";
import { sampleWorkbookSheets } from "../../src/workbook/sample/workbook";
import type { TableSpec } from "../../src/workbook/schema";
import type { ReturnedFile } from "../../src/workbook/stockpile/import";
import { applyOps } from "../../src/workbook/applyOps";
import {
  CATALOGUE_TABLE,
  STOCKPILE_TABLE,
  STOCK_LOG_TABLE,
} from "../../src/workbook/stockpile/specs";
import { buildTemplate, renderTemplateOps } from "../../src/workbook/stockpile/template";
import { PROGRESS_TABLE } from "../../src/workbook/vaccination/spec";

/** The clerk's clock for every run: the sample report date, 17:00. */
export const RUN: ExecuteOptions = {
  today: SAMPLE_REPORT_DATE,
  now: SAMPLE_REPORT_DATE + 17 / 24,
  lang: "zh",
};

/** Every table people type into, by sheet. */
export const INPUT_TABLES: readonly TableSpec[] = [
  PARAMS_TABLE,
  CATALOGUE_TABLE,
  STOCKPILE_TABLE,
  STOCK_LOG_TABLE,
  BEDS_TABLE,
  RETURNEES_TABLE,
  PROGRESS_TABLE,
  ROSTER_SPEC,
  RECORDS_SPEC,
];

/** The unit whose template 导入填报 imports in the host suites. */
export const IMPORTED_UNIT = "城关镇";

export interface ReturnRow {
  item: CellValue;
  category?: CellValue;
  persons?: CellValue;
  stock?: CellValue;
  inTransit?: CellValue;
  measure?: CellValue;
  note?: CellValue;
  unit?: CellValue;
}

/**
 * A returned template as the add-in generates it (the same sheet 生成填报模板
 * writes), with the department's figures typed into its blank rows.
 */
export function returnedTemplate(
  rows: readonly ReturnRow[],
  options: { unit?: string; category?: string; fileName?: string } = {}
): ReturnedFile {
  const unit = options.unit ?? IMPORTED_UNIT;
  const layout = buildTemplate(unit, options.category ?? "乡镇", [], DEFAULT_CATALOGUE, {
    extraRows: rows.length + 2,
  });
  const sheet = applyOps({ sheetNames: [], sheets: {}, names: {} }, renderTemplateOps(layout))
    .sheets[layout.sheetName];
  const values = sheet.values.map((r) => [...r]);
  rows.forEach((r, i) => {
    const line = values[layout.headerRow + i];
    if (r.unit !== undefined) line[0] = r.unit;
    if (r.category !== undefined) line[1] = r.category;
    line[2] = r.item;
    if (r.measure !== undefined) line[3] = r.measure;
    line[4] = r.persons ?? null;
    line[5] = r.stock ?? null;
    line[6] = r.inTransit ?? null;
    line[7] = r.note ?? null;
  });
  return {
    fileName: options.fileName ?? `${unit}.xlsx`,
    sheets: [{ name: layout.sheetName, values }],
  };
}

/** 城关镇 returns two items with new figures (its other sample items are removed). */
export function sampleReturn(): ReturnedFile {
  return returnedTemplate([
    { item: "医用外科口罩", persons: 50, stock: 3000 },
    { item: "速干手消毒剂", persons: 50, stock: 20 },
  ]);
}

/**
 * The options each command runs with in the host suites: 导入填报 gets a
 * confirmed return, 生成填报模板 two units; the others need none.
 */
export function optionsFor(command: Command): ExecuteOptions {
  if (command.id === "importReturns")
    return { ...RUN, options: { returns: [sampleReturn()], confirm: true } };
  if (command.id === "generateTemplates")
    return { ...RUN, options: { units: [IMPORTED_UNIT, "县卫生健康局"] } };
  return RUN;
}

/** The sample county on the memory host. */
export function sampleMemoryBook(options: MemoryHostOptions = {}): {
  book: MemoryWorkbook;
  host: WorkbookHost;
} {
  const book = new MemoryWorkbook(sampleWorkbookSheets());
  return { book, host: createMemoryHost(book, options) };
}

/** The sample county as an exceljs workbook (what opening the saved sample gives). */
export function sampleXlsxBook(): { workbook: ExcelJS.Workbook; host: WorkbookHost } {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sampleWorkbookSheets()) {
    const ws = workbook.addWorksheet(sheet.name);
    sheet.values.forEach((line, r) =>
      line.forEach((v, c) => {
        if (v !== null) ws.getCell(r + 1, c + 1).value = v;
      })
    );
  }
  return { workbook, host: createXlsxHost(workbook) };
}

/** Runs a command and fails the test with the host's message when the host refuses. */
export async function runOk(host: WorkbookHost, command: Command, options = optionsFor(command)) {
  const outcome = await executeCommand(host, command, options);
  if (!outcome.ok)
    throw new Error(`${command.id} failed on ${host.kind}: ${outcome.error.message.en}`);
  return outcome;
}

/** Everything of a workbook the suites compare. */
export interface BookState {
  sheetNames: string[];
  names: Record<string, string>;
  sheets: Record<string, { values: Grid; formulas: Grid }>;
  /** Conditional-format rules and charts per sheet. */
  rules: Record<string, number>;
  charts: Record<string, number>;
}

export function memoryState(book: MemoryWorkbook): BookState {
  const state: BookState = {
    sheetNames: book.sheetNames(),
    names: book.names(),
    sheets: {},
    rules: {},
    charts: {},
  };
  for (const name of state.sheetNames) {
    state.sheets[name] = { values: book.values(name), formulas: book.formulas(name) };
    state.rules[name] = book.conditionalFormats(name).length;
    state.charts[name] = book.charts(name).length;
  }
  return state;
}

export function xlsxState(workbook: ExcelJS.Workbook): BookState {
  const state: BookState = {
    sheetNames: workbook.worksheets.map((w) => w.name),
    names: definedNames(workbook),
    sheets: {},
    rules: {},
    charts: {},
  };
  for (const ws of workbook.worksheets) {
    const snap = sheetSnapshot(ws);
    state.sheets[ws.name] = { values: snap.values, formulas: snap.formulas };
    const formattings = (ws as unknown as { conditionalFormattings?: { rules: unknown[] }[] })
      .conditionalFormattings;
    state.rules[ws.name] = (formattings ?? []).reduce((n, c) => n + c.rules.length, 0);
    state.charts[ws.name] = 0;
  }
  return state;
}

/** Cell-by-cell differences of values and formulas, as `sheet!A1 formula: a ≠ b`, plus sheets and names. */
export function stateDifferences(a: BookState, b: BookState): string[] {
  const out: string[] = [];
  if (a.sheetNames.join("|") !== b.sheetNames.join("|"))
    out.push(`sheets: ${a.sheetNames.join(",")} ≠ ${b.sheetNames.join(",")}`);
  if (JSON.stringify(sortKeys(a.names)) !== JSON.stringify(sortKeys(b.names)))
    out.push(`names: ${JSON.stringify(a.names)} ≠ ${JSON.stringify(b.names)}`);
  for (const name of new Set([...a.sheetNames, ...b.sheetNames])) {
    const x = a.sheets[name];
    const y = b.sheets[name];
    if (!x || !y) continue;
    out.push(...gridDifferences(`${name}`, "value", x.values, y.values));
    out.push(...gridDifferences(`${name}`, "formula", x.formulas, y.formulas));
    if ((a.rules[name] ?? 0) !== (b.rules[name] ?? 0))
      out.push(`${name} conditional-format rules: ${a.rules[name]} ≠ ${b.rules[name]}`);
    if ((a.charts[name] ?? 0) !== (b.charts[name] ?? 0))
      out.push(`${name} charts: ${a.charts[name]} ≠ ${b.charts[name]}`);
  }
  return out;
}

export function gridDifferences(sheet: string, what: string, a: Grid, b: Grid): string[] {
  const out: string[] = [];
  const rows = Math.max(a.length, b.length);
  for (let r = 0; r < rows; r++) {
    const cols = Math.max(a[r]?.length ?? 0, b[r]?.length ?? 0);
    for (let c = 0; c < cols; c++) {
      const x = blankToNull(a[r]?.[c]);
      const y = blankToNull(b[r]?.[c]);
      if (!sameCell(x, y))
        out.push(
          `${sheet}!${cellAddress(r + 1, c + 1)} ${what}: ${JSON.stringify(x)} ≠ ${JSON.stringify(y)}`
        );
    }
  }
  return out;
}

/**
 * The cells a command must never change, keyed `sheet!A1`, with their formula
 * (or constant): every cell of every sheet except the leader sheets the
 * command rewrites (`leaderSheets`) and the output columns of input tables
 * (found from the header of `after`, where the outputs have their headers).
 * `skipRow` leaves out rows a command is asked to replace (导入填报's unit).
 */
export function protectedCells(
  before: BookState,
  after: BookState,
  leaderSheets: ReadonlySet<string>,
  skipRow: (sheet: string, row: readonly CellValue[]) => boolean = () => false
): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  for (const name of before.sheetNames) {
    if (leaderSheets.has(name)) continue;
    const grid = before.sheets[name].formulas;
    const spec = INPUT_TABLES.find((t) => t.sheet === name || t.en === name);
    const outputs = new Set<number>();
    if (spec) {
      const header = detectHeader(spec, after.sheets[name]?.values ?? []);
      for (const c of spec.columns)
        if (c.role === "output" && header?.columns.has(c.key))
          outputs.add(header.columns.get(c.key) as number);
    }
    const width = Math.max(0, ...grid.map((r) => r.length));
    grid.forEach((line, r) => {
      if (skipRow(name, before.sheets[name].values[r] ?? [])) return;
      for (let c = 0; c < width; c++) {
        if (outputs.has(c + 1)) continue;
        out.set(`${name}!${cellAddress(r + 1, c + 1)}`, blankToNull(line[c]));
      }
    });
  }
  return out;
}

/** The keys of `cells` whose content differs in `state`, as `sheet!A1: old → new`. */
export function changedCells(cells: ReadonlyMap<string, CellValue>, state: BookState): string[] {
  const out: string[] = [];
  for (const [key, old] of cells) {
    const [sheet, address] = splitKey(key);
    const m = /^([A-Z]+)(\d+)$/.exec(address) as RegExpExecArray;
    const column = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const now = blankToNull(state.sheets[sheet]?.formulas[Number(m[2]) - 1]?.[column - 1]);
    if (!sameCell(old, now)) out.push(`${key}: ${JSON.stringify(old)} → ${JSON.stringify(now)}`);
  }
  return out;
}

/** The sheets a command rewrites whole for leaders: those its plan clears. */
export function clearedSheets(ops: readonly WriteOp[]): Set<string> {
  return new Set(ops.filter((o) => o.kind === "clearSheet").map((o) => o.sheet));
}

function splitKey(key: string): [string, string] {
  const at = key.lastIndexOf("!");
  return [key.slice(0, at), key.slice(at + 1)];
}

function blankToNull(v: CellValue | undefined): CellValue {
  return v === undefined || isBlank(v) ? null : v;
}

function sameCell(x: CellValue, y: CellValue): boolean {
  return typeof x === "number" && typeof y === "number"
    ? x === y || Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(x))
    : x === y;
}

function sortKeys(o: Record<string, string>): [string, string][] {
  return Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
