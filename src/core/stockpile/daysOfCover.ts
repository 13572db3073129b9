/**
 * How many days the stock on hand lasts at the daily need.
 */

export interface DaysOfCoverOptions {
  /** 现有库存, or null when unknown. */
  stock: number | null;
  /** 日需求量, or null (durable items have none). */
  dailyNeed: number | null;
}

/**
 * Returns 可保障天数 = 现有库存 ÷ 日需求量; null where the daily need is 0 or
 * unknown, or the stock is unknown or negative.
 *
 * @example
 * daysOfCover({ stock: 900, dailyNeed: 60 }) //=> 15
 * daysOfCover({ stock: 900, dailyNeed: 0 })  //=> null
 */
export function daysOfCover(options: DaysOfCoverOptions): number | null {
  const { stock, dailyNeed } = options;
  if (stock === null || dailyNeed === null || !(dailyNeed > 0) || stock < 0) return null;
  const days = stock / dailyNeed;
  return days === 0 ? 0 : days;
}
