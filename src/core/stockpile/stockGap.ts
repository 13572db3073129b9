/**
 * The shortfall of a reserve against its target, counting goods in transit.
 */

export interface StockGapOptions {
  /** 目标储备量, or null. */
  target: number | null;
  /** 现有库存, or null when blank or not a number (blank stock is unknown, not zero). */
  stock: number | null;
  /** 在途数量; blank counts as 0. */
  inTransit: number;
}

/**
 * Returns 缺口 = MAX(0, 目标储备量 − 现有库存 − 在途数量), or null when the target
 * or the stock is unknown or a quantity is negative.
 *
 * @example
 * stockGap({ target: 300, stock: 120, inTransit: 50 }) //=> 130
 * stockGap({ target: 300, stock: 400, inTransit: 0 })  //=> 0
 * stockGap({ target: 300, stock: null, inTransit: 0 }) //=> null
 */
export function stockGap(options: StockGapOptions): number | null {
  const { target, stock, inTransit } = options;
  if (target === null || stock === null) return null;
  if (stock < 0 || inTransit < 0) return null;
  const gap = Math.max(0, target - stock - inTransit);
  return gap === 0 ? 0 : gap;
}
