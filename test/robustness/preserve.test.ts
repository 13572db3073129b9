/**
 * Nothing a sheet rewrite destroys is lost (issue 13, class 2; the shared
 * mechanism is src/workbook/preserve.ts), on the memory and .xlsx hosts:
 * a clerk's own sheet carrying an output sheet's name is refused and left as
 * it was; notes typed beside a generated leader sheet are kept in place;
 * notes typed into a gap of the generated table, and figures typed into a
 * generated template, go to 历史记录 with sheet, cell and time; a sheet of an
 * earlier version (no record name) is recognised by its headers.
 */
import ExcelJS from "exceljs";
import { MemoryWorkbook } from "../../src/hosts/memory/memoryExcel";
import { createMemoryHost } from "../../src/hosts/memory/memoryHost";
import { createXlsxHost, definedNames, sheetSnapshot } from "../../src/hosts/xlsx/xlsxHost";
import { cellAddress, parseCellAddress } from "../../src/workbook/a1";
import type { CellValue, Grid } from "../../src/workbook/cells";
import type { Command } from "../../src/workbook/command";
import { COMMANDS } from "../../src/workbook/commands";
import { executeCommand } from "../../src/workbook/execute";
import { HISTORY_SHEET } from "../../src/workbook/history";
import type { WorkbookHost } from "../../src/workbook/host";
import { initWorkbook } from "../../src/workbook/init/initWorkbook";
import { writtenName } from "../../src/workbook/preserve";
import { sampleWorkbookSheets } from "../../src/workbook/sample/workbook";
import { optionsFor, runOk } from "../helpers/robustness";

jest.setTimeout(120_000);

/** A workbook on one host, with the few things these tests do to it. */
interface Book {
  host: WorkbookHost;
  values(sheet: string): Grid;
  set(sheet: string, address: string, value: CellValue): void;
  names(): Record<string, string>;
  dropName(name: string): void;
  merged(sheet: string, address: string): boolean;
}

function memoryBook(sheets = sampleWorkbookSheets()): Book {
  const book = new MemoryWorkbook(sheets);
  return {
    host: createMemoryHost(book),
    values: (s) => (book.sheetNames().includes(s) ? book.values(s) : []),
    set: (s, a, v) => book.setValues(s, a, [[v]]),
    names: () => book.names(),
    dropName: () => {
      throw new Error("memory: rebuild the book instead");
    },
    merged: (s, a) => book.cellFormat(s, a).merged,
  };
}

function xlsxBook(sheets = sampleWorkbookSheets()): Book {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    sheet.values.forEach((line, r) =>
      line.forEach((v, c) => {
        if (v !== null) ws.getCell(r + 1, c + 1).value = v;
      })
    );
  }
  return {
    host: createXlsxHost(workbook),
    values: (s) => {
      const ws = workbook.getWorksheet(s);
      return ws ? sheetSnapshot(ws).values : [];
    },
    set: (s, a, v) => {
      const ws = workbook.getWorksheet(s) ?? workbook.addWorksheet(s);
      ws.getCell(a).value = v;
    },
    names: () => definedNames(workbook),
    dropName: (name) => {
      workbook.definedNames.model = workbook.definedNames.model.filter((n) => n.name !== name);
    },
    merged: (s, a) => workbook.getWorksheet(s)!.getCell(a).isMerged,
  };
}

const HOSTS = { memory: memoryBook, xlsx: xlsxBook };

const command = (id: string): Command => COMMANDS.find((c) => c.id === id)!;

/** Each command that rewrites a leader sheet, and that sheet. */
const LEADER: readonly [string, string][] = [
  ["computeStockpile", "物资汇总"],
  ["computeIsolation", "隔离床位汇总"],
  ["forecastIsolation", "隔离需求预测"],
  ["rankVaccination", "接种排名"],
  ["reportStatus", "报送情况"],
];

const historyRows = (book: Book) => book.values(HISTORY_SHEET).slice(1);

/** The corner the record name points at. */
function recordedCorner(book: Book, sheet: string): { row: number; column: number } {
  const reference = book.names()[writtenName(sheet)];
  expect(reference).toBeDefined();
  return parseCellAddress(reference.replace(/^.*!/, "").replace(/\$/g, ""))!;
}

describe.each(Object.keys(HOSTS) as (keyof typeof HOSTS)[])("on the %s host", (hostName) => {
  const make = HOSTS[hostName];

  it.each(LEADER)(
    "%s refuses to wipe a clerk's own sheet named %s, and leaves the workbook as it was",
    async (id, sheet) => {
      const own = [
        ["我的统计", "数量"],
        ["甲", 12],
        ["乙", 30],
      ];
      const book = make([...sampleWorkbookSheets(), { name: sheet, values: own }]);
      await runOk(book.host, initWorkbook);
      const before = book.values(sheet);
      const outcome = await executeCommand(book.host, command(id), optionsFor(command(id)));
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(outcome.error.kind).toBe("unsupported");
      expect(outcome.error.message.zh).toContain(`${sheet}!A1`);
      expect(outcome.error.message.zh).toMatch(/不是本加载项生成的.*改名/);
      expect(outcome.error.message.en).toMatch(/Rename the sheet/);
      expect(outcome.error.writtenOps).toBe(0);
      expect(book.values(sheet)).toEqual(before);
    }
  );

  it.each(LEADER)(
    "%s keeps notes typed beside %s in place, and a re-run then writes nothing",
    async (id, sheet) => {
      const book = make();
      await runOk(book.host, initWorkbook);
      await runOk(book.host, command(id));
      const corner = recordedCorner(book, sheet);
      const below = cellAddress(corner.row + 2, 1);
      const right = cellAddress(1, corner.column + 2);
      book.set(sheet, below, "领导批示：请各乡镇周五前补齐");
      book.set(sheet, right, 42);
      const historyBefore = historyRows(book).length;
      const outcome = await runOk(book.host, command(id));
      const after = book.values(sheet);
      expect(after[corner.row + 1][0]).toBe("领导批示：请各乡镇周五前补齐");
      expect(after[0][corner.column + 1]).toBe(42);
      expect(outcome.result.summary.zh).toMatch(/保留了.*2 个单元格/);
      expect(historyRows(book)).toHaveLength(historyBefore);
      const again = await runOk(book.host, command(id));
      expect(again.result.ops).toEqual([]);
    }
  );

  it.each(LEADER)(
    "%s moves a note typed into a gap of %s to 历史记录 with sheet, cell and time",
    async (id, sheet) => {
      const book = make();
      await runOk(book.host, initWorkbook);
      await runOk(book.host, command(id));
      const corner = recordedCorner(book, sheet);
      const grid = book.values(sheet);
      let gap: { row: number; column: number } | undefined;
      for (let r = 0; r < corner.row && !gap; r++)
        for (let c = 0; c < corner.column && !gap; c++)
          if (
            (grid[r]?.[c] === null || grid[r]?.[c] === "" || grid[r]?.[c] === undefined) &&
            !book.merged(sheet, cellAddress(r + 1, c + 1))
          )
            gap = { row: r + 1, column: c + 1 };
      expect(gap).toBeDefined();
      const address = cellAddress(gap!.row, gap!.column);
      book.set(sheet, address, "已阅 王");
      const outcome = await runOk(book.host, command(id));
      expect(outcome.result.summary.zh).toMatch(/移入“历史记录”/);
      const kept = historyRows(book).find((r) => r[2] === sheet && r[3] === address);
      expect(kept).toBeDefined();
      expect(kept![4]).toBe("已阅 王");
      expect(typeof kept![0]).toBe("number");
    }
  );
});

describe("a leader sheet of an earlier version (no record name)", () => {
  it.each(LEADER)(
    "%s recognises %s by its headers and keeps the clerk's note",
    async (id, sheet) => {
      const book = xlsxBook();
      await runOk(book.host, initWorkbook);
      await runOk(book.host, command(id));
      const corner = recordedCorner(book, sheet);
      book.dropName(writtenName(sheet));
      const below = cellAddress(corner.row + 3, 2);
      book.set(sheet, below, "备忘：已电话催报");
      const outcome = await runOk(book.host, command(id));
      expect(book.values(sheet)[corner.row + 2][1]).toBe("备忘：已电话催报");
      expect(outcome.result.summary.zh).toMatch(/保留了/);
    }
  );
});

describe("a generated template in the ledger", () => {
  it.each(Object.keys(HOSTS) as (keyof typeof HOSTS)[])(
    "figures typed into it go to 历史记录 when templates are generated again (%s host)",
    async (hostName) => {
      const book = HOSTS[hostName]();
      const generate = command("generateTemplates");
      await runOk(book.host, initWorkbook);
      await runOk(book.host, generate);
      const sheet = Object.keys(book.names())
        .filter((n) => n.startsWith("_EpiLedger_填报"))
        .map((n) => n.replace("_EpiLedger_", ""))[0];
      expect(sheet).toBeDefined();
      const grid = book.values(sheet);
      const header = grid.findIndex((r) => r.includes("现有库存"));
      const column = grid[header].indexOf("现有库存");
      const address = cellAddress(header + 2, column + 1);
      book.set(sheet, address, 1234);
      const outcome = await runOk(book.host, generate);
      expect(outcome.result.summary.zh).toMatch(/历史记录/);
      // Kept as the cell (preserve.ts) or within the row 生成填报模板 keeps itself.
      const kept = historyRows(book).filter(
        (r) => r[2] === sheet && (r[4] === 1234 || String(r[4]).includes("1234"))
      );
      expect(kept).toHaveLength(1);
    }
  );
});
