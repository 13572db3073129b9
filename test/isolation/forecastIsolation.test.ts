import { serialFromYmd } from "../../src/core/dates";
import { pruneUnchanged } from "../../src/workbook/diff";
import {
  forecastIsolation,
  planForecastIsolation,
  type IsolationForecastData,
} from "../../src/workbook/isolation/forecastIsolation";
import type { Chart, WriteBlock } from "../../src/workbook/plan";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";
import type { CellValue } from "../../src/workbook/cells";
import { applyOps } from "../../src/workbook/applyOps";
import {
  REPORT_DATE,
  allText,
  bedGrid,
  bedRow,
  commandInput,
  initialisedWorkbook,
  nextFakeId,
  returneeGrid,
  returneeRow,
  setParam,
  withSheet,
} from "./fixtures";

const RETURNEES = "返乡人员";
const FORECAST = "隔离需求预测";

/** 城关镇 has 100 beds (no shortfall question here), 马场乡 has 2. */
function workbook(rows: CellValue[][]): WorkbookSnapshot {
  const beds = bedGrid([
    bedRow({ township: "城关镇", population: 10_000, existing: 100, backup: null }),
    bedRow({ township: "马场乡", population: 1_000, existing: 2, backup: null }),
  ]);
  return withSheet(
    withSheet(initialisedWorkbook(), "隔离床位", beds),
    RETURNEES,
    returneeGrid(rows)
  );
}
function run(snapshot: WorkbookSnapshot, options?: Record<string, unknown>) {
  const result = planForecastIsolation(commandInput(snapshot, options));
  return {
    result,
    after: applyOps(snapshot, result.ops),
    data: result.data as IsolationForecastData,
  };
}
const cell = (s: WorkbookSnapshot, sheet: string, row: number, col: number) => ({
  value: s.sheets[sheet].values[row - 1]?.[col - 1] ?? null,
  formula: s.sheets[sheet].formulas[row - 1]?.[col - 1] ?? null,
});
const codesAt = (issues: { sheet: string; cell: string; code: string }[]) =>
  issues.map((i) => `${i.sheet}!${i.cell} ${i.code}`);
const JAN_9 = serialFromYmd(2022, 1, 9);

describe("预测隔离需求: 隔离天数 and 解除隔离日期", () => {
  it("appends 隔离天数 and 解除隔离日期 after the last header cell", () => {
    const { after } = run(workbook([returneeRow()]));
    expect(after.sheets[RETURNEES].values[1].slice(7)).toEqual(["隔离天数", "解除隔离日期"]);
  });

  it.each([
    ["高风险", 14],
    ["中风险", 14],
    ["其他涉疫地区", 7],
    ["低风险", 0],
    ["高风险地区", 14],
    [" 中风险 ", 14], // TRIM removes spaces at the ends
  ])("gives %p a stay of %p days", (risk, days) => {
    const { after } = run(workbook([returneeRow({ risk })]));
    expect(cell(after, RETURNEES, 3, 8).value).toBe(days);
  });

  it("writes the stay as a formula on the named stay parameters", () => {
    const { after } = run(workbook([returneeRow()]));
    expect(cell(after, RETURNEES, 3, 8).formula).toBe(
      '=IF(OR(TRIM(E3)="高风险",TRIM(E3)="高风险地区",TRIM(E3)="中风险",TRIM(E3)="中风险地区"),高中风险地区隔离天数,' +
        'IF(OR(TRIM(E3)="其他涉疫地区"),其他涉疫地区隔离天数,IF(OR(TRIM(E3)="低风险",TRIM(E3)="低风险地区"),0,"")))'
    );
  });

  it("follows the stay parameter (7 days under the 9th edition)", () => {
    const snapshot = setParam(
      workbook([returneeRow({ arrival: JAN_9 })]),
      "高中风险地区隔离天数",
      7
    );
    const { after } = run(snapshot);
    expect(cell(after, RETURNEES, 3, 8).value).toBe(7);
    expect(cell(after, RETURNEES, 3, 9).value).toBe(serialFromYmd(2022, 1, 16));
  });

  it("releases on arrival + stay, referencing a date cell", () => {
    const { after } = run(workbook([returneeRow({ arrival: JAN_9 })]));
    expect(cell(after, RETURNEES, 3, 9)).toEqual({
      formula: '=IF(ISNUMBER(H3),IF(ISNUMBER(F3),IF(AND(F3>=1,F3<2958466),INT(F3)+H3,""),""),"")',
      value: serialFromYmd(2022, 1, 23),
    });
  });

  it.each(["2022/1/9", "2022-01-09", "2022年1月9日"])(
    "reads the arrival typed as text %p",
    (text) => {
      const { result, after } = run(workbook([returneeRow({ arrival: text })]));
      expect(result.issues).toEqual([]);
      expect(cell(after, RETURNEES, 3, 9)).toEqual({
        formula: `=IF(ISNUMBER(H3),IF(F3="${text}",DATE(2022,1,9)+H3,""),"")`,
        value: serialFromYmd(2022, 1, 23),
      });
    }
  );

  it("shows an empty stay and release for an unknown risk level, and reports its cell", () => {
    const { result, after } = run(workbook([returneeRow({ risk: "不明" })]));
    expect(codesAt(result.issues)).toEqual(["返乡人员!E3 unknownValue"]);
    expect(cell(after, RETURNEES, 3, 8).value).toBe("");
    expect(cell(after, RETURNEES, 3, 9).value).toBe("");
  });

  it("reports a risk level the parser reads but the formula would not", () => {
    const { result, after } = run(workbook([returneeRow({ risk: "高 风险" })]));
    expect(codesAt(result.issues)).toEqual(["返乡人员!E3 riskSpelling"]);
    expect(cell(after, RETURNEES, 3, 8).value).toBe("");
  });

  it("reports an arrival that is text but not a date, and leaves the release empty", () => {
    const { result, after, data } = run(workbook([returneeRow({ arrival: "上周五" })]));
    expect(codesAt(result.issues)).toEqual(["返乡人员!F3 notADate"]);
    expect(cell(after, RETURNEES, 3, 9).value).toBe("");
    expect(data.excluded).toBe(1);
  });

  it("reports a missing isolation method for a returnee from a risk area, and leaves them out", () => {
    const { result, data } = run(workbook([returneeRow({ method: null })]));
    expect(codesAt(result.issues)).toEqual(["返乡人员!G3 methodMissing"]);
    expect(data.centralized).toBe(0);
  });

  it("needs no isolation method for 低风险", () => {
    const { result } = run(workbook([returneeRow({ risk: "低风险", method: null })]));
    expect(result.issues).toEqual([]);
  });

  it("does not report its own text-date formula as overwritten after the text is edited", () => {
    const once = run(workbook([returneeRow({ arrival: "2022/1/9" })])).after;
    once.sheets[RETURNEES].values[2][5] = "2022/1/10";
    once.sheets[RETURNEES].formulas[2][5] = "2022/1/10";
    once.sheets[RETURNEES].values[2][8] = ""; // the formula empties itself
    const second = planForecastIsolation(commandInput(once));
    expect(second.issues).toEqual([]);
    expect(cell(applyOps(once, second.ops), RETURNEES, 3, 9).value).toBe(
      serialFromYmd(2022, 1, 24)
    );
  });

  it("reports a typed release date as overwritten", () => {
    const once = run(workbook([returneeRow()])).after;
    once.sheets[RETURNEES].values[2][8] = 44600;
    once.sheets[RETURNEES].formulas[2][8] = 44600;
    expect(codesAt(planForecastIsolation(commandInput(once)).issues)).toEqual([
      "返乡人员!I3 overwrittenOutput",
    ]);
  });
});

describe("预测隔离需求: personal data checks", () => {
  it("reports an ID number whose check character is wrong, and still counts the row", () => {
    const id = nextFakeId();
    const wrong = `${id.slice(0, 17)}${id[17] === "1" ? "2" : "1"}`;
    const { result, data } = run(workbook([returneeRow({ id: wrong })]));
    expect(codesAt(result.issues)).toEqual(["返乡人员!B3 idInvalid"]);
    expect(result.issues[0].message.zh).toContain("校验位");
    expect(data.centralized).toBe(1);
  });

  it("reports an ID number whose birth date is not a date", () => {
    const { result } = run(workbook([returneeRow({ id: "999999199002300010" })]));
    expect(codesAt(result.issues)).toEqual(["返乡人员!B3 idInvalid"]);
    expect(result.issues[0].message.zh).toContain("出生日期");
  });

  it("reports a repeated ID number at the repeat, pointing at the first, and counts both rows", () => {
    const id = nextFakeId();
    const { result, data } = run(
      workbook([returneeRow({ id }), returneeRow({ id: id.toLowerCase() })])
    );
    expect(result.issues).toEqual([
      expect.objectContaining({ code: "duplicateId", cell: "B4", related: ["返乡人员!B3"] }),
    ]);
    expect(data.centralized).toBe(2);
  });

  it("reports an ID number stored as a number, whose last digits are lost", () => {
    const { result } = run(workbook([returneeRow({ id: 999999000000000000 })]));
    expect(codesAt(result.issues)).toEqual(["返乡人员!B3 idStoredAsNumber"]);
  });

  it("shows no name, ID number or phone number on the leader sheet", () => {
    const rows = [
      returneeRow({ name: "测试甲", phone: "10087654321" }),
      returneeRow({ name: "测试乙", township: "马场乡" }),
    ];
    const { after } = run(workbook(rows));
    const text = allText(after, FORECAST).join("\n");
    for (const r of rows) {
      expect(text).not.toContain(String(r[0]));
      expect(text).not.toContain(String(r[1]));
    }
    expect(text).not.toContain("10087654321");
    expect(text).not.toMatch(/\d{11,}/);
  });
});

describe("预测隔离需求: township checks", () => {
  it("reports a returnee whose township is not in 隔离床位, and lists that township as unregistered", () => {
    const { result, data } = run(workbook([returneeRow({ township: "新村镇" })]));
    expect(codesAt(result.issues)).toEqual(["返乡人员!D3 townshipNotInBeds"]);
    expect(data.townships[0]).toEqual(
      expect.objectContaining({ township: "新村镇", capacity: null, status: "未登记床位" })
    );
  });

  it("forecasts with unregistered capacity, and warns once, when 隔离床位 is missing", () => {
    const snapshot = withSheet(initialisedWorkbook(), RETURNEES, returneeGrid([returneeRow()]));
    const { result, data } = run(snapshot);
    expect(codesAt(result.issues)).toEqual(["隔离床位!A1 sheetMissing"]);
    expect(data.atRisk.map((t) => t.township)).toEqual(["城关镇"]);
  });

  it("reports an unreadable 隔离床位 once, not on every returnee", () => {
    const snapshot = workbook([returneeRow(), returneeRow()]);
    withSheet(snapshot, "隔离床位", [["床位表"], ["名称", "数量"]]);
    const { result } = run(snapshot);
    expect(codesAt(result.issues)).toEqual(["隔离床位!A1 headerNotFound"]);
  });

  it("writes nothing when 返乡人员 is missing", () => {
    const { result } = run(initialisedWorkbook());
    expect(result.ops).toEqual([]);
    expect(codesAt(result.issues)).toEqual(["返乡人员!A1 sheetMissing"]);
  });
});

describe("预测隔离需求: leader sheet 隔离需求预测", () => {
  // 马场乡 (2 beds): arrivals on the 19th, 20th and 22nd, 14 days each, so 3 from the 22nd
  const cluster = () =>
    workbook([
      returneeRow({ township: "马场乡", arrival: REPORT_DATE - 1 }),
      returneeRow({ township: "马场乡", arrival: REPORT_DATE }),
      returneeRow({ township: "马场乡", arrival: REPORT_DATE + 2 }),
      returneeRow({ township: "城关镇", arrival: REPORT_DATE - 14 }), // released on the report date
      returneeRow({ township: "城关镇", arrival: REPORT_DATE - 13, method: "居家" }),
    ]);

  it("dates the title and names the window", () => {
    const title = run(cluster()).after.sheets[FORECAST].values[0][0];
    expect(title).toBe("截至2022年1月20日隔离需求预测（1月20日—2月9日，共21天）");
  });

  it("lists the township at risk first, with its first day over capacity", () => {
    const { after, data } = run(cluster());
    expect(after.sheets[FORECAST].values[5].slice(0, 6)).toEqual([
      "马场乡",
      2,
      3,
      "1月22日",
      "1月22日",
      "不足",
    ]);
    expect(data.atRisk.map((t) => [t.township, t.firstExceed])).toEqual([
      ["马场乡", REPORT_DATE + 2],
    ]);
  });

  it("counts the people in centralized isolation on each day", () => {
    const { data } = run(cluster());
    const maChang = data.townships.find((t) => t.township === "马场乡");
    expect(maChang?.daily.slice(0, 5)).toEqual([2, 2, 3, 3, 3]);
    // the 19th's arrival leaves on 2 February (day 14 of the window), the 20th's on the 3rd
    expect(maChang?.daily.slice(12, 16)).toEqual([3, 2, 1, 1]);
    expect(data.townships.find((t) => t.township === "城关镇")?.daily.every((v) => v === 0)).toBe(
      true
    );
  });

  it("totals each day with SUM formulas and their values", () => {
    const { after } = run(cluster());
    expect(cell(after, FORECAST, 5, 2)).toEqual({ formula: "=SUM(B6:B7)", value: 102 });
    expect(cell(after, FORECAST, 5, 9)).toEqual({ formula: "=SUM(I6:I7)", value: 3 });
  });

  it("charts total demand against total capacity as a line chart", () => {
    const { result, after } = run(cluster());
    const chart = result.ops.find((op): op is Chart => op.kind === "chart") as Chart;
    expect(chart).toEqual(
      expect.objectContaining({
        type: "line",
        name: "isolationDemandForecast",
        dataRange: "A9:C30",
      })
    );
    expect(after.sheets[FORECAST].values[9]).toEqual(["1月20日", 2, 102]);
  });

  it("colours the days over capacity", () => {
    const { result } = run(cluster());
    expect(result.ops).toContainEqual(
      expect.objectContaining({
        kind: "style",
        sheet: FORECAST,
        range: "I6:S6",
        fill: expect.any(String),
      })
    );
  });

  it("has one day column per day of 隔离需求预测天数", () => {
    const { after } = run(setParam(cluster(), "隔离需求预测天数", 7));
    expect(after.sheets[FORECAST].values[3].slice(6)).toEqual([
      "1月20日",
      "1月21日",
      "1月22日",
      "1月23日",
      "1月24日",
      "1月25日",
      "1月26日",
    ]);
  });

  it("summarises the forecast for the task pane", () => {
    const { data, result } = run(cluster());
    expect(data).toEqual(expect.objectContaining({ returnees: 5, centralized: 4, excluded: 0 }));
    expect(result.summary.zh).toContain("马场乡（1月22日起）");
  });

  it("changes nothing on a second run", () => {
    const once = run(cluster()).after;
    const second = planForecastIsolation(commandInput(once));
    expect(pruneUnchanged(second.ops, once)).toEqual([]);
  });

  it("reads its own leader sheet, 隔离床位 and 历史记录", () => {
    expect(forecastIsolation.reads()).toEqual(
      expect.arrayContaining([RETURNEES, "隔离床位", "历史记录", FORECAST])
    );
  });

  it("writes the rows of a blank-separated table as one block per run of output columns", () => {
    const blocks = run(
      workbook([returneeRow(), [null, null, null, null, null, null, null], returneeRow()])
    ).result.ops.filter((op): op is WriteBlock => op.kind === "block" && op.sheet === RETURNEES);
    expect(blocks.map((b) => [b.row, b.column, b.cells.length])).toEqual([
      [2, 8, 1],
      [3, 8, 3],
    ]);
  });
});
