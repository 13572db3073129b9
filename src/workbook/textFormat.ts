/**
 * Which strings a host must store with the text format "@" so that Excel
 * keeps them as the same text: the rule every host applies, so the Office
 * host and the .xlsx host write the same formats for the same cells.
 */

/**
 * True for a plain string that Excel would not keep as the same text if it
 * were written to `values` or typed again by a person: Excel reads a leading
 * `=`, `+`, `-` (and `@`) as a formula, and numbers, percentages, currency,
 * dates, times and TRUE/FALSE as such. Hosts format these cells as text ("@")
 * before writing, so text from an imported file can never become a formula
 * (formula injection) or change type. Leading white space is ignored, as
 * Excel ignores it; an empty string needs nothing.
 *
 * @example
 * needsTextFormat("=HYPERLINK(\"http://x\")") //=> true
 * needsTextFormat("  =1+1")                   //=> true
 * needsTextFormat("10:00")                    //=> true
 * needsTextFormat("TRUE")                     //=> true
 * needsTextFormat("Jan-22")                   //=> true
 * needsTextFormat("城关镇")                   //=> false
 * needsTextFormat("")                         //=> false
 */
export function needsTextFormat(text: string): boolean {
  const t = text.trimStart();
  if (t === "") return false;
  return (
    /^[=+\-@.(0-9０-９$¥￥€£]/.test(t) ||
    /^(true|false)\s*$/i.test(t) ||
    /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s\-/.,]*\d/i.test(t)
  );
}
