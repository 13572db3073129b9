/**
 * The one-line summary leaders paste into a work group, in official style.
 */
import { chineseDate, ymdFromSerial, type DateSerial } from "../dates";
import type { Message } from "../issue";
import { leaderOrder, type DailyReportingStatus } from "./dailyReportingStatus";

export interface ReportingSummaryOptions {
  /**
   * The clerk's clock (serial with time). When it falls on the report date
   * the summary reads `截至11月22日10时…`; otherwise (a past date) it names the
   * day alone, `11月21日，…`.
   */
  now?: DateSerial;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * Returns the summary: counts of units due, reported (zero reports among
 * them), missing by name (most days missing first, then roster order) and
 * late. A zero count of zero reports or of late reports is left out.
 *
 * @example
 * reportingSummary(status, { now: 44887 + 10 / 24 }).zh
 * //=> "截至11月22日10时，应报单位35个，已报32个（其中零报告5个），未报3个：县交通运输局、XX乡、XX镇；迟报2个。"
 * reportingSummary(status, { now: 44887 + 10 / 24 }).en
 * //=> "As of 10:00 on 22 November, 35 units were due to report: 32 reported (5 of them zero reports) and 3 did not: 县交通运输局, XX乡, XX镇; 2 reported late."
 */
export function reportingSummary(
  status: DailyReportingStatus,
  options: ReportingSummaryOptions = {}
): Message {
  const asOf = asOfText(status.reportDate, options.now);
  const { expected, reported, zero, missing, late } = status.overall;
  if (expected === 0)
    return { zh: `${asOf.zh}，无应报单位。`, en: `${asOf.en}, no unit was due to report.` };
  const names = leaderOrder(status.units)
    .filter((u) => u.state === "未报")
    .map((u) => u.unit.name);
  const zh =
    `${asOf.zh}，应报单位${expected}个，已报${reported}个` +
    (zero > 0 ? `（其中零报告${zero}个）` : "") +
    (missing > 0 ? `，未报${missing}个：${names.join("、")}` : "，无未报单位") +
    (late > 0 ? `；迟报${late}个` : "") +
    "。";
  const en =
    `${asOf.en}, ${expected} ${expected === 1 ? "unit was" : "units were"} due to report: ${reported} reported` +
    (zero > 0 ? ` (${zero} of them ${zero === 1 ? "a zero report" : "zero reports"})` : "") +
    (missing > 0 ? ` and ${missing} did not: ${names.join(", ")}` : " and none is missing") +
    (late > 0 ? `; ${late} reported late` : "") +
    ".";
  return { zh, en };
}

/**
 * The "as of" phrase of the summary.
 *
 * @example
 * asOfText(44887, 44887 + 10 / 24)       //=> { zh: "截至11月22日10时", en: "As of 10:00 on 22 November" }
 * asOfText(44887, 44887 + 10.5 / 24)     //=> { zh: "截至11月22日10时30分", en: "As of 10:30 on 22 November" }
 * asOfText(44887, 44888 + 9 / 24)        //=> { zh: "11月22日", en: "On 22 November" }
 */
export function asOfText(reportDate: DateSerial, now?: DateSerial): Message {
  const day = Math.floor(reportDate);
  const { month, day: dom } = ymdFromSerial(day);
  const date = chineseDate(day, false);
  const dateEn = `${dom} ${MONTHS[month - 1]}`;
  if (now === undefined || Math.floor(now) !== day) return { zh: date, en: `On ${dateEn}` };
  const minutes = Math.floor((now - day) * 1440 + 1e-6);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return {
    zh: `截至${date}${h}时${m > 0 ? `${m}分` : ""}`,
    en: `As of ${h}:${String(m).padStart(2, "0")} on ${dateEn}`,
  };
}
