/**
 * The request-size estimate and the rule for which strings are written as text.
 */
import { jsonBytes, needsTextFormat, utf8Length } from "../../src/hosts/excel/payload";

describe("utf8Length", () => {
  it.each([
    ["", 0],
    ["ab", 2],
    ["é", 2],
    ["参数", 6],
    ["😷", 4],
  ])("counts %j as %i bytes", (text, bytes) => {
    expect(utf8Length(text)).toBe(bytes);
  });

  it("agrees with TextEncoder on mixed text", () => {
    const text = "城关镇 Chengguan ①②😷 100%";
    expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
  });
});

describe("jsonBytes", () => {
  it("counts the JSON of a grid as sent: brackets, commas, quotes and UTF-8 text", () => {
    // [[1,"参数"]] is 8 ASCII characters and two 3-byte characters.
    expect(jsonBytes([[1, "参数"]])).toBe(14);
  });

  it("counts null as the four letters it is sent as", () => {
    expect(jsonBytes([null])).toBe(6);
  });
});

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
});
