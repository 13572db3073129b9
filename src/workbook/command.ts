/**
 * A command is pure: it names the sheets it reads, and turns a snapshot of
 * them into write operations, issues and a summary. Hosts run it inside one
 * transaction (one `Excel.run` in Office): read, compute, write.
 */
import type { DateSerial } from "../core/dates";
import type { Message } from "../core/issue";
import type { CellIssue } from "./issues";
import type { WriteOp } from "./plan";
import type { WorkbookSnapshot } from "./snapshot";

export type Lang = "zh" | "en";

export interface CommandInput {
  snapshot: WorkbookSnapshot;
  /** The clerk's calendar day (serial), used as the default report date. */
  today: DateSerial;
  /** The clerk's clock, date and time (serial with fraction). */
  now: DateSerial;
  lang: Lang;
  /** Command-specific choices made in the task pane (report date, groups, units…). */
  options?: Readonly<Record<string, unknown>>;
}

export interface CommandResult {
  ops: WriteOp[];
  issues: CellIssue[];
  /** One or two sentences for the status line. */
  summary: Message;
  /** Computed figures, for the task pane and `--json`. */
  data?: unknown;
  /** The cell to show when the command is done. */
  focus?: { sheet: string; cell: string };
}

export interface Command {
  id: string;
  label: Message;
  /** Sheets the command reads (those that do not exist are simply absent from the snapshot). */
  reads(options?: Readonly<Record<string, unknown>>): string[];
  run(input: CommandInput): CommandResult;
}
