import { excelRoundUp } from "./excelRound";

export interface RequiredBedsOptions {
  /** The norm: beds (or rooms) per 10,000 residents, e.g. 20. */
  bedsPer10k: number;
}

/**
 * The beds a township must prepare: ROUNDUP(population × norm ÷ 10,000), a
 * whole bed for any part of one. Null when the population is not a number
 * above zero (blank, zero, negative or unreadable), as the sheet formula
 * then shows "".
 *
 * The product is taken before the division (population × norm ÷ 10,000), as
 * the written formula does, so whole-number inputs give an exact quotient and
 * an exact ten thousand never rounds up to one bed too many.
 *
 * @example
 * requiredBeds(86_400, { bedsPer10k: 20 }) //=> 173
 * requiredBeds(10_000, { bedsPer10k: 20 }) //=> 20
 * requiredBeds(86_400, { bedsPer10k: 40 }) //=> 346
 * requiredBeds(0, { bedsPer10k: 20 })      //=> null
 */
export function requiredBeds(
  population: number | null,
  options: RequiredBedsOptions
): number | null {
  if (!isPositive(population)) return null;
  return excelRoundUp((population * options.bedsPer10k) / 10_000);
}

function isPositive(value: number | null): value is number {
  return typeof value === "number" && Number.isFinite(value) && value > 0;
}
