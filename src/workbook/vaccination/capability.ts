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
          "由“生成接种排名”写入。Written by 生成接种排名 (rankVaccination): title `截至YYYY年M月D日新冠疫苗接种情况排名`, the 通报 paragraph, then one block per age group sorted by rank with 排名, 县(区), 乡镇, 目标人数, 第一剂累计, 第一剂完成率, 全程累计, 全程完成率, 加强针累计, 加强完成率, 当日到期, 当日全程, 当日完成率, 排名变化; rates 0.0%; traffic lights from 达标线/预警线; best three green, worst three red; 未报送 townships listed, not ranked; a bar chart per group.",
      },
    ],
  },
});
