/**
 * Absurd denominators print no garbage (issue 13, class 12): a 目标人数 of
 * 5e-324 (the smallest double) made the summary say `Infinity.NaN%`. On the
 * memory host and through `epi-ledger compute` (in memory and streamed), no
 * summary, issue, cell or --json field may hold Infinity or NaN.
 */
import * as path from "node:path";
import { runCli } from "../../src/cli/main";
import { MemoryWorkbook } from "../../src/hosts/memory/memoryExcel";
import { createMemoryHost } from "../../src/hosts/memory/memoryHost";
import type { CellValue } from "../../src/workbook/cells";
import { COMMANDS } from "../../src/workbook/commands";
import { executeCommand } from "../../src/workbook/execute";
import { PROGRESS_SHEET } from "../../src/workbook/vaccination/spec";
import { sampleSheetsWith, writeSheetsXlsx } from "../xlsx/fixtures";
import { makeEnv } from "../xlsx/helpers";
import { RUN } from "../helpers/robustness";

jest.setTimeout(120_000);

const GARBAGE = /Infinity|NaN/;
// 1e308 is not here: county totals of such targets overflow to Infinity (docs/reliability.md, what does not hold yet).
const TARGETS: readonly number[] = [5e-324, 1e-300, Number.MIN_VALUE * 3, -0];

/** The sample with every 7th row of 接种进度 given `target` as 目标人数. */
function sheetsWith(target: number) {
  const sheets = sampleSheetsWith([]);
  const progress = sheets.find((s) => s.name === PROGRESS_SHEET)!;
  const header = progress.values.findIndex((r) => r.includes("目标人数"));
  const column = progress.values[header].indexOf("目标人数");
  progress.values.forEach((r: CellValue[], i) => {
    if (i > header && (i - header) % 7 === 1) r[column] = target;
  });
  return sheets;
}

describe.each(TARGETS)("a 目标人数 of %s", (target) => {
  it("gives no Infinity or NaN in any summary, issue or cell on the memory host", async () => {
    const book = new MemoryWorkbook(sheetsWith(target));
    const host = createMemoryHost(book);
    for (const command of COMMANDS.filter((c) => c.id !== "importReturns")) {
      const outcome = await executeCommand(host, command, {
        ...RUN,
        options: command.id === "generateTemplates" ? { units: ["城关镇"] } : undefined,
      });
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) continue;
      expect(JSON.stringify(outcome.result.summary)).not.toMatch(GARBAGE);
      expect(JSON.stringify(outcome.result.issues)).not.toMatch(GARBAGE);
    }
    for (const sheet of book.sheetNames()) {
      expect(JSON.stringify(book.values(sheet))).not.toMatch(GARBAGE);
    }
  });

  it.each([undefined, 1])(
    "gives none in the printed run or --json of compute (streaming threshold %s)",
    async (threshold) => {
      const env = makeEnv({ largeSheetBytes: threshold });
      await writeSheetsXlsx(sheetsWith(target), path.join(env.cwd, "in.xlsx"));
      const args = ["compute", "in.xlsx", "--date", "2022-01-20", "-o", "out.xlsx"];
      expect(await runCli(args, env)).toBeLessThanOrEqual(1);
      const json = makeEnv({ cwd: env.cwd, largeSheetBytes: threshold });
      expect(await runCli([...args, "--json"], json)).toBeLessThanOrEqual(1);
      const printed = [...env.out, ...env.err, ...json.out].join("");
      expect(printed).not.toMatch(GARBAGE);
      expect(printed).toMatch(/接种/);
    }
  );
});
