/**
 * Reading 返乡人员: each row's stay and release date as its formulas show
 * them, the stays the forecast projects, and every problem as a cell issue
 * (ID numbers checked against GB 11643-1999 and for repeats; unknown risk
 * levels; unreadable arrival dates; townships absent from 隔离床位).
 */
import type { DateSerial } from "../../core/dates";
import { releaseDate } from "../../core/isolation/releaseDate";
import { stayDays, type RiskLevel, type StayOptions } from "../../core/isolation/stayDays";
import type { Stay } from "../../core/isolation/demandForecast";
import { checkIdNumber } from "../../core/privacy/idNumber";
import { cellAddress, sheetRef } from "../a1";
import { readText, type CellValue } from "../cells";
import type { CellIssue } from "../issues";
import { parseTable, type ParsedTable } from "../parse";
import type { SheetSnapshot } from "../snapshot";
import { uniqueByCell } from "./beds";
import { formulaRisk } from "./formulas";
import { maskPersonalMessage, maskPersonalText } from "./privacy";
import { RETURNEES_TABLE } from "./specs";

/** One 返乡人员 row as the add-in computed it. No name, ID or phone is kept here. */
export interface ReturneeRow {
  row: number;
  township: string | null;
  /** The risk level as read (lenient), used by the forecast. */
  risk: RiskLevel | null;
  /** The stay the 隔离天数 formula shows; null when it shows "". */
  formulaDays: number | null;
  arrival: DateSerial | null;
  /** Set when the arrival was typed as text that reads as a date: the text and its date. */
  textDate?: { text: string; date: DateSerial };
  /** The date the 解除隔离日期 formula shows; null when it shows "". */
  release: DateSerial | null;
  method: "集中" | "居家" | null;
  /** True when the row is projected in the forecast (centralized, with a risk level and an arrival). */
  projected: boolean;
}

export interface ReturneeTable {
  sheet: SheetSnapshot;
  parsed: ParsedTable;
  rows: ReturneeRow[];
  /** The stays the forecast projects (only rows with a township, risk level, arrival and method). */
  stays: Stay[];
  issues: CellIssue[];
}

export interface ReadReturneesOptions extends StayOptions {
  /** Townships of 隔离床位; null when that sheet is missing (then no per-row township check). */
  townships: ReadonlySet<string> | null;
  /** Birth dates after this day are invalid. */
  today: DateSerial;
}

/**
 * Reads 返乡人员.
 *
 * @example
 * readReturnees(sheet, { highRiskStayDays: 14, otherRiskStayDays: 7, townships: new Set(["马场乡"]), today: 44581 }).rows[0]
 * //=> { row: 3, township: "马场乡", risk: "高风险", formulaDays: 14, arrival: 44579, release: 44593, method: "集中", projected: true }
 */
export function readReturnees(sheet: SheetSnapshot, options: ReadReturneesOptions): ReturneeTable {
  const parsed = parseTable(RETURNEES_TABLE, sheet.values, {
    sheet: sheet.name,
    formulas: sheet.formulas,
  });
  const issues: CellIssue[] = [...parsed.issues];
  const header = parsed.header;
  if (!header) return { sheet, parsed, rows: [], stays: [], issues: masked(issues) };
  const colOf = (key: string) => header.columns.get(key);
  const raw = (row: number, key: string): CellValue | undefined => {
    const c = colOf(key);
    return c === undefined ? undefined : sheet.values[row - 1]?.[c - 1];
  };
  const at = (row: number, key: string) => cellAddress(row, colOf(key) ?? 1);
  const push = (
    code: string,
    row: number,
    key: string,
    zh: string,
    en: string,
    related?: string[]
  ) =>
    issues.push({
      code,
      severity: "error",
      sheet: sheet.name,
      cell: at(row, key),
      message: { zh, en },
      ...(related ? { related } : {}),
    });

  const firstOfId = new Map<string, number>();
  const rows: ReturneeRow[] = [];
  const stays: Stay[] = [];
  for (const p of parsed.rows) {
    if (colOf("idNumber") !== undefined) checkId(p.row);
    // A row pasted one column off can put an ID number or phone here, which is echoed on the leader sheet.
    const typedTownship = readText(p.values.township);
    const township = typedTownship === null ? null : maskPersonalText(typedTownship);
    const risk = (p.values.risk as RiskLevel | null) ?? null;
    const riskRaw = raw(p.row, "risk");
    const formulaLevel = formulaRisk(riskRaw);
    if (risk !== null && formulaLevel === null)
      push(
        "riskSpelling",
        p.row,
        "risk",
        `来源地风险等级“${String(riskRaw)}”请写成标准写法：${RETURNEES_TABLE.columns.find((c) => c.key === "risk")?.values?.join("、")}（不要在中间加空格），否则隔离天数公式无法识别`,
        `Write the risk level "${String(riskRaw)}" exactly as 高风险, 中风险, 其他涉疫地区 or 低风险 (no spaces inside), or the 隔离天数 formula cannot read it`
      );
    const formulaDays = formulaLevel === null ? null : stayDays(formulaLevel, options);
    const arrival = typeof p.values.arrival === "number" ? p.values.arrival : null;
    const arrivalRaw = raw(p.row, "arrival");
    const textDate =
      typeof arrivalRaw === "string" && arrival !== null
        ? { text: arrivalRaw, date: arrival }
        : undefined;
    const release =
      formulaDays === null
        ? null
        : textDate
          ? releaseDate(textDate.date, formulaDays)
          : typeof arrivalRaw === "number" && arrivalRaw >= 1 && arrivalRaw < 2_958_466
            ? releaseDate(arrivalRaw, formulaDays)
            : null;
    const method = (p.values.method as "集中" | "居家" | null) ?? null;
    if (method === null && risk !== null && risk !== "低风险" && colOf("method") !== undefined) {
      const rawMethod = raw(p.row, "method");
      if (rawMethod === null || rawMethod === undefined || String(rawMethod).trim() === "")
        push(
          "methodMissing",
          p.row,
          "method",
          "来自风险地区的人员须填写隔离方式：集中 或 居家；未填的不计入集中隔离需求",
          "Returnees from risk areas need an isolation method, 集中 or 居家; without it they are left out of the centralized demand"
        );
    }
    if (
      typedTownship !== null &&
      options.townships !== null &&
      !options.townships.has(typedTownship)
    )
      push(
        "townshipNotInBeds",
        p.row,
        "township",
        `乡镇“${township}”不在“隔离床位”表中，无法对比床位；请核对名称，或在“隔离床位”中补充该乡镇`,
        `Township ${township} is not in 隔离床位, so its demand cannot be compared with beds; check the name or add the township to 隔离床位`
      );
    const projected = township !== null && risk !== null && arrival !== null && method !== null;
    if (projected)
      stays.push({
        township: township as string,
        arrival: arrival as number,
        days: stayDays(risk as RiskLevel, options),
        centralized: method === "集中",
      });
    rows.push({
      row: p.row,
      township,
      risk,
      formulaDays,
      arrival,
      ...(textDate ? { textDate } : {}),
      release,
      method,
      projected: projected && method === "集中",
    });
  }
  return { sheet, parsed, rows, stays, issues: masked(uniqueByCell(issues)) };

  function checkId(row: number): void {
    const value = raw(row, "idNumber");
    if (typeof value === "number") {
      push(
        "idStoredAsNumber",
        row,
        "idNumber",
        "身份证号被存成了数字，末几位可能已丢失；请把该列设为“文本”格式后重新输入",
        "The ID number is stored as a number and its last digits may be lost; format the column as Text and type it again"
      );
      return;
    }
    const text = readText(value) ?? "";
    const check = checkIdNumber(text, { today: options.today });
    if (!check.ok) push("idInvalid", row, "idNumber", check.message.zh, check.message.en);
    const key = check.ok ? check.id : text.replace(/\s/g, "").toUpperCase();
    if (key === "") return;
    const first = firstOfId.get(key);
    if (first === undefined) firstOfId.set(key, row);
    else
      issues.push({
        code: "duplicateId",
        severity: "error",
        sheet: sheet.name,
        cell: at(row, "idNumber"),
        message: {
          zh: `身份证号与第${first}行重复，请核实是否重复登记或录错；两行均计入需求`,
          en: `This ID number repeats row ${first}; check for a double registration or a typo. Both rows are counted`,
        },
        related: [sheetRef(sheet.name, at(first, "idNumber"))],
      });
  }
}

/** Issues whose messages echo cell text, with any ID number or phone inside masked. */
function masked(issues: readonly CellIssue[]): CellIssue[] {
  return issues.map((i) => {
    const message = maskPersonalMessage(i.message);
    return message === i.message ? i : { ...i, message };
  });
}
