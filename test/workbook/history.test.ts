import { HISTORY_HEADER, historyOps } from "../../src/workbook/history";
import { applyOps, emptySnapshot } from "../../src/workbook/applyOps";

const entry = {
  command: "计算物资储备",
  sheet: "物资储备",
  where: "L5",
  old: 120,
  note: "输出公式被覆盖，已恢复",
};

describe("historyOps", () => {
  it("writes nothing when there is nothing to keep", () => {
    expect(historyOps(emptySnapshot(), [], 44581)).toEqual([]);
  });

  it("creates 历史记录 with its header and appends the entry", () => {
    const after = applyOps(emptySnapshot(), historyOps(emptySnapshot(), [entry], 44581.5));
    expect(after.sheets["历史记录"].values).toEqual([
      [...HISTORY_HEADER],
      [44581.5, "计算物资储备", "物资储备", "L5", 120, "输出公式被覆盖，已恢复"],
    ]);
  });

  it("appends below existing entries and never overwrites them", () => {
    const once = applyOps(emptySnapshot(), historyOps(emptySnapshot(), [entry], 44581.5));
    const twice = applyOps(once, historyOps(once, [{ ...entry, where: "L6", old: "=1+1" }], 44582));
    expect(twice.sheets["历史记录"].values).toHaveLength(3);
    expect(twice.sheets["历史记录"].values[1][3]).toBe("L5");
    expect(twice.sheets["历史记录"].values[2][3]).toBe("L6");
  });
});
