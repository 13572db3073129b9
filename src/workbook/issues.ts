/**
 * Issues as the user sees them: a sheet, a cell, a code and a bilingual message
 * that says what to fix. The task pane selects the cell when an issue is clicked.
 */
import type { CoreIssue, Message, Severity } from "../core/issue";
import { cellAddress, sheetRef } from "./a1";

export interface CellIssue {
  code: string;
  severity: Severity;
  sheet: string;
  /** A1 address of the cell, e.g. `F7`. */
  cell: string;
  message: Message;
  /** Other cells involved, as `sheet!A1` references. */
  related?: string[];
}

/**
 * Turns a calculation's issue into a cell issue, using the header match to find
 * the column of the record field. A field with no column points at column A.
 *
 * @example
 * toCellIssue(coreIssue({ row: 7, field: "stock" }), "物资储备", new Map([["stock", 6]]))
 * //=> { sheet: "物资储备", cell: "F7", ... }
 */
export function toCellIssue(
  core: CoreIssue,
  sheet: string,
  columns: ReadonlyMap<string, number>
): CellIssue {
  const at = (row: number, field: string) => cellAddress(row, columns.get(field) ?? 1);
  const out: CellIssue = {
    code: core.code,
    severity: core.severity,
    sheet,
    cell: at(core.row, core.field),
    message: core.message,
  };
  if (core.related?.length)
    out.related = core.related.map((r) => sheetRef(sheet, at(r.row, r.field)));
  return out;
}

/**
 * One line for a log or the command line: `物资储备!F7: 消息`.
 *
 * @example
 * formatIssue({ sheet: "物资储备", cell: "F7", message: { zh: "库存不能为负数", en: "..." }, ... }, "zh")
 * //=> "物资储备!F7: 库存不能为负数"
 */
export function formatIssue(issue: CellIssue, lang: "zh" | "en" = "zh"): string {
  const related = issue.related?.length ? ` (${issue.related.join(", ")})` : "";
  return `${sheetRef(issue.sheet, issue.cell)}: ${issue.message[lang]}${related}`;
}
