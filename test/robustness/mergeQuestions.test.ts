/**
 * Returns 导入填报 must question (issue 13, class 8), through the pure
 * planner on the sample ledger and through `epi-ledger merge`: a template
 * whose unit was edited to another unit, an emptied return, absurd figures
 * (1e308), a changed 单位类别; each is an error at the file's cell and nothing
 * of that return is imported. Of two returns for one unit the newer by saved
 * time wins, whatever the order given.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "../../src/cli/main";
import { loadXlsx } from "../../src/hosts/xlsx/files";
import { findSheet, sheetSnapshot } from "../../src/hosts/xlsx/xlsxHost";
import type { CellValue } from "../../src/workbook/cells";
import { initWorkbook } from "../../src/workbook/init/initWorkbook";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";
import { planImport, type ReturnedFile } from "../../src/workbook/stockpile/import";
import { STOCKPILE_SHEET } from "../../src/workbook/stockpile/specs";
import {
  RUN,
  memoryState,
  returnedTemplate,
  runOk,
  sampleMemoryBook,
  type ReturnRow,
} from "../helpers/robustness";
import { makeEnv } from "../xlsx/helpers";

jest.setTimeout(120_000);

let ledger: WorkbookSnapshot;
let otherUnit: string;

beforeAll(async () => {
  const { book, host } = sampleMemoryBook();
  await runOk(host, initWorkbook);
  const state = memoryState(book);
  ledger = {
    sheetNames: state.sheetNames,
    names: state.names,
    sheets: Object.fromEntries(
      Object.entries(state.sheets).map(([name, s]) => [name, { name, ...s }])
    ),
  };
  const units = ledger.sheets[STOCKPILE_SHEET].values
    .slice(2)
    .map((r) => r[0])
    .filter((u): u is string => typeof u === "string" && u !== "城关镇");
  otherUnit = units[0];
});

const ROWS: ReturnRow[] = [
  { item: "医用外科口罩", persons: 50, stock: 3000 },
  { item: "速干手消毒剂", persons: 50, stock: 20 },
];

function plan(returns: ReturnedFile[]) {
  return planImport(returns, ledger, RUN);
}

/** Cells a return's plan writes on 物资储备. */
const stockpileWrites = (ops: ReturnType<typeof plan>["ops"]) =>
  ops.filter((o) => o.kind === "block" && o.sheet === STOCKPILE_SHEET);

describe("导入填报 questions a return", () => {
  it("refuses a template whose unit cells were edited to another unit, naming the file and cell", () => {
    const edited = returnedTemplate(
      ROWS.map((r) => ({ ...r, unit: otherUnit })),
      { unit: "城关镇", fileName: "城关镇.xlsx" }
    );
    const result = plan([edited]);
    const issue = result.issues.find((i) => i.code === "unitChanged");
    expect(issue).toMatchObject({ severity: "error", file: "城关镇.xlsx" });
    expect(issue!.cell).toMatch(/^A\d+$/);
    expect(issue!.message.zh).toContain(otherUnit);
    expect(result.units.every((u) => u.blocked)).toBe(true);
    expect(stockpileWrites(result.ops)).toEqual([]);
  });

  it("refuses it too when the heading cell was edited as well (the sheet still names the unit)", () => {
    const edited = returnedTemplate(ROWS, { unit: "城关镇", fileName: "城关镇.xlsx" });
    const sheet = edited.sheets[0];
    for (const line of sheet.values) {
      line.forEach((v, c) => {
        if (v === "城关镇") line[c] = otherUnit;
      });
    }
    const result = plan([edited]);
    expect(result.issues.map((i) => i.code)).toContain("unitChanged");
    expect(stockpileWrites(result.ops)).toEqual([]);
  });

  it("refuses an emptied return rather than deleting all the unit's rows", () => {
    const result = plan([returnedTemplate([], { fileName: "城关镇.xlsx" })]);
    const issue = result.issues.find((i) => i.code === "emptyReturn");
    expect(issue).toMatchObject({ severity: "error", file: "城关镇.xlsx" });
    expect(issue!.message.zh).toMatch(/全部 \d+ 行/);
    expect(result.units[0].counts.removed).toBeGreaterThan(0);
    expect(stockpileWrites(result.ops)).toEqual([]);
  });

  it.each([
    ["stock", 1e308],
    ["stock", 5e9],
    ["persons", 1e308],
    ["inTransit", Number.MAX_VALUE],
  ] as const)("refuses %s = %s at its cell", (field, value) => {
    const rows: ReturnRow[] = [{ ...ROWS[0], [field]: value }, ROWS[1]];
    const ret = returnedTemplate(rows, { fileName: "城关镇.xlsx" });
    const result = plan([ret]);
    const issue = result.issues.find((i) => i.code === "implausibleFigure");
    expect(issue).toMatchObject({ severity: "error", file: "城关镇.xlsx" });
    const column = { persons: 5, stock: 6, inTransit: 7 }[field];
    const [, letters, row] = /^([A-Z]+)(\d+)$/.exec(issue!.cell)!;
    expect(letters.charCodeAt(0) - 64).toBe(column);
    expect(ret.sheets[0].values[Number(row) - 1][column - 1]).toBe(value);
    expect(stockpileWrites(result.ops)).toEqual([]);
  });

  it("accepts a large but real figure (999,999,999)", () => {
    const result = plan([
      returnedTemplate([{ ...ROWS[0], stock: 999_999_999 }], { fileName: "城关镇.xlsx" }),
    ]);
    expect(result.issues.filter((i) => i.code === "implausibleFigure")).toEqual([]);
  });

  it("warns at the cell of a changed 单位类别, which switches the unit's reserve standard", () => {
    const ret = returnedTemplate(
      ROWS.map((r) => ({ ...r, category: "县应急物资储备库" })),
      { category: "县应急物资储备库", fileName: "城关镇.xlsx" }
    );
    const result = plan([ret]);
    const issue = result.issues.find((i) => i.code === "categoryChanged");
    expect(issue).toMatchObject({ severity: "warning", file: "城关镇.xlsx" });
    expect(issue!.message.zh).toMatch(/由台账中的“乡镇”改成了“县应急物资储备库”/);
    expect(issue!.cell).toMatch(/^B\d+$/);
    expect(ret.sheets[0].values[Number(issue!.cell.slice(1)) - 1][1]).toBe("县应急物资储备库");
    // Imported, and the change list shows the category change.
    expect(result.units[0].blocked).toBe(false);
    expect(result.units[0].rows.some((r) => r.fields.some((f) => f.field === "category"))).toBe(
      true
    );
  });

  it.each([
    ["newer given first", true],
    ["newer given last", false],
  ])("of two returns for one unit the newer by saved time wins (%s)", (_name, newerFirst) => {
    const older = { ...returnedTemplate([ROWS[0]], { fileName: "城关镇.xlsx" }), savedAt: 44580.4 };
    const newer = {
      ...returnedTemplate([{ ...ROWS[0], stock: 4321 }], { fileName: "城关镇(更正).xlsx" }),
      savedAt: 44581.6,
    };
    const result = plan(newerFirst ? [newer, older] : [older, newer]);
    expect(result.units).toHaveLength(1);
    expect(result.units[0].file).toBe("城关镇(更正).xlsx");
    const warning = result.issues.find((i) => i.code === "duplicateReturn");
    expect(warning).toMatchObject({ file: "城关镇.xlsx", severity: "warning" });
    expect(warning!.message.zh).toMatch(/较旧，未导入/);
  });
});

describe("epi-ledger merge", () => {
  async function writeReturn(file: string, ret: ReturnedFile, modified: Date): Promise<void> {
    const workbook = new ExcelJS.Workbook();
    workbook.modified = modified;
    for (const sheet of ret.sheets) {
      const ws = workbook.addWorksheet(sheet.name);
      sheet.values.forEach((line: CellValue[], r) =>
        line.forEach((v, c) => {
          if (v !== null) ws.getCell(r + 1, c + 1).value = v;
        })
      );
    }
    await workbook.xlsx.writeFile(file);
  }

  it("imports the newer of two returns when a glob lists the correction first", async () => {
    const env = makeEnv();
    expect(await runCli(["demo", "-o", "台账.xlsx"], makeEnv({ cwd: env.cwd }))).toBe(0);
    await writeReturn(
      path.join(env.cwd, "城关镇.xlsx"),
      returnedTemplate([ROWS[0]], { fileName: "城关镇.xlsx" }),
      new Date(2022, 0, 19, 9, 0)
    );
    await writeReturn(
      path.join(env.cwd, "城关镇(更正).xlsx"),
      returnedTemplate([{ ...ROWS[0], stock: 4321 }], { fileName: "城关镇(更正).xlsx" }),
      new Date(2022, 0, 20, 15, 30)
    );
    const code = await runCli(
      ["merge", "城关镇(更正).xlsx", "城关镇.xlsx", "--into", "台账.xlsx", "-o", "out.xlsx"],
      env
    );
    const printed = env.out.join("");
    expect(code).toBe(1);
    expect(printed).toMatch(/城关镇\.xlsx .*较旧，未导入/);
    const out = await loadXlsx(path.join(env.cwd, "out.xlsx"));
    const rows = sheetSnapshot(findSheet(out, STOCKPILE_SHEET)!).values;
    const mask = rows.find((r) => r[0] === "城关镇" && r[2] === "医用外科口罩");
    expect(mask).toBeDefined();
    expect(mask).toContain(4321);
    await fs.rm(env.cwd, { recursive: true, force: true });
  });
});
