/**
 * The worksheet functions the add-in's formulas may use: those that Excel
 * 2010, WPS Spreadsheets and LibreOffice Calc all evaluate alike. County
 * bureaus open the same ledger in all three, so a newer function (IFS,
 * MAXIFS, XLOOKUP, LET, FILTER, TEXTJOIN…) would show #NAME? on some desks.
 * A test scans every formula of the demo workbook against this list.
 */

/**
 * Checked functions, with the reason each is safe. Every one is in Excel 2010's
 * function list, in WPS, and in LibreOffice Calc's OOXML import (LibreOffice
 * 7.4, checked by recalculation in test/xlsx/libreoffice.test.ts).
 */
export const ALLOWED_FUNCTIONS: ReadonlySet<string> = new Set([
  // Logic
  "IF",
  "AND",
  "OR",
  "NOT",
  "IFERROR",
  "TRUE",
  "FALSE",
  // Arithmetic and rounding
  "SUM",
  "SUMIF",
  "SUMIFS",
  "SUMPRODUCT",
  "MAX",
  "MIN",
  "ROUND",
  "ROUNDUP",
  "ROUNDDOWN",
  "INT",
  "ABS",
  "MOD",
  "CEILING",
  "FLOOR",
  "AVERAGE",
  "AVERAGEIF",
  // Counting and ranking
  "COUNT",
  "COUNTA",
  "COUNTBLANK",
  "COUNTIF",
  "COUNTIFS",
  "RANK",
  "LARGE",
  "SMALL",
  // Lookup
  "INDEX",
  "MATCH",
  "VLOOKUP",
  "HLOOKUP",
  "LOOKUP",
  "CHOOSE",
  // Information
  "ISNUMBER",
  "ISBLANK",
  "ISERROR",
  "ISTEXT",
  "NA",
  "N",
  // Text
  "TEXT",
  "LEN",
  "LEFT",
  "RIGHT",
  "MID",
  "TRIM",
  "CONCATENATE",
  "VALUE",
  "FIXED",
  "REPT",
  "SUBSTITUTE",
  // Dates
  "DATE",
  "YEAR",
  "MONTH",
  "DAY",
  "TODAY",
  "NOW",
  "WEEKDAY",
]);

/** Functions known to be missing from Excel 2010 or WPS; named so a reviewer sees why they fail. */
export const FORBIDDEN_FUNCTIONS: ReadonlySet<string> = new Set([
  "IFS",
  "MAXIFS",
  "MINIFS",
  "XLOOKUP",
  "XMATCH",
  "LET",
  "LAMBDA",
  "FILTER",
  "SORT",
  "SORTBY",
  "UNIQUE",
  "SEQUENCE",
  "CONCAT",
  "TEXTJOIN",
  "SWITCH",
  "IFNA",
]);

/**
 * The function names a formula calls, upper-cased, in order of appearance,
 * ignoring text inside string literals and sheet-qualified references.
 *
 * @example
 * functionsInFormula('=IF(ISNUMBER(D3),ROUNDUP(D3/10000*每万人隔离床位标准,0),"")')
 * //=> ["IF", "ISNUMBER", "ROUNDUP"]
 * functionsInFormula('="MAX(1)"') //=> []
 */
export function functionsInFormula(formula: string): string[] {
  const withoutStrings = formula.replace(/"(?:[^"]|"")*"/g, '""');
  const out: string[] = [];
  const call = /(?<![A-Za-z0-9_.$!'\u4e00-\u9fff])([A-Za-z][A-Za-z0-9.]*)\s*\(/g;
  for (const m of withoutStrings.matchAll(call)) out.push(m[1].toUpperCase());
  return out;
}

/**
 * The functions of a formula that are not on the allowed list.
 *
 * @example
 * disallowedFunctions("=MAXIFS(C:C,A:A,1)") //=> ["MAXIFS"]
 * disallowedFunctions("=MAX(0,C3-D3)")      //=> []
 */
export function disallowedFunctions(formula: string): string[] {
  return functionsInFormula(formula).filter((f) => !ALLOWED_FUNCTIONS.has(f));
}
