/**
 * A completion rate: doses given ÷ target. The raw rate is kept even above
 * 100% (a target that is too small shows as 超目标, it is not capped).
 */

/**
 * Returns done ÷ target, or null when the rate is undefined: a target that is
 * blank, zero or negative, or a count that is blank.
 *
 * @example
 * completionRate(962, 1000)  //=> 0.962
 * completionRate(1023, 1000) //=> 1.023
 * completionRate(5, 0)       //=> null
 * completionRate(null, 1000) //=> null
 */
export function completionRate(
  done: number | null | undefined,
  target: number | null | undefined
): number | null {
  if (!isCount(done) || !isCount(target) || target <= 0) return null;
  return done / target;
}

/**
 * True when a rate is above 100%: 超目标, a hint to check the target.
 *
 * @example
 * isOverTarget(1.001) //=> true
 * isOverTarget(1)     //=> false
 * isOverTarget(null)  //=> false
 */
export function isOverTarget(rate: number | null | undefined): boolean {
  return typeof rate === "number" && rate > 1;
}

function isCount(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}
