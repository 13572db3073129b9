/**
 * The same input through the memory host, the .xlsx host and the WPS host
 * (on the fake ET), command by command: every sheet must hold the same
 * values, formulas and number formats, cell by cell.
 */
import ExcelJS from "exceljs";
import { MemoryWorkbook } from "../../src/hosts/memory/memoryExcel";
import { createMemoryHost } from "../../src/hosts/memory/memoryHost";
import { FakeEt } from "../../src/hosts/wps/fake/fakeEt";
import { createXlsxHost, findSheet, sheetSnapshot } from "../../src/hosts/xlsx/xlsxHost";
import { NEEDS_FILES } from "../../src/cli/selection";
import type { CellValue } from "../../src/workbook/cells";
import { COMMANDS } from "../../src/workbook/commands";
import { executeCommand } from "../../src/workbook/execute";
import { sampleWorkbookSheets } from "../../src/workbook/sample/workbook";
import { gridDifferences, RUN } from "../helpers/robustness";
import { wpsHostOn } from "./helpers";

jest.setTimeout(120_000);

type Formats = (CellValue | string)[][];

function formatDifferences(sheet: string, a: Formats, b: Formats): string[] {
  const general = (g: Formats) => g.map((row) => row.map((f) => (f === "General" ? null : f)));
  return gridDifferences(sheet, "format", general(a) as CellValue[][], general(b) as CellValue[][]);
}

function xlsxFormats(ws: ExcelJS.Worksheet): string[][] {
  const grid: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) =>
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      if (cell.numFmt) (grid[r - 1] ??= [])[c - 1] = cell.numFmt;
    })
  );
  return Array.from(grid, (row) => Array.from(row ?? [], (f) => f ?? "General"));
}

function versusMemory(memory: MemoryWorkbook, et: FakeEt): string[] {
  const out: string[] = [];
  if (et.sheetNames().join("|") !== memory.sheetNames().join("|"))
    out.push(`sheets: ${memory.sheetNames().join(",")} ≠ ${et.sheetNames().join(",")}`);
  for (const name of memory.sheetNames()) {
    if (!et.find(name)) continue;
    out.push(...gridDifferences(name, "value", memory.values(name), et.values(name)));
    out.push(...gridDifferences(name, "formula", memory.formulas(name), et.formulas(name)));
    out.push(...formatDifferences(name, memory.numberFormats(name), et.numberFormats(name)));
  }
  if (JSON.stringify(memory.names()) !== JSON.stringify(et.names()))
    out.push(`names: ${JSON.stringify(memory.names())} ≠ ${JSON.stringify(et.names())}`);
  return out;
}

function versusXlsx(workbook: ExcelJS.Workbook, et: FakeEt): string[] {
  const out: string[] = [];
  for (const name of et.sheetNames()) {
    const ws = findSheet(workbook, name);
    if (!ws) {
      out.push(`sheet ${name} missing in the .xlsx`);
      continue;
    }
    const snap = sheetSnapshot(ws);
    out.push(...gridDifferences(name, "value", snap.values, et.values(name)));
    out.push(...gridDifferences(name, "formula", snap.formulas, et.formulas(name)));
    out.push(...formatDifferences(name, xlsxFormats(ws), et.numberFormats(name)));
  }
  return out;
}

describe.each(["property", "method"] as const)(
  "the WPS host (an ET build where members are %s reads)",
  (build) => {
    it("writes the same cells, formulas and number formats as the memory and .xlsx hosts for every command on the sample", async () => {
      const memory = new MemoryWorkbook(sampleWorkbookSheets());
      const memoryHost = createMemoryHost(memory);
      const et = new FakeEt(sampleWorkbookSheets(), { build });
      const wpsHost = wpsHostOn(et);
      const workbook = new ExcelJS.Workbook();
      for (const sheet of sampleWorkbookSheets()) {
        const ws = workbook.addWorksheet(sheet.name);
        sheet.values.forEach((line, r) => {
          line.forEach((v, c) => (ws.getCell(r + 1, c + 1).value = v));
          sheet.columnFormats?.forEach((f, c) => {
            if (f) ws.getCell(r + 1, c + 1).numFmt = f;
          });
        });
      }
      const xlsxHost = createXlsxHost(workbook);
      const commands = COMMANDS.filter((c) => !NEEDS_FILES.has(c.id));
      expect(commands.length).toBeGreaterThan(1);
      for (const command of commands) {
        const a = await executeCommand(memoryHost, command, {
          ...RUN,
          options: { reportDate: RUN.today },
        });
        const b = await executeCommand(wpsHost, command, {
          ...RUN,
          options: { reportDate: RUN.today },
        });
        const c = await executeCommand(xlsxHost, command, {
          ...RUN,
          options: { reportDate: RUN.today },
        });
        expect({
          command: command.id,
          ok: b.ok,
          error: b.ok ? undefined : b.error.message.en,
        }).toEqual({
          command: command.id,
          ok: a.ok,
          error: undefined,
        });
        expect(c.ok).toBe(a.ok);
        expect({ command: command.id, memory: versusMemory(memory, et).slice(0, 20) }).toEqual({
          command: command.id,
          memory: [],
        });
        expect({ command: command.id, xlsx: versusXlsx(workbook, et).slice(0, 20) }).toEqual({
          command: command.id,
          xlsx: [],
        });
      }
    });
  }
);
