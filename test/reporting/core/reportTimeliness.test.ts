import { reportTimeliness } from "../../../src/core/reporting/reportTimeliness";
import { at, DAY, SECOND, TEN } from "../fixtures";

describe("reportTimeliness", () => {
  it.each([
    ["an hour before the deadline", at(DAY, 9), "按时"],
    ["exactly at the deadline", DAY + TEN, "按时"],
    ["exactly at the deadline, typed as 10:00:00", at(DAY, 10, 0, 0), "按时"],
    ["one second after the deadline", DAY + TEN + SECOND, "迟报"],
    ["one second before the deadline", DAY + TEN - SECOND, "按时"],
    ["the evening before the report date", at(DAY - 1, 18, 30), "按时"],
    ["early on the next day", at(DAY + 1, 8), "迟报"],
    ["at midnight starting the report date", DAY, "按时"],
  ])("returns the status when received %s", (_what, receivedAt, expected) => {
    expect(reportTimeliness(receivedAt, DAY)).toBe(expected);
  });

  it("treats a time a hair past the deadline from float noise as exactly the deadline", () => {
    expect(reportTimeliness(DAY + TEN + 1e-9, DAY)).toBe("按时");
  });

  it("uses the deadline option when given", () => {
    expect(reportTimeliness(at(DAY, 9, 30), DAY, { deadline: 9 / 24 })).toBe("迟报");
  });

  it("ignores a time fraction on the report date itself", () => {
    expect(reportTimeliness(at(DAY, 9), DAY + 0.75)).toBe("按时");
  });
});
