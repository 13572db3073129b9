/**
 * How the add-in's formulas see a cell, so the engine computes for each
 * formula exactly the value a spreadsheet shows: ISNUMBER accepts only number
 * cells (a number typed as text is text), N() turns anything else into 0, and
 * TRIM removes outer spaces and doubles inside (only the ASCII space).
 */
import { isBlank, readNumber, type CellValue } from "../cells";

/**
 * The cell as ISNUMBER sees it: the number, or null.
 *
 * @example
 * formulaNumber(12)   //=> 12
 * formulaNumber("12") //=> null
 * formulaNumber(-0)   //=> 0
 */
export function formulaNumber(value: CellValue | undefined): number | null {
  if (typeof value !== "number" || !Number.isFinite(value)) return null;
  return value === 0 ? 0 : value;
}

/**
 * The cell as N() sees it: numbers as they are, TRUE as 1, anything else 0.
 *
 * @example
 * formulaN(5)     //=> 5
 * formulaN("abc") //=> 0
 * formulaN(null)  //=> 0
 */
export function formulaN(value: CellValue | undefined): number {
  if (typeof value === "number" && Number.isFinite(value)) return value === 0 ? 0 : value;
  if (typeof value === "boolean") return value ? 1 : 0;
  return 0;
}

/**
 * The cell as TRIM() sees it: its text with outer spaces removed and runs of
 * inner spaces made one; "" for an empty cell.
 *
 * @example
 * formulaTrim("  城关镇  ") //=> "城关镇"
 * formulaTrim(null)        //=> ""
 * formulaTrim(true)        //=> "TRUE"
 */
export function formulaTrim(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : String(value);
  return text.replace(/ {2,}/g, " ").replace(/^ | $/g, "");
}

/**
 * True when a number cell holds text that reads as a number ("1200"), which
 * formulas do not count.
 *
 * @example
 * isNumberText("1,200") //=> true
 * isNumberText(1200)    //=> false
 */
export function isNumberText(value: CellValue | undefined): boolean {
  if (typeof value !== "string" || isBlank(value)) return false;
  const read = readNumber(value);
  return read.ok && read.value !== null;
}
