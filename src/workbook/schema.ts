/**
 * How the add-in describes a sheet it reads or writes: the sheet name, its
 * columns (Chinese canonical header, English alias), their types, and whether
 * each column is typed by the clerk (input) or written by the add-in (output).
 */

export type ColumnType =
  /** free text, trimmed */
  | "text"
  /** one of `values` */
  | "enum"
  /** any number; `min` bounds it */
  | "number"
  /** a calendar date, read into a serial day number */
  | "date"
  /** a date with a time of day */
  | "datetime"
  /** a time of day, as a fraction of a day */
  | "time";

export interface ColumnSpec {
  /** Record field name in code (English). */
  key: string;
  /** Canonical Chinese header, as written in the sheet. */
  zh: string;
  /** English header, accepted as an alias and shown in English UI. */
  en: string;
  /** Further accepted header spellings. */
  aliases?: readonly string[];
  type: ColumnType;
  /** input: typed by people; output: written by the add-in. */
  role: "input" | "output";
  /** A value must be present on every data row. */
  required?: boolean;
  /** Allowed values of an enum column (Chinese canonical). */
  values?: readonly string[];
  /** Accepted spellings of enum values, mapped to the canonical value. */
  valueAliases?: Readonly<Record<string, string>>;
  /** Smallest allowed number (inclusive). */
  min?: number;
  /** Largest believable number (inclusive): past it the figure is a typo, not data. */
  max?: number;
  /**
   * The unit the contract counts in (人, 张…) and the other spellings that mean
   * the same. A header may declare its own unit in brackets (`常住人口（万人）`):
   * with `tenThousand`, `万` + an accepted unit converts × 10,000 (the engine
   * and every formula written convert alike); any other unit is an issue.
   * Without it, a number column takes any unit but a `万` one as it is.
   */
  unit?: { base: string; accepts?: readonly string[]; tenThousand?: boolean };
  /**
   * An output column whose sum over rows means something (beds, gaps): a
   * 合计/小计 row of the clerk's table gets `=SUM(...)` of it over the rows it
   * covers. Without it (rates, statuses) a summary row gets nothing.
   */
  sum?: boolean;
  /** Excel number format used when the add-in writes the column. */
  numberFormat?: string;
  /** What the column means, for docs/workbook-contract.md. */
  note?: string;
}

export interface TableSpec {
  /** Stable id used in code, e.g. `stockpile`. */
  id: string;
  /** Sheet name (Chinese), e.g. `物资储备`. */
  sheet: string;
  /** English name, accepted as an alias sheet name. */
  en: string;
  columns: readonly ColumnSpec[];
  /** Title written above the header when the add-in creates the sheet. */
  title?: string;
  note?: string;
  /**
   * The columns that name a row (乡镇, 单位…): a 合计 or 小计 there, or in a
   * user column to their left such as 序号, marks a summary row. Default: the
   * required text input columns.
   */
  labelColumns?: readonly string[];
}

/** The columns whose text marks a summary row. */
export function labelColumns(spec: TableSpec): string[] {
  return spec.labelColumns
    ? [...spec.labelColumns]
    : spec.columns
        .filter((c) => c.role === "input" && c.type === "text" && c.required)
        .map((c) => c.key);
}

/** The columns of a table that people type. */
export function inputColumns(spec: TableSpec): ColumnSpec[] {
  return spec.columns.filter((c) => c.role === "input");
}

/** The columns of a table that the add-in writes. */
export function outputColumns(spec: TableSpec): ColumnSpec[] {
  return spec.columns.filter((c) => c.role === "output");
}
