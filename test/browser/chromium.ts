/**
 * Launches the system Chromium (Debian's `chromium`, installed by .ci/run)
 * headless, and opens pages of the served dist/ while recording anything the
 * page should not do: requests outside its own origin, script errors, CSP
 * violations (reported as console errors).
 */
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

export function baseUrl(): string {
  const url = process.env.EPI_LEDGER_BASE_URL;
  if (!url)
    throw new Error("EPI_LEDGER_BASE_URL is not set: run through `jest --selectProjects browser`");
  return url;
}

export function launchChromium(): Promise<Browser> {
  // playwright gives every launch a fresh, temporary user-data directory.
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface OpenedPage {
  page: Page;
  /** Requests to any other origin than the served dist/. */
  outside: string[];
  /** Uncaught exceptions and console errors, CSP violations included. */
  errors: string[];
}

export async function openPage(browser: Browser, path: string): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: "zh-CN",
  });
  const page = await context.newPage();
  const origin = new URL(baseUrl()).origin;
  const outside: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith("data:") && new URL(url).origin !== origin) outside.push(url);
  });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(`${baseUrl()}${path}`);
  return { page, outside, errors };
}
