/**
 * What the command line needs from the process, passed in so the CLI can be
 * run and tested in-process: output streams, the language, the folder and
 * the clock.
 */
import type { Lang } from "../workbook/command";

export interface CliEnv {
  /** Results: summaries, issues, JSON. */
  stdout: (text: string) => void;
  /** Progress and errors. */
  stderr: (text: string) => void;
  /** A progress bar is drawn only on a terminal; plain lines otherwise. */
  stderrIsTTY: boolean;
  lang: Lang;
  /** Folder that relative paths are resolved against. */
  cwd: string;
  /** Milliseconds of a monotonic clock, for progress timing. */
  clock: () => number;
  /** The clerk's wall clock, for "today" and history time stamps. */
  now: () => Date;
  /** Sheets whose XML is larger than this many bytes are streamed (env EPI_LEDGER_LARGE_SHEET_BYTES). */
  largeSheetBytes?: number;
}

/**
 * The language of messages and help: English when LANG starts with "en",
 * Simplified Chinese otherwise.
 *
 * @example
 * langFromLocale("en_US.UTF-8") //=> "en"
 * langFromLocale("zh_CN.UTF-8") //=> "zh"
 * langFromLocale(undefined)     //=> "zh"
 */
export function langFromLocale(locale: string | undefined): Lang {
  return (locale ?? "").toLowerCase().startsWith("en") ? "en" : "zh";
}

/** The environment of the running Node process. */
export function processEnv(): CliEnv {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    lang: langFromLocale(process.env.LANG),
    cwd: process.cwd(),
    clock: () => performance.now(),
    now: () => new Date(),
    largeSheetBytes: positiveNumber(process.env.EPI_LEDGER_LARGE_SHEET_BYTES),
  };
}

function positiveNumber(text: string | undefined): number | undefined {
  const n = Number(text);
  return text !== undefined && Number.isFinite(n) && n > 0 ? n : undefined;
}
