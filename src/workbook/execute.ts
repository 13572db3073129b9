/**
 * Runs one command on any host: one transaction that reads what the command
 * asks for, computes, drops writes that change nothing, and writes. Host
 * failures come back as data for the task pane or the CLI to show.
 */
import type { DateSerial } from "../core/dates";
import type { Message } from "../core/issue";
import {
  parsedOptions,
  runCommand,
  type Command,
  type CommandResult,
  type Lang,
  type RawOptions,
} from "./command";
import { pruneUnchanged } from "./diff";
import {
  HostError,
  type HostErrorKind,
  type PartialWrite,
  type WorkbookHost,
  type WriteReport,
} from "./host";
import { guardFinite } from "./finite";

export interface ExecuteOptions {
  today: DateSerial;
  now: DateSerial;
  lang: Lang;
  options?: RawOptions;
  onProgress?: (done: number, total: number) => void;
}

export interface ExecuteError {
  kind: HostErrorKind;
  message: Message;
  /** Ops of the plan carried out in full before the failure. */
  writtenOps: number;
  /** Present when the next op, a block, was partly written: which rows are in the workbook. */
  partial?: PartialWrite;
}

export type ExecuteOutcome<Data = unknown> =
  | { ok: true; result: CommandResult<Data>; report: WriteReport; readSyncs: number }
  | { ok: false; error: ExecuteError };

/**
 * Runs a command inside one host transaction.
 *
 * @example
 * await executeCommand(memoryHost, initWorkbook, { today: 44581, now: 44581.4, lang: "zh" })
 * //=> { ok: true, result: { summary: { zh: "已创建“参数”工作表…" } }, report: { syncs: 1, … }, readSyncs: 1 }
 */
export async function executeCommand<Data>(
  host: WorkbookHost,
  command: Command<unknown, Data>,
  run: ExecuteOptions
): Promise<ExecuteOutcome<Data>> {
  try {
    return await host.transaction(async (io) => {
      // Options that do not parse, or unmet needs, read nothing: runCommand says why.
      const parsed = parsedOptions(command, run.options);
      const snapshot = await io.read(parsed === undefined ? [] : command.reads(parsed));
      const readSyncs = io.syncCount();
      const result = guardFinite(
        runCommand(command, {
          snapshot,
          today: run.today,
          now: run.now,
          lang: run.lang,
          options: run.options,
        })
      );
      const ops = pruneUnchanged(result.ops, snapshot);
      const report = await io.write(ops, run.onProgress);
      io.refreshFormulaValues?.(result.ops);
      return { ok: true as const, result: { ...result, ops }, report, readSyncs };
    });
  } catch (e) {
    if (e instanceof HostError) {
      const error: ExecuteError = {
        kind: e.kind,
        message: e.userMessage,
        writtenOps: e.writtenOps,
      };
      if (e.partial) error.partial = { ...e.partial };
      return { ok: false, error };
    }
    throw e;
  }
}
