/**
 * A day's doses for one unit: the daily column when the clerk filled it in,
 * else the change in the cumulative figure from the day before. When neither
 * can be had, the figure is unknown (null, with the reason), never 0.
 */
import { dailyColumn, recordAt, type ProgressIndex } from "./indexProgress";
import type { DoseField } from "./progress";

/** Why a day's figure is unknown. */
export type DailyUnknown =
  /** The unit has no row for that day. */
  | "noRow"
  /** No daily column and no row for the day before, so there is nothing to subtract. */
  | "noDayBefore"
  /** A cumulative figure is blank or unreadable, or fell from the day before. */
  | "badFigure";

export interface DailyFigure {
  value: number | null;
  unknown: DailyUnknown | null;
}

/**
 * Returns a unit's doses of one kind given on a date.
 *
 * @example
 * // 城关镇 reported 第一剂累计 500 on 1月19日 and 530 on 1月20日, with no 当日第一剂 column:
 * dailyFigure(index, 0, 44581, "first") //=> { value: 30, unknown: null }
 * dailyFigure(index, 0, 44560, "first") //=> { value: null, unknown: "noRow" }
 */
export function dailyFigure(
  index: ProgressIndex,
  unit: number,
  date: number,
  field: DoseField
): DailyFigure {
  const c = index.columns;
  const r = recordAt(index, unit, date);
  if (r < 0) return { value: null, unknown: "noRow" };
  const given = dailyColumn(c, field)?.[r];
  if (given !== undefined && Number.isFinite(given)) return { value: given, unknown: null };
  const p = recordAt(index, unit, date - 1);
  if (p < 0) return { value: null, unknown: "noDayBefore" };
  const diff = c[field][r] - c[field][p];
  if (!Number.isFinite(diff) || diff < 0) return { value: null, unknown: "badFigure" };
  return { value: diff, unknown: null };
}
