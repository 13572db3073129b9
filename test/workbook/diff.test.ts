import { changedRuns, pruneUnchanged } from "../../src/workbook/diff";
import type { WriteBlock, WriteOp } from "../../src/workbook/plan";
import { sheetFromValues, type WorkbookSnapshot } from "../../src/workbook/snapshot";

const snapshotOf = (name: string, formulas: (string | number | null)[][]): WorkbookSnapshot => ({
  sheetNames: [name],
  sheets: { [name]: { ...sheetFromValues(name, formulas) } },
  names: {},
});

const block = (cells: WriteBlock["cells"], row = 1, column = 1): WriteBlock => ({
  kind: "block",
  sheet: "表",
  row,
  column,
  cells,
});

describe("pruneUnchanged", () => {
  it("drops a block equal to what the sheet holds", () => {
    expect(pruneUnchanged([block([["a", 1]])], snapshotOf("表", [["a", 1]]))).toEqual([]);
  });

  it("compares formulas by their text, not their values", () => {
    const snap = snapshotOf("表", [["=A2*2"]]);
    expect(pruneUnchanged([block([[{ formula: "=A2*2", value: 4 }]])], snap)).toEqual([]);
    expect(pruneUnchanged([block([[{ formula: "=A2*3", value: 6 }]])], snap)).toHaveLength(1);
  });

  it("keeps only the runs of rows that changed", () => {
    const snap = snapshotOf("表", [[1], [2], [3], [4], [5]]);
    const runs = changedRuns(block([[1], [9], [9], [4], [9]]), snap);
    expect(runs.map((r) => [r.row, r.cells])).toEqual([
      [2, [[9], [9]]],
      [5, [[9]]],
    ]);
  });

  it("treats blank and null alike, but zero as a value", () => {
    const snap = snapshotOf("表", [["", 0]]);
    expect(pruneUnchanged([block([[null, 0]])], snap)).toEqual([]);
    expect(pruneUnchanged([block([[null, null]])], snap)).toHaveLength(1);
  });

  it("keeps writes to a sheet that does not exist yet", () => {
    const ops: WriteOp[] = [
      { kind: "ensureSheet", sheet: "新表" },
      { ...block([[1]]), sheet: "新表" },
    ];
    expect(pruneUnchanged(ops, { sheetNames: [], sheets: {}, names: {} })).toEqual(ops);
  });

  it("leaves a cleared and rewritten sheet alone when it would come out the same", () => {
    const snap = snapshotOf("表", [["标题"], ["a", 1]]);
    const ops: WriteOp[] = [
      { kind: "clearSheet", sheet: "表" },
      block([["标题"]]),
      block([["a", 1]], 2),
      { kind: "style", sheet: "表", range: "A1", bold: true },
    ];
    expect(pruneUnchanged(ops, snap)).toEqual([]);
  });

  it("rewrites a cleared sheet entirely when anything differs, including leftover cells", () => {
    const snap = snapshotOf("表", [["标题"], ["a", 1], ["旧行"]]);
    const ops: WriteOp[] = [
      { kind: "clearSheet", sheet: "表" },
      block([["标题"]]),
      block([["a", 1]], 2),
    ];
    expect(pruneUnchanged(ops, snap)).toEqual(ops);
  });

  it("drops a name that already points at the same cell", () => {
    const snap = { ...snapshotOf("参数", []), names: { 达标线: "=参数!$B$12" } };
    const op: WriteOp = { kind: "defineName", name: "达标线", sheet: "参数", cell: "B12" };
    expect(pruneUnchanged([op], snap)).toEqual([]);
    expect(pruneUnchanged([{ ...op, cell: "B13" }], snap)).toHaveLength(1);
  });
});
