/**
 * Workbook fixtures for the .xlsx tests: the sample county's input sheets,
 * with overrides that put bad values into chosen cells.
 */
import ExcelJS from "exceljs";
import { saveXlsx } from "../../src/hosts/xlsx/files";
import { createXlsxHost } from "../../src/hosts/xlsx/xlsxHost";
import type { CellValue } from "../../src/workbook/cells";
import type { WriteOp } from "../../src/workbook/plan";
import { sampleWorkbookSheets, type SampleSheet } from "../../src/workbook/sample/workbook";

/** One cell to change: sheet, header text, data row (0 = first row under the header), new value. */
export interface CellOverride {
  sheet: string;
  header: string;
  dataRow: number;
  value: CellValue;
}

/** The sample sheets with the given cells replaced (the header is found in the first rows). */
export function sampleSheetsWith(overrides: readonly CellOverride[]): SampleSheet[] {
  const sheets = sampleWorkbookSheets().map((s) => ({
    name: s.name,
    values: s.values.map((r) => [...r]),
  }));
  for (const o of overrides) {
    const sheet = sheets.find((s) => s.name === o.sheet);
    if (!sheet) throw new Error(`fixture: no sample sheet ${o.sheet}`);
    const headerRow = sheet.values.findIndex((r) => r.includes(o.header));
    if (headerRow < 0) throw new Error(`fixture: no header ${o.header} in ${o.sheet}`);
    const column = sheet.values[headerRow].indexOf(o.header);
    sheet.values[headerRow + 1 + o.dataRow][column] = o.value;
  }
  return sheets;
}

/** Bad rows across the capabilities: negative, text and blank figures, a zero population and target. */
export const BAD_ROWS: readonly CellOverride[] = [
  { sheet: "物资储备", header: "现有库存", dataRow: 0, value: -5 },
  { sheet: "物资储备", header: "现有库存", dataRow: 1, value: "约100" },
  { sheet: "物资储备", header: "保障人数", dataRow: 2, value: null },
  { sheet: "隔离床位", header: "常住人口", dataRow: 0, value: 0 },
  { sheet: "隔离床位", header: "现有床位", dataRow: 1, value: "十张" },
  { sheet: "接种进度", header: "目标人数", dataRow: 0, value: 0 },
  { sheet: "接种进度", header: "第一剂累计", dataRow: 1, value: "abc" },
];

/** Writes sheets of plain values to an .xlsx file through the .xlsx host. */
export async function writeSheetsXlsx(sheets: readonly SampleSheet[], file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const host = createXlsxHost(workbook);
  const ops: WriteOp[] = sheets.flatMap((s): WriteOp[] => [
    { kind: "ensureSheet", sheet: s.name },
    { kind: "block", sheet: s.name, row: 1, column: 1, cells: s.values },
  ]);
  await host.transaction((io) => io.write(ops));
  await saveXlsx(workbook, file);
}
