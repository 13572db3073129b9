/**
 * Sample daily-reporting sheets for the fictional county: a roster of 36
 * units (35 must report daily; 县档案馆 does not) and ten days of reports up to
 * SAMPLE_REPORT_DATE. On the report date three units have not reported
 * (县交通运输局 for 3 days in a row, 马场乡 for 2, 白云乡 for 1), two reported
 * late, 红旗镇 reported exactly at the 10:00 deadline (on time), five sent zero
 * reports, and 城关镇 reported twice (the earliest counts).
 */
import type { CellValue } from "../cells";
import { RECORDS_SPEC, ROSTER_SPEC } from "./specs";
import { SAMPLE_REPORT_DATE, SAMPLE_TOWNSHIPS, seededRandom } from "../sample/county";

interface SampleUnit {
  name: string;
  category: string;
  parent: string;
  daily: "是" | "否";
}

const DEPARTMENTS = [
  "县卫健局",
  "县交通运输局",
  "县教育局",
  "县公安局",
  "县市场监管局",
  "县商务局",
  "县民政局",
  "县文化旅游局",
  "县住建局",
  "县农业农村局",
  "县城管局",
  "县人社局",
];

const CLINICS = ["县人民医院", "县中医院", "县疾控中心", "县妇幼保健院"];

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
const GIVEN = ["建国", "丽", "伟", "芳", "军", "静", "磊", "敏", "强", "燕", "海涛", "晓红"];

/** Days of records: the report date and the nine days before it. */
const DAYS = 10;

/** Who is missing on which day (days before the report date). */
const MISSING: Readonly<Record<string, number>> = { 县交通运输局: 3, 马场乡: 2, 白云乡: 1 };

/** Reports on the report date whose time is set, in minutes after midnight. */
const REPORT_DAY_TIMES: Readonly<Record<string, number>> = {
  县商务局: 10 * 60 + 25,
  青石镇: 11 * 60 + 40,
  红旗镇: 10 * 60,
  城关镇: 8 * 60 + 45,
};

const REPORT_DAY_ZERO = ["县民政局", "县住建局", "县农业农村局", "石桥乡", "望江乡"];

/**
 * The roster units in sheet order.
 *
 * @example
 * sampleUnits().length //=> 36
 */
export function sampleUnits(): SampleUnit[] {
  return [
    { name: "县应急物资储备库", category: "县应急物资储备库", parent: "县应急管理局", daily: "是" },
    ...DEPARTMENTS.map((name) => ({
      name,
      category: "县直部门",
      parent: "县人民政府",
      daily: "是" as const,
    })),
    ...SAMPLE_TOWNSHIPS.map((t) => ({
      name: t.township,
      category: "乡镇",
      parent: t.county,
      daily: "是" as const,
    })),
    ...CLINICS.map((name) => ({
      name,
      category: "医疗机构",
      parent: "县卫健局",
      daily: "是" as const,
    })),
    { name: "县档案馆", category: "县直部门", parent: "县人民政府", daily: "否" },
  ];
}

/**
 * The 填报单位 and 报送记录 sample sheets (title row, header row, data).
 *
 * @example
 * sampleReportingSheets().map((s) => s.name) //=> ["填报单位", "报送记录"]
 */
export function sampleReportingSheets(): { name: string; values: CellValue[][] }[] {
  return [rosterSheet(), recordsSheet()];
}

function rosterSheet(): { name: string; values: CellValue[][] } {
  const rand = seededRandom(6);
  const rows: CellValue[][] = sampleUnits().map((u) => {
    const contact =
      SURNAMES[Math.floor(rand() * SURNAMES.length)] + GIVEN[Math.floor(rand() * GIVEN.length)];
    const phone = `139${String(Math.floor(rand() * 1e8)).padStart(8, "0")}`;
    return [u.name, u.category, u.parent, contact, phone, u.daily];
  });
  return {
    name: ROSTER_SPEC.sheet,
    values: [
      [ROSTER_SPEC.title ?? ROSTER_SPEC.sheet],
      ["单位", "单位类别", "上级", "联系人", "联系电话", "是否需每日报送"],
      ...rows,
    ],
  };
}

function recordsSheet(): { name: string; values: CellValue[][] } {
  const rand = seededRandom(60);
  const units = sampleUnits().filter((u) => u.daily === "是");
  const rows: { day: number; minutes: number; line: CellValue[] }[] = [];
  for (let d = DAYS - 1; d >= 0; d--) {
    const day = SAMPLE_REPORT_DATE - d;
    for (const u of units) {
      const missingDays = MISSING[u.name] ?? 0;
      const onReportDay = d === 0;
      if (d < missingDays) continue;
      if (!onReportDay && missingDays === 0 && d > 2 && rand() < 0.03) continue;
      const late = rand() < 0.06;
      let minutes = late
        ? 10 * 60 + 1 + Math.floor(rand() * 119)
        : 7 * 60 + 30 + Math.floor(rand() * 149);
      let zero = rand() < 0.15;
      if (onReportDay) {
        minutes = REPORT_DAY_TIMES[u.name] ?? 7 * 60 + 30 + Math.floor(rand() * 149);
        zero = REPORT_DAY_ZERO.includes(u.name);
      }
      rows.push({ day, minutes, line: recordLine(day, u.name, minutes, zero, null) });
    }
  }
  rows.push({
    day: SAMPLE_REPORT_DATE,
    minutes: 9 * 60 + 50,
    line: recordLine(SAMPLE_REPORT_DATE, "城关镇", 9 * 60 + 50, false, "更正后重报"),
  });
  rows.sort((a, b) => a.day - b.day || a.minutes - b.minutes);
  return {
    name: RECORDS_SPEC.sheet,
    values: [
      [RECORDS_SPEC.title ?? RECORDS_SPEC.sheet],
      RECORDS_SPEC.columns.map((c) => c.zh),
      ...rows.map((r) => r.line),
    ],
  };
}

function recordLine(
  day: number,
  unit: string,
  minutes: number,
  zero: boolean,
  note: string | null
): CellValue[] {
  return [
    day,
    unit,
    day + minutes / 1440,
    zero ? "零报告" : "正常",
    zero ? "今日无新增情况" : note,
  ];
}
