import { COMMANDS, type CommandId } from "../../src/workbook/commands";
import {
  DEFAULT_PARAMS,
  PARAMS,
  type ParamKey,
  type Params,
  type TieRule,
} from "../../src/workbook/params";

describe("ParamKey and Params", () => {
  it("are derived from PARAMS: one key per parameter, each with its default", () => {
    const keys: ParamKey[] = PARAMS.map((p) => p.key);
    expect(new Set(keys).size).toBe(PARAMS.length);
    expect(Object.keys(DEFAULT_PARAMS).sort()).toEqual([...keys].sort());
  });

  it("type a choice as one of its choices", () => {
    const rule: TieRule = DEFAULT_PARAMS.tieRule;
    const unit: Params["bedUnit"] = "间";
    // @ts-expect-error 排名方式 has no third choice
    const wrong: TieRule = "随机";
    expect([rule, unit, wrong]).toEqual(["并列占位", "间", "随机"]);
  });
});

describe("CommandId", () => {
  it("is the union of the registered ids", () => {
    const ids: CommandId[] = COMMANDS.map((c) => c.id as CommandId);
    // @ts-expect-error not a registered command
    const unknown: CommandId = "computeNucleicAcid";
    expect(ids).toContain("rankVaccination");
    expect(ids).not.toContain(unknown);
  });
});
