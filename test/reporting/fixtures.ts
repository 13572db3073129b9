/**
 * Fixture builders for the daily-reporting tests. Each takes overrides, so a
 * test states only the one thing it varies.
 */
import { serialFromYmd } from "../../src/core/dates";
import type { ReportingUnit, ReportRecord } from "../../src/core/reporting/dailyReportingStatus";
import type { CellValue, Grid } from "../../src/workbook/cells";
import { displayValue, formulaText, type WriteOp } from "../../src/workbook/plan";
import { sheetFromValues, type WorkbookSnapshot } from "../../src/workbook/snapshot";

/** 2022-11-22, the day of the example summary. */
export const DAY = serialFromYmd(2022, 11, 22);
export const TEN = 10 / 24;
export const SECOND = 1 / 86400;

/** hh:mm on a day, as a serial. */
export function at(day: number, hours: number, minutes = 0, seconds = 0): number {
  return day + (hours * 3600 + minutes * 60 + seconds) / 86400;
}

export function makeUnit(overrides: Partial<ReportingUnit> = {}): ReportingUnit {
  return {
    row: 3,
    name: "城关镇",
    category: "乡镇",
    parent: "平安县",
    contact: "王丽",
    phone: "13912345678",
    daily: true,
    startDate: null,
    ...overrides,
  };
}

export function makeRecord(overrides: Partial<ReportRecord> = {}): ReportRecord {
  return {
    row: 3,
    date: DAY,
    unit: "城关镇",
    receivedAt: at(DAY, 9, 0),
    kind: "正常",
    note: null,
    ...overrides,
  };
}

export const ROSTER_HEADER = ["单位", "单位类别", "上级", "联系人", "联系电话", "是否需每日报送"];
export const RECORDS_HEADER = ["日期", "单位", "报送时间", "报告类型", "备注"];

export interface RosterLine {
  unit: CellValue;
  category: CellValue;
  parent: CellValue;
  contact: CellValue;
  phone: CellValue;
  daily: CellValue;
}

export function rosterLine(overrides: Partial<RosterLine> = {}): CellValue[] {
  const l: RosterLine = {
    unit: "城关镇",
    category: "乡镇",
    parent: "平安县",
    contact: "王丽",
    phone: "13912345678",
    daily: "是",
    ...overrides,
  };
  return [l.unit, l.category, l.parent, l.contact, l.phone, l.daily];
}

export interface RecordLine {
  date: CellValue;
  unit: CellValue;
  time: CellValue;
  type: CellValue;
  note: CellValue;
}

export function recordLine(overrides: Partial<RecordLine> = {}): CellValue[] {
  const l: RecordLine = {
    date: DAY,
    unit: "城关镇",
    time: at(DAY, 9),
    type: "正常",
    note: null,
    ...overrides,
  };
  return [l.date, l.unit, l.time, l.type, l.note];
}

/** A sheet grid with a title row, the header in row 2 and the lines from row 3. */
export function sheetGrid(title: string, header: CellValue[], lines: CellValue[][]): Grid {
  return [[title], header, ...lines];
}

/** A snapshot holding the given sheets (by name → grid). */
export function snapshotOf(sheets: Record<string, Grid>): WorkbookSnapshot {
  return {
    sheetNames: Object.keys(sheets),
    sheets: Object.fromEntries(
      Object.entries(sheets).map(([name, grid]) => [name, sheetFromValues(name, grid)])
    ),
    names: {},
  };
}

/**
 * Applies write ops to a snapshot the way a host would for values and
 * formulas (formats, styles and charts are not modelled), to test re-runs.
 */
export function applyOps(snapshot: WorkbookSnapshot, ops: readonly WriteOp[]): WorkbookSnapshot {
  const next: WorkbookSnapshot = {
    sheetNames: [...snapshot.sheetNames],
    sheets: Object.fromEntries(
      Object.entries(snapshot.sheets).map(([k, s]) => [
        k,
        {
          name: s.name,
          values: s.values.map((r) => [...r]),
          formulas: s.formulas.map((r) => [...r]),
        },
      ])
    ),
    names: { ...snapshot.names },
  };
  for (const op of ops) {
    if (op.kind === "ensureSheet" && !next.sheets[op.sheet]) {
      next.sheetNames.push(op.sheet);
      next.sheets[op.sheet] = { name: op.sheet, values: [], formulas: [] };
    }
    if (op.kind === "clearSheet")
      next.sheets[op.sheet] = { name: op.sheet, values: [], formulas: [] };
    if (op.kind === "block") {
      const sheet = next.sheets[op.sheet];
      op.cells.forEach((line, i) =>
        line.forEach((cell, j) => {
          const r = op.row - 1 + i;
          const c = op.column - 1 + j;
          for (const grid of [sheet.values, sheet.formulas]) while (grid.length <= r) grid.push([]);
          sheet.values[r][c] = displayValue(cell);
          sheet.formulas[r][c] = formulaText(cell);
        })
      );
    }
  }
  return next;
}
