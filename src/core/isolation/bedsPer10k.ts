import { excelRound } from "./excelRound";

/**
 * Beds per 10,000 residents, to one decimal: ROUND(beds × 10,000 ÷ population, 1).
 * Null when either figure is missing or the population is not above zero.
 *
 * @example
 * bedsPer10k(200, 86_400)  //=> 23.1
 * bedsPer10k(23, 20_000)   //=> 11.5
 * bedsPer10k(0, 12_400)    //=> 0
 * bedsPer10k(30, 0)        //=> null
 */
export function bedsPer10k(beds: number | null, population: number | null): number | null {
  if (typeof beds !== "number" || !Number.isFinite(beds)) return null;
  if (typeof population !== "number" || !Number.isFinite(population) || population <= 0)
    return null;
  return excelRound((beds * 10_000) / population, 1);
}
