/**
 * How much of the reserve target is on hand.
 */

export interface FillRateOptions {
  /** 现有库存, or null when unknown. */
  stock: number | null;
  /** 目标储备量, or null when unknown. */
  target: number | null;
}

/**
 * Returns 达标率 = 现有库存 ÷ 目标储备量 (goods in transit are not counted);
 * null where the target is 0 or unknown, or the stock is unknown or negative.
 * Rates above 100% are kept as they are.
 *
 * @example
 * fillRate({ stock: 150, target: 300 }) //=> 0.5
 * fillRate({ stock: 450, target: 300 }) //=> 1.5
 * fillRate({ stock: 10, target: 0 })    //=> null
 */
export function fillRate(options: FillRateOptions): number | null {
  const { stock, target } = options;
  if (stock === null || target === null || !(target > 0) || stock < 0) return null;
  const rate = stock / target;
  return rate === 0 ? 0 : rate;
}
