/**
 * `epi-ledger merge`: a returned department template imported into the demo
 * ledger with the add-in's 导入填报 rules.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { runCli } from "../../src/cli/main";
import { loadXlsx } from "../../src/hosts/xlsx/files";
import { sheetSnapshot } from "../../src/hosts/xlsx/xlsxHost";
import { DEFAULT_CATALOGUE } from "../../src/core/stockpile/catalogue";
import type { CellValue } from "../../src/workbook/cells";
import { applyOps } from "../../src/workbook/applyOps";
import { buildTemplate, renderTemplateOps } from "../../src/workbook/stockpile/template";
import { writeSheetsXlsx } from "../xlsx/fixtures";
import { makeEnv } from "../xlsx/helpers";

jest.setTimeout(120_000);

const INJECTION = '=HYPERLINK("http://example.invalid","点此")';

/** 城关镇's return: the template the add-in generates, with one row typed in. */
async function writeReturn(dir: string, stock: CellValue): Promise<string> {
  const layout = buildTemplate("城关镇", "乡镇", [], DEFAULT_CATALOGUE, { extraRows: 3 });
  const ops = renderTemplateOps(layout);
  const sheet = applyOps({ sheetNames: [], sheets: {}, names: {} }, ops).sheets[layout.sheetName];
  const values = sheet.values.map((r) => [...r]);
  values[4][2] = "医用外科口罩";
  values[4][4] = 50;
  values[4][5] = stock;
  values[4][3] = INJECTION;
  const file = path.join(dir, "城关镇.xlsx");
  await writeSheetsXlsx([{ name: layout.sheetName, values }], file);
  return file;
}

describe("epi-ledger merge", () => {
  it("imports a return, prints its change list, keeps old rows in 历史记录 and writes injected text as text", async () => {
    const env = makeEnv();
    expect(await runCli(["demo", "-o", "ledger.xlsx"], env)).toBe(0);
    await writeReturn(env.cwd, 12345);
    env.out.length = 0;
    const code = await runCli(["merge", "城关镇.xlsx", "--into", "ledger.xlsx"], env);
    const out = env.out.join("");
    expect(code).toBeLessThan(2);
    expect(out).toMatch(/城关镇（城关镇\.xlsx，/);
    const workbook = await loadXlsx(path.join(env.cwd, "ledger_已导入.xlsx"));
    const history = workbook.getWorksheet("历史记录");
    expect(history).toBeDefined();
    expect(sheetSnapshot(history!).values.some((r) => r.includes("导入填报"))).toBe(true);
    const stock = sheetSnapshot(workbook.getWorksheet("物资储备")!);
    const injected = stock.formulas.flat().filter((v) => v === INJECTION);
    expect(injected.length).toBeGreaterThan(0);
    let formulaCell = false;
    workbook.getWorksheet("物资储备")!.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.formula?.includes("HYPERLINK")) formulaCell = true;
      })
    );
    expect(formulaCell).toBe(false);
  });

  it("exits 1 and names the returned file's cell when a return has a bad figure", async () => {
    const env = makeEnv();
    await runCli(["demo", "-o", "ledger.xlsx"], env);
    await writeReturn(env.cwd, "很多");
    env.out.length = 0;
    expect(await runCli(["merge", "城关镇.xlsx", "--into", "ledger.xlsx"], env)).toBe(1);
    expect(env.out.join("")).toMatch(/^城关镇\.xlsx \S+!F5: /m);
  });

  it("leaves the ledger byte for byte as it was with --in-place when the return was already imported", async () => {
    const env = makeEnv();
    await runCli(["demo", "-o", "ledger.xlsx"], env);
    await writeReturn(env.cwd, 12345);
    const merge = ["merge", "城关镇.xlsx", "--into", "ledger.xlsx", "--in-place"];
    expect(await runCli(merge, env)).toBeLessThan(2);
    const ledger = path.join(env.cwd, "ledger.xlsx");
    const before = readFileSync(ledger);
    env.out.length = 0;
    expect(await runCli(merge, env)).toBeLessThan(2);
    expect(readFileSync(ledger).equals(before)).toBe(true);
    expect(env.out.join("")).toMatch(/“ledger\.xlsx”没有需要写入的内容，未改写/);
  });

  it("exits 2 when a return is not an .xlsx file", async () => {
    const env = makeEnv();
    await runCli(["demo", "-o", "ledger.xlsx"], env);
    expect(await runCli(["merge", "missing.xls", "--into", "ledger.xlsx"], env)).toBe(2);
  });
});
