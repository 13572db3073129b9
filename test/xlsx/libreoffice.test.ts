/**
 * Agreement with a real spreadsheet program: LibreOffice recalculates every
 * formula the add-in wrote, and each must come out as the engine computed it.
 * Needs LibreOffice (`apt-get install -y libreoffice-calc-nogui`); without it
 * the test fails and says so, rather than skipping.
 */
import * as path from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "../../src/cli/main";
import { saveXlsx } from "../../src/hosts/xlsx/files";
import { ALLOWED_FUNCTIONS } from "../../src/workbook/formulaFunctions";
import { BAD_ROWS, sampleSheetsWith, writeSheetsXlsx } from "./fixtures";
import { disagreements, formulaCells, makeEnv, recalculateWithLibreOffice } from "./helpers";

jest.setTimeout(600_000);

/** A sample call of every allowed function, so LibreOffice proves it knows each one. */
const SAMPLE_CALLS: Record<string, string> = {
  IF: "IF(1>0,1,0)",
  AND: "AND(TRUE(),TRUE())",
  OR: "OR(FALSE(),TRUE())",
  NOT: "NOT(FALSE())",
  IFERROR: "IFERROR(1/0,7)",
  TRUE: "TRUE()",
  FALSE: "FALSE()",
  SUM: "SUM(1,2)",
  SUMIF: 'SUMIF(A1:A2,">0")',
  SUMIFS: 'SUMIFS(A1:A2,A1:A2,">0")',
  SUMPRODUCT: "SUMPRODUCT(A1:A2,A1:A2)",
  MAX: "MAX(1,2)",
  MIN: "MIN(1,2)",
  ROUND: "ROUND(1.25,1)",
  ROUNDUP: "ROUNDUP(1.21,1)",
  ROUNDDOWN: "ROUNDDOWN(1.29,1)",
  INT: "INT(1.5)",
  ABS: "ABS(-1)",
  MOD: "MOD(7,3)",
  CEILING: "CEILING(1.2,1)",
  FLOOR: "FLOOR(1.8,1)",
  AVERAGE: "AVERAGE(1,3)",
  AVERAGEIF: 'AVERAGEIF(A1:A2,">0")',
  COUNT: "COUNT(A1:A2)",
  COUNTA: "COUNTA(A1:A2)",
  COUNTBLANK: "COUNTBLANK(A1:A3)",
  COUNTIF: 'COUNTIF(A1:A2,">0")',
  COUNTIFS: 'COUNTIFS(A1:A2,">0")',
  RANK: "RANK(A1,A1:A2)",
  LARGE: "LARGE(A1:A2,1)",
  SMALL: "SMALL(A1:A2,1)",
  INDEX: "INDEX(A1:A2,2)",
  MATCH: "MATCH(2,A1:A2,0)",
  VLOOKUP: "VLOOKUP(2,A1:A2,1,FALSE())",
  HLOOKUP: "HLOOKUP(1,A1:A2,1,FALSE())",
  LOOKUP: "LOOKUP(2,A1:A2)",
  CHOOSE: "CHOOSE(2,5,6)",
  ISNUMBER: "ISNUMBER(A1)",
  ISBLANK: "ISBLANK(A3)",
  ISERROR: "ISERROR(1/0)",
  ISTEXT: 'ISTEXT("a")',
  NA: "ISERROR(NA())",
  N: "N(A1)",
  TEXT: 'TEXT(0.5,"0%")',
  LEN: 'LEN("abc")',
  LEFT: 'LEFT("abc",1)',
  RIGHT: 'RIGHT("abc",1)',
  MID: 'MID("abc",2,1)',
  TRIM: 'TRIM(" a ")',
  CONCATENATE: 'CONCATENATE("a","b")',
  VALUE: 'VALUE("12")',
  FIXED: "FIXED(1234.5,1)",
  REPT: 'REPT("a",2)',
  SUBSTITUTE: 'SUBSTITUTE("aba","b","c")',
  DATE: "DATE(2022,1,20)",
  YEAR: "YEAR(44581)",
  MONTH: "MONTH(44581)",
  DAY: "DAY(44581)",
  TODAY: "TODAY()>0",
  NOW: "NOW()>0",
  WEEKDAY: "WEEKDAY(44581)",
};

describe("LibreOffice recalculation agrees with the engine", () => {
  const env = makeEnv();
  const dir = env.cwd;
  let recalculated: string[] = [];

  beforeAll(async () => {
    expect(await runCli(["demo", "-o", "demo.xlsx"], env)).toBe(0);
    await runCli(["compute", "demo.xlsx", "--date", "2022-01-20", "-o", "demo-computed.xlsx"], env);
    await writeSheetsXlsx(sampleSheetsWith(BAD_ROWS), path.join(dir, "bad-rows.xlsx"));
    await runCli(
      ["compute", "bad-rows.xlsx", "--date", "2022-01-20", "-o", "bad-computed.xlsx"],
      env
    );
    await writeCanary(path.join(dir, "canary.xlsx"));
    recalculated = recalculateWithLibreOffice(
      ["demo-computed.xlsx", "bad-computed.xlsx", "canary.xlsx"].map((f) => path.join(dir, f))
    );
  });

  it("recalculates on load: a formula saved with a wrong cached value comes back right", async () => {
    const cells = await formulaCells(recalculated[2]);
    expect(cells.get("Canary!A1")?.value).toBe(2);
  });

  it("evaluates every function on the allowed list without an error", async () => {
    const cells = await formulaCells(recalculated[2]);
    const failing = [...ALLOWED_FUNCTIONS].filter((f) => {
      const v = cells.get(`Functions!${`B${[...ALLOWED_FUNCTIONS].indexOf(f) + 1}`}`)?.value;
      return v === null || v === undefined || (typeof v === "string" && v.startsWith("#"));
    });
    expect(failing).toEqual([]);
  });

  it.each([
    ["the demo workbook", "demo-computed.xlsx", 0],
    ["a workbook with bad rows", "bad-computed.xlsx", 1],
  ])("gives every formula of %s the value the engine computed", async (_name, file, index) => {
    const engine = await formulaCells(path.join(dir, file));
    const office = await formulaCells(recalculated[index]);
    expect(engine.size).toBeGreaterThan(100);
    expect(disagreements(engine, office)).toEqual([]);
  });
});

/** A workbook whose A1 caches a wrong result, and one sample call per allowed function. */
async function writeCanary(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const canary = workbook.addWorksheet("Canary");
  canary.getCell("A1").value = { formula: "1+1", result: 5 };
  const functions = workbook.addWorksheet("Functions");
  functions.getCell("A1").value = 1;
  functions.getCell("A2").value = 2;
  [...ALLOWED_FUNCTIONS].forEach((name, i) => {
    const call = SAMPLE_CALLS[name];
    if (!call) throw new Error(`no sample call for ${name}: add one to SAMPLE_CALLS`);
    functions.getCell(`B${i + 1}`).value = { formula: call, result: "#UNSET" };
  });
  await saveXlsx(workbook, file);
}
