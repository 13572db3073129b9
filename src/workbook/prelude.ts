/**
 * What every command that reads the 参数 sheet does first, the same way:
 * read the parameters (an unreadable value is an issue at its cell, and the
 * default is used), create the 参数 sheet and its names quietly when they are
 * missing (the formulas refer to them; 计算物资储备 always did this), and
 * settle the report date.
 */
import type { DateSerial } from "../core/dates";
import type { CommandInput } from "./command";
import { paramsIncomplete, planParamsSheet } from "./init/paramsSheet";
import type { CellIssue } from "./issues";
import { PARAMS_SHEET, readParams, type Params } from "./params";
import type { WriteOp } from "./plan";

export interface Prelude {
  params: Params;
  /** Unreadable parameter values, at their cells. */
  issues: CellIssue[];
  /** Creates or completes 参数 and its names when any is missing; else empty. Write these first. */
  ops: WriteOp[];
  /** `options.reportDate` when given, else today. */
  reportDate: DateSerial;
}

export interface PreludeOptions {
  /**
   * False for a command whose writes never refer to the parameter names (it
   * only reads their values): it then leaves a missing 参数 alone and uses
   * the defaults. Default true.
   */
  createParams?: boolean;
}

/**
 * The prelude of a command.
 *
 * @example
 * commandPrelude({ snapshot: emptyWorkbook, today: 44581, now: 44581.5, lang: "zh" }).ops[0]
 * //=> { kind: "ensureSheet", sheet: "参数" }
 */
export function commandPrelude(
  input: CommandInput<{ reportDate?: DateSerial } | undefined>,
  options: PreludeOptions = {}
): Prelude {
  const { snapshot } = input;
  const { params, issues } = readParams(snapshot.sheets[PARAMS_SHEET]);
  const create = options.createParams !== false && paramsIncomplete(snapshot);
  const ops = create ? planParamsSheet(snapshot, input.lang).ops : [];
  const chosen = input.options?.reportDate;
  const reportDate = chosen === undefined ? Math.floor(input.today) : Math.floor(chosen);
  return { params, issues, ops, reportDate };
}
