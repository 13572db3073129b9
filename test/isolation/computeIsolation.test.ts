import { pruneUnchanged } from "../../src/workbook/diff";
import { HISTORY_SHEET } from "../../src/workbook/history";
import {
  computeIsolation,
  planComputeIsolation,
  type IsolationBedsData,
} from "../../src/workbook/isolation/computeIsolation";
import { isFormulaCell, type Chart, type WriteBlock, type WriteOp } from "../../src/workbook/plan";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";
import { applyOps, emptySnapshot } from "../../src/workbook/applyOps";
import {
  BED_HEADER,
  REPORT_DATE,
  bedGrid,
  bedRow,
  commandInput,
  initialisedWorkbook,
  setParam,
  withSheet,
} from "./fixtures";

const BEDS = "隔离床位";
const SUMMARY = "隔离床位汇总";

function workbook(rows = [bedRow()], header = BED_HEADER): WorkbookSnapshot {
  return withSheet(initialisedWorkbook(), BEDS, bedGrid(rows, header));
}
function run(snapshot: WorkbookSnapshot, options?: Record<string, unknown>) {
  const result = planComputeIsolation(commandInput(snapshot, options));
  return { result, after: applyOps(snapshot, result.ops), data: result.data as IsolationBedsData };
}
/** The value and formula the plan writes at an A1 cell of a sheet. */
function written(snapshot: WorkbookSnapshot, sheet: string, address: string) {
  const m = /^([A-Z]+)(\d+)$/.exec(address) as RegExpExecArray;
  const column = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const row = Number(m[2]);
  return {
    value: snapshot.sheets[sheet].values[row - 1]?.[column - 1] ?? null,
    formula: snapshot.sheets[sheet].formulas[row - 1]?.[column - 1] ?? null,
  };
}
const codesAt = (issues: { sheet: string; cell: string; code: string }[]) =>
  issues.map((i) => `${i.sheet}!${i.cell} ${i.code}`);

describe("计算隔离床位: output columns", () => {
  it("appends the five output headers after the last used header cell", () => {
    const { after } = run(workbook());
    expect(after.sheets[BEDS].values[1]).toEqual([
      ...BED_HEADER,
      "应配床位",
      "床位合计",
      "缺口",
      "每万人床位",
      "状态",
    ]);
  });

  it.each([
    ["E3", '=IF(ISNUMBER(B3),IF(B3>0,ROUNDUP(B3*每万人隔离床位标准/10000,0),""),"")', 173],
    [
      "F3",
      '=IF(ISNUMBER(C3),IF(C3>=0,IF(ISBLANK(D3),C3,IF(ISNUMBER(D3),IF(D3>=0,C3+D3,""),"")),""),"")',
      180,
    ],
    ["G3", '=IF(ISNUMBER(E3),IF(ISNUMBER(F3),MAX(0,E3-F3),""),"")', 0],
    ["H3", '=IF(ISNUMBER(B3),IF(B3>0,IF(ISNUMBER(F3),ROUND(F3*10000/B3,1),""),""),"")', 20.8],
    ["I3", '=IF(ISNUMBER(G3),IF(G3>0,"不足","达标"),"")', "达标"],
  ])("writes %s as %s with the value %p", (address, formula, value) => {
    // 86,400 residents, 150 + 30 beds: required 173, 180 beds, ratio 180 × 10,000 ÷ 86,400 = 20.83 → 20.8
    const { after } = run(workbook());
    expect(written(after, BEDS, address)).toEqual({ formula, value });
  });

  it("changes 应配床位 when the norm is raised to 40 per 10,000, with the same formula", () => {
    const at20 = run(workbook()).after;
    const at40 = run(setParam(workbook(), "每万人隔离床位标准", 40)).after;
    expect(written(at40, BEDS, "E3").formula).toBe(written(at20, BEDS, "E3").formula);
    expect(written(at20, BEDS, "E3").value).toBe(173);
    expect(written(at40, BEDS, "E3").value).toBe(346); // 345.6 → 346
    expect(written(at40, BEDS, "G3").value).toBe(166); // 346 − 180
    expect(written(at40, BEDS, "I3").value).toBe("不足");
  });

  it("recomputes in place after the norm changes: no 隔离床位 cell is rewritten, the leader sheet is", () => {
    const once = run(workbook([bedRow(), bedRow({ township: "青石镇", population: 5_000 })])).after;
    setParam(once, "每万人隔离床位标准", 40);
    const second = planComputeIsolation(commandInput(once));
    const ops = pruneUnchanged(second.ops, once);
    // The formulas are the same text; Excel recalculates them from the named parameter.
    expect(ops.filter((op) => op.kind === "block" && op.sheet === BEDS)).toEqual([]);
    expect(ops.some((op) => op.kind === "block" && op.sheet === SUMMARY)).toBe(true);
    expect((second.data as IsolationBedsData).totals.required).toBe(346 + 20);
  });

  it("reuses an output column already in the header, wherever it is, and keeps user columns", () => {
    const header = ["序号", "乡镇", "缺口", "常住人口", "现有床位", "备用床位", "备注"];
    const rows = [[1, "城关镇", null, 10_000, 10, null, "新建中"]];
    const { after } = run(workbook(rows, header));
    expect(after.sheets[BEDS].values[1]).toEqual([
      ...header,
      "应配床位",
      "床位合计",
      "每万人床位",
      "状态",
    ]);
    expect(written(after, BEDS, "C3")).toEqual({
      formula: '=IF(ISNUMBER(H3),IF(ISNUMBER(I3),MAX(0,H3-I3),""),"")',
      value: 10,
    });
    expect(written(after, BEDS, "G3").value).toBe("新建中");
  });

  it("leaves a blank row between data rows as it is", () => {
    const { result } = run(
      workbook([bedRow(), [null, null, null, null], bedRow({ township: "青石镇" })])
    );
    const block = result.ops.find(
      (op): op is WriteBlock => op.kind === "block" && op.sheet === BEDS && op.row === 3
    ) as WriteBlock;
    expect(block.cells).toHaveLength(3);
    expect(block.cells[1]).toEqual([null, null, null, null, null]);
  });

  it("writes the formula on a row with bad input, showing an empty result", () => {
    const { after } = run(workbook([bedRow({ population: 0 })]));
    expect(written(after, BEDS, "E3").value).toBe("");
    expect(written(after, BEDS, "F3").value).toBe(180);
    expect(written(after, BEDS, "H3").value).toBe("");
  });

  it("writes a total of the existing beds alone when there is no 备用床位 column", () => {
    const { after } = run(workbook([["城关镇", 10_000, 25]], ["乡镇", "常住人口", "现有床位"]));
    expect(written(after, BEDS, "E3")).toEqual({
      formula: '=IF(ISNUMBER(C3),IF(C3>=0,C3,""),"")',
      value: 25,
    });
  });
});

describe("计算隔离床位: issues", () => {
  it("names the sheet and cell of each bad input and still computes the valid rows", () => {
    const rows = [
      bedRow({ township: "甲", population: null }),
      bedRow({ township: "乙", population: 0 }),
      bedRow({ township: "丙", population: -100 }),
      bedRow({ township: "丁", population: "约一万" }),
      bedRow({ township: "戊", existing: -5 }),
      bedRow({ township: "己", backup: -1 }),
      bedRow({ township: "庚", population: "12000" }),
      bedRow({ township: "辛", population: 10_000, existing: 25, backup: null }),
    ];
    const { result, after } = run(workbook(rows));
    expect(codesAt(result.issues)).toEqual([
      "隔离床位!B3 required",
      "隔离床位!B6 notANumber",
      "隔离床位!B9 numberAsText",
      "隔离床位!B4 populationZero",
      "隔离床位!B5 populationNegative",
      "隔离床位!C7 negativeBeds",
      "隔离床位!D8 negativeBeds",
    ]);
    expect(written(after, BEDS, "E10").value).toBe(20);
    expect(written(after, BEDS, "I10").value).toBe("达标");
  });

  it("says what to fix in both languages", () => {
    const { result } = run(workbook([bedRow({ population: 0 })]));
    expect(result.issues[0].message.zh).toContain("请填写实际常住人口");
    expect(result.issues[0].message.en).toContain("enter the real population");
  });

  it("reports an output cell typed over, keeps its old value in 历史记录 first, and restores the formula", () => {
    const once = run(workbook()).after;
    once.sheets[BEDS].values[2][4] = 999;
    once.sheets[BEDS].formulas[2][4] = 999;
    const second = planComputeIsolation(commandInput(once));
    expect(second.issues).toEqual([
      expect.objectContaining({
        code: "overwrittenOutput",
        severity: "warning",
        sheet: BEDS,
        cell: "E3",
      }),
    ]);
    expect(second.issues[0].message.zh).toContain("999");
    const ops = pruneUnchanged(second.ops, once);
    const historyAt = ops.findIndex(
      (op) => op.kind === "block" && op.sheet === HISTORY_SHEET && op.row === 2
    );
    const restoreAt = ops.findIndex((op) => op.kind === "block" && op.sheet === BEDS);
    expect(historyAt).toBeGreaterThanOrEqual(0);
    expect(historyAt).toBeLessThan(restoreAt);
    const after = applyOps(once, second.ops);
    expect(after.sheets[HISTORY_SHEET].values[1].slice(1, 5)).toEqual([
      "计算隔离床位",
      BEDS,
      "E3",
      999,
    ]);
    expect(written(after, BEDS, "E3").value).toBe(173);
  });

  it("reports another formula in an output cell as overwritten", () => {
    const once = run(workbook()).after;
    once.sheets[BEDS].formulas[2][4] = "=B3/500";
    const second = planComputeIsolation(commandInput(once));
    expect(codesAt(second.issues)).toEqual(["隔离床位!E3 overwrittenOutput"]);
  });

  it("creates 参数 and its names quietly when they are missing, as 计算物资储备 does, and computes", () => {
    const snapshot = withSheet(emptySnapshot(), BEDS, bedGrid([bedRow()]));
    const { result, after } = run(snapshot);
    expect(result.ops[0]).toEqual({ kind: "ensureSheet", sheet: "参数" });
    expect(after.names["每万人隔离床位标准"]).toBe("=参数!$B$5");
    expect(result.issues).toEqual([]);
    expect(written(after, BEDS, "E3").value).toBe(173);
    // Only 参数 is added: the other capabilities' input sheets are 初始化工作簿's to make.
    expect(after.sheetNames).toEqual([BEDS, "参数", "隔离床位汇总"]);
  });

  it("writes nothing and says so when the 隔离床位 sheet is missing", () => {
    const { result } = run(initialisedWorkbook());
    expect(result.ops).toEqual([]);
    expect(codesAt(result.issues)).toEqual(["隔离床位!A1 sheetMissing"]);
  });

  it("reports an unreadable norm on 参数 and computes with the default", () => {
    const { result, after } = run(setParam(workbook(), "每万人隔离床位标准", "二十"));
    expect(result.issues).toEqual([
      expect.objectContaining({ code: "badParameter", sheet: "参数" }),
    ]);
    expect(written(after, BEDS, "E3").value).toBe(173);
  });
});

describe("计算隔离床位: idempotence", () => {
  it("changes nothing on a second run", () => {
    const rows = [
      bedRow(),
      bedRow({ township: "青石镇", population: 0 }),
      bedRow({ township: "松林乡", existing: 3, backup: null }),
    ];
    const once = run(workbook(rows)).after;
    const second = planComputeIsolation(commandInput(once));
    expect(pruneUnchanged(second.ops, once)).toEqual([]);
    expect(second.issues.some((i) => i.code === "overwrittenOutput")).toBe(false);
  });

  it("reads every sheet it needs, including its own leader sheet and 历史记录", () => {
    expect(computeIsolation.reads()).toEqual(
      expect.arrayContaining([BEDS, "参数", HISTORY_SHEET, SUMMARY])
    );
  });
});

describe("计算隔离床位: leader sheet 隔离床位汇总", () => {
  const county = [
    ["平安县", "城关镇", 10_000, 30, null],
    ["平安县", "青石镇", 20_000, 20, 5], // 40 required, 25 beds: 15 short
    ["平安县", "柳河镇", 10_000, 20, 0],
    ["康宁县", "新华镇", 10_000, 10, 2], // 20 required, 12 beds: 8 short
    ["康宁县", "双河镇", 10_000, 0, null], // 20 short
    ["康宁县", "马场乡", 0, 5, null], // incomplete
  ];
  const header = ["县(区)", "乡镇", "常住人口", "现有床位", "备用床位"];
  const grouped = () => run(workbook(county, header));

  it("dates the title with the report date", () => {
    expect(grouped().after.sheets[SUMMARY].values[0][0]).toBe("截至2022年1月20日隔离床位情况汇总");
  });

  it("takes the report date from the options when given", () => {
    const { after } = run(workbook(county, header), { reportDate: REPORT_DATE - 1 });
    expect(after.sheets[SUMMARY].values[0][0]).toBe("截至2022年1月19日隔离床位情况汇总");
  });

  it("lists the whole total, then each 县(区) subtotal with its townships, shortfalls first", () => {
    const rows = grouped()
      .after.sheets[SUMMARY].values.slice(4, 12)
      .map((r) => r.slice(0, 2));
    expect(rows).toEqual([
      ["合计", null],
      ["康宁县", "小计"],
      ["康宁县", "双河镇"],
      ["康宁县", "新华镇"],
      ["康宁县", "马场乡"],
      ["平安县", "小计"],
      ["平安县", "青石镇"],
      ["平安县", "城关镇"],
    ]);
  });

  it("sums each 县(区) with SUM formulas and the whole from the subtotals, with their values", () => {
    const { after } = grouped();
    // 康宁县: 新华镇 and 双河镇 count (马场乡 is 待核实): 20,000 residents, 12 beds, 28 short
    expect(written(after, SUMMARY, "C6")).toEqual({ formula: "=SUM(C7:C9)", value: 20_000 });
    expect(written(after, SUMMARY, "E6")).toEqual({ formula: "=SUM(E7:E9)", value: 12 });
    expect(written(after, SUMMARY, "F6")).toEqual({ formula: "=SUM(F7:F9)", value: 28 });
    expect(written(after, SUMMARY, "G6")).toEqual({
      formula: '=IF(C6>0,ROUND(E6*10000/C6,1),"")',
      value: 6,
    });
    expect(written(after, SUMMARY, "C5")).toEqual({
      formula: '=SUMIF(B6:B13,"小计",C6:C13)',
      value: 60_000,
    });
    expect(written(after, SUMMARY, "F5")).toEqual({
      formula: '=SUMIF(B6:B13,"小计",F6:F13)',
      value: 43,
    });
  });

  it("ranks townships within their 县(区) and the 县(区) against each other", () => {
    const values = grouped().after.sheets[SUMMARY].values;
    const rank = (township: string) => values.find((r) => r[1] === township)?.[7];
    // 平安县: 城关镇 30.0, 柳河镇 20.0, 青石镇 12.5; 康宁县: 新华镇 12.0, 双河镇 0.0
    expect([rank("城关镇"), rank("柳河镇"), rank("青石镇")]).toEqual([1, 2, 3]);
    expect([rank("新华镇"), rank("双河镇")]).toEqual([1, 2]);
    // 平安县 75 / 40,000 = 18.8 beats 康宁县 12 / 20,000 = 6.0
    expect(values.filter((r) => r[1] === "小计").map((r) => [r[0], r[7]])).toEqual([
      ["康宁县", 2],
      ["平安县", 1],
    ]);
  });

  it("lists a township with bad figures as 待核实, without figures", () => {
    const row = grouped().after.sheets[SUMMARY].values.find((r) => r[1] === "马场乡");
    expect(row).toEqual(["康宁县", "马场乡", null, null, null, null, null, null, "待核实"]);
  });

  it("colours the status column and marks shortfall gaps", () => {
    const ops = grouped().result.ops;
    expect(ops).toContainEqual(
      expect.objectContaining({
        kind: "conditionalFormat",
        sheet: SUMMARY,
        range: "I5:I13",
        rules: expect.arrayContaining([
          expect.objectContaining({ type: "textEquals", text: "不足" }),
        ]),
      })
    );
    expect(ops).toContainEqual(
      expect.objectContaining({
        kind: "style",
        sheet: SUMMARY,
        range: "F7:F8",
        fontColor: expect.any(String),
      })
    );
  });

  it("charts beds per 10,000 against the norm as a bar chart with a stable name", () => {
    const { result, after } = grouped();
    const chart = result.ops.find((op): op is Chart => op.kind === "chart") as Chart;
    expect(chart).toEqual(
      expect.objectContaining({
        type: "barClustered",
        name: "isolationBedsPer10k",
        dataRange: "A15:C20",
      })
    );
    expect(after.sheets[SUMMARY].values[14]).toEqual([
      "乡镇",
      "每万人床位（张）",
      "标准（每万人张）",
    ]);
    expect(after.sheets[SUMMARY].values[15]).toEqual(["双河镇（康宁县）", 0, 20]);
  });

  it("sets up landscape printing with the title and header repeated", () => {
    expect(grouped().result.ops).toContainEqual({
      kind: "pageSetup",
      sheet: SUMMARY,
      orientation: "Landscape",
      fitToWidth: true,
      printTitleRows: "$1:$4",
    });
  });

  it("uses the unit word 间 in the headers and sentences when rooms are counted", () => {
    const { after, data } = run(setParam(workbook(county, header), "隔离床位计量单位", "间"));
    expect(after.sheets[SUMMARY].values[3]).toContain("应配床位（间）");
    expect(data.summaryText).toContain("共缺43间");
  });

  it("has no 县(区) column when no row names one, and sums with SUM", () => {
    const { after } = run(
      workbook([
        bedRow({ township: "甲", population: 10_000, existing: 30, backup: null }),
        bedRow({ township: "乙", population: 10_000, existing: 10, backup: null }),
      ])
    );
    expect(after.sheets[SUMMARY].values[3][0]).toBe("乡镇");
    expect(written(after, SUMMARY, "B5")).toEqual({ formula: "=SUM(B6:B7)", value: 20_000 });
    expect(after.sheets[SUMMARY].values.slice(5, 7).map((r) => r[0])).toEqual(["乙", "甲"]);
  });

  it("gives the task pane the figures, without personal data", () => {
    const { data, result } = grouped();
    expect(data.totals).toEqual(expect.objectContaining({ townships: 5, gap: 43, short: 3 }));
    expect(data.shortfalls.map((t) => t.township)).toEqual(["双河镇", "新华镇", "青石镇"]);
    expect(data.pending.map((t) => t.township)).toEqual(["马场乡"]);
    expect(result.summary.zh).toContain("3个乡镇不足，共缺43张");
  });

  it("writes only formula cells whose value is a plain cell value", () => {
    const blocks = grouped().result.ops.filter(
      (op: WriteOp): op is WriteBlock => op.kind === "block"
    );
    for (const b of blocks)
      for (const line of b.cells)
        for (const cell of line)
          if (isFormulaCell(cell)) expect(["number", "string"]).toContain(typeof cell.value);
  });
});
