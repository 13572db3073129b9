import { mkdirSync } from "fs";
import path from "path";
import type { Browser } from "playwright-core";
import { launchChromium, openPage } from "./chromium";

jest.setTimeout(60_000);

const SCREENSHOTS = path.resolve(__dirname, "../../.tmp");

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** Column A → column B of every row of the shown 参数 table. */
async function paramValues(page: import("playwright-core").Page): Promise<Record<string, string>> {
  return page.$$eval('[data-testid="sheet-table"][data-sheet="参数"] tbody tr', (rows) =>
    Object.fromEntries(
      rows.map((row) => [
        row.querySelector('[data-cell^="A"]')?.textContent ?? "",
        row.querySelector('[data-cell^="B"]')?.textContent ?? "",
      ])
    )
  );
}

describe("preview.html", () => {
  it("shows the task pane in Chinese by default", async () => {
    const { page, errors } = await openPage(browser, "/preview.html");
    await page.getByRole("button", { name: "初始化工作簿" }).waitFor();
    expect(await page.getByRole("heading", { level: 1 }).first().textContent()).toBe(
      "防疫台账助手"
    );
    for (const title of ["物资储备", "隔离床位", "疫苗接种", "日报告"])
      expect(await page.getByRole("heading", { level: 2, name: title, exact: true }).count()).toBe(
        1
      );
    expect(errors).toEqual([]);
  });

  it("creates the 参数 sheet with the default norms when 初始化工作簿 is clicked", async () => {
    const { page, errors, outside } = await openPage(browser, "/preview.html");
    await page.getByRole("button", { name: "初始化工作簿" }).click();
    const status = page.getByTestId("status");
    await page.waitForSelector('[data-testid="status"][data-state="success"]');
    expect(await status.textContent()).toContain("已创建“参数”工作表，共 14 项参数");

    await page.getByRole("tab", { name: "参数" }).waitFor();
    await page.waitForSelector('[data-testid="sheet-table"][data-sheet="参数"]');
    const values = await paramValues(page);
    expect(values).toMatchObject({
      战时储备天数: "60",
      日常储备天数: "30",
      每万人隔离床位标准: "20",
      隔离床位计量单位: "张",
      高中风险地区隔离天数: "14",
      其他涉疫地区隔离天数: "7",
      隔离需求预测天数: "21",
      第二剂接种间隔天数: "21",
      加强针间隔天数: "180",
      达标线: "100%",
      预警线: "80%",
      排名方式: "并列占位",
      报送截止时间: "10:00",
      消耗统计回溯天数: "7",
    });
    // The pane selects the first value cell (参数!B3) when it is done.
    expect(await page.getAttribute('[data-cell="B3"]', "aria-selected")).toBe("true");

    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({
      path: path.join(SCREENSHOTS, "preview-zh.png"),
      animations: "disabled",
    });
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("shows English with ?lang=en", async () => {
    const { page, errors } = await openPage(browser, "/preview.html?lang=en");
    await page.getByRole("button", { name: "Set up workbook" }).waitFor();
    expect(await page.getByRole("heading", { level: 1 }).first().textContent()).toBe("Epi Ledger");
    for (const title of ["Supplies", "Isolation beds", "Vaccination", "Daily reports"])
      expect(await page.getByRole("heading", { level: 2, name: title, exact: true }).count()).toBe(
        1
      );
    await page.getByRole("button", { name: "Set up workbook" }).click();
    await page.waitForSelector('[data-testid="status"][data-state="success"]');
    expect(await page.getByTestId("status").textContent()).toContain(
      "Created the 参数 sheet with 14 parameters"
    );
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({
      path: path.join(SCREENSHOTS, "preview-en.png"),
      animations: "disabled",
    });
    expect(errors).toEqual([]);
  });

  it("writes no cell when 初始化工作簿 is clicked a second time", async () => {
    const { page } = await openPage(browser, "/preview.html");
    const init = page.getByRole("button", { name: "初始化工作簿" });
    await init.click();
    await page.waitForSelector('[data-testid="status"][data-state="success"]');
    const first = await page.getByTestId("status").textContent();
    expect(first).toMatch(/写入 \d+ 个单元格/);
    await init.click();
    await page.waitForFunction((before) => {
      const status = document.querySelector('[data-testid="status"]');
      return status?.getAttribute("data-state") === "success" && status.textContent !== before;
    }, first);
    expect(await page.getByTestId("status").textContent()).not.toContain("个单元格");
    expect((await paramValues(page))["战时储备天数"]).toBe("60");
  });

  it("selects and shows the cell of an issue when the issue is clicked", async () => {
    const { page, errors } = await openPage(browser, "/preview.html");
    const init = page.getByRole("button", { name: "初始化工作簿" });
    await init.click();
    await page.waitForSelector('[data-testid="status"][data-state="success"]');
    // A clerk types a value that is not a number of days into 日常储备天数 (参数!B4).
    await page.evaluate(() => {
      const preview = (
        window as unknown as {
          epiLedgerPreview: { workbook: { setValues(s: string, a: string, g: unknown[][]): void } };
        }
      ).epiLedgerPreview;
      preview.workbook.setValues("参数", "B4", [["三十"]]);
    });
    await init.click();
    const issue = page.getByTestId("issue");
    await issue.waitFor();
    expect(await issue.textContent()).toContain("参数!B4");
    expect(await issue.textContent()).toContain("日常储备天数");
    await page.getByRole("tab").first().click();
    await issue.click();
    await page.waitForSelector(
      '[data-testid="sheet-table"][data-sheet="参数"] [data-cell="B4"][aria-selected="true"]'
    );
    const visible = await page.$eval('[data-cell="B4"]', (cell) => {
      const r = cell.getBoundingClientRect();
      return (
        r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth
      );
    });
    expect(visible).toBe(true);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({
      path: path.join(SCREENSHOTS, "preview-issue.png"),
      animations: "disabled",
    });
    expect(errors).toEqual([]);
  });
});
