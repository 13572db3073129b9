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
 * formattedText(44581, 'yyyy"年"m"月"d"日"') //=> "2022年1月20日"
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
  if (/y|d/i.test(f)) return dateText(value, format ?? "");
  if (/0/.test(f)) {
    const text = fixed(value, decimals(f));
    return /#,##0|0,0/.test(f) ? groupThousands(text) : text;
  }
  return general(value);
}

/**
 * A date (or date-time) format as Excel shows it: quoted text kept, y/m/d and
 * h/m/s replaced; an `m` right after an hour is minutes, as in Excel.
 */
function dateText(serial: number, format: string): string {
  const [y, mo, d] = isoFromSerial(Math.floor(serial)).split("-");
  const seconds = Math.round((serial - Math.floor(serial)) * 86_400);
  const parts = {
    h: Math.floor(seconds / 3600) % 24,
    mi: Math.floor((seconds % 3600) / 60),
    s: seconds % 60,
  };
  const two = (n: number | string) => String(n).padStart(2, "0");
  let afterHour = false;
  return format.replace(
    /"([^"]*)"|\\(.)|\[[^\]]*\]|yyyy|yy|mm|m|dd|d|hh|h|ss|s/gi,
    (token: string, quoted?: string, escaped?: string) => {
      if (quoted !== undefined) return quoted;
      if (escaped !== undefined) return escaped;
      if (token.startsWith("[")) return "";
      const t = token.toLowerCase();
      const minute = afterHour && t.startsWith("m");
      afterHour = t.startsWith("h");
      if (t === "yyyy") return y;
      if (t === "yy") return y.slice(2);
      if (minute) return t === "mm" ? two(parts.mi) : String(parts.mi);
      if (t === "mm") return mo;
      if (t === "m") return String(Number(mo));
      if (t === "dd") return d;
      if (t === "d") return String(Number(d));
      if (t === "hh") return two(parts.h);
      if (t === "h") return String(parts.h);
      return t === "ss" ? two(parts.s) : String(parts.s);
    }
  );
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
