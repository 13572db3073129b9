/**
 * The built task pane in headless Chromium when Microsoft's CDN is
 * unreachable or hangs: the pane says so, in Chinese and English, instead of
 * staying blank. Requests to the CDN are intercepted; nothing leaves the machine.
 */
import type { Browser, Page } from "playwright-core";
import { baseUrl, launchChromium } from "./chromium";

jest.setTimeout(60_000);

const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** taskpane.html with office.js answered by `answer` (abort, or never). */
async function openTaskpane(answer: "abort" | "hang"): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale: "zh-CN" });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.route("https://appsforoffice.microsoft.com/**", async (route) => {
    if (answer === "abort") await route.abort("connectionrefused");
    // "hang": never answered, as a CDN that times out.
  });
  // The page never finishes loading while office.js hangs; wait for the notice instead.
  void page.goto(`${baseUrl()}/taskpane.html`, { waitUntil: "commit" }).catch(() => undefined);
  return { page, errors };
}

describe("taskpane.html without office.js", () => {
  it("says at once that office.js failed to load, in Chinese and English, and what to check", async () => {
    const { page, errors } = await openTaskpane("abort");
    const notice = page.locator("#office-load-failed");
    await notice.waitFor({ timeout: 5_000 });
    const text = (await notice.textContent()) ?? "";
    expect(text).toContain(`从 ${CDN} 加载 office.js 失败。`);
    expect(text).toContain("防火墙或代理");
    expect(text).toContain("Office's library (office.js) did not load");
    // The pane's own bundle ran too and did not crash on the missing Office.
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("says so within a few seconds when office.js hangs", async () => {
    const { page } = await openTaskpane("hang");
    const notice = page.locator("#office-load-failed");
    await notice.waitFor({ state: "attached", timeout: 20_000 });
    expect(await notice.textContent()).toContain(`8 秒内未能从 ${CDN} 加载 office.js。`);
    expect(await notice.isVisible()).toBe(true);
    await page.context().close();
  });
});
