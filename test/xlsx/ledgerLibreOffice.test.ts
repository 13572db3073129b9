/**
 * The clerk-layout ledgers of issue 12 (two- and three-level headers with
 * units, 小计/合计 rows with SUMs, meta rows, footers, hidden rows) after a
 * command: LibreOffice recalculates every formula the add-in wrote there,
 * including the SUMs it gives a clerk's 合计/小计 rows, and each must come out
 * as the engine computed it.
 */
import * as path from "node:path";
import ExcelJS from "exceljs";
import { saveXlsx } from "../../src/hosts/xlsx/files";
import { createXlsxHost } from "../../src/hosts/xlsx/xlsxHost";
import type { Command } from "../../src/workbook/command";
import { executeCommand } from "../../src/workbook/execute";
import { initWorkbook } from "../../src/workbook/init/initWorkbook";
import { computeIsolation } from "../../src/workbook/isolation/computeIsolation";
import { computeStockpile } from "../../src/workbook/stockpile/computeStockpile";
import { rankVaccination } from "../../src/workbook/vaccination/rankVaccination";
import {
  bedsLedger,
  isFormula,
  LEDGER_DATE,
  progressLedger,
  reservesLedger,
  type FixtureSheet,
} from "../workbook/ledgerLayouts";
import { disagreements, formulaCells, recalculateWithLibreOffice, tempDir } from "./helpers";

jest.setTimeout(600_000);

const RUN = { today: LEDGER_DATE, now: LEDGER_DATE + 17 / 24, lang: "zh" as const };

const CASES: [string, () => FixtureSheet, Command][] = [
  ["隔离床位 (two-level header, 小计/合计, footer)", () => bedsLedger(), computeIsolation],
  ["隔离床位 in 万人", () => bedsLedger({ tenThousand: true }), computeIsolation],
  ["接种进度 (three-level header, hidden row)", () => progressLedger(), rankVaccination],
  ["物资储备 (units in brackets, XX 小计 rows)", () => reservesLedger(), computeStockpile],
];

async function computed(sheet: FixtureSheet, command: Command, file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(sheet.name);
  sheet.rows.forEach((line, r) =>
    line.forEach((c, i) => {
      if (c === null) return;
      ws.getCell(r + 1, i + 1).value = isFormula(c)
        ? { formula: c.formula.slice(1), result: c.value as number }
        : c;
    })
  );
  for (const r of sheet.hidden ?? []) ws.getRow(r).hidden = true;
  const host = createXlsxHost(workbook);
  await executeCommand(host, initWorkbook, RUN);
  const outcome = await executeCommand(host, command, RUN);
  if (!outcome.ok) throw new Error(outcome.error.message.en);
  await saveXlsx(workbook, file);
}

describe("LibreOffice recalculation agrees with the engine on clerks' own layouts", () => {
  const dir = tempDir("epi-ledger-ledgers-");
  const files = CASES.map((_, i) => path.join(dir, `ledger-${i}.xlsx`));
  let recalculated: string[] = [];

  beforeAll(async () => {
    for (const [i, [, make, command]] of CASES.entries()) await computed(make(), command, files[i]);
    recalculated = recalculateWithLibreOffice(files);
  });

  it.each(CASES.map(([name], i) => [name, i] as const))(
    "gives every formula of %s the value the engine computed",
    async (_name, index) => {
      const engine = await formulaCells(files[index]);
      const office = await formulaCells(recalculated[index]);
      expect(engine.size).toBeGreaterThan(10);
      expect(disagreements(engine, office)).toEqual([]);
    }
  );
});
