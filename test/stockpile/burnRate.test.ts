import { burnRate, burnRates, type StockLogEntry } from "../../src/core/stockpile/burnRate";
import { readStockLog } from "../../src/workbook/stockpile/stockLog";
import { sheetFromValues } from "../../src/workbook/snapshot";

const DAY = 44574; // 2022-01-13

function entry(overrides: Partial<StockLogEntry> = {}): StockLogEntry {
  return {
    row: 3,
    date: DAY,
    unit: "城关镇",
    item: "医用外科口罩",
    stock: 100,
    received: 0,
    ...overrides,
  };
}

/** Daily entries from DAY for the given stocks (and receipts). */
function series(stocks: number[], received: Record<number, number> = {}): StockLogEntry[] {
  return stocks.map((stock, i) =>
    entry({ row: 3 + i, date: DAY + i, stock, received: received[i] ?? 0 })
  );
}

const week = { windowDays: 7, asOf: DAY + 7 };

describe("burnRate", () => {
  it("averages the use over the window from the stock at both ends", () => {
    const r = burnRate(series([100, 95, 90, 85, 80, 75, 70, 65]), week);
    expect(r).toMatchObject({
      status: "ok",
      spanDays: 7,
      dailyUse: 5,
      lastStock: 65,
      daysRemaining: 13,
    });
  });

  it("adds back what was received inside the window", () => {
    // 100 → 60 over 7 days with 10 received on day 4: (100 − 60 + 10) / 7
    const r = burnRate(series([100, 95, 90, 85, 90, 80, 70, 60], { 4: 10 }), week);
    expect(r.dailyUse).toBeCloseTo(50 / 7, 12);
  });

  it("does not count a receipt on the window's first day, which is already in its stock", () => {
    const r = burnRate(series([100, 95, 90, 85, 80, 75, 70, 65], { 0: 40 }), week);
    expect(r.dailyUse).toBe(5);
  });

  it("projects the stock-out date as the last date plus the whole days remaining", () => {
    // 65 left at 5 a day: 13 days after the last entry
    const r = burnRate(series([100, 95, 90, 85, 80, 75, 70, 65]), week);
    expect(r.stockOutDate).toBe(DAY + 7 + 13);
    expect(r.message.zh).toBe("按近7天日均消耗，预计2月2日耗尽");
  });

  it("rounds a part day down: 66 left at 5 a day runs out 13 days on", () => {
    const r = burnRate(series([101, 96, 91, 86, 81, 76, 71, 66]), week);
    expect([r.daysRemaining, r.stockOutDate]).toEqual([13.2, DAY + 7 + 13]);
  });

  it("says the log is too short rather than guessing, when it covers fewer days than the window", () => {
    const r = burnRate(series([100, 90, 80, 70]), { windowDays: 7, asOf: DAY + 3 });
    expect(r).toMatchObject({
      status: "tooShort",
      dailyUse: null,
      stockOutDate: null,
      lastStock: 70,
    });
    expect(r.message.zh).toBe("库存日志仅覆盖3天，不足回溯天数7天，暂不估算消耗");
  });

  it("accepts a log exactly as long as the window", () => {
    expect(burnRate(series([80, 70, 60, 50, 40, 30, 20, 10]), week).status).toBe("ok");
  });

  it("starts from the latest entry on or before the window start when a day is missing", () => {
    const entries = series([100, 95, 90, 85, 80, 75, 70, 65]).filter((e) => e.date !== DAY + 1);
    const r = burnRate([entry({ row: 2, date: DAY - 1, stock: 200 }), ...entries], {
      windowDays: 7,
      asOf: DAY + 7,
    });
    expect([r.startDate, r.dailyUse]).toEqual([DAY, 5]);
  });

  it("spans more than the window when the entry at its start is missing", () => {
    const entries = [
      entry({ date: DAY - 2, stock: 150 }),
      entry({ date: DAY + 3, stock: 110 }),
      entry({ date: DAY + 7, stock: 60 }),
    ];
    const r = burnRate(entries, { windowDays: 7, asOf: DAY + 7 });
    expect([r.spanDays, r.dailyUse]).toEqual([9, 10]);
  });

  it("reports no use when the stock did not move", () => {
    const r = burnRate(series([50, 50, 50, 50, 50, 50, 50, 50]), week);
    expect(r).toMatchObject({
      status: "noUse",
      dailyUse: 0,
      daysRemaining: null,
      stockOutDate: null,
    });
  });

  it("flags a stock that rose by more than the receipts", () => {
    const r = burnRate(series([50, 50, 50, 50, 50, 50, 50, 80]), week);
    expect(r).toMatchObject({ status: "inconsistent", dailyUse: null });
  });

  it("runs out on the last date when the last stock is zero", () => {
    const r = burnRate(series([70, 60, 50, 40, 30, 20, 10, 0]), week);
    expect([r.daysRemaining, r.stockOutDate]).toEqual([0, DAY + 7]);
  });

  it("ignores entries after the report date", () => {
    const r = burnRate(series([100, 95, 90, 85, 80, 75, 70, 65, 0]), week);
    expect(r.lastStock).toBe(65);
  });

  it("says when the log ends before the report date", () => {
    const r = burnRate(series([100, 95, 90, 85, 80, 75, 70, 65]), { windowDays: 7, asOf: DAY + 9 });
    expect(r.message.zh).toBe("按近7天日均消耗，预计2月2日耗尽（日志截至1月20日）");
  });

  it("reports no entries when every entry is after the report date", () => {
    expect(burnRate(series([100]), { windowDays: 7, asOf: DAY - 1 }).status).toBe("noEntries");
  });

  it("uses a shorter window from the parameter", () => {
    const r = burnRate(series([100, 95, 90, 85, 80, 75, 60, 45]), { windowDays: 2, asOf: DAY + 7 });
    expect(r.dailyUse).toBe(15);
  });

  it("treats a window of zero days as too short", () => {
    expect(burnRate(series([100, 90]), { windowDays: 0, asOf: DAY + 1 }).status).toBe("tooShort");
  });
});

describe("burnRates", () => {
  it("computes each (unit, item) separately, in the order they first appear", () => {
    const log = [
      ...series([100, 95, 90, 85, 80, 75, 70, 65]),
      ...series([20, 10]).map((e) => ({ ...e, unit: "青石镇" })),
    ];
    expect(burnRates(log, week).value.map((r) => [r.unit, r.status])).toEqual([
      ["城关镇", "ok"],
      ["青石镇", "tooShort"],
    ]);
  });

  it("keeps the first entry of a day and warns about the second", () => {
    const log = [
      ...series([100, 95, 90, 85, 80, 75, 70, 65]),
      entry({ row: 20, date: DAY + 7, stock: 0 }),
    ];
    const { value, issues } = burnRates(log, week);
    expect(value[0].lastStock).toBe(65);
    expect(issues).toEqual([
      expect.objectContaining({
        code: "duplicateLogDate",
        row: 20,
        field: "date",
        severity: "warning",
      }),
    ]);
  });
});

describe("readStockLog", () => {
  it("reads 库存日志 under a title row and names a bad cell", () => {
    const sheet = sheetFromValues("库存日志", [
      ["库存日志"],
      ["日期", "单位", "物资名称", "库存", "当日入库"],
      ["2022-01-13", "城关镇", "医用外科口罩", 100, null],
      [DAY + 7, "城关镇", "医用外科口罩", 65, null],
      [DAY + 8, "城关镇", "医用外科口罩", -3, null],
    ]);
    const log = readStockLog(sheet, { windowDays: 7, asOf: DAY + 8 });
    expect(log.rates.map((r) => [r.status, r.dailyUse])).toEqual([["ok", 5]]);
    expect(log.issues.map((i) => `${i.sheet}!${i.cell}:${i.code}`)).toEqual([
      "库存日志!D5:belowMin",
    ]);
  });

  it("gives nothing for an absent sheet", () => {
    expect(readStockLog(undefined, week)).toEqual({ present: false, rates: [], issues: [] });
  });
});
