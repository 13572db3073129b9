/**
 * 计算隔离床位 and 预测隔离需求 through executeCommand on the memory host
 * (the Office host on the in-memory Excel), after 初始化工作簿: what lands in
 * the workbook (formulas, values, number formats, styles, charts, print
 * set-up), a parameter typed into 参数 and the command run again in place,
 * and the sync budget of one read and one write.
 *
 * The memory Excel does not calculate: a formula cell shows the value the
 * engine computed when the cell was last written. After a parameter edit the
 * in-place run leaves the formulas of the input tables as they were (the
 * runner drops unchanged writes), so what Excel would show there is checked
 * by comparing with a workbook computed from scratch with the new parameter.
 */
import { serialFromYmd } from "../../src/core/dates";
import { fakeIdNumber } from "../../src/core/privacy/idNumber";
import { MemoryWorkbook } from "../../src/hosts/memory/memoryExcel";
import { createMemoryHost } from "../../src/hosts/memory/memoryHost";
import type { CellValue } from "../../src/workbook/cells";
import type { Command } from "../../src/workbook/command";
import { executeCommand } from "../../src/workbook/execute";
import { initWorkbook } from "../../src/workbook/init/initWorkbook";
import {
  computeIsolation,
  type IsolationBedsData,
} from "../../src/workbook/isolation/computeIsolation";
import {
  forecastIsolation,
  type IsolationForecastData,
} from "../../src/workbook/isolation/forecastIsolation";
import { SAMPLE_REPORT_DATE } from "../../src/workbook/sample/county";
import { SAMPLE_AT_RISK_TOWNSHIP } from "../../src/workbook/sample/isolation";
import { sampleWorkbookSheets } from "../../src/workbook/sample/workbook";
import { OUTPUT_HEADER_FILL } from "../../src/workbook/styles";
import { REPORT_DATE, bedGrid, bedRow, returneeGrid, returneeRow } from "./fixtures";
import { expectPrintSetUp } from "../hosts/excelApi";

const BEDS = "隔离床位";
const RETURNEES = "返乡人员";
const BEDS_SUMMARY = "隔离床位汇总";
const FORECAST = "隔离需求预测";
const NORM = "每万人隔离床位标准";
const HIGH_STAY = "高中风险地区隔离天数";
const JAN_18 = serialFromYmd(2022, 1, 18);
const JAN_19 = serialFromYmd(2022, 1, 19);

/**
 * 隔离床位 (A 乡镇, B 常住人口, C 现有床位, D 备用床位): one township short
 * at 20 per 10,000 (马场乡), one with a blank 备用床位 (石桥乡).
 */
function bedSheet(): CellValue[][] {
  return bedGrid([
    bedRow({ township: "城关镇", population: 86_400, existing: 150, backup: 30 }),
    bedRow({ township: "马场乡", population: 9_800, existing: 1, backup: 0 }),
    bedRow({ township: "石桥乡", population: 12_400, existing: 36, backup: null }),
  ]);
}

/**
 * 返乡人员 (A–G): a high-risk arrival two days before the report date, two
 * centralized arrivals in 马场乡 (one with its date typed as text), and a
 * low-risk arrival without an isolation method.
 */
function returneeSheet(): CellValue[][] {
  const id = (sequence: number) => fakeIdNumber({ birth: serialFromYmd(1985, 6, 15), sequence });
  return returneeGrid([
    returneeRow({ id: id(1), township: "城关镇", risk: "高风险", arrival: JAN_18 }),
    returneeRow({ id: id(2), township: "马场乡", risk: "其他涉疫地区", arrival: REPORT_DATE }),
    returneeRow({ id: id(3), township: "马场乡", risk: "中风险", arrival: "2022/1/19" }),
    returneeRow({
      id: id(4),
      township: "城关镇",
      risk: "低风险",
      arrival: REPORT_DATE,
      method: null,
    }),
  ]);
}

function smallBook(): MemoryWorkbook {
  return new MemoryWorkbook([
    { name: BEDS, values: bedSheet() },
    { name: RETURNEES, values: returneeSheet() },
  ]);
}

async function run(book: MemoryWorkbook, command: Command, today = REPORT_DATE) {
  const outcome = await executeCommand(createMemoryHost(book), command, {
    today,
    now: today + 0.5,
    lang: "zh",
  });
  if (!outcome.ok) throw new Error(`${command.id} failed: ${outcome.error.message.en}`);
  return outcome;
}

/** A workbook after 初始化工作簿, its sync counters reset. */
async function initialised(book: MemoryWorkbook, today = REPORT_DATE): Promise<MemoryWorkbook> {
  await run(book, initWorkbook, today);
  book.resetStats();
  return book;
}

/** Types a parameter's value into its cell on 参数, as a clerk would. */
function typeParam(book: MemoryWorkbook, name: string, value: CellValue): void {
  const reference = book.names()[name];
  const m = /^=参数!\$([A-Z]+)\$(\d+)$/.exec(reference ?? "");
  if (!m) throw new Error(`no defined name ${name}`);
  book.setValues("参数", `${m[1]}${m[2]}`, [[value]]);
}

/** The cells of a sheet in one column range (1-based, inclusive), every row. */
function columns(grid: CellValue[][], from: number, to: number): CellValue[][] {
  return grid.map((row) =>
    Array.from({ length: to - from + 1 }, (_, i) => row[from - 1 + i] ?? null)
  );
}

/** The row of a leader sheet whose cell in `column` (1-based) is `text`. */
function rowOf(grid: CellValue[][], column: number, text: string): CellValue[] {
  const row = grid.find((r) => r[column - 1] === text);
  if (!row) throw new Error(`no row with ${text}`);
  return row;
}

describe("计算隔离床位 on the memory host", () => {
  it("appends the five output headers after 备用床位, styled as outputs", async () => {
    const book = await initialised(smallBook());
    await run(book, computeIsolation);
    expect(book.values(BEDS)[1]).toEqual([
      "乡镇",
      "常住人口",
      "现有床位",
      "备用床位",
      "应配床位",
      "床位合计",
      "缺口",
      "每万人床位",
      "状态",
    ]);
    expect(book.cellFormat(BEDS, "E2").fill).toBe(OUTPUT_HEADER_FILL);
    expect(book.cellFormat(BEDS, "I2").fill).toBe(OUTPUT_HEADER_FILL);
    expect(book.cellFormat(BEDS, "D2").fill).not.toBe(OUTPUT_HEADER_FILL);
  });

  it("writes the formulas of row 3 on the row's own cells and the named norm", async () => {
    const book = await initialised(smallBook());
    await run(book, computeIsolation);
    expect(book.formulas(BEDS)[2].slice(4)).toEqual([
      `=IF(ISNUMBER(B3),IF(B3>0,ROUNDUP(B3*${NORM}/10000,0),""),"")`,
      `=IF(ISNUMBER(C3),IF(C3>=0,IF(ISBLANK(D3),C3,IF(ISNUMBER(D3),IF(D3>=0,C3+D3,""),"")),""),"")`,
      `=IF(ISNUMBER(E3),IF(ISNUMBER(F3),MAX(0,E3-F3),""),"")`,
      `=IF(ISNUMBER(B3),IF(B3>0,IF(ISNUMBER(F3),ROUND(F3*10000/B3,1),""),""),"")`,
      `=IF(ISNUMBER(G3),IF(G3>0,"不足","达标"),"")`,
    ]);
  });

  it("points every data row's formulas at that row", async () => {
    const book = await initialised(smallBook());
    await run(book, computeIsolation);
    const formulas = book.formulas(BEDS);
    for (const row of [4, 5]) {
      const line = formulas[row - 1].slice(4).map(String);
      for (const formula of line) expect(formula.match(/[A-I](\d+)/g)).not.toBeNull();
      const rowsReferenced = new Set(
        line.flatMap((f) => [...f.matchAll(/[A-I](\d+)/g)].map((m) => m[1]))
      );
      expect([...rowsReferenced]).toEqual([String(row)]);
    }
  });

  // 应配床位 = ROUNDUP(常住人口 ÷ 10000 × 20); 床位合计 = 现有 + 备用 (blank = 0);
  // 缺口 = MAX(0, 应配 − 合计); 每万人床位 = 合计 ÷ 人口 × 10000 to one decimal.
  it.each([
    [3, "城关镇", [173, 180, 0, 20.8, "达标"]],
    [4, "马场乡", [20, 1, 19, 1, "不足"]],
    [5, "石桥乡", [25, 36, 0, 29, "达标"]],
  ])("shows the computed values in row %i (%s) at 20 per 10,000", async (row, _t, expected) => {
    const book = await initialised(smallBook());
    await run(book, computeIsolation);
    expect(book.values(BEDS)[row - 1].slice(4)).toEqual(expected);
  });

  it("gives the output columns whole-number, one-decimal and General formats", async () => {
    const book = await initialised(smallBook());
    await run(book, computeIsolation);
    for (const row of [3, 4, 5])
      expect(book.numberFormats(BEDS)[row - 1].slice(4, 9)).toEqual([
        "0",
        "0",
        "0",
        "0.0",
        "General",
      ]);
  });

  it("changes no input cell", async () => {
    const book = await initialised(smallBook());
    const before = columns(book.formulas(BEDS), 1, 4);
    await run(book, computeIsolation);
    expect(columns(book.formulas(BEDS), 1, 4)).toEqual(before);
  });

  it("reads in one sync and writes in one sync", async () => {
    const book = await initialised(smallBook());
    const outcome = await run(book, computeIsolation);
    expect(outcome.readSyncs).toBe(1);
    expect(outcome.report.syncs).toBe(1);
    expect(book.stats.syncs).toBe(2);
  });

  it("writes 隔离床位汇总 with a dated title, the shortfall first and SUM totals", async () => {
    const book = await initialised(smallBook());
    await run(book, computeIsolation);
    const values = book.values(BEDS_SUMMARY);
    expect(values[0][0]).toBe("截至2022年1月20日隔离床位情况汇总");
    expect(values[3]).toEqual([
      "乡镇",
      "常住人口（人）",
      "应配床位（张）",
      "床位合计（张）",
      "缺口（张）",
      "每万人床位（张）",
      "排名",
      "状态",
    ]);
    // Ranked by 每万人床位: 石桥乡 29.0, 城关镇 20.8, 马场乡 1.0; the shortfall comes first.
    expect(values.slice(5, 8)).toEqual([
      ["马场乡", 9_800, 20, 1, 19, 1, 3, "不足"],
      ["石桥乡", 12_400, 25, 36, 0, 29, 1, "达标"],
      ["城关镇", 86_400, 173, 180, 0, 20.8, 2, "达标"],
    ]);
    // 合计: 108,600 residents, 218 required, 217 beds, 19 short; 217 × 10000 ÷ 108600 = 19.98 → 20.0.
    expect(values[4]).toEqual(["合计", 108_600, 218, 217, 19, 20, null, "不足"]);
    expect(book.formulas(BEDS_SUMMARY)[4].slice(1, 5)).toEqual([
      "=SUM(B6:B8)",
      "=SUM(C6:C8)",
      "=SUM(D6:D8)",
      "=SUM(E6:E8)",
    ]);
  });

  it("formats 隔离床位汇总 for leaders: number formats, status colours, chart, print set-up", async () => {
    const book = await initialised(smallBook());
    await run(book, computeIsolation);
    const formats = book.numberFormats(BEDS_SUMMARY);
    expect(formats[4].slice(1, 7)).toEqual(["#,##0", "#,##0", "#,##0", "#,##0", "0.0", "0"]);
    const rules = book.conditionalFormats(BEDS_SUMMARY);
    expect(rules.map((r) => (r.type === "containsText" ? [r.range, r.text] : r.type))).toEqual([
      ["H5:H8", "不足"],
      ["H5:H8", "达标"],
      ["H5:H8", "待核实"],
    ]);
    const charts = book.charts(BEDS_SUMMARY);
    expect(charts).toHaveLength(1);
    expect(charts[0].type).toBe("BarClustered");
    expect(charts[0].title).toBe("各乡镇每万人隔离床位（标准：每万人20张）");
    expectPrintSetUp(book, BEDS_SUMMARY, { orientation: "Landscape", printTitleRows: "$1:$4" });
    expect(book.frozenRows(BEDS_SUMMARY)).toBe(4);
  });

  it("colours the shortfall's gap cell red and bold", async () => {
    const book = await initialised(smallBook());
    await run(book, computeIsolation);
    expect(book.cellFormat(BEDS_SUMMARY, "E6")).toMatchObject({ bold: true, fontColor: "#9C0006" });
    expect(book.cellFormat(BEDS_SUMMARY, "E7").fontColor).not.toBe("#9C0006");
  });
});

describe("计算隔离床位 again after 每万人隔离床位标准 is changed to 40 in 参数", () => {
  async function changedInPlace() {
    const book = await initialised(smallBook());
    await run(book, computeIsolation);
    const before = { formulas: book.formulas(BEDS), sheets: book.sheetNames() };
    typeParam(book, NORM, 40);
    book.resetStats();
    const outcome = await run(book, computeIsolation);
    return { book, before, outcome };
  }

  async function fromScratchAt40() {
    const book = await initialised(smallBook());
    typeParam(book, NORM, 40);
    await run(book, computeIsolation);
    return book;
  }

  it("leaves the formulas of 隔离床位 as they were, so the spreadsheet recalculates them", async () => {
    const { book, before } = await changedInPlace();
    expect(book.formulas(BEDS)).toEqual(before.formulas);
  });

  it("changes no input cell and adds no output column", async () => {
    const { book, before } = await changedInPlace();
    expect(columns(book.formulas(BEDS), 1, 4)).toEqual(columns(before.formulas, 1, 4));
    const header = book.values(BEDS)[1];
    expect(header).toHaveLength(9);
    for (const name of ["应配床位", "床位合计", "缺口", "每万人床位", "状态"])
      expect(header.filter((h) => h === name)).toHaveLength(1);
  });

  it("creates no sheet (no 历史记录: nothing was overwritten)", async () => {
    const { book, before } = await changedInPlace();
    expect(book.sheetNames()).toEqual(before.sheets);
  });

  it("reads in one sync and writes in one sync", async () => {
    const { book, outcome } = await changedInPlace();
    expect(outcome.readSyncs).toBe(1);
    expect(outcome.report.syncs).toBe(1);
    expect(book.stats.syncs).toBe(2);
  });

  // At 40 per 10,000: 城关镇 ROUNDUP(345.6) = 346, 马场乡 ROUNDUP(39.2) = 40,
  // 石桥乡 ROUNDUP(49.6) = 50; all three are now short. 每万人床位 does not depend on the norm.
  it.each([
    [3, "城关镇", [346, 180, 166, 20.8, "不足"]],
    [4, "马场乡", [40, 1, 39, 1, "不足"]],
    [5, "石桥乡", [50, 36, 14, 29, "不足"]],
  ])(
    "has the formulas that compute row %i (%s) at 40 per 10,000 from scratch",
    async (row, _t, expected) => {
      const scratch = await fromScratchAt40();
      expect(scratch.values(BEDS)[row - 1].slice(4)).toEqual(expected);
      const { book } = await changedInPlace();
      expect(book.formulas(BEDS)[row - 1]).toEqual(scratch.formulas(BEDS)[row - 1]);
    }
  );

  it("rewrites 隔离床位汇总 with 应配床位, 缺口 and 状态 at 40 per 10,000", async () => {
    const { book } = await changedInPlace();
    const values = book.values(BEDS_SUMMARY);
    // Shortfalls first, largest gap first: 城关镇 166, 马场乡 39, 石桥乡 14.
    expect(values.slice(5, 8).map((r) => [r[0], r[2], r[4], r[7]])).toEqual([
      ["城关镇", 346, 166, "不足"],
      ["马场乡", 40, 39, "不足"],
      ["石桥乡", 50, 14, "不足"],
    ]);
    expect(values[4].slice(0, 5)).toEqual(["合计", 108_600, 436, 217, 219]);
    expect(values[2][0]).toContain("每万人40张");
  });

  it("leaves 隔离床位汇总 exactly as a run from scratch at 40 per 10,000 does", async () => {
    const scratch = await fromScratchAt40();
    const { book } = await changedInPlace();
    expect(book.formulas(BEDS_SUMMARY)).toEqual(scratch.formulas(BEDS_SUMMARY));
    expect(book.values(BEDS_SUMMARY)).toEqual(scratch.values(BEDS_SUMMARY));
    expect(book.charts(BEDS_SUMMARY)).toEqual(scratch.charts(BEDS_SUMMARY));
  });

  it("returns the township figures at 40 per 10,000 for the task pane", async () => {
    const { outcome } = await changedInPlace();
    const data = outcome.result.data as IsolationBedsData;
    expect(data.bedsPer10k).toBe(40);
    expect(data.shortfalls.map((t) => [t.township, t.required, t.gap])).toEqual([
      ["城关镇", 346, 166],
      ["马场乡", 40, 39],
      ["石桥乡", 50, 14],
    ]);
  });
});

describe("预测隔离需求 on the memory host", () => {
  async function forecastBook() {
    const book = await initialised(smallBook());
    await run(book, computeIsolation);
    book.resetStats();
    const outcome = await run(book, forecastIsolation);
    return { book, outcome };
  }

  it("appends 隔离天数 and 解除隔离日期 after 隔离方式 with their formats", async () => {
    const { book } = await forecastBook();
    expect(book.values(RETURNEES)[1].slice(7)).toEqual(["隔离天数", "解除隔离日期"]);
    for (const row of [3, 4, 5, 6])
      expect(book.numberFormats(RETURNEES)[row - 1].slice(7, 9)).toEqual(["0", "yyyy-mm-dd"]);
  });

  it("writes 隔离天数 on the named stays and 解除隔离日期 from the arrival cell", async () => {
    const { book } = await forecastBook();
    const [days, release] = book.formulas(RETURNEES)[2].slice(7) as string[];
    expect(days).toContain(`TRIM(E3)="高风险"`);
    expect(days).toContain(HIGH_STAY);
    expect(days).toContain("其他涉疫地区隔离天数");
    expect(release).toBe(
      `=IF(ISNUMBER(H3),IF(ISNUMBER(F3),IF(AND(F3>=1,F3<2958466),INT(F3)+H3,""),""),"")`
    );
  });

  it("writes the date of an arrival typed as text into its 解除隔离日期 formula", async () => {
    const { book } = await forecastBook();
    expect(book.formulas(RETURNEES)[4][8]).toBe(
      `=IF(ISNUMBER(H5),IF(F5="2022/1/19",DATE(2022,1,19)+H5,""),"")`
    );
  });

  // 高风险/中风险 14 days, 其他涉疫地区 7, 低风险 0; release = arrival + days.
  it.each([
    [3, "高风险", [14, JAN_18 + 14]],
    [4, "其他涉疫地区", [7, REPORT_DATE + 7]],
    [5, "中风险, typed 2022/1/19", [14, JAN_19 + 14]],
    [6, "低风险", [0, REPORT_DATE]],
  ])("shows 隔离天数 and 解除隔离日期 of row %i (%s)", async (row, _case, expected) => {
    const { book } = await forecastBook();
    expect(book.values(RETURNEES)[row - 1].slice(7)).toEqual(expected);
  });

  it("changes no input cell of 返乡人员", async () => {
    const book = await initialised(smallBook());
    const before = columns(book.formulas(RETURNEES), 1, 7);
    await run(book, forecastIsolation);
    expect(columns(book.formulas(RETURNEES), 1, 7)).toEqual(before);
  });

  it("reads in one sync and writes in one sync", async () => {
    const { book, outcome } = await forecastBook();
    expect(outcome.readSyncs).toBe(1);
    expect(outcome.report.syncs).toBe(1);
    expect(book.stats.syncs).toBe(2);
  });

  it("lists 马场乡 first on 隔离需求预测: 2 people against 1 bed from the report date", async () => {
    const { book } = await forecastBook();
    const values = book.values(FORECAST);
    expect(values[0][0]).toBe("截至2022年1月20日隔离需求预测（1月20日—2月9日，共21天）");
    expect(values[3].slice(0, 8)).toEqual([
      "乡镇",
      "床位合计（张）",
      "需求峰值（人）",
      "峰值日期",
      "首次超出日期",
      "状态",
      "1月20日",
      "1月21日",
    ]);
    // 马场乡: the 7-day stay (1月20日–26日) and the 14-day stay (1月19日–2月1日).
    expect(values[5].slice(0, 6)).toEqual(["马场乡", 1, 2, "1月20日", "1月20日", "不足"]);
    expect(values[5].slice(6)).toEqual([
      ...Array(7).fill(2),
      ...Array(6).fill(1),
      ...Array(8).fill(0),
    ]);
    // 城关镇: the high-risk stay 1月18日–31日; the 低风险 arrival takes no bed.
    expect(values[6].slice(0, 6)).toEqual(["城关镇", 180, 1, "1月20日", null, "充足"]);
    expect(values[7].slice(0, 6)).toEqual(["石桥乡", 36, 0, "1月20日", null, "充足"]);
  });

  it("sums the county on 隔离需求预测 with SUM formulas", async () => {
    const { book } = await forecastBook();
    expect(book.values(FORECAST)[4].slice(0, 8)).toEqual([
      "合计",
      217,
      3,
      "1月20日",
      null,
      "充足",
      3,
      3,
    ]);
    expect(book.formulas(FORECAST)[4][1]).toBe("=SUM(B6:B8)");
    expect(book.formulas(FORECAST)[4][6]).toBe("=SUM(G6:G8)");
  });

  it("draws one line chart and sets landscape printing on 隔离需求预测", async () => {
    const { book } = await forecastBook();
    const charts = book.charts(FORECAST);
    expect(charts.map((c) => c.type)).toEqual(["Line"]);
    expectPrintSetUp(book, FORECAST, { orientation: "Landscape" });
    expect(book.frozenRows(FORECAST)).toBe(4);
    expect(book.numberFormats(FORECAST)[5].slice(1, 3)).toEqual(["#,##0", "0"]);
  });

  it("returns 马场乡 at risk from the report date for the task pane", async () => {
    const { outcome } = await forecastBook();
    const data = outcome.result.data as IsolationForecastData;
    expect(data.atRisk.map((t) => [t.township, t.firstExceed])).toEqual([["马场乡", REPORT_DATE]]);
  });
});

describe("预测隔离需求 again after 高中风险地区隔离天数 is changed to 10 in 参数", () => {
  async function changedInPlace() {
    const book = await initialised(smallBook());
    await run(book, forecastIsolation);
    const before = { formulas: book.formulas(RETURNEES), sheets: book.sheetNames() };
    typeParam(book, HIGH_STAY, 10);
    book.resetStats();
    const outcome = await run(book, forecastIsolation);
    return { book, before, outcome };
  }

  async function fromScratchAt10() {
    const book = await initialised(smallBook());
    typeParam(book, HIGH_STAY, 10);
    await run(book, forecastIsolation);
    return book;
  }

  it("leaves 返乡人员 as it was, inputs and formulas, with no duplicate output column", async () => {
    const { book, before } = await changedInPlace();
    expect(book.formulas(RETURNEES)).toEqual(before.formulas);
    const header = book.values(RETURNEES)[1];
    expect(header.filter((h) => h === "隔离天数")).toHaveLength(1);
    expect(header.filter((h) => h === "解除隔离日期")).toHaveLength(1);
    expect(book.sheetNames()).toEqual(before.sheets);
  });

  it("reads in one sync and writes in one sync", async () => {
    const { book, outcome } = await changedInPlace();
    expect(outcome.readSyncs).toBe(1);
    expect(outcome.report.syncs).toBe(1);
    expect(book.stats.syncs).toBe(2);
  });

  it.each([
    [3, [10, JAN_18 + 10]],
    [5, [10, JAN_19 + 10]],
  ])("has the formulas that give row %i a 10-day stay from scratch", async (row, expected) => {
    const scratch = await fromScratchAt10();
    expect(scratch.values(RETURNEES)[row - 1].slice(7)).toEqual(expected);
    const { book } = await changedInPlace();
    expect(book.formulas(RETURNEES)[row - 1]).toEqual(scratch.formulas(RETURNEES)[row - 1]);
  });

  it("rewrites 隔离需求预测 with the shorter stays, as a run from scratch does", async () => {
    const { book } = await changedInPlace();
    const scratch = await fromScratchAt10();
    expect(book.values(FORECAST)).toEqual(scratch.values(FORECAST));
    // 马场乡: the 7-day stay (1月20日–26日) and the 10-day stay (1月19日–28日).
    expect(book.values(FORECAST)[5].slice(6)).toEqual([
      ...Array(7).fill(2),
      ...Array(2).fill(1),
      ...Array(12).fill(0),
    ]);
  });
});

describe("on the sample workbook", () => {
  async function sample() {
    return initialised(new MemoryWorkbook(sampleWorkbookSheets()), SAMPLE_REPORT_DATE);
  }

  it("computes 隔离床位 with no issue, keeping 序号 and 县(区), in one read and one write", async () => {
    const book = await sample();
    const before = columns(book.formulas(BEDS), 1, 6);
    const outcome = await run(book, computeIsolation, SAMPLE_REPORT_DATE);
    expect(outcome.result.issues).toEqual([]);
    expect(columns(book.formulas(BEDS), 1, 6)).toEqual(before);
    expect(book.values(BEDS)[1].slice(6)).toEqual([
      "应配床位",
      "床位合计",
      "缺口",
      "每万人床位",
      "状态",
    ]);
    expect(book.stats.syncs).toBe(2);
    // Every one of the 18 data rows holds the five formulas.
    const formulas = book.formulas(BEDS).slice(2, 20);
    expect(formulas.every((r) => r.slice(6, 11).every((f) => String(f).startsWith("=IF(")))).toBe(
      true
    );
  });

  it("groups 隔离床位汇总 by 县(区) and lists the three shortfalls at 20 per 10,000", async () => {
    const book = await sample();
    await run(book, computeIsolation, SAMPLE_REPORT_DATE);
    const values = book.values(BEDS_SUMMARY);
    expect(values[3].slice(0, 2)).toEqual(["县(区)", "乡镇"]);
    const short = values.filter((r) => r[8] === "不足" && r[1] !== "小计" && r[0] !== "合计");
    expect(short.map((r) => r[1]).sort()).toEqual(["松林乡", "马场乡", "龙泉镇"].sort());
    expect(rowOf(values, 1, "合计")[8]).toBe("不足");
  });

  it("recomputes in place at 40 per 10,000 with the same output as from scratch", async () => {
    const book = await sample();
    await run(book, computeIsolation, SAMPLE_REPORT_DATE);
    const formulas = book.formulas(BEDS);
    typeParam(book, NORM, 40);
    book.resetStats();
    const outcome = await run(book, computeIsolation, SAMPLE_REPORT_DATE);
    expect(book.stats.syncs).toBe(2);
    expect(book.formulas(BEDS)).toEqual(formulas);

    const scratch = await sample();
    typeParam(scratch, NORM, 40);
    await run(scratch, computeIsolation, SAMPLE_REPORT_DATE);
    expect(book.values(BEDS_SUMMARY)).toEqual(scratch.values(BEDS_SUMMARY));
    // 城关镇: 86,400 residents → ROUNDUP(345.6) = 346 beds required at 40.
    expect(rowOf(scratch.values(BEDS), 3, "城关镇")[6]).toBe(346);
    expect(rowOf(book.values(BEDS_SUMMARY), 2, "城关镇")[3]).toBe(346);
    const data = outcome.result.data as IsolationBedsData;
    expect(data.shortfalls.length).toBeGreaterThan(3);
  });

  it("forecasts the sample's cluster township at risk, first on 隔离需求预测", async () => {
    const book = await sample();
    await run(book, computeIsolation, SAMPLE_REPORT_DATE);
    book.resetStats();
    const outcome = await run(book, forecastIsolation, SAMPLE_REPORT_DATE);
    expect(book.stats.syncs).toBe(2);
    const data = outcome.result.data as IsolationForecastData;
    expect(data.atRisk.map((t) => t.township)).toEqual([SAMPLE_AT_RISK_TOWNSHIP]);
    const values = book.values(FORECAST);
    expect(values[5].slice(1, 2)).toEqual([SAMPLE_AT_RISK_TOWNSHIP]);
    expect(values[5][6]).toBe("不足");
    expect(outcome.result.issues.map((i) => `${i.sheet}!${i.cell} ${i.code}`)).toEqual([
      "返乡人员!C43 idInvalid",
      "返乡人员!C60 duplicateId",
    ]);
  });

  it("shows no full ID number or phone number on either leader sheet", async () => {
    const book = await sample();
    await run(book, computeIsolation, SAMPLE_REPORT_DATE);
    await run(book, forecastIsolation, SAMPLE_REPORT_DATE);
    const cells = [BEDS_SUMMARY, FORECAST].flatMap((s) =>
      book
        .values(s)
        .flat()
        .filter((v) => v !== null)
        .map(String)
    );
    expect(cells.length).toBeGreaterThan(100);
    expect(cells.filter((t) => /\d{17}[\dX]|(?<!\d)\d{11}(?!\d)/i.test(t))).toEqual([]);
  });
});
