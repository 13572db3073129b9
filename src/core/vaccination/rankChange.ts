/**
 * The change in a unit's rank since the previous report date, as bureaus
 * print it: ↑ for a better (smaller) rank, ↓ for a worse one.
 */

/**
 * Returns `↑n`, `↓n`, `–` (unchanged), `新` (not ranked before) or "" (not ranked now).
 *
 * @example
 * rankChange(5, 3)       //=> "↑2"
 * rankChange(2, 3)       //=> "↓1"
 * rankChange(4, 4)       //=> "–"
 * rankChange(null, 1)    //=> "新"
 * rankChange(1, null)    //=> ""
 */
export function rankChange(previous: number | null, current: number | null): string {
  if (current === null) return "";
  if (previous === null) return "新";
  const up = previous - current;
  if (up > 0) return `↑${up}`;
  if (up < 0) return `↓${-up}`;
  return "–";
}
