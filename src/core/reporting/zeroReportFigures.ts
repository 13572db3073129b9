/**
 * A zero report (零报告) says "nothing to report today". One that also carries
 * figures is contradictory: either the type should be 正常, or the figures are
 * stray. This finds such figures so the clerk can check.
 */

/** A cell of a report row outside the standard columns (a user column such as 新增病例). */
export interface FigureCell {
  /** Field key the caller maps back to a column, e.g. `extra:6`. */
  field: string;
  /** The column's header text. */
  header: string;
  value: string | number | null;
}

/** One figure found in a zero report. */
export interface ZeroReportFigure {
  /** `note`, or the field of the user column it sits in. */
  field: string;
  /** What was found, for the message, e.g. `备注“新增2例”` or `新增病例：3`. */
  text: string;
}

/**
 * Headers of user columns that hold numbers which are not figures: row
 * numbers, dates, times and phone numbers.
 */
const NOT_FIGURE_HEADER = /序号|编号|行号|^no\.?$|^#$|电话|手机|号码|日期|时间|date|time|phone/i;

/** A positive number followed by a counting word: 2例, 3人, 1.5吨. Dates (1月20日) and times (10时) have no counting word. */
const COUNTED =
  /(?<![\d.])(\d+(?:\.\d+)?)\s*(?:例|人次|人|名|个|件|起|户|只|份|箱|支|瓶|套|台|张|剂|次|吨|公斤|千克|辆|处|家|批)/g;

/**
 * Returns the figures carried by a zero report: in the 备注, any positive
 * number followed by a counting word (`新增2例`, `3人`); in a user column, any
 * number other than 0 (columns headed as a row number, date, time or phone
 * are skipped). `0例`, `无`, dates and times are not figures.
 *
 * @example
 * zeroReportFigures("今日无新增")                //=> []
 * zeroReportFigures("1月20日新增0例")            //=> []
 * zeroReportFigures("新增2例")                   //=> [{ field: "note", text: "备注“新增2例”" }]
 * zeroReportFigures(null, [{ field: "extra:6", header: "新增病例", value: 3 }])
 * //=> [{ field: "extra:6", text: "新增病例：3" }]
 */
export function zeroReportFigures(
  note: string | null,
  extras: readonly FigureCell[] = []
): ZeroReportFigure[] {
  const found: ZeroReportFigure[] = [];
  if (note && hasCountedFigure(note)) found.push({ field: "note", text: `备注“${note}”` });
  for (const cell of extras) {
    if (NOT_FIGURE_HEADER.test(cell.header.trim())) continue;
    if (isFigure(cell.value))
      found.push({ field: cell.field, text: `${cell.header}：${cell.value}` });
  }
  return found;
}

function isFigure(value: string | number | null): boolean {
  if (typeof value === "number") return Number.isFinite(value) && value !== 0;
  if (value === null) return false;
  const text = halfWidth(value).trim().replace(/,/g, "");
  if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return Number(text) !== 0;
  return hasCountedFigure(text);
}

function hasCountedFigure(text: string): boolean {
  for (const m of halfWidth(text).matchAll(COUNTED)) if (Number(m[1]) > 0) return true;
  return false;
}

function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}
