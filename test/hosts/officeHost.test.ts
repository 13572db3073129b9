/**
 * The Office host, run on the in-memory Excel: the sync budget (1 read, 1
 * write for a plan that fits), chunking of big blocks, re-runs that change
 * nothing, text that stays text, and Office failures as data.
 */
import type { ExcelRunner } from "../../src/hosts/excel/officeHost";
import type { InjectedFailure } from "../../src/hosts/memory/errors";
import { MemoryWorkbook } from "../../src/hosts/memory/memoryExcel";
import { createMemoryHost } from "../../src/hosts/memory/memoryHost";
import type { Command } from "../../src/workbook/command";
import { executeCommand, type ExecuteOptions } from "../../src/workbook/execute";
import { HostError } from "../../src/workbook/host";
import { initWorkbook } from "../../src/workbook/init/initWorkbook";
import { PARAMS } from "../../src/workbook/params";
import type { CellWrite, WriteBlock, WriteOp } from "../../src/workbook/plan";
import { HEADER_FILL, INPUT_HEADER_FONT } from "../../src/workbook/styles";
import { expectPrintSetUp } from "./excelApi";

/** Compile-time: `Excel.run` itself is an ExcelRunner, as the task pane passes it. */
export type ExcelRunFits = typeof Excel.run extends ExcelRunner ? true : never;

const RUN: ExecuteOptions = { today: 44581, now: 44581.4, lang: "zh" };
/** 参数 rows: title, header, then one parameter a row from row 3. */
const paramRow = (name: string) => 3 + PARAMS.findIndex((p) => p.name === name);

/** A command that reads `reads` and writes `ops`, for host tests that need a plan of their own. */
function commandWriting(ops: WriteOp[], reads: string[] = []): Command {
  return {
    id: "test",
    label: { zh: "测试", en: "Test" },
    reads: () => reads,
    run: () => ({ ops, issues: [], summary: { zh: "完成", en: "Done" } }),
  };
}

function makeBlock(overrides: Partial<WriteBlock> = {}): WriteBlock {
  return {
    kind: "block",
    sheet: "数据",
    row: 1,
    column: 1,
    cells: [["名称", "数量"]],
    ...overrides,
  };
}

/** A rows × columns block of numbers, each cell distinct. */
function numberGrid(rows: number, columns: number): CellWrite[][] {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) => r * columns + c)
  );
}

async function initialised(): Promise<MemoryWorkbook> {
  const book = new MemoryWorkbook();
  const outcome = await executeCommand(createMemoryHost(book), initWorkbook, RUN);
  if (!outcome.ok) throw new Error(outcome.error.message.en);
  book.resetStats();
  return book;
}

describe("officeHost on the memory Excel: 初始化工作簿", () => {
  it("creates 参数 with every default, its names, header styling and freeze, and the empty input sheets", async () => {
    const book = new MemoryWorkbook();
    const outcome = await executeCommand(createMemoryHost(book), initWorkbook, RUN);
    expect(outcome.ok).toBe(true);
    expect(book.sheetNames()).toEqual([
      "参数",
      "物资目录",
      "物资储备",
      "库存日志",
      "隔离床位",
      "返乡人员",
      "接种进度",
      "填报单位",
      "报送记录",
    ]);
    const values = book.values("参数");
    expect(values[1]).toEqual(["参数", "值", "单位", "说明", "默认值"]);
    for (const p of PARAMS) {
      const row = paramRow(p.name);
      expect(values[row - 1].slice(0, 2)).toEqual([p.name, p.default]);
      expect(book.names()[p.name]).toBe(`=参数!$B$${row}`);
    }
    expect(Object.keys(book.names())).toHaveLength(PARAMS.length);
    expect(book.cellFormat("参数", "C2")).toMatchObject({
      bold: true,
      fill: HEADER_FILL,
      fontColor: INPUT_HEADER_FONT,
      border: true,
    });
    expect(book.cellFormat("参数", "A1")).toMatchObject({ bold: true, merged: true });
    expect(book.cellFormat("参数", `B${paramRow("达标线")}`).numberFormat).toBe("0%");
    expect(book.frozenRows("参数")).toBe(2);
    expect(book.columnWidth("参数", 4)).toBe(420);
  });

  it("costs exactly one read sync and one write sync", async () => {
    const book = new MemoryWorkbook();
    const outcome = await executeCommand(createMemoryHost(book), initWorkbook, RUN);
    expect(outcome).toMatchObject({ ok: true, readSyncs: 1, report: { syncs: 1 } });
    expect(book.stats.syncs).toBe(2);
  });

  it("writes nothing when run again: no write sync, no cell", async () => {
    const book = await initialised();
    const outcome = await executeCommand(createMemoryHost(book), initWorkbook, RUN);
    expect(outcome).toMatchObject({ ok: true, readSyncs: 1, report: { syncs: 0, cells: 0 } });
    expect(book.stats.syncs).toBe(1);
  });

  it("keeps a value the user edited when run again", async () => {
    const book = await initialised();
    const cell = `B${paramRow("战时储备天数")}`;
    book.setValues("参数", cell, [[45]]);
    const outcome = await executeCommand(createMemoryHost(book), initWorkbook, RUN);
    expect(outcome).toMatchObject({ ok: true, report: { cells: 0 } });
    expect(book.values("参数")[paramRow("战时储备天数") - 1][1]).toBe(45);
  });

  it("re-adds only a deleted parameter row, below the last row, and moves its name there", async () => {
    const book = await initialised();
    const before = book.names();
    const row = paramRow("达标线");
    book.setValues("参数", `A${row}`, [[null, null, null, null, null]]);
    const outcome = await executeCommand(createMemoryHost(book), initWorkbook, RUN);
    const appended = 3 + PARAMS.length;
    expect(outcome).toMatchObject({ ok: true, report: { syncs: 1, cells: 5 } });
    expect(book.values("参数")[appended - 1].slice(0, 2)).toEqual(["达标线", 1]);
    expect(book.names()).toEqual({ ...before, 达标线: `=参数!$B$${appended}` });
  });

  it("re-adds only a deleted name, pointing at its existing row", async () => {
    const book = await initialised();
    const before = book.names();
    await book.run(async (context) => {
      context.workbook.names.getItem("预警线").delete();
      await context.sync();
    });
    expect(book.names()["预警线"]).toBeUndefined();
    const outcome = await executeCommand(createMemoryHost(book), initWorkbook, RUN);
    expect(outcome).toMatchObject({ ok: true, report: { syncs: 1, cells: 0 } });
    expect(book.names()).toEqual(before);
  });
});

describe("officeHost: request size and chunking", () => {
  it("splits a 200,000 × 10 block into requests under the limit, about total ÷ limit of them", async () => {
    const limit = 1_000_000;
    const book = new MemoryWorkbook([], { maxRequestBytes: limit });
    const cells = numberGrid(200_000, 10);
    const ops: WriteOp[] = [
      { kind: "ensureSheet", sheet: "数据" },
      makeBlock({
        cells,
        numberFormats: { byColumn: ["0", null, null, null, null, null, null, null, null, "0.00"] },
      }),
    ];
    const outcome = await executeCommand(
      createMemoryHost(book, { maxRequestBytes: limit }),
      commandWriting(ops),
      RUN
    );
    if (!outcome.ok) throw new Error(outcome.error.message.en);
    const { report } = outcome;
    const writeBatches = book.stats.batches.slice(1);
    expect(Math.max(...writeBatches.map((b) => b.bytes))).toBeLessThanOrEqual(limit);
    expect(report.maxRequestBytes).toBeLessThanOrEqual(limit);
    expect(Math.abs(report.syncs - Math.ceil(report.totalBytes / limit))).toBeLessThanOrEqual(1);
    expect(writeBatches).toHaveLength(report.syncs);
    // The estimate is conservative: what was actually queued is never more.
    expect(writeBatches.reduce((sum, b) => sum + b.bytes, 0)).toBeLessThanOrEqual(
      report.totalBytes
    );
    expect(report.cells).toBe(2_000_000);
    const formulas = book.formulas("数据");
    expect(formulas).toHaveLength(200_000);
    expect(formulas[0]).toEqual(cells[0]);
    expect(formulas[123_456]).toEqual(cells[123_456]);
    expect(formulas[199_999]).toEqual(cells[199_999]);
    expect(book.cellFormat("数据", "J200000").numberFormat).toBe("0.00");
  });

  it("sends a plan that fits in one request with one write sync", async () => {
    const book = new MemoryWorkbook();
    const ops: WriteOp[] = [
      { kind: "ensureSheet", sheet: "数据" },
      makeBlock({ cells: numberGrid(100, 5) }),
      { kind: "style", sheet: "数据", range: "A1:E1", bold: true },
      { kind: "freeze", sheet: "数据", rows: 1 },
    ];
    const outcome = await executeCommand(createMemoryHost(book), commandWriting(ops), RUN);
    expect(outcome).toMatchObject({ ok: true, report: { syncs: 1, cells: 500 } });
  });

  it("reports progress after each write sync, ending with every op done", async () => {
    const book = new MemoryWorkbook([], { maxRequestBytes: 20_000 });
    const progress = jest.fn();
    const ops: WriteOp[] = [
      { kind: "ensureSheet", sheet: "数据" },
      makeBlock({ cells: numberGrid(2_000, 5) }),
    ];
    const outcome = await executeCommand(
      createMemoryHost(book, { maxRequestBytes: 20_000 }),
      commandWriting(ops),
      { ...RUN, onProgress: progress }
    );
    if (!outcome.ok) throw new Error(outcome.error.message.en);
    expect(progress).toHaveBeenCalledTimes(outcome.report.syncs);
    expect(outcome.report.syncs).toBeGreaterThan(1);
    expect(progress).toHaveBeenLastCalledWith(2, 2);
  });
});

describe("officeHost: cells as the plan gives them", () => {
  it.each([
    ['=HYPERLINK("http://evil","点我")'],
    ["+1+1"],
    ["-2+3"],
    ["@SUM(A1:A2)"],
    ["60"],
    ["10:00"],
    ["TRUE"],
  ])("stores the imported string %s as text, never as a formula or number", async (text) => {
    const book = new MemoryWorkbook();
    const ops: WriteOp[] = [
      { kind: "ensureSheet", sheet: "数据" },
      makeBlock({ cells: [["备注", text]] }),
    ];
    await executeCommand(createMemoryHost(book), commandWriting(ops), RUN);
    expect(book.formulas("数据")).toEqual([["备注", text]]);
    expect(book.values("数据")).toEqual([["备注", text]]);
    expect(book.cellFormat("数据", "B1").numberFormat).toBe("@");
    expect(book.cellFormat("数据", "A1").numberFormat).toBe("General");
  });

  it("keeps text protected when the plan sets another number format for that cell", async () => {
    const book = new MemoryWorkbook();
    const ops: WriteOp[] = [
      { kind: "ensureSheet", sheet: "数据" },
      makeBlock({ cells: [["=1+1", 5]], numberFormats: { byColumn: ["0.00", "0.00"] } }),
    ];
    await executeCommand(createMemoryHost(book), commandWriting(ops), RUN);
    expect(book.formulas("数据")).toEqual([["=1+1", 5]]);
    expect(book.numberFormats("数据")).toEqual([["@", "0.00"]]);
  });

  it("keeps text as text in a row written through `formulas` as in one written through `values`", async () => {
    const book = new MemoryWorkbook();
    const ops: WriteOp[] = [
      { kind: "ensureSheet", sheet: "数据" },
      makeBlock({
        cells: [
          ["=cmd", 2],
          ["=cmd2", { formula: "=B1*2", value: 4 }],
        ],
      }),
    ];
    await executeCommand(createMemoryHost(book), commandWriting(ops), RUN);
    expect(book.formulas("数据")).toEqual([
      ["=cmd", 2],
      ["=cmd2", "=B1*2"],
    ]);
    expect(book.values("数据")).toEqual([
      ["=cmd", 2],
      ["=cmd2", 4],
    ]);
  });

  it("writes a formula cell's formula and shows the engine's value", async () => {
    const book = new MemoryWorkbook();
    const ops: WriteOp[] = [
      { kind: "ensureSheet", sheet: "数据" },
      makeBlock({ cells: [[2, 3, { formula: "=A1*B1", value: 6 }]] }),
    ];
    await executeCommand(createMemoryHost(book), commandWriting(ops), RUN);
    expect(book.formulas("数据")).toEqual([[2, 3, "=A1*B1"]]);
    expect(book.values("数据")).toEqual([[2, 3, 6]]);
  });

  it("empties a cell the plan writes as null, and leaves cells beyond a short row alone", async () => {
    const book = new MemoryWorkbook([
      {
        name: "数据",
        values: [
          ["旧", "旧", "旧"],
          ["旧", "旧", "旧"],
        ],
      },
    ]);
    const ops: WriteOp[] = [makeBlock({ cells: [["新", null, "新"], ["新"]] })];
    await executeCommand(createMemoryHost(book), commandWriting(ops), RUN);
    expect(book.values("数据")).toEqual([
      ["新", null, "新"],
      ["新", "旧", "旧"],
    ]);
  });

  it("reads a sheet whose data starts below and right of A1 back anchored at A1", async () => {
    const book = new MemoryWorkbook([{ name: "数据", values: [[], [], [null, "名称", ""]] }]);
    let seen: unknown;
    const probe: Command = {
      ...commandWriting([]),
      reads: () => ["数据", "不存在"],
      run: (input) => {
        seen = input.snapshot;
        return { ops: [], issues: [], summary: { zh: "", en: "" } };
      },
    };
    await executeCommand(createMemoryHost(book), probe, RUN);
    expect(seen).toEqual({
      sheetNames: ["数据"],
      sheets: {
        数据: {
          name: "数据",
          values: [
            [null, null],
            [null, null],
            [null, "名称"],
          ],
          formulas: [
            [null, null],
            [null, null],
            [null, "名称"],
          ],
        },
      },
      names: {},
    });
  });
});

describe("officeHost: the other write ops", () => {
  const sheetOps = (): WriteOp[] => [
    { kind: "ensureSheet", sheet: "报表", tabColor: "#70AD47" },
    { kind: "clearSheet", sheet: "报表" },
    makeBlock({
      sheet: "报表",
      cells: [
        ["乡镇", "完成率"],
        ["城关镇", 0.9],
        ["新集镇", 1.1],
      ],
    }),
    {
      kind: "conditionalFormat",
      sheet: "报表",
      range: "B2:B3",
      rules: [
        { type: "cellValue", operator: "GreaterThanOrEqual", formula1: "=达标线", fill: "#C6EFCE" },
        { type: "textEquals", text: "不足", fill: "#FFC7CE", fontColor: "#9C0006" },
      ],
    },
    {
      kind: "chart",
      sheet: "报表",
      type: "barClustered",
      dataRange: "A1:B3",
      title: "完成率",
      anchor: "D2",
      name: "完成率图",
    },
    {
      kind: "pageSetup",
      sheet: "报表",
      orientation: "Landscape",
      fitToWidth: true,
      printTitleRows: "$1:$1",
      centerHeader: "示例县 & 乡镇",
    },
  ];

  it("carries out conditional formats, charts, page setup and tab colour", async () => {
    const book = new MemoryWorkbook();
    const outcome = await executeCommand(createMemoryHost(book), commandWriting(sheetOps()), RUN);
    expect(outcome.ok).toBe(true);
    expect(book.tabColor("报表")).toBe("#70AD47");
    expect(book.conditionalFormats("报表")).toEqual([
      {
        type: "cellValue",
        range: "B2:B3",
        operator: "GreaterThanOrEqual",
        formula1: "=达标线",
        fill: "#C6EFCE",
      },
      {
        type: "containsText",
        range: "B2:B3",
        operator: "Contains",
        text: "不足",
        fill: "#FFC7CE",
        fontColor: "#9C0006",
      },
    ]);
    expect(book.charts("报表")).toEqual([
      {
        name: "完成率图",
        type: "BarClustered",
        source: "A1:B3",
        seriesBy: "Columns",
        title: "完成率",
        position: { start: "D2" },
      },
    ]);
    if (!outcome.ok) throw new Error(outcome.error.message.en);
    expectPrintSetUp(
      book,
      "报表",
      {
        orientation: "Landscape",
        zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
        printTitleRows: "$1:$1",
        centerHeader: "示例县 && 乡镇",
      },
      { report: outcome.report, exact: true }
    );
  });

  it("replaces the chart and the rules on a re-run instead of adding copies", async () => {
    const book = new MemoryWorkbook();
    const host = createMemoryHost(book);
    await executeCommand(host, commandWriting(sheetOps()), RUN);
    await executeCommand(host, commandWriting(sheetOps(), ["报表"]), RUN);
    expect(book.charts("报表")).toHaveLength(1);
    expect(book.conditionalFormats("报表")).toHaveLength(2);
  });

  it("clears a sheet the add-in owns before writing it anew", async () => {
    const book = new MemoryWorkbook([{ name: "报表", values: [["旧"], ["旧"], ["旧"], ["旧"]] }]);
    const ops: WriteOp[] = [
      { kind: "clearSheet", sheet: "报表" },
      makeBlock({ sheet: "报表", cells: [["新"]] }),
    ];
    await executeCommand(createMemoryHost(book), commandWriting(ops, ["报表"]), RUN);
    expect(book.values("报表")).toEqual([["新"]]);
  });

  it("freezes rows and columns together at the corner", async () => {
    const book = new MemoryWorkbook([{ name: "数据", values: [["a"]] }]);
    const ops: WriteOp[] = [{ kind: "freeze", sheet: "数据", rows: 2, columns: 1 }];
    await executeCommand(createMemoryHost(book), commandWriting(ops), RUN);
    expect([book.frozenRows("数据"), book.frozenColumns("数据")]).toEqual([2, 1]);
  });

  it("selects a cell for the task pane", async () => {
    const book = new MemoryWorkbook([
      { name: "数据", values: [["a"]] },
      { name: "参数", values: [] },
    ]);
    await createMemoryHost(book).select("参数", "B5");
    expect(book.selection()).toEqual({ sheet: "参数", cell: "B5" });
    expect(book.activeSheet()).toBe("参数");
  });
});

describe("officeHost: failures come back as data", () => {
  const kinds: InjectedFailure[] = [
    "cellEditMode",
    "protectedSheet",
    "payloadTooLarge",
    "connectionLost",
  ];

  it.each(kinds)(
    "returns { ok: false, error: { kind: %s } } with a message and leaves the workbook untouched when the first write sync fails",
    async (kind) => {
      const book = new MemoryWorkbook();
      book.failNextSync(kind, { afterSyncs: 1 });
      const outcome = await executeCommand(createMemoryHost(book), initWorkbook, RUN);
      expect(outcome).toEqual({
        ok: false,
        error: {
          kind,
          message: { zh: expect.stringMatching(/请/), en: expect.any(String) },
          writtenOps: 0,
        },
      });
      expect(book.sheetNames()).toEqual([]);
      expect(book.names()).toEqual({});
    }
  );

  it.each(kinds)("returns kind %s when the read sync fails", async (kind) => {
    const book = new MemoryWorkbook();
    book.failNextSync(kind);
    const outcome = await executeCommand(createMemoryHost(book), initWorkbook, RUN);
    expect(outcome).toMatchObject({ ok: false, error: { kind, writtenOps: 0 } });
  });

  it("tells the clerk how to leave cell-edit mode", async () => {
    const book = new MemoryWorkbook();
    book.failNextSync("cellEditMode");
    const outcome = await executeCommand(createMemoryHost(book), initWorkbook, RUN);
    expect(outcome.ok ? "" : outcome.error.message.zh).toContain(
      "请先退出单元格编辑（按 Enter 或 Esc）后重试"
    );
  });

  it("returns missingSheet for a write to a sheet that does not exist", async () => {
    const book = new MemoryWorkbook();
    const outcome = await executeCommand(
      createMemoryHost(book),
      commandWriting([makeBlock({ sheet: "不存在" })]),
      RUN
    );
    expect(outcome).toMatchObject({ ok: false, error: { kind: "missingSheet", writtenOps: 0 } });
  });

  /** 数据: a header row, then a 3,000 × 5 block, about four times the 20,000-byte limit. */
  const SPLIT_LIMIT = 20_000;
  const splitPlan = (): WriteOp[] => [
    { kind: "ensureSheet", sheet: "数据" },
    makeBlock({ cells: [["名称", "数量"]] }),
    makeBlock({ row: 2, cells: numberGrid(3_000, 5) }),
  ];

  /** Runs `ops` with the write sync numbered `failing` (1 = the first) failing. */
  async function failingWrite(ops: WriteOp[], limit: number, failing: number) {
    const book = new MemoryWorkbook([], { maxRequestBytes: limit });
    // The read sync comes first.
    book.failNextSync("connectionLost", { afterSyncs: failing });
    const outcome = await executeCommand(
      createMemoryHost(book, { maxRequestBytes: limit }),
      commandWriting(ops),
      RUN
    );
    if (outcome.ok) throw new Error("the write was expected to fail");
    return { book, error: outcome.error };
  }

  it("starts a block bigger than a request in a request of its own: failing at its first sync leaves only the ops before it", async () => {
    const { book, error } = await failingWrite(splitPlan(), SPLIT_LIMIT, 2);
    expect(error).toMatchObject({ kind: "connectionLost", writtenOps: 2 });
    expect(error.partial).toBeUndefined();
    expect(book.values("数据")).toEqual([["名称", "数量"]]);
  });

  it("names the rows of a split block that earlier syncs wrote when a later sync fails", async () => {
    const { book, error } = await failingWrite(splitPlan(), SPLIT_LIMIT, 3);
    expect(error).toMatchObject({ kind: "connectionLost", writtenOps: 2 });
    const rows = error.partial?.rows ?? 0;
    expect(error.partial).toEqual({ sheet: "数据", rows, ofRows: 3_000 });
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(3_000);
    // The workbook holds the header and exactly those first rows of the block.
    expect(book.values("数据")).toEqual([
      ["名称", "数量", null, null, null],
      ...numberGrid(rows, 5),
    ]);
  });

  it("sends a block that fits in a request but not beside what is queued whole in the next one", async () => {
    // Each 500 × 5 block is about 12,000 bytes: one fits in 20,000, two do not.
    const ops: WriteOp[] = [
      { kind: "ensureSheet", sheet: "数据" },
      makeBlock({ cells: numberGrid(500, 5) }),
      makeBlock({ row: 501, cells: numberGrid(500, 5) }),
    ];
    const book = new MemoryWorkbook([], { maxRequestBytes: SPLIT_LIMIT });
    const outcome = await executeCommand(
      createMemoryHost(book, { maxRequestBytes: SPLIT_LIMIT }),
      commandWriting(ops),
      RUN
    );
    expect(outcome).toMatchObject({ ok: true, report: { syncs: 2 } });
    expect(outcome.ok && outcome.report.totalBytes).toBeGreaterThan(SPLIT_LIMIT);

    const failed = await failingWrite(ops, SPLIT_LIMIT, 2);
    expect(failed.error.writtenOps).toBe(2);
    expect(failed.error.partial).toBeUndefined();
    expect(failed.book.values("数据")).toEqual(numberGrid(500, 5));
  });

  it("passes a command's own bug through untranslated", async () => {
    const broken: Command = {
      ...commandWriting([]),
      run: () => {
        throw new TypeError("bug in the command");
      },
    };
    await expect(
      executeCommand(createMemoryHost(new MemoryWorkbook()), broken, RUN)
    ).rejects.toThrow(TypeError);
  });

  it("rejects select on a missing sheet with a missingSheet HostError", async () => {
    const book = new MemoryWorkbook();
    await expect(createMemoryHost(book).select("不存在", "A1")).rejects.toMatchObject({
      kind: "missingSheet",
    });
    await expect(createMemoryHost(book).select("不存在", "A1")).rejects.toBeInstanceOf(HostError);
  });
});
