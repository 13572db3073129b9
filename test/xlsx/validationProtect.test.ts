/**
 * The .xlsx host carries out the `validation` and `protect` ops: 生成填报模板
 * run on a file gives a protected template whose only open cells are the
 * input cells, with the same drop-down and number rules the add-in sets,
 * still there after a save and reload; and the in-memory Office host, given
 * the same input, locks and validates the same cells.
 */
import ExcelJS from "exceljs";
import { DEFAULT_CATALOGUE } from "../../src/core/stockpile/catalogue";
import { MemoryWorkbook } from "../../src/hosts/memory/memoryExcel";
import { createMemoryHost } from "../../src/hosts/memory/memoryHost";
import { createXlsxHost } from "../../src/hosts/xlsx/xlsxHost";
import { cellAddress, parseRangeAddress } from "../../src/workbook/a1";
import type { CellValue } from "../../src/workbook/cells";
import type { Command } from "../../src/workbook/command";
import { executeCommand } from "../../src/workbook/execute";
import type { DataValidation, WriteOp } from "../../src/workbook/plan";
import { generateTemplates } from "../../src/workbook/stockpile/generateTemplates";
import { makeRow, reserveValues, workbook } from "../stockpile/fixtures";

const RUN = { today: 44581, now: 44581.4375, lang: "zh" as const };
const SHEET = "填报_城关镇";

/**
 * 城关镇 holds two items. Its template has its header in row 4, the two items
 * in rows 5–6 and five blank rows for added items in rows 7–11; the clerk
 * types 保障人数, 现有库存, 在途数量 and 备注 (E–H) on every row, and picks
 * 物资名称 (C) on the blank rows only. The catalogue's names are listed in J
 * from row 5, the source of the drop-down.
 */
const INPUT_RANGES = ["E5:H11", "C7:C11"];
const FIGURES = "E5:G11";
const ITEM_PICKS = "C7:C11";
const LIST_SOURCE = `$J$5:$J$${4 + DEFAULT_CATALOGUE.length}`;
/** Every cell the template writes: A1 to the list column J, down to the last blank row. */
const TEMPLATE_AREA = "A1:J11";

interface CountyOverrides {
  stock?: number;
}

/** 参数, 物资目录 and 物资储备 with 城关镇's two items and 青石镇's one, as sheets of values. */
function countySheets(overrides: CountyOverrides = {}): { name: string; values: CellValue[][] }[] {
  const snapshot = workbook({
    物资储备: reserveValues([
      makeRow({ unit: "城关镇", item: "医用外科口罩", stock: overrides.stock ?? 2400 }),
      makeRow({ unit: "城关镇", item: "红外体温计", stock: 3 }),
      makeRow({ unit: "青石镇", item: "医用外科口罩", stock: 100 }),
    ]),
  });
  return snapshot.sheetNames.map((name) => ({ name, values: snapshot.sheets[name].values }));
}

function countyBook(overrides: CountyOverrides = {}): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  for (const sheet of countySheets(overrides)) {
    const ws = book.addWorksheet(sheet.name);
    sheet.values.forEach((line, r) =>
      line.forEach((value, c) => {
        if (value !== null) ws.getCell(r + 1, c + 1).value = value;
      })
    );
  }
  return book;
}

async function reload(book: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buffer = await book.xlsx.writeBuffer();
  const again = new ExcelJS.Workbook();
  await again.xlsx.load(buffer as ArrayBuffer);
  return again;
}

/** Runs 生成填报模板 for 城关镇 on the book through the .xlsx host, then saves and reloads it. */
async function makeTemplate(book: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const outcome = await executeCommand(createXlsxHost(book), generateTemplates, {
    ...RUN,
    options: { units: ["城关镇"] },
  });
  expect(outcome.ok).toBe(true);
  return reload(book);
}

function template(book: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = book.getWorksheet(SHEET);
  if (!ws) throw new Error(`${SHEET} was not made`);
  return ws;
}

function sheetProtection(ws: ExcelJS.Worksheet): Record<string, unknown> | null {
  return (ws as unknown as { sheetProtection: Record<string, unknown> | null }).sheetProtection;
}

/** The cells of a range such as `E5:H11` or `模板!$B$2:$B$5`, row by row. */
function addresses(range: string): string[] {
  const box = parseRangeAddress(range.replace(/^.*!/, "").replace(/\$/g, ""));
  if (!box) throw new Error(`Bad range ${range}`);
  const out: string[] = [];
  for (let r = box.row; r <= box.lastRow; r++)
    for (let c = box.column; c <= box.lastColumn; c++) out.push(cellAddress(r, c));
  return out;
}

/** The cells of the template area a clerk can type into (not locked), sorted. */
function unlockedCells(ws: ExcelJS.Worksheet): string[] {
  return addresses(TEMPLATE_AREA)
    .filter((a) => ws.getCell(a).protection?.locked === false)
    .sort();
}

function expectedInputCells(): string[] {
  return INPUT_RANGES.flatMap(addresses).sort();
}

function commandWriting(ops: WriteOp[]): Command {
  return {
    id: "test",
    label: { zh: "测试", en: "Test" },
    reads: () => [],
    run: () => ({ ops, issues: [], summary: { zh: "完成", en: "Done" } }),
  };
}

/** A book with one sheet 表, after the ops were written through the .xlsx host and the file reloaded. */
async function bookAfter(ops: WriteOp[], build?: (ws: ExcelJS.Worksheet) => void) {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet("表");
  build?.(ws);
  const outcome = await executeCommand(createXlsxHost(book), commandWriting(ops), RUN);
  expect(outcome.ok).toBe(true);
  return (await reload(book)).getWorksheet("表") as ExcelJS.Worksheet;
}

function makeValidation(overrides: Partial<DataValidation> = {}): DataValidation {
  return {
    kind: "validation",
    sheet: "表",
    range: "B2:B3",
    rule: { type: "decimal", min: 0 },
    ...overrides,
  };
}

describe("生成填报模板 through the .xlsx host", () => {
  it("protects the template sheet without a password, leaving selection and column and row sizes free", async () => {
    const ws = template(await makeTemplate(countyBook()));
    const protection = sheetProtection(ws);
    expect(protection).toMatchObject({ sheet: true, formatColumns: true, formatRows: true });
    // In the file, selectLockedCells="1" would forbid selecting; exceljs reads that as false.
    expect(protection?.selectLockedCells).not.toBe(false);
    expect(protection?.selectUnlockedCells).not.toBe(false);
    expect(protection?.hashValue).toBeUndefined();
  });

  it("unlocks exactly the input cells and leaves every other cell of the template locked", async () => {
    const ws = template(await makeTemplate(countyBook()));
    expect(unlockedCells(ws)).toEqual(expectedInputCells());
  });

  it("puts a rule of a decimal of 0 or more, with its Chinese alert, on the figures", async () => {
    const ws = template(await makeTemplate(countyBook()));
    for (const address of addresses(FIGURES)) {
      expect({ address, rule: ws.getCell(address).dataValidation }).toMatchObject({
        address,
        rule: {
          type: "decimal",
          operator: "greaterThanOrEqual",
          formulae: [0],
          showErrorMessage: true,
          errorStyle: "stop",
          error: "请填写不小于0的数字（不要填写文字或单位）",
        },
      });
    }
  });

  it("puts the catalogue drop-down on 物资名称 of the blank rows only", async () => {
    const ws = template(await makeTemplate(countyBook()));
    for (const address of addresses(ITEM_PICKS)) {
      expect({ address, rule: ws.getCell(address).dataValidation }).toMatchObject({
        address,
        rule: { type: "list", formulae: [LIST_SOURCE], showErrorMessage: true },
      });
    }
    // The items the template already lists are fixed.
    expect(ws.getCell("C5").dataValidation).toBeUndefined();
    expect(ws.getCell("C6").dataValidation).toBeUndefined();
  });

  it("leaves 备注 free of any rule though it is an input cell", async () => {
    const ws = template(await makeTemplate(countyBook()));
    expect(addresses("H5:H11").map((a) => ws.getCell(a).dataValidation)).toEqual(
      new Array(7).fill(undefined)
    );
  });

  it("makes a protected template again, with the new figures, when it is remade from a changed ledger", async () => {
    const first = await makeTemplate(countyBook());
    // The ledger's stock of masks changes; the template read back from the file is protected.
    const ledger = first.getWorksheet("物资储备") as ExcelJS.Worksheet;
    ledger.getCell("H3").value = 2500;
    expect(sheetProtection(template(first))).toMatchObject({ sheet: true });
    const ws = template(await makeTemplate(first));
    expect(ws.getCell("F5").value).toBe(2500);
    expect(sheetProtection(ws)).toMatchObject({ sheet: true, formatColumns: true });
    expect(unlockedCells(ws)).toEqual(expectedInputCells());
  });
});

describe("the memory host and the .xlsx host on 生成填报模板", () => {
  it("lock the same cells and validate the same cells of the template", async () => {
    const memory = new MemoryWorkbook(countySheets());
    const outcome = await executeCommand(createMemoryHost(memory), generateTemplates, {
      ...RUN,
      options: { units: ["城关镇"] },
    });
    expect(outcome.ok).toBe(true);
    const ws = template(await makeTemplate(countyBook()));

    expect(memory.protection(SHEET).protected).toBe(true);
    const memoryUnlocked = addresses(TEMPLATE_AREA)
      .filter((a) => !memory.cellFormat(SHEET, a).locked)
      .sort();
    expect(unlockedCells(ws)).toEqual(memoryUnlocked);

    // Office names a rule by its one key ({ decimal: … }, { list: … }), exceljs by its type.
    const rules = memory.dataValidations(SHEET);
    const memoryKind = (address: string) => {
      const rule = rules.find((v) => addresses(v.range).includes(address))?.rule;
      return rule ? Object.keys(rule)[0] : undefined;
    };
    const xlsxKind = (address: string) => ws.getCell(address).dataValidation?.type;
    const cells = addresses(TEMPLATE_AREA);
    expect(cells.map(xlsxKind)).toEqual(cells.map(memoryKind));
  });
});

describe("the validation op", () => {
  it.each<[string, DataValidation["rule"], Partial<ExcelJS.DataValidation>]>([
    [
      "a list from its values, quoted as one comma-separated text",
      { type: "list", values: ["医用外科口罩", "隔离衣"] },
      { type: "list", formulae: ['"医用外科口罩,隔离衣"'] },
    ],
    [
      "a list from its source range rather than its values",
      { type: "list", values: ["甲"], source: "=$J$5:$J$9" },
      { type: "list", formulae: ["$J$5:$J$9"] },
    ],
    [
      "a decimal with only a minimum as at least that minimum",
      { type: "decimal", min: 0 },
      { type: "decimal", operator: "greaterThanOrEqual", formulae: [0] },
    ],
    [
      "a decimal with only a maximum as at most that maximum",
      { type: "decimal", max: 1.5 },
      { type: "decimal", operator: "lessThanOrEqual", formulae: [1.5] },
    ],
    [
      "a whole number with both bounds as between them",
      { type: "wholeNumber", min: 1, max: 100 },
      { type: "whole", operator: "between", formulae: [1, 100] },
    ],
    [
      "a negative minimum as it is",
      { type: "wholeNumber", min: -5 },
      { type: "whole", operator: "greaterThanOrEqual", formulae: [-5] },
    ],
  ])("writes %s", async (_what, rule, expected) => {
    const ws = await bookAfter([makeValidation({ rule })]);
    expect(ws.getCell("B2").dataValidation).toMatchObject({ ...expected, allowBlank: true });
    expect(ws.getCell("B3").dataValidation).toMatchObject(expected);
  });

  it("writes a decimal rule with no bound as any number Excel can hold", async () => {
    const ws = await bookAfter([makeValidation({ rule: { type: "decimal" } })]);
    expect(ws.getCell("B2").dataValidation).toMatchObject({
      type: "decimal",
      operator: "greaterThanOrEqual",
      formulae: [-9.99e307],
    });
  });

  it("doubles a quote inside a listed value, so the list stays one text", async () => {
    const ws = await bookAfter([
      makeValidation({ rule: { type: "list", values: ['3"口罩', "手套"] } }),
    ]);
    expect(ws.getCell("B2").dataValidation?.formulae).toEqual(['"3""口罩,手套"']);
  });

  it("shows the op's message as a stop alert, cut to Excel's 225 characters", async () => {
    const ws = await bookAfter([makeValidation({ errorMessage: "请".repeat(300) })]);
    expect(ws.getCell("B2").dataValidation).toMatchObject({
      showErrorMessage: true,
      errorStyle: "stop",
      error: "请".repeat(225),
    });
  });

  it("sets no rule outside the op's range", async () => {
    const ws = await bookAfter([makeValidation()]);
    expect(ws.getCell("B1").dataValidation).toBeUndefined();
    expect(ws.getCell("B4").dataValidation).toBeUndefined();
    expect(ws.getCell("C2").dataValidation).toBeUndefined();
  });

  it("replaces the rule a cell held when a later op validates it again", async () => {
    const ws = await bookAfter([
      makeValidation({ rule: { type: "decimal", min: 0 } }),
      makeValidation({ range: "B3", rule: { type: "list", values: ["是", "否"] } }),
    ]);
    expect(ws.getCell("B2").dataValidation?.type).toBe("decimal");
    expect(ws.getCell("B3").dataValidation).toMatchObject({ type: "list", formulae: ['"是,否"'] });
  });
});

describe("the protect op", () => {
  it("unlocks every cell of several ranges, given with or without $", async () => {
    const ws = await bookAfter([{ kind: "protect", sheet: "表", unlocked: ["B2:C3", "$E$5"] }]);
    const open = addresses("A1:F6").filter((a) => ws.getCell(a).protection?.locked === false);
    expect(open).toEqual(["B2", "C2", "B3", "C3", "E5"]);
  });

  it("protects a sheet with no unlocked range, leaving every cell locked", async () => {
    const ws = await bookAfter([{ kind: "protect", sheet: "表", unlocked: [] }]);
    expect(sheetProtection(ws)).toMatchObject({ sheet: true });
    expect(ws.getCell("A1").protection?.locked).not.toBe(false);
  });

  it("unlocks a cell without unlocking its neighbour that shared its style in the file", async () => {
    // Two cells of one style, read from a file: exceljs may hand them one style object.
    const book = new ExcelJS.Workbook();
    const first = book.addWorksheet("表");
    first.getCell("B2").value = 1;
    first.getCell("B3").value = 2;
    first.getCell("B2").font = { bold: true };
    first.getCell("B3").font = { bold: true };
    const loaded = await reload(book);
    const outcome = await executeCommand(
      createXlsxHost(loaded),
      commandWriting([{ kind: "protect", sheet: "表", unlocked: ["B2"] }]),
      RUN
    );
    expect(outcome.ok).toBe(true);
    const ws = (await reload(loaded)).getWorksheet("表") as ExcelJS.Worksheet;
    expect(ws.getCell("B2").protection?.locked).toBe(false);
    expect(ws.getCell("B3").protection?.locked).not.toBe(false);
    expect(ws.getCell("B3").font?.bold).toBe(true);
  });

  it("replaces a password a clerk set with the template's protection, which has none", async () => {
    const ws = await bookAfter(
      [{ kind: "protect", sheet: "表", unlocked: ["B2"] }],
      (sheet) => void sheet.protect("secret", {})
    );
    expect(sheetProtection(ws)).toMatchObject({ sheet: true, formatColumns: true });
    expect(sheetProtection(ws)?.hashValue).toBeUndefined();
  });
});
