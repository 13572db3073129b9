/**
 * The 疫苗接种 section in the browser preview (the built dist/, headless
 * Chromium): 生成接种排名 writes 接种排名 on the sample workbook, the notice
 * box shows the notice, and the copy button puts it on the clipboard.
 * The expected notice is the command's own data.notice, computed here in
 * node on the same sample workbook, at the preview's clock.
 */
import { mkdirSync } from "fs";
import path from "path";
import type { Browser, Page } from "playwright-core";
import { MemoryWorkbook } from "../../src/hosts/memory/memoryExcel";
import { createMemoryHost } from "../../src/hosts/memory/memoryHost";
import type { Lang } from "../../src/workbook/command";
import { executeCommand } from "../../src/workbook/execute";
import { SAMPLE_REPORT_DATE } from "../../src/workbook/sample/county";
import { sampleWorkbookSheets } from "../../src/workbook/sample/workbook";
import type { RankVaccinationData } from "../../src/workbook/vaccination/rankVaccination";
import { rankVaccination } from "../../src/workbook/vaccination/rankVaccination";
import { baseUrl, launchChromium, openPage } from "./chromium";

jest.setTimeout(60_000);

const SCREENSHOTS = path.resolve(__dirname, "../../.tmp");

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** data.notice of 生成接种排名 on the sample workbook, as the preview runs it (no options). */
async function expectedNotice(lang: Lang) {
  const outcome = await executeCommand(
    createMemoryHost(new MemoryWorkbook(sampleWorkbookSheets())),
    rankVaccination,
    { today: SAMPLE_REPORT_DATE, now: SAMPLE_REPORT_DATE + 17 / 24, lang }
  );
  if (!outcome.ok) throw new Error(outcome.error.message.en);
  return (outcome.result.data as RankVaccinationData).notice.text[lang];
}

/** Opens the preview with clipboard access granted to its origin. */
async function openPreview(query = "") {
  const opened = await openPage(browser, `/preview.html${query}`);
  await opened.page
    .context()
    .grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(baseUrl()).origin });
  return opened;
}

/** Clicks 生成接种排名 (or its English label) and waits until the run has finished. */
async function rankFromPane(page: Page, label = "生成接种排名") {
  const status = '[data-testid="status"]';
  const before = await page.locator(status).textContent();
  await page.getByRole("button", { name: label, exact: true }).click();
  // The sample has a township above 100% (石桥乡): the run ends in a warning, never an error.
  await page.waitForFunction(
    ([selector, previous]) => {
      const element = document.querySelector(selector);
      const state = element?.getAttribute("data-state");
      return (state === "warning" || state === "success") && element?.textContent !== previous;
    },
    [status, before] as const
  );
}

/** Column A → its row's cells, for the table of the shown sheet. */
async function shownRows(page: Page, sheet: string): Promise<string[][]> {
  return page.$$eval(`[data-testid="sheet-table"][data-sheet="${sheet}"] tbody tr`, (rows) =>
    rows.map((row) => Array.from(row.querySelectorAll("td"), (td) => td.textContent ?? ""))
  );
}

describe("the 疫苗接种 section in preview.html", () => {
  it("writes 接种排名 with the title and ranked rows when 生成接种排名 is clicked", async () => {
    const { page, errors, outside } = await openPreview();
    await rankFromPane(page);
    await page.getByRole("tab", { name: "接种排名", exact: true }).waitFor();
    // The pane selects 接种排名!A1 when it is done, which shows that sheet.
    await page.waitForSelector('[data-testid="sheet-table"][data-sheet="接种排名"]');
    const rows = await shownRows(page, "接种排名");
    expect(rows[0][0]).toBe("截至2022年1月20日新冠疫苗接种情况排名");
    const header = rows.findIndex((r) => r[0] === "排名");
    expect(rows[header].slice(0, 3)).toEqual(["排名", "县(区)", "乡镇"]);
    // 平安县, 18岁以上: 石桥乡 first at 102.3%, 长岭镇 second; ranks never fall down the block.
    expect(rows[header + 1].slice(0, 3)).toEqual(["1", "平安县", "石桥乡"]);
    expect(rows[header + 1][7]).toBe("102.3%");
    expect(rows[header + 2].slice(0, 3)).toEqual(["2", "平安县", "长岭镇"]);
    const firstTotal = rows.findIndex((r, i) => i > header && r[2] === "合计");
    const ranks = rows.slice(header + 1, firstTotal).map((r) => Number(r[0]));
    expect(ranks).toHaveLength(10);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("shows the notice in the notice box and copies it to the clipboard", async () => {
    const { page, errors } = await openPreview();
    await rankFromPane(page);
    const notice = await expectedNotice("zh");
    const box = page.getByTestId("vaccination-notice");
    expect(await box.inputValue()).toBe(notice);
    expect(notice).toContain("青石镇和柳河镇并列(96.2%)");
    await page.evaluate(() => navigator.clipboard.writeText(""));
    await page.getByRole("button", { name: "复制通报" }).click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="copy-notice-status"]')?.textContent === "已复制"
    );
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(notice);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.getByTestId("section-vaccination").screenshot({
      path: path.join(SCREENSHOTS, "preview-vaccination.png"),
      animations: "disabled",
    });
    expect(errors).toEqual([]);
  });

  it("copies through the select-and-copy fallback when the Clipboard API refuses", async () => {
    const { page, errors } = await openPreview();
    // The browser's clipboard outlives a context: empty it first, so only this copy can fill it.
    // Then, as Office's task pane may, refuse writeText; readText is left for the test.
    await page.evaluate(async () => {
      await navigator.clipboard.writeText("");
      navigator.clipboard.writeText = () =>
        Promise.reject(new DOMException("Write permission denied.", "NotAllowedError"));
    });
    await rankFromPane(page);
    await page.getByRole("button", { name: "复制通报" }).click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="copy-notice-status"]')?.textContent === "已复制"
    );
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      await expectedNotice("zh")
    );
    expect(errors).toEqual([]);
  });

  it("shows the English notice with ?lang=en", async () => {
    const { page, errors } = await openPreview("?lang=en");
    await rankFromPane(page, "Rank vaccination");
    expect(await page.getByTestId("vaccination-notice").inputValue()).toBe(
      await expectedNotice("en")
    );
    expect(errors).toEqual([]);
  });

  it("names 接种排名_1月19日 before running an older date, then writes that sheet", async () => {
    const { page, errors } = await openPreview();
    await rankFromPane(page);
    await page
      .getByTestId("section-vaccination")
      .getByLabel("报告日期")
      .selectOption({ label: "2022年1月19日" });
    expect(await page.getByTestId("vaccination-not-latest").textContent()).toContain(
      "接种排名_1月19日"
    );
    await rankFromPane(page);
    await page.waitForSelector('[data-testid="sheet-table"][data-sheet="接种排名_1月19日"]');
    const rows = await shownRows(page, "接种排名_1月19日");
    expect(rows[0][0]).toBe("截至2022年1月19日新冠疫苗接种情况排名");
    expect(await page.getByRole("tab", { name: "接种排名", exact: true }).count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
