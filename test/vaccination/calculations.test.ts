import { serialFromYmd } from "../../src/core/dates";
import { completionRate, isOverTarget } from "../../src/core/vaccination/completionRate";
import { dueDate } from "../../src/core/vaccination/dueDate";
import { formatCount, formatRate } from "../../src/core/vaccination/format";
import { metricFromText } from "../../src/core/vaccination/metric";
import { rankChange } from "../../src/core/vaccination/rankChange";

describe("completionRate", () => {
  it.each([
    ["a rate below 100%", 962, 1000, 0.962],
    ["a rate of exactly 100%", 1000, 1000, 1],
    ["a rate above 100%, kept raw", 1023, 1000, 1.023],
    ["a count of zero", 0, 1000, 0],
  ])("returns done ÷ target for %s", (_case, done, target, expected) => {
    expect(completionRate(done, target)).toBe(expected);
  });

  it.each([
    ["the target is 0", 5, 0],
    ["the target is negative zero", 5, -0],
    ["the target is blank", 5, null],
    ["the count is blank", null, 1000],
    ["the target is NaN", 5, NaN],
  ])("returns null when %s", (_case, done, target) => {
    expect(completionRate(done, target)).toBeNull();
  });
});

describe("isOverTarget", () => {
  it.each([
    [1.001, true],
    [1, false],
    [0.5, false],
    [null, false],
  ])("flags %s as over target: %s", (rate, expected) => {
    expect(isOverTarget(rate)).toBe(expected);
  });
});

describe("dueDate", () => {
  it.each([
    ["across the end of February", [2022, 3, 1], 21, [2022, 2, 8]],
    ["across the end of a leap February", [2024, 3, 1], 21, [2024, 2, 9]],
    ["across a year end", [2022, 1, 10], 21, [2021, 12, 20]],
    ["across a 31-day month", [2022, 8, 5], 14, [2022, 7, 22]],
    ["within a month", [2022, 1, 30], 21, [2022, 1, 9]],
    ["with an interval of 0 (the same day)", [2022, 1, 20], 0, [2022, 1, 20]],
  ])("counts back %s", (_case, report, interval, expected) => {
    const [y, m, d] = report as number[];
    const [ey, em, ed] = expected as number[];
    expect(dueDate(serialFromYmd(y, m, d), interval as number)).toBe(serialFromYmd(ey, em, ed));
  });

  it("ignores the time of day of the report date", () => {
    expect(dueDate(serialFromYmd(2022, 3, 1) + 0.75, 21)).toBe(serialFromYmd(2022, 2, 8));
  });
});

describe("rankChange", () => {
  it.each([
    ["a better rank", 5, 3, "↑2"],
    ["a worse rank", 2, 3, "↓1"],
    ["the same rank", 4, 4, "–"],
    ["no rank before", null, 1, "新"],
    ["no rank now", 1, null, ""],
    ["no rank either day", null, null, ""],
  ])("writes %s as %s", (_case, previous, current, expected) => {
    expect(rankChange(previous, current)).toBe(expected);
  });
});

describe("formatCount", () => {
  it.each([
    [1234567, "1,234,567"],
    [999, "999"],
    [1000, "1,000"],
    [0, "0"],
    [-0, "0"],
    [-1200, "-1,200"],
    [1234.5, "1,234.5"],
  ])("writes %s as %s", (value, expected) => {
    expect(formatCount(value)).toBe(expected);
  });
});

describe("formatRate", () => {
  it.each([
    [0.962, "96.2%"],
    [1, "100.0%"],
    [1.0234, "102.3%"],
    [0, "0.0%"],
    [-0, "0.0%"],
    [0.00049, "0.0%"],
    [0.9999, "100.0%"],
  ])("writes %s as %s", (rate, expected) => {
    expect(formatRate(rate)).toBe(expected);
  });

  it("rounds 1,001 ÷ 2,000 (50.05%) half up to 50.1% as Excel shows it, although × 1000 gives 500.4999… in binary", () => {
    expect((1001 / 2000) * 1000).toBeLessThan(500.5);
    expect(formatRate(1001 / 2000)).toBe("50.1%");
  });

  it("rounds 18,610 ÷ 20,000 (93.05%) half up to 93.1%", () => {
    expect(formatRate(18_610 / 20_000)).toBe("93.1%");
  });
});

describe("metricFromText", () => {
  it.each([
    ["full", "full"],
    ["全程完成率", "full"],
    ["第一剂完成率", "first"],
    ["加强完成率", "booster"],
    ["当日完成率", "due"],
    ["Due-today rate", "due"],
    [" booster ", "booster"],
  ])("reads %s as %s", (text, expected) => {
    expect(metricFromText(text)).toBe(expected);
  });

  it.each([["速度"], [""], [3], [null]])("returns undefined for %s", (text) => {
    expect(metricFromText(text)).toBeUndefined();
  });
});
