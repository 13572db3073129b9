import {
  excelTrim,
  formulaNumber,
  formulaRisk,
  isOwnReleaseFormula,
  releaseDateFormula,
} from "../../src/workbook/isolation/formulas";

describe("how a formula sees an input cell", () => {
  it.each([
    [1200, 1200],
    [0, 0],
    [-0, 0],
    [null, null],
    ["", null],
  ])("reads %p as the number %p", (raw, expected) => {
    expect(formulaNumber(raw)).toBe(expected);
  });

  it.each([["1200"], ["  "], [true]])("reads %p as not a number (ISNUMBER is FALSE)", (raw) => {
    expect(formulaNumber(raw)).toBeNaN();
  });

  it.each([
    ["高风险", "高风险"],
    ["  中风险地区 ", "中风险"],
    ["其他涉疫地区", "其他涉疫地区"],
    ["低风险地区", "低风险"],
    ["高 风险", null],
    ["高风险\u3000", null], // TRIM leaves the ideographic space
    [14, null],
    [null, null],
  ])("recognises the risk level %p as %p", (raw, expected) => {
    expect(formulaRisk(raw)).toBe(expected);
  });

  it("trims spaces at the ends and doubles inside, like TRIM", () => {
    expect(excelTrim("  高  风险 ")).toBe("高 风险");
  });
});

describe("releaseDateFormula", () => {
  it("doubles a quote in the text of a text-date arrival", () => {
    expect(releaseDateFormula("F3", "H3", { text: '2022/1/9"', date: 44570 })).toContain(
      'F3="2022/1/9"""'
    );
  });

  it("recognises both of its forms as its own for that row only", () => {
    expect(isOwnReleaseFormula(releaseDateFormula("F3", "H3"), "H3")).toBe(true);
    expect(
      isOwnReleaseFormula(releaseDateFormula("F3", "H3", { text: "2022/1/9", date: 44570 }), "H3")
    ).toBe(true);
    expect(isOwnReleaseFormula(releaseDateFormula("F4", "H4"), "H3")).toBe(false);
  });
});
