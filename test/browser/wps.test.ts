/**
 * The built WPS task pane (dist/wps/taskpane.html) in headless Chromium,
 * with the fake ET injected as `window.Application` before the page loads:
 * 初始化工作簿, then one command of each capability, checked in the fake
 * workbook's cells and in the pane's status line. The page may load nothing
 * from outside its own folder's origin.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import type { Browser, Page } from "playwright-core";
import webpack from "webpack";
import { baseUrl, launchChromium } from "./chromium";

jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, "../..");
const DIST_WPS = path.join(ROOT, "dist", "wps");

type Grid = (string | number | boolean | null)[][];

/** Bundles test/wps/browserFake.ts (the fake ET and the sample) into one script. */
async function bundleFake(): Promise<string> {
  const out = mkdtempSync(path.join(tmpdir(), "epi-ledger-fake-et-"));
  const compiler = webpack({
    mode: "development",
    devtool: false,
    target: ["web", "es2017"],
    entry: path.join(ROOT, "test/wps/browserFake.ts"),
    output: { path: out, filename: "fake-et.js" },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: "ts-loader",
          options: { transpileOnly: true, configFile: path.join(ROOT, "tsconfig.json") },
        },
      ],
    },
  });
  await new Promise<void>((resolve, reject) =>
    compiler.run((error, stats) => {
      if (error || stats?.hasErrors()) reject(error ?? new Error(stats?.toString("errors-only")));
      else compiler.close(() => resolve());
    })
  );
  return path.join(out, "fake-et.js");
}

async function cells(page: Page, what: "formulas" | "values", sheet: string): Promise<Grid> {
  return page.evaluate(
    ([kind, name]) =>
      (
        window as unknown as {
          epiLedgerFakeEt: Record<"formulas" | "values", (s: string) => Grid>;
        }
      ).epiLedgerFakeEt[kind](name),
    [what, sheet] as const
  );
}

async function sheetNames(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (
      window as unknown as { epiLedgerFakeEt: { sheetNames(): string[] } }
    ).epiLedgerFakeEt.sheetNames()
  );
}

/** Clicks a command's button and waits for a new status; returns its text. */
async function run(page: Page, commandId: string): Promise<string> {
  const before = await page
    .getByTestId("status")
    .textContent()
    .catch(() => null);
  await page.getByTestId(`command-${commandId}`).click();
  await page.waitForFunction((previous) => {
    const status = document.querySelector('[data-testid="status"]');
    const state = status?.getAttribute("data-state");
    return (state === "success" || state === "warning") && status?.textContent !== previous;
  }, before);
  return (await page.getByTestId("status").textContent()) ?? "";
}

let browser: Browser;
let page: Page;
const outside: string[] = [];
const errors: string[] = [];
const statuses: Record<string, string> = {};

beforeAll(async () => {
  if (!existsSync(path.join(DIST_WPS, "taskpane.html"))) {
    execFileSync(
      process.execPath,
      [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--env", "wps"],
      { cwd: ROOT, stdio: "inherit" }
    );
  }
  const fake = await bundleFake();
  browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 420, height: 900 },
    locale: "zh-CN",
  });
  page = await context.newPage();
  // The sample county's report date at 17:00, after the daily deadline (as the preview's clock).
  await page.clock.setFixedTime(new Date(2022, 0, 20, 17, 0, 0));
  await page.addInitScript({ path: fake });
  const origin = new URL(baseUrl()).origin;
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith("data:") && new URL(url).origin !== origin) outside.push(url);
  });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(`${baseUrl()}/wps/taskpane.html`);
  await page.getByRole("button", { name: "初始化工作簿" }).click();
  await page.waitForSelector('[data-testid="status"][data-state="success"]');
  statuses.initWorkbook = (await page.getByTestId("status").textContent()) ?? "";
  for (const id of ["computeStockpile", "computeIsolation", "rankVaccination", "reportStatus"])
    statuses[id] = await run(page, id);
});

afterAll(async () => {
  await browser?.close();
});

describe("the WPS task pane on the fake ET", () => {
  it("初始化工作簿 adds 参数 with its title and defined names", async () => {
    expect(await sheetNames(page)).toContain("参数");
    const params = await cells(page, "formulas", "参数");
    expect(params[0]?.[0]).toMatch(/^防疫台账参数/);
    const names = await page.evaluate(() =>
      (
        window as unknown as { epiLedgerFakeEt: { names(): Record<string, string> } }
      ).epiLedgerFakeEt.names()
    );
    expect(Object.values(names).filter((r) => r.startsWith("=参数!$")).length).toBeGreaterThan(3);
    expect(statuses.initWorkbook).toMatch(/参数/);
  });

  it("计算物资储备 writes 物资汇总 with live formulas and says so in the status line", async () => {
    expect(await sheetNames(page)).toContain("物资汇总");
    const summary = await cells(page, "formulas", "物资汇总");
    expect(summary.flat().some((v) => typeof v === "string" && v.startsWith("="))).toBe(true);
    expect(statuses.computeStockpile).toMatch(/物资/);
  });

  it("计算隔离床位 writes 隔离床位汇总 with its dated title", async () => {
    const beds = await cells(page, "formulas", "隔离床位汇总");
    expect(beds[0]?.[0]).toBe("截至2022年1月20日隔离床位情况汇总");
    expect(statuses.computeIsolation).toContain("隔离床位汇总");
  });

  it("生成接种排名 writes 接种排名 and the status line names it", async () => {
    const ranking = await cells(page, "values", "接种排名");
    expect(ranking.length).toBeGreaterThan(5);
    expect(statuses.rankVaccination).toContain("接种排名");
  });

  it("生成报送情况 writes 报送情况 with the units that have not reported", async () => {
    const status = (await cells(page, "values", "报送情况")).flat();
    expect(status).toContain("马场乡");
    expect(statuses.reportStatus).toMatch(/应报单位\d+个，已报\d+个/);
    expect(statuses.reportStatus).toMatch(/写入 [\d,]+ 个单元格/);
  });

  it("shows no full ID number or phone number in any sheet it wrote", async () => {
    const personal = /(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])|(?<!\d)1\d{10}(?!\d)/i;
    for (const sheet of ["物资汇总", "隔离床位汇总", "接种排名", "报送情况"]) {
      const text = (await cells(page, "values", sheet)).flat().map(String);
      expect(text.filter((t) => personal.test(t))).toEqual([]);
    }
  });

  it("loads nothing from outside its own origin and logs no error", () => {
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });
});
