import type { WriteBlock } from "../../../src/workbook/plan";
import { parseTable } from "../../../src/workbook/parse";
import { RECORDS_SPEC, ROSTER_SPEC } from "../../../src/workbook/reporting/specs";
import {
  FORMATTED_ROWS,
  SETUP_READS,
  setupReportingSheets,
} from "../../../src/workbook/reporting/setup";
import { HEADER_FILL, INPUT_HEADER_FONT } from "../../../src/workbook/styles";
import { applyOps, snapshotOf } from "../fixtures";

const empty = snapshotOf({});

describe("setupReportingSheets", () => {
  const ops = setupReportingSheets(empty);

  it("reads the two sheets it may create", () => {
    expect(SETUP_READS).toEqual(["填报单位", "报送记录"]);
  });

  it("creates both sheets when the workbook has neither", () => {
    expect(ops.filter((o) => o.kind === "ensureSheet").map((o) => o.sheet)).toEqual([
      "填报单位",
      "报送记录",
    ]);
  });

  it("creates nothing when both sheets exist", () => {
    expect(setupReportingSheets(snapshotOf({ 填报单位: [], 报送记录: [] }))).toEqual([]);
  });

  it("creates only the missing sheet", () => {
    const some = setupReportingSheets(snapshotOf({ 填报单位: [] }));
    expect(new Set(some.map((o) => ("sheet" in o ? o.sheet : "")))).toEqual(new Set(["报送记录"]));
  });

  it("treats a sheet under its English name as present", () => {
    expect(setupReportingSheets(snapshotOf({ "Reporting units": [], "Report log": [] }))).toEqual(
      []
    );
  });

  it.each([
    ["填报单位", ["单位", "单位类别", "上级", "联系人", "联系电话", "是否需每日报送", "起报日期"]],
    ["报送记录", ["日期", "单位", "报送时间", "报告类型", "备注"]],
  ])("writes the title in row 1 and the header in row 2 of %s", (sheet, header) => {
    const blocks = ops.filter((o): o is WriteBlock => o.kind === "block" && o.sheet === sheet);
    expect(blocks[0]).toMatchObject({ row: 1, column: 1 });
    expect(blocks[1]).toMatchObject({ row: 2, column: 1, cells: [header] });
  });

  it("styles the header as an input header and freezes it", () => {
    expect(ops).toContainEqual(
      expect.objectContaining({
        kind: "style",
        sheet: "报送记录",
        range: "A2:E2",
        fill: HEADER_FILL,
        fontColor: INPUT_HEADER_FONT,
      })
    );
    expect(ops).toContainEqual({ kind: "freeze", sheet: "报送记录", rows: 2 });
  });

  it.each([
    ["报送记录", 1, "yyyy-mm-dd"],
    ["报送记录", 3, "yyyy-mm-dd hh:mm"],
    ["填报单位", 5, "@"],
    ["填报单位", 7, "yyyy-mm-dd"],
  ])("formats %s column %d as %s from row 3", (sheet, column, format) => {
    const block = ops.find(
      (o): o is WriteBlock =>
        o.kind === "block" && o.sheet === sheet && o.row === 3 && o.column === column
    );
    expect(block?.numberFormats).toEqual({ byColumn: [format] });
    expect(block?.cells).toHaveLength(FORMATTED_ROWS);
  });

  it("lays out sheets whose header parseTable finds in row 2", () => {
    const written = applyOps(empty, ops);
    for (const spec of [ROSTER_SPEC, RECORDS_SPEC]) {
      const parsed = parseTable(spec, written.sheets[spec.sheet].values);
      expect([parsed.header?.headerRow, parsed.issues]).toEqual([2, []]);
    }
  });
});
