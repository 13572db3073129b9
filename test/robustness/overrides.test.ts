/**
 * Manual overrides: a clerk types a number over an output formula of an
 * input table (memory host `setValues`), then re-runs the command. The
 * result names the cell and the old value, 历史记录 keeps the old value, and
 * the formula is back. One test per command that writes output columns into
 * an input table, and per output column.
 */
import { cellAddress } from "../../src/workbook/a1";
import type { Command } from "../../src/workbook/command";
import { commandById } from "../../src/workbook/commands";
import { detectHeader } from "../../src/workbook/headers";
import { HISTORY_SHEET } from "../../src/workbook/history";
import { initWorkbook } from "../../src/workbook/init/initWorkbook";
import { BEDS_TABLE, RETURNEES_TABLE } from "../../src/workbook/isolation/specs";
import type { TableSpec } from "../../src/workbook/schema";
import { STOCKPILE_TABLE } from "../../src/workbook/stockpile/specs";
import { memoryState, runOk, sampleMemoryBook, stateDifferences } from "../helpers/robustness";

jest.setTimeout(60_000);

const WRITERS: readonly [string, TableSpec][] = [
  ["computeStockpile", STOCKPILE_TABLE],
  ["computeIsolation", BEDS_TABLE],
  ["forecastIsolation", RETURNEES_TABLE],
];

const CASES = WRITERS.filter(([id]) => commandById(id) !== undefined).flatMap(([id, spec]) =>
  spec.columns
    .filter((c) => c.role === "output")
    .map((c, i) => ({ id, spec, key: c.key, offset: i }))
);

/** A typed number no formula of the sample gives. */
const TYPED = 987654;

describe("an output cell typed over", () => {
  it("is covered for every registered command that writes output columns", () => {
    expect(CASES.map((c) => c.id)).toEqual(
      expect.arrayContaining(["computeStockpile", "computeIsolation", "forecastIsolation"])
    );
  });

  it.each(CASES.map((c) => [c.id, c.spec.sheet, c.key, c]))(
    "%s: a number typed over %s %s is reported with its old value, kept in 历史记录 and replaced by the formula",
    async (_id, _sheet, _key, { id, spec, key, offset }) => {
      const command = commandById(id) as Command;
      const { book, host } = sampleMemoryBook();
      await runOk(host, initWorkbook);
      await runOk(host, command);
      const header = detectHeader(spec, book.values(spec.sheet));
      expect(header).toBeDefined();
      const column = header!.columns.get(key) as number;
      // A different data row per output column, so each case types into its own row.
      const row = header!.headerRow + 1 + offset;
      const cell = cellAddress(row, column);
      const formula = book.formulas(spec.sheet)[row - 1][column - 1];
      expect(String(formula)).toMatch(/^=/);
      const clean = memoryState(book);

      book.setValues(spec.sheet, cell, [[TYPED]]);
      expect(book.formulas(spec.sheet)[row - 1][column - 1]).toBe(TYPED);
      const rerun = await runOk(host, command);

      const reported = rerun.result.issues.filter((i) => i.sheet === spec.sheet && i.cell === cell);
      expect(reported.map((i) => i.code)).toEqual(["overwrittenOutput"]);
      expect(reported[0].message.zh).toContain(String(TYPED));
      expect(reported[0].message.en).toContain(String(TYPED));
      const history = book.values(HISTORY_SHEET);
      expect(
        history.some(
          (line) => line.includes(spec.sheet) && line.includes(cell) && line.includes(TYPED)
        )
      ).toBe(true);
      expect(book.formulas(spec.sheet)[row - 1][column - 1]).toBe(formula);
      // Apart from the new 历史记录 sheet, the workbook is as the clean run left it.
      const restored = memoryState(book);
      delete restored.sheets[HISTORY_SHEET];
      restored.sheetNames = restored.sheetNames.filter((s) => s !== HISTORY_SHEET);
      expect(stateDifferences(clean, restored).slice(0, 10)).toEqual([]);
    }
  );
});
