/**
 * Every string the task pane and the preview show, Simplified Chinese first.
 * Command labels and result summaries come with the commands themselves
 * (src/workbook/commands.ts); only the shell's own words live here.
 */
import type { Message } from "../core/issue";
import type { Lang } from "../workbook/command";

export const UI = {
  appName: { zh: "防疫台账助手", en: "Epi Ledger" },
  tagline: {
    zh: "县级防疫台账：物资储备、隔离床位、疫苗接种、日报告",
    en: "County ledgers: supplies, isolation beds, vaccination, daily reports",
  },
  initHint: {
    zh: "首次使用请先初始化：创建“参数”工作表；再次运行只补充缺少的参数，已填写的值不变。",
    en: "Start here: creates the 参数 (parameters) sheet. Run again, it only adds what is missing and keeps your values.",
  },
  emptySection: {
    zh: "本部分的功能尚未提供。",
    en: "Nothing to run here yet.",
  },
  statusRegion: { zh: "运行状态", en: "Status" },
  failedTitle: { zh: "未能完成", en: "Could not finish" },
  nothingWritten: {
    zh: "工作簿未作任何改动。",
    en: "Nothing in the workbook was changed.",
  },
  unexpectedTitle: { zh: "意外错误", en: "Unexpected error" },
  issuesTitle: { zh: "需要处理的问题", en: "Issues to fix" },
  issuesHint: { zh: "点击一项即可定位到该单元格。", en: "Click one to go to its cell." },
  severityError: { zh: "错误", en: "Error" },
  severityWarning: { zh: "提示", en: "Warning" },
  previewTitle: {
    zh: "示例工作簿（浏览器预览，无需 Excel）",
    en: "Sample workbook (browser preview, no Excel needed)",
  },
  previewEmpty: {
    zh: "工作簿中还没有工作表：请在左侧点击“初始化工作簿”。",
    en: "The workbook has no sheets yet: click Set up workbook on the left.",
  },
  sheetTabs: { zh: "工作表", en: "Sheets" },
  emptySheet: { zh: "（空工作表）", en: "(empty sheet)" },
} satisfies Record<string, Message>;

/** Words with a number or a name in them. */
export const UI_FORMAT = {
  running: (label: Message): Message => ({
    zh: `正在运行：${label.zh}……`,
    en: `Running: ${label.en}…`,
  }),
  progress: (done: number, total: number): Message => ({
    zh: `已写入 ${done} / ${total} 项`,
    en: `Written ${done} of ${total}`,
  }),
  cellsWritten: (cells: number): Message => ({
    zh: `写入 ${cells} 个单元格。`,
    en: `${cells} cells written.`,
  }),
  writtenOps: (ops: number): Message => ({
    zh: `出错前已执行 ${ops} 项写入操作，其余未写入；请检查工作簿后重新运行。`,
    en: `${ops} write operations had already been carried out before the failure; the rest were not. Check the workbook and run the command again.`,
  }),
  moreRows: (rows: number): Message => ({
    zh: `显示其余 ${rows} 行`,
    en: `Show the other ${rows} rows`,
  }),
  previewClock: (zhDate: string, isoDate: string, time: string): Message => ({
    zh: `预览以示例日期 ${zhDate} ${time} 为“现在”。`,
    en: `The preview's clock stands at the sample's date, ${isoDate} ${time}.`,
  }),
  issueCount: (count: number): Message => ({
    zh: `发现 ${count} 个问题`,
    en: count === 1 ? "1 issue found" : `${count} issues found`,
  }),
};

/**
 * Picks the user's language of a message.
 *
 * @example
 * tr("en", UI.appName) //=> "Epi Ledger"
 */
export function tr(lang: Lang, message: Message): string {
  return message[lang];
}

/**
 * The task pane's language from Office's display language: English for any
 * `en-*` tag, Chinese otherwise (the add-in is written for Chinese clerks).
 *
 * @example
 * langFromDisplayLanguage("en-US") //=> "en"
 * langFromDisplayLanguage("zh-CN") //=> "zh"
 * langFromDisplayLanguage(undefined) //=> "zh"
 */
export function langFromDisplayLanguage(tag: string | undefined): Lang {
  return tag?.trim().toLowerCase().startsWith("en") ? "en" : "zh";
}

/**
 * The preview's language from its query string (`?lang=en`).
 *
 * @example
 * langFromQuery("?lang=en") //=> "en"
 * langFromQuery("")         //=> "zh"
 */
export function langFromQuery(search: string): Lang {
  return langFromDisplayLanguage(new URLSearchParams(search).get("lang") ?? undefined);
}
