/**
 * Cell values as every host hands them over, and their conversion to typed
 * values. Conversions never throw: they return a Result whose error is a
 * bilingual message that says what to type instead.
 */
import { serialFromYmd, type DateSerial } from "../core/dates";
import type { Message, Result } from "../core/issue";

/** One cell's value: Excel gives "" for an empty cell; hosts normalise it to null. */
export type CellValue = string | number | boolean | null;

/** A 2-D block of cell values, row-major, as `Range.values` holds it. */
export type Grid = CellValue[][];

/**
 * True for a cell that holds nothing (null, undefined, or only white space).
 *
 * @example
 * isBlank("  ") //=> true
 * isBlank(0)    //=> false
 */
export function isBlank(value: unknown): boolean {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

/**
 * Folds full-width ASCII (digits, letters, punctuation, the ideographic space)
 * to half-width, as clerks' Chinese input methods often produce it.
 *
 * @example
 * toHalfWidth("１２３，４") //=> "123,4"
 */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ");
}

/**
 * Reads a number from a cell: numbers as they are; text with full-width
 * digits, thousands separators or a trailing % is accepted. Negative zero
 * becomes 0. Blank is `ok` with `null`.
 *
 * @example
 * readNumber("１,２００") //=> { ok: true, value: 1200 }
 * readNumber("85%")      //=> { ok: true, value: 0.85 }
 * readNumber("")         //=> { ok: true, value: null }
 * readNumber("约100")    //=> { ok: false, error: {...} }
 */
export function readNumber(value: CellValue | undefined): Result<number | null> {
  if (isBlank(value)) return { ok: true, value: null };
  if (typeof value === "number") {
    return Number.isFinite(value)
      ? { ok: true, value: value === 0 ? 0 : value }
      : notANumber(String(value));
  }
  if (typeof value === "boolean") return notANumber(String(value));
  const text = toHalfWidth(String(value)).trim().replace(/[,\s]/g, "").replace(/^\+/, "");
  const percent = text.endsWith("%");
  const body = percent ? text.slice(0, -1) : text;
  if (!/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(body)) return notANumber(String(value));
  const n = Number(body) / (percent ? 100 : 1);
  if (!Number.isFinite(n)) return notANumber(String(value));
  return { ok: true, value: n === 0 ? 0 : n };
}

/**
 * Reads a calendar date: an Excel serial number, or text written as
 * `2022/1/9`, `2022-01-09`, `2022.1.9`, `2022年1月9日` or `20220109`.
 * A time part after the date is ignored here (see {@link readDateTime}).
 *
 * @example
 * readDate("2022年1月9日") //=> { ok: true, value: 44570 }
 * readDate(44570)          //=> { ok: true, value: 44570 }
 * readDate("明天")          //=> { ok: false, error: {...} }
 */
export function readDate(value: CellValue | undefined): Result<DateSerial | null> {
  const r = readDateTime(value);
  return r.ok && r.value !== null ? { ok: true, value: Math.floor(r.value) } : r;
}

/**
 * Reads a date with an optional time of day, e.g. `2022/1/9 9:30` or an Excel
 * serial with a fraction. The value is a serial number whose fraction is the time.
 *
 * @example
 * readDateTime("2022-01-09 09:30") //=> { ok: true, value: 44570.395833... }
 */
export function readDateTime(value: CellValue | undefined): Result<DateSerial | null> {
  if (isBlank(value)) return { ok: true, value: null };
  if (typeof value === "number") {
    return value >= 1 && value < 2_958_466 ? { ok: true, value } : notADate(String(value));
  }
  if (typeof value !== "string") return notADate(String(value));
  const text = toHalfWidth(value).trim();
  const m =
    /^(\d{4})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})\s*日?(?:[T\s]+(.*))?$/.exec(
      text
    ) ?? /^(\d{4})(\d{2})(\d{2})(?:[T\s]+(.*))?$/.exec(text);
  if (!m) return notADate(value);
  const day = serialFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  if (Number.isNaN(day)) return notADate(value);
  if (m[4] === undefined || m[4].trim() === "") return { ok: true, value: day };
  const time = parseTimeText(m[4]);
  return time === undefined ? notADate(value) : { ok: true, value: day + time };
}

/**
 * Reads a time of day as a fraction of a day: `10:00`, `9:30:15`, `10时`,
 * `10时30分`, or a number in [0, 1).
 *
 * @example
 * readTime("10:00") //=> { ok: true, value: 0.416666... }
 */
export function readTime(value: CellValue | undefined): Result<number | null> {
  if (isBlank(value)) return { ok: true, value: null };
  if (typeof value === "number")
    return value >= 0 && value < 1 ? { ok: true, value } : notATime(String(value));
  const t = parseTimeText(toHalfWidth(String(value)).trim());
  return t === undefined ? notATime(String(value)) : { ok: true, value: t };
}

/**
 * Reads text: trims it, and turns numbers into their plain written form.
 *
 * @example
 * readText("  城关镇 ") //=> "城关镇"
 * readText(12)          //=> "12"
 */
export function readText(value: CellValue | undefined): string | null {
  if (isBlank(value)) return null;
  return String(value).trim();
}

function parseTimeText(text: string): number | undefined {
  const m = /^(\d{1,2})\s*[:：时点]\s*(?:(\d{1,2})\s*[:：分]?\s*(?:(\d{1,2})\s*秒?)?)?$/.exec(
    text.trim()
  );
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  const s = m[3] === undefined ? 0 : Number(m[3]);
  if (h > 24 || min > 59 || s > 59 || (h === 24 && (min > 0 || s > 0))) return undefined;
  return (h * 3600 + min * 60 + s) / 86400;
}

function notANumber(text: string): Result<never> {
  return {
    ok: false,
    error: {
      zh: `“${clip(text)}”不是数字，请填写阿拉伯数字（如 1200）`,
      en: `"${clip(text)}" is not a number; type digits such as 1200`,
    } satisfies Message,
  };
}

function notADate(text: string): Result<never> {
  return {
    ok: false,
    error: {
      zh: `“${clip(text)}”不是有效日期，请写成 2022/1/9、2022-01-09 或 2022年1月9日`,
      en: `"${clip(text)}" is not a valid date; write 2022/1/9, 2022-01-09 or 2022年1月9日`,
    },
  };
}

function notATime(text: string): Result<never> {
  return {
    ok: false,
    error: {
      zh: `“${clip(text)}”不是有效时间，请写成 10:00`,
      en: `"${clip(text)}" is not a valid time; write 10:00`,
    },
  };
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
