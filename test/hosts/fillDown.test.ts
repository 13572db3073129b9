/**
 * Big blocks of one formula per column are written as their first row filled
 * down (Range.autoFill): the memory Excel fills as Excel's fill handle does,
 * and the Office host sends a few hundred bytes instead of every formula,
 * with the same cells as a cell-by-cell write.
 */
import { MemoryWorkbook } from "../../src/hosts/memory/memoryExcel";
import { createMemoryHost } from "../../src/hosts/memory/memoryHost";
import { shiftFormulaRows } from "../../src/hosts/memory/model";
import type { Command } from "../../src/workbook/command";
import { executeCommand } from "../../src/workbook/execute";
import type { CellWrite, WriteBlock, WriteOp } from "../../src/workbook/plan";
import { hasExcelApi1_9 } from "./excelApi";

const RUN = { today: 44581, now: 44581.4, lang: "zh" as const };

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return undefined;
}

function commandWriting(ops: WriteOp[]): Command {
  return {
    id: "test",
    label: { zh: "测试", en: "Test" },
    reads: () => [],
    run: () => ({ ops, issues: [], summary: { zh: "完成", en: "Done" } }),
  };
}

/** Row r's three formulas: relative, absolute-row and whole-column references, a name and quoted text. */
function formulasOf(r: number): string[] {
  return [
    `=IF(ISNUMBER(A${r}),A${r}*B$1,"A1 不是数字")`,
    `=IFERROR(INDEX(目录!$C:$C,MATCH(TRIM(B${r}),目录!$A:$A,0)),"")`,
    `=IF(C${r}>=达标线,"达标","不足")`,
  ];
}

/** `rows` rows from row 2, each its formulas with a value. */
function formulaBlock(rows: number, overrides: Partial<WriteBlock> = {}): WriteBlock {
  const cells: CellWrite[][] = Array.from({ length: rows }, (_, i) =>
    formulasOf(i + 2).map((formula, j) => ({ formula, value: i * 10 + j }))
  );
  return {
    kind: "block",
    sheet: "数据",
    row: 2,
    column: 4,
    cells,
    numberFormats: { byColumn: ["0.0", null, "@"] },
    ...overrides,
  };
}

async function write(ops: WriteOp[]) {
  const book = new MemoryWorkbook([{ name: "数据", values: [["A", "B", "C"]] }]);
  const outcome = await executeCommand(createMemoryHost(book), commandWriting(ops), RUN);
  if (!outcome.ok) throw new Error(outcome.error.message.en);
  return { book, outcome, bytes: book.stats.batches.slice(1).reduce((s, b) => s + b.bytes, 0) };
}

describe("shiftFormulaRows", () => {
  it.each([
    ["a relative reference", "=A1+B2", 3, "=A4+B5"],
    ["an absolute row, not", "=A$1+$B$2", 3, "=A$1+$B$2"],
    ["a relative row under an absolute column", "=$A1", 2, "=$A3"],
    ["whole columns, not", "=SUM(目录!$A:$A)", 5, "=SUM(目录!$A:$A)"],
    ["text in quotes, not", '=IF(A1="A1","B2",A1)', 1, '=IF(A2="A1","B2",A2)'],
    ["a quoted sheet name, not", "='Q1 2022'!A1", 1, "='Q1 2022'!A2"],
    ["a function name with digits, not", "=LOG10(A1)", 1, "=LOG10(A2)"],
    ["a name, not", "=IF(Q1>=达标线,1,0)", 1, "=IF(Q2>=达标线,1,0)"],
    ["up as well as down", "=A5", -2, "=A3"],
  ])("moves %s", (_name, formula, delta, expected) => {
    expect(shiftFormulaRows(formula, delta)).toBe(expected);
  });
});

describe("MemoryWorkbook: Range.autoFill", () => {
  async function filled(type: "FillCopy" | "FillValues") {
    // Range.autoFill itself: an Excel with ExcelApi 1.9.
    const book = new MemoryWorkbook([{ name: "数据", values: [["A"], [1], [2], [3]] }], {
      excelApi: "1.9",
    });
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("数据");
      const first = sheet.getRange("B2:C2");
      first.formulas = [["=A2*2", "固定"]];
      first.numberFormat = [["0.0", "@"]];
      first.format.fill.color = "#FF0000";
      first.autoFill("B2:C4", type);
      await context.sync();
    });
    return book;
  }

  it("fills formulas down with their relative rows moved and copies constants", async () => {
    const book = await filled("FillCopy");
    expect(book.formulas("数据").map((r) => r.slice(1, 3))).toEqual([
      [null, null],
      ["=A2*2", "固定"],
      ["=A3*2", "固定"],
      ["=A4*2", "固定"],
    ]);
  });

  it("copies the first row's number formats and fill with FillCopy", async () => {
    const book = await filled("FillCopy");
    expect(book.cellFormat("数据", "B4")).toMatchObject({ numberFormat: "0.0", fill: "#FF0000" });
  });

  it("copies no format with FillValues", async () => {
    const book = await filled("FillValues");
    expect(book.cellFormat("数据", "B4").numberFormat).toBe("General");
    expect(book.cellFormat("数据", "B4").fill).toBeUndefined();
    expect(book.formulas("数据")[3][1]).toBe("=A4*2");
  });

  it.each([
    ["sideways", "B2:D2", "FillCopy"],
    ["to other columns", "C2:C5", "FillCopy"],
    ["with a series", "B2:B5", "FillSeries"],
  ] as const)("refuses a fill %s, which it does not model", async (_name, destination, type) => {
    const book = new MemoryWorkbook([{ name: "数据", values: [[1]] }], { excelApi: "1.9" });
    const error = await rejection(
      book.run(async (context) => {
        context.workbook.worksheets.getItem("数据").getRange("B2").autoFill(destination, type);
        await context.sync();
      })
    );
    expect(error).toMatchObject({ code: "InvalidArgument" });
  });
});

describe("officeHost: big formula blocks filled down", () => {
  it("writes 2,000 rows of one formula per column in one small request, with the cells a cell-by-cell write gives", async () => {
    const block = formulaBlock(2_000);
    const { book, outcome, bytes } = await write([block]);
    expect(outcome.report.syncs).toBe(1);
    // Without Range.autoFill (ExcelApi 1.8) every formula is sent: the same cells, in a bigger request.
    if (hasExcelApi1_9(book)) expect(bytes).toBeLessThan(5_000);
    else expect(bytes).toBeGreaterThan(200_000);
    const formulas = book.formulas("数据");
    expect(formulas[1].slice(3, 6)).toEqual(formulasOf(2));
    expect(formulas[2000].slice(3, 6)).toEqual(formulasOf(2001));
    // The memory host gives each formula the engine's value: only exact formulas take it.
    expect(book.values("数据")[2000].slice(3, 6)).toEqual([19990, 19991, 19992]);
    expect(book.cellFormat("数据", "D2001").numberFormat).toBe("0.0");
    expect(book.cellFormat("数据", "F2001").numberFormat).toBe("@");
    expect(outcome.report.cells).toBe(6_000);
  });

  it("writes cell by cell a column whose quoted text differs by row, which a fill would not change", async () => {
    const cells: CellWrite[][] = Array.from({ length: 3_000 }, (_, i) => [
      { formula: `=IF(A${i + 2}>0,"第${i + 2}行","${"空".repeat(20)}")`, value: i },
    ]);
    const { book, bytes } = await write([
      { kind: "block", sheet: "数据", row: 2, column: 4, cells },
    ]);
    expect(bytes).toBeGreaterThan(100_000);
    expect(book.formulas("数据")[3000][3]).toBe(`=IF(A3001>0,"第3001行","${"空".repeat(20)}")`);
  });

  it("writes cell by cell a block where one row is not the first row filled down", async () => {
    const block = formulaBlock(2_000);
    block.cells[700][1] = { formula: "=1+1", value: 2 };
    const { book, bytes } = await write([block]);
    expect(bytes).toBeGreaterThan(200_000);
    expect(book.formulas("数据")[701][4]).toBe("=1+1");
    expect(book.formulas("数据")[702].slice(3, 6)).toEqual(formulasOf(703));
  });

  it("writes cell by cell a formula holding a row range, which a fill would move", async () => {
    const cells: CellWrite[][] = Array.from({ length: 3_000 }, (_, i) => [
      { formula: `=SUM(1:1)+A${i + 2}+${"0+".repeat(20)}0`, value: i },
    ]);
    const { book, bytes } = await write([
      { kind: "block", sheet: "数据", row: 2, column: 4, cells },
    ]);
    expect(bytes).toBeGreaterThan(100_000);
    expect(book.formulas("数据")[3000][3]).toBe(`=SUM(1:1)+A3001+${"0+".repeat(20)}0`);
  });

  it("writes a small block cell by cell", async () => {
    const block = formulaBlock(3);
    const { book, bytes } = await write([block]);
    expect(bytes).toBeGreaterThan(
      JSON.stringify(block.cells.map((r) => r.map((c) => (c as { formula: string }).formula)))
        .length
    );
    expect(book.formulas("数据")[3].slice(3, 6)).toEqual(formulasOf(4));
  });
});
