/**
 * Numbers as the notice writes them: counts with thousands separators, rates
 * as percentages with one decimal, rounded half up the way Excel shows `0.0%`.
 */

/**
 * Formats a count with thousands separators.
 *
 * @example
 * formatCount(1234567) //=> "1,234,567"
 * formatCount(0)       //=> "0"
 * formatCount(-0)      //=> "0"
 */
export function formatCount(value: number): string {
  const negative = value < 0;
  const [whole, fraction] = String(Math.abs(value)).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${grouped}${fraction === undefined ? "" : `.${fraction}`}`;
}

/**
 * Formats a rate as a percentage with one decimal. The rate is first read to
 * 15 significant digits, as Excel does, so 0.5005 shows as 50.1% although
 * 0.5005 × 1000 is 500.4999… in binary.
 *
 * @example
 * formatRate(0.962)  //=> "96.2%"
 * formatRate(1.0234) //=> "102.3%"
 * formatRate(0.5005) //=> "50.1%"
 * formatRate(1)      //=> "100.0%"
 * formatRate(Infinity) //=> "—"
 * formatRate(2e6)    //=> ">100,000,000%"
 */
export function formatRate(rate: number): string {
  // A target such as 5e-324 gives an infinite or absurd rate: no digits to show.
  if (!Number.isFinite(rate)) return "—";
  if (Math.abs(rate) >= 1e6) return `${rate < 0 ? "-" : ""}>100,000,000%`;
  const permille = Number((Math.abs(rate) * 1000).toPrecision(15));
  const tenths = Math.round(permille);
  const sign = rate < 0 && tenths > 0 ? "-" : "";
  return `${sign}${Math.floor(tenths / 10)}.${tenths % 10}%`;
}
