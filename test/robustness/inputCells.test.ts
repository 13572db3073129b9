/**
 * No command changes an input cell: on the sample county, after 初始化工作簿,
 * every cell outside the leader sheets a command rewrites and outside the
 * output columns of input tables is the same after the command as before,
 * on the memory host and on the .xlsx host.
 */
import { COMMANDS } from "../../src/workbook/commands";
import { initWorkbook } from "../../src/workbook/init/initWorkbook";
import { STOCKPILE_SHEET } from "../../src/workbook/stockpile/specs";
import type { CellValue } from "../../src/workbook/cells";
import {
  IMPORTED_UNIT,
  changedCells,
  clearedSheets,
  memoryState,
  protectedCells,
  runOk,
  sampleMemoryBook,
  sampleXlsxBook,
  xlsxState,
  type BookState,
} from "../helpers/robustness";
import { sampleWpsBook, wpsState } from "../wps/helpers";
import type { WorkbookHost } from "../../src/workbook/host";

jest.setTimeout(60_000);

const HOSTS: Record<string, () => { host: WorkbookHost; state: () => BookState }> = {
  memory: () => {
    const { book, host } = sampleMemoryBook();
    return { host, state: () => memoryState(book) };
  },
  xlsx: () => {
    const { workbook, host } = sampleXlsxBook();
    return { host, state: () => xlsxState(workbook) };
  },
  wps: () => {
    const { et, host } = sampleWpsBook();
    return { host, state: () => wpsState(et) };
  },
};

/** 导入填报 is asked to replace the imported unit's rows of 物资储备; every other row must stay. */
const importedRow = (sheet: string, row: readonly CellValue[]) =>
  sheet === STOCKPILE_SHEET && row.includes(IMPORTED_UNIT);

describe.each(Object.keys(HOSTS))("on the %s host", (hostName) => {
  it.each(COMMANDS.map((c) => c.id))(
    "%s changes no input cell of the sample county",
    async (id) => {
      const command = COMMANDS.find((c) => c.id === id)!;
      const { host, state } = HOSTS[hostName]();
      if (command !== initWorkbook) await runOk(host, initWorkbook);
      const before = state();
      const outcome = await runOk(host, command);
      const after = state();
      // Each command writes on this workbook, so the comparison is not vacuous.
      expect(outcome.result.ops.length).toBeGreaterThan(0);
      const cells = protectedCells(
        before,
        after,
        clearedSheets(outcome.result.ops),
        id === "importReturns" ? importedRow : undefined
      );
      // The sample's input sheets hold far more than this; a tiny count would mean nothing was checked.
      expect(cells.size).toBeGreaterThan(30_000);
      expect(changedCells(cells, after)).toEqual([]);
    }
  );
});
