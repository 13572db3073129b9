/**
 * The leader-sheet builder's rules, without rendering: text sized to its
 * merged width, cut under Excel's cell and row limits, blocks kept together
 * or continued under a repeated header, chart data outside the print area,
 * numbers right-aligned and text beside them centred.
 */
import {
  MAX_CELL_CHARS,
  MAX_ROW_HEIGHT,
  leaderBlock,
  leaderSheetOps,
  textUnits,
  topTotalLabel,
  wrapChunks,
} from "../../src/workbook/leaderSheet";
import type { StyleRange, WriteBlock, WriteOp } from "../../src/workbook/plan";

interface Line {
  name: string;
  n: number;
}

const lines = (count: number): Line[] =>
  Array.from({ length: count }, (_, i) => ({ name: `乡镇${i + 1}`, n: 1000 + i }));

function block(count: number, caption?: string) {
  return leaderBlock<Line>({
    ...(caption ? { caption } : {}),
    columns: [
      { key: "rank", header: "排名", width: 40, numberFormat: "0", cell: (_l, at) => at.row },
      { key: "name", header: "乡镇", width: 80, cell: (l) => l.name },
      { key: "n", header: "人数", width: 60, numberFormat: "#,##0", cell: (l) => l.n },
    ],
    rows: lines(count),
    chart: {
      name: "图",
      title: "人数",
      type: "barClustered",
      categoryHeader: "乡镇",
      category: (l) => l.name,
      series: [{ header: "人数", value: (l, at) => ({ formula: `=${at.ref("n")}`, value: l.n }) }],
    },
  });
}

const written = (ops: readonly WriteOp[], row: number, column: number) => {
  for (const op of ops)
    if (op.kind === "block" && row >= op.row && row < op.row + op.cells.length) {
      const cell = op.cells[row - op.row][column - op.column];
      if (cell !== undefined) return cell;
    }
  return undefined;
};

describe("wrapChunks", () => {
  it("keeps a short paragraph in one row", () => {
    expect(wrapChunks("截至1月20日，全县18个乡镇。", 600, 11)).toHaveLength(1);
  });

  it("cuts a paragraph past 32,767 characters into cells under the limit, losing nothing", () => {
    const text = "很长的乡镇名称".repeat(8_000);
    const chunks = wrapChunks(text, 700, 11);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((c) => c.text.length <= MAX_CELL_CHARS)).toBe(true);
    expect(chunks.every((c) => c.height <= MAX_ROW_HEIGHT)).toBe(true);
    expect(chunks.map((c) => c.text).join("")).toBe(text);
  });

  it("sizes a row by CJK width: twice as many lines for CJK as for the same count of digits", () => {
    const [cjk] = wrapChunks("镇".repeat(100), 300, 11);
    const [latin] = wrapChunks("1".repeat(100), 300, 11);
    expect(cjk.height).toBeGreaterThan(latin.height);
    expect(textUnits("城关镇12")).toBe(8);
  });
});

describe("leaderSheetOps", () => {
  it("says 全市 over several counties and 全县 over one", () => {
    expect([topTotalLabel(2), topTotalLabel(1)]).toEqual(["全市", "全县"]);
  });

  it("keeps a second table that fits a page together, starting it on a new page", () => {
    const { ops, layout } = leaderSheetOps({
      sheet: "表",
      title: "标题",
      blocks: [block(20, "一"), block(15, "二")],
      asOf: "截至2022年1月20日",
    });
    const second = layout.blocks[1];
    expect(layout.pageBreaks).toContain(second.captionRow);
    expect(second.repeatedHeaderRows).toEqual([]);
    expect(written(ops, second.headerRow, 2)).toBe("乡镇");
  });

  it("continues a table longer than a page under a repeated header row", () => {
    const { ops, layout } = leaderSheetOps({
      sheet: "表",
      title: "标题",
      blocks: [block(60, "一"), block(3, "二")],
      asOf: "截至2022年1月20日",
    });
    const first = layout.blocks[0];
    expect(first.repeatedHeaderRows.length).toBeGreaterThan(0);
    for (const r of first.repeatedHeaderRows) {
      expect(layout.pageBreaks).toContain(r);
      expect(written(ops, r, 2)).toBe("乡镇");
    }
    // Formulas refer to the lines' real rows, past the repeated headers.
    const last = first.rows[59];
    expect(written(ops, last, 1)).toBe(last);
  });

  it("repeats a single table's header with print titles instead", () => {
    const { ops, layout } = leaderSheetOps({
      sheet: "表",
      title: "标题",
      blocks: [block(60)],
      asOf: "截至2022年1月20日",
    });
    const header = layout.blocks[0].headerRow;
    expect(layout.blocks[0].repeatedHeaderRows).toEqual([]);
    expect(ops).toContainEqual(
      expect.objectContaining({ kind: "pageSetup", printTitleRows: `$${header}:$${header}` })
    );
  });

  it("puts chart data right of the print area, not beside the header row", () => {
    const { ops, layout } = leaderSheetOps({
      sheet: "表",
      title: "标题",
      blocks: [block(5)],
      asOf: "截至2022年1月20日",
    });
    expect(layout.printArea).toBe(`A1:C${layout.lastRow}`);
    const chart = ops.find((op) => op.kind === "chart");
    expect(chart).toMatchObject({
      dataRange: `E${layout.blocks[0].firstRow + 1}:F${layout.blocks[0].firstRow + 6}`,
    });
    expect(written(ops, layout.blocks[0].headerRow, 5)).toBeUndefined();
  });

  it("right-aligns numbers and centres the text right of a number column", () => {
    const { ops, layout } = leaderSheetOps({
      sheet: "表",
      title: "标题",
      blocks: [block(5)],
      asOf: "截至2022年1月20日",
    });
    const b = layout.blocks[0];
    const align = (column: string) =>
      (
        ops.find(
          (op): op is StyleRange =>
            op.kind === "style" &&
            op.range === `${column}${b.firstRow}:${column}${b.lastRow}` &&
            op.horizontalAlignment !== undefined
        ) as StyleRange
      ).horizontalAlignment;
    expect([align("A"), align("B"), align("C")]).toEqual(["Right", "Center", "Right"]);
  });

  it("writes consecutive lines as one block", () => {
    const { ops, layout } = leaderSheetOps({
      sheet: "表",
      title: "标题",
      blocks: [block(5)],
      asOf: "截至2022年1月20日",
    });
    const body = ops.find(
      (op): op is WriteBlock => op.kind === "block" && op.row === layout.blocks[0].firstRow
    );
    expect(body?.cells).toHaveLength(5);
  });
});
