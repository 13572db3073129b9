/**
 * 生成报送情况 (reportStatus): reads 填报单位, 报送记录 and 参数, computes
 * who reported for the report date, and writes the 报送情况 leader sheet.
 * The summary line is returned in `data` for the task pane's copy button.
 */
import type { DateSerial } from "../../core/dates";
import type { Message } from "../../core/issue";
import { maskPhone } from "../../core/privacy/mask";
import {
  dailyReportingStatus,
  leaderOrder,
  type ExcludedUnit,
  type ReportState,
  type ReportTally,
  type ReportTimeliness,
} from "../../core/reporting/dailyReportingStatus";
import { reportingSummary } from "../../core/reporting/reportingSummary";
import { defineCommand, type CommandInput, type CommandResult } from "../command";
import type { CellIssue } from "../issues";
import { parseReportDateOptions, type ReportDateOptions } from "../options";
import { PARAMS_SHEET } from "../params";
import { commandPrelude } from "../prelude";
import { cellIssues, readRecords, readRoster } from "./read";
import {
  RECORDS_SHEET,
  RECORDS_SPEC,
  REPORT_STATUS_SHEET,
  ROSTER_SHEET,
  ROSTER_SPEC,
} from "./specs";
import { STATUS_FIRST_UNIT_ROW, statusSheetOps } from "./statusSheet";
import { pushAll } from "../../core/arrays";

/** The choices the task pane passes: the day to report on (default today). */
export type ReportStatusOptions = ReportDateOptions;

/** One unit as the task pane lists it (leader order, phone masked). */
export interface ReportStatusUnit {
  unit: string;
  category: string | null;
  parent: string | null;
  state: ReportState;
  timeliness: ReportTimeliness | null;
  /** 报送时间 of the report that counts (serial), or null. */
  receivedAt: DateSerial | null;
  consecutiveMissing: number;
  contact: string | null;
  /** Masked, e.g. `138****5678`. */
  phone: string | null;
  /** The roster row, for selecting the unit in 填报单位. */
  rosterRow: number;
}

/** What 生成报送情况 returns in `result.data`. */
export interface ReportStatusData {
  reportDate: DateSerial;
  /** 报送截止时间 used (fraction of a day). */
  deadline: number;
  /** The one-line summary, for the copy button. */
  summary: Message;
  overall: ReportTally;
  byCategory: ReportTally[];
  /** 未报 units, most days missing first. */
  missing: string[];
  /** 迟报 units, roster order. */
  late: string[];
  units: ReportStatusUnit[];
  /** Units not counted, with the reason. */
  excluded: { unit: string; category: string | null; reason: Message }[];
}

export const reportStatus = defineCommand({
  id: "reportStatus",
  label: { zh: "生成报送情况", en: "Reporting status" },
  reads: () => [
    ROSTER_SHEET,
    ROSTER_SPEC.en,
    RECORDS_SHEET,
    RECORDS_SPEC.en,
    PARAMS_SHEET,
    REPORT_STATUS_SHEET,
  ],
  parseOptions: parseReportDateOptions,
  run: planReportStatus,
});

/**
 * Plans 报送情况 for the report date.
 *
 * @example
 * planReportStatus({ snapshot, today: 44581, now: 44581 + 10 / 24, lang: "zh" }).data.summary.zh
 * //=> "截至1月20日10时，应报单位35个，已报32个（其中零报告5个），未报3个：…；迟报2个。"
 */
export function planReportStatus(
  input: CommandInput<ReportStatusOptions>
): CommandResult<ReportStatusData> {
  const { snapshot } = input;
  // The sheet's colours take the values of 达标线 and 预警线, not their names.
  const params = commandPrelude(input, { createParams: false });
  const { reportDate } = params;
  const roster = readRoster(snapshot);
  const issues: CellIssue[] = [...params.issues];
  if (!roster.sheet) {
    issues.push({
      code: "missingSheet",
      severity: "error",
      sheet: ROSTER_SHEET,
      cell: "A1",
      message: {
        zh: "未找到“填报单位”工作表，请先运行“初始化工作簿”并填写须每日报送的单位",
        en: "The 填报单位 sheet is missing; run 初始化工作簿 and list the units that must report daily",
      },
    });
    return {
      ops: [],
      issues,
      summary: {
        zh: "未生成报送情况：缺少“填报单位”工作表",
        en: "Reporting status not written: the 填报单位 sheet is missing",
      },
    };
  }
  const records = readRecords(snapshot);
  if (!records.sheet)
    issues.push({
      code: "missingSheet",
      severity: "warning",
      sheet: RECORDS_SHEET,
      cell: "A1",
      message: {
        zh: "未找到“报送记录”工作表，所有单位均按未报计；请先运行“初始化工作簿”并登记收到的报告",
        en: "The 报送记录 sheet is missing, so every unit counts as not reported; run 初始化工作簿 and log the reports received",
      },
    });
  pushAll(issues, roster.issues);
  pushAll(issues, records.issues);

  const outcome = dailyReportingStatus(roster.items, records.items, {
    reportDate,
    deadline: params.params.reportDeadline,
  });
  const status = outcome.value;
  const fromRoster = outcome.issues.filter((i) => i.code === "duplicateUnit");
  const fromRecords = outcome.issues.filter((i) => i.code !== "duplicateUnit");
  pushAll(issues, cellIssues(fromRoster, roster));
  pushAll(issues, cellIssues(fromRecords, records));

  const summary = reportingSummary(status, { now: input.now });
  const ordered = leaderOrder(status.units);
  const { ops } = statusSheetOps({
    status,
    ordered,
    summary,
    targetLine: params.params.targetLine,
    warningLine: params.params.warningLine,
    lang: input.lang,
  });
  const data: ReportStatusData = {
    reportDate,
    deadline: status.deadline,
    summary,
    overall: status.overall,
    byCategory: status.byCategory,
    missing: ordered.filter((u) => u.state === "未报").map((u) => u.unit.name),
    late: status.units.filter((u) => u.timeliness === "迟报").map((u) => u.unit.name),
    units: ordered.map((u) => ({
      unit: u.unit.name,
      category: u.unit.category,
      parent: u.unit.parent ?? null,
      state: u.state,
      timeliness: u.timeliness,
      receivedAt: u.receivedAt,
      consecutiveMissing: u.consecutiveMissing,
      contact: u.unit.contact ?? null,
      phone: u.unit.phone ? maskPhone(u.unit.phone) : null,
      rosterRow: u.unit.row,
    })),
    excluded: status.excluded.map(excludedReason),
  };
  return {
    ops,
    issues,
    summary,
    data,
    focus: { sheet: REPORT_STATUS_SHEET, cell: `B${STATUS_FIRST_UNIT_ROW}` },
  };
}

function excludedReason(x: ExcludedUnit): ReportStatusData["excluded"][number] {
  const reason: Message =
    x.reason === "notDaily"
      ? { zh: "“是否需每日报送”为否", en: "Marked as not reporting daily" }
      : { zh: "未到起报日期", en: "Its 起报日期 is after the report date" };
  return { unit: x.unit.name, category: x.unit.category, reason };
}
