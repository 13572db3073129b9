/**
 * The rule every host uses to decide which strings are stored with the text
 * format "@": those Excel would otherwise read as a formula, a number, a date,
 * a time or a boolean.
 */
import { needsTextFormat } from "../../src/workbook/textFormat";

describe("needsTextFormat", () => {
  it.each([
    ["=1+1", true],
    ["+1", true],
    ["-cmd", true],
    ["@SUM(A1)", true],
    ["  =1+1", true],
    ["60", true],
    ["0012", true],
    ["10:00", true],
    ["2022/1/9", true],
    ["85%", true],
    ["true", true],
    ["Jan-22", true],
    ["城关镇", false],
    ["口罩（医用外科）", false],
    ["达标", false],
    ["", false],
    ["Chengguan", false],
  ])("returns %s → %s", (text, expected) => {
    expect(needsTextFormat(text)).toBe(expected);
  });

  it.each([
    ["a formula after a tab", "\t=cmd|' /C calc'!A0"],
    ["a decimal without its leading zero", ".5"],
    ["a negative number in accounting brackets", "(100)"],
    ["full-width digits, as Chinese input methods type them", "１２３"],
    ["an amount in yuan", "¥100"],
    ["an amount in dollars", "$5"],
    ["FALSE in capitals with a trailing space", "FALSE "],
    ["a month name followed by a day", "December 5"],
  ])("returns true for %s", (_what, text) => {
    expect(needsTextFormat(text)).toBe(true);
  });

  it.each([
    ["only white space", "   "],
    ["a word that begins with true", "trueness"],
    ["a word that begins with a month name but holds no number", "Mayor"],
    ["an item code that begins with a letter", "N95口罩"],
  ])("returns false for %s", (_what, text) => {
    expect(needsTextFormat(text)).toBe(false);
  });
});
