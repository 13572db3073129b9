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
import { cellAddress, rangeAddress } from "../a1";
import type { CellValue } from "../cells";
import type { Lang } from "../command";
import { LEADER_MARGINS, MAX_CELL_CHARS } from "../leaderSheet";
import type { CellWrite, ConditionalRule, WriteBlock, WriteOp } from "../plan";
import {
  BAD_FILL,
  BAD_FONT,
  GOOD_FILL,
  GOOD_FONT,
  HEADER_FILL,
  TITLE_FONT_SIZE,
  WARN_FILL,
  WARN_FONT,
} from "../styles";
import { REPORT_STATUS_SHEET } from "./specs";

export const STATUS_TITLE_ROW = 1;
export const STATUS_SUMMARY_ROW = 2;
export const STATUS_HEADER_ROW = 3;
export const STATUS_FIRST_UNIT_ROW = 4;

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

/** The rates table sits in columns B:J, under the units. */
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
const RATE_COLUMN = 2;

const LAST_COLUMN = UNIT_HEADERS.length;
const UNIT_FORMATS = ["0", null, null, null, null, "mm-dd hh:mm", null, "0", null, "@"] as const;
const RATE_FORMATS = [null, "0.0%", "0.0%", "0", "0", "0", "0", "0", "0"] as const;

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
  lastUnitRow: number;
  rateHeaderRow: number;
  totalRow: number;
  noteRow: number;
  /** The header row of the not-counted units, or undefined when there are none. */
  excludedHeaderRow?: number;
}

/**
 * Returns the ops that write 报送情况 from scratch (ensureSheet, clearSheet,
 * blocks, styles, conditional colours, chart, page setup) and where each part
 * landed.
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
  const sheet = REPORT_STATUS_SHEET;
  const ops: WriteOp[] = [
    { kind: "ensureSheet", sheet },
    { kind: "clearSheet", sheet },
  ];
  const lastUnitRow = STATUS_FIRST_UNIT_ROW + ordered.length - 1;
  const summaryText = fitCell(input.lang === "zh" ? summary.zh : `${summary.zh}\n${summary.en}`);
  ops.push(
    block(STATUS_TITLE_ROW, 1, [[statusTitle(status.reportDate)]]),
    block(STATUS_SUMMARY_ROW, 1, [[summaryText]]),
    block(STATUS_HEADER_ROW, 1, [[...UNIT_HEADERS]])
  );
  if (ordered.length > 0)
    ops.push({
      ...block(STATUS_FIRST_UNIT_ROW, 1, ordered.map(unitRow)),
      numberFormats: { byColumn: [...UNIT_FORMATS] },
    });

  const rateHeaderRow = Math.max(lastUnitRow, STATUS_HEADER_ROW) + 2;
  const firstRateRow = rateHeaderRow + 1;
  const categories = status.byCategory;
  const totalRow = firstRateRow + categories.length;
  const rateRows: CellWrite[][] = categories.map((t, i) => tallyRow(t, firstRateRow + i));
  rateRows.push(totalRowCells(status.overall, totalRow, firstRateRow, totalRow - 1));
  ops.push(block(rateHeaderRow, RATE_COLUMN, [[...RATE_HEADERS]]), {
    ...block(firstRateRow, RATE_COLUMN, rateRows),
    numberFormats: { byColumn: [...RATE_FORMATS] },
  });
  const noteRow = totalRow + 1;
  ops.push(block(noteRow, RATE_COLUMN, [[rateNote(status.deadline)]]));

  let excludedHeaderRow: number | undefined;
  if (status.excluded.length > 0) {
    const labelRow = noteRow + 2;
    excludedHeaderRow = labelRow + 1;
    ops.push(
      block(labelRow, RATE_COLUMN, [["不需每日报送或未到起报日期的单位（不计入应报数）"]]),
      block(excludedHeaderRow, RATE_COLUMN, [["单位", "单位类别", "说明"]]),
      block(excludedHeaderRow + 1, RATE_COLUMN, status.excluded.map(excludedRow))
    );
  }

  ops.push(...styleOps(lastUnitRow, rateHeaderRow, totalRow, noteRow, status, excludedHeaderRow));
  ops.push(...colourOps(ordered.length > 0 ? lastUnitRow : 0, firstRateRow, totalRow, input));
  if (categories.length > 0)
    ops.push({
      kind: "chart",
      sheet,
      type: "barClustered",
      dataRange: rangeAddress(rateHeaderRow, RATE_COLUMN, totalRow - 1, RATE_COLUMN + 2),
      title: "各类单位报告率、及时率",
      anchor: cellAddress(STATUS_HEADER_ROW, LAST_COLUMN + 2),
      name: STATUS_CHART_NAME,
    });
  ops.push({
    kind: "pageSetup",
    sheet,
    orientation: "Landscape",
    fitToWidth: true,
    printTitleRows: `$${STATUS_TITLE_ROW}:$${STATUS_HEADER_ROW}`,
    paperSize: "A4",
    margins: LEADER_MARGINS,
    footer: { center: "第{page}页 共{pages}页", right: `截至${chineseDate(status.reportDate)}` },
  });
  return { ops, layout: { lastUnitRow, rateHeaderRow, totalRow, noteRow, excludedHeaderRow } };
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
 * Text cut to fit one cell (Excel keeps at most 32,767 characters), saying
 * where the rest is. The whole summary stays in the task pane and --json.
 *
 * @example
 * fitCell("短句") //=> "短句"
 */
export function fitCell(text: string): string {
  if (text.length <= MAX_CELL_CHARS) return text;
  const more = "……（未完，全文见任务窗格）";
  return `${text.slice(0, MAX_CELL_CHARS - more.length)}${more}`;
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
 * rateFormula("F", 12) //=> '=IF(E12=0,"",F12/E12)'
 */
export function rateFormula(countColumn: string, row: number): string {
  return `=IF(E${row}=0,"",${countColumn}${row}/E${row})`;
}

function block(row: number, column: number, cells: CellWrite[][]): WriteBlock {
  return { kind: "block", sheet: REPORT_STATUS_SHEET, row, column, cells };
}

function unitRow(u: UnitReportStatus, i: number): CellValue[] {
  return [
    i + 1,
    u.unit.name,
    u.unit.category ?? null,
    u.unit.parent ? maskNumbers(u.unit.parent) : null,
    u.state,
    u.receivedAt,
    u.timeliness,
    u.consecutiveMissing,
    u.unit.contact ? maskContact(u.unit.contact) : null,
    u.unit.phone ? maskPhone(u.unit.phone) : null,
  ];
}

function tallyRow(t: ReportTally, row: number): CellWrite[] {
  return [
    t.category,
    { formula: rateFormula("F", row), value: t.reportRate ?? "" },
    { formula: rateFormula("J", row), value: t.timelyRate ?? "" },
    t.expected,
    t.reported,
    t.zero,
    t.missing,
    t.late,
    t.onTime,
  ];
}

function totalRowCells(t: ReportTally, row: number, first: number, last: number): CellWrite[] {
  const counts = [t.expected, t.reported, t.zero, t.missing, t.late, t.onTime];
  const sums: CellWrite[] = counts.map((value, i) => {
    const col = String.fromCharCode("E".charCodeAt(0) + i);
    return last >= first ? { formula: `=SUM(${col}${first}:${col}${last})`, value } : value;
  });
  return [
    "合计",
    { formula: rateFormula("F", row), value: t.reportRate ?? "" },
    { formula: rateFormula("J", row), value: t.timelyRate ?? "" },
    ...sums,
  ];
}

function excludedRow(x: ExcludedUnit): CellValue[] {
  const why =
    x.reason === "notDaily"
      ? "“是否需每日报送”为否"
      : `起报日期为${chineseDate(x.unit.startDate ?? 0)}`;
  return [x.unit.name, x.unit.category ?? null, why];
}

function rateNote(deadline: number): string {
  const minutes = Math.round(deadline * 1440);
  const time = `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;
  return `注：报送截止时间${time}，恰好${time}报送为按时；零报告计入已报；报告率=已报÷应报，及时率=按时报送÷应报；报送时间无法识别的计入已报、不计入按时。`;
}

function styleOps(
  lastUnitRow: number,
  rateHeaderRow: number,
  totalRow: number,
  noteRow: number,
  status: DailyReportingStatus,
  excludedHeaderRow: number | undefined
): WriteOp[] {
  const sheet = REPORT_STATUS_SHEET;
  const rateLast = RATE_COLUMN + RATE_HEADERS.length - 1;
  const header = { bold: true, fill: HEADER_FILL, border: true, wrap: true } as const;
  const ops: WriteOp[] = [
    {
      kind: "style",
      sheet,
      range: rangeAddress(STATUS_TITLE_ROW, 1, STATUS_TITLE_ROW, LAST_COLUMN),
      bold: true,
      fontSize: TITLE_FONT_SIZE,
      merge: true,
      horizontalAlignment: "Center",
    },
    {
      kind: "style",
      sheet,
      range: rangeAddress(STATUS_SUMMARY_ROW, 1, STATUS_SUMMARY_ROW, LAST_COLUMN),
      merge: true,
      wrap: true,
    },
    {
      kind: "style",
      sheet,
      range: rangeAddress(STATUS_HEADER_ROW, 1, STATUS_HEADER_ROW, LAST_COLUMN),
      ...header,
      horizontalAlignment: "Center",
    },
  ];
  if (lastUnitRow >= STATUS_FIRST_UNIT_ROW)
    ops.push({
      kind: "style",
      sheet,
      range: rangeAddress(STATUS_FIRST_UNIT_ROW, 1, lastUnitRow, LAST_COLUMN),
      border: true,
    });
  ops.push(
    {
      kind: "style",
      sheet,
      range: rangeAddress(rateHeaderRow, RATE_COLUMN, rateHeaderRow, rateLast),
      ...header,
      horizontalAlignment: "Center",
    },
    {
      kind: "style",
      sheet,
      range: rangeAddress(rateHeaderRow + 1, RATE_COLUMN, totalRow, rateLast),
      border: true,
    },
    {
      kind: "style",
      sheet,
      range: rangeAddress(totalRow, RATE_COLUMN, totalRow, rateLast),
      bold: true,
    },
    {
      kind: "style",
      sheet,
      range: rangeAddress(noteRow, RATE_COLUMN, noteRow, rateLast),
      merge: true,
      wrap: true,
    }
  );
  if (excludedHeaderRow !== undefined) {
    ops.push(
      {
        kind: "style",
        sheet,
        range: rangeAddress(excludedHeaderRow - 1, RATE_COLUMN, excludedHeaderRow - 1, rateLast),
        bold: true,
        merge: true,
      },
      {
        kind: "style",
        sheet,
        range: rangeAddress(excludedHeaderRow, RATE_COLUMN, excludedHeaderRow, RATE_COLUMN + 2),
        ...header,
      },
      {
        kind: "style",
        sheet,
        range: rangeAddress(
          excludedHeaderRow + 1,
          RATE_COLUMN,
          excludedHeaderRow + status.excluded.length,
          RATE_COLUMN + 2
        ),
        border: true,
      }
    );
  }
  ops.push({
    kind: "columnWidths",
    sheet,
    widths: [40, 140, 90, 90, 60, 90, 60, 80, 70, 100].map((width, i) => ({
      column: i + 1,
      width,
    })),
  });
  return ops;
}

function colourOps(
  lastUnitRow: number,
  firstRateRow: number,
  totalRow: number,
  input: StatusSheetInput
): WriteOp[] {
  const sheet = REPORT_STATUS_SHEET;
  const good = { fill: GOOD_FILL, fontColor: GOOD_FONT };
  const warn = { fill: WARN_FILL, fontColor: WARN_FONT };
  const bad = { fill: BAD_FILL, fontColor: BAD_FONT };
  const ops: WriteOp[] = [];
  if (lastUnitRow >= STATUS_FIRST_UNIT_ROW) {
    ops.push(
      {
        kind: "conditionalFormat",
        sheet,
        range: rangeAddress(STATUS_FIRST_UNIT_ROW, 5, lastUnitRow, 5),
        rules: [
          { type: "textEquals", text: "未报", ...bad },
          { type: "textEquals", text: "已报", ...good },
          { type: "textEquals", text: "零报告", ...good },
        ],
      },
      {
        kind: "conditionalFormat",
        sheet,
        range: rangeAddress(STATUS_FIRST_UNIT_ROW, 7, lastUnitRow, 7),
        rules: [
          { type: "textEquals", text: "迟报", ...warn },
          { type: "textEquals", text: "时间不明", ...warn },
          { type: "textEquals", text: "按时", ...good },
        ],
      }
    );
  }
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
  ops.push({
    kind: "conditionalFormat",
    sheet,
    range: rangeAddress(firstRateRow, RATE_COLUMN + 1, totalRow, RATE_COLUMN + 2),
    rules: rateRules,
  });
  return ops;
}
