/**
 * The layout of the 报送情况 leader sheet: dated title, the one-line summary,
 * the units (未报 first, then 迟报, then the rest) with contacts and masked
 * phones, the rates per category, and the units not counted.
 */
import { chineseDate } from "../../core/dates";
import type { Message } from "../../core/issue";
import { maskIdNumber, maskName, maskPhone } from "../../core/privacy/mask";
import type {
  DailyReportingStatus,
  ExcludedUnit,
  ReportTally,
  UnitReportStatus,
} from "../../core/reporting/dailyReportingStatus";
import type { Lang } from "../command";
import {
  leaderBlock,
  leaderSheetOps,
  type LeaderColumn,
  type LeaderSheetLayout,
  type RowAt,
} from "../leaderSheet";
import type { CellWrite, ConditionalRule, WriteOp } from "../plan";
import {
  BAD_FILL,
  BAD_FONT,
  COUNT_FORMAT,
  DATE_TIME_FORMAT,
  GOOD_FILL,
  GOOD_FONT,
  PERCENT_FORMAT,
  WARN_FILL,
  WARN_FONT,
} from "../styles";
import { REPORT_STATUS_SHEET } from "./specs";

/** The units table's header, in sheet order. */
export const UNIT_HEADERS = [
  "序号",
  "单位",
  "单位类别",
  "上级",
  "报送情况",
  "报送时间",
  "是否按时",
  "连续未报天数",
  "联系人",
  "联系电话",
] as const;

/** The rates table sits under the units, from column A. */
export const RATE_HEADERS = [
  "单位类别",
  "报告率",
  "及时率",
  "应报",
  "已报",
  "其中零报告",
  "未报",
  "迟报",
  "按时",
] as const;

/** The chart of 报告率 and 及时率 by category; a re-run replaces it. */
export const STATUS_CHART_NAME = "报送情况_报告率";

export interface StatusSheetInput {
  status: DailyReportingStatus;
  /** The units in leader order (leaderOrder). */
  ordered: readonly UnitReportStatus[];
  summary: Message;
  /** 达标线 and 预警线, for the colours of the rates. */
  targetLine: number;
  warningLine: number;
  lang: Lang;
}

/** Where the parts of the sheet landed, for tests and the task pane. */
export interface StatusSheetLayout {
  firstUnitRow: number;
  lastUnitRow: number;
  rateHeaderRow: number;
  totalRow: number;
  noteRow: number;
  /** The header row of the not-counted units, or undefined when there are none. */
  excludedHeaderRow?: number;
  sheetLayout: LeaderSheetLayout;
}

type RateLine = { tally: ReportTally; total: boolean; from: number; to: number };

/**
 * Returns the ops that write 报送情况 from scratch (ensureSheet, clearSheet,
 * blocks, styles, conditional colours, chart, page setup) and where each part
 * landed. Contacts are masked: a name keeps its family name, and a phone or ID
 * number typed anywhere in 联系人, 上级 or 联系电话 keeps only its ends; the
 * full number stays in 填报单位 and the task pane's 未报 list.
 *
 * @example
 * statusSheetOps({ status, ordered, summary, targetLine: 1, warningLine: 0.8, lang: "zh" }).ops[0]
 * //=> { kind: "ensureSheet", sheet: "报送情况" }
 */
export function statusSheetOps(input: StatusSheetInput): {
  ops: WriteOp[];
  layout: StatusSheetLayout;
} {
  const { status, ordered, summary } = input;
  const summaryText = input.lang === "zh" ? summary.zh : `${summary.zh}\n${summary.en}`;
  const good = { fill: GOOD_FILL, fontColor: GOOD_FONT };
  const warn = { fill: WARN_FILL, fontColor: WARN_FONT };
  const bad = { fill: BAD_FILL, fontColor: BAD_FONT };

  const unitColumns: LeaderColumn<UnitReportStatus>[] = [
    {
      header: "序号",
      width: 36,
      numberFormat: "0",
      align: "Center",
      cell: (u) => ordered.indexOf(u) + 1,
    },
    { header: "单位", width: 130, cell: (u) => u.unit.name },
    { header: "单位类别", width: 80, cell: (u) => u.unit.category ?? null },
    { header: "上级", width: 90, cell: (u) => (u.unit.parent ? maskNumbers(u.unit.parent) : null) },
    { key: "state", header: "报送情况", width: 60, align: "Center", cell: (u) => u.state },
    {
      header: "报送时间",
      width: 90,
      numberFormat: DATE_TIME_FORMAT,
      align: "Center",
      cell: (u) => u.receivedAt,
    },
    {
      key: "timeliness",
      header: "是否按时",
      width: 60,
      align: "Center",
      cell: (u) => u.timeliness,
    },
    {
      header: "连续未报天数",
      width: 60,
      numberFormat: '0"天"',
      align: "Center",
      cell: (u) => u.consecutiveMissing,
    },
    {
      header: "联系人",
      width: 80,
      align: "Center",
      cell: (u) => (u.unit.contact ? maskContact(u.unit.contact) : null),
    },
    {
      header: "联系电话",
      width: 100,
      numberFormat: "@",
      align: "Center",
      cell: (u) => (u.unit.phone ? maskPhone(u.unit.phone) : null),
    },
  ];

  const categories = status.byCategory;
  const rateLines: RateLine[] = [
    ...categories.map((tally) => ({ tally, total: false, from: 0, to: 0 })),
    { tally: status.overall, total: true, from: 0, to: Math.max(0, categories.length - 1) },
  ];
  const count = (key: keyof ReportTally & string, header: string): LeaderColumn<RateLine> => ({
    key,
    header,
    width: key === "zero" ? 70 : 56,
    numberFormat: COUNT_FORMAT,
    cell: (l, at) =>
      l.total && categories.length > 0
        ? { formula: `=SUM(${at.range(key, l.from, l.to)})`, value: l.tally[key] as number }
        : (l.tally[key] as number),
  });
  const rate = (key: "reportRate" | "timelyRate", header: string, countKey: string) => ({
    key,
    header,
    width: 70,
    numberFormat: PERCENT_FORMAT,
    cell: (l: RateLine, at: RowAt): CellWrite => ({
      formula: rateFormula(at.col(countKey), at.row, at.col("expected")),
      value: l.tally[key] ?? "",
    }),
  });
  const rateColumns: LeaderColumn<RateLine>[] = [
    {
      header: "单位类别",
      width: 130,
      cell: (l) => (l.total ? "合计" : l.tally.category),
    },
    rate("reportRate", "报告率", "reported"),
    rate("timelyRate", "及时率", "onTime"),
    count("expected", "应报"),
    count("reported", "已报"),
    count("zero", "其中零报告"),
    count("missing", "未报"),
    count("late", "迟报"),
    count("onTime", "按时"),
  ];
  // The good rule comes first so a rate exactly at 达标线 is green, not amber (Between includes both ends).
  const rateRules: ConditionalRule[] = [
    {
      type: "cellValue",
      operator: "GreaterThanOrEqual",
      formula1: String(input.targetLine),
      ...good,
    },
    {
      type: "cellValue",
      operator: "Between",
      formula1: String(input.warningLine),
      formula2: String(input.targetLine),
      ...warn,
    },
    { type: "cellValue", operator: "LessThan", formula1: String(input.warningLine), ...bad },
  ];
  const blocks = [
    leaderBlock<UnitReportStatus>({
      columns: unitColumns,
      rows: ordered,
      empty: "填报单位名单中暂无需报送的单位",
      conditional: [
        {
          keys: ["state"],
          rules: [
            { type: "textEquals", text: "未报", ...bad },
            { type: "textEquals", text: "已报", ...good },
            { type: "textEquals", text: "零报告", ...good },
          ],
        },
        {
          keys: ["timeliness"],
          rules: [
            { type: "textEquals", text: "迟报", ...warn },
            { type: "textEquals", text: "时间不明", ...warn },
            { type: "textEquals", text: "按时", ...good },
          ],
        },
      ],
    }),
    leaderBlock<RateLine>({
      caption: "各类单位报告率、及时率",
      columns: rateColumns,
      rows: rateLines,
      rowStyle: (l) => (l.total ? { bold: true } : undefined),
      conditional: [{ keys: ["reportRate", "timelyRate"], rules: rateRules }],
      notes: [rateNote(status.deadline)],
      chart: {
        name: STATUS_CHART_NAME,
        title: "各类单位报告率、及时率",
        type: "barClustered",
        categoryHeader: "单位类别",
        include: (l) => !l.total,
        category: (l) => l.tally.category,
        series: [
          {
            header: "报告率",
            numberFormat: PERCENT_FORMAT,
            value: (l, at) => ({
              formula: `=${at.ref("reportRate")}`,
              value: l.tally.reportRate ?? "",
            }),
          },
          {
            header: "及时率",
            numberFormat: PERCENT_FORMAT,
            value: (l, at) => ({
              formula: `=${at.ref("timelyRate")}`,
              value: l.tally.timelyRate ?? "",
            }),
          },
        ],
      },
    }),
    ...(status.excluded.length > 0
      ? [
          leaderBlock<ExcludedUnit>({
            caption: "不需每日报送或未到起报日期的单位（不计入应报数）",
            columns: [
              { header: "单位", width: 130, cell: (x) => x.unit.name },
              { header: "单位类别", width: 80, cell: (x) => x.unit.category ?? null },
              { header: "说明", width: 90, wrap: true, cell: (x) => excludedWhy(x) },
            ],
            rows: status.excluded,
          }),
        ]
      : []),
  ];
  const built = leaderSheetOps({
    sheet: REPORT_STATUS_SHEET,
    title: statusTitle(status.reportDate),
    summary: [summaryText],
    blocks,
    asOf: `截至${chineseDate(status.reportDate)}`,
  });
  const [units, rates, excluded] = built.layout.blocks;
  const firstUnitRow = units.rows[0] ?? units.firstRow;
  return {
    ops: built.ops,
    layout: {
      firstUnitRow,
      lastUnitRow: units.rows[units.rows.length - 1] ?? units.headerRow,
      rateHeaderRow: rates.headerRow,
      totalRow: rates.rows[rates.rows.length - 1],
      noteRow: rates.noteRows[0],
      ...(excluded ? { excludedHeaderRow: excluded.headerRow } : {}),
      sheetLayout: built.layout,
    },
  };
}

/**
 * A contact as a leader sheet shows it: phone and ID numbers typed into it
 * masked, and the name with only its family name.
 *
 * @example
 * maskContact("张三13812345678") //=> "张*138****5678"
 * maskContact("王晓红")          //=> "王**"
 */
export function maskContact(text: string): string {
  const numbers = /[0-9０-９][0-9０-９\-\s]{5,}[0-9０-９Xx]/g;
  const name = text.replace(numbers, "").trim();
  const masked = maskNumbers(text);
  return name === "" ? masked : masked.replace(name, maskName(name));
}

/**
 * Text with every phone or ID number in it masked (7 digits or more).
 *
 * @example
 * maskNumbers("县卫健局 0512-66881234") //=> "县卫健局 ********1234"
 */
export function maskNumbers(text: string): string {
  return text.replace(/[0-9０-９][0-9０-９\-\s]{5,}[0-9０-９Xx]/g, (run) => {
    const digits = run.replace(/[\s-]/g, "");
    if (digits.replace(/\D/g, "").length < 7) return run;
    return /^\d{17}[\dXx]$|^\d{15}$/.test(digits) ? maskIdNumber(digits) : maskPhone(digits);
  });
}

/**
 * The dated title of 报送情况.
 *
 * @example
 * statusTitle(44581) //=> "截至2022年1月20日防疫日报告报送情况"
 */
export function statusTitle(reportDate: number): string {
  return `截至${chineseDate(reportDate)}防疫日报告报送情况`;
}

/**
 * The formula of a rate cell: the count over 应报, blank when nothing is expected.
 *
 * @example
 * rateFormula("E", 12, "D") //=> '=IF(D12=0,"",E12/D12)'
 */
export function rateFormula(countColumn: string, row: number, expectedColumn = "E"): string {
  const e = `${expectedColumn}${row}`;
  return `=IF(${e}=0,"",${countColumn}${row}/${e})`;
}

function excludedWhy(x: ExcludedUnit): string {
  return x.reason === "notDaily"
    ? "“是否需每日报送”为否"
    : `起报日期为${chineseDate(x.unit.startDate ?? 0)}`;
}

function rateNote(deadline: number): string {
  const minutes = Math.round(deadline * 1440);
  const time = `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;
  return `注：报送截止时间${time}，恰好${time}报送为按时；零报告计入已报；报告率=已报÷应报，及时率=按时报送÷应报；报送时间无法识别的计入已报、不计入按时。`;
}
