/**
 * Assertions that hold on whichever Excel a memory book plays (see
 * MemoryWorkbookOptions.excelApi): the host suite also runs at ExcelApi 1.8
 * (excelApi18Suite.test.ts), where page layout and Range.autoFill are missing.
 */
import type { MemoryWorkbook } from "../../src/hosts/memory/memoryExcel";
import type { PageLayoutData } from "../../src/hosts/memory/model";
import type { WriteReport } from "../../src/workbook/host";

/** An untouched sheet's page layout in the memory Excel. */
export const UNTOUCHED_PAGE: PageLayoutData = {
  orientation: "Portrait",
  zoom: { scale: 100 },
  printTitleRows: null,
  centerHeader: "",
};

/** True when the Excel the book plays has page layout and Range.autoFill (ExcelApi 1.9). */
export function hasExcelApi1_9(book: MemoryWorkbook): boolean {
  return book.isSetSupported("ExcelApi", "1.9");
}

/**
 * The sheet's print set-up is `expected` (matched as `toMatchObject`, or
 * exactly with `exact`) where the Excel has page layout; where it has not,
 * the sheet's page is untouched and the report, when given, names the sheet
 * among what was skipped.
 */
export function expectPrintSetUp(
  book: MemoryWorkbook,
  sheet: string,
  expected: Partial<PageLayoutData>,
  options: { report?: WriteReport; exact?: boolean } = {}
): void {
  if (hasExcelApi1_9(book)) {
    if (options.exact) expect(book.pageLayout(sheet)).toEqual(expected);
    else expect(book.pageLayout(sheet)).toMatchObject(expected);
    if (options.report) expect(options.report.skipped).toBeUndefined();
    return;
  }
  expect(book.pageLayout(sheet)).toEqual(UNTOUCHED_PAGE);
  if (options.report) {
    const said = (options.report.skipped ?? []).map((m) => m.zh).join("\n");
    expect(said).toContain("此版本 Excel 不支持打印设置，请手动设置");
    expect(said).toContain(`“${sheet}”`);
  }
}
