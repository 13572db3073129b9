/**
 * The command line's own words, Simplified Chinese first and English second.
 * Messages from the workbook layer (summaries, issues) come with their own.
 */
import type { Message } from "../core/issue";
import type { Lang } from "../workbook/command";

export const TEXTS = {
  description: {
    zh: "防疫台账助手命令行：不打开 Excel，在 .xlsx 文件上运行与加载项相同的计算",
    en: "Epi Ledger on the command line: the add-in's calculations on .xlsx files, without Excel",
  },
  help: { zh: "显示帮助", en: "display help" },
  version: { zh: "显示版本号", en: "display the version" },
  helpCommand: { zh: "显示某个命令的帮助", en: "display help for a command" },
  demo: {
    zh: "生成示例县防疫台账（所有计算均已完成），无需 Excel 即可查看结果",
    en: "write the sample county workbook with every result computed, to see the add-in without Excel",
  },
  demoOutput: { zh: "输出文件", en: "output file" },
  compute: {
    zh: "读取台账，运行计算（物资、隔离、接种、报送），写出结果工作簿",
    en: "read a ledger, run the calculations (stockpile, isolation, vaccination, reporting) and write the result",
  },
  computeInput: { zh: "输入的台账 .xlsx 文件", en: "the ledger .xlsx file to read" },
  computeOutput: {
    zh: "输出文件（默认：输入文件名_计算结果.xlsx）",
    en: "output file (default: <input>_计算结果.xlsx)",
  },
  date: {
    zh: "报告日期，格式 YYYY-MM-DD（默认：今天；接种排名默认取表中最新日期）",
    en: "report date, YYYY-MM-DD (default: today; the vaccination ranking defaults to the latest date in the table)",
  },
  only: {
    zh: "只运行这些计算，逗号分隔：物资,隔离,接种,报送（或命令编号）",
    en: "run only these, comma separated: 物资,隔离,接种,报送 (or command ids)",
  },
  inPlace: { zh: "直接改写输入文件", en: "overwrite the input file" },
  json: {
    zh: "以 JSON 格式在标准输出打印全部计算结果（格式见 docs/json-output.md）",
    en: "print every result as JSON on stdout (shape in docs/json-output.md)",
  },
  merge: {
    zh: "导入各单位回传的填报模板（与加载项“导入填报”规则相同），写入台账",
    en: "import returned department templates into the ledger (the add-in's 导入填报 rules)",
  },
  mergeReturns: { zh: "回传的填报模板 .xlsx 文件", en: "returned template .xlsx files" },
  mergeInto: { zh: "要写入的台账 .xlsx 文件", en: "the ledger .xlsx file to import into" },
  mergeOutput: {
    zh: "输出文件（默认：台账文件名_已导入.xlsx）",
    en: "output file (default: <ledger>_已导入.xlsx)",
  },
  reading: { zh: "读取", en: "Reading" },
  writing: { zh: "写入", en: "Writing" },
  wrote: { zh: "已写出", en: "Wrote" },
  skipped: { zh: "跳过", en: "Skipped" },
  note: { zh: "注", en: "Note" },
  issuesHeading: { zh: "需要处理的问题", en: "Issues to fix" },
  noIssues: { zh: "未发现输入问题", en: "No input issues found" },
  error: { zh: "错误", en: "Error" },
} as const satisfies Record<string, Message>;

export type TextKey = keyof typeof TEXTS;

/** The text in the given language. */
export function t(lang: Lang, key: TextKey): string {
  return TEXTS[key][lang];
}

/** The titles commander prints in help, translated. */
export const HELP_TITLES: Readonly<Record<string, Message>> = {
  "Usage:": { zh: "用法：", en: "Usage:" },
  "Options:": { zh: "选项：", en: "Options:" },
  "Commands:": { zh: "命令：", en: "Commands:" },
  "Arguments:": { zh: "参数：", en: "Arguments:" },
  "Global Options:": { zh: "全局选项：", en: "Global Options:" },
};
