import { serialFromYmd } from "../../src/core/dates";
import { releaseDate } from "../../src/core/isolation/releaseDate";
import { stayDays, type RiskLevel } from "../../src/core/isolation/stayDays";

const protocol8 = { highRiskStayDays: 14, otherRiskStayDays: 7 };

describe("stayDays", () => {
  it.each([
    ["高风险", 14],
    ["中风险", 14],
    ["其他涉疫地区", 7],
    ["低风险", 0],
  ])("gives %s a stay of %p days under 14 / 7", (risk, expected) => {
    expect(stayDays(risk as RiskLevel, protocol8)).toBe(expected);
  });

  it("follows the parameters when the protocol changes (9th edition: 7 days centralized)", () => {
    const protocol9 = { highRiskStayDays: 7, otherRiskStayDays: 3 };
    expect(stayDays("高风险", protocol9)).toBe(7);
    expect(stayDays("其他涉疫地区", protocol9)).toBe(3);
  });

  it("keeps 低风险 at 0 whatever the parameters", () => {
    expect(stayDays("低风险", { highRiskStayDays: 21, otherRiskStayDays: 14 })).toBe(0);
  });
});

describe("releaseDate", () => {
  it("is the arrival day plus the stay (the bed is free on that day)", () => {
    expect(releaseDate(serialFromYmd(2022, 1, 9), 14)).toBe(serialFromYmd(2022, 1, 23));
  });

  it("crosses a month and a year end", () => {
    expect(releaseDate(serialFromYmd(2021, 12, 25), 14)).toBe(serialFromYmd(2022, 1, 8));
  });

  it("is the arrival day for a stay of 0 days", () => {
    expect(releaseDate(serialFromYmd(2022, 1, 9), 0)).toBe(serialFromYmd(2022, 1, 9));
  });

  it("ignores the time of day of the arrival", () => {
    expect(releaseDate(serialFromYmd(2022, 1, 9) + 0.75, 7)).toBe(serialFromYmd(2022, 1, 16));
  });
});
