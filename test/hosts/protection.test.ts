/**
 * Data validation and sheet protection: the memory Excel refuses what Excel
 * refuses on a protected sheet, and the Office host carries out the
 * `validation` and `protect` ops, re-protecting a template made before within
 * the same single write sync.
 */
import { MemoryWorkbook } from "../../src/hosts/memory/memoryExcel";
import { createMemoryHost } from "../../src/hosts/memory/memoryHost";
import type { Command } from "../../src/workbook/command";
import { executeCommand, type ExecuteOptions } from "../../src/workbook/execute";
import type { DataValidation, ProtectSheet, WriteOp } from "../../src/workbook/plan";

const RUN: ExecuteOptions = { today: 44581, now: 44581.4, lang: "zh" };

/** A workbook with one sheet 模板 holding `values` from A1. */
function makeBook(values: (string | number | null)[][] = [["单位", "库存"]]): MemoryWorkbook {
  return new MemoryWorkbook([{ name: "模板", values }]);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return undefined;
}

/** Protects 模板 with B2:B5 unlocked, straight through the Excel API. */
async function protectTemplate(book: MemoryWorkbook, password?: string): Promise<void> {
  await book.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("模板");
    sheet.getRange("B2:B5").format.protection.locked = false;
    sheet.protection.protect({ allowFormatColumns: true }, password);
    await context.sync();
  });
}

function commandWriting(ops: WriteOp[], reads: string[] = []): Command {
  return {
    id: "test",
    label: { zh: "测试", en: "Test" },
    reads: () => reads,
    run: () => ({ ops, issues: [], summary: { zh: "完成", en: "Done" } }),
  };
}

function makeValidation(overrides: Partial<DataValidation> = {}): DataValidation {
  return {
    kind: "validation",
    sheet: "模板",
    range: "B2:B5",
    rule: { type: "decimal", min: 0 },
    ...overrides,
  };
}

function makeProtect(overrides: Partial<ProtectSheet> = {}): ProtectSheet {
  return { kind: "protect", sheet: "模板", unlocked: ["B2:B5"], ...overrides };
}

describe("MemoryWorkbook: sheet protection", () => {
  it("reports every cell locked and the sheet unprotected before anything is set", () => {
    const book = makeBook();
    expect(book.cellFormat("模板", "B2").locked).toBe(true);
    expect(book.protection("模板")).toEqual({ protected: false, options: {}, hasPassword: false });
  });

  it("protects a sheet with its options and keeps the unlocked cells unlocked", async () => {
    const book = makeBook();
    await protectTemplate(book);
    expect(book.protection("模板")).toEqual({
      protected: true,
      options: { allowFormatColumns: true },
      hasPassword: false,
    });
    expect(book.cellFormat("模板", "B3").locked).toBe(false);
    expect(book.cellFormat("模板", "A3").locked).toBe(true);
  });

  it("refuses to write a locked cell of a protected sheet with AccessDenied and applies nothing of the batch", async () => {
    const book = makeBook();
    await protectTemplate(book);
    const error = await rejection(
      book.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("模板");
        sheet.getRange("B2").values = [[5]];
        sheet.getRange("A2").values = [["城关镇"]];
        await context.sync();
      })
    );
    expect(error).toMatchObject({ code: "AccessDenied" });
    expect(book.values("模板")).toEqual([["单位", "库存"]]);
  });

  it("lets an unlocked cell of a protected sheet be written", async () => {
    const book = makeBook();
    await protectTemplate(book);
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("模板").getRange("B2:B3").values = [[5], [6]];
      await context.sync();
    });
    expect(book.values("模板")[2]).toEqual([null, 6]);
  });

  it("refuses to format cells of a protected sheet, unlocked ones too", async () => {
    const book = makeBook();
    await protectTemplate(book);
    const error = await rejection(
      book.run(async (context) => {
        context.workbook.worksheets.getItem("模板").getRange("B2").format.fill.color = "#FF0000";
        await context.sync();
      })
    );
    expect(error).toMatchObject({ code: "AccessDenied" });
  });

  it("allows a column width on a protected sheet whose options allow formatting columns", async () => {
    const book = makeBook();
    await protectTemplate(book);
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("模板").getRange("A:A").format.columnWidth = 90;
      await context.sync();
    });
    expect(book.columnWidth("模板", 1)).toBe(90);
  });

  it("fails with InvalidOperation to protect a sheet that is already protected", async () => {
    const book = makeBook();
    await protectTemplate(book);
    const error = await rejection(
      book.run(async (context) => {
        context.workbook.worksheets.getItem("模板").protection.protect();
        await context.sync();
      })
    );
    expect(error).toMatchObject({ code: "InvalidOperation" });
  });

  it("does nothing when an unprotected sheet is unprotected", async () => {
    const book = makeBook();
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("模板").protection.unprotect();
      await context.sync();
    });
    expect(book.protection("模板").protected).toBe(false);
  });

  it("refuses to unprotect a password-protected sheet without its password", async () => {
    const book = makeBook();
    await protectTemplate(book, "secret");
    const error = await rejection(
      book.run(async (context) => {
        context.workbook.worksheets.getItem("模板").protection.unprotect();
        await context.sync();
      })
    );
    expect(error).toMatchObject({ code: "InvalidArgument" });
    expect(book.protection("模板")).toMatchObject({ protected: true, hasPassword: true });
  });

  it("reads `protected` only after load and sync", async () => {
    const book = makeBook();
    await protectTemplate(book);
    const state = await book.run(async (context) => {
      const protection = context.workbook.worksheets.getItem("模板").protection;
      protection.load("protected");
      await context.sync();
      return protection.protected;
    });
    expect(state).toBe(true);
  });

  it("locks cells again when their formats are cleared", async () => {
    const book = makeBook();
    await book.run(async (context) => {
      const range = context.workbook.worksheets.getItem("模板").getRange("B2:B5");
      range.format.protection.locked = false;
      range.clear("Formats");
      await context.sync();
    });
    expect(book.cellFormat("模板", "B2").locked).toBe(true);
  });

  it("rolls protection back when a later command of the same batch fails", async () => {
    const book = makeBook();
    const error = await rejection(
      book.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("模板");
        sheet.protection.protect();
        sheet.getRange("A2").values = [["写入受保护的单元格"]];
        await context.sync();
      })
    );
    expect(error).toMatchObject({ code: "AccessDenied" });
    expect(book.protection("模板").protected).toBe(false);
  });

  it("refuses a user typing into a locked cell of a protected sheet", async () => {
    const book = makeBook();
    await protectTemplate(book);
    expect(() => book.setValues("模板", "A2", [["城关镇"]])).toThrow(/protected/);
    book.setValues("模板", "B2", [[12]]);
    expect(book.values("模板")[1]).toEqual([null, 12]);
  });
});

describe("MemoryWorkbook: data validation", () => {
  it("keeps the rule, the alert and ignoreBlanks set on a range", async () => {
    const book = makeBook();
    await book.run(async (context) => {
      const validation = context.workbook.worksheets
        .getItem("模板")
        .getRange("B2:B5").dataValidation;
      validation.rule = { decimal: { operator: "GreaterThanOrEqualTo", formula1: 0 } };
      validation.errorAlert = { message: "请填写数字", showAlert: true, style: "Stop", title: "" };
      await context.sync();
    });
    expect(book.dataValidations("模板")).toEqual([
      {
        range: "B2:B5",
        rule: { decimal: { operator: "GreaterThanOrEqualTo", formula1: 0 } },
        errorAlert: { message: "请填写数字", showAlert: true, style: "Stop", title: "" },
        ignoreBlanks: true,
      },
    ]);
  });

  it("keeps a list source given as a range as its address", async () => {
    const book = makeBook();
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("模板");
      sheet.getRange("A2:A5").dataValidation.rule = {
        list: { inCellDropDown: true, source: sheet.getRange("$J$5:$J$14") },
      };
      await context.sync();
    });
    expect(book.dataValidations("模板")[0].rule).toEqual({
      list: { inCellDropDown: true, source: "=$J$5:$J$14" },
    });
  });

  it("replaces the validation of the cells a new rule covers and keeps the others'", async () => {
    const book = makeBook();
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("模板");
      sheet.getRange("B2:B5").dataValidation.rule = {
        decimal: { operator: "GreaterThanOrEqualTo", formula1: 0 },
      };
      sheet.getRange("B3").dataValidation.rule = {
        list: { inCellDropDown: true, source: "是,否" },
      };
      await context.sync();
    });
    expect(book.dataValidations("模板").map((v) => [v.range, Object.keys(v.rule)[0]])).toEqual([
      ["B2", "decimal"],
      ["B4:B5", "decimal"],
      ["B3", "list"],
    ]);
  });

  it("removes validation with clear() and with clear All, but not with clear Contents", async () => {
    const book = makeBook();
    const rule = { decimal: { operator: "GreaterThanOrEqualTo" as const, formula1: 0 } };
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("模板");
      for (const address of ["B2", "C2", "D2"]) sheet.getRange(address).dataValidation.rule = rule;
      sheet.getRange("B2").dataValidation.clear();
      sheet.getRange("C2").clear("All");
      sheet.getRange("D2").clear("Contents");
      await context.sync();
    });
    expect(book.dataValidations("模板").map((v) => v.range)).toEqual(["D2"]);
  });

  it.each([
    [
      "two kinds of criteria",
      {
        decimal: { operator: "GreaterThan", formula1: 0 },
        list: { inCellDropDown: true, source: "a" },
      },
    ],
    ["Between without its upper bound", { decimal: { operator: "Between", formula1: 0 } }],
    ["a list without a source", { list: { inCellDropDown: true, source: "" } }],
  ])("refuses a rule with %s", async (_name, rule) => {
    const book = makeBook();
    const error = await rejection(
      book.run(async (context) => {
        context.workbook.worksheets.getItem("模板").getRange("B2").dataValidation.rule =
          rule as Excel.DataValidationRule;
        await context.sync();
      })
    );
    expect(error).toMatchObject({ code: "InvalidArgument" });
  });

  it("refuses to change validation on a protected sheet", async () => {
    const book = makeBook();
    await protectTemplate(book);
    const error = await rejection(
      book.run(async (context) => {
        context.workbook.worksheets.getItem("模板").getRange("B2").dataValidation.clear();
        await context.sync();
      })
    );
    expect(error).toMatchObject({ code: "AccessDenied" });
  });
});

describe("officeHost: validation ops", () => {
  it.each<[string, DataValidation["rule"], Excel.DataValidationRule]>([
    [
      "a list from its source range",
      { type: "list", values: ["口罩", "手套"], source: "=$J$5:$J$6" },
      { list: { inCellDropDown: true, source: "=$J$5:$J$6" } },
    ],
    [
      "a list from its values",
      { type: "list", values: ["是", "否"] },
      { list: { inCellDropDown: true, source: "是,否" } },
    ],
    [
      "a decimal of at least min",
      { type: "decimal", min: 0 },
      { decimal: { operator: "GreaterThanOrEqualTo", formula1: 0 } },
    ],
    [
      "a decimal between min and max",
      { type: "decimal", min: 0, max: 1 },
      { decimal: { operator: "Between", formula1: 0, formula2: 1 } },
    ],
    [
      "a whole number of at most max",
      { type: "wholeNumber", max: 100 },
      { wholeNumber: { operator: "LessThanOrEqualTo", formula1: 100 } },
    ],
  ])("writes %s", async (_name, rule, expected) => {
    const book = makeBook();
    const outcome = await executeCommand(
      createMemoryHost(book),
      commandWriting([makeValidation({ rule })]),
      RUN
    );
    expect(outcome.ok).toBe(true);
    expect(book.dataValidations("模板")).toEqual([
      { range: "B2:B5", rule: expected, ignoreBlanks: true },
    ]);
  });

  it("shows the op's error message as a stop alert", async () => {
    const book = makeBook();
    await executeCommand(
      createMemoryHost(book),
      commandWriting([makeValidation({ errorMessage: "请填写不小于0的数字" })]),
      RUN
    );
    expect(book.dataValidations("模板")[0].errorAlert).toEqual({
      message: "请填写不小于0的数字",
      showAlert: true,
      style: "Stop",
      title: "",
    });
  });

  it("replaces the rule of a range on a re-run instead of stacking another", async () => {
    const book = makeBook();
    const host = createMemoryHost(book);
    await executeCommand(host, commandWriting([makeValidation()]), RUN);
    await executeCommand(
      host,
      commandWriting([makeValidation({ rule: { type: "decimal", min: 1 } })]),
      RUN
    );
    expect(book.dataValidations("模板").map((v) => v.rule)).toEqual([
      { decimal: { operator: "GreaterThanOrEqualTo", formula1: 1 } },
    ]);
  });
});

describe("officeHost: protect ops", () => {
  /** A small template plan: clear, write, validate, protect. */
  const templatePlan = (stock: number): WriteOp[] => [
    { kind: "ensureSheet", sheet: "模板" },
    { kind: "clearSheet", sheet: "模板" },
    {
      kind: "block",
      sheet: "模板",
      row: 1,
      column: 1,
      cells: [
        ["单位", "库存"],
        ["城关镇", stock],
      ],
    },
    { kind: "style", sheet: "模板", range: "A1:B1", bold: true },
    makeValidation({ range: "B2:B5" }),
    makeProtect({ unlocked: ["B2:B5"] }),
  ];

  it("unlocks the listed ranges and protects the sheet, in one write sync", async () => {
    const book = new MemoryWorkbook();
    const outcome = await executeCommand(
      createMemoryHost(book),
      commandWriting(templatePlan(5)),
      RUN
    );
    expect(outcome.ok && outcome.report.syncs).toBe(1);
    expect(book.protection("模板")).toMatchObject({ protected: true, hasPassword: false });
    expect(book.protection("模板").options).toMatchObject({
      allowFormatColumns: true,
      allowInsertRows: false,
      selectionMode: "Normal",
    });
    expect(book.cellFormat("模板", "B2").locked).toBe(false);
    expect(book.cellFormat("模板", "A2").locked).toBe(true);
  });

  it("rewrites and re-protects a template that is already protected, still in one write sync", async () => {
    const book = new MemoryWorkbook();
    const host = createMemoryHost(book);
    await executeCommand(host, commandWriting(templatePlan(5)), RUN);
    book.resetStats();
    const outcome = await executeCommand(host, commandWriting(templatePlan(7), ["模板"]), RUN);
    expect(outcome.ok).toBe(true);
    expect(book.stats.syncs).toBe(2);
    expect(book.values("模板")[1]).toEqual(["城关镇", 7]);
    expect(book.protection("模板").protected).toBe(true);
    expect(book.cellFormat("模板", "B2").locked).toBe(false);
  });

  it("keeps only the new unlocked cells unlocked when a template is made again", async () => {
    const book = new MemoryWorkbook();
    const host = createMemoryHost(book);
    await executeCommand(host, commandWriting(templatePlan(5)), RUN);
    const narrower = templatePlan(6).map((op) =>
      op.kind === "protect" ? makeProtect({ unlocked: ["B2:B3"] }) : op
    );
    await executeCommand(host, commandWriting(narrower, ["模板"]), RUN);
    expect(book.cellFormat("模板", "B3").locked).toBe(false);
    expect(book.cellFormat("模板", "B4").locked).toBe(true);
  });

  it("fails as a protected sheet when a plan writes a protected sheet it does not protect again", async () => {
    const book = new MemoryWorkbook();
    const host = createMemoryHost(book);
    await executeCommand(host, commandWriting(templatePlan(5)), RUN);
    const outcome = await executeCommand(
      host,
      commandWriting([{ kind: "block", sheet: "模板", row: 2, column: 1, cells: [["青石镇"]] }]),
      RUN
    );
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error.kind).toBe("protectedSheet");
    expect(book.values("模板")[1][0]).toBe("城关镇");
  });
});
