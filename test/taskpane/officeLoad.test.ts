/** @jest-environment jsdom */
/**
 * When office.js does not arrive (Microsoft's CDN unreachable or slow), the
 * task pane says so in Chinese and English, with what to check, instead of
 * staying blank: the watcher that runs before office.js, and the page the
 * build makes from taskpane.html for each office.js source.
 */
import { readFileSync } from "fs";
import path from "path";
import {
  OFFICE_LOAD_NOTICE_ID,
  OFFICE_LOAD_TIMEOUT_MS,
  clearOfficeLoadNotice,
  showOfficeLoadNotice,
  watchOfficeLoad,
} from "../../src/taskpane/officeLoad";

const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const ROOT = path.resolve(__dirname, "../..");

const notice = () => document.getElementById(OFFICE_LOAD_NOTICE_ID);

beforeEach(() => {
  jest.useFakeTimers();
  document.documentElement.innerHTML = '<head></head><body><div id="root"></div></body>';
  delete (window as { Office?: unknown }).Office;
});

afterEach(() => {
  jest.useRealTimers();
});

describe("watchOfficeLoad", () => {
  it("says in Chinese, then English, what to check when office.js has not arrived in time", () => {
    watchOfficeLoad({ window, source: CDN });
    jest.advanceTimersByTime(OFFICE_LOAD_TIMEOUT_MS);
    const shown = notice();
    expect(shown?.getAttribute("role")).toBe("alert");
    expect(shown?.parentElement?.id).toBe("root");
    const [zh, en] = Array.from(shown?.children ?? []);
    expect(zh.getAttribute("lang")).toBe("zh-CN");
    expect(zh.textContent).toContain("无法加载 Office 组件（office.js）");
    expect(zh.textContent).toContain(`8 秒内未能从 ${CDN} 加载 office.js。`);
    expect(zh.textContent).toContain("防火墙或代理");
    expect(zh.textContent).toContain("appsforoffice.cdn.partner.office365.cn");
    expect(zh.textContent).toContain("epi-ledger");
    expect(en.getAttribute("lang")).toBe("en");
    expect(en.textContent).toContain(`office.js did not arrive from ${CDN} within 8 seconds.`);
    expect(en.textContent).toContain("21Vianet");
  });

  it("waits the few seconds first", () => {
    watchOfficeLoad({ window, source: CDN });
    jest.advanceTimersByTime(OFFICE_LOAD_TIMEOUT_MS - 1);
    expect(notice()).toBeNull();
  });

  it("says so at once when the office.js script fails to load", () => {
    watchOfficeLoad({ window, source: CDN });
    const script = document.createElement("script");
    script.src = CDN;
    document.head.appendChild(script);
    script.dispatchEvent(new Event("error"));
    expect(notice()?.textContent).toContain(`从 ${CDN} 加载 office.js 失败。`);
  });

  it("ignores another script's failure", () => {
    watchOfficeLoad({ window, source: CDN });
    const script = document.createElement("script");
    script.src = "https://example.invalid/other.js";
    document.head.appendChild(script);
    script.dispatchEvent(new Event("error"));
    expect(notice()).toBeNull();
  });

  it("shows nothing when Office arrived in time", () => {
    watchOfficeLoad({ window, source: CDN });
    (window as { Office?: unknown }).Office = {};
    jest.advanceTimersByTime(OFFICE_LOAD_TIMEOUT_MS * 2);
    expect(notice()).toBeNull();
  });

  it("takes the notice away when Office turns up late", () => {
    const watch = watchOfficeLoad({ window, source: CDN });
    jest.advanceTimersByTime(OFFICE_LOAD_TIMEOUT_MS);
    expect(notice()).not.toBeNull();
    watch.ready();
    expect(notice()).toBeNull();
  });

  it("shows the notice while the body is not parsed yet, at the end of the page", () => {
    document.body.remove();
    watchOfficeLoad({ window, source: "office.js" });
    jest.advanceTimersByTime(OFFICE_LOAD_TIMEOUT_MS);
    expect(notice()?.parentElement).toBe(document.documentElement);
  });
});

describe("showOfficeLoadNotice", () => {
  it("shows one notice however often it is called, and clearOfficeLoadNotice removes it", () => {
    showOfficeLoadNotice(document, CDN, "timeout");
    showOfficeLoadNotice(document, CDN, "failed");
    expect(document.querySelectorAll(`#${OFFICE_LOAD_NOTICE_ID}`)).toHaveLength(1);
    expect(notice()?.textContent).toContain("失败");
    clearOfficeLoadNotice(document);
    expect(notice()).toBeNull();
  });
});

/** taskpane.html as the build renders it (html-webpack-plugin's lodash template), with these scripts. */
function renderTaskpane(officeJs: { url: string; origin: string }, scripts: string[]): Document {
  const template = require("lodash/template") as (
    source: string,
    options: object
  ) => { source: string };
  const source = readFileSync(path.join(ROOT, "src/taskpane/taskpane.html"), "utf8");
  const compiled = template(source, { interpolate: /<%=([\s\S]+?)%>/g, variable: "data" });
  const render = new Function(
    "templateParams",
    `with (templateParams) { return (${compiled.source})(); }`
  ) as (params: object) => string;
  const html = render({ htmlWebpackPlugin: { options: { officeJs }, files: { js: scripts } } });
  return new DOMParser().parseFromString(html, "text/html");
}

describe("taskpane.html as built", () => {
  const config = require("../../webpack.config.js") as {
    officeJsSource(env?: { officeJs?: string }): { url: string; origin: string };
    OFFICE_JS_21VIANET: string;
  };
  const SCRIPTS = ["react.1a2b3c4d.js", "officeWatch.5e6f7a8b.js", "taskpane.9c0d1e2f.js"];

  it("loads office.js from Microsoft's CDN by default, after the watcher and before the pane", () => {
    const doc = renderTaskpane(config.officeJsSource({}), SCRIPTS);
    const scripts = Array.from(doc.querySelectorAll("head script"));
    expect(scripts.map((s) => s.getAttribute("src"))).toEqual([
      "officeWatch.5e6f7a8b.js",
      CDN,
      "react.1a2b3c4d.js",
      "taskpane.9c0d1e2f.js",
    ]);
    expect(scripts[0].getAttribute("data-office-js")).toBe(CDN);
    expect(scripts[0].hasAttribute("defer")).toBe(false);
    expect(scripts[1].id).toBe("office-js");
    expect(scripts.slice(2).every((s) => s.hasAttribute("defer"))).toBe(true);
    const csp = doc
      .querySelector('meta[http-equiv="Content-Security-Policy"]')
      ?.getAttribute("content");
    expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
  });

  it("loads it from the 21Vianet CDN when the build says so, and allows only that origin", () => {
    const source = config.officeJsSource({ officeJs: config.OFFICE_JS_21VIANET });
    expect(source.origin).toBe("https://appsforoffice.cdn.partner.office365.cn");
    const doc = renderTaskpane(source, SCRIPTS);
    expect(doc.getElementById("office-js")?.getAttribute("src")).toBe(config.OFFICE_JS_21VIANET);
    const csp = doc
      .querySelector('meta[http-equiv="Content-Security-Policy"]')
      ?.getAttribute("content");
    expect(csp).toContain("script-src 'self' https://appsforoffice.cdn.partner.office365.cn;");
    expect(csp).not.toContain("appsforoffice.microsoft.com");
  });

  it("takes a copy on the add-in's own server under 'self' alone", () => {
    const doc = renderTaskpane(config.officeJsSource({ officeJs: "lib/office.js" }), SCRIPTS);
    expect(doc.getElementById("office-js")?.getAttribute("src")).toBe("lib/office.js");
    const csp = doc
      .querySelector('meta[http-equiv="Content-Security-Policy"]')
      ?.getAttribute("content");
    expect(csp).toContain("script-src 'self';");
  });

  it("refuses an office.js source that is not https or a path on this server", () => {
    expect(() => config.officeJsSource({ officeJs: "http://cdn.example/office.js" })).toThrow(
      "officeJs must be an https:// URL"
    );
    expect(() => config.officeJsSource({ officeJs: "//cdn.example/office.js" })).toThrow();
  });
});
