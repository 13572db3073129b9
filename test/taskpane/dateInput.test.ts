import { serialFromIso } from "../../src/taskpane/panels/dateInput";

describe("serialFromIso", () => {
  it("reads a date input's value as a serial", () => {
    expect(serialFromIso("2022-01-20")).toBe(44581);
  });

  it.each(["", "  ", "2022-02-30", "not a date"])("returns undefined for %p", (iso) => {
    expect(serialFromIso(iso)).toBeUndefined();
  });
});
