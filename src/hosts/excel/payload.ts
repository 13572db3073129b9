/**
 * How big an Office.js request is, estimated before it is sent. (Which
 * strings must be stored as text is `needsTextFormat` in
 * src/workbook/textFormat.ts, shared with the .xlsx host.)
 *
 * The estimate: each queued command costs {@link COMMAND_OVERHEAD_BYTES} (the
 * action envelope, object path and property name Office.js sends around it)
 * plus the UTF-8 length of the JSON of what it carries (a `values`,
 * `formulas` or `numberFormat` array, a colour, a name…). Excel on the web
 * refuses requests over 5 MB, so the host syncs before the estimate passes
 * its limit (4.5 MB by default), leaving room for what the estimate misses.
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
 */

/** What one command costs beyond its data, in bytes. */
export const COMMAND_OVERHEAD_BYTES = 256;

/**
 * The UTF-8 length of a string, without allocating (Chinese text is 3 bytes a character).
 *
 * @example
 * utf8Length("ab")   //=> 2
 * utf8Length("参数") //=> 6
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The bytes of a JSON value as sent.
 *
 * @example
 * jsonBytes([[1, "参数"]]) //=> 14
 */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "");
}
