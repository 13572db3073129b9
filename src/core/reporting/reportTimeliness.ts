/**
 * Whether a daily report arrived on time.
 */
import type { DateSerial } from "../dates";

export type Timeliness = "按时" | "迟报";

export interface ReportTimelinessOptions {
  /** 报送截止时间 as a fraction of a day (default 10/24, i.e. 10:00). */
  deadline?: number;
}

const SECONDS_PER_DAY = 86_400;

/**
 * Returns 按时 when the report was received no later than the deadline on the
 * report date, else 迟报. Exactly at the deadline is on time. Both sides are
 * rounded to the whole second first, because a time typed as `10:00` and the
 * deadline 10/24 can differ in the last bit of a double.
 *
 * @example
 * reportTimeliness(44581 + 10 / 24, 44581)             //=> "按时"
 * reportTimeliness(44581 + 10 / 24 + 1 / 86400, 44581) //=> "迟报"
 * reportTimeliness(44580.8, 44581)                     //=> "按时" (the evening before)
 * reportTimeliness(44581.4, 44581, { deadline: 9 / 24 }) //=> "迟报"
 */
export function reportTimeliness(
  receivedAt: DateSerial,
  reportDate: DateSerial,
  options: ReportTimelinessOptions = {}
): Timeliness {
  const deadline = options.deadline ?? 10 / 24;
  const received = Math.round(receivedAt * SECONDS_PER_DAY);
  const due = Math.round((Math.floor(reportDate) + deadline) * SECONDS_PER_DAY);
  return received <= due ? "按时" : "迟报";
}
