import {
  dailyReportingStatus,
  type ReportingUnit,
  type ReportRecord,
} from "../../../src/core/reporting/dailyReportingStatus";
import { asOfText, reportingSummary } from "../../../src/core/reporting/reportingSummary";
import { at, DAY, makeRecord, makeUnit } from "../fixtures";

/**
 * The example: 35 units due on 2022-11-22; 县交通运输局, XX乡 and XX镇
 * missing; 5 zero reports; 2 late.
 */
function exampleCounty(): { units: ReportingUnit[]; records: ReportRecord[] } {
  const names = [
    "县交通运输局",
    ...Array.from({ length: 32 }, (_, i) => `单位${i + 1}`),
    "XX乡",
    "XX镇",
  ];
  const units = names.map((name, i) => makeUnit({ row: 3 + i, name }));
  const reporting = names.slice(1, 33);
  const records = reporting.map((unit, i) =>
    makeRecord({
      row: 3 + i,
      unit,
      kind: i < 5 ? "零报告" : "正常",
      receivedAt: i >= 30 ? at(DAY, 10, 15) : at(DAY, 9),
    })
  );
  return { units, records };
}

function summaryOf(units: ReportingUnit[], records: ReportRecord[], now = at(DAY, 10)) {
  return reportingSummary(dailyReportingStatus(units, records, { reportDate: DAY }).value, { now });
}

describe("reportingSummary", () => {
  const { units, records } = exampleCounty();

  it("writes the issue's example word for word", () => {
    expect(summaryOf(units, records).zh).toBe(
      "截至11月22日10时，应报单位35个，已报32个（其中零报告5个），未报3个：县交通运输局、XX乡、XX镇；迟报2个。"
    );
  });

  it("writes the English version of the example", () => {
    expect(summaryOf(units, records).en).toBe(
      "As of 10:00 on 22 November, 35 units were due to report: 32 reported (5 of them zero reports) and 3 did not: 县交通运输局, XX乡, XX镇; 2 reported late."
    );
  });

  it("says there is no missing unit, and leaves out zero reports and late reports when there are none", () => {
    const s = summaryOf([makeUnit()], [makeRecord()]);
    expect(s.zh).toBe("截至11月22日10时，应报单位1个，已报1个，无未报单位。");
    expect(s.en).toBe(
      "As of 10:00 on 22 November, 1 unit was due to report: 1 reported and none is missing."
    );
  });

  it("uses the singular for one zero report", () => {
    const s = summaryOf([makeUnit()], [makeRecord({ kind: "零报告" })]);
    expect(s.en).toContain("(1 of them a zero report)");
  });

  it("names the unit missing most days first", () => {
    const two = [makeUnit({ row: 3, name: "甲" }), makeUnit({ row: 4, name: "乙" })];
    const log = [
      makeRecord({ unit: "甲", date: DAY - 2 }),
      makeRecord({ row: 4, unit: "乙", date: DAY - 1 }),
    ];
    // 甲: 2 days missing; 乙: 1 day.
    expect(summaryOf(two, log).zh).toBe(
      "截至11月22日10时，应报单位2个，已报0个，未报2个：甲、乙。"
    );
  });

  it("says so when no unit is due", () => {
    expect(summaryOf([makeUnit({ daily: false })], [])).toEqual({
      zh: "截至11月22日10时，无应报单位。",
      en: "As of 10:00 on 22 November, no unit was due to report.",
    });
  });

  it("names the day alone for a past report date", () => {
    expect(summaryOf([makeUnit()], [makeRecord()], at(DAY + 1, 9)).zh).toBe(
      "11月22日，应报单位1个，已报1个，无未报单位。"
    );
  });
});

describe("asOfText", () => {
  it.each([
    ["on the hour", at(DAY, 10), "截至11月22日10时", "As of 10:00 on 22 November"],
    ["with minutes", at(DAY, 10, 30), "截至11月22日10时30分", "As of 10:30 on 22 November"],
    ["just after midnight", at(DAY, 0, 5), "截至11月22日0时5分", "As of 0:05 on 22 November"],
    ["on another day", at(DAY + 1, 9), "11月22日", "On 22 November"],
  ])("reads %s", (_what, now, zh, en) => {
    expect(asOfText(DAY, now)).toEqual({ zh, en });
  });

  it("names the day alone when no clock is given", () => {
    expect(asOfText(DAY)).toEqual({ zh: "11月22日", en: "On 22 November" });
  });
});
