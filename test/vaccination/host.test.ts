/**
 * 生成接种排名 through executeCommand on the memory host (the Office host on
 * the in-memory Excel), after 初始化工作簿: on a small 接种进度 typed by hand,
 * whose every figure is worked out below, and on the sample workbook. Checks
 * what lands in the workbook (values, formulas, number formats, conditional
 * formats, charts, page setup) and the sync budget (1 read + 1 write).
 */
import { MemoryWorkbook } from "../../src/hosts/memory/memoryExcel";
import { createMemoryHost } from "../../src/hosts/memory/memoryHost";
import type { CellValue } from "../../src/workbook/cells";
import { executeCommand, type ExecuteOptions } from "../../src/workbook/execute";
import { initWorkbook } from "../../src/workbook/init/initWorkbook";
import { SAMPLE_REPORT_DATE } from "../../src/workbook/sample/county";
import { sampleWorkbookSheets } from "../../src/workbook/sample/workbook";
import { BAD_FILL, GOOD_FILL } from "../../src/workbook/styles";
import {
  rankVaccination,
  type RankVaccinationData,
} from "../../src/workbook/vaccination/rankVaccination";
import { D, DUE } from "./fixtures";
import { expectPrintSetUp } from "../hosts/excelApi";

const RUN: ExecuteOptions = { today: D, now: D + 0.7, lang: "zh" };

const HEADER_ROW = [
  "排名",
  "县(区)",
  "乡镇",
  "目标人数",
  "第一剂累计",
  "第一剂完成率",
  "全程累计",
  "全程完成率",
  "加强针累计",
  "加强完成率",
  "当日到期",
  "当日全程",
  "当日完成率",
  "排名变化",
];
const PERCENT = "0.0%";
const COUNT = "#,##0";
/** Number formats of a table row, A to N. */
const ROW_FORMATS = [
  "General",
  "General",
  "General",
  COUNT,
  COUNT,
  PERCENT,
  COUNT,
  PERCENT,
  COUNT,
  PERCENT,
  COUNT,
  COUNT,
  PERCENT,
  "General",
];

/**
 * A hand-typed 接种进度, group 18岁以上, on the due date's eve (DUE − 1), the
 * due date (DUE = D − 21), the day before (D − 1) and the report date D.
 * [first, full] per date; boosters stay the same every day.
 *
 * On D, full-course rate (target):
 *   平安县 西城镇 1,830 / 2,000 = 91.5%; 东城镇 800 / 1,000 = 80.0%; 南山乡 400 / 500 = 80.0% (tie)
 *   康宁县 河口镇 900 / 1,000 = 90.0%
 * Due today = first doses given on DUE: 东城镇 20, 西城镇 40, 南山乡 10, 河口镇 20.
 * Full courses given on D: 东城镇 10, 西城镇 30, 南山乡 0, 河口镇 20.
 * On D − 1 the full-course order in 平安县 was 西城镇 90.0%, 南山乡 80.0%, 东城镇 79.0%.
 */
const TYPED: readonly {
  county: string;
  township: string;
  target: number;
  booster: number;
  first: [number, number, number, number];
  full: [number, number, number, number];
}[] = [
  {
    county: "平安县",
    township: "东城镇",
    target: 1000,
    booster: 300,
    first: [600, 620, 900, 905],
    full: [500, 505, 790, 800],
  },
  {
    county: "平安县",
    township: "西城镇",
    target: 2000,
    booster: 1000,
    first: [1500, 1540, 1900, 1910],
    full: [1400, 1410, 1800, 1830],
  },
  {
    county: "平安县",
    township: "南山乡",
    target: 500,
    booster: 100,
    first: [400, 410, 480, 482],
    full: [350, 352, 400, 400],
  },
  {
    county: "康宁县",
    township: "河口镇",
    target: 1000,
    booster: 500,
    first: [700, 720, 950, 960],
    full: [600, 610, 880, 900],
  },
];
const TYPED_DATES = [DUE - 1, DUE, D - 1, D];

function typedRows(): CellValue[][] {
  return TYPED_DATES.flatMap((date, d) =>
    TYPED.map((u) => [
      date,
      u.county,
      u.township,
      "18岁以上",
      u.target,
      u.first[d],
      u.full[d],
      u.booster,
    ])
  );
}

/** A workbook after 初始化工作簿 with the rows typed into 接种进度 under its header; stats reset. */
async function typedWorkbook(): Promise<MemoryWorkbook> {
  const book = new MemoryWorkbook();
  const init = await executeCommand(createMemoryHost(book), initWorkbook, RUN);
  if (!init.ok) throw new Error(init.error.message.en);
  book.setValues("接种进度", "A3", typedRows());
  book.resetStats();
  return book;
}

/** The sample workbook after 初始化工作簿; stats reset. */
async function sampleWorkbook(): Promise<MemoryWorkbook> {
  const book = new MemoryWorkbook(sampleWorkbookSheets());
  const init = await executeCommand(createMemoryHost(book), initWorkbook, RUN);
  if (!init.ok) throw new Error(init.error.message.en);
  book.resetStats();
  return book;
}

async function rank(book: MemoryWorkbook, options?: Record<string, unknown>, run = RUN) {
  const outcome = await executeCommand(createMemoryHost(book), rankVaccination, {
    ...run,
    options,
  });
  if (!outcome.ok) throw new Error(outcome.error.message.en);
  return { ...outcome, data: outcome.result.data as RankVaccinationData };
}

/** 1-based row of the first line whose column `column` (1-based) holds `text`, after row `from`. */
function rowOf(values: CellValue[][], column: number, text: CellValue, from = 0): number {
  const i = values.findIndex((line, r) => r >= from && line[column - 1] === text);
  if (i < 0) throw new Error(`no row with ${String(text)} in column ${column}`);
  return i + 1;
}

/** A row's cells A to N. */
function tableRow(values: CellValue[][], row: number): CellValue[] {
  return Array.from({ length: 14 }, (_, c) => values[row - 1]?.[c] ?? null);
}

const rate = (count: string, target: string, r: number) =>
  `=IF(AND(ISNUMBER(${target}${r}),${target}${r}>0,ISNUMBER(${count}${r})),${count}${r}/${target}${r},"")`;

describe("生成接种排名 on the memory host, a hand-typed 接种进度", () => {
  it("reads once and writes once", async () => {
    const book = await typedWorkbook();
    const outcome = await rank(book);
    expect(outcome.readSyncs).toBe(1);
    expect(outcome.report.syncs).toBe(1);
    expect(book.stats.syncs).toBe(2);
  });

  it("writes the title in A1, bold, merged across the table", async () => {
    const book = await typedWorkbook();
    await rank(book);
    expect(book.values("接种排名")[0][0]).toBe("截至2022年1月20日新冠疫苗接种情况排名");
    expect(book.cellFormat("接种排名", "A1")).toMatchObject({ bold: true, merged: true });
    expect(book.cellFormat("接种排名", "N1").merged).toBe(true);
  });

  it("writes the notice from row 2, one line a row, the same text the task pane gets", async () => {
    const book = await typedWorkbook();
    const { data } = await rank(book);
    const values = book.values("接种排名");
    const caption = rowOf(values, 1, "18岁以上人群（按全程完成率排名）");
    const lines = values.slice(1, caption - 2).map((line) => line[0]);
    expect(lines.join("")).toBe(data.notice.text.zh.replace(/\n/g, ""));
    expect(lines[0]).toMatch(
      /^截至1月20日，平安县18岁以上人群目标任务3,500人，第一剂已接种3,297人/
    );
    expect(values[caption - 2][0] ?? null).toBeNull();
  });

  it("ranks 平安县's townships by full-course rate with a 1,1,3 tie and closes each county with a 合计", async () => {
    const book = await typedWorkbook();
    await rank(book);
    const values = book.values("接种排名");
    const header = rowOf(values, 1, "排名");
    expect(tableRow(values, header)).toEqual(HEADER_ROW);
    const rows = [1, 2, 3, 4, 5, 6, 7].map((k) => tableRow(values, header + k));
    expect(rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      [1, "平安县", "西城镇"],
      [2, "平安县", expect.stringMatching(/^(东城镇|南山乡)$/)],
      [2, "平安县", expect.stringMatching(/^(东城镇|南山乡)$/)],
      ["全市第2位", "平安县", "合计"],
      [1, "康宁县", "河口镇"],
      ["全市第1位", "康宁县", "合计"],
      [null, "全市", "合计"],
    ]);
    expect(new Set([rows[1][2], rows[2][2]])).toEqual(new Set(["东城镇", "南山乡"]));
  });

  it("writes each township's figures, rates, due today and rank change", async () => {
    const book = await typedWorkbook();
    await rank(book);
    const values = book.values("接种排名");
    const at = (township: string) => tableRow(values, rowOf(values, 3, township));
    expect(at("西城镇")).toEqual([
      1,
      "平安县",
      "西城镇",
      2000,
      1910,
      expect.closeTo(0.955, 12),
      1830,
      expect.closeTo(0.915, 12),
      1000,
      expect.closeTo(0.5, 12),
      40,
      30,
      expect.closeTo(0.75, 12),
      "–",
    ]);
    // Third on D − 1 (79.0%), tied second on D.
    expect(at("东城镇").slice(10)).toEqual([20, 10, expect.closeTo(0.5, 12), "↑1"]);
    // Nothing given on D of 10 due: 0.0%, not blank.
    expect(at("南山乡").slice(10)).toEqual([10, 0, 0, "–"]);
    expect(at("河口镇").slice(3, 8)).toEqual([1000, 960, expect.closeTo(0.96, 12), 900, 0.9]);
  });

  it("writes the rates as formulas over the counts beside them", async () => {
    const book = await typedWorkbook();
    await rank(book);
    const r = rowOf(book.values("接种排名"), 3, "西城镇");
    const formulas = book.formulas("接种排名")[r - 1];
    expect(formulas[5]).toBe(rate("E", "D", r));
    expect(formulas[7]).toBe(rate("G", "D", r));
    expect(formulas[9]).toBe(rate("I", "D", r));
    expect(formulas[12]).toBe(rate("L", "K", r));
    // Counts are plain values.
    expect(formulas[3]).toBe(2000);
  });

  it("totals a county from the sums of its townships, not by averaging rates", async () => {
    const book = await typedWorkbook();
    await rank(book);
    const values = book.values("接种排名");
    const header = rowOf(values, 1, "排名");
    const total = rowOf(values, 3, "合计", header);
    // 平安县: target 1,000 + 2,000 + 500; full 800 + 1,830 + 400; due 20 + 40 + 10, done 10 + 30 + 0.
    expect(tableRow(values, total).slice(3, 13)).toEqual([
      3500,
      3297,
      expect.closeTo(3297 / 3500, 12),
      3030,
      expect.closeTo(3030 / 3500, 12),
      1400,
      expect.closeTo(0.4, 12),
      70,
      40,
      expect.closeTo(40 / 70, 12),
    ]);
    const formulas = book.formulas("接种排名")[total - 1];
    const first = header + 1;
    const last = total - 1;
    expect(formulas[3]).toBe(`=SUMIF(D${first}:D${last},">0")`);
    expect(formulas[7]).toBe(rate("G", "D", total));
  });

  it("totals the city from the county totals", async () => {
    const book = await typedWorkbook();
    await rank(book);
    const values = book.values("接种排名");
    const city = rowOf(values, 2, "全市");
    const pingan = rowOf(values, 2, "平安县", rowOf(values, 3, "合计") - 1);
    const kangning = rowOf(values, 3, "合计", pingan);
    expect(tableRow(values, city).slice(3, 8)).toEqual([
      4500,
      4257,
      expect.closeTo(4257 / 4500, 12),
      3930,
      expect.closeTo(3930 / 4500, 12),
    ]);
    expect(book.formulas("接种排名")[city - 1][3]).toBe(`=SUM(D${pingan},D${kangning})`);
  });

  it("formats counts with thousands separators and rates with one decimal", async () => {
    const book = await typedWorkbook();
    await rank(book);
    const values = book.values("接种排名");
    const header = rowOf(values, 1, "排名");
    const formats = book.numberFormats("接种排名");
    for (let r = header + 1; r <= rowOf(values, 2, "全市"); r++)
      expect(formats[r - 1].slice(0, 14)).toEqual(ROW_FORMATS);
  });

  it("colours the rate columns with traffic lights on 达标线 and 预警线, names that 初始化工作簿 defined", async () => {
    const book = await typedWorkbook();
    await rank(book);
    const values = book.values("接种排名");
    const header = rowOf(values, 1, "排名");
    const lastRow = rowOf(values, 2, "全市");
    const rules = book.conditionalFormats("接种排名");
    expect([...new Set(rules.map((r) => r.range))]).toEqual(
      ["F", "H", "J", "M"].map((c) => `${c}${header + 1}:${c}${lastRow}`)
    );
    const onH = rules.filter((r) => r.range.startsWith("H"));
    expect(onH).toEqual([
      expect.objectContaining({ operator: "Between", formula1: "=达标线", fill: GOOD_FILL }),
      expect.objectContaining({ operator: "Between", formula1: "=预警线" }),
      expect.objectContaining({ operator: "LessThan", formula1: "=预警线", fill: BAD_FILL }),
    ]);
    expect(Object.keys(book.names())).toEqual(expect.arrayContaining(["达标线", "预警线"]));
  });

  it("adds a bar chart of the ranked townships' full-course rates", async () => {
    const book = await typedWorkbook();
    await rank(book);
    const charts = book.charts("接种排名");
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatchObject({
      name: "接种排名图_18岁以上",
      type: "BarClustered",
      title: "18岁以上人群全程完成率",
    });
    // The chart's source: a header and the 4 ranked townships, each rate a link to the table.
    const [from, to] = charts[0].source.split(":");
    const values = book.values("接种排名");
    const formulas = book.formulas("接种排名");
    const top = Number(from.replace(/\D/g, ""));
    expect(Number(to.replace(/\D/g, ""))).toBe(top + 4);
    for (let r = top + 1; r <= top + 4; r++) {
      const link = String(formulas[r - 1][16]);
      const source = Number(link.replace(/\D/g, ""));
      expect(link).toBe(`=H${source}`);
      expect(values[r - 1][16]).toBe(values[source - 1][7]);
      expect(values[r - 1][15]).toBe(values[source - 1][2]);
    }
  });

  it("sets landscape, one page wide, the title row repeated", async () => {
    const book = await typedWorkbook();
    await rank(book);
    expectPrintSetUp(book, "接种排名", {
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1 },
      printTitleRows: "$1:$1",
    });
  });

  it("ranks on the first-dose rate when asked, and charts that rate", async () => {
    const book = await typedWorkbook();
    await rank(book, { metric: "first" });
    const values = book.values("接种排名");
    const header = rowOf(values, 1, "排名");
    expect(values[header - 2][0]).toBe("18岁以上人群（按第一剂完成率排名）");
    // 南山乡 482 / 500 = 96.4%, 西城镇 95.5%, 东城镇 90.5%.
    expect([1, 2, 3].map((k) => values[header + k - 1][2])).toEqual(["南山乡", "西城镇", "东城镇"]);
    expect(book.charts("接种排名")[0].title).toBe("18岁以上人群第一剂完成率");
  });

  it("changes nothing when run again for the same date: no write sync", async () => {
    const book = await typedWorkbook();
    await rank(book);
    const before = book.formulas("接种排名");
    book.resetStats();
    const again = await rank(book);
    expect(again.result.ops).toEqual([]);
    expect(again.report.syncs).toBe(0);
    expect(book.stats.syncs).toBe(1);
    expect(book.formulas("接种排名")).toEqual(before);
  });

  it("rewrites the sheet when a figure is corrected and run again, in 1 read + 1 write", async () => {
    const book = await typedWorkbook();
    await rank(book);
    // The clerk corrects 东城镇's full course on D (the 13th row typed, sheet row 15) from 800 to 950.
    book.setValues("接种进度", "G15", [[950]]);
    book.resetStats();
    const again = await rank(book);
    expect(again.report.syncs).toBe(1);
    expect(book.stats.syncs).toBe(2);
    const values = book.values("接种排名");
    const header = rowOf(values, 1, "排名");
    expect(tableRow(values, header + 1).slice(0, 8)).toEqual([
      1,
      "平安县",
      "东城镇",
      1000,
      905,
      expect.closeTo(0.905, 12),
      950,
      0.95,
    ]);
    expect(values.filter((line) => line[2] === "东城镇")).toHaveLength(1);
  });

  it("writes another date to its own sheet and leaves 接种排名 as it was", async () => {
    const book = await typedWorkbook();
    await rank(book);
    const latest = book.formulas("接种排名");
    book.resetStats();
    const older = await rank(book, { reportDate: D - 1 });
    expect(older.data.sheet).toBe("接种排名_1月19日");
    expect(book.sheetNames()).toContain("接种排名_1月19日");
    expect(book.values("接种排名_1月19日")[0][0]).toBe("截至2022年1月19日新冠疫苗接种情况排名");
    expect(book.formulas("接种排名")).toEqual(latest);
    expect(older.readSyncs).toBe(1);
    expect(book.stats.syncs).toBe(2);
  });

  it("changes nothing when the older date is run again", async () => {
    const book = await typedWorkbook();
    await rank(book, { reportDate: D - 1 });
    book.resetStats();
    const again = await rank(book, { reportDate: D - 1 });
    expect(again.report.syncs).toBe(0);
    expect(book.stats.syncs).toBe(1);
  });

  it("keeps the sheet in Chinese and gives the task pane the English notice when lang is en", async () => {
    const book = await typedWorkbook();
    const { data } = await rank(book, undefined, { ...RUN, lang: "en" });
    expect(book.values("接种排名")[0][0]).toBe("截至2022年1月20日新冠疫苗接种情况排名");
    expect(data.notice.text.en).toMatch(
      /^As of 20 January, 平安县 18岁以上 group: target 3,500 people/
    );
  });

  it("writes nothing and names 接种进度!A1 when 接种进度 has no rows", async () => {
    const book = new MemoryWorkbook();
    await executeCommand(createMemoryHost(book), initWorkbook, RUN);
    book.resetStats();
    const outcome = await rank(book);
    expect(outcome.result.issues).toEqual([
      expect.objectContaining({ code: "noData", sheet: "接种进度", cell: "A1", severity: "error" }),
    ]);
    expect(outcome.report.syncs).toBe(0);
    expect(book.sheetNames()).not.toContain("接种排名");
  });
});

describe("生成接种排名 on the memory host, the sample workbook", () => {
  const SAMPLE_RUN: ExecuteOptions = {
    today: SAMPLE_REPORT_DATE,
    now: SAMPLE_REPORT_DATE + 0.7,
    lang: "zh",
  };
  const GROUPS = ["18岁以上", "12-17岁", "3-11岁", "60岁以上"];

  /** The sample's input row of a township and group on the report date: [target, first, full, booster]. */
  const SAMPLE_PROGRESS = sampleWorkbookSheets().find((s) => s.name === "接种进度");
  function input(township: string, group: string): number[] {
    const row = SAMPLE_PROGRESS?.values.find(
      (line) => line[0] === SAMPLE_REPORT_DATE && line[2] === township && line[3] === group
    );
    if (!row) throw new Error(`no sample row for ${township} ${group}`);
    return row.slice(4, 8) as number[];
  }

  it("reads once and writes once, under the request limit", async () => {
    const book = await sampleWorkbook();
    const outcome = await rank(book, undefined, SAMPLE_RUN);
    expect(outcome.readSyncs).toBe(1);
    expect(outcome.report.syncs).toBe(1);
    expect(book.stats.syncs).toBe(2);
    // The Office host's default request limit (docs/hosts.md).
    expect(outcome.report.maxRequestBytes).toBeLessThan(4_500_000);
  });

  it("writes the title, the notice and one block per group, each with its header", async () => {
    const book = await sampleWorkbook();
    const { data } = await rank(book, undefined, SAMPLE_RUN);
    const values = book.values("接种排名");
    expect(values[0][0]).toBe("截至2022年1月20日新冠疫苗接种情况排名");
    const captions = GROUPS.map((g) => rowOf(values, 1, `${g}人群（按全程完成率排名）`));
    expect(captions).toEqual([...captions].sort((a, b) => a - b));
    for (const c of captions) expect(tableRow(values, c + 1)).toEqual(HEADER_ROW);
    const notice = values.slice(1, captions[0] - 2).map((line) => line[0]);
    expect(notice).toEqual(data.notice.paragraphs.flatMap((p) => p.zh));
    expect(notice[0]).toMatch(/^截至1月20日，平安县18岁以上人群/);
  });

  it("lists all 18 townships in every block with their rates from 接种进度", async () => {
    const book = await sampleWorkbook();
    await rank(book, undefined, SAMPLE_RUN);
    const values = book.values("接种排名");
    for (const group of GROUPS) {
      const header = rowOf(values, 1, `${group}人群（按全程完成率排名）`) + 1;
      const city = rowOf(values, 2, "全市", header);
      const townships = values
        .slice(header, city - 1)
        .filter((line) => line[2] !== "合计")
        .map((line) => line as CellValue[]);
      expect(townships).toHaveLength(18);
      for (const line of townships) {
        const [target, first, full] = input(String(line[2]), group);
        expect(line[3]).toBe(target);
        expect(line[5]).toBeCloseTo(first / target, 12);
        expect(line[7]).toBeCloseTo(full / target, 12);
      }
    }
  });

  it("sorts each county by rank with 1,1,3 ties: 青石镇 and 柳河镇 share third, the next is fifth", async () => {
    const book = await sampleWorkbook();
    await rank(book, undefined, SAMPLE_RUN);
    const values = book.values("接种排名");
    const header = rowOf(values, 1, "排名");
    const pingan = values.slice(header, rowOf(values, 3, "合计", header) - 1);
    expect(pingan.slice(0, 5).map((line) => [line[0], line[2]])).toEqual([
      [1, "石桥乡"],
      [2, "长岭镇"],
      [3, expect.stringMatching(/^(青石镇|柳河镇)$/)],
      [3, expect.stringMatching(/^(青石镇|柳河镇)$/)],
      [5, expect.any(String)],
    ]);
    const rates = pingan.map((line) => Number(line[7]));
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
  });

  it("paints the best three green and the worst three red", async () => {
    const book = await sampleWorkbook();
    await rank(book, undefined, SAMPLE_RUN);
    const values = book.values("接种排名");
    const header = rowOf(values, 1, "排名");
    // 平安县 18岁以上: 石桥乡 is first; 城关镇 is last (76.1%).
    expect(book.cellFormat("接种排名", `C${rowOf(values, 3, "石桥乡", header)}`).fill).toBe(
      GOOD_FILL
    );
    expect(book.cellFormat("接种排名", `C${rowOf(values, 3, "城关镇", header)}`).fill).toBe(
      BAD_FILL
    );
  });

  it("shows every rate with one decimal", async () => {
    const book = await sampleWorkbook();
    await rank(book, undefined, SAMPLE_RUN);
    const values = book.values("接种排名");
    const formats = book.numberFormats("接种排名");
    const header = rowOf(values, 1, "排名");
    const rateCells = values.flatMap((line, r) =>
      r >= header && typeof line[7] === "number" ? [formats[r][5], formats[r][7]] : []
    );
    expect(rateCells.length).toBeGreaterThan(0);
    expect(new Set(rateCells)).toEqual(new Set([PERCENT]));
  });

  it("adds one chart and traffic lights per group, and the page setup", async () => {
    const book = await sampleWorkbook();
    await rank(book, undefined, SAMPLE_RUN);
    expect(book.charts("接种排名").map((c) => c.name)).toEqual(
      GROUPS.map((g) => `接种排名图_${g}`)
    );
    // 4 rate columns × 3 rules × 4 groups.
    expect(book.conditionalFormats("接种排名")).toHaveLength(48);
    expectPrintSetUp(book, "接种排名", { orientation: "Landscape" });
  });

  it("writes only the chosen groups into the notice but every group into the sheet", async () => {
    const book = await sampleWorkbook();
    const { data } = await rank(book, { groups: ["60岁以上"] }, SAMPLE_RUN);
    expect(data.notice.paragraphs.map((p) => p.group)).toEqual(["60岁以上", "60岁以上"]);
    const values = book.values("接种排名");
    const firstCaption = rowOf(values, 1, "18岁以上人群（按全程完成率排名）");
    const notice = values.slice(1, firstCaption - 2).map((line) => String(line[0]));
    expect(notice.join("")).not.toContain("18岁以上");
    for (const g of GROUPS)
      expect(rowOf(values, 1, `${g}人群（按全程完成率排名）`)).toBeGreaterThan(1);
  });

  it("changes nothing when run again: 1 read sync and no write sync", async () => {
    const book = await sampleWorkbook();
    await rank(book, undefined, SAMPLE_RUN);
    book.resetStats();
    const again = await rank(book, undefined, SAMPLE_RUN);
    expect(again.report.syncs).toBe(0);
    expect(book.stats.syncs).toBe(1);
  });

  it("writes 1月19日 to 接种排名_1月19日 beside 接种排名", async () => {
    const book = await sampleWorkbook();
    await rank(book, undefined, SAMPLE_RUN);
    book.resetStats();
    await rank(book, { reportDate: SAMPLE_REPORT_DATE - 1 }, SAMPLE_RUN);
    expect(book.sheetNames().filter((n) => n.startsWith("接种排名"))).toEqual([
      "接种排名",
      "接种排名_1月19日",
    ]);
    expect(book.values("接种排名_1月19日")[0][0]).toBe("截至2022年1月19日新冠疫苗接种情况排名");
    expect(book.stats.syncs).toBe(2);
  });
});
