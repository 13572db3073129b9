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

export const MEMBER_SETS: Readonly<Record<string, Readonly<Record<string, ExcelApiVersion>>>> = {
  CellValueConditionalFormat: { format: "1.6", rule: "1.6" },
  ChartCollection: { getItemOrNullObject: "1.4" },
  ConditionalFormat: { cellValue: "1.6", textComparison: "1.6" },
  ConditionalFormatCollection: { add: "1.6", clearAll: "1.6" },
  ConditionalRangeFill: { color: "1.6" },
  ConditionalRangeFont: { color: "1.6" },
  ConditionalRangeFormat: { fill: "1.6", font: "1.6" },
  DataValidation: { clear: "1.8", errorAlert: "1.8", ignoreBlanks: "1.8", rule: "1.8" },
  FormatProtection: { locked: "1.2" },
  HeaderFooter: { centerFooter: "1.9", centerHeader: "1.9", leftFooter: "1.9", rightFooter: "1.9" },
  HeaderFooterGroup: { defaultForAllPages: "1.9" },
  NamedItem: { comment: "1.4", delete: "1.4", formula: "1.7" },
  NamedItemCollection: { add: "1.4", getItemOrNullObject: "1.4" },
  PageBreakCollection: { add: "1.9", removePageBreaks: "1.9" },
  PageLayout: {
    bottomMargin: "1.9",
    footerMargin: "1.9",
    headerMargin: "1.9",
    headersFooters: "1.9",
    leftMargin: "1.9",
    orientation: "1.9",
    paperSize: "1.9",
    rightMargin: "1.9",
    setPrintArea: "1.9",
    setPrintTitleRows: "1.9",
    topMargin: "1.9",
    zoom: "1.9",
  },
  Range: { autoFill: "1.9", conditionalFormats: "1.6", dataValidation: "1.8", merge: "1.2" },
  RangeFormat: { columnWidth: "1.2", protection: "1.2", rowHeight: "1.2" },
  TextConditionalFormat: { format: "1.6", rule: "1.6" },
  Worksheet: {
    freezePanes: "1.7",
    getUsedRangeOrNullObject: "1.4",
    horizontalPageBreaks: "1.9",
    pageLayout: "1.9",
    protection: "1.2",
    tabColor: "1.7",
  },
  WorksheetCollection: { getItemOrNullObject: "1.4" },
  WorksheetFreezePanes: {
    freezeAt: "1.7",
    freezeColumns: "1.7",
    freezeRows: "1.7",
    unfreeze: "1.7",
  },
  WorksheetProtection: { options: "1.2", protect: "1.2", protected: "1.2", unprotect: "1.7" },
};

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
