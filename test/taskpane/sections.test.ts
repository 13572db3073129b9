import { SECTIONS, SECTION_COMMANDS, sectionCommands } from "../../src/taskpane/sections";
import { makeCommand } from "./fixtures";

describe("sectionCommands", () => {
  it("returns no command when none of the section's ids is registered", () => {
    expect(
      sectionCommands("stockpile", [], { ...SECTION_COMMANDS, stockpile: ["computeStockpile"] })
    ).toEqual([]);
  });

  it("skips ids that are not registered and keeps the others in the map's order", () => {
    const a = makeCommand({ id: "a" });
    const c = makeCommand({ id: "c" });
    const ids = { ...SECTION_COMMANDS, isolation: ["c", "b", "a"] };
    expect(sectionCommands("isolation", [a, c], ids).map((x) => x.id)).toEqual(["c", "a"]);
  });

  it("returns only the commands of the asked section", () => {
    const a = makeCommand({ id: "a" });
    const ids = { ...SECTION_COMMANDS, stockpile: ["a"], vaccination: [] };
    expect(sectionCommands("vaccination", [a], ids)).toEqual([]);
  });
});

describe("SECTIONS", () => {
  it("lists the four capabilities in order, each with a command list", () => {
    expect(SECTIONS.map((s) => s.title.zh)).toEqual(["物资储备", "隔离床位", "疫苗接种", "日报告"]);
    for (const s of SECTIONS) expect(Array.isArray(SECTION_COMMANDS[s.id])).toBe(true);
  });
});
