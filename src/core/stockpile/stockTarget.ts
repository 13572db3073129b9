/**
 * The reserve target of a row: daily need times reserve days, rounded up; a
 * durable item (耐用类) is a per-person quantity, not multiplied by days.
 */
import { roundUpWhole } from "./roundUp";

export interface StockTargetOptions {
  /** 保障人数, or null when blank or not a number. */
  persons: number | null;
  /** The applied per-person norm (see appliedNorm), or null. */
  norm: number | null;
  /** 储备天数, or null when the standard is unknown. */
  days: number | null;
  /** True for 耐用类 items, false for 消耗类; null when the item is not in the catalogue (nothing is computed). */
  durable: boolean | null;
}

export interface StockTarget {
  /** 日需求量 = 保障人数 × 每人每日用量; null for durable items and when it cannot be computed. */
  dailyNeed: number | null;
  /** 目标储备量, a whole number; null when it cannot be computed. */
  target: number | null;
}

/**
 * Returns the daily need and the reserve target.
 *
 * @example
 * stockTarget({ persons: 1200, norm: 4, days: 60, durable: false })  //=> { dailyNeed: 4800, target: 288000 }
 * stockTarget({ persons: 35, norm: 0.02, days: 30, durable: false }) //=> { dailyNeed: 0.7000000000000001, target: 21 }
 * stockTarget({ persons: 35, norm: 0.05, days: 30, durable: true })  //=> { dailyNeed: null, target: 2 }
 * stockTarget({ persons: null, norm: 4, days: 60, durable: false })  //=> { dailyNeed: null, target: null }
 */
export function stockTarget(options: StockTargetOptions): StockTarget {
  const { persons, norm, days, durable } = options;
  if (persons === null || norm === null || durable === null || !(persons >= 0)) {
    return { dailyNeed: null, target: null };
  }
  if (durable) return { dailyNeed: null, target: roundUpWhole(persons * norm) };
  const dailyNeed = persons * norm;
  if (days === null) return { dailyNeed, target: null };
  return { dailyNeed, target: roundUpWhole(dailyNeed * days) };
}
