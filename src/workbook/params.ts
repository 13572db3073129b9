/**
 * The 参数 sheet: one named cell per norm, each with its default, unit and the
 * source of the default. Formulas written by the add-in refer to these names,
 * so a clerk who edits a norm sees every target follow.
 */
import type { Message } from "../core/issue";
import { cellAddress } from "./a1";
import { isBlank, readNumber, readText, readTime, type CellValue } from "./cells";
import { normalizeHeader } from "./headers";
import type { CellIssue } from "./issues";
import type { SheetSnapshot } from "./snapshot";
import type { TableSpec } from "./schema";

export const PARAMS_SHEET = "参数";

export type ParamKind = "days" | "number" | "percent" | "time" | "choice" | "text";

export interface ParamSpec {
  /** Key in code. */
  key: string;
  /** Label in the sheet, and the defined name of its value cell. */
  name: string;
  en: string;
  kind: ParamKind;
  default: number | string;
  /** Allowed values of a `choice`. */
  choices?: readonly string[];
  numberFormat?: string;
  unit: string;
  note: Message;
}

/** Every parameter, in the order of the 参数 sheet. ParamKey and Params derive from this list. */
export const PARAMS = [
  {
    key: "wartimeDays",
    name: "战时储备天数",
    en: "Wartime reserve days",
    kind: "days",
    default: 60,
    unit: "天",
    note: {
      zh: "县应急物资储备库按战时消耗储备两个月（县应急预案）",
      en: "The county emergency reserve stocks two months at wartime consumption (county emergency plan)",
    },
  },
  {
    key: "routineDays",
    name: "日常储备天数",
    en: "Routine reserve days",
    kind: "days",
    default: 30,
    unit: "天",
    note: {
      zh: "县直部门、乡镇、医疗机构按日常防护储备一个月（县应急预案）",
      en: "Departments, townships and clinics stock one month of routine protection (county emergency plan)",
    },
  },
  {
    key: "bedsPer10k",
    name: "每万人隔离床位标准",
    en: "Isolation beds per 10,000 residents",
    kind: "number",
    default: 20,
    unit: "张/万人",
    note: {
      zh: "集中隔离场所按每万人20张床位准备；部分省份后提高至40或60",
      en: "Centralized isolation: 20 beds per 10,000 residents; some provinces later raised it to 40 or 60",
    },
  },
  {
    key: "bedUnit",
    name: "隔离床位计量单位",
    en: "Isolation capacity unit",
    kind: "choice",
    default: "张",
    choices: ["张", "间"],
    unit: "",
    note: { zh: "按床位（张）或房间（间）计", en: "Count beds (张) or rooms (间)" },
  },
  {
    key: "highRiskStayDays",
    name: "高中风险地区隔离天数",
    en: "Stay for high/medium-risk areas",
    kind: "days",
    default: 14,
    unit: "天",
    note: {
      zh: "来自高、中风险地区人员集中隔离14天；第九版防控方案调整为“7+3”",
      en: "Returnees from high/medium-risk areas: 14 days; the 9th-edition protocol moved to 7 + 3",
    },
  },
  {
    key: "otherRiskStayDays",
    name: "其他涉疫地区隔离天数",
    en: "Stay for other affected areas",
    kind: "days",
    default: 7,
    unit: "天",
    note: { zh: "来自其他涉疫地区人员隔离7天", en: "Returnees from other affected areas: 7 days" },
  },
  {
    key: "forecastDays",
    name: "隔离需求预测天数",
    en: "Isolation forecast days",
    kind: "days",
    default: 21,
    unit: "天",
    note: {
      zh: "隔离需求预测向后推算的天数",
      en: "How many days ahead the isolation demand is projected",
    },
  },
  {
    key: "secondDoseIntervalDays",
    name: "第二剂接种间隔天数",
    en: "Second-dose interval",
    kind: "days",
    default: 21,
    unit: "天",
    note: {
      zh: "灭活疫苗两剂间隔3周起（国家免疫规划技术指南）",
      en: "Inactivated vaccines: second dose from 3 weeks after the first (national technical guide)",
    },
  },
  {
    key: "boosterIntervalDays",
    name: "加强针间隔天数",
    en: "Booster interval",
    kind: "days",
    default: 180,
    unit: "天",
    note: {
      zh: "完成全程接种满6个月后接种加强针",
      en: "Booster from 6 months after completing the full course",
    },
  },
  {
    key: "targetLine",
    name: "达标线",
    en: "Target line",
    kind: "percent",
    default: 1,
    numberFormat: "0%",
    unit: "",
    note: {
      zh: "完成率达到此值为“达标”（绿色）",
      en: "A rate at or above this is 达标 (met, green)",
    },
  },
  {
    key: "warningLine",
    name: "预警线",
    en: "Warning line",
    kind: "percent",
    default: 0.8,
    numberFormat: "0%",
    unit: "",
    note: {
      zh: "完成率低于达标线但达到此值为“预警”（黄色），低于此值为“不足”（红色）",
      en: "Below the target line but at or above this is 预警 (amber); below it is 不足 (red)",
    },
  },
  {
    key: "tieRule",
    name: "排名方式",
    en: "Tie rule",
    kind: "choice",
    default: "并列占位",
    choices: ["并列占位", "并列不占位"],
    unit: "",
    note: {
      zh: "并列占位：1,1,3（竞赛排名）；并列不占位：1,1,2（密集排名）",
      en: "并列占位: 1,1,3 (competition ranking); 并列不占位: 1,1,2 (dense ranking)",
    },
  },
  {
    key: "reportDeadline",
    name: "报送截止时间",
    en: "Daily report deadline",
    kind: "time",
    default: 10 / 24,
    numberFormat: "hh:mm",
    unit: "",
    note: {
      zh: "每日报告须在当日此时间前报送，晚于此时间为迟报（恰好此时为按时）",
      en: "Daily reports are due by this time on the day; later is late (exactly on time counts as on time)",
    },
  },
  {
    key: "burnRateWindowDays",
    name: "消耗统计回溯天数",
    en: "Burn-rate look-back days",
    kind: "days",
    default: 7,
    unit: "天",
    note: {
      zh: "按最近几天的库存日志计算平均日消耗（参照CDC PPE Burn Rate Calculator）",
      en: "Average daily use is taken over this many recent days of the stock log (after the CDC PPE Burn Rate Calculator)",
    },
  },
] as const satisfies readonly ParamSpec[];

/** The key of a parameter in code. */
export type ParamKey = (typeof PARAMS)[number]["key"];

type ParamValue<S> = S extends { kind: "choice"; choices: readonly (infer C)[] }
  ? C
  : S extends { kind: "text" }
    ? string
    : number;

/** The value of every parameter, typed by its kind (a choice is one of its choices). */
export type Params = { [S in (typeof PARAMS)[number] as S["key"]]: ParamValue<S> };

/** 排名方式's choices. */
export type TieRule = Params["tieRule"];

/** The 参数 sheet layout: title in row 1, header in row 2, one parameter a row from row 3. */
export const PARAMS_TABLE: TableSpec = {
  id: "params",
  sheet: PARAMS_SHEET,
  en: "Parameters",
  title: "防疫台账参数（可修改“值”列，其余列请勿改动）",
  columns: [
    { key: "name", zh: "参数", en: "Parameter", type: "text", role: "input", required: true },
    { key: "value", zh: "值", en: "Value", type: "text", role: "input" },
    { key: "unit", zh: "单位", en: "Unit", type: "text", role: "input" },
    { key: "note", zh: "说明", en: "Note", type: "text", role: "input" },
    { key: "default", zh: "默认值", en: "Default", type: "text", role: "input" },
  ],
};

export const PARAMS_HEADER_ROW = 2;
export const PARAM_VALUE_COLUMN = 2;

/** The defaults, as a Params record. */
export const DEFAULT_PARAMS: Params = Object.fromEntries(
  PARAMS.map((p) => [p.key, p.default])
) as Params;

/** A parameter found in the sheet: its value and the cell it sits in. */
export interface ParamCell {
  spec: ParamSpec;
  row: number;
  raw: CellValue;
}

/**
 * Reads the parameters from the 参数 sheet by their labels in column A (the
 * row order does not matter). A missing sheet or row gives the default; an
 * unreadable value gives the default and an issue naming the cell.
 *
 * @example
 * readParams(undefined).params.wartimeDays //=> 60
 */
export function readParams(sheet: SheetSnapshot | undefined): {
  params: Params;
  found: Map<ParamKey, ParamCell>;
  issues: CellIssue[];
} {
  const params: Params = { ...DEFAULT_PARAMS };
  const found = new Map<ParamKey, ParamCell>();
  const issues: CellIssue[] = [];
  if (!sheet) return { params, found, issues };
  const byName = new Map(PARAMS.map((p) => [normalizeHeader(p.name), p]));
  sheet.values.forEach((line, i) => {
    const spec = byName.get(normalizeHeader(line?.[0]));
    if (!spec || found.has(spec.key)) return;
    const raw = line[PARAM_VALUE_COLUMN - 1] ?? null;
    found.set(spec.key, { spec, row: i + 1, raw });
    const value = readParamValue(spec, raw);
    if (value.ok) {
      (params as Record<ParamKey, number | string>)[spec.key] = value.value;
    } else {
      issues.push({
        code: "badParameter",
        severity: "error",
        sheet: sheet.name,
        cell: cellAddress(i + 1, PARAM_VALUE_COLUMN),
        message: {
          zh: `参数“${spec.name}”的值“${String(raw ?? "")}”无效，已按默认值 ${formatDefault(spec)} 计算；${value.error.zh}`,
          en: `Parameter ${spec.en} has an invalid value "${String(raw ?? "")}"; the default ${formatDefault(spec)} was used. ${value.error.en}`,
        },
      });
    }
  });
  return { params, found, issues };
}

/**
 * Checks one parameter value.
 *
 * @example
 * readParamValue(PARAMS[0], 45) //=> { ok: true, value: 45 }
 * readParamValue(PARAMS[0], -1) //=> { ok: false, error: {...} }
 */
export function readParamValue(
  spec: ParamSpec,
  raw: CellValue
): { ok: true; value: number | string } | { ok: false; error: Message } {
  if (isBlank(raw)) return { ok: false, error: { zh: "值为空", en: "The value is blank" } };
  switch (spec.kind) {
    case "days": {
      const n = readNumber(raw);
      if (n.ok && n.value !== null && Number.isInteger(n.value) && n.value >= 0 && n.value <= 3650)
        return { ok: true, value: n.value };
      return {
        ok: false,
        error: {
          zh: "请填写 0 至 3650 的整数天数",
          en: "Use a whole number of days from 0 to 3650",
        },
      };
    }
    case "number": {
      const n = readNumber(raw);
      if (n.ok && n.value !== null && n.value > 0) return { ok: true, value: n.value };
      return { ok: false, error: { zh: "请填写大于 0 的数字", en: "Use a number above 0" } };
    }
    case "percent": {
      const n = readNumber(raw);
      if (n.ok && n.value !== null && n.value >= 0 && n.value <= 10)
        return { ok: true, value: n.value };
      return {
        ok: false,
        error: { zh: "请填写百分比，如 80%", en: "Use a percentage such as 80%" },
      };
    }
    case "time": {
      const t = readTime(raw);
      if (t.ok && t.value !== null) return { ok: true, value: t.value };
      return { ok: false, error: { zh: "请填写时间，如 10:00", en: "Use a time such as 10:00" } };
    }
    case "choice": {
      const text = readText(raw);
      const hit = spec.choices?.find((c) => c === text);
      if (hit) return { ok: true, value: hit };
      return {
        ok: false,
        error: {
          zh: `请填写：${spec.choices?.join("、")}`,
          en: `Use one of: ${spec.choices?.join(", ")}`,
        },
      };
    }
    case "text": {
      const text = readText(raw);
      return text
        ? { ok: true, value: text }
        : { ok: false, error: { zh: "值为空", en: "The value is blank" } };
    }
  }
}

/**
 * The default as a person would type it.
 *
 * @example
 * formatDefault(PARAMS.find(p => p.key === "reportDeadline")) //=> "10:00"
 */
export function formatDefault(spec: ParamSpec): string {
  if (spec.kind === "percent") return `${Math.round(Number(spec.default) * 100)}%`;
  if (spec.kind === "time") {
    const minutes = Math.round(Number(spec.default) * 24 * 60);
    return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;
  }
  return String(spec.default);
}

/** The spec of a parameter by key. */
export function paramSpec(key: ParamKey): ParamSpec {
  return PARAMS.find((p) => p.key === key) as ParamSpec;
}
