/**
 * Runs workbook commands one after another on a host, the way the task pane
 * runs them one click at a time: each is one executeCommand (read, compute,
 * drop unchanged writes, write), so the file ends up exactly as the add-in
 * would leave the workbook.
 */
import type { DateSerial } from "../core/dates";
import type { Message } from "../core/issue";
import {
  parsedOptions,
  unmetNeeds,
  type Command,
  type CommandResult,
  type Lang,
} from "../workbook/command";
import { executeCommand } from "../workbook/execute";
import type { HostErrorKind, WorkbookHost } from "../workbook/host";
import { HISTORY_SHEET } from "../workbook/history";
import { PARAMS_SHEET } from "../workbook/params";
import type { Progress } from "./progress";
import { SETUP_COMMAND_ID } from "./selection";

export interface RunContext {
  today: DateSerial;
  now: DateSerial;
  lang: Lang;
  options?: Readonly<Record<string, unknown>>;
  progress?: Progress;
  /** Commands the user named (`--only`, `merge`): a missing input sheet is then unusable input. */
  required: ReadonlySet<string>;
}

export interface CommandRun {
  command: Command;
  /** Undefined when the command was skipped. */
  result?: CommandResult;
  /** Why the command was skipped. */
  skipped?: Message;
}

export type RunOutcome =
  | { ok: true; runs: CommandRun[] }
  | { ok: false; kind: HostErrorKind | "missingSheet"; message: Message };

/**
 * Runs the commands in order. A command whose input sheet (the first sheet its
 * `reads()` lists) is not in the workbook is skipped with a note, or, when
 * it is `required` (the user asked for it by name), stops the run as unusable input.
 *
 * @example
 * await runCommands(host, [initWorkbook], { today: 44581, now: 44581.5, lang: "zh", required: new Set() })
 * //=> { ok: true, runs: [{ command: initWorkbook, result: { summary: { zh: "已创建“参数”工作表…" } } }] }
 */
export async function runCommands(
  host: WorkbookHost,
  commands: readonly Command[],
  context: RunContext
): Promise<RunOutcome> {
  const sheetNames = () => host.transaction(async (io) => (await io.read([])).sheetNames);
  const present = await sheetNames();
  const has = (list: readonly string[], sheet: string) =>
    list.some((s) => s.toLowerCase() === sheet.toLowerCase());
  const runs: CommandRun[] = [];
  for (const command of commands) {
    const missing = unmetNeeds(command, context.options);
    if (missing.length > 0) {
      runs.push({ command, skipped: needsNote(command, missing) });
      continue;
    }
    const input = inputSheet(command, context.options);
    if (command.id !== SETUP_COMMAND_ID && input !== undefined && !has(present, input)) {
      // 初始化工作簿 may have just made the sheet, empty: say so rather than contradict it.
      const made = runs.length > 0 && has(await sheetNames(), input);
      const message: Message = made
        ? {
            zh: `文件中原本没有“${input}”工作表（“初始化工作簿”已新建空表，请填写后再计算），未运行“${command.label.zh}”`,
            en: `The file had no ${input} sheet (初始化工作簿 has created an empty one: fill it in, then compute), so ${command.label.en} was not run`,
          }
        : {
            zh: `文件中没有“${input}”工作表，未运行“${command.label.zh}”`,
            en: `The file has no ${input} sheet; ${command.label.en} was not run`,
          };
      if (context.required.has(command.id)) return { ok: false, kind: "missingSheet", message };
      runs.push({ command, skipped: message });
      continue;
    }
    context.progress?.step(`${command.label[context.lang]}`);
    const outcome = await executeCommand(host, command, {
      today: context.today,
      now: context.now,
      lang: context.lang,
      options: context.options,
      onProgress: (done, total) => context.progress?.update(done, total),
    });
    if (!outcome.ok) {
      return { ok: false, kind: outcome.error.kind, message: outcome.error.message };
    }
    runs.push({ command, result: outcome.result });
  }
  return { ok: true, runs };
}

/** Why a command that needs a choice or files the runner was not given was skipped. */
function needsNote(command: Command, missing: readonly { label: Message }[]): Message {
  return {
    zh: `未运行“${command.label.zh}”：${missing.map((n) => n.label.zh).join("；")}（命令行不提供此项选择）`,
    en: `${command.label.en} was not run: ${missing.map((n) => n.label.en).join("; ")} (the command line does not offer this choice)`,
  };
}

/** The sheet a command computes from: the first one it reads, other than 参数 and 历史记录. */
export function inputSheet(
  command: Command,
  options?: Readonly<Record<string, unknown>>
): string | undefined {
  return command
    .reads(parsedOptions(command, options))
    .find((s) => s !== PARAMS_SHEET && s !== HISTORY_SHEET);
}

/**
 * True when no command wrote anything (every write was dropped as unchanged,
 * or every command was skipped): `--in-place` then leaves the file as it was,
 * byte for byte, instead of saving an identical workbook.
 *
 * @example
 * wroteNothing([{ command: importReturns, result: { ops: [], … } }]) //=> true
 */
export function wroteNothing(runs: readonly CommandRun[]): boolean {
  return runs.every((run) => (run.result?.ops.length ?? 0) === 0);
}

/**
 * The note shown when `--in-place` had nothing to write.
 *
 * @example
 * notRewritten("台账.xlsx").zh //=> "“台账.xlsx”没有需要写入的内容，未改写"
 */
export function notRewritten(file: string): Message {
  return {
    zh: `“${file}”没有需要写入的内容，未改写`,
    en: `Nothing to write to ${file}; it was left as it was`,
  };
}
