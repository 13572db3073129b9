/**
 * A command is pure: it names the sheets it reads, and turns a snapshot of
 * them into write operations, issues and a summary. Hosts run it inside one
 * transaction (one `Excel.run` in Office): read, compute, write.
 *
 * Every command is made with `defineCommand`: its options are parsed once,
 * from what the task pane or the CLI passed, into a typed value (`parseOptions`),
 * and what it needs from the caller (a pane choice, files) is declared in
 * `needs`, so the CLI and the pane read the declaration instead of
 * special-casing command ids.
 */
import type { DateSerial } from "../core/dates";
import type { Message, Severity } from "../core/issue";
import type { CellIssue } from "./issues";
import type { WriteOp } from "./plan";
import type { WorkbookSnapshot } from "./snapshot";

export type Lang = "zh" | "en";

/** Options as a caller passes them, before parsing. */
export type RawOptions = Readonly<Record<string, unknown>>;

export interface CommandInput<Options = RawOptions> {
  snapshot: WorkbookSnapshot;
  /** The clerk's calendar day (serial), used as the default report date. */
  today: DateSerial;
  /** The clerk's clock, date and time (serial with fraction). */
  now: DateSerial;
  lang: Lang;
  /** Command-specific choices made in the task pane (report date, groups, units…). */
  options?: Options;
}

/** A problem with a caller's choice (not a cell): shown beside the pane's control, or as a CLI line. */
export interface OptionIssue {
  code: string;
  severity: Severity;
  /** The option it is about, e.g. `reportDate`. */
  option: string;
  message: Message;
}

/** Options parsed: the typed value (with warnings), or the errors that stop the command. */
export type OptionsResult<Options> =
  { ok: true; value: Options; issues: OptionIssue[] } | { ok: false; issues: OptionIssue[] };

/** Something a command needs from its caller before it can run. */
export interface Need {
  /** `choice`: a choice made in the task pane; `files`: files a person picks. */
  kind: "choice" | "files";
  /** The option that carries it. */
  option: string;
  /** What to ask for, e.g. “请选择单位类别或勾选单位”. */
  label: Message;
  /** True when the raw options give it. */
  given(options: RawOptions): boolean;
}

export interface CommandResult<Data = unknown> {
  ops: WriteOp[];
  issues: CellIssue[];
  /** One or two sentences for the status line. */
  summary: Message;
  /** Computed figures, for the task pane and `--json`. */
  data?: Data;
  /** The cell to show when the command is done. */
  focus?: { sheet: string; cell: string };
  /** Problems with the caller's choices (an unreadable report date…), not with cells. */
  optionIssues?: OptionIssue[];
  /** What the caller did not give (the command did not run). */
  missing?: Need[];
}

export interface CommandSpec<Id extends string, Options, Data> {
  id: Id;
  label: Message;
  /** Sheets the command reads (those that do not exist are simply absent from the snapshot); no options: the defaults. */
  reads(options?: Options): string[];
  /** What the caller must give; a command whose needs are not met does not run. */
  needs?: readonly Need[];
  parseOptions(raw: RawOptions): OptionsResult<Options>;
  run(input: CommandInput<Options>): CommandResult<Data>;
}

/**
 * A command as hosts, the pane and the CLI hold it; `Options` and `Data` are
 * those of its definition. `defineCommand` always sets `needs` and
 * `parseOptions`; a command written by hand (a test's) may leave them out,
 * and then takes its options as given.
 */

export interface Command<Options = any, Data = unknown, Id extends string = string> {
  id: Id;
  label: Message;
  /** Sheets the command reads, for its parsed options. */
  reads(options?: Options): string[];
  needs?: readonly Need[];
  parseOptions?(raw: RawOptions): OptionsResult<Options>;
  run(input: CommandInput<Options>): CommandResult<Data>;
}

/**
 * Makes a command. The spec is kept as it is (typed), with `needs` defaulting
 * to none.
 *
 * @example
 * const hello = defineCommand({ id: "hello", label, reads: () => [], parseOptions: noOptions, run: () => result });
 * hello.needs //=> []
 */
export function defineCommand<const Id extends string, Options, Data>(
  spec: CommandSpec<Id, Options, Data>
): CommandSpec<Id, Options, Data> & { needs: readonly Need[] } {
  return { ...spec, needs: spec.needs ?? [] };
}

/** The needs of a command the raw options do not meet. */
export function unmetNeeds(command: Pick<Command, "needs">, raw: RawOptions = {}): Need[] {
  return (command.needs ?? []).filter((n) => !n.given(raw));
}

/** The data type of a command. */
export type DataOf<C> = C extends { run(input: never): CommandResult<infer D> } ? D : never;

/**
 * Parses the options and runs the command on a snapshot, as executeCommand
 * does between reading and writing: unmet needs and option errors stop it
 * with no writes; option warnings ride along with the result.
 *
 * @example
 * runCommand(rankVaccination, { snapshot, today, now, lang: "zh", options: { reportDate: "明天" } }).optionIssues[0].code
 * //=> "badReportDate"
 */
export function runCommand<Options, Data>(
  command: Command<Options, Data>,
  input: CommandInput<RawOptions>
): CommandResult<Data> {
  const raw = input.options ?? {};
  const missing = unmetNeeds(command, raw);
  if (missing.length > 0)
    return notRun(
      command,
      missing.map((n) => n.label),
      { missing }
    );
  const parsed = parseWith(command, raw);
  if (!parsed.ok)
    return notRun(
      command,
      parsed.issues.map((i) => i.message),
      { optionIssues: parsed.issues }
    );
  const result = command.run({ ...input, options: parsed.value });
  return parsed.issues.length > 0
    ? { ...result, optionIssues: [...parsed.issues, ...(result.optionIssues ?? [])] }
    : result;
}

/** The parsed options a command reads with: those of `raw`, or undefined when they do not parse. */
export function parsedOptions<Options>(
  command: Command<Options>,
  raw: RawOptions = {}
): Options | undefined {
  if (unmetNeeds(command, raw).length > 0) return undefined;
  const parsed = parseWith(command, raw);
  return parsed.ok ? parsed.value : undefined;
}

function parseWith<Options>(command: Command<Options>, raw: RawOptions): OptionsResult<Options> {
  return command.parseOptions
    ? command.parseOptions(raw)
    : { ok: true, value: raw as Options, issues: [] };
}

function notRun<Data>(
  command: Command<unknown, Data>,
  reasons: Message[],
  extra: Pick<CommandResult, "missing" | "optionIssues">
): CommandResult<Data> {
  return {
    ops: [],
    issues: [],
    summary: {
      zh: `未运行“${command.label.zh}”：${reasons.map((r) => r.zh).join("；")}`,
      en: `${command.label.en} was not run: ${reasons.map((r) => r.en).join("; ")}`,
    },
    ...extra,
  };
}
