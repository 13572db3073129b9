/**
 * The daily-reporting sheets: 填报单位 (who must report) and 报送记录 (one row
 * per report received). The stockpile import appends rows to 报送记录 through
 * records.ts, so the column order below is shared.
 */
import { UNIT_CATEGORIES } from "../../core/reporting/categories";
import type { TableSpec } from "../schema";

export const ROSTER_SHEET = "填报单位";
export const RECORDS_SHEET = "报送记录";
/** The leader sheet written by 生成报送情况. */
export const REPORT_STATUS_SHEET = "报送情况";

const UNIT_ALIASES = ["单位名称", "填报单位", "报送单位", "Unit name", "Reporting unit"];

/** 是/否 spellings clerks use. */
const YES_NO: Readonly<Record<string, string>> = {
  是: "是",
  否: "否",
  需要: "是",
  不需要: "否",
  需: "是",
  不需: "否",
  Y: "是",
  y: "是",
  N: "否",
  n: "否",
  yes: "是",
  Yes: "是",
  YES: "是",
  no: "否",
  No: "否",
  NO: "否",
};

/** 填报单位: the roster. */
export const ROSTER_SPEC: TableSpec = {
  id: "reportingUnits",
  sheet: ROSTER_SHEET,
  en: "Reporting units",
  title: "日报告填报单位名单（“是否需每日报送”填是或否，空白按“是”）",
  note: "每个须报送日报告的单位一行。单位名称须与“报送记录”中的写法一致（空格、全角半角不计）。",
  columns: [
    {
      key: "unit",
      zh: "单位",
      en: "Unit",
      aliases: UNIT_ALIASES,
      type: "text",
      role: "input",
      required: true,
      note: "单位全称，如 县交通运输局、城关镇；名单内不可重复（重复行被忽略并提示）",
    },
    {
      key: "category",
      zh: "单位类别",
      en: "Category",
      aliases: ["类别", "单位类型", "Unit category", "Unit type"],
      type: "enum",
      values: UNIT_CATEGORIES,
      valueAliases: {
        储备库: "县应急物资储备库",
        应急物资储备库: "县应急物资储备库",
        县直单位: "县直部门",
        部门: "县直部门",
        乡: "乡镇",
        镇: "乡镇",
        街道: "乡镇",
        "乡镇(街道)": "乡镇",
        医院: "医疗机构",
        卫生院: "医疗机构",
      },
      role: "input",
      required: true,
      note: "县应急物资储备库、县直部门、乡镇、医疗机构（与“物资储备”相同）；报告率按类别分列",
    },
    {
      key: "parent",
      zh: "上级",
      en: "Parent",
      aliases: ["上级单位", "主管单位", "主管部门", "Parent unit"],
      type: "text",
      role: "input",
      note: "可选，如主管部门或所属县；显示在“报送情况”中",
    },
    {
      key: "contact",
      zh: "联系人",
      en: "Contact",
      aliases: ["联系人姓名", "Contact person"],
      type: "text",
      role: "input",
      note: "报送联系人姓名",
    },
    {
      key: "phone",
      zh: "联系电话",
      en: "Phone",
      aliases: ["电话", "手机", "手机号", "手机号码", "联系方式", "Telephone", "Mobile"],
      type: "text",
      role: "input",
      numberFormat: "@",
      note: "联系人电话；“报送情况”中按 138****5678 方式遮盖",
    },
    {
      key: "daily",
      zh: "是否需每日报送",
      en: "Reports daily",
      aliases: ["是否每日报送", "需每日报送", "每日报送", "Daily", "Must report daily"],
      type: "enum",
      values: ["是", "否"],
      valueAliases: YES_NO,
      role: "input",
      note: "是或否，空白按“是”；“否”的单位单列，不计入应报数和报告率",
    },
    {
      key: "startDate",
      zh: "起报日期",
      en: "Reporting from",
      aliases: ["开始报送日期", "起始日期", "Start date"],
      type: "date",
      role: "input",
      numberFormat: "yyyy-mm-dd",
      note: "可选：该单位开始每日报送的日期；此前不计应报，也不计入连续未报天数",
    },
  ],
};

/** 报告类型 spellings clerks use. */
const REPORT_KINDS: Readonly<Record<string, string>> = {
  正常: "正常",
  正常报告: "正常",
  常规: "正常",
  日报: "正常",
  零报告: "零报告",
  零报: "零报告",
  零: "零报告",
  "0": "零报告",
  normal: "正常",
  Normal: "正常",
  zero: "零报告",
  Zero: "零报告",
};

/** 报送记录: one row per report received. */
export const RECORDS_SPEC: TableSpec = {
  id: "reportRecords",
  sheet: RECORDS_SHEET,
  en: "Report log",
  title: "日报告报送记录（每收到一份报告登记一行；当日无情况也须报“零报告”）",
  note: "每收到一份日报告登记一行；导入填报模板时自动追加一行。同一单位同一日期多行时，以报送时间最早的一行判断是否按时。",
  columns: [
    {
      key: "date",
      zh: "日期",
      en: "Date",
      aliases: ["报告日期", "报送日期", "Report date"],
      type: "date",
      role: "input",
      required: true,
      numberFormat: "yyyy-mm-dd",
      note: "报告所属的日期（报的是哪一天）",
    },
    {
      key: "unit",
      zh: "单位",
      en: "Unit",
      aliases: UNIT_ALIASES,
      type: "text",
      role: "input",
      required: true,
      note: "须与“填报单位”名单中的名称一致，否则该条不计入并提示",
    },
    {
      key: "time",
      zh: "报送时间",
      en: "Received at",
      aliases: ["接收时间", "上报时间", "收到时间", "Time received", "Received"],
      type: "datetime",
      role: "input",
      required: true,
      numberFormat: "yyyy-mm-dd hh:mm",
      note: "收到报告的日期和时间，如 2022/1/20 9:30；只写时间（9:30）时按“日期”当天计。晚于当日报送截止时间（参数，默认10:00）为迟报，恰好截止时间为按时；无法识别的时间仍计为已报，但不计入按时",
    },
    {
      key: "type",
      zh: "报告类型",
      en: "Report type",
      aliases: ["类型", "Type"],
      type: "enum",
      values: ["正常", "零报告"],
      valueAliases: REPORT_KINDS,
      role: "input",
      note: "正常或零报告，空白按“正常”；零报告计入已报。零报告的备注中出现“数字+量词”（如 新增2例）或其他列填有非零数字时提示核实",
    },
    {
      key: "note",
      zh: "备注",
      en: "Note",
      aliases: ["说明", "Remarks", "Notes"],
      type: "text",
      role: "input",
      note: "说明；导入填报模板时写“导入填报：文件名”",
    },
  ],
};
