/**
 * No network: the browser preview (the built dist/, headless Chromium) asks
 * for nothing outside 127.0.0.1 while every command button is clicked, and
 * its Content-Security-Policy blocks the page from reaching any other origin
 * (a fetch, an image and a script to example.com are each refused).
 */
import type { Browser, Page, Request, Route } from "playwright-core";
import { COMMANDS } from "../../../src/workbook/commands";
import { baseUrl, launchChromium } from "../../browser/chromium";
import { sampleReturn } from "../../helpers/robustness";
import { plainXlsxBytes } from "../../helpers/robustnessFiles";

jest.setTimeout(120_000);

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const LOCAL = new Set(["127.0.0.1", "localhost", "[::1]"]);
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

interface Watched {
  page: Page;
  /** Every request the page made, by URL. */
  requests: string[];
  /** Requests to any host other than the loopback address, aborted. */
  outside: string[];
  /** CSP violations the page reported: the blocked URL and the directive. */
  violations: () => Promise<{ blockedURI: string; directive: string }[]>;
}

/** Opens preview.html with every request routed through the test (local ones go on, others are aborted). */
async function openWatched(): Promise<Watched> {
  const context = await browser.newContext({
    locale: "zh-CN",
    viewport: { width: 1280, height: 800 },
  });
  const requests: string[] = [];
  const outside: string[] = [];
  await context.route("**/*", (route: Route, request: Request) => {
    const url = new URL(request.url());
    requests.push(request.url());
    if (LOCAL.has(url.hostname)) return route.continue();
    outside.push(request.url());
    return route.abort("blockedbyclient");
  });
  await context.addInitScript(() => {
    const seen: { blockedURI: string; directive: string }[] = [];
    (window as unknown as { __violations: typeof seen }).__violations = seen;
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push({ blockedURI: e.blockedURI, directive: e.effectiveDirective })
    );
  });
  const page = await context.newPage();
  await page.goto(`${baseUrl()}/preview.html`);
  await page.getByRole("button", { name: "初始化工作簿" }).waitFor();
  return {
    page,
    requests,
    outside,
    violations: () =>
      page.evaluate(
        () =>
          (window as unknown as { __violations: { blockedURI: string; directive: string }[] })
            .__violations
      ),
  };
}

/** Clicks a button and waits for the status line to change (a button that opens a panel may not change it). */
async function click(page: Page, name: string): Promise<void> {
  const before = await page.getByTestId("status").textContent();
  await page.getByRole("button", { name, exact: true }).first().click();
  await page
    .waitForFunction(
      (previous) => document.querySelector('[data-testid="status"]')?.textContent !== previous,
      before,
      {
        timeout: 10_000,
      }
    )
    .catch(() => undefined);
}

describe("preview.html", () => {
  it("requests nothing outside 127.0.0.1 while every command is run from the pane", async () => {
    const { page, requests, outside } = await openWatched();
    const clicked: string[] = [];
    for (const command of COMMANDS) {
      const button = page.getByRole("button", { name: command.label.zh, exact: true });
      if ((await button.count()) === 0) continue;
      await click(page, command.label.zh);
      clicked.push(command.id);
    }
    // 导入填报 has no button: it runs when a returned file is chosen and the preview is confirmed.
    const returned = sampleReturn();
    await page.getByTestId("import-file-input").setInputFiles({
      name: returned.fileName,
      mimeType: XLSX_TYPE,
      buffer: await plainXlsxBytes(returned.sheets),
    });
    const confirm = page.getByTestId("import-confirm");
    await confirm.waitFor();
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="import-confirm"]')?.hasAttribute("disabled")
    );
    await confirm.click();
    await page.getByTestId("import-summary").waitFor();
    clicked.push("importReturns");
    console.log(
      `network: ${requests.length} requests, ${outside.length} outside 127.0.0.1; buttons clicked: ${clicked.join(", ")}`
    );
    // Every registered command was run: a new one without a button needs a step here.
    expect([...clicked].sort()).toEqual(COMMANDS.map((c) => c.id).sort());
    expect(requests.length).toBeGreaterThan(0);
    expect(outside).toEqual([]);
  });

  it("is stopped by its CSP when it tries to fetch, load an image or a script from another origin", async () => {
    const { page, outside, violations } = await openWatched();
    const fetched = await page.evaluate(async () => {
      try {
        await fetch("https://example.com/collect");
        return "fetched";
      } catch {
        return "refused";
      }
    });
    await page.evaluate(() => {
      const img = document.createElement("img");
      img.src = "https://example.com/pixel.png";
      document.body.appendChild(img);
      const script = document.createElement("script");
      script.src = "https://example.com/tracker.js";
      document.body.appendChild(script);
    });
    await page.waitForFunction(
      () => (window as unknown as { __violations: unknown[] }).__violations.length >= 3,
      undefined,
      { timeout: 10_000 }
    );
    const blocked = (await violations()).filter((v) =>
      v.blockedURI.startsWith("https://example.com")
    );
    console.log(
      `network: CSP blocked ${blocked.length} requests to example.com (${blocked.map((v) => v.directive).join(", ")})`
    );
    expect(fetched).toBe("refused");
    expect(blocked.map((v) => v.directive).sort()).toEqual([
      "connect-src",
      "img-src",
      "script-src-elem",
    ]);
    // CSP refused them before any request left the page.
    expect(outside).toEqual([]);
  });
});
