/**
 * Fixture builders for the stockpile tests: reserve rows with overrides, the
 * sheets as a clerk would hold them (title row 1, header row 2), and a
 * workbook snapshot of them.
 */
import { DEFAULT_CATALOGUE } from "../../src/core/stockpile/catalogue";
import type { CellValue } from "../../src/workbook/cells";
import type { CommandInput } from "../../src/workbook/command";
import { PARAMS, PARAMS_SHEET } from "../../src/workbook/params";
import { isFormulaCell, type WriteBlock, type WriteOp } from "../../src/workbook/plan";
import {
  sheetFromValues,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../../src/workbook/snapshot";

/** The input header in the order setup writes it: columns A to I. */
export const RESERVE_HEADER = [
  "单位",
  "单位类别",
  "物资名称",
  "计量单位",
  "保障人数",
  "每人每日用量",
  "储备标准",
  "现有库存",
  "在途数量",
];

/** Output columns J to R in the default layout. */
export const OUT = {
  standard: 10,
  days: 11,
  norm: 12,
  dailyNeed: 13,
  target: 14,
  gap: 15,
  daysOfCover: 16,
  rate: 17,
  status: 18,
} as const;

export interface RowFixture {
  unit: CellValue;
  category: CellValue;
  item: CellValue;
  measure: CellValue;
  persons: CellValue;
  norm: CellValue;
  standard: CellValue;
  stock: CellValue;
  inTransit: CellValue;
}

/** A valid township row: 50 persons, surgical masks, 2,400 in stock. */
export function makeRow(overrides: Partial<RowFixture> = {}): CellValue[] {
  const r: RowFixture = {
    unit: "城关镇",
    category: "乡镇",
    item: "医用外科口罩",
    measure: null,
    persons: 50,
    norm: null,
    standard: null,
    stock: 2400,
    inTransit: null,
    ...overrides,
  };
  return [
    r.unit,
    r.category,
    r.item,
    r.measure,
    r.persons,
    r.norm,
    r.standard,
    r.stock,
    r.inTransit,
  ];
}

/** 物资储备 with a title row, the header in row 2 and the given rows from row 3. */
export function reserveValues(
  rows: CellValue[][],
  header: string[] = RESERVE_HEADER
): CellValue[][] {
  return [["平安县物资储备情况表"], [...header], ...rows.map((r) => [...r])];
}

/** 物资目录 as setup writes it. */
export function catalogueValues(): CellValue[][] {
  return [
    ["物资目录"],
    ["物资名称", "计量单位", "类型", "日常每人每日用量", "战时每人每日用量", "说明"],
    ...DEFAULT_CATALOGUE.map((c) => [c.name, c.unit, c.kind, c.routine, c.wartime, c.note]),
  ];
}

/** 参数 as 初始化工作簿 writes it, with the defaults. */
export function paramsValues(overrides: Record<string, CellValue> = {}): CellValue[][] {
  return [
    ["防疫台账参数"],
    ["参数", "值", "单位", "说明", "默认值"],
    ...PARAMS.map((p) => [
      p.name,
      p.name in overrides ? overrides[p.name] : p.default,
      p.unit,
      p.note.zh,
      String(p.default),
    ]),
  ];
}

/** The defined names 初始化工作簿 creates for paramsValues(). */
export function paramNames(): Record<string, string> {
  return Object.fromEntries(PARAMS.map((p, i) => [p.name, `=${PARAMS_SHEET}!$B$${i + 3}`]));
}

/** A workbook holding 参数 (with names), 物资目录 and the given sheets. */
export function workbook(
  sheets: Record<string, CellValue[][]>,
  options: { bare?: boolean } = {}
): WorkbookSnapshot {
  const all: Record<string, CellValue[][]> = options.bare
    ? { ...sheets }
    : { [PARAMS_SHEET]: paramsValues(), 物资目录: catalogueValues(), ...sheets };
  const snapshots: Record<string, SheetSnapshot> = {};
  for (const [name, values] of Object.entries(all)) snapshots[name] = sheetFromValues(name, values);
  return {
    sheetNames: Object.keys(all),
    sheets: snapshots,
    names: options.bare ? {} : paramNames(),
  };
}

/** A workbook holding only a 物资储备 of these rows (plus 参数 and 物资目录). */
export function reserveWorkbook(rows: CellValue[][]): WorkbookSnapshot {
  return workbook({ 物资储备: reserveValues(rows) });
}

/** A command's input with these (already parsed) options. */
export function commandInput<Options = Record<string, unknown>>(
  snapshot: WorkbookSnapshot,
  options?: Options
): CommandInput<Options> {
  return { snapshot, today: 44581, now: 44581.4375, lang: "zh", options };
}

export function blocksOf(ops: readonly WriteOp[], sheet: string): WriteBlock[] {
  return ops.filter((o): o is WriteBlock => o.kind === "block" && o.sheet === sheet);
}

/** What the ops write into one cell (the last write wins), or undefined. */
export function writtenCell(ops: readonly WriteOp[], sheet: string, row: number, column: number) {
  let found: WriteBlock["cells"][number][number] | undefined;
  for (const b of blocksOf(ops, sheet)) {
    const cell = b.cells[row - b.row]?.[column - b.column];
    if (row >= b.row && column >= b.column && cell !== undefined) found = cell;
  }
  return found;
}

/** The value the engine computed for a written output cell. */
export function writtenValue(
  ops: readonly WriteOp[],
  sheet: string,
  row: number,
  column: number
): CellValue | undefined {
  const cell = writtenCell(ops, sheet, row, column);
  return isFormulaCell(cell) ? cell.value : cell;
}

/** The formula written into a cell, or undefined when the cell holds a plain value. */
export function writtenFormula(
  ops: readonly WriteOp[],
  sheet: string,
  row: number,
  column: number
): string | undefined {
  const cell = writtenCell(ops, sheet, row, column);
  return isFormulaCell(cell) ? cell.formula : undefined;
}
