import { guardFinite, OVERFLOW_TEXT } from "../../src/workbook/finite";
import type { CommandResult } from "../../src/workbook/command";
import type { CellWrite } from "../../src/workbook/plan";

const result = (cells: CellWrite[][]): CommandResult => ({
  ops: [{ kind: "block", sheet: "隔离床位", row: 3, column: 6, cells }],
  issues: [],
  summary: { zh: "", en: "" },
});

describe("guardFinite", () => {
  it("returns the same result when every number is finite", () => {
    const r = result([[1, { formula: "=B3*2", value: 4 }, "文本", null]]);
    expect(guardFinite(r)).toBe(r);
  });

  it("gives an overflowing formula Excel's #NUM! and names the cell", () => {
    const out = guardFinite(result([[1, { formula: "=B4*2", value: Number.POSITIVE_INFINITY }]]));
    const block = out.ops[0];
    expect(block.kind === "block" && block.cells[0][1]).toEqual({
      formula: "=B4*2",
      value: OVERFLOW_TEXT,
    });
    expect(out.issues).toMatchObject([{ code: "numberOutOfRange", sheet: "隔离床位", cell: "G3" }]);
  });

  it("blanks a plain NaN and -Infinity value", () => {
    const out = guardFinite(result([[Number.NaN], [Number.NEGATIVE_INFINITY]]));
    const block = out.ops[0];
    expect(block.kind === "block" && block.cells).toEqual([[null], [null]]);
    expect(out.issues.map((i) => i.cell)).toEqual(["F3", "F4"]);
  });
});
