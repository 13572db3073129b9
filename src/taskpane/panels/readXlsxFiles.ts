/**
 * Reading returned templates in the browser: each chosen .xlsx becomes a
 * ReturnedFile of plain values (numbers, text, booleans, null), which is what
 * 导入填报 takes. Files are checked (type, size, that they are zip archives,
 * and that their zip directory declares no zip bomb) before exceljs sees them. exceljs is loaded with a dynamic `import()`, so it
 * stays out of the task pane's initial bundle.
 *
 * Nothing in a file is ever executed: a formula cell gives its cached result,
 * or its formula text when the file holds no result, and text that starts
 * with `=`, `+`, `-` or `@` stays text.
 */
import type ExcelJS from "exceljs";
import type { Message } from "../../core/issue";
import type { CellValue } from "../../workbook/cells";
import { checkImportFile, type ReturnedFile } from "../../workbook/stockpile/import";
import { zipBombProblem, zipEntrySizes } from "../../hosts/xlsx/zipLimits";

/** What the reader needs of a browser File (and what a test can fake). */
export interface FileLike {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** A file that could not be read (nothing of it is imported), or read only in part. */
export interface ReadProblem {
  fileName: string;
  severity: "error" | "warning";
  message: Message;
}

export interface ReadResult {
  returns: ReturnedFile[];
  problems: ReadProblem[];
}

/** A template is a screenful: anything larger is read only this far. */
export const READ_LIMITS = { sheets: 20, rows: 2_000, columns: 50 } as const;

export interface ReadOptions {
  /** Loads exceljs; the dynamic import by default. */
  load?: () => Promise<typeof ExcelJS>;
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];
const MS_PER_DAY = 86_400_000;
/** 1899-12-30 in UTC, the day Excel serial numbers count from. */
const EPOCH_UTC = Date.UTC(1899, 11, 30);

/**
 * Reads the chosen files, one after another.
 *
 * @example
 * await readXlsxFiles([file]) //=> { returns: [{ fileName: "城关镇.xlsx", sheets: [{ name: "填报_城关镇", values }] }], problems: [] }
 */
export async function readXlsxFiles(
  files: readonly FileLike[],
  options: ReadOptions = {}
): Promise<ReadResult> {
  const returns: ReturnedFile[] = [];
  const problems: ReadProblem[] = [];
  const load = options.load ?? loadExcelJS;
  for (const file of files) {
    const refused = checkImportFile(file.name, file.size);
    if (refused) {
      problems.push({ fileName: file.name, severity: "error", message: refused });
      continue;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const wrong = signatureProblem(file.name, bytes) ?? bombProblem(file.name, bytes);
    if (wrong) {
      problems.push({ fileName: file.name, severity: "error", message: wrong });
      continue;
    }
    const ExcelJSModule = await load();
    const workbook = new ExcelJSModule.Workbook();
    try {
      await workbook.xlsx.load(
        bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
      );
    } catch {
      problems.push({
        fileName: file.name,
        severity: "error",
        message: {
          zh: `无法读取“${file.name}”：文件可能已损坏或设置了密码，请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入`,
          en: `Could not read "${file.name}": it may be damaged or password-protected; open it in Excel or WPS, save it as .xlsx and import again`,
        },
      });
      continue;
    }
    const read = readWorkbook(file.name, workbook);
    returns.push(read.file);
    problems.push(...read.problems);
  }
  return { returns, problems };
}

/**
 * Turns an exceljs workbook into a ReturnedFile of plain values, within
 * READ_LIMITS.
 *
 * @example
 * readWorkbook("城关镇.xlsx", workbook).file.sheets[0].values[0] //=> ["城关镇防疫物资储备填报表"]
 */
export function readWorkbook(
  fileName: string,
  workbook: ExcelJS.Workbook
): { file: ReturnedFile; problems: ReadProblem[] } {
  const problems: ReadProblem[] = [];
  let cut = false;
  const sheets = workbook.worksheets.slice(0, READ_LIMITS.sheets).map((ws) => {
    const values: CellValue[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rowNumber > READ_LIMITS.rows) {
        cut = true;
        return;
      }
      const line: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        if (column > READ_LIMITS.columns) {
          cut = true;
          return;
        }
        line[column - 1] = plainCellValue(cell.value);
      });
      for (let c = 0; c < line.length; c++) if (line[c] === undefined) line[c] = null;
      values[rowNumber - 1] = line;
    });
    for (let r = 0; r < values.length; r++) values[r] ??= [];
    return { name: ws.name, values };
  });
  if (cut || workbook.worksheets.length > READ_LIMITS.sheets) {
    problems.push({
      fileName,
      severity: "warning",
      message: {
        zh: `“${fileName}”超出填报模板的大小，只读取了前 ${READ_LIMITS.sheets} 个工作表、每表前 ${READ_LIMITS.rows} 行和 ${READ_LIMITS.columns} 列`,
        en: `"${fileName}" is larger than a template; only its first ${READ_LIMITS.sheets} sheets, ${READ_LIMITS.rows} rows and ${READ_LIMITS.columns} columns were read`,
      },
    });
  }
  return { file: { fileName, sheets }, problems };
}

/**
 * The plain value of an exceljs cell value: dates become Excel serial
 * numbers, rich text and hyperlinks their text, errors their code, and a
 * formula its cached result, or its text when the file holds none (it is
 * never calculated here).
 *
 * @example
 * plainCellValue({ formula: "SUM(1,2)", result: 3 })      //=> 3
 * plainCellValue({ formula: "HYPERLINK(\"http://x\")" }) //=> "=HYPERLINK(\"http://x\")"
 * plainCellValue("=HYPERLINK(\"http://x\")")             //=> "=HYPERLINK(\"http://x\")"
 * plainCellValue("")                                     //=> null
 */
export function plainCellValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value + 0 : null;
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "boolean") return value;
  if (value instanceof Date) return (value.getTime() - EPOCH_UTC) / MS_PER_DAY;
  if ("richText" in value) return textOrNull(value.richText.map((r) => r.text).join(""));
  if ("error" in value) return String(value.error);
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    if (result !== undefined && result !== null && typeof result !== "object")
      return plainCellValue(result as ExcelJS.CellValue);
    if (result instanceof Date) return plainCellValue(result);
    if (result && typeof result === "object" && "error" in result) return String(result.error);
    const text = "formula" in value ? value.formula : value.sharedFormula;
    return typeof text === "string" && text !== "" ? `=${text}` : null;
  }
  if ("hyperlink" in value) return plainCellValue((value as { text?: ExcelJS.CellValue }).text);
  return null;
}

async function loadExcelJS(): Promise<typeof ExcelJS> {
  const module = (await import("exceljs")) as unknown as { default?: typeof ExcelJS };
  return module.default ?? (module as unknown as typeof ExcelJS);
}

function signatureProblem(fileName: string, bytes: Uint8Array): Message | null {
  const starts = (signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);
  if (bytes.length === 0) return { zh: `“${fileName}”是空文件`, en: `"${fileName}" is empty` };
  if (starts(OLE_SIGNATURE))
    return {
      zh: `“${fileName}”实际是旧版 .xls 文件（或设置了密码），请在 Excel 或 WPS 中另存为“Excel 工作簿(*.xlsx)”后再导入`,
      en: `"${fileName}" is really an old .xls workbook (or password-protected); save it as an Excel workbook (*.xlsx) and import again`,
    };
  if (!starts(ZIP_SIGNATURE))
    return {
      zh: `“${fileName}”不是 Excel 工作簿（文件内容不是 .xlsx 格式），请选择系统生成的填报模板`,
      en: `"${fileName}" is not an Excel workbook (its content is not .xlsx); choose a template the add-in made`,
    };
  return null;
}

/** A zip bomb (see zipLimits.ts), found from the zip directory before exceljs inflates anything. */
function bombProblem(fileName: string, bytes: Uint8Array): Message | null {
  const entries = zipEntrySizes(bytes);
  // No readable directory: exceljs then says the file is damaged.
  return (entries && zipBombProblem(entries, fileName)) ?? null;
}

function textOrNull(text: string): string | null {
  return text === "" ? null : text;
}
