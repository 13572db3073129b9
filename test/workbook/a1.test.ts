import {
  cellAddress,
  columnLetters,
  columnNumber,
  parseCellAddress,
  parseRangeAddress,
  quoteSheet,
  rangeAddress,
  sheetRef,
} from "../../src/workbook/a1";

describe("A1 addresses", () => {
  it.each([
    [1, "A"],
    [26, "Z"],
    [27, "AA"],
    [52, "AZ"],
    [702, "ZZ"],
    [703, "AAA"],
    [16384, "XFD"],
  ])("column %p is %p and back", (n, letters) => {
    expect(columnLetters(n)).toBe(letters);
    expect(columnNumber(letters)).toBe(n);
  });

  it("builds cell and range addresses", () => {
    expect(cellAddress(7, 6)).toBe("F7");
    expect(rangeAddress(1, 1, 3, 2)).toBe("A1:B3");
    expect(rangeAddress(4, 2, 4, 2)).toBe("B4");
  });

  it("parses absolute and relative addresses, and refuses ones outside the grid", () => {
    expect(parseCellAddress("$F$7")).toEqual({ row: 7, column: 6 });
    expect(parseCellAddress("f7")).toEqual({ row: 7, column: 6 });
    expect(parseCellAddress("7F")).toBeUndefined();
    expect(parseCellAddress("A0")).toBeUndefined();
    expect(parseCellAddress("A1048577")).toBeUndefined();
    expect(parseCellAddress("XFE1")).toBeUndefined();
    expect(parseRangeAddress("D9:B2")).toEqual({ row: 2, column: 2, lastRow: 9, lastColumn: 4 });
  });

  it("quotes sheet names only when a formula needs it", () => {
    expect(quoteSheet("参数")).toBe("参数");
    expect(quoteSheet("物资储备")).toBe("物资储备");
    expect(quoteSheet("My Sheet")).toBe("'My Sheet'");
    expect(quoteSheet("O'Brien")).toBe("'O''Brien'");
    expect(quoteSheet("2022")).toBe("'2022'");
    expect(sheetRef("物资储备", "F7")).toBe("物资储备!F7");
  });
});
