/**
 * Returns a reporting rate (报告率 = reported ÷ expected, 及时率 = on time ÷
 * expected), or null when no unit was expected, so an empty category is shown
 * blank rather than as 0% or 100%.
 *
 * @example
 * reportRate(32, 35) //=> 0.9142857142857143
 * reportRate(0, 35)  //=> 0
 * reportRate(0, 0)   //=> null
 */
export function reportRate(count: number, expected: number): number | null {
  return expected > 0 ? count / expected : null;
}
