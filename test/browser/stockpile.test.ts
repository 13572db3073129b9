/**
 * 物资储备 templates out and back, in the preview: 初始化工作簿, 生成填报模板 for
 * 城关镇, a filled copy of that template built here as an .xlsx (exceljs in
 * node) with a changed figure and injection attempts, uploaded through the
 * file input; the change list, the confirmation, and then the preview's
 * tables: 历史记录, 物资储备, 物资汇总 and 报送记录.
 */
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { launchChromium, openPage } from "./chromium";

jest.setTimeout(120_000);

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const INJECTION = '=HYPERLINK("http://x","y")';
const NEW_STOCK = 98_765;

/** The shown rows of a sheet's table, each as its cells' text (column A first). */
async function tableRows(page: Page, sheet: string): Promise<string[][]> {
  await page.getByRole("tab", { name: sheet, exact: true }).click();
  await page.waitForSelector(`[data-testid="sheet-table"][data-sheet="${sheet}"]`);
  return page.$$eval(`[data-testid="sheet-table"][data-sheet="${sheet}"] tbody tr`, (rows) =>
    rows.map((row) => [...row.querySelectorAll("td")].map((td) => td.textContent ?? ""))
  );
}

/** The memory workbook's values of a sheet (the preview exposes the workbook for tests). */
async function sheetValues(
  page: Page,
  sheet: string
): Promise<(string | number | boolean | null)[][]> {
  return page.evaluate(
    (name) =>
      (
        window as unknown as {
          epiLedgerPreview: {
            workbook: { values(s: string): (string | number | boolean | null)[][] };
          };
        }
      ).epiLedgerPreview.workbook.values(name),
    sheet
  );
}

async function waitForStatus(page: Page, before: string | null): Promise<string> {
  await page.waitForFunction((previous) => {
    const status = document.querySelector('[data-testid="status"]');
    const state = status?.getAttribute("data-state");
    return (state === "success" || state === "warning") && status?.textContent !== previous;
  }, before);
  return (await page.getByTestId("status").textContent()) ?? "";
}

/** An .xlsx holding the template's values, as the unit fills and returns it. */
async function filledTemplate(values: (string | number | boolean | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("填报_城关镇");
  values.forEach((line, r) =>
    line.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 1, c + 1).value = v;
    })
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const number = (text: string) => Number(text.replace(/,/g, ""));

describe("物资储备 templates out and back in the preview", () => {
  it("generates a template, imports a filled one with an injection attempt, and updates the ledger", async () => {
    const { page, errors, outside } = await openPage(browser, "/preview.html");
    const section = page.getByTestId("section-stockpile");

    await page.getByRole("button", { name: "初始化工作簿" }).click();
    let status = await waitForStatus(page, null);

    // 生成填报模板 for 城关镇, picked from the unit list, as a protected sheet.
    await section.getByRole("radio", { name: "勾选单位" }).click();
    await section.getByRole("button", { name: "读取单位名单" }).click();
    status = await waitForStatus(page, status);
    await section.getByRole("checkbox", { name: /^城关镇（乡镇/ }).click();
    await section.getByRole("button", { name: "生成填报模板" }).click();
    status = await waitForStatus(page, status);
    expect(status).toContain("已生成1个单位的填报模板工作表（填报_城关镇）");
    const template = await tableRows(page, "填报_城关镇");
    expect(template[0][0]).toBe("城关镇防疫物资储备填报表");

    // The unit fills it in: a new mask figure, and text that tries to be a formula.
    const values = await sheetValues(page, "填报_城关镇");
    const masks = values.findIndex((r) => r[2] === "医用外科口罩");
    expect(masks).toBeGreaterThan(3);
    values[masks][3] = INJECTION;
    values[masks][5] = NEW_STOCK;
    values[masks][7] = "@SUM(1)";
    const before = await sheetValues(page, "物资储备");
    const ledgerRow = before.findIndex((r) => r[0] === "城关镇" && r[2] === "医用外科口罩") + 1;
    const oldStock = before[ledgerRow - 1][7];
    const recordsBefore = (await sheetValues(page, "报送记录")).length;

    await page.setInputFiles('[data-testid="import-file-input"]', {
      name: "城关镇.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: await filledTemplate(values),
    });
    const preview = page.getByTestId("import-preview");
    await preview.waitFor();
    expect(await preview.getByTestId("import-counts").textContent()).toBe(
      "新增 0 · 修改 1 · 未变 3 · 删除 0"
    );
    const change = await preview.getByTestId("import-row").textContent();
    expect(change).toContain(`修改 医用外科口罩（物资储备第 ${ledgerRow} 行）`);
    expect(change).toContain(`现有库存 ${oldStock} → ${NEW_STOCK}`);
    expect(change).toContain(`计量单位 （空） → ${INJECTION}`);

    await page.getByTestId("import-confirm").click();
    await page.getByTestId("import-summary").waitFor();
    expect(await page.getByTestId("import-summary").textContent()).toContain("已导入1个单位的填报");

    // 历史记录 keeps the row as it was before the import.
    const history = await tableRows(page, "历史记录");
    const kept = history.find((r) => r[1] === "导入填报" && r[3] === `第${ledgerRow}行`);
    expect(kept?.[4]).toContain(`城关镇 | 乡镇 | 医用外科口罩 |  | ${before[ledgerRow - 1][4]} |`);
    expect(kept?.[4]).toContain(String(oldStock));

    // 物资储备 holds the new figure; the injection is shown as the text typed.
    const ledger = await tableRows(page, "物资储备");
    const row = ledger[ledgerRow - 1];
    expect(number(row[7])).toBe(NEW_STOCK);
    expect(row[3]).toBe(INJECTION);
    const header = ledger[1];
    expect(row[header.indexOf("状态")]).toBe("达标");

    // 物资汇总 is recomputed: its mask stock is the ledger's total.
    const maskStock = ledger
      .slice(2)
      .filter((r) => r[2] === "医用外科口罩")
      .reduce((sum, r) => sum + number(r[7]), 0);
    const summary = await tableRows(page, "物资汇总");
    expect(summary[0][0]).toBe("截至2022年1月20日物资储备情况");
    const byItem = summary.find((r) => r[0] === "医用外科口罩");
    expect(number(byItem?.[4] ?? "")).toBe(maskStock);

    // 报送记录 gained a row for 城关镇.
    const records = await tableRows(page, "报送记录");
    expect(records.filter((r) => r.some((c) => c !== "")).length).toBe(recordsBefore + 1);
    const added = records[recordsBefore];
    expect(added[1]).toBe("城关镇");
    expect(added).toContain("导入填报：城关镇.xlsx");

    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("offers each template as a protected .xlsx download when asked for separate workbooks", async () => {
    const { page, errors, outside } = await openPage(browser, "/preview.html");
    const section = page.getByTestId("section-stockpile");
    await page.getByRole("button", { name: "初始化工作簿" }).click();
    let status = await waitForStatus(page, null);

    await section.getByTestId("template-category").selectOption("县直部门");
    await section.getByRole("radio", { name: /单独的工作簿文件/ }).click();
    await section.getByRole("button", { name: "生成填报模板" }).click();
    status = await waitForStatus(page, status);
    // Every 县直部门 of 物资储备 and of the 填报单位 roster.
    const made = Number(/已准备(\d+)个单位的填报模板文件/.exec(status)?.[1]);
    expect(made).toBeGreaterThanOrEqual(5);
    const links = section.getByTestId("template-download");
    await links.first().waitFor();
    expect(await links.count()).toBe(made);
    // Nothing was written to the workbook in this mode.
    expect(await page.getByRole("tab", { name: /^填报_/ }).count()).toBe(0);

    const [download] = await Promise.all([page.waitForEvent("download"), links.first().click()]);
    expect(download.suggestedFilename()).toBe("县卫生健康局_物资储备填报.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path()) as string);
    const ws = workbook.getWorksheet("填报_县卫生健康局") as ExcelJS.Worksheet;
    expect(ws.getCell("A1").value).toBe("县卫生健康局防疫物资储备填报表");
    expect(
      (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet
    ).toBe(true);
    expect(ws.getCell("F5").protection?.locked).toBe(false);
    expect(ws.getCell("F5").dataValidation).toMatchObject({ type: "decimal", formulae: [0] });
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });
});
