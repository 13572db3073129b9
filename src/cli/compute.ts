/**
 * `epi-ledger compute <in.xlsx>`: reads the ledger, runs 初始化工作簿 and the
 * chosen commands on the .xlsx host, and writes the result file, exactly as
 * the add-in would leave the workbook (charts excepted: exceljs cannot write
 * them, and a note says so).
 */
import { existsSync, realpathSync } from "node:fs";
import * as path from "node:path";
import { isoFromSerial, serialFromLocalDate, type DateSerial } from "../core/dates";
import type { Message } from "../core/issue";
import { openXlsxFile } from "../hosts/xlsx/open";
import { readDate } from "../workbook/cells";
import type { Command } from "../workbook/command";
import { COMMANDS } from "../workbook/commands";
import type { CliEnv } from "./env";
import { CliFailure, EXIT_CLEAN, EXIT_ISSUES, EXIT_UNUSABLE, asFailure } from "./failure";
import { createProgress } from "./progress";
import {
  allIssues,
  issueLine,
  jsonCommand,
  optionErrors,
  runLines,
  type JsonReport,
} from "./report";
import { notRewritten, runCommands, wroteNothing, type CommandRun } from "./run";
import { SETUP_COMMAND_ID, selectCommands } from "./selection";
import { t } from "./texts";

export interface ComputeArgs {
  input: string;
  output?: string;
  date?: string;
  only?: string;
  inPlace?: boolean;
  json?: boolean;
}

/** Suffix of the default output file name: `台账.xlsx` → `台账_计算结果.xlsx`. */
export const COMPUTE_SUFFIX = "_计算结果";

/**
 * Runs `compute` and returns the exit code: 0 clean, 1 computed with input
 * issues, 2 unusable input.
 */
export async function computeCommand(args: ComputeArgs, env: CliEnv): Promise<number> {
  const input = path.resolve(env.cwd, args.input);
  const report: JsonReport = emptyReport("compute", input);
  try {
    const output = outputPath(args, input, env);
    report.output = output;
    const reportDate = args.date === undefined ? undefined : parseDate(args.date);
    report.reportDate = reportDate === undefined ? null : isoFromSerial(reportDate);
    const selection = selectCommands(COMMANDS, args.only);
    if (!selection.ok) throw new CliFailure("badOption", selection.error);
    const setup = COMMANDS.filter((c) => c.id === SETUP_COMMAND_ID);
    const commands: Command[] = [
      ...setup,
      ...selection.commands.filter((c) => c.id !== SETUP_COMMAND_ID),
    ];
    const progress = createProgress(env);
    progress.step(`${t(env.lang, "reading")} ${path.basename(input)}`);
    const book = await openXlsxFile(input, {
      largeSheetBytes: env.largeSheetBytes,
      onProgress: (done, total) => progress.update(done, total),
    });
    if (book.unkept.length > 0 && args.inPlace) {
      throw new CliFailure("unsupported", {
        zh: `${book.unkept[0].zh}。为免改写后丢失，--in-place 不可用，请用 -o 写到新文件`,
        en: `${book.unkept[0].en}. So as not to lose them, --in-place is refused; write a new file with -o`,
      });
    }
    const wallClock = env.now();
    const today = reportDate ?? serialFromLocalDate(wallClock);
    const outcome = await runCommands(book.host, commands, {
      today,
      now: serialFromLocalDate(wallClock) + fractionOfDay(wallClock),
      lang: env.lang,
      options: reportDate === undefined ? undefined : { reportDate },
      progress,
      required: selection.required,
    });
    if (!outcome.ok) throw new CliFailure(outcome.kind, outcome.message);
    // --in-place with nothing changed leaves the file as it was, byte for byte.
    const save = !(args.inPlace && wroteNothing(outcome.runs));
    if (save) {
      progress.step(`${t(env.lang, "writing")} ${path.basename(output)}`);
      await book.save(output, (done, total) => progress.update(done, total));
    }
    progress.finish();
    report.commands = outcome.runs.map(jsonCommand);
    report.notes = [...book.unkept, ...book.host.notes()];
    if (!save) report.notes.push(notRewritten(path.basename(output)));
    const code =
      allIssues(outcome.runs).length + optionErrors(outcome.runs).length > 0
        ? EXIT_ISSUES
        : EXIT_CLEAN;
    report.exitCode = code;
    if (args.json) env.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else
      printRuns(env, path.basename(input), outcome.runs, report.notes, save ? output : undefined);
    return code;
  } catch (e) {
    return failed(e, env, report, args.json === true);
  }
}

/** Prints summaries, notes, issues and the written file (if one was), as plain text. */
export function printRuns(
  env: CliEnv,
  file: string,
  runs: readonly CommandRun[],
  notes: readonly Message[],
  output: string | undefined
): void {
  const lang = env.lang;
  const lines: string[] = [];
  for (const run of runs) lines.push(...runLines(run, lang));
  for (const note of notes) lines.push(`${t(lang, "note")}: ${note[lang]}`);
  const issues = allIssues(runs);
  if (issues.length > 0) {
    lines.push("", `${t(lang, "issuesHeading")} (${issues.length}):`);
    for (const issue of issues) lines.push(issueLine(file, issue, lang));
  }
  if (output !== undefined) lines.push("", `${t(lang, "wrote")} ${output}`);
  env.stdout(`${lines.join("\n")}\n`);
}

/** Reports a user error (exit 2) on stderr, and as JSON on stdout with `--json`. Re-throws bugs. */
export function failed(e: unknown, env: CliEnv, report: JsonReport, json: boolean): number {
  const failure = asFailure(e);
  if (!failure) throw e;
  // On a terminal, clear a progress bar the failure interrupted.
  const clear = env.stderrIsTTY ? "\r\u001b[K" : "";
  env.stderr(`${clear}${t(env.lang, "error")}: ${failure.userMessage[env.lang]}\n`);
  if (json) {
    report.exitCode = EXIT_UNUSABLE;
    report.error = { kind: failure.kind, message: failure.userMessage };
    env.stdout(`${JSON.stringify(report, null, 2)}\n`);
  }
  return EXIT_UNUSABLE;
}

export function emptyReport(command: JsonReport["command"], input: string | null): JsonReport {
  return {
    command,
    input,
    output: null,
    reportDate: null,
    exitCode: EXIT_CLEAN,
    commands: [],
    notes: [],
    error: null,
  };
}

/**
 * Reads `--date`: YYYY-MM-DD, or any date a clerk would type (2022/1/20, 2022年1月20日).
 */
export function parseDate(text: string): DateSerial {
  const read = readDate(text.trim());
  if (read.ok && read.value !== null) return read.value;
  throw new CliFailure("badOption", {
    zh: `--date 的值“${text}”不是有效日期，请写成 YYYY-MM-DD，如 2022-01-20`,
    en: `--date "${text}" is not a valid date; write YYYY-MM-DD, e.g. 2022-01-20`,
  });
}

function outputPath(args: ComputeArgs, input: string, env: CliEnv): string {
  if (args.inPlace) {
    if (args.output !== undefined && !samePath(path.resolve(env.cwd, args.output), input)) {
      throw new CliFailure("badOption", {
        zh: "--in-place 与 -o 不能同时指定不同的文件",
        en: "--in-place and -o name different files; use one of them",
      });
    }
    return input;
  }
  const output = path.resolve(env.cwd, args.output ?? withSuffix(input, COMPUTE_SUFFIX));
  if (samePath(output, input)) {
    throw new CliFailure("badOption", {
      zh: "输出文件就是输入文件；如确需直接改写输入文件，请加 --in-place",
      en: "The output file is the input file; add --in-place to overwrite the input",
    });
  }
  return output;
}

/** `dir/台账.xlsx` + `_计算结果` → `dir/台账_计算结果.xlsx`. */
export function withSuffix(file: string, suffix: string): string {
  const ext = path.extname(file);
  return path.join(path.dirname(file), `${path.basename(file, ext)}${suffix}${ext || ".xlsx"}`);
}

function samePath(a: string, b: string): boolean {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : path.resolve(p));
  return real(a) === real(b);
}

function fractionOfDay(date: Date): number {
  return (date.getHours() * 3600 + date.getMinutes() * 60 + date.getSeconds()) / 86_400;
}
