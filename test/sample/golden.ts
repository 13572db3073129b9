/**
 * The sample county computed by every command, dumped cell by cell with
 * styles on the memory and .xlsx hosts, for the golden test: a refactor must
 * leave the computed workbook exactly as it was. Sheets too big to keep in
 * full (接种进度) are kept as a hash of the same dump.
 */
import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import { MemoryWorkbook } from "../../src/hosts/memory/memoryExcel";
import { createMemoryHost } from "../../src/hosts/memory/memoryHost";
import { createXlsxHost } from "../../src/hosts/xlsx/xlsxHost";
import { cellAddress } from "../../src/workbook/a1";
import { COMMANDS } from "../../src/workbook/commands";
import { executeCommand } from "../../src/workbook/execute";
import type { WorkbookHost } from "../../src/workbook/host";
import { SAMPLE_REPORT_DATE } from "../../src/workbook/sample/county";
import { sampleWorkbookSheets } from "../../src/workbook/sample/workbook";
import { optionsFor } from "../helpers/robustness";

/** Sheets with more cells than this are kept as a hash. */
const FULL_CELLS = 6000;

export interface SheetDump {
  cells: number;
  hash: string;
  /** `A1` → [value, formula, number format, style], present when the sheet is small. */
  grid?: Record<string, unknown[]>;
  layout: unknown;
}

export interface BookDump {
  /** Every distinct cell style, referred to by index from the cells. */
  styles: string[];
  sheetNames: string[];
  names: unknown;
  summaries: string[];
  sheets: Record<string, SheetDump>;
}

/** Runs every command of COMMANDS, in order, on the host, as the golden records them. */
async function runAll(host: WorkbookHost): Promise<string[]> {
  const summaries: string[] = [];
  for (const command of COMMANDS) {
    const run = optionsFor(command);
    const outcome = await executeCommand(host, command, {
      ...run,
      options: { reportDate: SAMPLE_REPORT_DATE, ...run.options },
    });
    if (!outcome.ok) throw new Error(`${command.id}: ${outcome.error.message.en}`);
    summaries.push(`${command.id}: ${outcome.result.summary.zh}`);
  }
  return summaries;
}

export async function memoryDump(): Promise<BookDump> {
  const book = new MemoryWorkbook(sampleWorkbookSheets());
  const styles = new Styles();
  const summaries = await runAll(createMemoryHost(book));
  const sheets: Record<string, SheetDump> = {};
  for (const name of book.sheetNames()) {
    const values = book.values(name);
    const formulas = book.formulas(name);
    const formats = book.numberFormats(name);
    const rows = Math.max(values.length, formats.length);
    const columns = Math.max(0, ...values.map((r) => r.length), ...formats.map((r) => r.length));
    const grid: Record<string, unknown[]> = {};
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < columns; c++) {
        const address = cellAddress(r + 1, c + 1);
        const format = book.cellFormat(name, address);
        const value = values[r]?.[c] ?? null;
        const formula = formulas[r]?.[c] ?? null;
        if (value === null && formula === null && isPlain(format)) continue;
        grid[address] = [value, formula === value ? 0 : formula, styles.index(format)];
      }
    const widths: Record<number, number | undefined> = {};
    for (let c = 1; c <= columns + 8; c++) widths[c] = book.columnWidth(name, c);
    sheets[name] = sheetDump(grid, {
      widths,
      frozen: [book.frozenRows(name), book.frozenColumns(name)],
      tab: book.tabColor(name),
      conditional: book.conditionalFormats(name),
      charts: book.charts(name),
      page: book.pageLayout(name),
      validations: book.dataValidations(name),
      protection: book.protection(name),
    });
  }
  const names = Object.fromEntries(
    Object.entries(book.names()).map(([n, f]) => [n, [f, book.nameComment(n) ?? null]])
  );
  return { styles: styles.list, sheetNames: book.sheetNames(), names, summaries, sheets };
}

export async function xlsxDump(): Promise<BookDump> {
  const source = new ExcelJS.Workbook();
  for (const sheet of sampleWorkbookSheets()) {
    const ws = source.addWorksheet(sheet.name);
    sheet.values.forEach((line, r) =>
      line.forEach((v, c) => {
        const cell = ws.getCell(r + 1, c + 1);
        if (v !== null) cell.value = v;
        const format = sheet.columnFormats?.[c];
        if (format) cell.numFmt = format;
      })
    );
  }
  const summaries = await runAll(createXlsxHost(source));
  // What a person opening the saved file gets.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await source.xlsx.writeBuffer());
  const styles = new Styles();
  const sheets: Record<string, SheetDump> = {};
  for (const ws of workbook.worksheets) {
    const grid: Record<string, unknown[]> = {};
    let columns = 0;
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        columns = Math.max(columns, Number(cell.col));
        const style = JSON.parse(JSON.stringify(cell.style ?? {})) as Record<string, unknown>;
        delete style.numFmt;
        const value = cell.value as unknown;
        if (
          (value === null || value === undefined) &&
          Object.keys(style).length === 0 &&
          !cell.numFmt
        )
          return;
        grid[cell.address] = [
          value instanceof Date ? value.toISOString() : (value ?? null),
          cell.type,
          styles.index({ numFmt: cell.numFmt ?? null, ...style }),
        ];
      })
    );
    const widths: Record<number, number | undefined> = {};
    for (let c = 1; c <= columns + 8; c++) widths[c] = ws.getColumn(c).width;
    const model = ws.model as unknown as Record<string, unknown>;
    sheets[ws.name] = sheetDump(grid, {
      widths,
      merges: model.merges ?? null,
      views: ws.views,
      tab: ws.properties.tabColor ?? null,
      conditional:
        (ws as unknown as { conditionalFormattings?: unknown }).conditionalFormattings ?? [],
      validations: model.dataValidations ?? null,
      protection: model.sheetProtection ?? null,
      page: ws.pageSetup,
      headerFooter: ws.headerFooter,
      state: ws.state,
    });
  }
  return {
    styles: styles.list,
    sheetNames: workbook.worksheets.map((w) => w.name),
    names: workbook.definedNames.model,
    summaries,
    sheets,
  };
}

function sheetDump(grid: Record<string, unknown[]>, layout: unknown): SheetDump {
  const cells = Object.keys(grid).length;
  const normal = JSON.parse(JSON.stringify({ grid, layout })) as {
    grid: Record<string, unknown[]>;
    layout: unknown;
  };
  const hash = createHash("sha256").update(JSON.stringify(normal.grid)).digest("hex");
  return cells <= FULL_CELLS
    ? { cells, hash, grid: normal.grid, layout: normal.layout }
    : { cells, hash, layout: normal.layout };
}

function isPlain(format: ReturnType<MemoryWorkbook["cellFormat"]>): boolean {
  const { numberFormat, merged, locked, ...style } = format;
  return numberFormat === "General" && !merged && locked && Object.keys(style).length === 0;
}

class Styles {
  readonly list: string[] = [];
  private readonly at = new Map<string, number>();

  index(style: unknown): number {
    const key = JSON.stringify(style);
    let i = this.at.get(key);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(key);
      this.at.set(key, i);
    }
    return i;
  }
}
