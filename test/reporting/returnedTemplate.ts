/**
 * A returned supply template (填报模板) for one unit, built as the add-in
 * builds it (planTemplates on the workbook's 物资储备) with the unit's stock
 * then changed by the "department": the input of 导入填报, as a ReturnedFile
 * for the host tests and as .xlsx bytes for the browser test.
 */
import ExcelJS from "exceljs";
import type { CellValue, Grid } from "../../src/workbook/cells";
import { sheetFromValues, type WorkbookSnapshot } from "../../src/workbook/snapshot";
import type { ReturnedFile } from "../../src/workbook/stockpile/import";
import { applyOps } from "../../src/workbook/applyOps";
import { planTemplates } from "../../src/workbook/stockpile/template";
import { TEMPLATE_TABLE } from "../../src/workbook/stockpile/templateSpec";

export interface ReturnedTemplateOptions {
  /** Added to every item's 现有库存 (default 10), so the return differs from the ledger. */
  stockChange?: number;
  fileName?: string;
}

/** A snapshot of the given sheets (values only). */
export function snapshotOfSheets(
  sheets: readonly { name: string; values: Grid }[]
): WorkbookSnapshot {
  return {
    sheetNames: sheets.map((s) => s.name),
    sheets: Object.fromEntries(sheets.map((s) => [s.name, sheetFromValues(s.name, s.values)])),
    names: {},
  };
}

/**
 * The unit's template sheet, filled in and returned. Throws when 物资储备 has
 * no row of the unit (a wrong fixture, not a case under test).
 */
export function returnedTemplate(
  snapshot: WorkbookSnapshot,
  unit: string,
  options: ReturnedTemplateOptions = {}
): ReturnedFile {
  const planned = planTemplates(snapshot, { units: [unit] });
  const layout = planned.templates[0];
  if (!layout) throw new Error(`物资储备 has no rows of ${unit}`);
  const sheet = applyOps({ sheetNames: [], sheets: {}, names: {} }, planned.ops).sheets[
    layout.sheetName
  ];
  const values: CellValue[][] = sheet.values.map((r) => [...r]);
  const stockColumn = TEMPLATE_TABLE.columns.findIndex((c) => c.key === "stock");
  const change = options.stockChange ?? 10;
  for (let r = layout.headerRow; r < values.length; r++) {
    const line = values[r];
    if (typeof line[stockColumn] === "number")
      line[stockColumn] = (line[stockColumn] as number) + change;
  }
  return {
    fileName: options.fileName ?? `${unit}.xlsx`,
    sheets: [{ name: layout.sheetName, values }],
  };
}

/** The returned file saved as .xlsx bytes, as the unit would send it back. */
export async function xlsxBytes(file: ReturnedFile): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of file.sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    sheet.values.forEach((line, r) =>
      line.forEach((value, c) => {
        if (value !== null && value !== "") ws.getCell(r + 1, c + 1).value = value;
      })
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
