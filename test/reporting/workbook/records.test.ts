import { isFormulaCell, type WriteBlock } from "../../../src/workbook/plan";
import {
  appendReportRecordOps,
  REPORT_RECORD_COLUMN_ORDER,
  reportRecordRow,
} from "../../../src/workbook/reporting/records";
import { readRecords } from "../../../src/workbook/reporting/read";
import { at, DAY, RECORDS_HEADER, recordLine, sheetGrid, snapshotOf, applyOps } from "../fixtures";

const imported = { date: DAY, unit: "城关镇", time: at(DAY, 9, 12), note: "导入填报：城关镇.xlsx" };

describe("reportRecordRow", () => {
  it("returns 日期, 单位, 报送时间, 报告类型, 备注 with type 正常 by default", () => {
    expect(reportRecordRow(imported)).toEqual([
      DAY,
      "城关镇",
      at(DAY, 9, 12),
      "正常",
      "导入填报：城关镇.xlsx",
    ]);
  });

  it("keeps the day of a date given with a time", () => {
    expect(reportRecordRow({ ...imported, date: DAY + 0.4 })[0]).toBe(DAY);
  });

  it("writes a zero report's type", () => {
    expect(reportRecordRow({ ...imported, type: "零报告" })[3]).toBe("零报告");
  });

  it("names its columns in the same order", () => {
    expect(REPORT_RECORD_COLUMN_ORDER).toEqual(["date", "unit", "time", "type", "note"]);
  });
});

describe("appendReportRecordOps", () => {
  it("appends below the last used row", () => {
    const snapshot = snapshotOf({
      报送记录: sheetGrid("记录", RECORDS_HEADER, [recordLine(), recordLine()]),
    });
    const { ops, issues } = appendReportRecordOps(snapshot, [imported]);
    expect(issues).toEqual([]);
    expect(ops).toEqual([
      {
        kind: "block",
        sheet: "报送记录",
        row: 5,
        column: 1,
        cells: [reportRecordRow(imported)],
        numberFormats: { byColumn: ["yyyy-mm-dd", null, "yyyy-mm-dd hh:mm", null, null] },
      },
    ]);
  });

  it("writes each value under its header when the columns are in another order, leaving user columns alone", () => {
    const header = ["序号", "单位", "日期", "审核人", "报送时间", "报告类型", "备注"];
    const snapshot = snapshotOf({ 报送记录: sheetGrid("记录", header, []) });
    const blocks = appendReportRecordOps(snapshot, [imported]).ops as WriteBlock[];
    expect(blocks.map((b) => [b.row, b.column, b.cells])).toEqual([
      [3, 2, [["城关镇", DAY]]],
      [3, 5, [[at(DAY, 9, 12), "正常", "导入填报：城关镇.xlsx"]]],
    ]);
  });

  it("creates the sheet with its layout when absent, then the row under the header", () => {
    const { ops } = appendReportRecordOps(snapshotOf({}), [imported]);
    expect(ops[0]).toEqual({ kind: "ensureSheet", sheet: "报送记录" });
    const written = applyOps(snapshotOf({}), ops);
    expect(readRecords(written).items.map((r) => [r.row, r.unit, r.kind])).toEqual([
      [3, "城关镇", "正常"],
    ]);
  });

  it("gives rows that read back as the reports appended", () => {
    const snapshot = snapshotOf({ 报送记录: sheetGrid("记录", RECORDS_HEADER, [recordLine()]) });
    const written = applyOps(snapshot, appendReportRecordOps(snapshot, [imported]).ops);
    expect(readRecords(written).items[1]).toMatchObject({
      row: 4,
      date: DAY,
      unit: "城关镇",
      receivedAt: at(DAY, 9, 12),
      kind: "正常",
      note: "导入填报：城关镇.xlsx",
    });
  });

  it("keeps a unit name that looks like a formula as plain text", () => {
    const { ops } = appendReportRecordOps(
      snapshotOf({ 报送记录: sheetGrid("记录", RECORDS_HEADER, []) }),
      [{ ...imported, unit: '=HYPERLINK("x")', note: "+1" }]
    );
    const cells = (ops[0] as WriteBlock).cells.flat();
    expect(cells.some((c) => isFormulaCell(c))).toBe(false);
    expect(cells).toContain('=HYPERLINK("x")');
  });

  it("writes nothing and names the sheet when its header lacks a required column", () => {
    const snapshot = snapshotOf({ 报送记录: sheetGrid("记录", ["日期", "单位"], []) });
    const { ops, issues } = appendReportRecordOps(snapshot, [imported]);
    expect(ops).toEqual([]);
    expect(issues.map((i) => [i.code, `${i.sheet}!${i.cell}`])).toEqual([
      ["recordsHeaderNotFound", "报送记录!A2"],
    ]);
  });

  it("returns nothing for no reports", () => {
    expect(appendReportRecordOps(snapshotOf({}), [])).toEqual({ ops: [], issues: [] });
  });
});
