/**
 * The task pane's actions, built from a host: the UI never calls Excel
 * itself, so the same App runs in Excel (Office host) and in the browser
 * preview (memory host), and its tests pass `jest.fn()` actions.
 */
import { serialFromLocalDate, type DateSerial } from "../core/dates";
import type { Command, Lang } from "../workbook/command";
import { commandById } from "../workbook/commands";
import { executeCommand, type ExecuteOutcome } from "../workbook/execute";
import type { WorkbookHost } from "../workbook/host";

export type CommandOptions = Readonly<Record<string, unknown>>;
export type ProgressListener = (done: number, total: number) => void;

export interface TaskpaneActions {
  /** Runs a registered command in one host transaction. Host failures come back as `{ ok: false }`. */
  run(
    commandId: string,
    options?: CommandOptions,
    onProgress?: ProgressListener
  ): Promise<ExecuteOutcome>;
  /** Shows a cell to the user. */
  select(sheet: string, cell: string): Promise<void>;
  /**
   * Opens an .xlsx built by the pane (base64) as a new workbook, where Excel
   * can (`Excel.createWorkbook`, ExcelApi 1.8); absent elsewhere, e.g. in the
   * preview, which offers the file as a download instead.
   */
  createWorkbook?(base64: string): Promise<void>;
  lang: Lang;
}

export interface CreateActionsOptions {
  host: WorkbookHost;
  lang: Lang;
  /** The clerk's clock; tests pass a fixed one. */
  clock?: () => Date;
  /** Finds a command by id; the registry by default. */
  lookup?: (commandId: string) => Command | undefined;
}

/**
 * Builds the task pane's actions on a host.
 *
 * @example
 * const actions = createActions({ host: createMemoryHost(new MemoryWorkbook()), lang: "zh" });
 * (await actions.run("initWorkbook")).ok //=> true
 */
export function createActions({
  host,
  lang,
  clock = () => new Date(),
  lookup = commandById,
}: CreateActionsOptions): TaskpaneActions {
  return {
    lang,
    async run(commandId, options, onProgress) {
      const command = lookup(commandId);
      // An unknown id is a bug in the pane's wiring, not a user error.
      if (!command) throw new Error(`No command is registered with the id "${commandId}"`);
      const { today, now } = clockSerials(clock());
      return executeCommand(host, command, { today, now, lang, options, onProgress });
    },
    async select(sheet, cell) {
      await host.select?.(sheet, cell);
    },
  };
}

/**
 * Today's serial date and the current moment (serial with the time of day as
 * a fraction), both read in local time as the clerk's clock shows them.
 *
 * @example
 * clockSerials(new Date(2022, 0, 20, 12, 0)) //=> { today: 44581, now: 44581.5 }
 */
export function clockSerials(date: Date): { today: DateSerial; now: DateSerial } {
  const today = serialFromLocalDate(date);
  const seconds = date.getHours() * 3600 + date.getMinutes() * 60 + date.getSeconds();
  return { today, now: today + seconds / 86_400 };
}
