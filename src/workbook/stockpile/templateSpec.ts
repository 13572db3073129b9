/**
 * The fill-in template (填报模板) a department, township or clinic returns:
 * its table uses the same headers as 物资储备, so a returned file is read with
 * the same header matching.
 */
import { UNIT_CATEGORIES } from "../../core/stockpile/reserveStandard";
import type { TableSpec } from "../schema";

export const TEMPLATE_TABLE: TableSpec = {
  id: "stockpileTemplate",
  sheet: "物资储备填报",
  en: "Stockpile return",
  note: "The table of a returned template: one row per item of one unit. 导入填报 replaces that unit's rows of 物资储备 with it.",
  columns: [
    { key: "unit", zh: "单位", en: "Unit", aliases: ["单位名称"], type: "text", role: "input" },
    {
      key: "category",
      zh: "单位类别",
      en: "Unit category",
      aliases: ["类别"],
      type: "enum",
      values: UNIT_CATEGORIES,
      role: "input",
    },
    {
      key: "item",
      zh: "物资名称",
      en: "Item",
      aliases: ["物资", "品名"],
      type: "text",
      role: "input",
      required: true,
    },
    { key: "measure", zh: "计量单位", en: "Unit of measure", type: "text", role: "input" },
    {
      key: "persons",
      zh: "保障人数",
      en: "Persons covered",
      aliases: ["人数"],
      type: "number",
      min: 0,
      role: "input",
    },
    {
      key: "stock",
      zh: "现有库存",
      en: "Stock on hand",
      aliases: ["库存", "库存数量"],
      type: "number",
      min: 0,
      role: "input",
    },
    {
      key: "inTransit",
      zh: "在途数量",
      en: "In transit",
      aliases: ["在途"],
      type: "number",
      min: 0,
      role: "input",
    },
    { key: "note", zh: "备注", en: "Note", type: "text", role: "input" },
  ],
};

/** Template layout: title, instruction, unit line, header, then item rows. */
export const TEMPLATE_TITLE_ROW = 1;
export const TEMPLATE_INSTRUCTION_ROW = 2;
export const TEMPLATE_UNIT_ROW = 3;
export const TEMPLATE_HEADER_ROW = 4;
