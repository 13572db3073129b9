/**
 * The stockpile commands on the in-memory Excel, through the Office host:
 * 计算物资储备's formulas, values and formats, 物资汇总's page set-up and
 * chart, the sync budget for 10 and 10,000 rows, quiet re-runs, an output
 * typed over; 生成填报模板's protected sheets; 导入填报 keeping text as text.
 */
import { MemoryWorkbook } from "../../src/hosts/memory/memoryExcel";
import { createMemoryHost } from "../../src/hosts/memory/memoryHost";
import type { CellValue } from "../../src/workbook/cells";
import type { Command } from "../../src/workbook/command";
import { executeCommand, type ExecuteOutcome } from "../../src/workbook/execute";
import { HISTORY_SHEET } from "../../src/workbook/history";
import { initWorkbook } from "../../src/workbook/init/initWorkbook";
import { sampleWorkbookSheets } from "../../src/workbook/sample/workbook";
import { computeStockpile } from "../../src/workbook/stockpile/computeStockpile";
import { generateTemplates } from "../../src/workbook/stockpile/generateTemplates";
import {
  importReturns,
  type ImportData,
  type ReturnedFile,
} from "../../src/workbook/stockpile/import";
import { SUMMARY_CHART_NAME } from "../../src/workbook/stockpile/summarySheet";
import {
  BAD_FILL,
  GOOD_FILL,
  OUTPUT_HEADER_FILL,
  OUTPUT_HEADER_FONT,
  WARN_FILL,
} from "../../src/workbook/styles";
import { makeRow, OUT, reserveValues } from "./fixtures";
import { expectPrintSetUp, hasExcelApi1_9 } from "../hosts/excelApi";

jest.setTimeout(60_000);

/** 2022-01-20, 10:30. */
const RUN = { today: 44581, now: 44581.4375, lang: "zh" as const };

/** Three rows whose outputs are worked out by hand from the norms (see each test). */
const THREE_ROWS = [
  // 50 persons × 2 masks × 30 days = 3,000; 2,400 in stock.
  makeRow({ unit: "城关镇", item: "医用外科口罩", persons: 50, stock: 2400 }),
  // Wartime: 100 persons × 1 gown × 60 days = 6,000; 6,000 in stock.
  makeRow({
    unit: "县应急物资储备库",
    category: "县应急物资储备库",
    item: "医用防护服",
    persons: 100,
    stock: 6000,
  }),
  // Durable: ROUNDUP(50 × 0.05) = 3 thermometers; 1 in stock.
  makeRow({ unit: "城关镇", item: "红外体温计", persons: 50, stock: 1 }),
];

/** A memory workbook holding 物资储备 with these rows, after 初始化工作簿. */
async function ledger(
  rows: CellValue[][]
): Promise<{ book: MemoryWorkbook; host: ReturnType<typeof createMemoryHost> }> {
  const book = new MemoryWorkbook([{ name: "物资储备", values: reserveValues(rows) }]);
  const host = createMemoryHost(book);
  await ok(executeCommand(host, initWorkbook, RUN));
  book.resetStats();
  return { book, host };
}

async function ok(
  outcome: Promise<ExecuteOutcome>
): Promise<Extract<ExecuteOutcome, { ok: true }>> {
  const done = await outcome;
  if (!done.ok) throw new Error(done.error.message.en);
  return done;
}

function run(
  host: ReturnType<typeof createMemoryHost>,
  command: Command,
  options?: Record<string, unknown>
) {
  return ok(executeCommand(host, command, { ...RUN, options }));
}

/** The cells of one row of a sheet from column `from` to `to` (1-based, inclusive). */
function rowCells(grid: CellValue[][], row: number, from: number, to: number): CellValue[] {
  return (grid[row - 1] ?? []).slice(from - 1, to);
}

const BANNED = /\b(IFS|MAXIFS|MINIFS|XLOOKUP|LET|FILTER|SORT|UNIQUE|CONCAT|TEXTJOIN|SWITCH)\(/;

describe("计算物资储备 on the memory host after 初始化工作簿", () => {
  it("writes every output as a formula with the value worked out from the norms", async () => {
    const { book, host } = await ledger(THREE_ROWS);
    await run(host, computeStockpile);
    const values = book.values("物资储备");
    // 执行标准 … 状态, columns J to R.
    expect(rowCells(values, 3, OUT.standard, OUT.status)).toEqual([
      "日常",
      30,
      2,
      100,
      3000,
      600,
      24,
      0.8,
      "预警",
    ]);
    expect(rowCells(values, 4, OUT.standard, OUT.status)).toEqual([
      "战时",
      60,
      1,
      100,
      6000,
      0,
      60,
      1,
      "达标",
    ]);
    // A durable item has no daily need, so no days of cover: those formulas give "".
    expect(rowCells(values, 5, OUT.standard, OUT.status)).toEqual([
      "日常",
      30,
      0.05,
      "",
      3,
      2,
      "",
      1 / 3,
      "不足",
    ]);
    const formulas = book.formulas("物资储备");
    for (const row of [3, 4, 5])
      for (const cell of rowCells(formulas, row, OUT.standard, OUT.status)) {
        expect(String(cell)).toMatch(/^=/);
        expect(String(cell)).not.toMatch(BANNED);
      }
    expect(formulas[2][OUT.days - 1]).toBe(
      '=IF(J3="战时",战时储备天数,IF(J3="日常",日常储备天数,""))'
    );
    expect(formulas[2][OUT.target - 1]).toContain("ROUNDUP(");
    expect(formulas[2][OUT.status - 1]).toContain("达标线");
    // No input cell is changed.
    expect(rowCells(formulas, 3, 1, 9)).toEqual(THREE_ROWS[0]);
  });

  it("gives the output header its own fill and each output column its number format", async () => {
    const { book, host } = await ledger(THREE_ROWS);
    await run(host, computeStockpile);
    expect(book.values("物资储备")[1].slice(OUT.standard - 1)).toEqual([
      "执行标准",
      "储备天数",
      "执行定额",
      "日需求量",
      "目标储备量",
      "缺口",
      "可保障天数",
      "达标率",
      "状态",
    ]);
    expect(book.cellFormat("物资储备", "J2")).toMatchObject({
      fill: OUTPUT_HEADER_FILL,
      fontColor: OUTPUT_HEADER_FONT,
      bold: true,
    });
    expect(book.cellFormat("物资储备", "R2").fill).toBe(OUTPUT_HEADER_FILL);
    // The clerk's own input header keeps its look.
    expect(book.cellFormat("物资储备", "I2").fill).toBeUndefined();
    const formats = Object.fromEntries(
      ["K3", "N3", "P3", "Q3"].map((a) => [a, book.cellFormat("物资储备", a).numberFormat])
    );
    expect(formats).toEqual({ K3: "0", N3: "#,##0", P3: "0.0", Q3: "0.0%" });
  });

  it("colours 状态 with conditional formats for 达标, 预警 and 不足 down the whole column", async () => {
    const { book, host } = await ledger(THREE_ROWS);
    await run(host, computeStockpile);
    expect(book.conditionalFormats("物资储备")).toEqual([
      expect.objectContaining({
        type: "containsText",
        range: "R3:R1048576",
        text: "达标",
        fill: GOOD_FILL,
      }),
      expect.objectContaining({
        type: "containsText",
        range: "R3:R1048576",
        text: "预警",
        fill: WARN_FILL,
      }),
      expect.objectContaining({
        type: "containsText",
        range: "R3:R1048576",
        text: "不足",
        fill: BAD_FILL,
      }),
    ]);
  });

  it("writes 物资汇总 with its dated title, one landscape page wide, the title rows repeated, and the gap chart", async () => {
    const { book, host } = await ledger(THREE_ROWS);
    await run(host, computeStockpile);
    const summary = book.values("物资汇总");
    expect(summary[0][0]).toBe("截至2022年1月20日物资储备情况");
    const masks = summary.find((r) => r[0] === "医用外科口罩");
    // 物资名称, 缺口, 计量单位, 目标储备量, 现有库存.
    expect(masks?.slice(0, 5)).toEqual(["医用外科口罩", 600, "只", 3000, 2400]);
    expectPrintSetUp(book, "物资汇总", {
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$1:$2",
    });
    expect(book.charts("物资汇总")).toEqual([
      expect.objectContaining({
        name: SUMMARY_CHART_NAME,
        type: "BarClustered",
        title: "各物资储备缺口",
        position: { start: "L4" },
      }),
    ]);
  });

  it("needs as many syncs for 10,000 rows as for 10: one read and one write", async () => {
    const counts: Record<number, [number, number]> = {};
    let autoFill = true;
    for (const n of [10, 10_000]) {
      const rows = Array.from({ length: n }, (_, i) =>
        makeRow({ unit: `单位${i + 1}`, persons: 50 + (i % 7), stock: 2000 + i })
      );
      const { book, host } = await ledger(rows);
      autoFill = hasExcelApi1_9(book);
      const outcome = await run(host, computeStockpile);
      counts[n] = [outcome.readSyncs, outcome.report.syncs];
      expect(book.stats.syncs).toBe(outcome.readSyncs + outcome.report.syncs);
      expect(book.values("物资储备")).toHaveLength(n + 2);
      // The last row's outputs carry the engine's values too.
      expect(book.values("物资储备")[n + 1][OUT.standard - 1]).toBe("日常");
    }
    console.log(
      `计算物资储备 syncs (read + write): 10 rows ${counts[10].join(" + ")}, 10,000 rows ${counts[10_000].join(" + ")}`
    );
    expect(counts[10]).toEqual([1, 1]);
    // Range.autoFill sends each output column as one formula; without it (ExcelApi 1.8) the rows go in chunks.
    if (autoFill) expect(counts[10_000]).toEqual(counts[10]);
    else expect(counts[10_000][1]).toBeGreaterThan(1);
  });

  it("changes nothing and sends no write request when run a second time", async () => {
    const { book, host } = await ledger(THREE_ROWS);
    await run(host, computeStockpile);
    const before = { values: book.values("物资储备"), summary: book.values("物资汇总") };
    book.resetStats();
    const second = await run(host, computeStockpile);
    expect(second.result.ops).toEqual([]);
    expect(second.report.syncs).toBe(0);
    expect(book.stats.syncs).toBe(1);
    expect({ values: book.values("物资储备"), summary: book.values("物资汇总") }).toEqual(before);
  });

  it("reports a typed-over output cell, keeps its value in 历史记录 and restores the formula", async () => {
    const { book, host } = await ledger(THREE_ROWS);
    await run(host, computeStockpile);
    const formula = book.formulas("物资储备")[2][OUT.target - 1];
    book.setValues("物资储备", "N3", [[999]]);
    const again = await run(host, computeStockpile);
    expect(again.result.issues.map((i) => [i.code, i.sheet, i.cell])).toEqual([
      ["overwrittenOutput", "物资储备", "N3"],
    ]);
    expect(book.formulas("物资储备")[2][OUT.target - 1]).toBe(formula);
    expect(book.values("物资储备")[2][OUT.target - 1]).toBe(3000);
    const history = book.values(HISTORY_SHEET);
    expect(history[0]).toEqual(["时间", "命令", "工作表", "单元格或行", "原值", "说明"]);
    expect(history[1].slice(1, 5)).toEqual(["计算物资储备", "物资储备", "N3", 999]);
    expect(history[1][0]).toBeCloseTo(RUN.now, 9);
  });
});

describe("计算物资储备 on the sample county", () => {
  it("computes every sample row with no error in one read and one write", async () => {
    const book = new MemoryWorkbook(sampleWorkbookSheets());
    const host = createMemoryHost(book);
    await run(host, initWorkbook);
    const outcome = await run(host, computeStockpile);
    expect([outcome.readSyncs, outcome.report.syncs]).toEqual([1, 1]);
    expect(outcome.result.issues.filter((i) => i.severity === "error")).toEqual([]);
    const values = book.values("物资储备");
    const rows = values.slice(2).filter((r) => r[0] !== null);
    expect(rows.length).toBeGreaterThan(50);
    for (const r of rows) expect(["达标", "预警", "不足"]).toContain(r[OUT.status - 1]);
    expect(book.charts("物资汇总")).toHaveLength(1);
  });
});

describe("生成填报模板 on the memory host", () => {
  async function sample() {
    const book = new MemoryWorkbook(sampleWorkbookSheets());
    const host = createMemoryHost(book);
    await run(host, initWorkbook);
    book.resetStats();
    return { book, host };
  }

  it("makes a protected sheet per picked unit with only its input cells open, in one write sync", async () => {
    const { book, host } = await sample();
    const outcome = await run(host, generateTemplates, { units: ["城关镇", "县教育局"] });
    expect(outcome.report.syncs).toBe(1);
    expect(book.sheetNames()).toEqual(expect.arrayContaining(["填报_城关镇", "填报_县教育局"]));
    const values = book.values("填报_城关镇");
    expect(values[0][0]).toBe("城关镇防疫物资储备填报表");
    expect(values[3].slice(0, 8)).toEqual([
      "单位",
      "单位类别",
      "物资名称",
      "计量单位",
      "保障人数",
      "现有库存",
      "在途数量",
      "备注",
    ]);
    expect(book.protection("填报_城关镇")).toMatchObject({ protected: true, hasPassword: false });
    expect(book.cellFormat("填报_城关镇", "F5").locked).toBe(false);
    expect(book.cellFormat("填报_城关镇", "A5").locked).toBe(true);
    expect(book.cellFormat("填报_城关镇", "C5").locked).toBe(true);
    const rules = book.dataValidations("填报_城关镇");
    expect(rules.map((r) => Object.keys(r.rule)[0])).toEqual(["decimal", "list"]);
    expect(rules[0].rule).toEqual({ decimal: { operator: "GreaterThanOrEqualTo", formula1: 0 } });
    expect(rules[1].rule).toEqual({ list: { inCellDropDown: true, source: "=$J$5:$J$14" } });
    expect(rules[0].errorAlert?.message).toBe("请填写不小于0的数字（不要填写文字或单位）");
  });

  it("sends no write request when made again with nothing changed", async () => {
    const { book, host } = await sample();
    await run(host, generateTemplates, { units: ["城关镇"] });
    book.resetStats();
    const again = await run(host, generateTemplates, { units: ["城关镇"] });
    expect(again.result.ops).toEqual([]);
    expect(book.stats.syncs).toBe(1);
    expect(book.protection("填报_城关镇").protected).toBe(true);
  });

  it("makes a protected template again after 物资储备 changed, in one write sync", async () => {
    const { book, host } = await sample();
    await run(host, generateTemplates, { units: ["城关镇"] });
    const row = book.values("物资储备").findIndex((r) => r[0] === "城关镇") + 1;
    book.setValues("物资储备", `H${row}`, [[12345]]);
    book.resetStats();
    const again = await run(host, generateTemplates, { units: ["城关镇"] });
    expect(again.report.syncs).toBe(1);
    expect(book.values("填报_城关镇")[4][5]).toBe(12345);
    expect(book.protection("填报_城关镇").protected).toBe(true);
    expect(book.cellFormat("填报_城关镇", "F5").locked).toBe(false);
  });
});

describe("导入填报 on the memory host", () => {
  /** 城关镇's template as the add-in made it, returned with a new mask figure and an injection attempt. */
  async function returnedFrom(book: MemoryWorkbook): Promise<ReturnedFile> {
    const values = book.values("填报_城关镇").map((r) => [...r]);
    const masks = values.findIndex((r) => r[2] === "医用外科口罩");
    values[masks][3] = '=HYPERLINK("http://x","y")';
    values[masks][5] = 98_765;
    values[masks][7] = "@SUM(1)";
    return { fileName: "城关镇.xlsx", sheets: [{ name: "填报_城关镇", values }] };
  }

  it("writes the returned figures, keeps the old row in 历史记录 and stores an injection as text", async () => {
    const book = new MemoryWorkbook(sampleWorkbookSheets());
    const host = createMemoryHost(book);
    await run(host, initWorkbook);
    await run(host, computeStockpile);
    await run(host, generateTemplates, { units: ["城关镇"] });
    const file = await returnedFrom(book);
    const before = book.values("物资储备");
    const row = before.findIndex((r) => r[0] === "城关镇" && r[2] === "医用外科口罩") + 1;

    const preview = await run(host, importReturns, { returns: [file] });
    expect(preview.report.syncs).toBe(0);
    expect((preview.result.data as ImportData).units[0].counts).toMatchObject({ changed: 1 });

    const done = await run(host, importReturns, { returns: [file], confirm: true });
    expect((done.result.data as ImportData).confirmed).toBe(true);
    expect(done.report.syncs).toBe(1);
    const after = book.values("物资储备");
    expect(after[row - 1][7]).toBe(98_765);
    // The injection is a string in the cell, formatted as text: no formula was made.
    expect(after[row - 1][3]).toBe('=HYPERLINK("http://x","y")');
    expect(book.formulas("物资储备")[row - 1][3]).toBe('=HYPERLINK("http://x","y")');
    expect(book.cellFormat("物资储备", `D${row}`).numberFormat).toBe("@");
    const history = book.values(HISTORY_SHEET);
    const kept = history.find((r) => r[3] === `第${row}行`);
    expect(kept?.slice(1, 3)).toEqual(["导入填报", "物资储备"]);
    expect(String(kept?.[4])).toContain(
      `城关镇 | 乡镇 | 医用外科口罩 |  | ${before[row - 1][4]} |`
    );
    // Outputs recomputed: the mask row's stock now covers its target.
    expect(after[row - 1][OUT.status - 1]).toBe("达标");
    const records = book.values("报送记录");
    expect(records[records.length - 1].slice(1, 5)).toEqual([
      "城关镇",
      RUN.now,
      "正常",
      "导入填报：城关镇.xlsx",
    ]);
  });
});
