/**
 * Dates in the engine are Excel serial day numbers (1 = 1900-01-01, with Excel's
 * 1900 leap-year quirk, so 2022-01-09 = 44570). Whole numbers are days; a
 * fraction is the time of day. Day arithmetic is then plain subtraction, across
 * month and year ends, with no time zone involved.
 */

/** An Excel serial date; the fraction, if any, is the time of day. */
export type DateSerial = number;

const MS_PER_DAY = 86_400_000;
/** 1899-12-30, the day Excel's serial numbers count from for all dates after 1900-02-28. */
const EPOCH_UTC = Date.UTC(1899, 11, 30);

/**
 * Returns the serial number of a calendar date, or NaN when it is not a real date.
 *
 * @example
 * serialFromYmd(2022, 1, 9)   //=> 44570
 * serialFromYmd(2022, 2, 30)  //=> NaN
 */
export function serialFromYmd(year: number, month: number, day: number): DateSerial {
  if (![year, month, day].every(Number.isInteger)) return NaN;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return NaN;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return NaN;
  return Math.round((ms - EPOCH_UTC) / MS_PER_DAY);
}

/** A calendar date. */
export interface Ymd {
  year: number;
  month: number;
  day: number;
}

/**
 * Returns the calendar date of a serial number (the time of day is ignored).
 *
 * @example
 * ymdFromSerial(44570) //=> { year: 2022, month: 1, day: 9 }
 */
export function ymdFromSerial(serial: DateSerial): Ymd {
  const d = new Date(EPOCH_UTC + Math.floor(serial) * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * Formats a serial date as ISO `YYYY-MM-DD`.
 *
 * @example
 * isoFromSerial(44570) //=> "2022-01-09"
 */
export function isoFromSerial(serial: DateSerial): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Formats a serial date the way Chinese official documents do.
 *
 * @example
 * chineseDate(44570)       //=> "2022年1月9日"
 * chineseDate(44570, false) //=> "1月9日"
 */
export function chineseDate(serial: DateSerial, withYear = true): string {
  const { year, month, day } = ymdFromSerial(serial);
  return withYear ? `${year}年${month}月${day}日` : `${month}月${day}日`;
}

/**
 * Formats a date beside another it is compared with: the year is given only
 * when the two years differ, so `2099年1月20日` never passes for `1月20日`.
 *
 * @example
 * chineseDateBeside(44580, 44581) //=> "1月19日"
 * chineseDateBeside(73051, 44581) //=> "2099年12月31日"
 */
export function chineseDateBeside(serial: DateSerial, other: DateSerial): string {
  const same = ymdFromSerial(serial).year === ymdFromSerial(other).year;
  return chineseDate(serial, !same);
}

/**
 * The serial date of a JavaScript Date's calendar day, read in local time (what
 * a clerk's clock says), used for "today".
 *
 * @example
 * serialFromLocalDate(new Date(2022, 0, 9, 15, 30)) //=> 44570
 */
export function serialFromLocalDate(date: Date): DateSerial {
  return serialFromYmd(date.getFullYear(), date.getMonth() + 1, date.getDate());
}
