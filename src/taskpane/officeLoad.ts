/**
 * What the task pane shows when office.js does not arrive: Microsoft's CDN
 * is unreachable or slow on some networks (users in China report
 * appsforoffice.microsoft.com timing out), and a pane waiting for it would
 * stay blank. The notice is in Chinese and English at once, since the
 * display language is only known once Office has loaded, and says what to
 * check. It uses no framework: it runs before anything else has loaded.
 */

/** How long the pane waits for office.js before it says so. */
export const OFFICE_LOAD_TIMEOUT_MS = 8_000;

/** The id of the notice element, removed again when Office turns up late. */
export const OFFICE_LOAD_NOTICE_ID = "office-load-failed";

/** Why the notice shows: office.js failed to load, or has not arrived in time. */
export type OfficeLoadProblem = "failed" | "timeout";

/** The notice's lines: a title and what to check, Chinese first, then English. */
export function officeLoadNotice(
  source: string,
  problem: OfficeLoadProblem,
  timeoutMs: number = OFFICE_LOAD_TIMEOUT_MS
): { zh: string[]; en: string[] } {
  const seconds = Math.round(timeoutMs / 1000);
  return {
    zh: [
      "无法加载 Office 组件（office.js），任务窗格无法启动",
      problem === "failed"
        ? `从 ${source} 加载 office.js 失败。`
        : `${seconds} 秒内未能从 ${source} 加载 office.js。`,
      "请检查：",
      "1. 本机能否打开上面的地址（网络是否连通）；",
      "2. 单位防火墙或代理是否拦截了该域名；",
      "3. 世纪互联运营的 Office 365（中国区）请让管理员改用中国区地址 appsforoffice.cdn.partner.office365.cn 重新构建加载项（见 README“office.js 的来源”）；",
      "4. 暂时无法使用 Office 时，可改用命令行 epi-ledger 处理工作簿。",
      "检查后请关闭并重新打开任务窗格。",
    ],
    en: [
      "Office's library (office.js) did not load, so the task pane cannot start",
      problem === "failed"
        ? `Loading office.js from ${source} failed.`
        : `office.js did not arrive from ${source} within ${seconds} seconds.`,
      "Check that this computer can open that address, that no firewall or proxy blocks it, and, for Office 365 operated by 21Vianet (China), that the add-in was built for the China CDN appsforoffice.cdn.partner.office365.cn (README, “Where office.js comes from”). Without Office, the epi-ledger command line works on the workbook.",
      "Then close and reopen the task pane.",
    ],
  };
}

/**
 * Shows the notice (once) in the page: in `#root` when the body exists, else
 * at the end of the document element, since a slow office.js in <head>
 * holds the parser before the body.
 */
export function showOfficeLoadNotice(
  doc: Document,
  source: string,
  problem: OfficeLoadProblem,
  timeoutMs: number = OFFICE_LOAD_TIMEOUT_MS
): HTMLElement {
  const existing = doc.getElementById(OFFICE_LOAD_NOTICE_ID);
  if (existing) existing.remove();
  const text = officeLoadNotice(source, problem, timeoutMs);
  const notice = doc.createElement("div");
  notice.id = OFFICE_LOAD_NOTICE_ID;
  notice.setAttribute("role", "alert");
  notice.setAttribute(
    "style",
    "margin:16px;padding:12px;border:1px solid #c50f1f;border-radius:4px;background:#fdf3f4;color:#242424;font:14px/1.5 'Microsoft YaHei','Segoe UI',sans-serif"
  );
  for (const [lang, lines] of [
    ["zh-CN", text.zh],
    ["en", text.en],
  ] as const) {
    const block = doc.createElement("div");
    block.lang = lang;
    if (lang === "en") block.setAttribute("style", "margin-top:12px");
    lines.forEach((line, i) => {
      const el = doc.createElement(i === 0 ? "strong" : "p");
      el.textContent = line;
      if (i > 0) el.setAttribute("style", "margin:4px 0");
      block.appendChild(el);
    });
    notice.appendChild(block);
  }
  (doc.getElementById("root") ?? doc.body ?? doc.documentElement).appendChild(notice);
  return notice;
}

/** Removes the notice: Office turned up after all. */
export function clearOfficeLoadNotice(doc: Document): void {
  doc.getElementById(OFFICE_LOAD_NOTICE_ID)?.remove();
}

export interface OfficeLoadWatch {
  /** Office arrived: no notice, and a shown one is removed. */
  ready(): void;
}

/**
 * Waits for office.js loaded from `source`: shows the notice at once when
 * the script fails, or after `timeoutMs` when `Office` is still missing.
 */
export function watchOfficeLoad(options: {
  window: Window;
  source: string;
  timeoutMs?: number;
}): OfficeLoadWatch {
  const { window: win, source } = options;
  const timeoutMs = options.timeoutMs ?? OFFICE_LOAD_TIMEOUT_MS;
  const doc = win.document;
  let settled = false;
  const onError = (event: Event) => {
    const script = event.target as HTMLScriptElement | null;
    if (settled || script?.tagName !== "SCRIPT") return;
    if (script.src !== new URL(source, doc.baseURI).href) return;
    showOfficeLoadNotice(doc, source, "failed", timeoutMs);
  };
  // A script's error event does not bubble; capturing on the document sees it.
  doc.addEventListener("error", onError, true);
  const timer = win.setTimeout(() => {
    if (!settled && !("Office" in win)) showOfficeLoadNotice(doc, source, "timeout", timeoutMs);
  }, timeoutMs);
  return {
    ready() {
      settled = true;
      win.clearTimeout(timer);
      doc.removeEventListener("error", onError, true);
      clearOfficeLoadNotice(doc);
    },
  };
}
