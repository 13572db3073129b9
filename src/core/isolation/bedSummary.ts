import { rankWithTies, type TieRule } from "../rank";
import type { BedResult } from "./bedCapacity";
import { bedsPer10k } from "./bedsPer10k";

/** Sums over the complete rows of a group (or the whole), and the ratio from those sums. */
export interface BedTotals {
  /** Townships whose figures are all computable (counted in the sums). */
  townships: number;
  population: number;
  required: number;
  total: number;
  /** Sum of the townships' shortfalls (a surplus in one does not fill another's gap). */
  gap: number;
  /** ROUND(Σ beds × 10,000 ÷ Σ population, 1); null when no population is counted. */
  per10k: number | null;
  /** Townships short of beds. */
  short: number;
}

export interface TownshipLine {
  result: BedResult;
  /** True when every output of the row is computable; other rows are listed as 待核实. */
  complete: boolean;
  /** Rank by 每万人床位 within the group (the whole table when ungrouped); null when incomplete. */
  rank: number | null;
}

export interface BedGroup {
  /** The 县(区); null for rows with a blank parent (or for the only group when ungrouped). */
  parent: string | null;
  totals: BedTotals;
  /** Rank of the group against the other groups by its 每万人床位; null when ungrouped or without figures. */
  rank: number | null;
  /** Shortfalls first (largest gap first), then the rest by rank, then incomplete rows in sheet order. */
  lines: TownshipLine[];
}

export interface BedSummary {
  /** True when at least one row names a 县(区). */
  grouped: boolean;
  /** Groups with a shortfall first (largest gap first), then by rank; one group when ungrouped. */
  groups: BedGroup[];
  /** The whole table, summed in the order the groups are listed. */
  totals: BedTotals;
}

export interface BedSummaryOptions {
  /** 并列占位 (1, 1, 3) or 并列不占位 (1, 1, 2). */
  tieRule: TieRule;
}

/**
 * Groups the rows by 县(区) when any row names one, sums each group and the
 * whole, and ranks townships within their group and groups against each
 * other by 每万人床位 (the one-decimal figure shown, so townships shown with
 * the same figure share a rank), highest first. Sums are taken in the order
 * the rows are listed, as the leader sheet's SUM formulas add them.
 *
 * @example
 * const rows = [城关镇 (23.1 per 10,000), 白云乡 (23.5), 松林乡 (10.7, short)];
 * summarizeBeds(rows, { tieRule: "并列占位" }).groups[0].lines.map((l) => [l.result.record.township, l.rank])
 * //=> [["松林乡", 3], ["白云乡", 1], ["城关镇", 2]]
 */
export function summarizeBeds(
  results: readonly BedResult[],
  options: BedSummaryOptions
): BedSummary {
  const grouped = results.some((r) => r.record.parent !== null);
  const byParent = new Map<string | null, BedResult[]>();
  for (const r of results) {
    const key = grouped ? r.record.parent : null;
    const list = byParent.get(key);
    if (list) list.push(r);
    else byParent.set(key, [r]);
  }
  const groups: BedGroup[] = [...byParent].map(([parent, rows]) => {
    const lines = orderLines(rankLines(rows, options.tieRule));
    return { parent, totals: sumLines(lines), rank: null, lines };
  });
  if (grouped) {
    const ranks = rankWithTies(
      groups.map((g) => g.totals.per10k),
      { tieRule: options.tieRule }
    );
    groups.forEach((g, i) => (g.rank = ranks[i]));
  }
  const ordered = groups
    .map((g, i) => ({ g, i }))
    .sort((a, b) => compareGroups(a.g, b.g) || a.i - b.i)
    .map((x) => x.g);
  const totals = grouped ? sumGroups(ordered) : (ordered[0]?.totals ?? sumLines([]));
  return { grouped, groups: ordered, totals };
}

function rankLines(all: readonly BedResult[], tieRule: TieRule): TownshipLine[] {
  // A later copy with the same figures is counted once, in its first row.
  const rows = all.filter((r) => r.duplicateOf === undefined);
  const complete = rows.map(isComplete);
  const ranks = rankWithTies(
    rows.map((r, i) => (complete[i] ? r.per10k : null)),
    { tieRule }
  );
  return rows.map((result, i) => ({ result, complete: complete[i], rank: ranks[i] }));
}

function isComplete(r: BedResult): boolean {
  return (
    !r.unverified &&
    r.required !== null &&
    r.total !== null &&
    r.gap !== null &&
    r.per10k !== null &&
    r.status !== null &&
    typeof r.record.population === "number"
  );
}

function orderLines(lines: TownshipLine[]): TownshipLine[] {
  const tier = (l: TownshipLine) => (!l.complete ? 2 : (l.result.gap as number) > 0 ? 0 : 1);
  return lines
    .map((l, i) => ({ l, i }))
    .sort((a, b) => {
      const t = tier(a.l) - tier(b.l);
      if (t !== 0) return t;
      if (tier(a.l) === 2) return a.i - b.i;
      const gap = tier(a.l) === 0 ? (b.l.result.gap as number) - (a.l.result.gap as number) : 0;
      return gap || (a.l.rank as number) - (b.l.rank as number) || a.i - b.i;
    })
    .map((x) => x.l);
}

function compareGroups(a: BedGroup, b: BedGroup): number {
  const tier = (g: BedGroup) => (g.totals.townships === 0 ? 2 : g.totals.gap > 0 ? 0 : 1);
  const t = tier(a) - tier(b);
  if (t !== 0 || tier(a) === 2) return t;
  if (tier(a) === 0 && b.totals.gap !== a.totals.gap) return b.totals.gap - a.totals.gap;
  return (a.rank ?? Infinity) - (b.rank ?? Infinity);
}

/** The whole, as the sum of the group subtotals in listed order (the leader sheet's SUMIF of its 小计 rows). */
function sumGroups(groups: readonly BedGroup[]): BedTotals {
  const totals = { townships: 0, population: 0, required: 0, total: 0, gap: 0, short: 0 };
  for (const { totals: t } of groups) {
    totals.townships += t.townships;
    totals.population += t.population;
    totals.required += t.required;
    totals.total += t.total;
    totals.gap += t.gap;
    totals.short += t.short;
  }
  return { ...totals, per10k: bedsPer10k(totals.total, totals.population) };
}

function sumLines(lines: readonly TownshipLine[]): BedTotals {
  const totals = { townships: 0, population: 0, required: 0, total: 0, gap: 0, short: 0 };
  for (const l of lines) {
    if (!l.complete) continue;
    const r = l.result;
    totals.townships += 1;
    totals.population += r.record.population as number;
    totals.required += r.required as number;
    totals.total += r.total as number;
    totals.gap += r.gap as number;
    if ((r.gap as number) > 0) totals.short += 1;
  }
  return { ...totals, per10k: bedsPer10k(totals.total, totals.population) };
}
