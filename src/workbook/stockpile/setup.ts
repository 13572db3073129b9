/**
 * Creating the stockpile input sheets when they are absent: 物资目录 filled
 * with the ten default items, and the empty 物资储备 and 库存日志 tables with
 * their title, header, widths and frozen header. Sheets that exist are left
 * alone (the clerk may have edited them).
 */
import { rangeAddress } from "../a1";
import type { CellValue } from "../cells";
import { DEFAULT_CATALOGUE } from "../../core/stockpile/catalogue";
import type { WriteOp } from "../plan";
import type { TableSpec } from "../schema";
import type { WorkbookSnapshot } from "../snapshot";
import { HEADER_FILL, INPUT_HEADER_FONT, TITLE_FONT_SIZE } from "../styles";
import {
  CATALOGUE_SHEET,
  CATALOGUE_TABLE,
  STOCKPILE_SHEET,
  STOCKPILE_TABLE,
  STOCK_LOG_SHEET,
  STOCK_LOG_TABLE,
} from "./specs";

/** The sheets setupStockpileSheets looks at. */
export const SETUP_READS: readonly string[] = [CATALOGUE_SHEET, STOCKPILE_SHEET, STOCK_LOG_SHEET];

/** The header row of every sheet the add-in creates; data start on the row below. */
export const SETUP_HEADER_ROW = 2;

/**
 * Ops that create the absent stockpile input sheets.
 *
 * @example
 * setupStockpileSheets({ sheetNames: [], sheets: {}, names: {} }).filter((o) => o.kind === "ensureSheet")
 * //=> [{ kind: "ensureSheet", sheet: "物资目录" }, { …"物资储备" }, { …"库存日志" }]
 */
export function setupStockpileSheets(snapshot: WorkbookSnapshot): WriteOp[] {
  const ops: WriteOp[] = [];
  const absent = (name: string) => !snapshot.sheetNames.includes(name);
  if (absent(CATALOGUE_SHEET)) ops.push(...catalogueSheetOps());
  if (absent(STOCKPILE_SHEET)) {
    ops.push(...tableSheetOps(STOCKPILE_TABLE, [120, 110, 130, 70, 80, 90, 70, 80, 80]));
  }
  if (absent(STOCK_LOG_SHEET)) ops.push(...tableSheetOps(STOCK_LOG_TABLE, [90, 120, 130, 80, 80]));
  return ops;
}

/** Ops that create 物资目录 with the default items. */
export function catalogueSheetOps(): WriteOp[] {
  const rows: CellValue[][] = DEFAULT_CATALOGUE.map((c) => [
    c.name,
    c.unit,
    c.kind,
    c.routine,
    c.wartime,
    c.note,
  ]);
  return [
    ...tableSheetOps(CATALOGUE_TABLE, [140, 70, 60, 110, 110, 520]),
    {
      kind: "block",
      sheet: CATALOGUE_SHEET,
      row: SETUP_HEADER_ROW + 1,
      column: 1,
      cells: rows,
      numberFormats: { byColumn: [null, null, null, "General", "General", null] },
    },
  ];
}

/** Ops that create a sheet holding one table's title and input header. */
export function tableSheetOps(spec: TableSpec, widths: readonly number[]): WriteOp[] {
  const columns = spec.columns.filter((c) => c.role === "input");
  const last = columns.length;
  return [
    { kind: "ensureSheet", sheet: spec.sheet },
    {
      kind: "block",
      sheet: spec.sheet,
      row: 1,
      column: 1,
      cells: [[spec.title ?? spec.sheet]],
    },
    {
      kind: "block",
      sheet: spec.sheet,
      row: SETUP_HEADER_ROW,
      column: 1,
      cells: [columns.map((c) => c.zh)],
    },
    {
      kind: "style",
      sheet: spec.sheet,
      range: rangeAddress(1, 1, 1, last),
      bold: true,
      fontSize: TITLE_FONT_SIZE,
      merge: true,
    },
    {
      kind: "style",
      sheet: spec.sheet,
      range: rangeAddress(SETUP_HEADER_ROW, 1, SETUP_HEADER_ROW, last),
      bold: true,
      fill: HEADER_FILL,
      fontColor: INPUT_HEADER_FONT,
      border: true,
      wrap: true,
    },
    {
      kind: "columnWidths",
      sheet: spec.sheet,
      widths: columns.map((_, i) => ({ column: i + 1, width: widths[i] ?? 80 })),
    },
    { kind: "freeze", sheet: spec.sheet, rows: SETUP_HEADER_ROW },
  ];
}
