/**
 * Finding a table's header row in a sheet that may carry title rows above it
 * (`XX县物资储备情况表` in row 1 is usual), and matching headers by their Chinese
 * text or an English alias, whatever the spacing and bracket width.
 */
import { toHalfWidth, type Grid } from "./cells";
import type { ColumnSpec, TableSpec } from "./schema";

/** How far down the header row may sit. */
export const HEADER_SEARCH_ROWS = 20;

/**
 * Normalises a header for matching: full-width to half-width, no white space
 * anywhere, brackets unified, case folded, a trailing unit in brackets kept.
 *
 * @example
 * normalizeHeader(" 医用防护口罩（N95） ") //=> "医用防护口罩(n95)"
 * normalizeHeader("Stock On Hand")        //=> "stockonhand"
 */
export function normalizeHeader(text: unknown): string {
  if (text === null || text === undefined) return "";
  return toHalfWidth(String(text))
    .replace(/[【[]/g, "(")
    .replace(/[】\]]/g, ")")
    .replace(/[\s_\-*＊:：]/g, "")
    .toLowerCase();
}

/** Where a table's header sits and which sheet column holds each spec column. */
export interface HeaderMatch {
  /** 1-based sheet row of the header. */
  headerRow: number;
  /** Spec column key → 1-based sheet column. */
  columns: Map<string, number>;
  /** Spec columns not found in the header. */
  missing: ColumnSpec[];
  /** Header cells that match no spec column (user columns such as 序号 or 备注), kept as they are. */
  extra: { column: number; header: string }[];
  /** Spec columns whose header appears more than once: the first one is used. */
  duplicates: { key: string; columns: number[] }[];
}

/**
 * Finds the header row: the first of the top rows that matches the most spec
 * columns, at least one required input column among them. Returns undefined
 * when no row matches any required column.
 *
 * @example
 * detectHeader(spec, [["XX县物资储备情况表"], ["单位", "物资名称", "现有库存"], ["卫健局", "N95", 10]])
 * //=> { headerRow: 2, columns: Map { unit → 1, item → 2, stock → 3 }, ... }
 */
export function detectHeader(spec: TableSpec, grid: Grid): HeaderMatch | undefined {
  const lookup = headerLookup(spec);
  const required = new Set(spec.columns.filter((c) => c.required).map((c) => c.key));
  let best: { row: number; score: number } | undefined;
  const limit = Math.min(grid.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const seen = new Set<string>();
    for (const cell of grid[r] ?? []) {
      const key = lookup.get(normalizeHeader(cell));
      if (key) seen.add(key);
    }
    const hasRequired =
      required.size === 0 ? seen.size > 0 : [...seen].some((k) => required.has(k));
    if (hasRequired && (!best || seen.size > best.score)) best = { row: r, score: seen.size };
  }
  if (!best) return undefined;
  return matchHeaderRow(spec, grid[best.row] ?? [], best.row + 1, lookup);
}

/** Maps every accepted header spelling of a spec to its column key. */
export function headerLookup(spec: TableSpec): Map<string, string> {
  const lookup = new Map<string, string>();
  for (const c of spec.columns) {
    for (const name of [c.zh, c.en, ...(c.aliases ?? [])]) {
      const n = normalizeHeader(name);
      if (n && !lookup.has(n)) lookup.set(n, c.key);
    }
  }
  return lookup;
}

function matchHeaderRow(
  spec: TableSpec,
  row: readonly unknown[],
  headerRow: number,
  lookup: Map<string, string>
): HeaderMatch {
  const columns = new Map<string, number>();
  const all = new Map<string, number[]>();
  const extra: { column: number; header: string }[] = [];
  row.forEach((cell, i) => {
    const n = normalizeHeader(cell);
    if (!n) return;
    const key = lookup.get(n);
    if (!key) {
      extra.push({ column: i + 1, header: String(cell).trim() });
      return;
    }
    all.set(key, [...(all.get(key) ?? []), i + 1]);
    if (!columns.has(key)) columns.set(key, i + 1);
  });
  const duplicates = [...all]
    .filter(([, cols]) => cols.length > 1)
    .map(([key, cols]) => ({ key, columns: cols }));
  const missing = spec.columns.filter((c) => !columns.has(c.key));
  return { headerRow, columns, missing, extra, duplicates };
}
