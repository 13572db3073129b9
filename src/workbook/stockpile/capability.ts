/** 物资储备: reserve targets and gaps, fill-in templates and their import. */
import { defineCapability } from "../capability";
import { computeStockpile } from "./computeStockpile";
import { generateTemplates } from "./generateTemplates";
import { importReturns } from "./import";
import { stockpileSampleSheets } from "./sample";
import { setupStockpileSheets } from "./setup";
import { CATALOGUE_TABLE, STOCK_LOG_TABLE, STOCKPILE_TABLE, SUMMARY_SHEET } from "./specs";
import { TEMPLATE_TABLE } from "./templateSpec";

export const STOCKPILE_CAPABILITY = defineCapability({
  id: "stockpile",
  title: { zh: "物资储备", en: "Supplies" },
  cliWord: "物资",
  commands: [computeStockpile, generateTemplates, importReturns],
  setupSheets: setupStockpileSheets,
  sampleSheets: stockpileSampleSheets,
  contract: {
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
});
