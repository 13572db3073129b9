/**
 * What the command line prints: per command its summary and the figures a
 * clerk copies (a notice, a summary line), the input issues as
 * `文件 工作表!单元格: message`, and the `--json` document
 * (docs/json-output.md).
 */
import type { Message } from "../core/issue";
import type { Lang, OptionIssue } from "../workbook/command";
import { formatIssue, type CellIssue } from "../workbook/issues";
import type { CommandRun } from "./run";

/** Fields of `result.data` printed under a command's summary, when present. */
export const PRINTED_DATA_FIELDS = ["summaryText", "notice"] as const;

/**
 * The lines for one command: `【label】summary`, then any printed data field.
 *
 * @example
 * runLines({ command: rankVaccination, result }, "zh")
 * //=> ["【生成接种排名】已生成 1月20日 接种排名…", "截至1月20日，18岁以上人群目标任务…"]
 */
export function runLines(run: CommandRun, lang: Lang): string[] {
  const label = `【${run.command.label[lang]}】`;
  if (!run.result) return [`${label}${run.skipped?.[lang] ?? ""}`];
  const lines = [`${label}${run.result.summary[lang]}`];
  for (const issue of run.result.optionIssues ?? []) lines.push(optionLine(issue, lang));
  const data = run.result.data;
  if (data && typeof data === "object") {
    for (const field of PRINTED_DATA_FIELDS) {
      for (const text of textsOf((data as Record<string, unknown>)[field], lang)) {
        if (text !== run.result.summary[lang]) lines.push(text);
      }
    }
  }
  return lines;
}

/**
 * One line per issue, prefixed with the file name.
 *
 * @example
 * issueLine("台账.xlsx", { sheet: "物资储备", cell: "F7", message: { zh: "库存不能为负数", en: "…" }, … }, "zh")
 * //=> "台账.xlsx 物资储备!F7: 库存不能为负数"
 */
export function issueLine(file: string, issue: CellIssue, lang: Lang): string {
  return `${file} ${formatIssue(issue, lang)}`;
}

/**
 * Every issue of the runs, in command order, each once: several commands
 * read the same 参数 cell, and its issue is one thing for the clerk to fix.
 */
export function allIssues(runs: readonly CommandRun[]): CellIssue[] {
  const seen = new Set<string>();
  return runs
    .flatMap((r) => r.result?.issues ?? [])
    .filter((issue) => {
      const key = JSON.stringify([issue.code, issue.sheet, issue.cell, issue.message.zh]);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** Problems with the options given (a report date that is not a date…) that count as input issues. */
export function optionErrors(runs: readonly CommandRun[]): OptionIssue[] {
  return runs.flatMap((r) => (r.result?.optionIssues ?? []).filter((i) => i.severity === "error"));
}

/**
 * One line for a problem with an option, under the command's summary.
 *
 * @example
 * optionLine({ option: "reportDate", message: { zh: "报告日期“明天”不是有效日期…" }, … }, "zh")
 * //=> "  选项 reportDate：报告日期“明天”不是有效日期…"
 */
export function optionLine(issue: OptionIssue, lang: Lang): string {
  return lang === "zh"
    ? `  选项 ${issue.option}：${issue.message.zh}`
    : `  option ${issue.option}: ${issue.message.en}`;
}

export interface JsonReport {
  command: "compute" | "demo" | "merge";
  input: string | null;
  output: string | null;
  /** ISO date given with --date, or null. */
  reportDate: string | null;
  exitCode: number;
  commands: JsonCommand[];
  notes: Message[];
  error: { kind: string; message: Message } | null;
}

export interface JsonCommand {
  id: string;
  label: Message;
  status: "ran" | "skipped";
  summary: Message | null;
  skipped: Message | null;
  issues: CellIssue[];
  /** Problems with the options given, not with cells. */
  optionIssues: OptionIssue[];
  data: unknown;
}

/** The `--json` entry of one command. */
export function jsonCommand(run: CommandRun): JsonCommand {
  return {
    id: run.command.id,
    label: run.command.label,
    status: run.result ? "ran" : "skipped",
    summary: run.result?.summary ?? null,
    skipped: run.skipped ?? null,
    issues: run.result?.issues ?? [],
    optionIssues: run.result?.optionIssues ?? [],
    data: run.result?.data ?? null,
  };
}

/** Text of a data field: a string, a {zh, en} message, a `{ text }` holder or a list of them. */
function textsOf(value: unknown, lang: Lang): string[] {
  if (typeof value === "string") return value.trim() ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => textsOf(v, lang));
  if (value && typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (typeof v.zh === "string" && typeof v.en === "string") return textsOf(v[lang], lang);
    if ("text" in v) return textsOf(v.text, lang);
  }
  return [];
}
