/**
 * What the command line prints: per command its summary and the figures a
 * clerk copies (a notice, a summary line), the input issues as
 * `文件 工作表!单元格: message`, and the `--json` document
 * (docs/json-output.md).
 */
import type { Message } from "../core/issue";
import type { Lang } from "../workbook/command";
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

/** Every issue of the runs, in command order. */
export function allIssues(runs: readonly CommandRun[]): CellIssue[] {
  return runs.flatMap((r) => r.result?.issues ?? []);
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
