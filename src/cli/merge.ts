/**
 * `epi-ledger merge <returns...> --into <ledger.xlsx>`: imports the templates
 * departments sent back, with the add-in's own 导入填报 command (same
 * validation, the previous rows kept in 历史记录, imported text written only as
 * text so formula injection is neutralised), and prints the change list.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { serialFromLocalDate } from "../core/dates";
import type { Message } from "../core/issue";
import { loadXlsx } from "../hosts/xlsx/files";
import { openXlsxFile } from "../hosts/xlsx/open";
import { sheetSnapshot } from "../hosts/xlsx/xlsxHost";
import type { Lang } from "../workbook/command";
import { formatIssue, type CellIssue } from "../workbook/issues";
import {
  checkImportFile,
  importReturns,
  type ImportData,
  type ReturnedFile,
  type RowChange,
  type UnitImport,
} from "../workbook/stockpile/import";
import { emptyReport, failed, withSuffix } from "./compute";
import type { CliEnv } from "./env";
import { CliFailure, EXIT_CLEAN, EXIT_ISSUES } from "./failure";
import { createProgress } from "./progress";
import { jsonCommand } from "./report";
import { notRewritten, runCommands, wroteNothing } from "./run";
import { t } from "./texts";

export interface MergeArgs {
  returns: string[];
  into: string;
  output?: string;
  inPlace?: boolean;
  json?: boolean;
}

export const MERGE_SUFFIX = "_已导入";

/** Runs `merge` and returns the exit code (0 clean, 1 with issues in the returns, 2 unusable input). */
export async function mergeCommand(args: MergeArgs, env: CliEnv): Promise<number> {
  const ledger = path.resolve(env.cwd, args.into);
  const report = emptyReport("merge", ledger);
  try {
    if (
      args.inPlace &&
      args.output !== undefined &&
      path.resolve(env.cwd, args.output) !== ledger
    ) {
      throw new CliFailure("badOption", {
        zh: "--in-place 与 -o 不能同时指定不同的文件",
        en: "--in-place and -o name different files; use one of them",
      });
    }
    const output = args.inPlace
      ? ledger
      : path.resolve(env.cwd, args.output ?? withSuffix(ledger, MERGE_SUFFIX));
    if (!args.inPlace && output === ledger) {
      throw new CliFailure("badOption", {
        zh: "输出文件就是台账文件；如确需直接改写台账，请加 --in-place",
        en: "The output file is the ledger; add --in-place to overwrite it",
      });
    }
    report.output = output;
    const progress = createProgress(env);
    const returns: ReturnedFile[] = [];
    for (const [i, file] of args.returns.entries()) {
      progress.step(`${t(env.lang, "reading")} ${path.basename(file)}`);
      progress.update(i, args.returns.length);
      returns.push(await readReturn(path.resolve(env.cwd, file)));
    }
    progress.step(`${t(env.lang, "reading")} ${path.basename(ledger)}`);
    const book = await openXlsxFile(ledger, { largeSheetBytes: env.largeSheetBytes });
    if (book.unkept.length > 0 && args.inPlace) {
      throw new CliFailure("unsupported", {
        zh: `${book.unkept[0].zh}。为免改写后丢失，--in-place 不可用，请用 -o 写到新文件`,
        en: `${book.unkept[0].en}. So as not to lose them, --in-place is refused; write a new file with -o`,
      });
    }
    const wallClock = env.now();
    const today = serialFromLocalDate(wallClock);
    const outcome = await runCommands(book.host, [importReturns], {
      today,
      now: today + (wallClock.getHours() * 60 + wallClock.getMinutes()) / 1440,
      lang: env.lang,
      options: { returns, confirm: true },
      progress,
      required: new Set([importReturns.id]),
    });
    if (!outcome.ok) throw new CliFailure(outcome.kind, outcome.message);
    // --in-place with nothing imported leaves the ledger as it was, byte for byte.
    const save = !(args.inPlace && wroteNothing(outcome.runs));
    if (save) {
      progress.step(`${t(env.lang, "writing")} ${path.basename(output)}`);
      await book.save(output);
    }
    progress.finish();
    const run = outcome.runs[0];
    const issues = run.result?.issues ?? [];
    const code = issues.length > 0 ? EXIT_ISSUES : EXIT_CLEAN;
    report.commands = outcome.runs.map(jsonCommand);
    report.notes = [...book.unkept, ...book.host.notes()];
    if (!save) report.notes.push(notRewritten(path.basename(output)));
    report.exitCode = code;
    if (args.json) {
      env.stdout(`${JSON.stringify(report, null, 2)}\n`);
      return code;
    }
    const lines: string[] = [];
    if (run.result) lines.push(`【${run.command.label[env.lang]}】${run.result.summary[env.lang]}`);
    else if (run.skipped) lines.push(run.skipped[env.lang]);
    const data = run.result?.data as ImportData | undefined;
    for (const unit of data?.units ?? []) lines.push(...changeLines(unit, env.lang));
    for (const note of report.notes) lines.push(`${t(env.lang, "note")}: ${note[env.lang]}`);
    if (issues.length > 0) {
      lines.push("", `${t(env.lang, "issuesHeading")} (${issues.length}):`);
      for (const issue of issues)
        lines.push(mergeIssueLine(path.basename(ledger), issue, env.lang));
    }
    if (save) lines.push("", `${t(env.lang, "wrote")} ${output}`);
    env.stdout(`${lines.join("\n")}\n`);
    return code;
  } catch (e) {
    return failed(e, env, report, args.json === true);
  }
}

/**
 * Reads one returned file into plain sheets, after the add-in's own checks
 * (an .xlsx of at most 10 MB).
 */
export async function readReturn(file: string): Promise<ReturnedFile> {
  const fileName = path.basename(file);
  const stat = await fs.stat(file).catch(() => undefined);
  if (!stat) {
    throw new CliFailure("unknown", {
      zh: `找不到文件“${file}”`,
      en: `File not found: ${file}`,
    });
  }
  const problem = checkImportFile(fileName, stat.size);
  if (problem) throw new CliFailure("unsupported", problem);
  const workbook = await loadXlsx(file);
  // Excel and WPS stamp docProps/core.xml on every save; a file without it has its file time.
  const saved = validDate(workbook.modified) ?? stat.mtime;
  return {
    fileName,
    sheets: workbook.worksheets.map((ws) => ({ name: ws.name, values: sheetSnapshot(ws).values })),
    savedAt: localSerial(saved),
  };
}

function validDate(d: Date | undefined): Date | undefined {
  return d instanceof Date && Number.isFinite(d.getTime()) ? d : undefined;
}

function localSerial(d: Date): number {
  return (
    serialFromLocalDate(d) + (d.getHours() * 3600 + d.getMinutes() * 60 + d.getSeconds()) / 86_400
  );
}

/**
 * The change list of one unit: a heading with the counts, then one line per
 * added, changed or removed row.
 *
 * @example
 * changeLines(unit, "zh")
 * //=> ["城关镇（城关镇.xlsx，填报-城关镇）：新增 0、修改 1、未变 9、删除 0", "  修改 N95口罩（物资储备第 7 行）：现有库存 120 → 80"]
 */
export function changeLines(unit: UnitImport, lang: Lang): string[] {
  const c = unit.counts;
  const head: Message = {
    zh: `${unit.unit}（${unit.file}，${unit.sheet}）：新增 ${c.added}、修改 ${c.changed}、未变 ${c.unchanged}、删除 ${c.removed}${unit.blocked ? "——有错误，未导入" : ""}`,
    en: `${unit.unit} (${unit.file}, ${unit.sheet}): ${c.added} added, ${c.changed} changed, ${c.unchanged} unchanged, ${c.removed} removed${unit.blocked ? " — has errors, not imported" : ""}`,
  };
  return [
    head[lang],
    ...unit.rows.filter((r) => r.kind !== "unchanged").map((r) => rowLine(r, lang)),
  ];
}

function rowLine(row: RowChange, lang: Lang): string {
  const kind = {
    added: { zh: "新增", en: "added" },
    changed: { zh: "修改", en: "changed" },
    removed: { zh: "删除", en: "removed" },
    unchanged: { zh: "未变", en: "unchanged" },
  }[row.kind][lang];
  const fields = row.fields
    .map((f) => `${f.header} ${show(f.old)} → ${show(f.new)}`)
    .join(lang === "zh" ? "；" : "; ");
  const where = lang === "zh" ? `物资储备第 ${row.targetRow} 行` : `物资储备 row ${row.targetRow}`;
  const tail = fields ? (lang === "zh" ? `：${fields}` : `: ${fields}`) : "";
  return lang === "zh"
    ? `  ${kind} ${row.item}（${where}）${tail}`
    : `  ${kind} ${row.item} (${where})${tail}`;
}

function show(value: unknown): string {
  return value === null || value === undefined || value === "" ? "（空）" : String(value);
}

/** An issue of a returned file names that file; others name the ledger. */
function mergeIssueLine(ledger: string, issue: CellIssue & { file?: string }, lang: Lang): string {
  return `${issue.file ?? ledger} ${formatIssue(issue, lang)}`;
}
