/**
 * The sections of docs/workbook-contract.md, one per capability, from the
 * TableSpecs the code actually reads. See contractDoc.ts.
 */
import type { ContractSection } from "./contractDoc";
import { HISTORY_HEADER, HISTORY_SHEET } from "./history";
import { ISOLATION_CONTRACT } from "./isolation/contract";
import { RECORDS_SPEC, REPORT_STATUS_SHEET, ROSTER_SPEC } from "./reporting/specs";
import {
  CATALOGUE_TABLE,
  STOCK_LOG_TABLE,
  STOCKPILE_TABLE,
  SUMMARY_SHEET,
} from "./stockpile/specs";
import { TEMPLATE_TABLE } from "./stockpile/templateSpec";
import { PROGRESS_TABLE, RANKING_SHEET } from "./vaccination/spec";

export const CONTRACT_SECTIONS: readonly ContractSection[] = [
  {
    title: "物资储备 Stockpile",
    tables: [CATALOGUE_TABLE, STOCKPILE_TABLE, STOCK_LOG_TABLE, TEMPLATE_TABLE],
    outputs: [
      {
        sheet: SUMMARY_SHEET,
        description:
          "由“计算物资储备”写入，供领导阅读。Written by 计算物资储备 (computeStockpile) for leaders: dated title `截至YYYY年M月D日物资储备情况`; by item and by unit category — target, stock, in transit, gap, number of units short; the worst units per item; burn rate from 库存日志 (average daily use over 消耗统计回溯天数, days remaining, projected stock-out date, or why it cannot be estimated); a clustered bar chart of gap by item; landscape, one page wide, title rows repeated.",
      },
    ],
  },
  ISOLATION_CONTRACT,
  {
    title: "疫苗接种 Vaccination",
    tables: [PROGRESS_TABLE],
    outputs: [
      {
        sheet: `${RANKING_SHEET}（其他日期为 ${RANKING_SHEET}_M月D日）`,
        description:
          "由“生成接种排名”写入。Written by 生成接种排名 (rankVaccination): title `截至YYYY年M月D日新冠疫苗接种情况排名`, one block per age group sorted by rank with 排名, 县(区), 乡镇, 目标人数, 第一剂累计, 第一剂完成率, 全程累计, 全程完成率, 加强针累计, 加强完成率, 当日到期, 当日全程, 当日完成率, 排名变化, then the 通报 on its own page, one wrapped paragraph a row; counts #,##0, rates 0.0%. Ranks and 并列 are decided on the rate as shown, to 0.1% (three decimals of the fraction, rounded half up): two townships both shown at 59.0% share a rank and the 通报 names them as 并列; counties (全市第x位) likewise. Traffic lights from 达标线/预警线; best three green, worst three red; 未报送 townships listed, not ranked; a bar chart per group from data right of the print area. Prints on A4, landscape, one page wide, each block kept on one page (or continued under its repeated header), footer with the page number and the 截至 date.",
      },
    ],
  },
  {
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
  {
    title: "历史记录 History",
    tables: [],
    outputs: [
      {
        sheet: HISTORY_SHEET,
        description: `Rows are only ever appended: whatever an import or a restored output formula would overwrite is kept here first. Columns: ${HISTORY_HEADER.join(", ")}.`,
      },
    ],
  },
];
