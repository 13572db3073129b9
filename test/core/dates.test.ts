import {
  chineseDate,
  isoFromSerial,
  serialFromLocalDate,
  serialFromYmd,
  ymdFromSerial,
} from "../../src/core/dates";

describe("serial dates", () => {
  it.each([
    [1900, 3, 1, 61],
    [2022, 1, 9, 44570],
    [2022, 3, 1, 44621],
    [2024, 2, 29, 45351],
    [2026, 11, 22, 46348],
  ])("%p-%p-%p is serial %p, as in Excel", (y, m, d, serial) => {
    expect(serialFromYmd(y, m, d)).toBe(serial);
    expect(ymdFromSerial(serial)).toEqual({ year: y, month: m, day: d });
  });

  it("crosses month and year ends by plain subtraction", () => {
    expect(serialFromYmd(2022, 3, 1) - 21).toBe(serialFromYmd(2022, 2, 8));
    expect(serialFromYmd(2022, 1, 1) - 1).toBe(serialFromYmd(2021, 12, 31));
  });

  it.each([
    [2022, 2, 29],
    [2022, 13, 1],
    [2022, 0, 1],
    [1899, 12, 31],
    [2022.5, 1, 1],
  ])("returns NaN for %p-%p-%p", (y, m, d) => {
    expect(serialFromYmd(y, m, d)).toBeNaN();
  });

  it("formats dates for documents and ISO", () => {
    expect(chineseDate(44570)).toBe("2022年1月9日");
    expect(chineseDate(44570, false)).toBe("1月9日");
    expect(isoFromSerial(44570.9)).toBe("2022-01-09");
  });

  it("reads today from the local calendar day", () => {
    expect(serialFromLocalDate(new Date(2022, 0, 9, 23, 59))).toBe(44570);
  });
});
