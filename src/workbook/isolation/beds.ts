/**
 * Reading the 隔离床位 table into records as its formulas see them, with
 * every problem as a cell issue.
 */
import { computeBeds, type BedRecord, type BedResult } from "../../core/isolation/bedCapacity";
import { cellAddress } from "../a1";
import type { CellValue } from "../cells";
import { toCellIssue, type CellIssue } from "../issues";
import { parseTable, type ParsedTable } from "../parse";
import type { SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import type { TableSpec } from "../schema";
import { formulaNumber } from "./formulas";
import { BEDS_TABLE } from "./specs";
import { pushAll } from "../../core/arrays";

export interface BedTable {
  sheet: SheetSnapshot;
  parsed: ParsedTable;
  /** One result per data row, in sheet order. */
  results: BedResult[];
  issues: CellIssue[];
}

/**
 * Finds a table's sheet by its Chinese name or its English alias.
 *
 * @example
 * findSheet(snapshot, BEDS_TABLE)?.name //=> "隔离床位"
 */
export function findSheet(snapshot: WorkbookSnapshot, spec: TableSpec): SheetSnapshot | undefined {
  return snapshot.sheets[spec.sheet] ?? snapshot.sheets[spec.en];
}

/**
 * Reads 隔离床位: parses it, builds each row's record from the raw cells (as
 * the formulas see them) and computes every row's outputs. Issues come from
 * parsing, from cells whose text looks like a number (the formulas cannot use
 * it), and from the calculation, one per cell.
 *
 * @example
 * readBedTable(sheet, { bedsPer10k: 20, unit: "张" }).results[0].required //=> 173
 */
export function readBedTable(
  sheet: SheetSnapshot,
  options: { bedsPer10k: number; unit: string }
): BedTable {
  const parsed = parseTable(BEDS_TABLE, sheet.values, {
    sheet: sheet.name,
    formulas: sheet.formulas,
  });
  const issues: CellIssue[] = [...parsed.issues];
  const header = parsed.header;
  if (!header) return { sheet, parsed, results: [], issues };
  const raw = (row: number, key: string): CellValue | undefined => {
    const column = header.columns.get(key);
    return column === undefined ? undefined : sheet.values[row - 1]?.[column - 1];
  };
  const flagged = new Set(parsed.issues.map((i) => i.cell));
  const records: BedRecord[] = parsed.rows.map((p) => {
    const number = (key: "population" | "existingBeds" | "backupBeds") => {
      const read = formulaNumber(raw(p.row, key));
      const factor = header.units.get(key)?.factor ?? 1;
      const value = read === null || factor === 1 ? read : Number((read * factor).toPrecision(15));
      const column = header.columns.get(key);
      if (Number.isNaN(value) && column !== undefined && !flagged.has(cellAddress(p.row, column)))
        issues.push(textNumber(sheet.name, p.row, column, key));
      return value;
    };
    return {
      row: p.row,
      parent: textOf(p.values.parent),
      township: textOf(p.values.township),
      population: number("population"),
      existingBeds: header.columns.has("existingBeds") ? number("existingBeds") : null,
      backupBeds: header.columns.has("backupBeds") ? number("backupBeds") : null,
    };
  });
  const outcome = computeBeds(records, options);
  // A missing column is reported once, at the header, not on every row.
  const located = outcome.issues.filter((i) => header.columns.has(i.field));
  pushAll(
    issues,
    located.map((i) => toCellIssue(i, sheet.name, header.columns))
  );
  if (records.some((r) => r.parent !== null)) {
    for (const r of records)
      if (r.parent === null)
        issues.push({
          code: "parentMissing",
          severity: "warning",
          sheet: sheet.name,
          cell: cellAddress(r.row, header.columns.get("parent") as number),
          message: {
            zh: "其他行填了县(区)，此行为空，汇总时单列为“未填县(区)”；请补填",
            en: "Other rows name a county but this one is blank; it is summed apart as 未填县(区). Fill it in",
          },
        });
  }
  return { sheet, parsed, results: outcome.value, issues: uniqueByCell(issues) };
}

/** Keeps the first issue of each cell, so a blank required cell is not reported twice. */
export function uniqueByCell(issues: readonly CellIssue[]): CellIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.sheet}!${i.cell}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function textOf(value: string | number | null | undefined): string | null {
  return value === null || value === undefined ? null : String(value);
}

function textNumber(sheet: string, row: number, column: number, key: string): CellIssue {
  const col = BEDS_TABLE.columns.find((c) => c.key === key);
  return {
    code: "numberAsText",
    severity: "error",
    sheet,
    cell: cellAddress(row, column),
    message: {
      zh: `“${col?.zh}”是文本格式的数字（或只有空格），公式无法计算；请把单元格格式设为“常规”后重新输入数字`,
      en: `${col?.en} holds a number stored as text (or only spaces), which formulas cannot use; set the cell format to General and type the number again`,
    },
  };
}
