import { displayValue, type WriteBlock } from "../../src/workbook/plan";
import { HEADER_FILL } from "../../src/workbook/styles";
import { readProgress } from "../../src/workbook/vaccination/readProgress";
import { SETUP_READS, setupVaccinationSheets } from "../../src/workbook/vaccination/setup";
import type { CellValue } from "../../src/workbook/cells";

const EMPTY = { sheetNames: [], sheets: {}, names: {} };

describe("setupVaccinationSheets", () => {
  const ops = setupVaccinationSheets(EMPTY);

  it("reads only 接种进度", () => {
    expect(SETUP_READS).toEqual(["接种进度"]);
  });

  it("creates 接种进度 with a title in row 1 and the header in row 2", () => {
    expect(ops[0]).toEqual({ kind: "ensureSheet", sheet: "接种进度" });
    const header = ops.find((op): op is WriteBlock => op.kind === "block" && op.row === 1);
    expect(header?.cells).toEqual([
      ["新冠疫苗接种进度表"],
      ["日期", "县(区)", "乡镇", "人群", "目标人数", "第一剂累计", "全程累计", "加强针累计"],
    ]);
  });

  it("styles the header as input, freezes it and formats the data columns", () => {
    expect(ops).toContainEqual(
      expect.objectContaining({ kind: "style", range: "A2:H2", fill: HEADER_FILL })
    );
    expect(ops).toContainEqual({ kind: "freeze", sheet: "接种进度", rows: 2 });
    const formats = ops.find((op): op is WriteBlock => op.kind === "block" && op.row === 3);
    expect(formats?.numberFormats).toEqual({
      byColumn: ["yyyy/m/d", null, null, null, "#,##0", "#,##0", "#,##0", "#,##0"],
    });
  });

  it("creates a sheet the reader recognises, with no rows and no issues", () => {
    const grid: CellValue[][] = [];
    for (const op of ops) {
      if (op.kind !== "block") continue;
      op.cells.forEach((line, i) =>
        line.forEach(
          (cell, j) => ((grid[op.row - 1 + i] ??= [])[op.column - 1 + j] = displayValue(cell))
        )
      );
    }
    const read = readProgress(grid);
    expect(read.header?.headerRow).toBe(2);
    expect(read.columns.length).toBe(0);
    expect(read.issues).toEqual([]);
  });

  it("does nothing when 接种进度 exists", () => {
    expect(setupVaccinationSheets({ sheetNames: ["接种进度"], sheets: {}, names: {} })).toEqual([]);
  });
});
