/**
 * Table plumbing every capability shares: find a table's sheet the same way
 * (its Chinese name, or the English name the schema accepts), and read it the
 * same way (header found under any title rows, rows parsed, issues naming
 * the sheet as it is really called).
 */
import { parseTable, type ParsedTable, type ParseOptions } from "./parse";
import type { TableSpec } from "./schema";
import type { SheetSnapshot, WorkbookSnapshot } from "./snapshot";

/**
 * A table's sheet in a snapshot, by its Chinese name or its English name.
 *
 * @example
 * tableSheet(snapshot, BEDS_TABLE)?.name //=> "隔离床位" (or "Isolation beds")
 */
export function tableSheet(snapshot: WorkbookSnapshot, spec: TableSpec): SheetSnapshot | undefined {
  return snapshot.sheets[spec.sheet] ?? snapshot.sheets[spec.en];
}

/** The sheet names a command reads for a table: both of its names. */
export function tableReads(spec: TableSpec): string[] {
  return [spec.sheet, spec.en];
}

/**
 * Reads a table: its sheet (undefined when absent) and the parse of it.
 *
 * @example
 * readTable(snapshot, ROSTER_SPEC).parsed?.rows.length //=> 35
 */
export function readTable(
  snapshot: WorkbookSnapshot,
  spec: TableSpec,
  options: Omit<ParseOptions, "sheet"> = {}
): { sheet: SheetSnapshot | undefined; parsed: ParsedTable | undefined } {
  const sheet = tableSheet(snapshot, spec);
  if (!sheet) return { sheet, parsed: undefined };
  return { sheet, parsed: parseTable(spec, sheet.values, { ...options, sheet: sheet.name }) };
}
