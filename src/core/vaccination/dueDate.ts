/**
 * Second doses due today (当日到期) are the first doses given one interval
 * earlier. Dates are serial day numbers, so the subtraction crosses month and
 * year ends with no calendar arithmetic.
 */
import type { DateSerial } from "../dates";

/**
 * Returns the day whose first doses fall due on the report date.
 *
 * @example
 * dueDate(44621, 21) //=> 44600   (2022-03-01 − 21 days = 2022-02-08)
 * dueDate(44562, 21) //=> 44541   (2022-01-01 − 21 days = 2021-12-11)
 */
export function dueDate(reportDate: DateSerial, intervalDays: number): DateSerial {
  return Math.floor(reportDate) - intervalDays;
}
