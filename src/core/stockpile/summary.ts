/**
 * The leaders' view of the reserve: totals by item and by unit category × item,
 * the number of units short and the units furthest from their target. Targets
 * of different items are never added together (masks and litres do not sum).
 */
import { bestAndWorst } from "../rank";
import type { CatalogueItem } from "./catalogue";
import type { ReserveLine } from "./reserveLines";
import { UNIT_CATEGORIES, type UnitCategory } from "./reserveStandard";

export interface ReserveTotals {
  item: string;
  /** 计量单位 from the catalogue. */
  unitOfMeasure: string;
  target: number;
  stock: number;
  inTransit: number;
  /** The sum of the units' gaps: one unit's surplus does not fill another's gap. */
  gap: number;
  /** stock ÷ target; null when the target is 0. */
  rate: number | null;
  /** Units counted (rows with a target and a stock). */
  units: number;
  /** Units whose gap is above 0. */
  unitsShort: number;
  /** The units below 达标线 with the lowest fill rates, lowest first (ties at the cut-off included). */
  worst: { unit: string; rate: number }[];
}

export interface CategoryTotals extends ReserveTotals {
  category: UnitCategory;
}

export interface StockpileSummary {
  byItem: ReserveTotals[];
  byCategory: CategoryTotals[];
  /** Rows counted in the totals. */
  counted: number;
  /** Distinct units with at least one row counted. */
  units: number;
  /** Distinct units with a gap on any item. */
  unitsShort: number;
}

export interface SummaryOptions {
  /** Catalogue order: items are listed in this order. */
  catalogue: readonly CatalogueItem[];
  targetLine: number;
  /** How many worst units to name per item (default 3). */
  worstCount?: number;
}

/**
 * Totals the rows that have a target and a stock, leaving out repeated
 * (单位, 物资名称) rows.
 *
 * @example
 * summarizeReserve(lines, { catalogue: DEFAULT_CATALOGUE, targetLine: 1 }).byItem[0]
 * //=> { item: "医用外科口罩", unitOfMeasure: "只", target: 3000, stock: 2400, inTransit: 0, gap: 600,
 * //     rate: 0.8, units: 1, unitsShort: 1, worst: [{ unit: "城关镇", rate: 0.8 }] }
 */
export function summarizeReserve(
  lines: readonly ReserveLine[],
  options: SummaryOptions
): StockpileSummary {
  const worstCount = options.worstCount ?? 3;
  const counted = lines.filter(
    (l) =>
      l.item !== undefined &&
      l.target !== null &&
      l.gap !== null &&
      l.record.stock !== null &&
      l.record.unit !== null &&
      l.duplicateOf === undefined &&
      !l.unverified
  );
  const order = new Map(options.catalogue.map((c, i) => [c.name, i]));
  const byItemLines = groupBy(counted, (l) => (l.item as CatalogueItem).name);
  const sortedItems = [...byItemLines.keys()].sort(
    (a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity)
  );
  const byItem = sortedItems.map((name) =>
    totals(byItemLines.get(name) as ReserveLine[], options.targetLine, worstCount)
  );
  const byCategory: CategoryTotals[] = [];
  for (const category of UNIT_CATEGORIES) {
    const inCategory = counted.filter((l) => l.record.category === category);
    const groups = groupBy(inCategory, (l) => (l.item as CatalogueItem).name);
    for (const name of sortedItems) {
      const group = groups.get(name);
      if (group) byCategory.push({ category, ...totals(group, options.targetLine, worstCount) });
    }
  }
  const short = new Set(counted.filter((l) => (l.gap as number) > 0).map((l) => l.record.unit));
  return {
    byItem,
    byCategory,
    counted: counted.length,
    units: new Set(counted.map((l) => l.record.unit)).size,
    unitsShort: short.size,
  };
}

function totals(lines: ReserveLine[], targetLine: number, worstCount: number): ReserveTotals {
  const first = lines[0].item as CatalogueItem;
  let target = 0;
  let stock = 0;
  let inTransit = 0;
  let gap = 0;
  let unitsShort = 0;
  for (const l of lines) {
    target += l.target as number;
    stock += l.record.stock as number;
    inTransit += l.record.inTransit;
    gap += l.gap as number;
    if ((l.gap as number) > 0) unitsShort += 1;
  }
  const below = lines.filter((l) => l.rate !== null && l.rate < targetLine);
  const { worst } = bestAndWorst(below, (l) => l.rate, worstCount);
  return {
    item: first.name,
    unitOfMeasure: first.unit,
    target,
    stock,
    inTransit,
    gap,
    rate: target > 0 ? stock / target : null,
    units: lines.length,
    unitsShort,
    worst: worst.map((l) => ({ unit: l.record.unit as string, rate: l.rate as number })),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
