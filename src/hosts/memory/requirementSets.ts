/**
 * The ExcelApi requirement set that brought each member the memory Excel
 * fakes, for the members newer than 1.1, by Excel class. Taken from the
 * `[Api set: ExcelApi 1.x]` tags of @types/office-js;
 * test/hosts/requirementSets.test.ts checks this table against them, so it
 * cannot drift. A MemoryWorkbook told `excelApi: "1.8"` refuses the members
 * listed here above 1.8, as Excel 2019 does.
 * https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets
 */

/** An ExcelApi requirement set, "1.1" to "1.n". */
export type ExcelApiVersion = `1.${number}`;

export const MEMBER_SETS: Readonly<Record<string, Readonly<Record<string, ExcelApiVersion>>>> = {};

/** True when an Excel offering set `has` offers the members of set `needed` (sets are cumulative). */
export function offers(has: ExcelApiVersion, needed: ExcelApiVersion): boolean {
  return minor(has) >= minor(needed);
}

/** True for "1.0" … "1.n" written as the requirement sets are. */
export function isExcelApiVersion(value: string): value is ExcelApiVersion {
  return /^1\.\d+$/.test(value);
}

function minor(version: ExcelApiVersion): number {
  return Number(version.slice(2));
}
