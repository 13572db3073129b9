import { HostError } from "../../src/workbook/host";
import {
  MAX_GRID_CELLS,
  STRAY_ROW_GAP,
  dataRegion,
  gridRegion,
  strayNote,
} from "../../src/hosts/xlsx/dataRegion";

const table = (rows: number, columns: number) =>
  Array.from({ length: rows * columns }, (_, i) => ({
    row: Math.floor(i / columns) + 1,
    column: (i % columns) + 1,
  }));

describe("dataRegion", () => {
  it("sizes a sheet by its table, not by a lone cell at XFD1048576", () => {
    const region = dataRegion("物资储备", [...table(20, 8), { row: 1_048_576, column: 16_384 }]);
    expect(region).toEqual({ rows: 20, columns: 8, strays: [{ row: 1_048_576, column: 16_384 }] });
  });

  it("keeps rows that follow within the gap, however far down they go", () => {
    const cells = [...table(3, 2), { row: 3 + STRAY_ROW_GAP + 1, column: 1 }];
    expect(dataRegion("s", cells).rows).toBe(3 + STRAY_ROW_GAP + 1);
    expect(dataRegion("s", cells).strays).toEqual([]);
  });

  it("keeps a title far above the table (the grid starts at A1 anyway)", () => {
    const cells = [
      { row: 1, column: 1 },
      ...table(30, 4).map((c) => ({ ...c, row: c.row + 50_000 })),
    ];
    expect(dataRegion("s", cells)).toEqual({ rows: 50_030, columns: 4, strays: [] });
  });

  it("on a tie keeps the first block: one cell below one cell is the stray", () => {
    const region = dataRegion("s", [
      { row: 1, column: 1 },
      { row: 900_000, column: 1 },
    ]);
    expect(region.rows).toBe(1);
    expect(region.strays).toEqual([{ row: 900_000, column: 1 }]);
  });

  it("gives an empty region for an empty sheet", () => {
    expect(dataRegion("s", [])).toEqual({ rows: 0, columns: 0, strays: [] });
  });

  it("refuses a region larger than MAX_GRID_CELLS with a message naming the sheet", () => {
    const columns = Math.ceil(MAX_GRID_CELLS / 1_000) + 1;
    const cells = [
      { row: 1, column: 1 },
      ...Array.from({ length: 1_000 }, (_, i) => ({ row: i + 1, column: 1 + (i % 2) * 200 })),
    ];
    for (let c = 1; c <= columns; c += 200) cells.push({ row: 1_000, column: c });
    expect(() => dataRegion("接种进度", cells)).toThrow(HostError);
    expect(() => dataRegion("接种进度", cells)).toThrow(/接种进度/);
  });

  it("gridRegion agrees with dataRegion on a jagged grid", () => {
    const grid: (string | null)[][] = [["a", "b"], ["c"], [], ["d", null, "e"]];
    grid[700_000] = [null, "x"];
    for (let r = 0; r < grid.length; r++) grid[r] ??= [];
    expect(gridRegion("s", grid)).toEqual({
      rows: 4,
      columns: 3,
      strays: [{ row: 700_001, column: 2 }],
    });
  });
});

describe("strayNote", () => {
  it("names at most three cells, in both languages", () => {
    const strays = [1, 2, 3, 4].map((i) => ({ row: 100_000 * i, column: 1 }));
    const note = strayNote("隔离床位", strays)!;
    expect(note.zh).toContain("A100000、A200000、A300000等");
    expect(note.zh).toContain("4 个单元格");
    expect(note.en).toContain("A100000, A200000, A300000…");
  });

  it("is undefined when nothing was left out", () => {
    expect(strayNote("s", [])).toBeUndefined();
  });
});
