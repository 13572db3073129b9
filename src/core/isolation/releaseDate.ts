import type { DateSerial } from "../dates";

/**
 * 解除隔离日期: the arrival day plus the stay. The stay occupies the days
 * arrival … arrival + days − 1 (the arrival day counts as day 1), and on the
 * release day the bed is free again. So a 14-day stay from 2022-01-09 is
 * released on 2022-01-23; a stay of 0 days (低风险) is released on arrival.
 * A time of day on the arrival is ignored.
 *
 * @example
 * releaseDate(44570, 14) //=> 44584   (2022-01-09 → 2022-01-23)
 * releaseDate(44570, 0)  //=> 44570
 */
export function releaseDate(arrival: DateSerial, days: number): DateSerial {
  return Math.floor(arrival) + days;
}
