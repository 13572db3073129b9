/**
 * Burn rate, as the CDC PPE Burn Rate Calculator computes it
 * (https://www.cdc.gov/niosh/ppe/ppe-burn-rate.html): the average daily use
 * over a look-back window, taken from the stock at both ends of the window
 * with the receipts in between added back, then the days the last stock lasts
 * at that rate and the day it runs out. A log too short for the window says so
 * and estimates nothing.
 *
 * 库存 is the stock at the end of the day; 当日入库 is what arrived that day
 * (already included in that day's 库存).
 */
import { chineseDate, type DateSerial } from "../dates";
import { issue, type CoreIssue, type Message, type Outcome } from "../issue";

export interface StockLogEntry {
  /** 1-based sheet row. */
  row: number;
  /** 日期, a whole serial day. */
  date: DateSerial;
  unit: string;
  item: string;
  /** 库存 at the end of the day. */
  stock: number;
  /** 当日入库; 0 when blank. */
  received: number;
}

export type BurnStatus = "ok" | "noUse" | "tooShort" | "inconsistent" | "noEntries";

export interface BurnRateOptions {
  /** 消耗统计回溯天数 (default 7 in the 参数 sheet). */
  windowDays: number;
  /** The report date: log entries after it are not used. */
  asOf: DateSerial;
}

export interface BurnRate {
  unit: string;
  item: string;
  status: BurnStatus;
  /** The latest entry used, and its stock. */
  lastDate: DateSerial | null;
  lastStock: number | null;
  /** The entry the window starts from, and the days between it and the last entry. */
  startDate: DateSerial | null;
  spanDays: number | null;
  /** Average daily consumption with receipts added back; null unless status is ok or noUse. */
  dailyUse: number | null;
  /** lastStock ÷ dailyUse; null unless status is ok. */
  daysRemaining: number | null;
  /** The day the stock runs out at that rate (last date + whole days remaining); null unless ok. */
  stockOutDate: DateSerial | null;
  /** What to show in the status column. */
  message: Message;
}

/**
 * Computes the burn rate of one unit's one item from its log entries (any
 * order; one entry per day — see {@link burnRates} for duplicates).
 *
 * @example
 * // 100 on day 1, 60 on day 8 with 10 received on day 5: (100 − 60 + 10) / 7 ≈ 7.14 a day
 * burnRate(entries, { windowDays: 7, asOf: 44581 })
 * //=> { status: "ok", dailyUse: 7.142857…, daysRemaining: 8.4, stockOutDate: 44589, ... }
 */
export function burnRate(entries: readonly StockLogEntry[], options: BurnRateOptions): BurnRate {
  const window = options.windowDays;
  const used = entries.filter((e) => e.date <= options.asOf).sort((a, b) => a.date - b.date);
  const unit = entries[0]?.unit ?? "";
  const item = entries[0]?.item ?? "";
  const empty = {
    unit,
    item,
    lastDate: null,
    lastStock: null,
    startDate: null,
    spanDays: null,
    dailyUse: null,
    daysRemaining: null,
    stockOutDate: null,
  };
  if (used.length === 0) {
    return {
      ...empty,
      status: "noEntries",
      message: {
        zh: `截至${chineseDate(options.asOf, false)}无库存日志，无法估算消耗`,
        en: `No stock log up to ${chineseDate(options.asOf, false)}; no burn rate`,
      },
    };
  }
  const last = used[used.length - 1];
  const asOfNote = last.date < options.asOf ? `（日志截至${chineseDate(last.date, false)}）` : "";
  const base = { ...empty, lastDate: last.date, lastStock: last.stock };
  let start: StockLogEntry | undefined;
  for (const e of used) if (e.date <= last.date - window) start = e;
  const covered = last.date - used[0].date;
  if (!start || window < 1) {
    return {
      ...base,
      status: "tooShort",
      message: {
        zh: `库存日志仅覆盖${covered}天，不足回溯天数${window}天，暂不估算消耗`,
        en: `The stock log covers ${covered} days, fewer than the ${window}-day look-back; no estimate yet`,
      },
    };
  }
  const spanDays = last.date - start.date;
  let received = 0;
  for (const e of used) if (e.date > start.date) received += e.received;
  const dailyUse = (start.stock - last.stock + received) / spanDays;
  const span = { ...base, startDate: start.date, spanDays };
  if (dailyUse < 0) {
    return {
      ...span,
      status: "inconsistent",
      message: {
        zh: `近${spanDays}天库存增加多于入库记录，请核对库存日志的库存和当日入库`,
        en: `Over the last ${spanDays} days stock rose by more than the receipts logged; check 库存 and 当日入库`,
      },
    };
  }
  if (dailyUse === 0) {
    return {
      ...span,
      dailyUse: 0,
      status: "noUse",
      message: {
        zh: `近${spanDays}天无消耗${asOfNote}`,
        en: `No use in the last ${spanDays} days`,
      },
    };
  }
  const daysRemaining = last.stock / dailyUse;
  const stockOutDate = last.date + Math.floor(daysRemaining);
  return {
    ...span,
    status: "ok",
    dailyUse,
    daysRemaining,
    stockOutDate,
    message: {
      zh: `按近${spanDays}天日均消耗，预计${chineseDate(stockOutDate, false)}耗尽${asOfNote}`,
      en: `At the last ${spanDays} days' average use, runs out on ${chineseDate(stockOutDate)}`,
    },
  };
}

/**
 * Groups a stock log by (单位, 物资名称) and computes each burn rate, in the
 * order the pairs first appear. A second entry for the same pair and day is
 * left out with a warning (the first one counts).
 *
 * @example
 * burnRates(log, { windowDays: 7, asOf: 44581 }).value.map((b) => b.status) //=> ["ok", "tooShort"]
 */
export function burnRates(
  entries: readonly StockLogEntry[],
  options: BurnRateOptions
): Outcome<BurnRate[]> {
  const issues: CoreIssue[] = [];
  const series = new Map<string, StockLogEntry[]>();
  const days = new Map<string, number>();
  for (const e of entries) {
    const key = `${e.unit}\u0000${e.item}`;
    const dayKey = `${key}\u0000${e.date}`;
    const first = days.get(dayKey);
    if (first !== undefined) {
      issues.push(
        issue(
          "duplicateLogDate",
          e.row,
          "date",
          {
            zh: `“${e.unit}”的“${e.item}”在${chineseDate(e.date)}已有第 ${first} 行记录，本行未计入，请删除或更正日期`,
            en: `${e.unit} / ${e.item} already has row ${first} for ${chineseDate(e.date)}; this row is not used. Delete it or fix the date`,
          },
          "warning",
          [{ row: first, field: "date" }]
        )
      );
      continue;
    }
    days.set(dayKey, e.row);
    const list = series.get(key);
    if (list) list.push(e);
    else series.set(key, [e]);
  }
  return { value: [...series.values()].map((s) => burnRate(s, options)), issues };
}
