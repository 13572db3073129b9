/**
 * Which reserve standard a row follows: the 储备标准 typed on the row, or else
 * the default of its unit category under the county emergency plan — the
 * county emergency reserve (县应急物资储备库) stocks for wartime, every other
 * category for routine protection.
 */
import type { ReserveStandard } from "./catalogue";

/** The unit categories of 物资储备. */
export type UnitCategory = "县应急物资储备库" | "县直部门" | "乡镇" | "医疗机构";

export const UNIT_CATEGORIES: readonly UnitCategory[] = [
  "县应急物资储备库",
  "县直部门",
  "乡镇",
  "医疗机构",
];

export interface ReserveStandardOptions {
  /** 储备标准 as typed (trimmed), or null when blank. */
  override: string | null;
  /** 单位类别 as typed (trimmed), or null when blank. */
  category: string | null;
}

/**
 * Returns the standard a row follows, or null when the typed standard is not
 * 战时 or 日常, or when it is blank and the category is not one of the four.
 *
 * @example
 * reserveStandard({ override: null, category: "县应急物资储备库" }) //=> "战时"
 * reserveStandard({ override: null, category: "乡镇" })            //=> "日常"
 * reserveStandard({ override: "战时", category: "乡镇" })           //=> "战时"
 * reserveStandard({ override: "紧急", category: "乡镇" })           //=> null
 * reserveStandard({ override: null, category: "社区" })            //=> null
 */
export function reserveStandard(options: ReserveStandardOptions): ReserveStandard | null {
  const { override, category } = options;
  if (override !== null && override !== "") {
    return override === "战时" || override === "日常" ? override : null;
  }
  if (category === "县应急物资储备库") return "战时";
  if (category === "县直部门" || category === "乡镇" || category === "医疗机构") return "日常";
  return null;
}

/**
 * Returns the reserve days of a standard, from the parameters 战时储备天数 and
 * 日常储备天数; null for no standard.
 *
 * @example
 * reserveDays("战时", { wartimeDays: 60, routineDays: 30 }) //=> 60
 * reserveDays(null, { wartimeDays: 60, routineDays: 30 })   //=> null
 */
export function reserveDays(
  standard: ReserveStandard | null,
  options: { wartimeDays: number; routineDays: number }
): number | null {
  if (standard === "战时") return options.wartimeDays;
  if (standard === "日常") return options.routineDays;
  return null;
}
