/**
 * Builds one unit's fill-in template as its own .xlsx, from the same write
 * operations 生成填报模板 uses for a sheet of the current workbook, carried
 * out by the xlsx host's interpreter over a new workbook (templateWriter.ts),
 * so the file has what the CLI would write. exceljs is loaded with a dynamic
 * `import()`, so it stays out of the initial bundle.
 */
import type ExcelJS from "exceljs";
import { writeNewWorkbook } from "../../hosts/xlsx/templateWriter";
import type { TemplateFile } from "../../workbook/stockpile/generateTemplates";

export interface BuildOptions {
  /** Loads exceljs; the dynamic import by default. */
  load?: () => Promise<typeof ExcelJS>;
}

/**
 * The .xlsx bytes of a template file.
 *
 * @example
 * const bytes = await templateWorkbookBytes(data.files[0]);
 * bytes.byteLength > 0 //=> true
 */
export async function templateWorkbookBytes(
  file: TemplateFile,
  options: BuildOptions = {}
): Promise<Uint8Array> {
  return writeNewWorkbook(await (options.load ?? loadExcelJS)(), file.ops);
}

/**
 * Base64 of bytes, as `Excel.createWorkbook` takes a workbook.
 *
 * @example
 * toBase64(new Uint8Array([80, 75])) //=> "UEs="
 */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  // In pieces: String.fromCharCode takes a limited number of arguments.
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

async function loadExcelJS(): Promise<typeof ExcelJS> {
  const module = (await import("exceljs")) as unknown as { default?: typeof ExcelJS };
  return module.default ?? (module as unknown as typeof ExcelJS);
}
