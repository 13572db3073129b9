/**
 * Ranking with ties, as bureaus publish it. 并列占位 (competition ranking)
 * gives 1, 1, 3; 并列不占位 (dense ranking) gives 1, 1, 2. Items whose value
 * is not a finite number are not ranked (their rank is null), so a unit that
 * did not report, or whose rate is undefined, is never ranked as 0%.
 */

export type TieRule = "并列占位" | "并列不占位";

export interface RankOptions {
  /** "desc" (default): the largest value is rank 1. */
  order?: "desc" | "asc";
  tieRule?: TieRule;
  /**
   * Values closer than this are tied (default 1e-9), so 0.1 + 0.2 ties with 0.3.
   * Rates shown with one decimal should usually be ranked on the raw value.
   */
  epsilon?: number;
}

/**
 * Returns the rank of each value, in input order; null for values that are
 * not finite numbers.
 *
 * @example
 * rankWithTies([90, 95, 95, 80])                              //=> [3, 1, 1, 4]
 * rankWithTies([90, 95, 95, 80], { tieRule: "并列不占位" })     //=> [2, 1, 1, 3]
 * rankWithTies([0.5, null, NaN])                              //=> [1, null, null]
 */
export function rankWithTies(
  values: ReadonlyArray<number | null | undefined>,
  options: RankOptions = {}
): (number | null)[] {
  const { order = "desc", tieRule = "并列占位", epsilon = 1e-9 } = options;
  const ranked = values
    .map((v, i) => ({ v, i }))
    .filter((x): x is { v: number; i: number } => typeof x.v === "number" && Number.isFinite(x.v))
    .sort((a, b) => (order === "desc" ? b.v - a.v : a.v - b.v) || a.i - b.i);
  const ranks: (number | null)[] = values.map(() => null);
  let rank = 0;
  let dense = 0;
  let previous: number | undefined;
  ranked.forEach((x, position) => {
    if (previous === undefined || Math.abs(x.v - previous) > epsilon) {
      dense += 1;
      rank = position + 1;
      previous = x.v;
    }
    ranks[x.i] = tieRule === "并列占位" ? rank : dense;
  });
  return ranks;
}

export interface Extremes<T> {
  /** The items ranked within the best `count`, all ties at the cut-off included. */
  best: T[];
  /** The items ranked within the worst `count`, all ties at the cut-off included. */
  worst: T[];
  /** True when a tie at the cut-off brought in more than `count` items. */
  bestTied: boolean;
  worstTied: boolean;
}

/**
 * Picks the best and worst `count` items by value (largest is best), naming
 * every item tied at a cut-off. Items without a finite value are left out.
 *
 * @example
 * bestAndWorst([{ n: "甲", v: 1 }, { n: "乙", v: 0.9 }, { n: "丙", v: 0.9 }], (x) => x.v, 1)
 * //=> { best: [甲], worst: [乙, 丙], bestTied: false, worstTied: true }
 */
export function bestAndWorst<T>(
  items: readonly T[],
  value: (item: T) => number | null | undefined,
  count = 3,
  epsilon = 1e-9
): Extremes<T> {
  const valued = items
    .map((item) => ({ item, v: value(item) }))
    .filter((x): x is { item: T; v: number } => typeof x.v === "number" && Number.isFinite(x.v));
  const desc = [...valued].sort((a, b) => b.v - a.v);
  const asc = [...valued].sort((a, b) => a.v - b.v);
  const take = (sorted: typeof valued) => {
    if (sorted.length <= count) return { list: sorted.map((x) => x.item), tied: false };
    const cut = sorted[count - 1].v;
    const list = sorted.filter((x, i) => i < count || Math.abs(x.v - cut) <= epsilon);
    return { list: list.map((x) => x.item), tied: list.length > count };
  };
  const best = take(desc);
  const worst = take(asc);
  return { best: best.list, worst: worst.list, bestTied: best.tied, worstTied: worst.tied };
}
