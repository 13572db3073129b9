/**
 * An Excel that offers only ExcelApi 1.8 (Excel 2019): the memory Excel
 * refuses newer members as such an Excel does, and the Office host lights up
 * Range.autoFill and page layout (ExcelApi 1.9) only where Excel offers them,
 * with the same cells either way and print set-up left to the clerk, said.
 */
import { createOfficeHost } from "../../src/hosts/excel/officeHost";
import { MemoryWorkbook } from "../../src/hosts/memory/memoryExcel";
import { createMemoryHost } from "../../src/hosts/memory/memoryHost";
import type { Command } from "../../src/workbook/command";
import { executeCommand, type ExecuteOptions } from "../../src/workbook/execute";
import type { CellWrite, WriteOp } from "../../src/workbook/plan";
import { UNTOUCHED_PAGE } from "./excelApi";

const RUN: ExecuteOptions = { today: 44581, now: 44581.4, lang: "zh" };

function commandWriting(ops: WriteOp[]): Command {
  return {
    id: "test",
    label: { zh: "测试", en: "Test" },
    reads: () => [],
    run: () => ({ ops, issues: [], summary: { zh: "完成", en: "Done" } }),
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return undefined;
}

/** A sheet with a title block, a chart and its print set-up. */
const REPORT_OPS: WriteOp[] = [
  { kind: "ensureSheet", sheet: "报表", tabColor: "#70AD47" },
  {
    kind: "block",
    sheet: "报表",
    row: 1,
    column: 1,
    cells: [
      ["乡镇", "完成率"],
      ["城关镇", 0.9],
    ],
    numberFormats: { byColumn: [null, "0.0%"] },
  },
  {
    kind: "chart",
    sheet: "报表",
    type: "barClustered",
    dataRange: "A1:B2",
    title: "完成率",
    anchor: "D2",
    name: "完成率图",
  },
  { kind: "freeze", sheet: "报表", rows: 1 },
  {
    kind: "pageSetup",
    sheet: "报表",
    orientation: "Landscape",
    fitToWidth: true,
    printTitleRows: "$1:$1",
    centerHeader: "示例县",
  },
];

/** 3,000 rows of one formula per column: what the host fills down when it may. */
function formulaColumn(): WriteOp {
  const cells: CellWrite[][] = Array.from({ length: 3_000 }, (_, i) => [
    { formula: `=IF(ISNUMBER(A${i + 2}),A${i + 2}*B$1,"A1 不是数字")`, value: i },
    { formula: `=IF(C${i + 2}>=达标线,"达标","不足")`, value: "达标" },
  ]);
  return {
    kind: "block",
    sheet: "数据",
    row: 2,
    column: 4,
    cells,
    numberFormats: { byColumn: ["0.0", null] },
  };
}

describe("MemoryWorkbook playing one ExcelApi set", () => {
  it("fails the sync with ApiNotFound, and applies nothing, when a 1.8 Excel is asked for Range.autoFill", async () => {
    const book = new MemoryWorkbook([{ name: "数据", values: [["A"], [1]] }], {
      excelApi: "1.8",
    });
    const error = await rejection(
      book.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("数据");
        sheet.getRange("B1").values = [["写入"]];
        sheet.getRange("B2").formulas = [["=A2*2"]];
        sheet.getRange("B2").autoFill("B2:B3", "FillCopy");
        await context.sync();
      })
    );
    expect(error).toMatchObject({ code: "ApiNotFound" });
    expect(book.values("数据")).toEqual([["A"], [1]]);
  });

  it("fails the sync with ApiNotFound when a 1.8 Excel is asked for the page layout", async () => {
    const book = new MemoryWorkbook([{ name: "数据", values: [["A"]] }], { excelApi: "1.8" });
    const error = await rejection(
      book.run(async (context) => {
        context.workbook.worksheets.getItem("数据").pageLayout.orientation = "Landscape";
        await context.sync();
      })
    );
    expect(error).toMatchObject({ code: "ApiNotFound" });
    expect(book.pageLayout("数据")).toEqual(UNTOUCHED_PAGE);
  });

  it("refuses tab colours (1.7) below 1.7 and offers them from 1.7", async () => {
    const colour = (book: MemoryWorkbook) =>
      book.run(async (context) => {
        context.workbook.worksheets.getItem("数据").tabColor = "#FF0000";
        await context.sync();
      });
    const old = new MemoryWorkbook([{ name: "数据", values: [["A"]] }], { excelApi: "1.6" });
    expect(await rejection(colour(old))).toMatchObject({ code: "ApiNotFound" });
    const at17 = new MemoryWorkbook([{ name: "数据", values: [["A"]] }], { excelApi: "1.7" });
    await colour(at17);
    expect(at17.tabColor("数据")).toBe("#FF0000");
  });

  it("still offers data validation (1.8) at 1.8, and Range.autoFill at 1.9", async () => {
    const book = new MemoryWorkbook([{ name: "数据", values: [["A"], [1], [2]] }], {
      excelApi: "1.9",
    });
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("数据");
      sheet.getRange("B2").formulas = [["=A2*2"]];
      sheet.getRange("B2").autoFill("B2:B3", "FillCopy");
      sheet.getRange("C2:C3").dataValidation.rule = {
        wholeNumber: { operator: "GreaterThan", formula1: 0 },
      };
      await context.sync();
    });
    expect(book.formulas("数据").map((r) => r[1])).toEqual([null, "=A2*2", "=A3*2"]);
    const at18 = new MemoryWorkbook([{ name: "数据", values: [["A"]] }], { excelApi: "1.8" });
    await at18.run(async (context) => {
      context.workbook.worksheets.getItem("数据").getRange("C2").dataValidation.rule = {
        list: { inCellDropDown: true, source: "甲,乙" },
      };
      await context.sync();
    });
    expect(at18.dataValidations("数据").map((v) => v.range)).toEqual(["C2"]);
  });

  it.each([
    [{ excelApi: "1.8" as const }, "1.8", true],
    [{ excelApi: "1.8" as const }, "1.9", false],
    [{ excelApi: "1.8" as const }, "1.10", false],
    [{ excelApi: "1.10" as const }, "1.9", true],
    [{}, "1.9", true],
  ])(
    "answers isSetSupported('ExcelApi') as the Excel it plays: %j asked %s",
    (options, asked, answer) => {
      expect(new MemoryWorkbook([], options).isSetSupported("ExcelApi", asked)).toBe(answer);
    }
  );

  it("offers no other requirement set, and refuses a set that is not one", () => {
    expect(new MemoryWorkbook().isSetSupported("WordApi", "1.1")).toBe(false);
    expect(() => new MemoryWorkbook([], { excelApi: "2019" as "1.8" })).toThrow(
      "Not an ExcelApi set: 2019"
    );
  });
});

describe("the Office host on an Excel with ExcelApi 1.8", () => {
  it("writes the sheet in full but for its print set-up, and says what to set by hand", async () => {
    const at18 = new MemoryWorkbook([], { excelApi: "1.8" });
    const at19 = new MemoryWorkbook([], { excelApi: "1.9" });
    const old = await executeCommand(createMemoryHost(at18), commandWriting(REPORT_OPS), RUN);
    const lit = await executeCommand(createMemoryHost(at19), commandWriting(REPORT_OPS), RUN);
    if (!old.ok || !lit.ok) throw new Error("the command failed");
    for (const sheet of ["报表"]) {
      expect(at18.values(sheet)).toEqual(at19.values(sheet));
      expect(at18.numberFormats(sheet)).toEqual(at19.numberFormats(sheet));
      expect(at18.charts(sheet)).toEqual(at19.charts(sheet));
      expect(at18.frozenRows(sheet)).toBe(at19.frozenRows(sheet));
      expect(at18.tabColor(sheet)).toBe(at19.tabColor(sheet));
    }
    expect(at18.pageLayout("报表")).toEqual(UNTOUCHED_PAGE);
    expect(at19.pageLayout("报表")).toMatchObject({
      orientation: "Landscape",
      printTitleRows: "$1:$1",
    });
    expect(old.report.skipped).toEqual([
      {
        zh: "已生成；此版本 Excel 不支持打印设置，请手动设置（“页面布局”选项卡：纸张方向、缩放、打印标题、页眉）：“报表”。",
        en: "Done; this version of Excel cannot set up printing (that needs ExcelApi 1.9), so set it by hand on the Page Layout tab (orientation, scaling, print titles, header) for “报表”.",
      },
    ]);
    expect(lit.report.skipped).toBeUndefined();
  });

  it("names every sheet whose print set-up it left out, once each", async () => {
    const book = new MemoryWorkbook([], { excelApi: "1.8" });
    const ops: WriteOp[] = [
      { kind: "ensureSheet", sheet: "甲表" },
      { kind: "ensureSheet", sheet: "乙表" },
      { kind: "pageSetup", sheet: "甲表", orientation: "Landscape", fitToWidth: false },
      { kind: "pageSetup", sheet: "乙表", orientation: "Portrait", fitToWidth: true },
      { kind: "pageSetup", sheet: "甲表", orientation: "Landscape", fitToWidth: false },
    ];
    const outcome = await executeCommand(createMemoryHost(book), commandWriting(ops), RUN);
    if (!outcome.ok) throw new Error(outcome.error.message.en);
    expect(outcome.report.skipped?.map((m) => m.zh.slice(m.zh.lastIndexOf("：")))).toEqual([
      "：“甲表”、“乙表”。",
    ]);
  });

  it("writes a block it would fill down cell by cell in chunks, with the same cells as Range.autoFill gives", async () => {
    const limit = 100_000;
    const books = (["1.8", "1.9"] as const).map(
      (excelApi) => new MemoryWorkbook([{ name: "数据", values: [["A", "B", 2]] }], { excelApi })
    );
    const outcomes = [];
    for (const book of books)
      outcomes.push(
        await executeCommand(
          createMemoryHost(book, { maxRequestBytes: limit }),
          commandWriting([formulaColumn()]),
          RUN
        )
      );
    const [old, lit] = outcomes;
    if (!old.ok || !lit.ok) throw new Error("the command failed");
    expect(books[0].formulas("数据")).toEqual(books[1].formulas("数据"));
    expect(books[0].numberFormats("数据")).toEqual(books[1].numberFormats("数据"));
    expect(books[0].values("数据")).toEqual(books[1].values("数据"));
    expect(lit.report.syncs).toBe(1);
    expect(old.report.syncs).toBeGreaterThan(1);
    expect(old.report.maxRequestBytes).toBeLessThanOrEqual(limit);
    expect(old.report.skipped).toBeUndefined();
  });

  it("fails with 升级 Excel, not silently, when it is told 1.9 is there and Excel lacks it", async () => {
    const book = new MemoryWorkbook([], { excelApi: "1.8" });
    const host = createOfficeHost({
      run: book.run,
      requirements: { isSetSupported: () => true },
    });
    const outcome = await executeCommand(host, commandWriting(REPORT_OPS), RUN);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toMatchObject({ kind: "unsupported" });
    expect(outcome.error.message.zh).toContain("升级 Excel");
  });
});
