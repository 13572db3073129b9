import { selectCommands } from "../../src/cli/selection";
import { inputSheet } from "../../src/cli/run";
import type { Command } from "../../src/workbook/command";

function makeCommand(overrides: Partial<Command> & { id: string }): Command {
  return {
    label: { zh: overrides.id, en: overrides.id },
    reads: () => [],
    run: () => ({ ops: [], issues: [], summary: { zh: "", en: "" } }),
    ...overrides,
  };
}

const ALL = [
  makeCommand({ id: "initWorkbook" }),
  makeCommand({ id: "computeStockpile", label: { zh: "计算物资储备", en: "Stockpile" } }),
  makeCommand({
    id: "importReturns",
    needs: [{ kind: "files", option: "returns", label: { zh: "", en: "" }, given: () => false }],
  }),
  makeCommand({ id: "computeIsolation" }),
  makeCommand({ id: "forecastIsolation" }),
  makeCommand({ id: "rankVaccination" }),
  makeCommand({ id: "reportStatus" }),
];

const ids = (only: string | undefined, all: Command[] = ALL) => {
  const s = selectCommands(all, only);
  return s.ok ? s.commands.map((c) => c.id) : s.error.zh;
};

describe("selectCommands", () => {
  it("runs every command but setup and 导入填报 when --only is absent", () => {
    expect(ids(undefined)).toEqual([
      "computeStockpile",
      "computeIsolation",
      "forecastIsolation",
      "rankVaccination",
      "reportStatus",
    ]);
  });

  it.each([
    ["物资", ["computeStockpile"]],
    ["隔离", ["computeIsolation", "forecastIsolation"]],
    ["接种", ["rankVaccination"]],
    ["报送", ["reportStatus"]],
    ["报送,接种", ["rankVaccination", "reportStatus"]],
    ["报送、物资", ["computeStockpile", "reportStatus"]],
    ["接种，接种", ["rankVaccination"]],
    ["rankvaccination", ["rankVaccination"]],
    ["计算物资储备", ["computeStockpile"]],
  ])("maps --only %s to the commands in COMMANDS order", (only, expected) => {
    expect(ids(only)).toEqual(expected);
  });

  it.each([
    ["疫苗", /未知的计算项“疫苗”/],
    [",", /未知的计算项/],
  ])("refuses %s with the list of choices", (only, message) => {
    expect(ids(only)).toMatch(message);
  });

  it("requires the input of the first command of a word and of commands named by id", () => {
    const s = selectCommands(ALL, "隔离,reportStatus");
    expect(s.ok && [...s.required]).toEqual(["computeIsolation", "reportStatus"]);
  });

  it("says a capability is not available yet when none of its commands is registered", () => {
    expect(
      ids(
        "隔离",
        ALL.filter((c) => !c.id.includes("Isolation"))
      )
    ).toMatch(/尚未提供/);
  });
});

describe("inputSheet", () => {
  it("is the first sheet a command reads, other than 参数 and 历史记录", () => {
    const command = makeCommand({
      id: "x",
      reads: () => ["参数", "历史记录", "接种进度", "接种排名"],
    });
    expect(inputSheet(command)).toBe("接种进度");
  });
});
