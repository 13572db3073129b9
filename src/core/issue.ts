/**
 * Problems in input are data, never exceptions. A calculation returns what it
 * could compute together with the issues it found, so valid rows are still
 * computed when others are bad.
 */

/** A message in Simplified Chinese first and English second. */
export interface Message {
  zh: string;
  en: string;
}

export type Severity = "error" | "warning";

/** A field of an input record, identified by the record's sheet row and the field key. */
export interface FieldRef {
  /** The row the record came from (1-based sheet row, as given in the record). */
  row: number;
  /** The record field, e.g. `population`. The workbook layer maps it to a column letter. */
  field: string;
}

/**
 * One problem found by a calculation. `row` and `field` point at the input
 * cell; the workbook layer turns them into a sheet and an A1 address.
 */
export interface CoreIssue extends FieldRef {
  code: string;
  severity: Severity;
  message: Message;
  /** Other cells involved, for example the previous day's figure. */
  related?: FieldRef[];
}

/** What a calculation over a table returns: a value, plus the issues met on the way. */
export interface Outcome<T> {
  value: T;
  issues: CoreIssue[];
}

/** The result of parsing one thing that either works or does not. */
export type Result<T, E = Message> = { ok: true; value: T } | { ok: false; error: E };

/**
 * Builds a CoreIssue.
 *
 * @example
 * issue("negative", 7, "stock", { zh: "库存不能为负数", en: "Stock cannot be negative" })
 * //=> { code: "negative", row: 7, field: "stock", severity: "error", message: {...} }
 */
export function issue(
  code: string,
  row: number,
  field: string,
  message: Message,
  severity: Severity = "error",
  related?: FieldRef[]
): CoreIssue {
  return related
    ? { code, row, field, severity, message, related }
    : { code, row, field, severity, message };
}
