/**
 * The in-memory Excel must fail where Excel fails, or a host bug would pass
 * here and break in Excel: unloaded reads, null objects, partial batches,
 * oversize requests, text that turns into formulas.
 */
import { MemoryWorkbook } from "../../src/hosts/memory/memoryExcel";
import type { Fake } from "../../src/hosts/memory/fake";
import type { CellValue } from "../../src/workbook/cells";

/** A workbook with one sheet 数据 holding `values` from A1. */
function makeBook(values: CellValue[][] = [["名称", "数量"]], options = {}): MemoryWorkbook {
  return new MemoryWorkbook([{ name: "数据", values }], options);
}

/** What a function throws, or undefined. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return undefined;
}

const NOT_LOADED =
  "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.";

describe("MemoryWorkbook: load and sync", () => {
  it("throws PropertyNotLoaded when a property is read without load", async () => {
    const book = makeBook();
    await book.run(async (context) => {
      const range = context.workbook.worksheets.getItem("数据").getRange("A1");
      // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read -- the mistake under test
      expect(thrown(() => range.values)).toMatchObject({
        code: "PropertyNotLoaded",
        message: NOT_LOADED,
      });
    });
  });

  it("throws PropertyNotLoaded when a property is loaded but not yet synced", async () => {
    const book = makeBook();
    await book.run(async (context) => {
      const range = context.workbook.worksheets.getItem("数据").getRange("A1");
      range.load("values");
      // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read -- the mistake under test
      expect(thrown(() => range.values)).toMatchObject({ code: "PropertyNotLoaded" });
      await context.sync();
    });
  });

  it('returns loaded properties after the sync, with "" for empty cells', async () => {
    const book = makeBook([
      ["名称", "数量"],
      ["口罩", null],
    ]);
    const read = await book.run(async (context) => {
      const range = context.workbook.worksheets.getItem("数据").getRange("A1:B2");
      range.load(["values", "rowIndex", "columnIndex"]);
      await context.sync();
      return { values: range.values, row: range.rowIndex, column: range.columnIndex };
    });
    expect(read).toEqual({
      values: [
        ["名称", "数量"],
        ["口罩", ""],
      ],
      row: 0,
      column: 0,
    });
  });

  it("keeps a write out of the workbook until the sync", async () => {
    const book = makeBook();
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("数据").getRange("B2").values = [[120]];
      expect(book.values("数据")).toEqual([["名称", "数量"]]);
      await context.sync();
      expect(book.values("数据")).toEqual([
        ["名称", "数量"],
        [null, 120],
      ]);
    });
  });

  it("shows a write to a load queued after it in the same batch", async () => {
    const book = makeBook();
    const values = await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("数据");
      sheet.getRange("B1").values = [["库存"]];
      const range = sheet.getRange("A1:B1");
      range.load("values");
      await context.sync();
      return range.values;
    });
    expect(values).toEqual([["名称", "库存"]]);
  });

  it("refuses a proxy used after its run has ended", async () => {
    const book = makeBook();
    const range = await book.run(async (context) =>
      context.workbook.worksheets.getItem("数据").getRange("A1")
    );
    expect(
      thrown(() => {
        range.values = [["x"]];
      })
    ).toMatchObject({ code: "InvalidRequestContext" });
  });
});

describe("MemoryWorkbook: null objects", () => {
  it("gives a null object for a missing sheet, readable only after the sync", async () => {
    const book = makeBook();
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject("不存在");
      // eslint-disable-next-line office-addins/call-sync-before-read -- the mistake under test
      expect(thrown(() => sheet.isNullObject)).toMatchObject({ code: "PropertyNotLoaded" });
      await context.sync();
      expect(sheet.isNullObject).toBe(true);
    });
  });

  it("gives a null used range for an empty sheet and for a missing sheet", async () => {
    const book = new MemoryWorkbook([{ name: "空表", values: [] }]);
    const nulls = await book.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const empty = sheets.getItemOrNullObject("空表").getUsedRangeOrNullObject(true);
      const missing = sheets.getItemOrNullObject("不存在").getUsedRangeOrNullObject(true);
      await context.sync();
      return [empty.isNullObject, missing.isNullObject];
    });
    expect(nulls).toEqual([true, true]);
  });

  it("returns the used range where the data starts, not at A1", async () => {
    const book = makeBook([[], [null, null, "C2"], [null, "B3"]]);
    const used = await book.run(async (context) => {
      const range = context.workbook.worksheets.getItem("数据").getUsedRangeOrNullObject(true);
      range.load(["values", "rowIndex", "columnIndex"]);
      await context.sync();
      return range.isNullObject
        ? null
        : { values: range.values, row: range.rowIndex, column: range.columnIndex };
    });
    expect(used).toEqual({
      values: [
        ["", "C2"],
        ["B3", ""],
      ],
      row: 1,
      column: 1,
    });
  });

  it("does nothing when a method is called on a null object", async () => {
    const book = makeBook();
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("数据").charts.getItemOrNullObject("图1").delete();
      await context.sync();
    });
    expect(book.charts("数据")).toEqual([]);
  });
});

describe("MemoryWorkbook: a sync is all or nothing", () => {
  it("applies none of a batch when one of its commands fails", async () => {
    const book = makeBook();
    const error = await rejection(
      book.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.getItem("数据").getRange("B2").values = [[120]];
        sheets.getItem("不存在").getRange("A1").values = [[1]];
        await context.sync();
      })
    );
    expect(error).toMatchObject({ code: "ItemNotFound" });
    expect(book.values("数据")).toEqual([["名称", "数量"]]);
  });

  it("rolls back a sheet added earlier in the failed batch", async () => {
    const book = makeBook();
    await rejection(
      book.run(async (context) => {
        context.workbook.worksheets.add("新表");
        context.workbook.worksheets.add("数据");
        await context.sync();
      })
    );
    expect(book.sheetNames()).toEqual(["数据"]);
  });

  it.each(["cellEditMode", "protectedSheet", "payloadTooLarge", "connectionLost"] as const)(
    "fails the next sync with an Office-shaped error and applies nothing (%s)",
    async (kind) => {
      const book = makeBook();
      book.failNextSync(kind);
      const error = await rejection(
        book.run(async (context) => {
          context.workbook.worksheets.getItem("数据").getRange("B2").values = [[120]];
          await context.sync();
        })
      );
      expect(error).toMatchObject({
        code: {
          cellEditMode: "InvalidOperationInCellEditMode",
          protectedSheet: "AccessDenied",
          payloadTooLarge: "RequestPayloadSizeLimitExceeded",
          connectionLost: "ConnectionFailure",
        }[kind],
        message: expect.any(String),
        debugInfo: expect.objectContaining({ code: expect.any(String) }),
      });
      expect(book.values("数据")).toEqual([["名称", "数量"]]);
    }
  );

  it("lets `afterSyncs` syncs succeed before the injected failure", async () => {
    const book = makeBook();
    book.failNextSync("connectionLost", { afterSyncs: 1 });
    const error = await rejection(
      book.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("数据");
        sheet.getRange("B2").values = [[1]];
        await context.sync();
        sheet.getRange("B3").values = [[2]];
        await context.sync();
      })
    );
    expect(error).toMatchObject({ code: "ConnectionFailure" });
    expect(book.formulas("数据")).toEqual([
      ["名称", "数量"],
      [null, 1],
    ]);
  });

  it("fails a request over the size limit with RequestPayloadSizeLimitExceeded", async () => {
    const book = makeBook(undefined, { maxRequestBytes: 1000 });
    const error = await rejection(
      book.run(async (context) => {
        context.workbook.worksheets.getItem("数据").getRange("A2:A201").values = Array.from(
          { length: 200 },
          () => ["口罩"]
        );
        await context.sync();
      })
    );
    expect(error).toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(book.values("数据")).toEqual([["名称", "数量"]]);
  });
});

describe("MemoryWorkbook: instrumentation", () => {
  it("counts syncs and the commands of each", async () => {
    const book = makeBook();
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("数据");
      sheet.getRange("A2").values = [["口罩"]];
      sheet.getRange("B2").values = [[1]];
      await context.sync();
      await context.sync();
    });
    expect(book.stats.syncs).toBe(2);
    expect(book.stats.batches.map((b) => b.operations)).toEqual([2, 0]);
    book.resetStats();
    expect(book.stats).toEqual({ syncs: 0, batches: [] });
  });

  it("measures a request in UTF-8 bytes: a Chinese character costs 3", async () => {
    const sizeOf = async (text: string) => {
      const book = makeBook();
      await book.run(async (context) => {
        context.workbook.worksheets.getItem("数据").getRange("A2").values = [[text]];
        await context.sync();
      });
      return book.stats.batches[0].bytes;
    };
    expect((await sizeOf("口罩")) - (await sizeOf("ab"))).toBe(4);
  });
});

describe("MemoryWorkbook: text and formulas", () => {
  const write = async (book: MemoryWorkbook, cell: string, value: CellValue, format?: string) =>
    book.run(async (context) => {
      const range = context.workbook.worksheets.getItem("数据").getRange(cell);
      if (format) range.numberFormat = [[format]];
      range.values = [[value]];
      await context.sync();
    });

  it("turns a string starting with = into a formula, as Excel does", async () => {
    const book = makeBook();
    await write(book, "A2", "=1+1");
    expect(book.formulas("数据")[1][0]).toBe("=1+1");
  });

  it("keeps a string starting with = as text in a cell formatted as text", async () => {
    const book = makeBook();
    await write(book, "A2", "=1+1", "@");
    expect(book.formulas("数据")[1][0]).toBe("=1+1");
    expect(book.values("数据")[1][0]).toBe("=1+1");
    expect(book.cellFormat("数据", "A2").numberFormat).toBe("@");
  });

  it.each([
    ["+1+1", "=+1+1"],
    ["-A1", "=-A1"],
    ["@SUM(A1)", "=@SUM(A1)"],
  ])("reads %s as the formula %s in a general cell", async (input, formula) => {
    const book = makeBook();
    await write(book, "A2", input);
    expect(book.formulas("数据")[1][0]).toBe(formula);
  });

  it.each([
    ["60", 60],
    ["-5", -5],
    ["80%", 0.8],
    ["TRUE", true],
  ])("reads the text %s as the value %s in a general cell", async (input, value) => {
    const book = makeBook();
    await write(book, "A2", input);
    expect(book.values("数据")[1][0]).toBe(value);
  });

  it("shows null for a formula until its cached value is given", async () => {
    const book = makeBook();
    await write(book, "B2", "=SUM(1,2)");
    expect(book.values("数据")[1][1]).toBeNull();
    book.setCachedValues("数据", "B2", [[{ formula: "=SUM(1,2)", value: 3 }]]);
    expect(book.values("数据")[1][1]).toBe(3);
  });

  it("ignores a cached value for a cell whose formula differs", async () => {
    const book = makeBook();
    await write(book, "B2", "=SUM(1,2)");
    book.setCachedValues("数据", "B2", [[{ formula: "=SUM(1,3)", value: 4 }]]);
    expect(book.values("数据")[1][1]).toBeNull();
  });

  it("reads a user's typing as Excel does: = starts a formula, empty text clears", () => {
    const book = makeBook([
      ["名称", "数量"],
      ["口罩", 5],
    ]);
    book.setValues("数据", "A2", [["=A1", ""]]);
    expect(book.formulas("数据")).toEqual([
      ["名称", "数量"],
      ["=A1", null],
    ]);
  });

  it("tells subscribers after a sync that changed the workbook, not after a read", async () => {
    const book = makeBook();
    const listener = jest.fn();
    const stop = book.subscribe(listener);
    await write(book, "A2", "口罩");
    await book.run(async (context) => {
      context.workbook.worksheets.load("items/name");
      await context.sync();
    });
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
    await write(book, "A3", "手套");
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe("MemoryWorkbook: typed against @types/office-js", () => {
  it("has no member that Excel lacks: a misspelled method neither compiles nor runs", async () => {
    const book = makeBook();
    const error = await rejection(
      book.run(async (context) => {
        const range = context.workbook.worksheets.getItem("数据").getRange("A1");
        // @ts-expect-error autofitColumns belongs to RangeFormat, not Range: the compiler refuses it
        range.autofitColumns();
        await context.sync();
      })
    );
    expect(error).toBeInstanceOf(TypeError);
  });
});

/**
 * Compile-time check (tsc over test/): a fake cannot declare a member that
 * the Excel class does not have, so a fake class cannot drift from Excel.
 */
export type MisspelledFake = Fake<
  Excel.Range,
  // @ts-expect-error Excel.Range has no autofitColumns
  "autofitColumns"
>;
