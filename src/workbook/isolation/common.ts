/**
 * Small pieces both isolation commands use: the report date, and the check
 * that the parameter names their formulas refer to exist.
 */
import type { DateSerial } from "../../core/dates";
import type { CommandInput } from "../command";
import type { CellIssue } from "../issues";
import { PARAMS_SHEET } from "../params";
import type { WorkbookSnapshot } from "../snapshot";

/**
 * The report date: `options.reportDate` (a serial) when given, else today.
 *
 * @example
 * reportDateOf({ today: 44581, options: { reportDate: 44580 } }) //=> 44580
 * reportDateOf({ today: 44581 })                                  //=> 44581
 */
export function reportDateOf(input: Pick<CommandInput, "today" | "options">): DateSerial {
  const chosen = input.options?.reportDate;
  return typeof chosen === "number" && Number.isFinite(chosen) && chosen >= 1
    ? Math.floor(chosen)
    : Math.floor(input.today);
}

/**
 * One issue per defined name a formula needs that the workbook lacks (the
 * formulas would show #NAME?), pointing at the 参数 sheet.
 *
 * @example
 * missingNameIssues({ names: {} , sheets: {}, sheetNames: [] }, ["每万人隔离床位标准"])[0].code
 * //=> "parameterNameMissing"
 */
export function missingNameIssues(
  snapshot: WorkbookSnapshot,
  names: readonly string[]
): CellIssue[] {
  return names
    .filter((name) => !snapshot.names[name])
    .map((name) => ({
      code: "parameterNameMissing",
      severity: "error" as const,
      sheet: PARAMS_SHEET,
      cell: "A1",
      message: {
        zh: `工作簿中没有名称“${name}”，公式无法引用该参数；请先运行“初始化工作簿”，再重新计算`,
        en: `The workbook has no defined name ${name}, which the formulas refer to; run 初始化工作簿 (Set up workbook) first, then compute again`,
      },
    }));
}

/**
 * A list of names for a sentence, cut after `max` with 等.
 *
 * @example
 * listNames(["甲", "乙", "丙"], 2) //=> "甲、乙等3个"
 */
export function listNames(names: readonly string[], max = 8): string {
  return names.length <= max
    ? names.join("、")
    : `${names.slice(0, max).join("、")}等${names.length}个`;
}
