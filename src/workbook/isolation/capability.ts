/** 隔离床位: bed capacity by township, and the isolation demand forecast. */
import { defineCapability } from "../capability";
import { computeIsolation } from "./computeIsolation";
import { forecastIsolation } from "./forecastIsolation";
import { isolationSampleSheets } from "./sample";
import { setupIsolationSheets } from "./setup";
import { BEDS_SUMMARY_SHEET, BEDS_TABLE, FORECAST_SHEET, RETURNEES_TABLE } from "./specs";

export const ISOLATION_CAPABILITY = defineCapability({
  id: "isolation",
  title: { zh: "隔离床位", en: "Isolation beds" },
  cliWord: "隔离",
  commands: [computeIsolation, forecastIsolation],
  setupSheets: setupIsolationSheets,
  sampleSheets: isolationSampleSheets,
  contract: {
    title: "隔离床位 Isolation capacity",
    tables: [BEDS_TABLE, RETURNEES_TABLE],
    outputs: [
      {
        sheet: BEDS_SUMMARY_SHEET,
        description:
          "Written by 计算隔离床位 (computeIsolation). Dated title; the whole total, then each 县(区) subtotal followed by its townships, shortfalls first (largest gap first), then by rank of 每万人床位 within the 县(区) (tie rule from 排名方式); 县(区) are ranked against each other on the 小计 rows. Totals are SUM/SUMIF formulas, and their 每万人床位 is computed from the sums. Townships with bad figures are listed as 待核实 and left out of the totals. 每万人床位 is shown to one decimal (ROUND(…,1)) and ranks are decided on it as shown, so equal figures tie. The top total reads 全市 (several 县(区)) or 全县 (one), and the status of a total says how many townships are short (`3个乡镇不足`). A bar chart of 每万人床位 against the norm, from data right of the print area; A4 print set-up, one page wide, the header row repeated, footer with the page number and the 截至 date. No personal data.",
      },
      {
        sheet: FORECAST_SHEET,
        description:
          "Written by 预测隔离需求 (forecastIsolation). For each township and each of the next 隔离需求预测天数 days from the report date, the people in centralized (集中) isolation from the arrivals listed in 返乡人员, against 床位合计; the first day demand exceeds capacity (unknown capacity counts as 0). A stay occupies the arrival day through the day before 解除隔离日期. Townships at risk first; a SUM total row; a line chart of the total demand against the total capacity. Counts only: no name, ID number or phone.",
      },
    ],
  },
});
