/**
 * The same input through the in-memory Office host and through the .xlsx
 * host, command by command: every sheet must hold the same values, formulas
 * and number formats, cell by cell (and still after a save and reload).
 */
import * as path from "node:path";
import ExcelJS from "exceljs";
import { loadXlsx, saveXlsx } from "../../src/hosts/xlsx/files";
import { createXlsxHost, findSheet, sheetSnapshot } from "../../src/hosts/xlsx/xlsxHost";
import { MemoryWorkbook } from "../../src/hosts/memory/memoryExcel";
import { createMemoryHost } from "../../src/hosts/memory/memoryHost";
import type { CellValue } from "../../src/workbook/cells";
import { COMMANDS } from "../../src/workbook/commands";
import { executeCommand } from "../../src/workbook/execute";
import { SAMPLE_REPORT_DATE } from "../../src/workbook/sample/county";
import { sampleWorkbookSheets } from "../../src/workbook/sample/workbook";
import { NEEDS_FILES } from "../../src/cli/selection";
import { tempDir } from "./helpers";

jest.setTimeout(120_000);

const RUN = {
  today: SAMPLE_REPORT_DATE,
  now: SAMPLE_REPORT_DATE + 17 / 24,
  lang: "zh" as const,
  options: { reportDate: SAMPLE_REPORT_DATE },
};

type Grid = (CellValue | string)[][];

/** Cell-by-cell differences between two grids of the same sheet, as `A1: a ≠ b`. */
function differences(what: string, a: Grid, b: Grid, blank: CellValue | string): string[] {
  const out: string[] = [];
  const rows = Math.max(a.length, b.length);
  for (let r = 0; r < rows; r++) {
    const cols = Math.max(a[r]?.length ?? 0, b[r]?.length ?? 0);
    for (let c = 0; c < cols; c++) {
      // Office gives "" for an empty cell and hosts hand it over as null: the two are one blank.
      const x = a[r]?.[c] === "" ? blank : (a[r]?.[c] ?? blank);
      const y = b[r]?.[c] === "" ? blank : (b[r]?.[c] ?? blank);
      const same =
        typeof x === "number" && typeof y === "number"
          ? Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(x))
          : x === y;
      if (!same)
        out.push(`${what} R${r + 1}C${c + 1}: ${JSON.stringify(x)} ≠ ${JSON.stringify(y)}`);
    }
  }
  return out;
}

function xlsxFormats(ws: ExcelJS.Worksheet): string[][] {
  const grid: string[][] = [];
  // Blank cells keep their number format too (exceljs lists them only with includeEmpty).
  ws.eachRow({ includeEmpty: true }, (row, r) =>
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      if (cell.numFmt) (grid[r - 1] ??= [])[c - 1] = cell.numFmt;
    })
  );
  return grid;
}

function compareBooks(memory: MemoryWorkbook, workbook: ExcelJS.Workbook): string[] {
  const names = memory.sheetNames();
  const out: string[] = [];
  if (JSON.stringify(workbook.worksheets.map((w) => w.name)) !== JSON.stringify(names)) {
    out.push(`sheets: ${names.join(",")} ≠ ${workbook.worksheets.map((w) => w.name).join(",")}`);
  }
  for (const name of names) {
    const ws = findSheet(workbook, name);
    if (!ws) continue;
    const snap = sheetSnapshot(ws);
    out.push(...differences(`${name} value`, memory.values(name), snap.values, null));
    out.push(...differences(`${name} formula`, memory.formulas(name), snap.formulas, null));
    out.push(
      ...differences(`${name} format`, memory.numberFormats(name), xlsxFormats(ws), "General")
    );
  }
  return out;
}

describe("the memory host and the .xlsx host", () => {
  it("write the same cells, formulas and number formats for every command on the sample", async () => {
    const dir = tempDir();
    const input = path.join(dir, "sample.xlsx");
    // The input as a saved file holds it: values and the sample's column number formats (as MemoryWorkbook opens it).
    const plain = new ExcelJS.Workbook();
    for (const sheet of sampleWorkbookSheets()) {
      const ws = plain.addWorksheet(sheet.name);
      sheet.values.forEach((line, r) => {
        line.forEach((v, c) => (ws.getCell(r + 1, c + 1).value = v));
        sheet.columnFormats?.forEach((f, c) => {
          if (f) ws.getCell(r + 1, c + 1).numFmt = f;
        });
      });
    }
    await saveXlsx(plain, input);
    const memory = new MemoryWorkbook(sampleWorkbookSheets());
    const memoryHost = createMemoryHost(memory);
    const workbook = await loadXlsx(input);
    const xlsxHost = createXlsxHost(workbook);
    const commands = COMMANDS.filter((c) => !NEEDS_FILES.has(c.id));
    expect(commands.length).toBeGreaterThan(1);
    for (const command of commands) {
      const a = await executeCommand(memoryHost, command, RUN);
      const b = await executeCommand(xlsxHost, command, RUN);
      expect({ command: command.id, ok: b.ok }).toEqual({ command: command.id, ok: a.ok });
      expect({
        command: command.id,
        differences: compareBooks(memory, workbook).slice(0, 20),
      }).toEqual({
        command: command.id,
        differences: [],
      });
    }
    const saved = path.join(dir, "after.xlsx");
    await saveXlsx(workbook, saved);
    expect(compareBooks(memory, await loadXlsx(saved)).slice(0, 20)).toEqual([]);
  });
});
