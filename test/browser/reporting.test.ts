/**
 * The 日报告 section in the browser preview (the built dist/, headless
 * Chromium, the clock at the sample date 17:00): 生成报送情况 shows the
 * summary, the 未报 and 迟报 lists and the copy button; and a supply template
 * returned by a unit that has not reported, imported through the 物资储备
 * section's file input, turns that unit from 未报 to 已报.
 */
import { mkdirSync } from "fs";
import path from "path";
import type { Browser, Page } from "playwright-core";
import { sampleWorkbookSheets } from "../../src/workbook/sample/workbook";
import { returnedTemplate, snapshotOfSheets, xlsxBytes } from "../reporting/returnedTemplate";
import { baseUrl, launchChromium, openPage } from "./chromium";

jest.setTimeout(90_000);

const SCREENSHOTS = path.resolve(__dirname, "../../.tmp");
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Not reported on the sample date (3 days in a row), and has 物资储备 rows. */
const UNIT = "县交通运输局";
const SAMPLE_SUMMARY =
  "截至1月20日17时，应报单位35个，已报32个（其中零报告5个），未报3个：县交通运输局、马场乡、白云乡；迟报2个。";

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** Opens the preview with clipboard access granted to its origin. */
async function openPreview() {
  const opened = await openPage(browser, "/preview.html");
  await opened.page
    .context()
    .grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(baseUrl()).origin });
  return opened;
}

/** Clicks a command button and waits until the status line shows that run's end. */
async function runFromPane(page: Page, label: string) {
  const before = await page.getByTestId("status").textContent();
  await page.getByRole("button", { name: label, exact: true }).click();
  await page.waitForFunction((previous) => {
    const status = document.querySelector('[data-testid="status"]');
    const state = status?.getAttribute("data-state");
    return (
      (state === "success" || state === "warning" || state === "error" || state === "crashed") &&
      status?.textContent !== previous
    );
  }, before);
}

/** The units listed under 未报 or 迟报 in the pane. */
function listedUnits(page: Page, list: "missing-list" | "late-list"): Promise<string[]> {
  return page.$$eval(`[data-testid="${list}"] [data-testid="report-unit"]`, (items) =>
    items.map((li) => li.getAttribute("data-unit") ?? "")
  );
}

/** Column E (报送情况) of the unit's row in the shown 报送情况 table. */
async function sheetState(page: Page, unit: string): Promise<string | null> {
  await page.getByRole("tab", { name: "报送情况", exact: true }).click();
  await page.waitForSelector('[data-testid="sheet-table"][data-sheet="报送情况"]');
  return page.$$eval(
    '[data-testid="sheet-table"][data-sheet="报送情况"] tbody tr',
    (rows, name) => {
      const row = rows.find((r) => r.querySelector('[data-cell^="B"]')?.textContent === name);
      return row?.querySelector('[data-cell^="E"]')?.textContent ?? null;
    },
    unit
  );
}

async function summaryText(page: Page): Promise<string> {
  return page.getByTestId("report-summary").inputValue();
}

describe("日报告 in preview.html", () => {
  it("shows the summary, the 未报 and 迟报 units and copies the summary", async () => {
    const { page, errors, outside } = await openPreview();
    await runFromPane(page, "初始化工作簿");
    await runFromPane(page, "生成报送情况");
    const section = page.getByTestId("section-dailyReport");
    await section.getByTestId("report-summary").waitFor();
    expect(await summaryText(page)).toBe(SAMPLE_SUMMARY);
    expect(await listedUnits(page, "missing-list")).toEqual([UNIT, "马场乡", "白云乡"]);
    expect(await listedUnits(page, "late-list")).toEqual(["县商务局", "青石镇"]);
    // Phones in the pane are masked as on the leader sheet.
    const missingText = await section.getByTestId("missing-list").textContent();
    expect(missingText).toMatch(/连续未报3天 · \S+ · 139\*{4}\d{4}/);
    expect(missingText).not.toMatch(/1\d{10}/);

    await section.getByTestId("copy-summary").click();
    await page.waitForSelector('[data-testid="copy-status"]:has-text("已复制")');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(SAMPLE_SUMMARY);

    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({
      path: path.join(SCREENSHOTS, "reporting-zh.png"),
      animations: "disabled",
    });
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("reports on the chosen date: on 2022-01-19 two units had not reported", async () => {
    const { page, errors } = await openPreview();
    await runFromPane(page, "初始化工作簿");
    await page.getByTestId("report-date").fill("2022-01-19");
    await runFromPane(page, "生成报送情况");
    expect(await page.getByTestId("report-result-date").textContent()).toBe(
      "报告日期：2022年1月19日"
    );
    expect(await listedUnits(page, "missing-list")).toEqual([UNIT, "马场乡"]);
    expect(errors).toEqual([]);
  });

  it("imports a supply template returned by 县交通运输局 and then shows it 已报", async () => {
    const { page, errors, outside } = await openPreview();
    await runFromPane(page, "初始化工作簿");
    await runFromPane(page, "生成报送情况");
    expect(await listedUnits(page, "missing-list")).toContain(UNIT);
    expect(await sheetState(page, UNIT)).toBe("未报");

    // The unit fills in the template the add-in makes from its 物资储备 rows and sends it back.
    const returned = returnedTemplate(snapshotOfSheets(sampleWorkbookSheets()), UNIT);
    await page.getByTestId("import-file-input").setInputFiles({
      name: returned.fileName,
      mimeType: XLSX_TYPE,
      buffer: await xlsxBytes(returned),
    });
    const confirm = page.getByTestId("import-confirm");
    await confirm.waitFor();
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="import-confirm"]')?.hasAttribute("disabled")
    );
    await confirm.click();
    const done = page.getByTestId("import-summary");
    await done.waitFor();
    expect(await done.textContent()).toContain(`已导入1个单位的填报。${UNIT}`);

    await runFromPane(page, "生成报送情况");
    await page.waitForFunction(
      () =>
        (
          document.querySelector('[data-testid="report-summary"]') as HTMLTextAreaElement | null
        )?.value.includes("未报2个") ?? false
    );
    expect(await listedUnits(page, "missing-list")).toEqual(["马场乡", "白云乡"]);
    // The import came at the preview's 17:00, after the 10:00 deadline.
    expect(await listedUnits(page, "late-list")).toContain(UNIT);
    expect(await sheetState(page, UNIT)).toBe("已报");
    expect(await summaryText(page)).toBe(
      "截至1月20日17时，应报单位35个，已报33个（其中零报告5个），未报2个：马场乡、白云乡；迟报3个。"
    );

    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({
      path: path.join(SCREENSHOTS, "reporting-import.png"),
      animations: "disabled",
    });
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });
});
