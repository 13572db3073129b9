import { SAMPLE_REPORT_DATE, SAMPLE_TOWNSHIPS } from "../../src/workbook/sample/county";
import { SAMPLE_GROUPS, sampleVaccinationSheets } from "../../src/workbook/vaccination/sample";
import { sampleWorkbookSheets } from "../../src/workbook/sample/workbook";
import {
  planRankVaccination,
  type RankVaccinationData,
} from "../../src/workbook/vaccination/rankVaccination";
import { snapshotOf } from "./fixtures";

describe("the sample 接种进度 sheet", () => {
  const [sheet] = sampleVaccinationSheets();
  const rows = sheet.values.slice(2);
  const result = planRankVaccination({
    snapshot: snapshotOf({ [sheet.name]: sheet.values }),
    today: SAMPLE_REPORT_DATE,
    now: SAMPLE_REPORT_DATE + 0.4,
    lang: "zh",
  });
  const data = result.data as RankVaccinationData;

  it("is part of the sample workbook", () => {
    expect(sampleWorkbookSheets().map((s) => s.name)).toContain("接种进度");
  });

  it("holds 60 days for the 18 townships and 4 groups, ending on the sample report date", () => {
    expect(SAMPLE_GROUPS.map((g) => g.group)).toEqual([
      "18岁以上",
      "12-17岁",
      "3-11岁",
      "60岁以上",
    ]);
    expect(rows).toHaveLength(60 * SAMPLE_TOWNSHIPS.length * 4);
    const dates = new Set(rows.map((r) => r[0]));
    expect(dates.size).toBe(60);
    expect(Math.max(...[...dates].map(Number))).toBe(SAMPLE_REPORT_DATE);
    expect(Math.min(...[...dates].map(Number))).toBe(SAMPLE_REPORT_DATE - 59);
  });

  it("is the same on every call", () => {
    expect(sampleVaccinationSheets()).toEqual(sampleVaccinationSheets());
  });

  it("has no input errors, only the 超目标 warning for 石桥乡", () => {
    expect(result.issues.map((i) => [i.code, i.severity])).toEqual([["overTarget", "warning"]]);
  });

  it("has exactly one township above 100%: 石桥乡, 18岁以上", () => {
    const over = data.report.groups.flatMap((g) =>
      g.areas.flatMap((a) =>
        a.units.filter((u) => u.overTarget.length > 0).map((u) => `${u.township} ${u.group}`)
      )
    );
    expect(over).toEqual(["石桥乡 18岁以上"]);
  });

  it("ties 青石镇 and 柳河镇 at the top-3 cut-off of 平安县's 18岁以上 group", () => {
    const area = data.report.groups[0].areas.find((a) => a.county === "平安县");
    expect(area?.best.map((u) => [u.township, u.rank])).toEqual([
      ["石桥乡", 1],
      ["长岭镇", 2],
      ["青石镇", 3],
      ["柳河镇", 3],
    ]);
    expect(area?.bestTied).toBe(true);
    expect(data.notice.text.zh).toContain("青石镇和柳河镇并列(96.2%)");
  });

  it("knows every township's due count on the report date", () => {
    const units = data.report.groups.flatMap((g) => g.areas.flatMap((a) => a.units));
    expect(units.every((u) => u.due !== null && u.status === "ranked")).toBe(true);
  });
});
