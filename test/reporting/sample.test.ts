import { SAMPLE_REPORT_DATE } from "../../src/workbook/sample/county";
import { sampleReportingSheets, sampleUnits } from "../../src/workbook/reporting/sample";
import { planReportStatus, type ReportStatusData } from "../../src/workbook/reporting/reportStatus";
import { snapshotOf } from "./fixtures";

function runOnSample() {
  const sheets = Object.fromEntries(sampleReportingSheets().map((s) => [s.name, s.values]));
  return planReportStatus({
    snapshot: snapshotOf(sheets),
    today: SAMPLE_REPORT_DATE,
    now: SAMPLE_REPORT_DATE + 10 / 24,
    lang: "zh",
  });
}

describe("sample reporting sheets", () => {
  const result = runOnSample();
  const data = result.data as ReportStatusData;

  it("has 36 roster units, 35 of them due daily", () => {
    expect(sampleUnits()).toHaveLength(36);
    expect(data.overall.expected).toBe(35);
    expect(data.excluded.map((x) => x.unit)).toEqual(["县档案馆"]);
  });

  it("summarises the report date as the issue describes it: 3 missing, 2 late, 5 zero reports", () => {
    expect(data.summary.zh).toBe(
      "截至1月20日10时，应报单位35个，已报32个（其中零报告5个），未报3个：县交通运输局、马场乡、白云乡；迟报2个。"
    );
  });

  it("counts 红旗镇, received exactly at 10:00, as on time", () => {
    expect(data.units.find((u) => u.unit === "红旗镇")?.timeliness).toBe("按时");
  });

  it("shows how many days in a row each missing unit has missed", () => {
    expect(
      data.units.filter((u) => u.state === "未报").map((u) => [u.unit, u.consecutiveMissing])
    ).toEqual([
      ["县交通运输局", 3],
      ["马场乡", 2],
      ["白云乡", 1],
    ]);
  });

  it("has only the deliberate duplicate as an issue", () => {
    expect(result.issues.map((i) => [i.code, i.sheet])).toEqual([["duplicateReport", "报送记录"]]);
  });

  it("is the same on every call", () => {
    expect(sampleReportingSheets()).toEqual(sampleReportingSheets());
  });

  it("covers ten days up to the sample report date", () => {
    const log = sampleReportingSheets()[1].values.slice(2);
    const days = new Set(log.map((r) => r[0]));
    expect([
      Math.min(...(days as Set<number>)),
      Math.max(...(days as Set<number>)),
      days.size,
    ]).toEqual([SAMPLE_REPORT_DATE - 9, SAMPLE_REPORT_DATE, 10]);
  });
});
