/**
 * Header recognition and the rows that are not data, one behaviour each:
 * paths of merged headers, units in brackets, meta rows and 截至, summary
 * rows, footers, invisible characters, formulas without a cached value.
 */
import { serialFromYmd } from "../../src/core/dates";
import type { Grid } from "../../src/workbook/cells";
import { detectHeader, splitUnit } from "../../src/workbook/headers";
import { parseTable } from "../../src/workbook/parse";
import { BEDS_TABLE } from "../../src/workbook/isolation/specs";
import { PROGRESS_TABLE } from "../../src/workbook/vaccination/spec";
import { readProgress } from "../../src/workbook/vaccination/readProgress";

const codes = (issues: { cell: string; code: string; severity: string }[]) =>
  issues.map((i) => `${i.cell} ${i.code} ${i.severity}`);

describe("multi-level headers", () => {
  it("name a column by its path and match a repeated leaf by the whole path", () => {
    const grid: Grid = [
      ["日期", "乡镇", "人群", "目标人数", "累计", null, "当日", null],
      [null, null, null, null, "第一剂", "第二剂", "第一剂", "第二剂"],
      [44581, "城关镇", "18岁以上", 1000, 900, 800, 5, 4],
    ];
    const h = detectHeader(PROGRESS_TABLE, grid);
    expect([h?.headerTop, h?.headerRow]).toEqual([1, 2]);
    expect(["first", "full", "dayFirst", "dayFull"].map((k) => h?.columns.get(k))).toEqual([
      5, 6, 7, 8,
    ]);
    expect(h?.paths.get(7)).toBe("当日/第一剂");
  });

  it("take a unit from the group above (隔离床位（张）/现有床位)", () => {
    const grid: Grid = [
      ["乡镇", "常住人口（人）", "隔离床位（间）", null],
      [null, null, "现有床位", "备用床位"],
      ["城关镇", 1000, 5, 1],
    ];
    const h = detectHeader(BEDS_TABLE, grid);
    expect(h?.units.get("existingBeds")).toMatchObject({
      unit: "间",
      factor: 1,
      row: 1,
      column: 3,
    });
  });
});

describe("units in brackets", () => {
  it.each([
    ["常住人口（万人）", { name: "常住人口", unit: "万人" }],
    ["乡镇（街道）", { name: "乡镇（街道）" }],
    ["现有库存(数量)", { name: "现有库存", unit: "数量" }],
  ])("split %p", (text, expected) => {
    expect(splitUnit(text)).toEqual(expected);
  });

  it("raise an issue at the header cell where no safe conversion exists, and do not read the column", () => {
    const grid: Grid = [
      ["乡镇", "常住人口（户）", "现有床位"],
      ["城关镇", 300, 5],
    ];
    const parsed = parseTable(BEDS_TABLE, grid);
    expect(codes(parsed.issues)).toEqual(["B1 unitMismatch error"]);
    expect(parsed.rows[0].values.population).toBeUndefined();
  });
});

describe("meta rows", () => {
  it("are never the header, and give the 截至 date", () => {
    const grid: Grid = [
      ["XX县统计表"],
      ["填报单位：县卫健局", null, "截至2022年1月19日"],
      ["单位：万人"],
      ["乡镇", "常住人口", "现有床位"],
      ["城关镇", 8.64, 150],
    ];
    const parsed = parseTable(BEDS_TABLE, grid);
    expect(parsed.header?.headerRow).toBe(4);
    expect(parsed.header?.meta.asOf?.date).toBe(serialFromYmd(2022, 1, 19));
    expect(parsed.rows[0].values.population).toBe(86_400);
    expect(codes(parsed.issues)).toEqual(["A3 unitConverted warning"]);
  });
});

describe("rows that are not data", () => {
  const head = ["序号", "乡镇", "常住人口", "现有床位"];

  it("end the table at a footer, and warn about data below it", () => {
    const grid: Grid = [head, [1, "城关镇", 1000, 5], ["填表人：张三"], [2, "马场乡", 900, 1]];
    const parsed = parseTable(BEDS_TABLE, grid);
    expect(parsed.rows.map((r) => r.row)).toEqual([2]);
    expect(codes(parsed.issues)).toEqual(["B4 rowsAfterFooter warning"]);
  });

  it("take a 合计 placed above the townships as covering the rows below", () => {
    const grid: Grid = [
      head,
      ["合计", null, 1900, 6],
      [1, "城关镇", 1000, 5],
      [2, "马场乡", 900, 1],
    ];
    const parsed = parseTable(BEDS_TABLE, grid);
    expect(parsed.summaries).toEqual([{ row: 2, label: "合计", kind: "total", covers: [3, 4] }]);
    expect(parsed.issues).toEqual([]);
  });

  it("recognise a blank-name row of SUM formulas", () => {
    const grid: Grid = [head, [1, "城关镇", 1000, 5], [2, "马场乡", 900, 1], [null, null, 1900, 6]];
    const formulas: Grid = grid.map((r) => [...r]);
    formulas[3] = [null, null, "=SUM(C2:C3)", "=SUM(D2:D3)"];
    const parsed = parseTable(BEDS_TABLE, grid, { formulas });
    expect(parsed.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(parsed.summaries.map((s) => s.covers)).toEqual([[2, 3]]);
  });

  it("name a 合计 with nothing to sum as an issue: a township cannot be called 合计", () => {
    const parsed = parseTable(BEDS_TABLE, [head, [1, "合计", 1000, 5]]);
    expect(codes(parsed.issues)).toEqual(["B2 summaryLabelAsName error"]);
    expect(parsed.rows).toEqual([]);
  });
});

describe("cells", () => {
  it("report a formula without a cached value as such, not as 不能为空", () => {
    const grid: Grid = [
      ["乡镇", "常住人口", "现有床位"],
      ["城关镇", null, 5],
    ];
    const formulas: Grid = [
      ["乡镇", "常住人口", "现有床位"],
      ["城关镇", "=B9*2", 5],
    ];
    const parsed = parseTable(BEDS_TABLE, grid, { formulas });
    expect(codes(parsed.issues)).toEqual(["B2 formulaNoValue error"]);
    const progress = readProgress(
      [
        ["日期", "乡镇", "人群", "第一剂累计", "全程累计"],
        [44581, "城关镇", "18岁以上", null, 5],
      ],
      "接种进度",
      [
        ["日期", "乡镇", "人群", "第一剂累计", "全程累计"],
        [44581, "城关镇", "18岁以上", "=X1", 5],
      ]
    );
    expect(codes(progress.issues)).toEqual(["D2 formulaNoValue error"]);
  });

  it("strip invisible characters from names for matching, and flag them, in both readers alike", () => {
    const grid: Grid = [
      ["日期", "乡镇", "人群", "第一剂累计", "全程累计"],
      [44581, "城关镇\u200B", "18岁以上", 9, 5],
    ];
    const parsed = parseTable(PROGRESS_TABLE, grid);
    expect(parsed.rows[0].values.township).toBe("城关镇");
    const fast = readProgress(grid);
    expect(fast.columns.names[fast.columns.township[0]]).toBe("城关镇");
    expect(codes(fast.issues)).toEqual(codes(parsed.issues));
    expect(codes(parsed.issues)).toEqual(["B2 invisibleCharacter warning"]);
  });
});
