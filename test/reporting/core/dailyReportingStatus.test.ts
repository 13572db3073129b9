import { serialFromYmd } from "../../../src/core/dates";
import {
  dailyReportingStatus,
  leaderOrder,
  type ReportingUnit,
  type ReportRecord,
} from "../../../src/core/reporting/dailyReportingStatus";
import { at, DAY, makeRecord, makeUnit, SECOND, TEN } from "../fixtures";

function statusOf(units: ReportingUnit[], records: ReportRecord[], reportDate = DAY) {
  return dailyReportingStatus(units, records, { reportDate });
}

function onlyUnit(records: ReportRecord[], unit = makeUnit()) {
  return statusOf([unit], records).value.units[0];
}

describe("dailyReportingStatus: one unit's state", () => {
  it("returns 已报 and 按时 for a normal report before the deadline", () => {
    const u = onlyUnit([makeRecord({ receivedAt: at(DAY, 9, 15) })]);
    expect([u.state, u.timeliness, u.consecutiveMissing]).toEqual(["已报", "按时", 0]);
  });

  it("returns 零报告 for a zero report", () => {
    expect(onlyUnit([makeRecord({ kind: "零报告" })]).state).toBe("零报告");
  });

  it("returns 未报 with no timeliness when there is no report for the date", () => {
    const u = onlyUnit([]);
    expect([u.state, u.timeliness, u.receivedAt, u.recordRow]).toEqual(["未报", null, null, null]);
  });

  it("returns 按时 for a report received exactly at the deadline", () => {
    expect(onlyUnit([makeRecord({ receivedAt: DAY + TEN })]).timeliness).toBe("按时");
  });

  it("returns 迟报 for a report received one second after the deadline", () => {
    expect(onlyUnit([makeRecord({ receivedAt: DAY + TEN + SECOND })]).timeliness).toBe("迟报");
  });

  it("returns 迟报 for a zero report received after the deadline", () => {
    const u = onlyUnit([makeRecord({ kind: "零报告", receivedAt: at(DAY, 11) })]);
    expect([u.state, u.timeliness]).toEqual(["零报告", "迟报"]);
  });

  it("uses the deadline option", () => {
    const units = [makeUnit()];
    const records = [makeRecord({ receivedAt: at(DAY, 9, 30) })];
    const out = dailyReportingStatus(units, records, { reportDate: DAY, deadline: 9 / 24 });
    expect(out.value.units[0].timeliness).toBe("迟报");
  });

  it("returns 时间不明 for a report whose time is unknown, still counted as reported", () => {
    const u = onlyUnit([makeRecord({ receivedAt: null })]);
    expect([u.state, u.timeliness]).toEqual(["已报", "时间不明"]);
  });

  it("ignores a report for another date", () => {
    expect(onlyUnit([makeRecord({ date: DAY - 1 })]).state).toBe("未报");
  });

  it("matches the unit name whatever its spacing and width", () => {
    expect(onlyUnit([makeRecord({ unit: " 城关 镇 " })]).state).toBe("已报");
  });
});

describe("dailyReportingStatus: consecutive missing days", () => {
  const mar2 = serialFromYmd(2022, 3, 2);

  it("counts back to the last report across a month end", () => {
    // Last report 2022-02-27; missing 02-28, 03-01, 03-02.
    const records = [makeRecord({ date: serialFromYmd(2022, 2, 27) })];
    expect(statusOf([makeUnit()], records, mar2).value.units[0].consecutiveMissing).toBe(3);
  });

  it("counts back to the first day of the log when the unit never reported", () => {
    // Another unit's reports start on 2022-02-26: 02-26 … 03-02 is 5 days.
    const units = [makeUnit(), makeUnit({ row: 4, name: "青石镇" })];
    const records = [makeRecord({ unit: "青石镇", date: serialFromYmd(2022, 2, 26) })];
    const out = statusOf(units, records, mar2).value;
    expect(out.since).toBe(serialFromYmd(2022, 2, 26));
    expect(out.units[0].consecutiveMissing).toBe(5);
  });

  it("counts 1 when the log has no report on or before the report date", () => {
    const records = [makeRecord({ date: mar2 + 3 })];
    expect(statusOf([makeUnit()], records, mar2).value.units[0].consecutiveMissing).toBe(1);
  });

  it("does not count days before the unit's 起报日期", () => {
    const units = [makeUnit({ startDate: serialFromYmd(2022, 3, 1) })];
    const records = [makeRecord({ unit: "城关镇", date: serialFromYmd(2022, 2, 20) })];
    expect(statusOf(units, records, mar2).value.units[0].consecutiveMissing).toBe(2);
  });

  it("ignores reports dated after the report date", () => {
    const records = [
      makeRecord({ date: serialFromYmd(2022, 2, 28) }),
      makeRecord({ row: 4, date: mar2 + 1 }),
    ];
    expect(statusOf([makeUnit()], records, mar2).value.units[0].consecutiveMissing).toBe(2);
  });
});

describe("dailyReportingStatus: units not counted", () => {
  it("lists a unit not required to report apart and leaves it out of the tallies", () => {
    const units = [
      makeUnit(),
      makeUnit({ row: 4, name: "县档案馆", category: "县直部门", daily: false }),
    ];
    const out = statusOf(units, [makeRecord()]).value;
    expect(out.units.map((u) => u.unit.name)).toEqual(["城关镇"]);
    expect(out.excluded.map((x) => [x.unit.name, x.reason])).toEqual([["县档案馆", "notDaily"]]);
    expect(out.overall.expected).toBe(1);
    expect(out.byCategory.map((t) => t.category)).toEqual(["乡镇"]);
  });

  it("does not count a unit not required to report even when it reported", () => {
    const units = [makeUnit({ daily: false })];
    const out = statusOf(units, [makeRecord()]).value;
    expect([out.overall.expected, out.overall.reported]).toEqual([0, 0]);
  });

  it("lists a unit whose 起报日期 is after the report date apart", () => {
    const out = statusOf([makeUnit({ startDate: DAY + 1 })], []).value;
    expect(out.excluded.map((x) => x.reason)).toEqual(["notStarted"]);
    expect(out.overall.expected).toBe(0);
  });

  it("expects a unit from its 起报日期 on", () => {
    const out = statusOf([makeUnit({ startDate: DAY })], []).value;
    expect(out.units.map((u) => u.state)).toEqual(["未报"]);
  });
});

describe("dailyReportingStatus: bad input", () => {
  it("reports a unit not on the roster and does not count it", () => {
    const out = statusOf([makeUnit()], [makeRecord({ row: 7, unit: "县外事办" })]);
    expect(out.issues.map((i) => [i.code, i.row, i.field, i.severity])).toEqual([
      ["unknownUnit", 7, "unit", "error"],
    ]);
    expect(out.value.overall.reported).toBe(0);
  });

  it("suggests the one roster unit whose name contains the unknown name", () => {
    const units = [makeUnit({ name: "县交通运输局", category: "县直部门" })];
    const out = statusOf(units, [makeRecord({ unit: "交通运输局" })]);
    expect(out.issues[0].message.zh).toContain("是否为“县交通运输局”");
  });

  it("suggests nothing when two roster units contain the unknown name", () => {
    const units = [makeUnit({ name: "城关镇" }), makeUnit({ row: 4, name: "城关镇卫生院" })];
    const out = statusOf(units, [makeRecord({ unit: "城关" })]);
    expect(out.issues[0].message.zh).not.toContain("是否为");
  });

  it("keeps the earliest of two reports for the same unit and day, and says so on the later row", () => {
    const records = [
      makeRecord({ row: 5, receivedAt: at(DAY, 10, 30) }),
      makeRecord({ row: 6, receivedAt: at(DAY, 9, 30) }),
    ];
    const out = statusOf([makeUnit()], records);
    const u = out.value.units[0];
    expect([u.timeliness, u.recordRow, u.reportCount]).toEqual(["按时", 6, 2]);
    expect(out.issues.map((i) => [i.code, i.row, i.severity])).toEqual([
      ["duplicateReport", 5, "warning"],
    ]);
    expect(out.issues[0].related).toEqual([{ row: 6, field: "time" }]);
    expect(out.issues[0].message.zh).toContain("最早一条在第6行（9:30）");
    expect(out.issues[0].message.zh).toContain("是否按时以最早一条为准");
  });

  it("counts a unit once when it reported twice", () => {
    const records = [makeRecord({ row: 5 }), makeRecord({ row: 6 })];
    expect(statusOf([makeUnit()], records).value.overall.reported).toBe(1);
  });

  it("prefers a report with a readable time as the earliest", () => {
    const records = [
      makeRecord({ row: 5, receivedAt: null }),
      makeRecord({ row: 6, receivedAt: at(DAY, 11) }),
    ];
    const u = statusOf([makeUnit()], records).value.units[0];
    expect([u.recordRow, u.timeliness]).toEqual([6, "迟报"]);
  });

  it("returns 已报 when a zero report and a normal report came the same day", () => {
    const records = [
      makeRecord({ row: 5, kind: "零报告", receivedAt: at(DAY, 8) }),
      makeRecord({ row: 6, kind: "正常", receivedAt: at(DAY, 9) }),
    ];
    expect(statusOf([makeUnit()], records).value.units[0].state).toBe("已报");
  });

  it("flags duplicates on days other than the report date too", () => {
    const records = [makeRecord({ row: 5, date: DAY - 3 }), makeRecord({ row: 6, date: DAY - 3 })];
    expect(statusOf([makeUnit()], records).issues.map((i) => i.code)).toEqual(["duplicateReport"]);
  });

  it("warns about a zero report that carries figures and still counts it as a zero report", () => {
    const out = statusOf([makeUnit()], [makeRecord({ row: 9, kind: "零报告", note: "新增2例" })]);
    expect(out.issues.map((i) => [i.code, i.row, i.field, i.severity])).toEqual([
      ["zeroWithFigures", 9, "note", "warning"],
    ]);
    expect(out.value.units[0].state).toBe("零报告");
  });

  it("does not check a normal report for figures", () => {
    expect(statusOf([makeUnit()], [makeRecord({ note: "新增2例" })]).issues).toEqual([]);
  });

  it("points a figure in a user column at that column", () => {
    const extras = [{ field: "extra:7", header: "新增病例", value: 3 }];
    const out = statusOf([makeUnit()], [makeRecord({ kind: "零报告", extras })]);
    expect(out.issues.map((i) => i.field)).toEqual(["extra:7"]);
  });

  it("warns about a unit listed twice on the roster and counts it once", () => {
    const units = [makeUnit({ row: 3 }), makeUnit({ row: 8, name: "城关镇 " })];
    const out = statusOf(units, []);
    expect(out.issues.map((i) => [i.code, i.row, i.severity])).toEqual([
      ["duplicateUnit", 8, "warning"],
    ]);
    expect(out.value.overall.expected).toBe(1);
  });
});

describe("dailyReportingStatus: tallies and rates", () => {
  const units = [
    makeUnit({ row: 3, name: "县教育局", category: "县直部门" }),
    makeUnit({ row: 4, name: "县卫健局", category: "县直部门" }),
    makeUnit({ row: 5, name: "城关镇", category: "乡镇" }),
    makeUnit({ row: 6, name: "青石镇", category: "乡镇" }),
    makeUnit({ row: 7, name: "柳河镇", category: "乡镇" }),
    makeUnit({ row: 8, name: "县人民医院", category: "医疗机构" }),
  ];
  const records = [
    makeRecord({ row: 3, unit: "县教育局", receivedAt: at(DAY, 9) }),
    makeRecord({ row: 4, unit: "县卫健局", receivedAt: at(DAY, 10, 30) }),
    makeRecord({ row: 5, unit: "城关镇", kind: "零报告", receivedAt: at(DAY, 8) }),
    makeRecord({ row: 6, unit: "青石镇", receivedAt: null }),
  ];
  const out = statusOf(units, records).value;

  it("tallies each category with at least one unit expected, in the standard order", () => {
    expect(out.byCategory.map((t) => t.category)).toEqual(["县直部门", "乡镇", "医疗机构"]);
  });

  it("counts zero reports as reported and reports of unknown time as neither on time nor late", () => {
    const towns = out.byCategory[1];
    expect(towns).toEqual({
      category: "乡镇",
      expected: 3,
      reported: 2,
      zero: 1,
      missing: 1,
      late: 0,
      onTime: 1,
      unknownTime: 1,
      reportRate: 2 / 3,
      timelyRate: 1 / 3,
    });
  });

  it("gives 报告率 and 及时率 over the expected units overall", () => {
    // 6 expected; 4 reported (教育局, 卫健局 late, 城关镇 zero, 青石镇 unknown time); 2 on time.
    expect([out.overall.reportRate, out.overall.timelyRate]).toEqual([4 / 6, 2 / 6]);
  });

  it("gives 0% for a category where nobody reported", () => {
    expect([out.byCategory[2].reportRate, out.byCategory[2].timelyRate]).toEqual([0, 0]);
  });

  it("keeps 报告率 at 100%, not above, when every unit reported and one reported twice", () => {
    const two = [makeUnit(), makeUnit({ row: 4, name: "青石镇" })];
    const log = [
      makeRecord({ row: 3 }),
      makeRecord({ row: 4 }),
      makeRecord({ row: 5, unit: "青石镇" }),
    ];
    expect(statusOf(two, log).value.overall.reportRate).toBe(1);
  });

  it("gives null rates when no unit is expected", () => {
    const empty = statusOf([], []).value.overall;
    expect([empty.expected, empty.reportRate, empty.timelyRate]).toEqual([0, null, null]);
  });

  it("puts units with an unreadable category under 未分类, last", () => {
    const withBlank = statusOf(
      [makeUnit({ category: null }), makeUnit({ row: 4, name: "县教育局", category: "县直部门" })],
      []
    );
    expect(withBlank.value.byCategory.map((t) => t.category)).toEqual(["县直部门", "未分类"]);
  });
});

describe("leaderOrder", () => {
  it("puts 未报 first (most days missing first), then 迟报, then 时间不明, then the rest in roster order", () => {
    const units = ["甲", "乙", "丙", "丁", "戊", "己"].map((name, i) =>
      makeUnit({ row: 3 + i, name })
    );
    const records = [
      makeRecord({ row: 3, unit: "甲", receivedAt: at(DAY, 9) }),
      makeRecord({ row: 4, unit: "乙", receivedAt: at(DAY, 11) }),
      makeRecord({ row: 5, unit: "丁", date: DAY - 1 }),
      makeRecord({ row: 6, unit: "戊", receivedAt: null }),
      makeRecord({ row: 7, unit: "己", kind: "零报告" }),
      makeRecord({ row: 8, unit: "甲", date: DAY - 2 }),
    ];
    // 丙 never reported (since DAY-2: 3 days); 丁 reported DAY-1 (1 day).
    const ordered = leaderOrder(statusOf(units, records).value.units);
    expect(ordered.map((u) => [u.unit.name, u.consecutiveMissing])).toEqual([
      ["丙", 3],
      ["丁", 1],
      ["乙", 0],
      ["戊", 0],
      ["甲", 0],
      ["己", 0],
    ]);
  });

  it("keeps roster order between 未报 units missing the same number of days", () => {
    const units = [makeUnit({ row: 3, name: "乙" }), makeUnit({ row: 4, name: "甲" })];
    expect(leaderOrder(statusOf(units, []).value.units).map((u) => u.unit.name)).toEqual([
      "乙",
      "甲",
    ]);
  });
});
