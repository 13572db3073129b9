/**
 * The 隔离床位 section in the browser preview (the production build on the
 * in-memory host, loaded with the sample county): both commands clicked,
 * the two leader sheets checked as the preview shows them, and every cell of
 * those sheets, the status line, the issue list and the pane scanned for a
 * full ID number or phone number.
 */
import { mkdirSync } from "fs";
import path from "path";
import type { Browser, Page } from "playwright-core";
import { launchChromium, openPage } from "./chromium";

jest.setTimeout(90_000);

const SCREENSHOTS = path.resolve(__dirname, "../../.tmp");
const BEDS_SUMMARY = "隔离床位汇总";
const FORECAST = "隔离需求预测";
/** The sample's township whose returnees outgrow its beds (src/workbook/isolation/sample.ts). */
const AT_RISK = "马场乡";

/** An 18-character ID number (17 digits and a digit or X) or an 11-digit phone, standing alone. */
const PERSONAL = /(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])|(?<!\d)\d{11}(?!\d)/i;

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** Clicks a button of the 隔离床位 section and waits until the status line shows `done`. */
async function runIsolation(page: Page, label: string, done: string): Promise<void> {
  await page.getByTestId("section-isolation").getByRole("button", { name: label }).click();
  await page.waitForFunction((text) => {
    const status = document.querySelector('[data-testid="status"]');
    const state = status?.getAttribute("data-state");
    return (state === "success" || state === "warning") && !!status?.textContent?.includes(text);
  }, done);
}

/** The shown cells of a sheet, row by row, as the preview displays them. */
async function shownSheet(page: Page, sheet: string): Promise<string[][]> {
  await page.getByRole("tab", { name: sheet, exact: true }).click();
  const table = `[data-testid="sheet-table"][data-sheet="${sheet}"]`;
  await page.waitForSelector(table);
  return page.$$eval(`${table} tbody tr`, (rows) =>
    rows.map((row) => Array.from(row.querySelectorAll("td"), (td) => td.textContent ?? ""))
  );
}

function personalIn(texts: readonly string[]): string[] {
  return texts.filter((t) => PERSONAL.test(t));
}

describe("隔离床位 in preview.html", () => {
  let page: Page;
  let errors: string[];
  let outside: string[];
  let beds: string[][];
  let forecast: string[][];

  beforeAll(async () => {
    ({ page, errors, outside } = await openPage(browser, "/preview.html"));
    await page.getByRole("button", { name: "初始化工作簿" }).click();
    await page.waitForSelector('[data-testid="status"][data-state="success"]');
    await runIsolation(page, "计算隔离床位", `汇总见“${BEDS_SUMMARY}”`);
    beds = await shownSheet(page, BEDS_SUMMARY);
    await runIsolation(page, "预测隔离需求", `详见“${FORECAST}”`);
    forecast = await shownSheet(page, FORECAST);
  });

  it("writes 隔离床位汇总 with its dated title and the whole total", () => {
    expect(beds[0][0]).toBe("截至2022年1月20日隔离床位情况汇总");
    expect(beds[3].slice(0, 3)).toEqual(["县(区)", "乡镇", "常住人口（人）"]);
    // Two 县(区): the top total reads 全市, and its status says why it is short.
    const total = beds.find((r) => r[0] === "全市");
    expect(total?.[8]).toBe("3个乡镇不足");
  });

  it("lists a township short of beds first under each 县(区) subtotal", () => {
    const subtotals = beds.flatMap((r, i) => (r[1] === "小计" ? [i] : []));
    expect(subtotals).toHaveLength(2);
    for (const i of subtotals) expect(beds[i + 1][8]).toBe("不足");
    const short = beds.filter((r) => r[8] === "不足");
    expect(short.map((r) => r[1]).sort()).toEqual(["松林乡", "马场乡", "龙泉镇"].sort());
  });

  it("writes 隔离需求预测 with the township at risk first, after the total", () => {
    expect(forecast[0][0]).toBe("截至2022年1月20日隔离需求预测（1月20日—2月9日，共21天）");
    expect(forecast[4][0]).toBe("全市");
    // Columns: 县(区), 乡镇, 床位合计, 需求峰值, 峰值日期, 首次超出日期, 状态, then the days.
    expect(forecast[5].slice(0, 2)).toEqual(["康宁县", AT_RISK]);
    expect(forecast[5][5]).toBe("2022年1月22日");
    expect(forecast[5][6]).toBe("不足");
    expect(forecast.slice(6, 22).every((r) => r[6] !== "不足")).toBe(true);
  });

  it("lists the township at risk and the first day over capacity in the section", async () => {
    const items = await page.getByTestId("isolation-at-risk").allTextContents();
    expect(items).toEqual([`康宁县 ${AT_RISK} 1月22日起超出（床位12张，峰值18人）`]);
    expect(await page.getByTestId("isolation-shortfall").count()).toBe(3);
  });

  it("shows the two deliberate ID problems of the sample in the issue list", async () => {
    const issues = await page.getByTestId("issue").allTextContents();
    expect(issues).toHaveLength(2);
    expect(issues[0]).toContain("返乡人员!C43");
    expect(issues[1]).toContain("返乡人员!C60");
  });

  it("shows no full ID number or phone number on either leader sheet", async () => {
    const cells = [...beds.flat(), ...forecast.flat()].filter((t) => t !== "");
    expect(cells.length).toBeGreaterThan(300);
    expect(personalIn(cells)).toEqual([]);
    // The same scan finds the numbers on the input sheet, where they belong.
    const returnees = await shownSheet(page, "返乡人员");
    expect(personalIn(returnees.flat()).length).toBeGreaterThanOrEqual(60);
  });

  it("shows no full ID number or phone number in the pane: status, issues, panel and boxes", async () => {
    const status = (await page.getByTestId("status").textContent()) ?? "";
    const issues = await page.getByTestId("issue").allTextContents();
    const pane = (await page.getByTestId("pane").textContent()) ?? "";
    const boxes = await page.$$eval('[data-testid="pane"] textarea', (list) =>
      list.map((t) => (t as HTMLTextAreaElement).value)
    );
    expect(status).toContain(FORECAST);
    expect(boxes).toHaveLength(2);
    expect(personalIn([status, ...issues, pane, ...boxes])).toEqual([]);
  });

  it("loads nothing from outside and logs no error", async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.getByRole("tab", { name: FORECAST, exact: true }).click();
    await page.screenshot({
      path: path.join(SCREENSHOTS, "preview-isolation.png"),
      animations: "disabled",
    });
    await page.getByTestId("section-isolation").screenshot({
      path: path.join(SCREENSHOTS, "preview-isolation-section.png"),
      animations: "disabled",
    });
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });
});
