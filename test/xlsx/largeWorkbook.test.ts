/**
 * The streaming path for very large sheets must write the same workbook as
 * the in-memory path. A tiny threshold streams every sheet of the demo.
 */
import * as path from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "../../src/cli/main";
import { loadXlsx } from "../../src/hosts/xlsx/files";
import { sheetSnapshot } from "../../src/hosts/xlsx/xlsxHost";
import { BAD_ROWS, sampleSheetsWith, writeSheetsXlsx } from "./fixtures";
import { makeEnv } from "./helpers";

jest.setTimeout(120_000);

async function contents(file: string) {
  const workbook = await loadXlsx(file);
  return {
    sheets: workbook.worksheets.map((ws) => {
      const formats: string[] = [];
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.numFmt) formats.push(`${cell.address}:${cell.numFmt}`);
        })
      );
      return { ...sheetSnapshot(ws), formats, merges: mergeCount(ws), views: ws.views };
    }),
    names: workbook.definedNames.model,
  };
}

function mergeCount(ws: ExcelJS.Worksheet): number {
  return Object.keys((ws as unknown as { _merges: object })._merges).length;
}

describe("a workbook whose sheets are streamed", () => {
  it.each([
    ["the sample input", []],
    ["the sample with bad rows", BAD_ROWS],
  ] as const)(
    "computes %s to the same values, formulas, formats and names as in memory",
    async (_name, overrides) => {
      const env = makeEnv();
      await writeSheetsXlsx(sampleSheetsWith(overrides), path.join(env.cwd, "in.xlsx"));
      const args = ["compute", "in.xlsx", "--date", "2022-01-20"];
      const whole = await runCli([...args, "-o", "whole.xlsx"], env);
      const streamedEnv = { ...env, largeSheetBytes: 1 };
      const streamed = await runCli([...args, "-o", "streamed.xlsx"], streamedEnv);
      expect(streamed).toBe(whole);
      const a = await contents(path.join(env.cwd, "whole.xlsx"));
      const b = await contents(path.join(env.cwd, "streamed.xlsx"));
      expect(b.sheets.map((s) => s.name)).toEqual(a.sheets.map((s) => s.name));
      b.sheets.forEach((sheet, i) => expect(sheet).toEqual(a.sheets[i]));
      expect(b.names).toEqual(a.names);
    }
  );
});
