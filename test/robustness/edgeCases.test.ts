/**
 * Edge cases the fuzz suites found, each as a named test: numbers so large
 * (or small) that a calculation overflows, and issues about a choice or a
 * whole return that point at a fixed cell instead of a cell of the table.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { saveXlsx } from "../../src/hosts/xlsx/files";
import { createXlsxHost } from "../../src/hosts/xlsx/xlsxHost";
import { parseCellAddress } from "../../src/workbook/a1";
import type { CellValue, Grid } from "../../src/workbook/cells";
import type { CommandResult } from "../../src/workbook/command";
import { executeCommand } from "../../src/workbook/execute";
import { initWorkbook, planInitWorkbook } from "../../src/workbook/init/initWorkbook";
import {
  computeIsolation,
  planComputeIsolation,
} from "../../src/workbook/isolation/computeIsolation";
import { isFormulaCell, type WriteOp } from "../../src/workbook/plan";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";
import { planComputeStockpile } from "../../src/workbook/stockpile/computeStockpile";
import { planGenerateTemplates } from "../../src/workbook/stockpile/generateTemplates";
import { planImport } from "../../src/workbook/stockpile/import";
import { applyOps } from "../../src/workbook/applyOps";
import { RUN } from "../helpers/robustness";
import { tempDir } from "../xlsx/helpers";

const EMPTY: WorkbookSnapshot = { sheetNames: [], sheets: {}, names: {} };

/** 参数 and its names as 初始化工作簿 makes them, plus the given sheets. */
function workbook(sheets: Record<string, Grid>): WorkbookSnapshot {
  const base = applyOps(EMPTY, planInitWorkbook({ ...RUN, snapshot: EMPTY }).ops);
  const out = { ...base, sheets: { ...base.sheets }, sheetNames: [...base.sheetNames] };
  for (const [name, values] of Object.entries(sheets)) {
    out.sheets[name] = { name, values, formulas: values.map((r) => [...r]) };
    if (!out.sheetNames.includes(name)) out.sheetNames.push(name);
  }
  return out;
}

/** Written numbers no workbook can hold, as `sheet!R1C1: value`. */
function nonFinite(ops: readonly WriteOp[]): string[] {
  return ops.flatMap((o) =>
    o.kind !== "block"
      ? []
      : o.cells.flatMap((line, i) =>
          line
            .map((c, j): [number, CellValue] => [j, isFormulaCell(c) ? c.value : c])
            .filter(([, v]) => typeof v === "number" && !Number.isFinite(v))
            .map(([j, v]) => `${o.sheet}!R${o.row + i}C${o.column + j}: ${v}`)
        )
  );
}

describe("numbers at the edge of what a cell holds", () => {
  it("计算物资储备 writes no Infinity or NaN when 保障人数 is 1e306", () => {
    const result = planComputeStockpile({
      ...RUN,
      snapshot: workbook({
        物资储备: [
          ["单位", "单位类别", "物资名称", "保障人数", "现有库存"],
          ["县应急物资储备库", "县应急物资储备库", "医用外科口罩", 1e306, 100],
        ],
      }),
    });
    expect(nonFinite(result.ops)).toEqual([]);
  });

  it("计算隔离床位 writes no Infinity or NaN when 常住人口 is 9e307 (Excel's largest is 9.99e307)", () => {
    const result = planComputeIsolation({
      ...RUN,
      snapshot: workbook({
        隔离床位: [
          ["乡镇", "常住人口", "现有床位"],
          ["城关镇", 9e307, 10],
        ],
      }),
    });
    expect(nonFinite(result.ops)).toEqual([]);
  });

  it("a ledger saved after 计算隔离床位 with 常住人口 9e307 holds no NaN or Infinity, which Excel rejects as corrupt", async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("隔离床位");
    ws.addRows([
      ["乡镇", "常住人口", "现有床位"],
      ["城关镇", 9e307, 10],
    ]);
    const host = createXlsxHost(book);
    await executeCommand(host, initWorkbook, RUN);
    const outcome = await executeCommand(host, computeIsolation, RUN);
    expect(outcome.ok).toBe(true);
    const dir = tempDir();
    try {
      const file = path.join(dir, "台账.xlsx");
      await saveXlsx(book, file);
      const zip = await JSZip.loadAsync(await fs.readFile(file));
      const bad: string[] = [];
      for (const name of Object.keys(zip.files).filter((n) =>
        /^xl\/worksheets\/[^/]+\.xml$/.test(n)
      )) {
        const xml = await zip.file(name)!.async("string");
        for (const m of xml.matchAll(
          /<c r="([A-Z]+\d+)"[^>]*>(?:<f>[^<]*<\/f>)?<v>(NaN|-?Infinity)<\/v>/g
        ))
          bad.push(`${name} ${m[1]}: ${m[2]}`);
      }
      expect(bad).toEqual([]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

/** Whether an issue's cell lies inside a grid (one row or column past its end allowed). */
function inside(grid: Grid, cell: string): boolean {
  const at = parseCellAddress(cell);
  const width = Math.max(0, ...grid.map((r) => r.length));
  return at !== undefined && at.row <= grid.length + 1 && at.column <= width + 1;
}

describe("issues about a whole return or a choice", () => {
  it("导入填报 points a new unit's missing category at the return's own table when it starts in row 1", () => {
    const values: Grid = [
      ["单位", "单位类别", "物资名称", "保障人数", "现有库存"],
      ["新单位", null, "医用外科口罩", 5, 5],
    ];
    const plan = planImport(
      [{ fileName: "新单位.xlsx", sheets: [{ name: "Sheet1", values }] }],
      workbook({}),
      RUN
    );
    const issue = plan.issues.find((i) => i.code === "categoryMissing");
    expect(issue?.sheet).toBe("Sheet1");
    const cell = issue?.cell ?? "";
    expect({ cell, inside: inside(values, cell) }).toEqual({ cell, inside: true });
  });

  /** 物资储备 with its header in row 1 and no rows yet. */
  const reserve: Grid = [["单位", "单位类别", "物资名称", "保障人数", "现有库存"]];
  it.each([
    ["the category is not one", { category: "不存在的类别" }],
    ["no unit has the category", { category: "县直部门" }],
    ["the unit is not listed", { units: ["名单外单位"] }],
  ])(
    "生成填报模板 points its issue at 物资储备's header or first row when %s and the header is in row 1",
    (_when, options) => {
      const result: CommandResult = planGenerateTemplates({
        ...RUN,
        snapshot: workbook({ 物资储备: reserve }),
        options,
      });
      expect(result.issues.length).toBeGreaterThan(0);
      expect(
        result.issues
          .filter((i) => !inside(reserve, i.cell))
          .map((i) => `${i.code} ${i.sheet}!${i.cell}`)
      ).toEqual([]);
    }
  );
});
