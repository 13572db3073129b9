/**
 * How the browser preview shows a cell: the value as Excel would display it
 * under the common number formats the add-in writes (percent, time, date,
 * fixed decimals). Anything else is shown as General.
 */
import { isoFromSerial } from "../core/dates";
import type { CellValue } from "../workbook/cells";

/**
 * Formats a cell value for display.
 *
 * @example
 * formattedText(0.8, "0%")          //=> "80%"
 * formattedText(10 / 24, "hh:mm")   //=> "10:00"
 * formattedText(44581, "yyyy-mm-dd") //=> "2022-01-20"
 * formattedText(null)               //=> ""
 */
export function formattedText(value: CellValue | undefined, format?: string | null): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return String(value);
  const f = (format ?? "General").replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "");
  if (/%/.test(f)) return `${fixed(value * 100, decimals(f))}%`;
  if (/h/i.test(f) && /m/i.test(f) && !/y|d/i.test(f)) return clock(value, /s/i.test(f));
  if (/y|d/i.test(f)) return isoFromSerial(value);
  if (/0/.test(f)) {
    const text = fixed(value, decimals(f));
    return /#,##0|0,0/.test(f) ? groupThousands(text) : text;
  }
  return general(value);
}

function decimals(format: string): number {
  const m = /\.(0+)/.exec(format);
  return m ? m[1].length : 0;
}

function fixed(value: number, places: number): string {
  const text = value.toFixed(places);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

function groupThousands(text: string): string {
  const [int, frac] = text.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

function clock(value: number, withSeconds: boolean): string {
  const fraction = value - Math.floor(value);
  const total = Math.round(fraction * 86_400);
  const h = Math.floor(total / 3600) % 24;
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, "0");
  return withSeconds ? `${two(h)}:${two(m)}:${two(s)}` : `${two(h)}:${two(m)}`;
}

/** Excel's General format shows at most about 11 significant digits. */
function general(value: number): string {
  if (Object.is(value, -0)) return "0";
  return String(Number(value.toPrecision(11)));
}
