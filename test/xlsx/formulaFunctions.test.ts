import { runCli } from "../../src/cli/main";
import {
  ALLOWED_FUNCTIONS,
  FORBIDDEN_FUNCTIONS,
  disallowedFunctions,
  functionsInFormula,
} from "../../src/workbook/formulaFunctions";
import * as path from "node:path";
import { formulaCells, makeEnv } from "./helpers";

// Writing the demo takes about 4 s alone, more on a busy machine.
jest.setTimeout(60_000);

describe("functionsInFormula", () => {
  it.each([
    ['=IF(ISNUMBER(D3),ROUNDUP(D3/10000*每万人隔离床位标准,0),"")', ["IF", "ISNUMBER", "ROUNDUP"]],
    ['="MAX(1)"', []],
    ['=IF(A1="SUM(",1,0)', ["IF"]],
    ["=sum(A1:A3)", ["SUM"]],
    ["=SUMPRODUCT((物资储备!A3:A9=A3)*1)", ["SUMPRODUCT"]],
    ["=A1+B1", []],
  ])("finds the functions called by %s", (formula, expected) => {
    expect(functionsInFormula(formula)).toEqual(expected);
  });
});

describe("the allowed list", () => {
  it("shares no function with the forbidden list", () => {
    expect([...FORBIDDEN_FUNCTIONS].filter((f) => ALLOWED_FUNCTIONS.has(f))).toEqual([]);
  });

  it.each([...FORBIDDEN_FUNCTIONS])("rejects %s", (name) => {
    expect(disallowedFunctions(`=${name}(A1)`)).toEqual([name]);
  });
});

describe("formulas of the demo workbook", () => {
  it("use only functions on the allowed list", async () => {
    const env = makeEnv();
    await runCli(["demo", "-o", "demo.xlsx"], env);
    const cells = await formulaCells(path.join(env.cwd, "demo.xlsx"));
    expect(cells.size).toBeGreaterThan(100);
    const offending = [...cells]
      .map(([at, cell]) => ({ at, bad: disallowedFunctions(cell.formula) }))
      .filter((c) => c.bad.length > 0);
    expect(offending).toEqual([]);
  });
});
