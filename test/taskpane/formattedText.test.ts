import { formattedText } from "../../src/taskpane/formattedText";

describe("formattedText", () => {
  it.each([
    [0.8, "0%", "80%"],
    [1, "0%", "100%"],
    [1.234, "0.0%", "123.4%"],
    [0.0005, "0.0%", "0.1%"],
    [10 / 24, "hh:mm", "10:00"],
    [10.5 / 24, "h:mm", "10:30"],
    [44581, "yyyy-mm-dd", "2022-01-20"],
    [44581, 'yyyy"年"m"月"d"日"', "2022年1月20日"],
    [44581, 'm"月"d"日"', "1月20日"],
    [44581 + 9.5 / 24, "mm-dd hh:mm", "01-20 09:30"],
    [44581 + 9.5 / 24, "yyyy-mm-dd h:mm", "2022-01-20 9:30"],
    [3.14159, "0.00", "3.14"],
    [1234567, "#,##0", "1,234,567"],
    [60, "General", "60"],
    [60, null, "60"],
    [0.1 + 0.2, "General", "0.3"],
  ] as const)("shows %p under %p as %p", (value, format, expected) => {
    expect(formattedText(value, format)).toBe(expected);
  });

  it("shows a blank cell as an empty string", () => {
    expect(formattedText(null, "0%")).toBe("");
  });

  it("shows zero as 0 under General, not as blank", () => {
    expect(formattedText(0)).toBe("0");
  });

  it("shows negative zero as 0", () => {
    expect(formattedText(-0)).toBe("0");
    expect(formattedText(-0.001, "0.0")).toBe("0.0");
  });

  it("shows text as it is, whatever the format", () => {
    expect(formattedText("并列占位", "0%")).toBe("并列占位");
  });

  it("shows booleans as Excel does", () => {
    expect(formattedText(true)).toBe("TRUE");
  });
});
