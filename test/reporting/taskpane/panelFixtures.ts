/** Fixture builders for the 日报告 panel tests: each takes overrides. */
import type { ReportTally } from "../../../src/core/reporting/dailyReportingStatus";
import type { SectionPanelProps } from "../../../src/taskpane/sectionPanel";
import type {
  ReportStatusData,
  ReportStatusUnit,
} from "../../../src/workbook/reporting/reportStatus";
import { makeResult } from "../../taskpane/fixtures";

/** 2022-01-20, the sample report date. */
export const REPORT_DAY = 44581;

export function makeStatusUnit(overrides: Partial<ReportStatusUnit> = {}): ReportStatusUnit {
  return {
    unit: "城关镇",
    category: "乡镇",
    parent: "平安县",
    state: "已报",
    timeliness: "按时",
    receivedAt: REPORT_DAY + 9 / 24,
    consecutiveMissing: 0,
    contact: "王丽",
    phone: "139****5678",
    rosterRow: 3,
    ...overrides,
  };
}

export function makeTally(overrides: Partial<ReportTally> = {}): ReportTally {
  return {
    category: "合计",
    expected: 3,
    reported: 2,
    zero: 0,
    missing: 1,
    late: 1,
    onTime: 1,
    unknownTime: 0,
    reportRate: 2 / 3,
    timelyRate: 1 / 3,
    ...overrides,
  };
}

/** Three units due: 县交通运输局 missing for 3 days, 青石镇 late at 11:40, 城关镇 on time. */
export function makeStatusData(overrides: Partial<ReportStatusData> = {}): ReportStatusData {
  return {
    reportDate: REPORT_DAY,
    deadline: 10 / 24,
    summary: {
      zh: "截至1月20日17时，应报单位3个，已报2个（其中零报告0个），未报1个：县交通运输局；迟报1个。",
      en: "As of 17:00 on 20 January, 3 units were due to report: 2 reported and 1 did not: 县交通运输局; 1 reported late.",
    },
    overall: makeTally(),
    byCategory: [],
    missing: ["县交通运输局"],
    late: ["青石镇"],
    units: [
      makeStatusUnit({
        unit: "县交通运输局",
        category: "县直部门",
        state: "未报",
        timeliness: null,
        receivedAt: null,
        consecutiveMissing: 3,
        contact: "张伟",
        phone: "138****1111",
      }),
      makeStatusUnit({
        unit: "青石镇",
        timeliness: "迟报",
        receivedAt: REPORT_DAY + (11 * 60 + 40) / 1440,
        contact: "赵军",
        phone: null,
      }),
      makeStatusUnit(),
    ],
    excluded: [],
    ...overrides,
  };
}

/** A panel's lastResult after 生成报送情况 returned `data`. */
export function makeLastResult(
  data: unknown = makeStatusData(),
  commandId = "reportStatus"
): NonNullable<SectionPanelProps["lastResult"]> {
  return { commandId, result: makeResult({ data }) };
}
