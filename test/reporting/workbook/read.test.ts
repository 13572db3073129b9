import { readRecords, readReportTime, readRoster } from "../../../src/workbook/reporting/read";
import {
  at,
  DAY,
  RECORDS_HEADER,
  recordLine,
  ROSTER_HEADER,
  rosterLine,
  sheetGrid,
  snapshotOf,
} from "../fixtures";

function roster(lines: unknown[][], header = ROSTER_HEADER) {
  return readRoster(snapshotOf({ 填报单位: sheetGrid("名单", header, lines as never) }));
}

function records(lines: unknown[][], header = RECORDS_HEADER) {
  return readRecords(snapshotOf({ 报送记录: sheetGrid("记录", header, lines as never) }));
}

describe("readReportTime", () => {
  it.each([
    ["a date and time as text", "2022/11/22 9:30", at(DAY, 9, 30)],
    ["a date and time in Chinese", "2022年11月22日 10时", at(DAY, 10)],
    ["a serial with a time", at(DAY, 9, 30), at(DAY, 9, 30)],
    ["a time of day alone", "9:30", at(DAY, 9, 30)],
    ["a time with seconds", "10:00:01", at(DAY, 10, 0, 1)],
    ["a time in Chinese", "9时30分", at(DAY, 9, 30)],
    ["a full-width time", "９：３０", at(DAY, 9, 30)],
    ["a fraction of a day", 0.5, at(DAY, 12)],
    ["the evening before, in full", "2022-11-21 18:00", at(DAY - 1, 18)],
    ["a date with midnight written out", "2022-11-22 0:00", DAY],
  ])("reads %s", (_what, raw, expected) => {
    const r = readReportTime(raw, DAY);
    expect(r.ok && r.value).toBeCloseTo(expected, 9);
  });

  it.each([
    ["a date without a time, as text", "2022/11/22"],
    ["a date without a time, as a serial", DAY],
  ])("refuses %s and asks for the time", (_what, raw) => {
    const r = readReportTime(raw, DAY);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.zh).toContain("只有日期没有时间");
  });

  it.each([
    ["words", "上午"],
    ["an impossible hour", "25:00"],
    ["a negative number", -1],
    ["TRUE", true],
  ])("refuses %s", (_what, raw) => {
    expect(readReportTime(raw, DAY).ok).toBe(false);
  });
});

describe("readRoster", () => {
  it("reads a unit with its fields", () => {
    expect(roster([rosterLine()]).items).toEqual([
      {
        row: 3,
        name: "城关镇",
        category: "乡镇",
        parent: "平安县",
        contact: "王丽",
        phone: "13912345678",
        daily: true,
        startDate: null,
      },
    ]);
  });

  it.each([
    ["blank", null, true],
    ["是", "是", true],
    ["否", "否", false],
    ["N", "N", false],
  ])("reads 是否需每日报送 %s", (_what, daily, expected) => {
    expect(roster([rosterLine({ daily })]).items[0].daily).toBe(expected);
  });

  it("keeps a unit with an unknown category, uncategorised, and names the cell", () => {
    const r = roster([rosterLine({ category: "学校" })]);
    expect(r.items[0].category).toBeNull();
    expect(r.issues.map((i) => [i.code, i.sheet, i.cell])).toEqual([
      ["unknownValue", "填报单位", "B3"],
    ]);
  });

  it("counts a unit with an unreadable 是否需每日报送 as required, and names the cell", () => {
    const r = roster([rosterLine({ daily: "偶尔" })]);
    expect(r.items[0].daily).toBe(true);
    expect(r.issues.map((i) => i.cell)).toEqual(["F3"]);
  });

  it("reads a phone typed as a number", () => {
    expect(roster([rosterLine({ phone: 13912345678 })]).items[0].phone).toBe("13912345678");
  });

  it("finds the columns in any order, with a 序号 column", () => {
    const header = ["序号", "联系人", "单位", "单位类别"];
    const r = roster([[1, "李强", "青石镇", "乡镇"]], header);
    expect(r.items[0]).toMatchObject({ name: "青石镇", contact: "李强", category: "乡镇" });
  });

  it("returns nothing when the sheet is absent", () => {
    expect(readRoster(snapshotOf({})).sheet).toBeUndefined();
  });
});

describe("readRecords", () => {
  it("reads a report with its time", () => {
    expect(records([recordLine()]).items[0]).toMatchObject({
      row: 3,
      date: DAY,
      unit: "城关镇",
      receivedAt: at(DAY, 9),
      kind: "正常",
    });
  });

  it("reads a time of day alone on the row's date", () => {
    expect(records([recordLine({ time: "10:00" })]).items[0].receivedAt).toBeCloseTo(
      at(DAY, 10),
      9
    );
  });

  it("keeps a report whose time cannot be read, with its time unknown, and names the cell", () => {
    const r = records([recordLine(), recordLine({ time: "上午十点" })]);
    expect(r.items[1].receivedAt).toBeNull();
    expect(r.issues.map((i) => [i.code, i.sheet, i.cell])).toEqual([
      ["badReportTime", "报送记录", "C4"],
    ]);
    expect(r.issues[0].message.zh).toContain("仍计为已报");
  });

  it("keeps a report whose time is blank and names the cell", () => {
    const r = records([recordLine({ time: null })]);
    expect(r.items[0].receivedAt).toBeNull();
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([["required", "C3"]]);
  });

  it("reads a blank 报告类型 as 正常", () => {
    expect(records([recordLine({ type: null })]).items[0].kind).toBe("正常");
  });

  it("reads a 报告类型 of 0 as 零报告, unlike a blank one", () => {
    expect(records([recordLine({ type: 0 })]).items[0].kind).toBe("零报告");
  });

  it("reads 零 as 零报告", () => {
    expect(records([recordLine({ type: "零" })]).items[0].kind).toBe("零报告");
  });

  it("skips a row without a date and names the cell", () => {
    const r = records([recordLine({ date: null })]);
    expect(r.items).toEqual([]);
    expect(r.issues.map((i) => i.cell)).toEqual(["A3"]);
  });

  it("keeps user columns as extras, with their headers", () => {
    const r = records([[...recordLine(), 3]], [...RECORDS_HEADER, "新增病例"]);
    expect(r.items[0].extras).toEqual([{ field: "extra:6", header: "新增病例", value: 3 }]);
    expect(r.columns.get("extra:6")).toBe(6);
  });
});
