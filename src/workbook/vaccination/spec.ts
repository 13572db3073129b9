/**
 * The 接种进度 table (the clerk's daily vaccination figures) and the names of
 * the ranking sheets the add-in writes.
 */
import { chineseDate, type DateSerial } from "../../core/dates";
import { FIELD_LABEL, type ProgressField } from "../../core/vaccination/progress";
import type { ColumnSpec, TableSpec } from "../schema";

/** No township counts a billion people: a larger figure (1e308, a pasted ID) is a typo and would overflow the county totals. */
const COUNT_MAX = 1_000_000_000;

export const PROGRESS_SHEET = "接种进度";
/** The ranking of the latest date in 接种进度. */
export const RANKING_SHEET = "接种排名";

const COUNT_FORMAT = "#,##0";

function column(
  key: ProgressField,
  rest: Omit<ColumnSpec, "key" | "zh" | "en" | "role">
): ColumnSpec {
  return { key, zh: FIELD_LABEL[key].zh, en: FIELD_LABEL[key].en, role: "input", ...rest };
}

/** People (a first or second dose counts one person); 万人 converts × 10,000. */
const PEOPLE = {
  base: "人",
  accepts: ["剂次", "剂", "针", "针次", "人次"],
  tenThousand: true,
} as const;

export const PROGRESS_TABLE: TableSpec = {
  id: "vaccinationProgress",
  sheet: PROGRESS_SHEET,
  en: "Vaccination progress",
  title: "新冠疫苗接种进度表",
  labelColumns: ["county", "township"],
  note: "One row per date, township and age group, typed by the clerk each day. The add-in never writes here; 生成接种排名 reads it.",
  columns: [
    column("date", {
      aliases: ["统计日期", "填报日期", "接种日期", "Report date"],
      type: "date",
      required: true,
      numberFormat: "yyyy/m/d",
      note: "The day the figures are for. The ranking is for the latest date unless the clerk picks another.",
    }),
    column("county", {
      aliases: ["县区", "县(市、区)", "县(市区)", "区县", "县", "县市区", "County/District"],
      type: "text",
      note: "Optional parent. When present, townships rank within their county and counties against each other (全市第x位). A blank cell takes the county of the township's other rows (merged cells).",
    }),
    column("township", {
      aliases: [
        "乡镇(街道)",
        "乡镇街道",
        "乡镇名称",
        "乡(镇)",
        "乡镇(办)",
        "乡镇/街道",
        "街道",
        "单位名称",
        "填报单位",
        "接种单位",
      ],
      type: "text",
      required: true,
      note: "The unit ranked.",
    }),
    column("group", {
      aliases: ["人群分类", "接种人群", "年龄组", "年龄段", "接种对象", "Age group"],
      type: "text",
      required: true,
      note: "Free text; typically 18岁以上, 12-17岁, 3-11岁, 60岁以上. Each group is ranked separately.",
    }),
    column("target", {
      aliases: [
        "目标任务",
        "目标任务数",
        "任务数",
        "目标数",
        "目标人群数",
        "目标人群",
        "应种人数",
        "应种人数/合计",
        "目标人数/合计",
        "Target population",
      ],
      type: "number",
      unit: PEOPLE,
      min: 0,
      max: COUNT_MAX,
      numberFormat: COUNT_FORMAT,
      note: "The denominator of every rate. Blank or 0: the rate is undefined and the township is listed but not ranked.",
    }),
    column("first", {
      aliases: [
        "第一剂次累计",
        "第一针累计",
        "累计第一剂",
        "第一剂累计接种",
        "第一剂",
        "第一针",
        "累计/第一剂",
        "累计接种/第一剂",
        "First dose cumulative",
      ],
      type: "number",
      unit: PEOPLE,
      required: true,
      min: 0,
      max: COUNT_MAX,
      numberFormat: COUNT_FORMAT,
      note: "People given a first dose, cumulative. Must not fall from one date to the next.",
    }),
    column("full", {
      aliases: [
        "全程接种累计",
        "第二剂累计",
        "第二针累计",
        "累计全程",
        "第二剂",
        "第二针",
        "全程",
        "全程接种",
        "累计/第二剂",
        "累计接种/第二剂",
        "累计接种/全程",
        "Full course cumulative",
      ],
      type: "number",
      unit: PEOPLE,
      required: true,
      min: 0,
      max: COUNT_MAX,
      numberFormat: COUNT_FORMAT,
      note: "People who completed the course, cumulative. Not above 第一剂累计.",
    }),
    column("booster", {
      aliases: [
        "加强免疫累计",
        "加强剂累计",
        "累计加强针",
        "加强针累计接种",
        "加强针",
        "加强免疫",
        "累计/加强针",
        "累计接种/加强针",
        "Booster cumulative",
      ],
      type: "number",
      unit: PEOPLE,
      min: 0,
      max: COUNT_MAX,
      numberFormat: COUNT_FORMAT,
      note: "Boosters, cumulative; may be left blank for groups not offered boosters.",
    }),
    column("dayFirst", {
      aliases: [
        "当日第一针",
        "当日第一剂次",
        "当日新增第一剂",
        "当日/第一剂",
        "当日接种/第一剂",
        "当日新增/第一剂",
      ],
      type: "number",
      unit: PEOPLE,
      min: 0,
      max: COUNT_MAX,
      numberFormat: COUNT_FORMAT,
      note: "Optional. When absent (or blank) the day's first doses are the change in 第一剂累计 from the day before; when given, it must agree with that change.",
    }),
    column("dayFull", {
      aliases: [
        "当日第二剂",
        "当日第二针",
        "当日全程接种",
        "当日新增全程",
        "当日/第二剂",
        "当日接种/第二剂",
        "当日新增/第二剂",
        "当日/全程",
      ],
      type: "number",
      unit: PEOPLE,
      min: 0,
      max: COUNT_MAX,
      numberFormat: COUNT_FORMAT,
      note: "Optional, as 当日第一剂, for 全程累计.",
    }),
    column("dayBooster", {
      aliases: [
        "当日加强针",
        "当日加强免疫",
        "当日新增加强",
        "当日/加强针",
        "当日接种/加强针",
        "当日新增/加强针",
      ],
      type: "number",
      unit: PEOPLE,
      min: 0,
      max: COUNT_MAX,
      numberFormat: COUNT_FORMAT,
      note: "Optional, as 当日第一剂, for 加强针累计.",
    }),
  ],
};

/**
 * The sheet a ranking is written to: 接种排名 for the latest date in the
 * table, `接种排名_M月D日` for any other date, so an older ranking never
 * replaces the current one.
 *
 * @example
 * rankingSheetName(44581, 44581) //=> "接种排名"
 * rankingSheetName(44580, 44581) //=> "接种排名_1月19日"
 */
export function rankingSheetName(reportDate: DateSerial, latestDate: DateSerial): string {
  return reportDate === latestDate
    ? RANKING_SHEET
    : `${RANKING_SHEET}_${chineseDate(reportDate, false)}`;
}
