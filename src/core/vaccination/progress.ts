/**
 * The clerk's daily vaccination table (接种进度), held column by column so a
 * sheet of 1,048,576 rows costs a few typed arrays rather than a million
 * objects. One record per date, township and age group.
 */

/** The fields of a record, in a fixed order: the bit positions of {@link ProgressColumns.reported}. */
export const PROGRESS_FIELDS = [
  "date",
  "county",
  "township",
  "group",
  "target",
  "first",
  "full",
  "booster",
  "dayFirst",
  "dayFull",
  "dayBooster",
] as const;

export type ProgressField = (typeof PROGRESS_FIELDS)[number];

/** The cumulative figures and, for each, its optional daily column. */
export const DOSE_FIELDS = ["first", "full", "booster"] as const;
export type DoseField = (typeof DOSE_FIELDS)[number];
export const DAILY_FIELD: Readonly<Record<DoseField, "dayFirst" | "dayFull" | "dayBooster">> = {
  first: "dayFirst",
  full: "dayFull",
  booster: "dayBooster",
};

/** Each field's column header, for messages. */
export const FIELD_LABEL: Readonly<Record<ProgressField, { zh: string; en: string }>> = {
  date: { zh: "日期", en: "Date" },
  county: { zh: "县(区)", en: "County" },
  township: { zh: "乡镇", en: "Township" },
  group: { zh: "人群", en: "Group" },
  target: { zh: "目标人数", en: "Target" },
  first: { zh: "第一剂累计", en: "First doses, cumulative" },
  full: { zh: "全程累计", en: "Full course, cumulative" },
  booster: { zh: "加强针累计", en: "Boosters, cumulative" },
  dayFirst: { zh: "当日第一剂", en: "First doses today" },
  dayFull: { zh: "当日全程", en: "Full course today" },
  dayBooster: { zh: "当日加强", en: "Boosters today" },
};

/** The bit of a field in {@link ProgressColumns.reported}. */
export function fieldBit(field: ProgressField): number {
  return 1 << PROGRESS_FIELDS.indexOf(field);
}

/**
 * The table, column-oriented. Numbers are NaN where the cell was blank or
 * unreadable; text columns hold an index into `names` (-1 for blank).
 */
export interface ProgressColumns {
  /** Number of records. */
  length: number;
  /** 1-based sheet row of each record, for issues. */
  row: Int32Array;
  /** Serial day number. */
  date: Float64Array;
  /** Null when the table has no 县(区) column. */
  county: Int32Array | null;
  township: Int32Array;
  group: Int32Array;
  target: Float64Array;
  first: Float64Array;
  full: Float64Array;
  booster: Float64Array;
  /** Null when the table has no such daily column; then the figure is derived from the cumulative ones. */
  dayFirst: Float64Array | null;
  dayFull: Float64Array | null;
  dayBooster: Float64Array | null;
  /**
   * Per record, one bit per field (see {@link fieldBit}) for cells already
   * reported by the reader (unreadable, or a required cell left blank), so the
   * calculation does not report them a second time.
   */
  reported: Uint16Array;
  /**
   * Per record, 1 where the reader found an error in the row (an unreadable
   * or missing cell): the record is held out as 待核实. Absent: none.
   */
  failed?: Uint8Array;
  /** The distinct texts of the county, township and group columns. */
  names: readonly string[];
}

/** One record written out, for tests and small tables. */
export interface ProgressRecord {
  row: number;
  date: number | null;
  /** Leave undefined in every record for a table without a 县(区) column. */
  county?: string | null;
  township: string | null;
  group: string | null;
  target: number | null;
  first: number | null;
  full: number | null;
  booster?: number | null;
  /** Leave undefined in every record for a table without that daily column. */
  dayFirst?: number | null;
  dayFull?: number | null;
  dayBooster?: number | null;
  /** Cells the reader already reported. */
  reported?: readonly ProgressField[];
  /** The reader found an error in the row. */
  failed?: boolean;
}

/**
 * Builds the column form of a list of records. A column exists when at least
 * one record gives it (not undefined).
 *
 * @example
 * const cols = progressColumns([{ row: 3, date: 44581, township: "城关镇", group: "18岁以上", target: 100, first: 90, full: 80 }]);
 * cols.length        //=> 1
 * cols.county        //=> null
 * cols.names[cols.township[0]] //=> "城关镇"
 */
export function progressColumns(records: readonly ProgressRecord[]): ProgressColumns {
  const n = records.length;
  const names: string[] = [];
  const ids = new Map<string, number>();
  const intern = (text: string | null | undefined): number => {
    if (text === null || text === undefined) return -1;
    let id = ids.get(text);
    if (id === undefined) {
      id = names.length;
      names.push(text);
      ids.set(text, id);
    }
    return id;
  };
  const has = (key: keyof ProgressRecord) => records.some((r) => r[key] !== undefined);
  const numbers = (get: (r: ProgressRecord) => number | null | undefined) =>
    Float64Array.from(records, (r) => get(r) ?? NaN);
  const cols: ProgressColumns = {
    length: n,
    row: Int32Array.from(records, (r) => r.row),
    date: numbers((r) => r.date),
    county: has("county") ? Int32Array.from(records, (r) => intern(r.county)) : null,
    township: Int32Array.from(records, (r) => intern(r.township)),
    group: Int32Array.from(records, (r) => intern(r.group)),
    target: numbers((r) => r.target),
    first: numbers((r) => r.first),
    full: numbers((r) => r.full),
    booster: numbers((r) => r.booster),
    dayFirst: has("dayFirst") ? numbers((r) => r.dayFirst) : null,
    dayFull: has("dayFull") ? numbers((r) => r.dayFull) : null,
    dayBooster: has("dayBooster") ? numbers((r) => r.dayBooster) : null,
    reported: Uint16Array.from(records, (r) =>
      (r.reported ?? []).reduce((bits, f) => bits | fieldBit(f), 0)
    ),
    failed: Uint8Array.from(records, (r) => (r.failed || (r.reported?.length ?? 0) > 0 ? 1 : 0)),
    names,
  };
  return cols;
}
