/**
 * Rounds a number up to a whole number the way spreadsheet ROUNDUP(x, 0) does:
 * away from zero, after first rounding to 15 significant digits as Excel and
 * LibreOffice do, so a product such as 30 × 0.1 (3.0000000000000004 in binary)
 * gives 3, not 4. Non-finite input gives NaN.
 *
 * @example
 * roundUpWhole(180.2)                //=> 181
 * roundUpWhole(30 * 0.1)             //=> 3
 * roundUpWhole(-2.5)                 //=> -3
 * roundUpWhole(0)                    //=> 0
 */
export function roundUpWhole(value: number): number {
  if (!Number.isFinite(value)) return NaN;
  const approx = Number(value.toPrecision(15));
  const up = approx >= 0 ? Math.ceil(approx) : -Math.ceil(-approx);
  return up === 0 ? 0 : up;
}
