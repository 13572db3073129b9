/**
 * 生成填报模板, the pure part: the layout of one unit's fill-in sheet (unit
 * name, item rows, a Chinese instruction line, the cells to unlock and the
 * data validation rules) and its rendering as write operations, used for
 * the "sheets in the current workbook" mode and, through the same ops, for a
 * separate workbook built by the task pane. Protection and validation are the
 * plan's own `protect` and `validation` ops, which every host carries out.
 */
import type { Message } from "../../core/issue";
import type { CatalogueItem } from "../../core/stockpile/catalogue";
import { itemKey } from "../../core/stockpile/reserveLines";
import { cellAddress, columnLetters, rangeAddress } from "../a1";
import type { CellValue } from "../cells";
import type { CellIssue } from "../issues";
import { parseTable } from "../parse";
import type { DataValidation, WriteOp } from "../plan";
import { readRoster } from "../reporting/read";
import { ROSTER_SHEET } from "../reporting/specs";
import type { WorkbookSnapshot } from "../snapshot";
import { HEADER_FILL, INPUT_HEADER_FONT, TITLE_FONT_SIZE } from "../styles";
import { readCatalogue } from "./catalogue";
import { CATALOGUE_SHEET, STOCKPILE_SHEET, STOCKPILE_TABLE } from "./specs";
import {
  TEMPLATE_HEADER_ROW,
  TEMPLATE_INSTRUCTION_ROW,
  TEMPLATE_TABLE,
  TEMPLATE_TITLE_ROW,
  TEMPLATE_UNIT_ROW,
} from "./templateSpec";

/** An item row of a template, with the unit's current figures filled in when known. */
export interface TemplateItem {
  name: string;
  persons?: number | null;
  stock?: number | null;
  inTransit?: number | null;
}

/** A number at or above `min`, or one of the values listed in `source` (a range on the same sheet, e.g. `=$J$5:$J$14`). */
export type ValidationRule = DataValidation["rule"];

export interface TemplateValidation {
  /** A1 range the rule applies to. */
  range: string;
  rule: ValidationRule;
  /** Shown when a typed value breaks the rule. */
  error: Message;
}

export interface TemplateLayout {
  /** Sheet name, at most 31 characters, none of []:*?/\ . */
  sheetName: string;
  unit: string;
  category: string;
  title: string;
  instruction: string;
  headerRow: number;
  header: string[];
  /** Item rows then blank rows for added items, from headerRow + 1; one value per header column. */
  rows: CellValue[][];
  /** Rows (1-based) of the blank rows where an item may be added. */
  extraRows: { first: number; last: number };
  /** Ranges to unlock before the sheet is protected: the figures, and the item of added rows. */
  unlocked: string[];
  validations: TemplateValidation[];
  /** The catalogue names listed on the sheet, the source of the item drop-down. */
  itemList: { column: number; firstRow: number; values: string[] };
}

export interface BuildTemplateOptions {
  /** Blank rows left for items the unit adds (default 5). */
  extraRows?: number;
}

/** Column positions in the template, 1-based. */
const COL = {
  unit: 1,
  category: 2,
  item: 3,
  measure: 4,
  persons: 5,
  stock: 6,
  inTransit: 7,
  note: 8,
};
const LIST_COLUMN = 10;

/**
 * Lays out one unit's fill-in template.
 *
 * @example
 * buildTemplate("城关镇", "乡镇", ["医用外科口罩"], DEFAULT_CATALOGUE).unlocked
 * //=> ["E5:H10", "C6:C10"]
 */
export function buildTemplate(
  unit: string,
  category: string,
  items: readonly (string | TemplateItem)[],
  catalogue: readonly CatalogueItem[],
  options: BuildTemplateOptions = {}
): TemplateLayout {
  const extra = options.extraRows ?? 5;
  const byKey = new Map(catalogue.map((c) => [itemKey(c.name), c]));
  const header = TEMPLATE_TABLE.columns.map((c) => c.zh);
  const first = TEMPLATE_HEADER_ROW + 1;
  const rows: CellValue[][] = items.map((entry) => {
    const it = typeof entry === "string" ? { name: entry } : entry;
    return [
      unit,
      category,
      it.name,
      byKey.get(itemKey(it.name))?.unit ?? "",
      it.persons ?? null,
      it.stock ?? null,
      it.inTransit ?? null,
      null,
    ];
  });
  for (let i = 0; i < extra; i++) rows.push([unit, category, null, null, null, null, null, null]);
  const last = first + rows.length - 1;
  const extraFirst = first + items.length;
  const names = catalogue.map((c) => c.name);
  const listRange = `=$${columnLetters(LIST_COLUMN)}$${first}:$${columnLetters(LIST_COLUMN)}$${first + Math.max(names.length, 1) - 1}`;
  const unlocked = [rangeAddress(first, COL.persons, last, COL.note)];
  const validations: TemplateValidation[] = [
    {
      range: rangeAddress(first, COL.persons, last, COL.inTransit),
      rule: { type: "decimal", min: 0 },
      error: {
        zh: "请填写不小于0的数字（不要填写文字或单位）",
        en: "Type a number of 0 or more (no text or units)",
      },
    },
  ];
  if (extra > 0) {
    unlocked.push(rangeAddress(extraFirst, COL.item, last, COL.item));
    validations.push({
      range: rangeAddress(extraFirst, COL.item, last, COL.item),
      rule: { type: "list", source: listRange, values: names },
      error: {
        zh: "请从下拉列表中选择物资目录中的物资名称",
        en: "Pick an item name of the catalogue from the drop-down list",
      },
    });
  }
  return {
    sheetName: templateSheetName(unit),
    unit,
    category,
    title: `${unit}防疫物资储备填报表`,
    instruction:
      "填报说明：请只在白色单元格中填写保障人数、现有库存、在途数量（不小于0的数字）和备注；新增物资请在下方空行的“物资名称”下拉列表中选择。请勿修改单位、表头和灰色单元格。填好后保存为xlsx文件发回。",
    headerRow: TEMPLATE_HEADER_ROW,
    header,
    rows,
    extraRows: { first: extraFirst, last },
    unlocked,
    validations,
    itemList: { column: LIST_COLUMN, firstRow: first, values: names },
  };
}

const LOCKED_FILL = "#F2F2F2";
const INPUT_FILL = "#FFFFFF";

/**
 * Renders a template layout as ops on a sheet named layout.sheetName (the
 * sheet is cleared first, so a template is regenerated in place), ending with
 * the validations and the protection that leaves only the input cells open.
 *
 * @example
 * renderTemplateOps(buildTemplate("城关镇", "乡镇", ["医用外科口罩"], DEFAULT_CATALOGUE)).at(-1)
 * //=> { kind: "protect", sheet: "填报_城关镇", unlocked: ["E5:H10", "C6:C10"] }
 */
export function renderTemplateOps(layout: TemplateLayout): WriteOp[] {
  const sheet = layout.sheetName;
  const width = layout.header.length;
  const first = layout.headerRow + 1;
  const last = first + layout.rows.length - 1;
  const ops: WriteOp[] = [
    { kind: "ensureSheet", sheet },
    { kind: "clearSheet", sheet },
    { kind: "block", sheet, row: TEMPLATE_TITLE_ROW, column: 1, cells: [[layout.title]] },
    {
      kind: "block",
      sheet,
      row: TEMPLATE_INSTRUCTION_ROW,
      column: 1,
      cells: [[layout.instruction]],
    },
    {
      kind: "block",
      sheet,
      row: TEMPLATE_UNIT_ROW,
      column: 1,
      cells: [["填报单位", layout.unit, "单位类别", layout.category]],
    },
    { kind: "block", sheet, row: layout.headerRow, column: 1, cells: [layout.header] },
    {
      kind: "block",
      sheet,
      row: first,
      column: 1,
      cells: layout.rows,
      numberFormats: { byColumn: [null, null, null, null, "#,##0", "General", "General", "@"] },
    },
    {
      kind: "block",
      sheet,
      row: layout.headerRow,
      column: layout.itemList.column,
      cells: [["可选物资"], ...layout.itemList.values.map((v) => [v])],
    },
    {
      kind: "style",
      sheet,
      range: rangeAddress(TEMPLATE_TITLE_ROW, 1, TEMPLATE_TITLE_ROW, width),
      bold: true,
      fontSize: TITLE_FONT_SIZE,
      merge: true,
      horizontalAlignment: "Center",
    },
    {
      kind: "style",
      sheet,
      range: rangeAddress(TEMPLATE_INSTRUCTION_ROW, 1, TEMPLATE_INSTRUCTION_ROW, width),
      merge: true,
      wrap: true,
      fontColor: "#C00000",
    },
    {
      kind: "style",
      sheet,
      range: rangeAddress(layout.headerRow, 1, layout.headerRow, width),
      bold: true,
      fill: HEADER_FILL,
      fontColor: INPUT_HEADER_FONT,
      border: true,
    },
    {
      kind: "style",
      sheet,
      range: rangeAddress(first, 1, last, width),
      fill: LOCKED_FILL,
      border: true,
    },
    ...layout.unlocked.map((range): WriteOp => ({
      kind: "style",
      sheet,
      range,
      fill: INPUT_FILL,
      border: true,
    })),
    {
      kind: "columnWidths",
      sheet,
      widths: [120, 110, 140, 70, 80, 80, 80, 160, 20, 140].map((w, i) => ({
        column: i + 1,
        width: w,
      })),
    },
    { kind: "freeze", sheet, rows: layout.headerRow },
    ...layout.validations.map((v): WriteOp => ({
      kind: "validation",
      sheet,
      range: v.range,
      rule: v.rule,
      // The template is in Chinese; Excel shows one alert text.
      errorMessage: v.error.zh,
    })),
    { kind: "protect", sheet, unlocked: layout.unlocked },
  ];
  return ops;
}

/** Which units to make templates for: every unit of one category, or a picked list. */
export type TemplateSelection = { category: string } | { units: readonly string[] };

/** A unit a template can be made for, as 物资储备 and 填报单位 list it. */
export interface TemplateUnit {
  name: string;
  /** The unit's category, "" when neither sheet gives a valid one. */
  category: string;
  /** Its items in 物资储备 with their current figures; every catalogue item for a unit only on 填报单位. */
  items: TemplateItem[];
  /** True when 物资储备 has rows of the unit. */
  inReserve: boolean;
  /** True when 填报单位 lists the unit. */
  inRoster: boolean;
}

/**
 * The units templates can be made for: those of 物资储备 in sheet order, then
 * those only on the 填报单位 roster (with every catalogue item, since the
 * unit has reported none yet).
 *
 * @example
 * templateUnits(snapshot).map((u) => [u.name, u.category, u.items.length])
 * //=> [["城关镇", "乡镇", 2], ["县卫生健康局", "县直部门", 1], ["县档案馆", "县直部门", 10]]
 */
export function templateUnits(snapshot: WorkbookSnapshot): TemplateUnit[] {
  const catalogue = readCatalogue(snapshot.sheets[CATALOGUE_SHEET]);
  const sheet = snapshot.sheets[STOCKPILE_SHEET];
  const units = new Map<string, TemplateUnit & { seen: Set<string> }>();
  if (sheet) {
    const parsed = parseTable(STOCKPILE_TABLE, sheet.values, { sheet: STOCKPILE_SHEET });
    for (const row of parsed.rows) {
      const v = row.values;
      if (typeof v.unit !== "string" || typeof v.item !== "string") continue;
      const entry = units.get(v.unit) ?? {
        name: v.unit,
        category: typeof v.category === "string" ? v.category : "",
        items: [],
        inReserve: true,
        inRoster: false,
        seen: new Set<string>(),
      };
      if (!entry.category && typeof v.category === "string") entry.category = v.category;
      if (!entry.seen.has(itemKey(v.item))) {
        entry.seen.add(itemKey(v.item));
        entry.items.push({
          name: v.item,
          persons: num(v.persons),
          stock: num(v.stock),
          inTransit: num(v.inTransit),
        });
      }
      units.set(v.unit, entry);
    }
  }
  if (snapshot.sheets[ROSTER_SHEET]) {
    for (const unit of readRoster(snapshot).items) {
      const known = units.get(unit.name);
      if (known) {
        known.inRoster = true;
        if (!known.category && unit.category) known.category = unit.category;
        continue;
      }
      units.set(unit.name, {
        name: unit.name,
        category: unit.category ?? "",
        items: catalogue.items.map((c) => ({ name: c.name })),
        inReserve: false,
        inRoster: true,
        seen: new Set(),
      });
    }
  }
  return [...units.values()].map((u) => ({
    name: u.name,
    category: u.category,
    items: u.items,
    inReserve: u.inReserve,
    inRoster: u.inRoster,
  }));
}

/**
 * Plans templates for the chosen units of 物资储备 and 填报单位, each filled
 * with the unit's current rows; the ops make one protected sheet per unit.
 *
 * @example
 * planTemplates(snapshot, { category: "乡镇" }).templates.map((t) => t.unit)
 * //=> ["城关镇", "青石镇", …]
 */
export function planTemplates(
  snapshot: WorkbookSnapshot,
  selection: TemplateSelection
): { templates: TemplateLayout[]; ops: WriteOp[]; issues: CellIssue[] } {
  const catalogue = readCatalogue(snapshot.sheets[CATALOGUE_SHEET]);
  const issues: CellIssue[] = [];
  const units = new Map(templateUnits(snapshot).map((u) => [u.name, u]));
  const chosen =
    "category" in selection
      ? [...units.values()].filter((u) => u.category === selection.category).map((u) => u.name)
      : [...new Set(selection.units.map((u) => u.trim()).filter((u) => u !== ""))];
  const templates: TemplateLayout[] = [];
  const usedNames = new Set<string>();
  for (const name of chosen) {
    const unit = units.get(name);
    if (!unit) {
      issues.push({
        code: "unknownUnit",
        severity: "error",
        sheet: STOCKPILE_SHEET,
        cell: reserveHeaderCell(snapshot, "unit"),
        message: {
          zh: `物资储备和填报单位中都没有单位“${name}”，无法生成其填报模板，请先在物资储备中添加该单位的物资行，或在填报单位中添加该单位`,
          en: `Neither 物资储备 nor 填报单位 has a unit "${name}"; add its item rows to 物资储备 or the unit to 填报单位 before making its template`,
        },
      });
      continue;
    }
    const layout = buildTemplate(name, unit.category, unit.items, catalogue.items);
    let sheetName = layout.sheetName;
    for (let n = 2; usedNames.has(sheetName.toLowerCase()); n++)
      sheetName = `${layout.sheetName.slice(0, 28)}_${n}`;
    usedNames.add(sheetName.toLowerCase());
    templates.push({ ...layout, sheetName });
  }
  return { templates, ops: templates.flatMap(renderTemplateOps), issues };
}

/**
 * The header cell of a 物资储备 column, where an issue about the choice of
 * units can point; A1 when the sheet or the column is missing.
 *
 * @example
 * reserveHeaderCell(snapshot, "category") //=> "B2"
 */
export function reserveHeaderCell(snapshot: WorkbookSnapshot, key: "unit" | "category"): string {
  const sheet = snapshot.sheets[STOCKPILE_SHEET];
  const header = sheet ? parseTable(STOCKPILE_TABLE, sheet.values).header : undefined;
  const column = header?.columns.get(key);
  return header && column !== undefined ? cellAddress(header.headerRow, column) : "A1";
}

/** What every template sheet's name starts with. */
export const TEMPLATE_SHEET_PREFIX = "填报_";

/**
 * The sheet name of a unit's template: `填报_` and the unit, without the
 * characters Excel forbids, at most 31 characters.
 *
 * @example
 * templateSheetName("县卫生健康局") //=> "填报_县卫生健康局"
 * templateSheetName("a/b")         //=> "填报_a_b"
 */
export function templateSheetName(unit: string): string {
  return `${TEMPLATE_SHEET_PREFIX}${unit.replace(/[[\]:*?/\\']/g, "_")}`.slice(0, 31);
}

function num(value: unknown): number | null {
  return typeof value === "number" ? value : null;
}
