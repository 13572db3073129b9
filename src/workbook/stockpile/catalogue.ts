/**
 * Reading 物资目录: the items as typed (for the summary and the templates),
 * the lookup the formulas perform (MATCH on the name column, first match wins,
 * case ignored), and where its columns sit, for the formulas' references.
 */
import {
  DEFAULT_CATALOGUE,
  type CatalogueItem,
  type ItemKind,
} from "../../core/stockpile/catalogue";
import { itemKey } from "../../core/stockpile/reserveLines";
import { cellAddress } from "../a1";
import type { CellValue, Grid } from "../cells";
import type { CellIssue } from "../issues";
import { parseTable } from "../parse";
import type { SheetSnapshot } from "../snapshot";
import { formulaNumber, formulaTrim } from "./sheetValues";
import { CATALOGUE_SHEET, CATALOGUE_TABLE } from "./specs";

/** Where the catalogue's columns sit (1-based), as the formulas reference them. */
export interface CatalogueColumns {
  name: number;
  unit?: number;
  kind: number;
  routine: number;
  wartime: number;
}

export interface CatalogueRead {
  /** Items in sheet order, one per name (the first row of a repeated name). */
  items: CatalogueItem[];
  /** The lookup the formulas perform: itemKey(name) → item as the formulas read its cells. */
  lookup: Map<string, CatalogueItem>;
  /** The sheet row of each item, by itemKey. */
  rowOf: Map<string, number>;
  /** Undefined when a column the formulas need is missing (then no formula can be written). */
  columns?: CatalogueColumns;
  /** True when the sheet is absent and the defaults are used (setup creates it). */
  absent: boolean;
  issues: CellIssue[];
}

/** The layout setup writes: title row 1, header row 2, items from row 3, columns in spec order. */
export const DEFAULT_CATALOGUE_COLUMNS: CatalogueColumns = {
  name: 1,
  unit: 2,
  kind: 3,
  routine: 4,
  wartime: 5,
};
export const CATALOGUE_HEADER_ROW = 2;

/**
 * Reads 物资目录; an absent sheet gives the defaults in the layout setup writes.
 *
 * @example
 * readCatalogue(undefined).items.length //=> 10
 */
export function readCatalogue(sheet: SheetSnapshot | undefined): CatalogueRead {
  if (!sheet) return defaultCatalogueRead();
  const parsed = parseTable(CATALOGUE_TABLE, sheet.values, {
    sheet: CATALOGUE_SHEET,
    formulas: sheet.formulas,
  });
  const issues = [...parsed.issues];
  const items: CatalogueItem[] = [];
  const lookup = new Map<string, CatalogueItem>();
  const rowOf = new Map<string, number>();
  const header = parsed.header;
  if (!header) return { items, lookup, rowOf, absent: false, issues };
  const col = (key: string) => header.columns.get(key);
  const nameCol = col("name") as number;
  const columns: CatalogueColumns | undefined =
    col("name") && col("kind") && col("routine") && col("wartime")
      ? {
          name: nameCol,
          unit: col("unit"),
          kind: col("kind") as number,
          routine: col("routine") as number,
          wartime: col("wartime") as number,
        }
      : undefined;
  if (!columns) {
    for (const missing of header.missing.filter(
      (c) => c.key === "routine" || c.key === "wartime"
    )) {
      issues.push({
        code: "missingColumn",
        severity: "error",
        sheet: CATALOGUE_SHEET,
        cell: cellAddress(header.headerRow, 1),
        message: {
          zh: `物资目录缺少“${missing.zh}”列，物资储备的公式无法计算，请在第 ${header.headerRow} 行表头中添加`,
          en: `物资目录 lacks the column ${missing.zh} (${missing.en}), so no reserve formula can be written; add it to the header in row ${header.headerRow}`,
        },
      });
    }
  }
  // The formulas MATCH the whole name column, so every text cell of it counts, first match first.
  const grid: Grid = sheet.values;
  grid.forEach((line, i) => {
    const name = line?.[nameCol - 1];
    if (typeof name !== "string" || name === "") return;
    const key = itemKey(name);
    if (lookup.has(key)) return;
    lookup.set(key, formulaItem(line, name, columns ?? DEFAULT_CATALOGUE_COLUMNS, col("note")));
    rowOf.set(key, i + 1);
  });
  const firstRow = new Map<string, number>();
  for (const row of parsed.rows) {
    const name = row.values.name;
    if (typeof name !== "string") continue;
    const key = itemKey(name);
    const first = firstRow.get(key);
    if (first !== undefined) {
      issues.push({
        code: "duplicateItem",
        severity: "warning",
        sheet: CATALOGUE_SHEET,
        cell: cellAddress(row.row, nameCol),
        message: {
          zh: `物资“${name}”与第 ${first} 行重复，公式只使用第 ${first} 行，请删除重复行`,
          en: `Item "${name}" repeats row ${first}; formulas use row ${first} only. Delete the copy`,
        },
        related: [`${CATALOGUE_SHEET}!${cellAddress(first, nameCol)}`],
      });
      continue;
    }
    firstRow.set(key, row.row);
    items.push({
      name,
      unit: typeof row.values.unit === "string" ? row.values.unit : "",
      kind: (row.values.kind as ItemKind | null) ?? "消耗类",
      routine: typeof row.values.routine === "number" ? row.values.routine : null,
      wartime: typeof row.values.wartime === "number" ? row.values.wartime : null,
      note: typeof row.values.note === "string" ? row.values.note : "",
    });
  }
  return { items, lookup, rowOf, columns, absent: false, issues };
}

/** The catalogue as setup writes it. */
export function defaultCatalogueRead(): CatalogueRead {
  const items = DEFAULT_CATALOGUE.map((c) => ({ ...c }));
  return {
    items,
    lookup: new Map(items.map((c) => [itemKey(c.name), c])),
    rowOf: new Map(items.map((c, i) => [itemKey(c.name), CATALOGUE_HEADER_ROW + 1 + i])),
    columns: DEFAULT_CATALOGUE_COLUMNS,
    absent: true,
    issues: [],
  };
}

/** An item as the formulas read its cells: TRIM(类型)="耐用类", ISNUMBER(用量). */
function formulaItem(
  line: readonly CellValue[],
  name: string,
  columns: CatalogueColumns,
  noteColumn: number | undefined
): CatalogueItem {
  const at = (c: number | undefined) => (c === undefined ? null : (line[c - 1] ?? null));
  const unit = at(columns.unit);
  const note = at(noteColumn);
  return {
    name,
    unit: typeof unit === "string" ? unit.trim() : "",
    kind: formulaTrim(at(columns.kind)) === "耐用类" ? "耐用类" : "消耗类",
    routine: formulaNumber(at(columns.routine)),
    wartime: formulaNumber(at(columns.wartime)),
    note: typeof note === "string" ? note : "",
  };
}
