import { bestAndWorst, rankWithTies } from "../../src/core/rank";

describe("rankWithTies", () => {
  it.each([
    ["并列占位", [90, 95, 95, 80], [3, 1, 1, 4]],
    ["并列不占位", [90, 95, 95, 80], [2, 1, 1, 3]],
    ["并列占位", [1, 1, 1], [1, 1, 1]],
    ["并列不占位", [5, 4, 4, 4, 3], [1, 2, 2, 2, 3]],
    ["并列占位", [5, 4, 4, 4, 3], [1, 2, 2, 2, 5]],
  ] as const)("ranks with the rule %s", (tieRule, values, expected) => {
    expect(rankWithTies(values, { tieRule })).toEqual(expected);
  });

  it("ranks ascending when asked", () => {
    expect(rankWithTies([3, 1, 2], { order: "asc" })).toEqual([3, 1, 2]);
  });

  it("leaves blanks, NaN and Infinity unranked instead of ranking them as zero", () => {
    expect(rankWithTies([0.5, null, Number.NaN, undefined, Number.POSITIVE_INFINITY, 0])).toEqual([
      1,
      null,
      null,
      null,
      null,
      2,
    ]);
  });

  it("ties values that differ only by floating-point noise", () => {
    expect(rankWithTies([0.1 + 0.2, 0.3, 0.2])).toEqual([1, 1, 3]);
  });

  it("treats negative zero and zero as tied", () => {
    expect(rankWithTies([-0, 0, 1])).toEqual([2, 2, 1]);
  });

  it("ranks rates above 100% first", () => {
    expect(rankWithTies([1.02, 0.99, 1])).toEqual([1, 3, 2]);
  });

  it("returns an empty list for no values", () => {
    expect(rankWithTies([])).toEqual([]);
  });
});

describe("bestAndWorst", () => {
  const unit = (name: string, rate: number | null) => ({ name, rate });
  const names = (list: { name: string }[]) => list.map((u) => u.name);

  it("names the best and worst three", () => {
    const units = [
      unit("甲", 0.9),
      unit("乙", 0.8),
      unit("丙", 0.7),
      unit("丁", 0.6),
      unit("戊", 0.5),
      unit("己", 0.4),
    ];
    const r = bestAndWorst(units, (u) => u.rate);
    expect(names(r.best)).toEqual(["甲", "乙", "丙"]);
    expect(names(r.worst)).toEqual(["己", "戊", "丁"]);
    expect(r.bestTied || r.worstTied).toBe(false);
  });

  it("names every unit tied at the top-3 cut-off", () => {
    const units = [
      unit("甲", 0.9),
      unit("乙", 0.8),
      unit("丙", 0.7),
      unit("丁", 0.7),
      unit("戊", 0.5),
      unit("己", 0.4),
      unit("庚", 0.3),
    ];
    const r = bestAndWorst(units, (u) => u.rate);
    expect(names(r.best)).toEqual(["甲", "乙", "丙", "丁"]);
    expect(r.bestTied).toBe(true);
  });

  it("names every unit tied at the bottom-3 cut-off", () => {
    const units = [
      unit("甲", 0.9),
      unit("乙", 0.8),
      unit("丙", 0.7),
      unit("丁", 0.5),
      unit("戊", 0.5),
      unit("己", 0.4),
      unit("庚", 0.3),
    ];
    const r = bestAndWorst(units, (u) => u.rate);
    expect(names(r.worst)).toEqual(["庚", "己", "丁", "戊"]);
    expect(r.worstTied).toBe(true);
  });

  it("leaves out units without a rate", () => {
    const r = bestAndWorst([unit("甲", null), unit("乙", 0.5)], (u) => u.rate);
    expect(names(r.best)).toEqual(["乙"]);
    expect(names(r.worst)).toEqual(["乙"]);
  });
});
