import { serialFromYmd } from "../../../src/core/dates";
import { consecutiveMissingDays } from "../../../src/core/reporting/consecutiveMissingDays";

const ymd = serialFromYmd;

describe("consecutiveMissingDays", () => {
  it("returns 0 when the unit reported on the report date", () => {
    const day = ymd(2022, 3, 10);
    expect(consecutiveMissingDays(day, { lastReported: day, since: ymd(2022, 3, 1) })).toBe(0);
  });

  it("returns 1 when the unit reported the day before", () => {
    const day = ymd(2022, 3, 10);
    expect(consecutiveMissingDays(day, { lastReported: day - 1, since: ymd(2022, 3, 1) })).toBe(1);
  });

  it.each([
    ["February in a common year", ymd(2022, 2, 27), ymd(2022, 3, 2), 3],
    ["February in a leap year", ymd(2024, 2, 27), ymd(2024, 3, 2), 4],
    ["a 30-day month", ymd(2022, 4, 29), ymd(2022, 5, 1), 2],
    ["the year end", ymd(2022, 12, 30), ymd(2023, 1, 2), 3],
  ])("counts across %s", (_what, lastReported, reportDate, expected) => {
    expect(consecutiveMissingDays(reportDate, { lastReported, since: ymd(2022, 1, 1) })).toBe(
      expected
    );
  });

  it("counts from the first day of the log when the unit never reported", () => {
    // 2022-02-25 … 2022-03-02 is 6 days (February 2022 has 28).
    expect(
      consecutiveMissingDays(ymd(2022, 3, 2), { lastReported: null, since: ymd(2022, 2, 25) })
    ).toBe(6);
  });

  it("counts no further back than `since` even when the last report is older", () => {
    expect(
      consecutiveMissingDays(ymd(2022, 3, 2), {
        lastReported: ymd(2022, 1, 5),
        since: ymd(2022, 3, 1),
      })
    ).toBe(2);
  });

  it("returns 0 when `since` is after the report date", () => {
    expect(
      consecutiveMissingDays(ymd(2022, 3, 2), { lastReported: null, since: ymd(2022, 3, 5) })
    ).toBe(0);
  });
});
