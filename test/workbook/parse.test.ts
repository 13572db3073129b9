import type { CellValue } from "../../src/workbook/cells";
import { detectHeader, normalizeHeader } from "../../src/workbook/headers";
import { formatIssue } from "../../src/workbook/issues";
import { parseTable } from "../../src/workbook/parse";
import type { TableSpec } from "../../src/workbook/schema";

const spec: TableSpec = {
  id: "demo",
  sheet: "物资储备",
  en: "Stockpile",
  columns: [
    {
      key: "unit",
      zh: "单位",
      en: "Unit",
      aliases: ["单位名称"],
      type: "text",
      role: "input",
      required: true,
    },
    {
      key: "category",
      zh: "单位类别",
      en: "Category",
      type: "enum",
      role: "input",
      values: ["乡镇", "县直部门"],
      valueAliases: { 镇: "乡镇" },
    },
    { key: "item", zh: "物资名称", en: "Item", type: "text", role: "input", required: true },
    { key: "stock", zh: "现有库存", en: "Stock on hand", type: "number", role: "input", min: 0 },
    { key: "date", zh: "日期", en: "Date", type: "date", role: "input" },
    { key: "gap", zh: "缺口", en: "Gap", type: "number", role: "output" },
  ],
};

const header: CellValue[] = ["单位", "单位类别", "物资名称", "现有库存", "日期"];

function makeGrid(
  rows: CellValue[][],
  options: { titles?: CellValue[][]; head?: CellValue[] } = {}
): CellValue[][] {
  return [...(options.titles ?? []), options.head ?? header, ...rows];
}

describe("normalizeHeader", () => {
  it.each([
    [" 现有库存 ", "现有库存"],
    ["医用防护口罩（N95）", "医用防护口罩(n95)"],
    ["医用防护口罩【N95】", "医用防护口罩(n95)"],
    ["Stock On Hand", "stockonhand"],
    ["现有\n库存", "现有库存"],
    ["＊现有库存：", "现有库存"],
  ])("normalises %p to %p", (text, expected) => {
    expect(normalizeHeader(text)).toBe(expected);
  });
});

describe("detectHeader", () => {
  it("finds the header below title rows", () => {
    const grid = makeGrid([["卫健局", "县直部门", "N95", 10, null]], {
      titles: [["XX县物资储备情况表"], [null], ["填报日期：2022年1月9日"]],
    });
    const match = detectHeader(spec, grid);
    expect(match?.headerRow).toBe(4);
    expect(match?.columns.get("stock")).toBe(4);
  });

  it("accepts English aliases and listed variants, whatever the spacing", () => {
    const match = detectHeader(spec, [["单位名称", " Item ", "STOCK ON HAND"]]);
    expect(match?.columns.get("unit")).toBe(1);
    expect(match?.columns.get("item")).toBe(2);
    expect(match?.columns.get("stock")).toBe(3);
  });

  it("keeps user columns such as 序号 and 备注 as extra columns", () => {
    const match = detectHeader(spec, [["序号", ...header, "备注"]]);
    expect(match?.extra).toEqual([
      { column: 1, header: "序号" },
      { column: 7, header: "备注" },
    ]);
    expect(match?.columns.get("unit")).toBe(2);
  });

  it("returns undefined when no row carries a required column", () => {
    expect(detectHeader(spec, [["XX县物资储备情况表"], ["现有库存"]])).toBeUndefined();
  });

  it("uses the first of duplicated headers and reports the copy", () => {
    const match = detectHeader(spec, [["单位", "物资名称", "现有库存", "现有库存"]]);
    expect(match?.columns.get("stock")).toBe(3);
    expect(match?.duplicates).toEqual([{ key: "stock", columns: [3, 4] }]);
  });
});

describe("parseTable", () => {
  it("parses rows into typed values with their sheet row numbers", () => {
    const grid = makeGrid([["卫健局", "县直部门", "N95", "1,200", "2022/1/9"]], {
      titles: [["XX县物资储备情况表"]],
    });
    const table = parseTable(spec, grid);
    expect(table.issues).toEqual([]);
    expect(table.rows).toEqual([
      {
        row: 3,
        ok: true,
        values: { unit: "卫健局", category: "县直部门", item: "N95", stock: 1200, date: 44570 },
      },
    ]);
  });

  it("names the sheet and cell of a bad number, and keeps valid rows", () => {
    const grid = makeGrid([
      ["卫健局", "县直部门", "N95", 10, null],
      ["城关镇", "乡镇", "N95", "十个", null],
      ["青石镇", "乡镇", "N95", -3, null],
    ]);
    const table = parseTable(spec, grid);
    expect(table.rows.map((r) => r.ok)).toEqual([true, false, false]);
    expect(table.issues.map((i) => `${i.sheet}!${i.cell} ${i.code}`)).toEqual([
      "物资储备!D3 notANumber",
      "物资储备!D4 belowMin",
    ]);
    expect(formatIssue(table.issues[1])).toBe(
      "物资储备!D4: “现有库存”不能小于 0（现为 -3），请更正"
    );
  });

  it("maps enum aliases to the canonical value and rejects unknown values with the allowed list", () => {
    const table = parseTable(
      spec,
      makeGrid([
        ["甲", "镇", "N95", 1, null],
        ["乙", "医院", "N95", 1, null],
      ])
    );
    expect(table.rows[0].values.category).toBe("乡镇");
    expect(table.issues).toHaveLength(1);
    expect(table.issues[0]).toMatchObject({ cell: "B3", code: "unknownValue" });
    expect(table.issues[0].message.zh).toContain("乡镇、县直部门");
  });

  it("reports a blank required cell", () => {
    const table = parseTable(spec, makeGrid([[null, "乡镇", "N95", 1, null]]));
    expect(table.issues).toMatchObject([{ code: "required", cell: "A2" }]);
    expect(table.rows[0].ok).toBe(false);
  });

  it("skips rows whose input cells are all blank, even when output cells hold values", () => {
    const head = [...header, "缺口"];
    const table = parseTable(
      spec,
      makeGrid(
        [
          [null, null, null, null, null, 5],
          ["甲", "乡镇", "N95", 1, null, 0],
        ],
        { head }
      )
    );
    expect(table.rows.map((r) => r.row)).toEqual([3]);
  });

  it("reads output columns only when asked", () => {
    const head = [...header, "缺口"];
    const grid = makeGrid([["甲", "乡镇", "N95", 1, null, 4]], { head });
    expect(parseTable(spec, grid).rows[0].values.gap).toBeUndefined();
    expect(parseTable(spec, grid, { roles: ["input", "output"] }).rows[0].values.gap).toBe(4);
  });

  it("reports a missing required column at the end of the header row", () => {
    const table = parseTable(spec, [
      ["单位", "现有库存"],
      ["甲", 1],
    ]);
    expect(table.issues[0]).toMatchObject({ code: "missingColumn", cell: "C1" });
    expect(table.issues[0].message.zh).toContain("物资名称");
  });

  it("reports a sheet with no header at A1 and returns no rows", () => {
    const table = parseTable(spec, [["随便写点什么"]]);
    expect(table.rows).toEqual([]);
    expect(table.issues).toMatchObject([{ code: "headerNotFound", sheet: "物资储备", cell: "A1" }]);
  });

  it("does not throw on ragged rows and odd cell types", () => {
    const grid: CellValue[][] = [header, ["甲"], [true, false, 3, "x"], []];
    const table = parseTable(spec, grid);
    expect(table.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(table.issues.every((i) => /^[A-Z]+\d+$/.test(i.cell))).toBe(true);
  });
});
