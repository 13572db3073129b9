/**
 * The per-person norm a row uses: its own 每人每日用量 when typed, else the
 * catalogue's norm for the row's standard.
 */
import type { CatalogueItem, ReserveStandard } from "./catalogue";

export interface AppliedNormOptions {
  /** 每人每日用量 typed on the row (a number cell), or null when blank or not a number. */
  override: number | null;
  /** The catalogue entry of the row's item; undefined when the item is not in the catalogue. */
  item: CatalogueItem | undefined;
  /** The row's standard; null when it could not be decided. */
  standard: ReserveStandard | null;
}

/**
 * Returns the per-person norm (daily use, or a per-person quantity for 耐用类):
 * the typed norm when there is one (null if negative), else the catalogue's
 * number for the standard (null when the item is unknown or the catalogue
 * has no number). Zero is a valid norm.
 *
 * @example
 * const mask = { name: "医用外科口罩", unit: "只", kind: "消耗类", routine: 2, wartime: 4, note: "" };
 * appliedNorm({ override: null, item: mask, standard: "战时" }) //=> 4
 * appliedNorm({ override: 3, item: mask, standard: "战时" })    //=> 3
 * appliedNorm({ override: -1, item: mask, standard: "战时" })   //=> null
 * appliedNorm({ override: null, item: undefined, standard: "日常" }) //=> null
 * appliedNorm({ override: null, item: mask, standard: null })    //=> null
 */
export function appliedNorm(options: AppliedNormOptions): number | null {
  const { override, item, standard } = options;
  if (override !== null) return nonNegative(override);
  if (!item) return null;
  if (standard === "战时") return nonNegative(item.wartime);
  if (standard === "日常") return nonNegative(item.routine);
  return null;
}

function nonNegative(value: number | null): number | null {
  if (value === null || !Number.isFinite(value) || value < 0) return null;
  return value === 0 ? 0 : value;
}
