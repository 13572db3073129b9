/**
 * How many days in a row a unit has not reported.
 */
import type { DateSerial } from "../dates";

export interface ConsecutiveMissingDaysOptions {
  /** The last day on or before the report date for which the unit reported; null when never. */
  lastReported: DateSerial | null;
  /**
   * The first day that can count as missed: the first day of the report log,
   * or the unit's 起报日期 when later. Days before it are not counted, so a
   * unit added to the roster last week is not "missing" since the log began.
   */
  since: DateSerial;
}

/**
 * Returns the number of days in a row, ending on the report date, without a
 * report from the unit: 0 when it reported on the report date. Days are
 * serials, so the count runs across month and year ends unchanged.
 *
 * @example
 * consecutiveMissingDays(44581, { lastReported: 44581, since: 44572 }) //=> 0
 * consecutiveMissingDays(44581, { lastReported: 44578, since: 44572 }) //=> 3
 * consecutiveMissingDays(44581, { lastReported: null, since: 44572 })  //=> 10
 * consecutiveMissingDays(44581, { lastReported: null, since: 44590 })  //=> 0
 */
export function consecutiveMissingDays(
  reportDate: DateSerial,
  options: ConsecutiveMissingDaysOptions
): number {
  const day = Math.floor(reportDate);
  const afterLast =
    options.lastReported === null ? -Infinity : Math.floor(options.lastReported) + 1;
  const from = Math.max(afterLast, Math.floor(options.since));
  return Math.max(0, day - from + 1);
}
