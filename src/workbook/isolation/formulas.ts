/**
 * The formulas written into 隔离床位 and 返乡人员, and how a formula sees an
 * input cell. A formula sees the raw cell, not the engine's lenient reading:
 * ISNUMBER("1200") is FALSE although the parser reads the text 1200 as a
 * number. So the engine builds its records the way the formula sees the
 * cells, and its computed values equal what Excel and LibreOffice show; the
 * cells where the two readings differ are reported.
 *
 * Only classic functions (IF, ISNUMBER, ISBLANK, AND, OR, TRIM, ROUND,
 * ROUNDUP, MAX, INT, DATE) and the defined names of 参数 are used.
 */
import type { DateSerial } from "../../core/dates";
import { ymdFromSerial } from "../../core/dates";
import type { RiskLevel } from "../../core/isolation/stayDays";
import { paramSpec } from "../params";
import type { CellValue } from "../cells";
import { RISK_SPELLINGS } from "./specs";

export const BEDS_NORM_NAME = paramSpec("bedsPer10k").name;
export const HIGH_STAY_NAME = paramSpec("highRiskStayDays").name;
export const OTHER_STAY_NAME = paramSpec("otherRiskStayDays").name;

/**
 * A number as a formula sees it: a number cell is its value; an empty cell is
 * null (blank); anything else (text, even "1200", or TRUE) is NaN.
 *
 * @example
 * formulaNumber(1200)   //=> 1200
 * formulaNumber(null)   //=> null
 * formulaNumber("1200") //=> NaN
 */
export function formulaNumber(raw: CellValue | undefined): number | null {
  if (raw === null || raw === undefined || raw === "") return null;
  return typeof raw === "number" && Number.isFinite(raw) ? (raw === 0 ? 0 : raw) : NaN;
}

/** Cell addresses of one 隔离床位 row. */
export interface BedCells {
  population: string;
  existingBeds: string;
  /** Absent when the table has no 备用床位 column. */
  backupBeds?: string;
  required: string;
  total: string;
  gap: string;
}

/**
 * The formulas of one 隔离床位 row, each giving "" rather than an error for bad input.
 *
 * @example
 * bedFormulas({ population: "C3", existingBeds: "D3", backupBeds: "E3", required: "F3", total: "G3", gap: "H3" }).required
 * //=> '=IF(ISNUMBER(C3),IF(C3>0,ROUNDUP(C3*每万人隔离床位标准/10000,0),""),"")'
 */
export function bedFormulas(c: BedCells): {
  required: string;
  total: string;
  gap: string;
  per10k: string;
  status: string;
} {
  const p = c.population;
  const x = c.existingBeds;
  const b = c.backupBeds;
  const withBackup = b
    ? `IF(ISBLANK(${b}),${x},IF(ISNUMBER(${b}),IF(${b}>=0,${x}+${b},""),""))`
    : x;
  return {
    required: `=IF(ISNUMBER(${p}),IF(${p}>0,ROUNDUP(${p}*${BEDS_NORM_NAME}/10000,0),""),"")`,
    total: `=IF(ISNUMBER(${x}),IF(${x}>=0,${withBackup},""),"")`,
    gap: `=IF(ISNUMBER(${c.required}),IF(ISNUMBER(${c.total}),MAX(0,${c.required}-${c.total}),""),"")`,
    per10k: `=IF(ISNUMBER(${p}),IF(${p}>0,IF(ISNUMBER(${c.total}),ROUND(${c.total}*10000/${p},1),""),""),"")`,
    status: `=IF(ISNUMBER(${c.gap}),IF(${c.gap}>0,"不足","达标"),"")`,
  };
}

/**
 * The 隔离天数 formula of one 返乡人员 row.
 *
 * @example
 * stayDaysFormula("E3")
 * //=> '=IF(OR(TRIM(E3)="高风险",TRIM(E3)="高风险地区",TRIM(E3)="中风险",TRIM(E3)="中风险地区"),高中风险地区隔离天数,IF(OR(TRIM(E3)="其他涉疫地区"),其他涉疫地区隔离天数,IF(OR(TRIM(E3)="低风险",TRIM(E3)="低风险地区"),0,"")))'
 */
export function stayDaysFormula(risk: string): string {
  const any = (spellings: readonly string[]) =>
    `OR(${spellings.map((s) => `TRIM(${risk})="${s}"`).join(",")})`;
  const high = [...RISK_SPELLINGS.高风险, ...RISK_SPELLINGS.中风险];
  return (
    `=IF(${any(high)},${HIGH_STAY_NAME},` +
    `IF(${any(RISK_SPELLINGS.其他涉疫地区)},${OTHER_STAY_NAME},` +
    `IF(${any(RISK_SPELLINGS.低风险)},0,"")))`
  );
}

/**
 * The risk level the 隔离天数 formula recognises in a raw cell, or null when
 * it shows "" (TRIM removes spaces only at the ends and doubles inside).
 *
 * @example
 * formulaRisk(" 高风险地区") //=> "高风险"
 * formulaRisk("高 风险")    //=> null
 */
export function formulaRisk(raw: CellValue | undefined): RiskLevel | null {
  if (typeof raw !== "string") return null;
  const text = excelTrim(raw);
  for (const [level, spellings] of Object.entries(RISK_SPELLINGS) as [
    RiskLevel,
    readonly string[],
  ][])
    if (spellings.includes(text)) return level;
  return null;
}

/**
 * The 解除隔离日期 formula of one 返乡人员 row. An arrival that is a date
 * serial is referenced; an arrival typed as text (which formulas cannot read
 * the same way in every program and locale) is written into the formula as
 * DATE(y,m,d), guarded by the text itself, so the cell empties rather than
 * shows a stale date when the text is edited.
 *
 * @example
 * releaseDateFormula("F3", "J3")
 * //=> '=IF(ISNUMBER(J3),IF(ISNUMBER(F3),IF(AND(F3>=1,F3<2958466),INT(F3)+J3,""),""),"")'
 * releaseDateFormula("F3", "J3", { text: "2022/1/9", date: 44570 })
 * //=> '=IF(ISNUMBER(J3),IF(F3="2022/1/9",DATE(2022,1,9)+J3,""),"")'
 */
export function releaseDateFormula(
  arrival: string,
  days: string,
  textDate?: { text: string; date: DateSerial }
): string {
  if (textDate) {
    const { year, month, day } = ymdFromSerial(textDate.date);
    const literal = textDate.text.replace(/"/g, '""');
    return `=IF(ISNUMBER(${days}),IF(${arrival}="${literal}",DATE(${year},${month},${day})+${days},""),"")`;
  }
  return `=IF(ISNUMBER(${days}),IF(ISNUMBER(${arrival}),IF(AND(${arrival}>=1,${arrival}<2958466),INT(${arrival})+${days},""),""),"")`;
}

/** True when a formula is one this module writes for that row's 解除隔离日期 (either form). */
export function isOwnReleaseFormula(formula: string, days: string): boolean {
  return formula.startsWith(`=IF(ISNUMBER(${days}),IF(`);
}

/**
 * Spreadsheet TRIM: removes spaces (U+0020 only) at both ends and reduces
 * runs of spaces inside to one.
 *
 * @example
 * excelTrim("  高  风险 ") //=> "高 风险"
 */
export function excelTrim(text: string): string {
  return text.replace(/ +/g, " ").replace(/^ | $/g, "");
}
