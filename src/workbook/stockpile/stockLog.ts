/**
 * Reading the optional 库存日志 and computing each unit's burn rate of each item.
 */
import { burnRates, type BurnRate, type StockLogEntry } from "../../core/stockpile/burnRate";
import type { DateSerial } from "../../core/dates";
import { toCellIssue, type CellIssue } from "../issues";
import { parseTable } from "../parse";
import type { SheetSnapshot } from "../snapshot";
import { STOCK_LOG_SHEET, STOCK_LOG_TABLE } from "./specs";

export interface StockLogRead {
  /** Present when the sheet exists with a header. */
  present: boolean;
  rates: BurnRate[];
  issues: CellIssue[];
}

export interface StockLogOptions {
  /** 消耗统计回溯天数. */
  windowDays: number;
  /** Report date: later entries are not used. */
  asOf: DateSerial;
}

/**
 * Reads 库存日志 and computes the burn rates; an absent sheet gives none.
 *
 * @example
 * readStockLog(undefined, { windowDays: 7, asOf: 44581 }) //=> { present: false, rates: [], issues: [] }
 */
export function readStockLog(
  sheet: SheetSnapshot | undefined,
  options: StockLogOptions
): StockLogRead {
  if (!sheet) return { present: false, rates: [], issues: [] };
  const parsed = parseTable(STOCK_LOG_TABLE, sheet.values, {
    sheet: STOCK_LOG_SHEET,
    formulas: sheet.formulas,
  });
  if (!parsed.header) return { present: false, rates: [], issues: parsed.issues };
  const entries: StockLogEntry[] = [];
  for (const row of parsed.rows) {
    if (!row.ok) continue;
    const v = row.values;
    entries.push({
      row: row.row,
      date: v.date as number,
      unit: v.unit as string,
      item: v.item as string,
      stock: v.stock as number,
      received: typeof v.received === "number" ? v.received : 0,
    });
  }
  const { value, issues } = burnRates(entries, options);
  return {
    present: true,
    rates: value,
    issues: [
      ...parsed.issues,
      ...issues.map((i) => toCellIssue(i, STOCK_LOG_SHEET, parsed.header?.columns ?? new Map())),
    ],
  };
}
