/**
 * A1-style addresses. Rows and columns here are 1-based, as Excel shows them.
 */

/**
 * Returns the column letters of a 1-based column number.
 *
 * @example
 * columnLetters(1)     //=> "A"
 * columnLetters(28)    //=> "AB"
 * columnLetters(16384) //=> "XFD"
 */
export function columnLetters(column: number): string {
  let n = column;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * Returns the 1-based column number of column letters, or NaN.
 *
 * @example
 * columnNumber("AB") //=> 28
 */
export function columnNumber(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return NaN;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * Returns the A1 address of a cell.
 *
 * @example
 * cellAddress(7, 6) //=> "F7"
 */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/**
 * Returns the A1 address of a rectangle.
 *
 * @example
 * rangeAddress(1, 1, 3, 2) //=> "A1:B3"
 * rangeAddress(2, 2, 2, 2) //=> "B2"
 */
export function rangeAddress(
  row: number,
  column: number,
  lastRow: number,
  lastColumn: number
): string {
  const start = cellAddress(row, column);
  const end = cellAddress(lastRow, lastColumn);
  return start === end ? start : `${start}:${end}`;
}

/**
 * Parses an A1 cell address (absolute markers allowed) into a 1-based row and column.
 *
 * @example
 * parseCellAddress("$F$7") //=> { row: 7, column: 6 }
 * parseCellAddress("7F")   //=> undefined
 */
export function parseCellAddress(address: string): { row: number; column: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return undefined;
  const column = columnNumber(m[1]);
  const row = Number(m[2]);
  if (!(row >= 1 && row <= 1_048_576 && column >= 1 && column <= 16_384)) return undefined;
  return { row, column };
}

/**
 * Parses an A1 range ("B2:D9" or a single cell) into 1-based corners.
 *
 * @example
 * parseRangeAddress("B2:D9") //=> { row: 2, column: 2, lastRow: 9, lastColumn: 4 }
 */
export function parseRangeAddress(
  address: string
): { row: number; column: number; lastRow: number; lastColumn: number } | undefined {
  const [a, b] = address.split(":");
  const start = parseCellAddress(a);
  const end = b === undefined ? start : parseCellAddress(b);
  if (!start || !end) return undefined;
  return {
    row: Math.min(start.row, end.row),
    column: Math.min(start.column, end.column),
    lastRow: Math.max(start.row, end.row),
    lastColumn: Math.max(start.column, end.column),
  };
}

/**
 * Quotes a sheet name for use in a formula or a reference when it needs quoting.
 * Chinese names need no quotes in Excel, WPS or LibreOffice, but names with
 * spaces or punctuation do.
 *
 * @example
 * quoteSheet("参数")     //=> "参数"
 * quoteSheet("My Sheet") //=> "'My Sheet'"
 */
export function quoteSheet(sheet: string): string {
  return /^[\p{L}_][\p{L}\p{N}_]*$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * Returns a sheet-qualified reference as shown to users and used in formulas.
 *
 * @example
 * sheetRef("物资储备", "F7") //=> "物资储备!F7"
 */
export function sheetRef(sheet: string, address: string): string {
  return `${quoteSheet(sheet)}!${address}`;
}
