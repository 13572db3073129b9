import { parseTable } from "../../src/workbook/parse";
import { readProgress } from "../../src/workbook/vaccination/readProgress";
import { PROGRESS_TABLE } from "../../src/workbook/vaccination/spec";
import { fieldBit } from "../../src/core/vaccination/progress";
import { D, HEADER, makeRow, progressGrid } from "./fixtures";

describe("readProgress", () => {
  it("reads a clean row into typed columns", () => {
    const { columns, issues } = readProgress(progressGrid([makeRow()]));
    expect(issues).toEqual([]);
    expect(columns.length).toBe(1);
    expect(columns.row[0]).toBe(3);
    expect(columns.date[0]).toBe(D);
    expect(columns.names[columns.county?.[0] ?? -1]).toBe("平安县");
    expect(columns.names[columns.township[0]]).toBe("东城镇");
    expect([columns.target[0], columns.first[0], columns.full[0], columns.booster[0]]).toEqual([
      1000, 900, 800, 300,
    ]);
    expect(columns.dayFirst).toBeNull();
  });

  it.each([
    ["text in a number column", makeRow({ first: "九百" }), "F3", "notANumber"],
    ["a negative count", makeRow({ full: -5 }), "G3", "belowMin"],
    ["a date that cannot be read", makeRow({ date: "1月20号" }), "A3", "notADate"],
    ["an impossible date", makeRow({ date: "2022-02-30" }), "A3", "notADate"],
    ["a blank township", makeRow({ township: null }), "C3", "required"],
    ["a blank first-dose count", makeRow({ first: "  " }), "F3", "required"],
    ["a boolean in a number column", makeRow({ target: true }), "E3", "notANumber"],
    [
      "a target of 1e308 (it would overflow the county totals)",
      makeRow({ target: 1e308 }),
      "E3",
      "aboveMax",
    ],
    ["a first-dose count past a billion", makeRow({ first: 2_000_000_000 }), "F3", "aboveMax"],
  ])("reports %s at its cell", (_case, row, cell, code) => {
    const { issues } = readProgress(progressGrid([row]));
    expect(issues).toEqual([
      expect.objectContaining({ sheet: "接种进度", cell, code, severity: "error" }),
    ]);
  });

  it("reads a count of exactly a billion, the largest believable figure", () => {
    const { issues, columns } = readProgress(progressGrid([makeRow({ target: 1_000_000_000 })]));
    expect(issues).toEqual([]);
    expect(columns.target[0]).toBe(1_000_000_000);
  });

  it("reports a count past a billion as parseTable does, cell for cell", () => {
    const grid = progressGrid([makeRow({ target: 1e308 }), makeRow({ first: "1,500,000,000" })]);
    const slow = parseTable(PROGRESS_TABLE, grid).issues.map((i) => `${i.cell} ${i.code}`);
    expect(readProgress(grid).issues.map((i) => `${i.cell} ${i.code}`)).toEqual(slow);
    expect(slow).toEqual(["E3 aboveMax", "F4 aboveMax"]);
  });

  it("marks reported cells so the calculation does not report them again", () => {
    const { columns } = readProgress(progressGrid([makeRow({ target: "约1000" })]));
    expect(Number.isNaN(columns.target[0])).toBe(true);
    expect(columns.reported[0] & fieldBit("target")).not.toBe(0);
  });

  it.each([
    ["full-width digits with a thousands separator", "１,２００", 1200],
    ["a number typed as text", " 950 ", 950],
    ["negative zero", -0, 0],
  ])("reads %s", (_case, cell, expected) => {
    const { columns, issues } = readProgress(progressGrid([makeRow({ first: cell })]));
    expect(issues).toEqual([]);
    expect(Object.is(columns.first[0], expected)).toBe(true);
  });

  it.each([
    ["2022/1/20", D],
    ["2022年1月20日", D],
    [D + 0.4, D],
  ])("reads the date %s", (cell, expected) => {
    expect(readProgress(progressGrid([makeRow({ date: cell })])).columns.date[0]).toBe(expected);
  });

  it("keeps a blank target blank (NaN), without an issue of its own", () => {
    const { columns, issues } = readProgress(progressGrid([makeRow({ target: null })]));
    expect(issues).toEqual([]);
    expect(Number.isNaN(columns.target[0])).toBe(true);
  });

  it("skips blank rows and keeps sheet row numbers", () => {
    const { columns } = readProgress(
      progressGrid([makeRow({ township: "甲镇" }), [null, "", "  "], makeRow({ township: "乙镇" })])
    );
    expect(Array.from(columns.row)).toEqual([3, 5]);
  });

  it("finds the header under several title rows and around user columns", () => {
    const grid = [
      ["示例市"],
      ["新冠疫苗接种进度表"],
      ["序号", ...HEADER, "备注"],
      [1, ...makeRow({ full: "x" }), "补录"],
    ];
    const { columns, issues } = readProgress(grid);
    expect(columns.row[0]).toBe(4);
    expect(issues.map((i) => i.cell)).toEqual(["H4"]);
  });

  it("reads the optional daily columns when present", () => {
    const grid = progressGrid(
      [[...makeRow(), 12, 8, 3]],
      [...HEADER, "当日第一剂", "当日全程", "当日加强"]
    );
    const { columns } = readProgress(grid);
    expect([columns.dayFirst?.[0], columns.dayFull?.[0], columns.dayBooster?.[0]]).toEqual([
      12, 8, 3,
    ]);
  });

  it("accepts English and variant headers", () => {
    const grid = progressGrid(
      [[D, "东城镇", "18岁以上", 1000, 900, 800]],
      ["Date", "乡镇（街道）", "Age group", "目标任务数", "第一针累计", "第二剂累计"]
    );
    const { columns, issues } = readProgress(grid);
    expect(issues).toEqual([]);
    expect(columns.full[0]).toBe(800);
  });

  it("reports a missing header", () => {
    const { columns, issues } = readProgress([["随便写的"], [1, 2, 3]]);
    expect(columns.length).toBe(0);
    expect(issues).toEqual([expect.objectContaining({ code: "headerNotFound", cell: "A1" })]);
  });

  it("reports a missing required column once and marks its cells as reported", () => {
    const grid = progressGrid(
      [[D, "东城镇", "18岁以上", 1000, 900]],
      ["日期", "乡镇", "人群", "目标人数", "第一剂累计"]
    );
    const { columns, issues } = readProgress(grid);
    expect(issues).toEqual([expect.objectContaining({ code: "missingColumn" })]);
    expect(columns.reported[0] & fieldBit("full")).not.toBe(0);
  });

  it("gives exactly the issues parseTable gives, cell for cell and message for message", () => {
    const grid = [
      ["平安县新冠疫苗接种进度表"],
      ["说明：请每日填写"],
      ["序号", ...HEADER, "全程累计", "当日第一剂"],
      [1, ...makeRow(), 5, 3],
      [2, ...makeRow({ date: "昨天", first: "九百", township: "  " }), null, "x"],
      [3, ...makeRow({ target: -1, full: "１,２００", group: null, booster: "abc" }), null, -2],
      [4, null, null, null, null, null, null, null, null, null, null],
      [5, ...makeRow({ date: 0.5, county: 12, first: Infinity }), null, null],
      [6, ...makeRow({ date: "2022年2月30日", full: null, first: null }), null, 4],
    ];
    const fast = readProgress(grid).issues;
    const reference = parseTable(PROGRESS_TABLE, grid).issues;
    expect(fast.length).toBeGreaterThan(8);
    expect(fast).toEqual(reference);
  });
});
