/** 日报告、零报告: who reported for the day, on time or late. */
import { defineCapability } from "../capability";
import { reportStatus } from "./reportStatus";
import { sampleReportingSheets } from "./sample";
import { setupReportingSheets } from "./setup";
import { RECORDS_SPEC, REPORT_STATUS_SHEET, ROSTER_SPEC } from "./specs";

export const REPORTING_CAPABILITY = defineCapability({
  id: "dailyReport",
  title: { zh: "日报告", en: "Daily reports" },
  cliWord: "报送",
  commands: [reportStatus],
  setupSheets: setupReportingSheets,
  sampleSheets: sampleReportingSheets,
  contract: {
    title: "日报告、零报告 Daily and zero reporting",
    tables: [ROSTER_SPEC, RECORDS_SPEC],
    outputs: [
      {
        sheet: REPORT_STATUS_SHEET,
        description:
          "由“生成报送情况”写入。Written by 生成报送情况 (reportStatus): dated title and the one-line summary; units 未报 first, then 迟报, then the rest, with contacts and phone numbers masked (138****5678); 报告率 and 及时率 per category and overall; colours by status.",
      },
    ],
  },
});
