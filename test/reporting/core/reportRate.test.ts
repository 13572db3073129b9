import { reportRate } from "../../../src/core/reporting/reportRate";

describe("reportRate", () => {
  it.each([
    [32, 35, 32 / 35],
    [35, 35, 1],
    [0, 35, 0],
  ])("returns %d ÷ %d", (count, expected, rate) => {
    expect(reportRate(count, expected)).toBe(rate);
  });

  it("returns null when no unit is expected", () => {
    expect(reportRate(0, 0)).toBeNull();
  });
});
