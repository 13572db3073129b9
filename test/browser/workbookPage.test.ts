/**
 * The 工作簿计算页 (workbook.html) on a ledger made by `epi-ledger demo`: opened
 * through the file chooser, computed, one input cell edited and computed
 * again, and the downloaded result compared cell by cell with what
 * `epi-ledger compute` writes from the same edited file. No request may leave
 * the page's origin.
 */
import path from "path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { runCli } from "../../src/cli/main";
import { cellFormula } from "../../src/hosts/xlsx/cellValues";
import { isoFromSerial } from "../../src/core/dates";
import { SAMPLE_REPORT_DATE } from "../../src/workbook/sample/county";
import { makeEnv, tempDir } from "../xlsx/helpers";
import { launchChromium, openPage } from "./chromium";

jest.setTimeout(180_000);

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const ISO = isoFromSerial(SAMPLE_REPORT_DATE);
const [Y, M, D] = ISO.split("-").map(Number);
/** The page's clock with ?date=: that day at 17:00, local time; the CLI is given the same. */
const AT = new Date(Y, M - 1, D, 17, 0, 0);

async function demoLedger(dir: string): Promise<string> {
  const env = makeEnv({ cwd: dir, now: () => AT });
  const file = path.join(dir, "示例台账.xlsx");
  expect(await runCli(["demo", "-o", file], env)).toBe(0);
  return file;
}

async function runCommand(page: Page, label: string): Promise<string> {
  const statusText = () => document.querySelector('[data-testid="status"]')?.textContent ?? "";
  const before = await page.evaluate(statusText);
  await page.getByRole("button", { name: label, exact: true }).click();
  // Every run here follows another command's status: wait for a new, finished one.
  await page.waitForFunction((previous) => {
    const status = document.querySelector('[data-testid="status"]');
    const state = status?.getAttribute("data-state");
    return (state === "success" || state === "warning") && status?.textContent !== previous;
  }, before);
  return (await page.getByTestId("status").textContent()) ?? "";
}

/** Every non-empty cell of every sheet: value, formula and number format, keyed `sheet!A1`. */
async function cells(file: string): Promise<{ sheets: string[]; cells: Record<string, unknown> }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Record<string, unknown> = {};
  for (const ws of wb.worksheets)
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        out[`${ws.name}!${cell.address}`] = [
          JSON.stringify(cell.value),
          cellFormula(cell) ?? null,
          cell.numFmt ?? null,
        ];
      })
    );
  return { sheets: wb.worksheets.map((ws) => ws.name), cells: out };
}

describe("workbook.html (工作簿计算页)", () => {
  it("computes the clerk's own file, takes an edit, and downloads what the CLI writes", async () => {
    const dir = tempDir();
    const input = await demoLedger(dir);
    const { page, errors, outside } = await openPage(browser, `/workbook.html?date=${ISO}`);
    expect(await page.getByTestId("privacy").textContent()).toContain("不会上传");

    await page.getByTestId("file-input").setInputFiles(input);
    await page.getByRole("button", { name: "初始化工作簿" }).waitFor();
    await page.getByRole("tab", { name: "物资储备" }).waitFor();

    expect(await runCommand(page, "计算物资储备")).not.toBe("");
    expect(await runCommand(page, "生成接种排名")).not.toBe("");

    // Edit 现有库存 of the first 物资储备 row: click the cell, type, Enter.
    await page.getByRole("tab", { name: "物资储备" }).click();
    const table = page.locator('[data-testid="sheet-table"][data-sheet="物资储备"]');
    await table.waitFor();
    const header =
      (await table.locator('td:text-is("现有库存")').first().getAttribute("data-cell")) ?? "";
    const [, letters, row] = /^([A-Z]+)(\d+)$/.exec(header) ?? [];
    expect(letters).toBeDefined();
    const address = `${letters}${Number(row) + 1}`;
    const cell = table.locator(`td[data-cell="${address}"]`);
    const before = (await cell.textContent()) ?? "";
    const edited = String((Number(before.replace(/,/g, "")) || 0) + 1234);
    await cell.click();
    await page.getByTestId("edit-value").fill(edited);
    await page.getByTestId("edit-value").press("Enter");
    await page.waitForFunction(
      ([a, v]) =>
        document
          .querySelector(`[data-testid="sheet-table"][data-sheet="物资储备"] td[data-cell="${a}"]`)
          ?.textContent?.replace(/,/g, "") === v,
      [address, edited] as const
    );
    const summary = await runCommand(page, "计算物资储备");
    expect(summary).not.toBe("");

    // A sheet the commands make (计算物资储备 makes 物资汇总) is not for typing into.
    const made = "物资汇总";
    await page.getByRole("tab", { name: made, exact: true }).click();
    await page
      .locator(`[data-testid="sheet-table"][data-sheet="${made}"] td[data-cell]`)
      .first()
      .click();
    await page.getByTestId("edit-refused").waitFor();
    expect(await page.getByTestId("edit-value").isDisabled()).toBe(true);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载计算结果" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("示例台账_计算结果.xlsx");
    const fromPage = path.join(dir, "page.xlsx");
    await download.saveAs(fromPage);

    // The CLI on the same input with the same edit, at the same clock.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(input);
    wb.getWorksheet("物资储备")!.getCell(address).value = Number(edited);
    const editedInput = path.join(dir, "edited.xlsx");
    await wb.xlsx.writeFile(editedInput);
    const fromCli = path.join(dir, "cli.xlsx");
    const code = await runCli(
      ["compute", editedInput, "-o", fromCli],
      makeEnv({ cwd: dir, now: () => AT })
    );
    expect(code).toBeLessThan(2);

    const a = await cells(fromPage);
    const b = await cells(fromCli);
    expect(a.sheets).toEqual(b.sheets);
    expect(Object.keys(a.cells).length).toBe(Object.keys(b.cells).length);
    for (const key of Object.keys(b.cells))
      expect([key, a.cells[key]]).toEqual([key, b.cells[key]]);
    // The edit is in the result.
    expect(a.cells[`物资储备!${address}`]).toEqual(b.cells[`物资储备!${address}`]);
    expect(JSON.parse((a.cells[`物资储备!${address}`] as string[])[0])).toBe(Number(edited));

    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("gives the CLI's message for a file that is not a workbook", async () => {
    const dir = tempDir();
    const csv = path.join(dir, "台账.xlsx");
    require("fs").writeFileSync(csv, "日期,乡镇\n2022-01-20,白云乡\n");
    const { page, outside } = await openPage(browser, "/workbook.html");
    await page.getByTestId("file-input").setInputFiles(csv);
    const alert = page.getByTestId("page-error");
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      "“台账.xlsx”不是 .xlsx 文件（文件头不是 Excel 工作簿），请选择 Excel 工作簿"
    );
    expect(outside).toEqual([]);
  });

  it("speaks English with ?lang=en", async () => {
    const { page } = await openPage(browser, "/workbook.html?lang=en");
    expect(await page.getByTestId("privacy").textContent()).toContain("nothing is uploaded");
  });
});
