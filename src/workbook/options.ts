/**
 * The option parsers every command shares, so one choice behaves one way
 * whichever command it is given to. An unreadable value is an OptionIssue,
 * never a silent fallback.
 */
import type { DateSerial } from "../core/dates";
import { readDate } from "./cells";
import type { OptionIssue, OptionsResult, RawOptions } from "./command";

/**
 * The report date of `raw.reportDate`: a serial (its time of day dropped) or
 * a date text a clerk would type; absent (undefined, null or "") gives
 * undefined, for the command's own default (today, or the latest date of
 * its data). Anything else is an error issue.
 *
 * @example
 * reportDateOption({ reportDate: 44580.6 }, [])    //=> 44580
 * reportDateOption({ reportDate: "2022-01-19" }, []) //=> 44580
 * reportDateOption({}, [])                         //=> undefined
 * reportDateOption({ reportDate: "明天" }, issues)  //=> undefined, issues: [{ code: "badReportDate", … }]
 */
export function reportDateOption(raw: RawOptions, issues: OptionIssue[]): DateSerial | undefined {
  const value = raw.reportDate;
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value === "number" || typeof value === "string") {
    const read = readDate(value);
    if (read.ok && read.value !== null) return read.value;
  }
  issues.push({
    code: "badReportDate",
    severity: "error",
    option: "reportDate",
    message: {
      zh: `报告日期“${String(value)}”不是有效日期，请选择或填写日期，如 2022-01-20`,
      en: `The report date "${String(value)}" is not a date; pick or type one such as 2022-01-20`,
    },
  });
  return undefined;
}

/**
 * A list of non-blank texts, trimmed; undefined when the option is not a list.
 *
 * @example
 * textListOption([" 城关镇 ", "", 3]) //=> ["城关镇"]
 * textListOption("城关镇")           //=> undefined
 */
export function textListOption(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value
    .filter((v): v is string => typeof v === "string" && v.trim() !== "")
    .map((v) => v.trim());
}

/** The result of a parse: ok unless an error issue was found. */
export function optionsResult<Options>(
  value: Options,
  issues: OptionIssue[]
): OptionsResult<Options> {
  return issues.some((i) => i.severity === "error")
    ? { ok: false, issues }
    : { ok: true, value, issues };
}

/** Options of a command that takes only a report date. */
export interface ReportDateOptions {
  /** Serial date; default: the command's own (today, or the latest date of its data). */
  reportDate?: DateSerial;
}

/**
 * Parses options that hold only a report date.
 *
 * @example
 * parseReportDateOptions({ reportDate: 44580 }) //=> { ok: true, value: { reportDate: 44580 }, issues: [] }
 */
export function parseReportDateOptions(raw: RawOptions): OptionsResult<ReportDateOptions> {
  const issues: OptionIssue[] = [];
  const reportDate = reportDateOption(raw, issues);
  return optionsResult(reportDate === undefined ? {} : { reportDate }, issues);
}

/**
 * Parses the options of a command that takes none.
 *
 * @example
 * parseNoOptions({}) //=> { ok: true, value: {}, issues: [] }
 */
export function parseNoOptions(): OptionsResult<Record<string, never>> {
  return { ok: true, value: {}, issues: [] };
}
