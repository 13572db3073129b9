import type { DateSerial } from "../../core/dates";
import { readDate } from "../../workbook/cells";

/**
 * The serial of an `<input type="date">` value (`YYYY-MM-DD`), or undefined
 * when it is empty or not a real date.
 *
 * @example
 * serialFromIso("2022-01-20") //=> 44581
 * serialFromIso("")           //=> undefined
 */
export function serialFromIso(iso: string): DateSerial | undefined {
  const read = readDate(iso.trim());
  return read.ok && read.value !== null ? read.value : undefined;
}
