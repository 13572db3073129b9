/**
 * Writes a plan into a new, empty .xlsx through the xlsx host's own
 * interpreter, so a template built in the task pane has exactly what the
 * CLI writes: the `@` text format for strings Excel would reinterpret,
 * escaped and cut list values, the same widths, borders with their colour.
 * exceljs is imported as a type only: the caller passes the module (the task
 * pane loads it lazily), so this file is safe in the browser.
 */
import type ExcelJS from "exceljs";
import type { WriteOp } from "../../workbook/plan";
import { createXlsxHost } from "./xlsxHost";

/**
 * The .xlsx bytes of a new workbook holding what the ops write.
 *
 * @example
 * const bytes = await writeNewWorkbook(await import("exceljs"), renderTemplateOps(layout));
 * bytes.byteLength > 0 //=> true
 */
export async function writeNewWorkbook(
  exceljs: typeof ExcelJS,
  ops: readonly WriteOp[],
  creator = "防疫台账助手"
): Promise<Uint8Array> {
  const workbook = new exceljs.Workbook();
  workbook.creator = creator;
  const host = createXlsxHost(workbook);
  await host.transaction((io) => io.write([...ops]));
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
