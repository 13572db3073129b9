/** 疫苗接种: the township ranking and the 通报 notice. */
import { defineCapability } from "../capability";
import { rankVaccination } from "./rankVaccination";
import { sampleVaccinationSheets } from "./sample";
import { setupVaccinationSheets } from "./setup";
import { PROGRESS_TABLE, RANKING_SHEET } from "./spec";

export const VACCINATION_CAPABILITY = defineCapability({
  id: "vaccination",
  title: { zh: "疫苗接种", en: "Vaccination" },
  cliWord: "接种",
  commands: [rankVaccination],
  setupSheets: setupVaccinationSheets,
  sampleSheets: sampleVaccinationSheets,
  contract: {
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
});
