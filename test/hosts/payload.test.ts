/**
 * The request-size estimate. (Which strings are written as text is tested in
 * test/workbook/textFormat.test.ts.)
 */
import { jsonBytes, utf8Length } from "../../src/hosts/excel/payload";

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
