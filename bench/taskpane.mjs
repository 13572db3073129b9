/**
 * The task pane: the initial JavaScript of the production taskpane.html (raw
 * and gzip), and the time from navigation to the first interactive render of
 * preview.html in headless Chromium, against the blank React + FluentProvider
 * page (bench/blank-page.mjs) built the same way.
 *
 * "First interactive render" is the moment a button reading 初始化工作簿 is
 * in the document and enabled (React attaches its event handlers before it
 * commits). An init script watches the DOM from the first byte and records
 * `performance.now()`, which counts from the navigation's start.
 */
/* global document, window, MutationObserver, performance -- in the functions run inside the page */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { ROOT } from "./build.mjs";

export const CHROMIUM = "/usr/bin/chromium";
export const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The scripts a built page loads at start (its own files only), as paths in `dir`. */
export function initialScripts(dir, page) {
  const html = fs.readFileSync(path.join(dir, page), "utf8");
  // The built HTML is minified: attribute values may have no quotes.
  return [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((src) => !/^https?:/.test(src))
    .map((src) => path.join(dir, src));
}

/** Raw and gzip bytes of a page's initial scripts. */
export function initialJs(dir, page) {
  const files = initialScripts(dir, page);
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = fs.readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: files.map((f) => path.basename(f)), raw, gzip };
}

/** Why Chromium cannot be measured here, or null. */
export function chromiumUnavailable() {
  return fs.existsSync(CHROMIUM) ? null : `${CHROMIUM} is not installed`;
}

/**
 * Medians of the first interactive render of preview.html (in `dirs.app`),
 * blank.html (`dirs.blank`) and, for diagnosis, pane.html (`dirs.pane`, the
 * task pane alone), loading them in turn `runs` times each, each time in a
 * fresh browser context (empty cache).
 */
export async function firstRender(dirs, runs) {
  const { serveDirectory } = await import(
    pathToFileURL(path.join(ROOT, "scripts", "serve-dist.mjs")).href
  );
  const pages = [
    ["preview", dirs.app],
    ["blank", dirs.blank],
    ["pane", dirs.pane],
  ];
  const servers = [];
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  try {
    const urls = [];
    for (const [page, dir] of pages) {
      const server = await serveDirectory({ root: dir });
      servers.push(server);
      urls.push([page, `${server.url}/${page}.html`]);
    }
    const times = Object.fromEntries(pages.map(([page]) => [page, []]));
    // One unmeasured load of each first: the browser's own first-use costs.
    for (const [, url] of urls) await renderTime(browser, url);
    for (let i = 0; i < runs; i++)
      for (const [page, url] of urls) times[page].push(await renderTime(browser, url));
    return {
      previewMs: median(times.preview),
      blankMs: median(times.blank),
      paneMs: median(times.pane),
      runs,
    };
  } finally {
    await browser.close();
    for (const server of servers) await server.close();
  }
}

async function renderTime(browser, url) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: "zh-CN",
  });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const ready = () =>
        [...document.querySelectorAll("button")].some(
          (b) => b.textContent.trim() === "初始化工作簿" && !b.disabled
        );
      const observer = new MutationObserver(() => {
        if (window.__benchFirstRender === undefined && ready()) {
          window.__benchFirstRender = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true, attributes: true });
    });
    await page.goto(url);
    await page.waitForFunction(() => window.__benchFirstRender !== undefined, null, {
      timeout: 60_000,
    });
    return await page.evaluate(() => window.__benchFirstRender);
  } finally {
    await context.close();
  }
}

function median(list) {
  const s = [...list].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
