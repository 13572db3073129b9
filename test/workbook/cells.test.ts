import {
  isBlank,
  readDate,
  readDateTime,
  readNumber,
  readText,
  readTime,
  toHalfWidth,
} from "../../src/workbook/cells";

describe("readNumber", () => {
  it.each([
    [12, 12],
    ["12", 12],
    ["  1,200 ", 1200],
    ["１２００", 1200],
    ["１，２００", 1200],
    ["85%", 0.85],
    ["+7", 7],
    ["-3.5", -3.5],
    [".5", 0.5],
    ["1e3", 1000],
  ])("reads %p as %p", (cell, expected) => {
    expect(readNumber(cell)).toEqual({ ok: true, value: expected });
  });

  it("returns null, not zero, for a blank cell", () => {
    expect(readNumber("")).toEqual({ ok: true, value: null });
    expect(readNumber(null)).toEqual({ ok: true, value: null });
    expect(readNumber("   ")).toEqual({ ok: true, value: null });
  });

  it("keeps zero as zero", () => {
    expect(readNumber(0)).toEqual({ ok: true, value: 0 });
    expect(readNumber("0")).toEqual({ ok: true, value: 0 });
  });

  it("turns negative zero into zero", () => {
    const r = readNumber(-0);
    expect(r.ok && Object.is(r.value, 0)).toBe(true);
    const t = readNumber("-0");
    expect(t.ok && Object.is(t.value, 0)).toBe(true);
  });

  it.each(["约100", "NaN", "Infinity", "1..2", "12a", "--1", "一百"])(
    "rejects %p with a message saying what to type",
    (cell) => {
      const r = readNumber(cell);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.zh).toContain("不是数字");
        expect(r.error.en).toContain("not a number");
      }
    }
  );

  it("rejects non-finite numbers and booleans", () => {
    expect(readNumber(Number.POSITIVE_INFINITY).ok).toBe(false);
    expect(readNumber(Number.NaN).ok).toBe(false);
    expect(readNumber(true).ok).toBe(false);
  });
});

describe("readDate", () => {
  it.each([
    ["2022/1/9", 44570],
    ["2022-01-09", 44570],
    ["2022.1.9", 44570],
    ["2022年1月9日", 44570],
    ["２０２２年１月９日", 44570],
    ["20220109", 44570],
    ["2022-01-09 15:30", 44570],
    [44570, 44570],
    [44570.75, 44570],
    ["2020/2/29", 43890],
    ["2022/3/1", 44621],
  ])("reads %p as serial %p", (cell, expected) => {
    expect(readDate(cell)).toEqual({ ok: true, value: expected });
  });

  it.each(["2022/2/30", "2022/13/1", "明天", "1/9", "2021/2/29", "2022-01-09 25:00"])(
    "rejects %p",
    (cell) => {
      const r = readDate(cell);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.zh).toContain("2022年1月9日");
    }
  );

  it("returns null for a blank cell", () => {
    expect(readDate(null)).toEqual({ ok: true, value: null });
  });
});

describe("readDateTime and readTime", () => {
  it("keeps the time of day as the fraction", () => {
    const r = readDateTime("2022-01-09 09:30");
    expect(r.ok && r.value).toBeCloseTo(44570 + 9.5 / 24, 9);
  });

  it.each([
    ["10:00", 10 / 24],
    ["10：00", 10 / 24],
    ["9:30:15", (9 * 3600 + 30 * 60 + 15) / 86400],
    ["10时", 10 / 24],
    ["10时30分", 10.5 / 24],
    [0.25, 0.25],
    ["24:00", 1],
  ])("reads the time %p", (cell, expected) => {
    const r = readTime(cell);
    expect(r.ok && r.value).toBeCloseTo(expected as number, 12);
  });

  it.each(["25:00", "10:61", "noon", 1.5])("rejects the time %p", (cell) => {
    expect(readTime(cell).ok).toBe(false);
  });
});

describe("text helpers", () => {
  it("trims text and writes numbers plainly", () => {
    expect(readText("  城关镇 ")).toBe("城关镇");
    expect(readText(12)).toBe("12");
    expect(readText("   ")).toBeNull();
  });

  it("folds full-width characters and the ideographic space", () => {
    expect(toHalfWidth("Ｎ９５（Ａ）\u3000")).toBe("N95(A) ");
  });

  it("treats white space as blank but zero and false as values", () => {
    expect(isBlank(" \t")).toBe(true);
    expect(isBlank(undefined)).toBe(true);
    expect(isBlank(0)).toBe(false);
    expect(isBlank(false)).toBe(false);
  });
});
