/**
 * The traffic light of a reserve row: 达标 (green), 预警 (amber), 不足 (red).
 */

export type ReserveStatus = "达标" | "预警" | "不足";

export interface ReserveStatusOptions {
  /** 达标线, e.g. 1 for 100%. */
  targetLine: number;
  /** 预警线, e.g. 0.8 for 80%. */
  warningLine: number;
}

/**
 * Returns 达标 when the rate is at or above 达标线, 预警 at or above 预警线,
 * else 不足. A zero target with known stock needs nothing, so it is 达标; null
 * when the rate cannot be computed otherwise.
 *
 * @example
 * reserveStatus({ rate: 1, target: 300, stock: 300 }, { targetLine: 1, warningLine: 0.8 })     //=> "达标"
 * reserveStatus({ rate: 0.8, target: 300, stock: 240 }, { targetLine: 1, warningLine: 0.8 })   //=> "预警"
 * reserveStatus({ rate: 0.5, target: 300, stock: 150 }, { targetLine: 1, warningLine: 0.8 })   //=> "不足"
 * reserveStatus({ rate: null, target: 0, stock: 0 }, { targetLine: 1, warningLine: 0.8 })      //=> "达标"
 * reserveStatus({ rate: null, target: 300, stock: null }, { targetLine: 1, warningLine: 0.8 }) //=> null
 */
export function reserveStatus(
  figures: { rate: number | null; target: number | null; stock: number | null },
  options: ReserveStatusOptions
): ReserveStatus | null {
  const { rate, target, stock } = figures;
  if (rate !== null) {
    if (rate >= options.targetLine) return "达标";
    if (rate >= options.warningLine) return "预警";
    return "不足";
  }
  if (target === 0 && stock !== null && stock >= 0) return "达标";
  return null;
}
