import { SAMPLE_REPORT_DATE, SAMPLE_TOWNSHIPS } from "../../src/workbook/sample/county";
import {
  SAMPLE_AT_RISK_TOWNSHIP,
  isolationSampleSheets,
} from "../../src/workbook/sample/isolation";
import {
  planComputeIsolation,
  type IsolationBedsData,
} from "../../src/workbook/isolation/computeIsolation";
import {
  planForecastIsolation,
  type IsolationForecastData,
} from "../../src/workbook/isolation/forecastIsolation";
import { checkIdNumber, FAKE_REGION_CODE } from "../../src/core/privacy/idNumber";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";
import { applyOps } from "../../src/workbook/applyOps";
import { allText, initialisedWorkbook, setParam, withSheet } from "./fixtures";

function sampleWorkbook(): WorkbookSnapshot {
  const snapshot = initialisedWorkbook();
  for (const s of isolationSampleSheets()) withSheet(snapshot, s.name, s.values);
  return snapshot;
}
const input = (snapshot: WorkbookSnapshot) => ({
  snapshot,
  today: SAMPLE_REPORT_DATE,
  now: SAMPLE_REPORT_DATE + 0.4,
  lang: "zh" as const,
});
const returnees = () => isolationSampleSheets()[1].values.slice(2);

describe("isolation sample", () => {
  it("is the same on every call", () => {
    expect(isolationSampleSheets()).toEqual(isolationSampleSheets());
  });

  it("lists the 18 sample townships in 隔离床位", () => {
    const rows = isolationSampleSheets()[0].values.slice(2);
    expect(rows.map((r) => r[2])).toEqual(SAMPLE_TOWNSHIPS.map((t) => t.township));
  });

  it("lists 60 returnees whose ID numbers all carry the unassigned region code", () => {
    const ids = returnees().map((r) => String(r[2]));
    expect(ids).toHaveLength(60);
    expect(ids.every((id) => id.startsWith(FAKE_REGION_CODE))).toBe(true);
  });

  it("has exactly one ID number with a wrong check character", () => {
    expect(returnees().filter((r) => !checkIdNumber(String(r[2])).ok)).toHaveLength(1);
  });

  it("computes without issues and shows three townships short at 20 per 10,000", () => {
    const result = planComputeIsolation(input(sampleWorkbook()));
    expect(result.issues).toEqual([]);
    expect((result.data as IsolationBedsData).shortfalls.map((t) => t.township).sort()).toEqual(
      ["松林乡", "马场乡", "龙泉镇"].sort()
    );
  });

  it("shows more townships short at 40 per 10,000", () => {
    const result = planComputeIsolation(
      input(setParam(sampleWorkbook(), "每万人隔离床位标准", 40))
    );
    expect((result.data as IsolationBedsData).shortfalls.length).toBeGreaterThan(3);
  });

  it("forecasts the cluster township at risk, and reports only the two deliberate ID problems", () => {
    const result = planForecastIsolation(input(sampleWorkbook()));
    const data = result.data as IsolationForecastData;
    expect(data.atRisk.map((t) => t.township)).toEqual([SAMPLE_AT_RISK_TOWNSHIP]);
    expect(result.issues.map((i) => i.code).sort()).toEqual(["duplicateId", "idInvalid"]);
    expect(data.excluded).toBe(0);
  });

  it("shows no name, ID number or phone number on either leader sheet", () => {
    let snapshot = sampleWorkbook();
    snapshot = applyOps(snapshot, planComputeIsolation(input(snapshot)).ops);
    snapshot = applyOps(snapshot, planForecastIsolation(input(snapshot)).ops);
    const shown = [...allText(snapshot, "隔离床位汇总"), ...allText(snapshot, "隔离需求预测")].join(
      "\n"
    );
    for (const r of returnees()) {
      expect(shown).not.toContain(String(r[1]));
      expect(shown).not.toContain(String(r[2]));
      if (r[3] !== null) expect(shown).not.toContain(String(r[3]));
    }
    expect(shown).not.toMatch(/\d{11,}/);
  });
});
