import { runCommand, type CommandInput } from "../../../src/workbook/command";
import { pruneUnchanged } from "../../../src/workbook/diff";
import type { Grid } from "../../../src/workbook/cells";
import type { WriteBlock, WriteOp } from "../../../src/workbook/plan";
import {
  planReportStatus,
  reportStatus,
  type ReportStatusData,
} from "../../../src/workbook/reporting/reportStatus";
import {
  at,
  DAY,
  RECORDS_HEADER,
  recordLine,
  ROSTER_HEADER,
  rosterLine,
  sheetGrid,
  snapshotOf,
  applyOps,
} from "../fixtures";

/**
 * Five units due on 2022-11-22 (县档案馆 is not): 青石镇 never reported (2 days,
 * the log starts the day before), 县交通运输局 reported only the day before (1
 * day), 县教育局 late, 县人民医院 with an unreadable time, 城关镇 a zero report
 * carrying a figure, sent twice. One report comes from a unit not on the roster.
 */
function rosterGrid(): Grid {
  return sheetGrid("名单", ROSTER_HEADER, [
    rosterLine({
      unit: "县交通运输局",
      category: "县直部门",
      parent: "县人民政府",
      contact: "张伟",
      phone: "13800001111",
    }),
    rosterLine({
      unit: "县教育局",
      category: "县直部门",
      parent: "县人民政府",
      contact: "李娜",
      phone: "0512-66881234",
    }),
    rosterLine({ unit: "城关镇", contact: "王丽", phone: "13912345678" }),
    rosterLine({ unit: "青石镇", contact: "赵军", phone: null }),
    rosterLine({
      unit: "县人民医院",
      category: "医疗机构",
      parent: "县卫健局",
      contact: "陈静",
      phone: "13700002222",
    }),
    rosterLine({ unit: "县档案馆", category: "县直部门", parent: "县人民政府", daily: "否" }),
  ]);
}

function recordsGrid(): Grid {
  return sheetGrid("记录", RECORDS_HEADER, [
    recordLine({ date: DAY - 1, unit: "县交通运输局", time: at(DAY - 1, 9) }),
    recordLine({ unit: "县教育局", time: at(DAY, 10, 30) }),
    recordLine({ unit: "城关镇", time: at(DAY, 8), type: "零报告", note: "新增2例" }),
    recordLine({ unit: "县外事办", time: at(DAY, 9) }),
    recordLine({ unit: "县人民医院", time: "上午" }),
    recordLine({ unit: "城关镇", time: at(DAY, 9), type: "零报告" }),
  ]);
}

function inputOf(
  overrides: Partial<CommandInput> = {},
  sheets?: Record<string, Grid>
): CommandInput {
  return {
    snapshot: snapshotOf(sheets ?? { 填报单位: rosterGrid(), 报送记录: recordsGrid() }),
    today: DAY,
    now: at(DAY, 10, 30),
    lang: "zh",
    ...overrides,
  };
}

const result = planReportStatus(inputOf());
const data = result.data as ReportStatusData;

function blockAt(ops: readonly WriteOp[], row: number, column: number): WriteBlock {
  const b = ops.find(
    (o): o is WriteBlock => o.kind === "block" && o.row === row && o.column === column
  );
  if (!b) throw new Error(`no block at row ${row}, column ${column}`);
  return b;
}

describe("reportStatus command", () => {
  it("reads the roster, the log, the parameters and its own sheet", () => {
    expect(reportStatus.reads()).toEqual(
      expect.arrayContaining(["填报单位", "报送记录", "参数", "报送情况"])
    );
  });

  it("puts the summary in data and in the status line", () => {
    const zh =
      "截至11月22日10时30分，应报单位5个，已报3个（其中零报告1个），未报2个：青石镇、县交通运输局；迟报1个。";
    expect(data.summary.zh).toBe(zh);
    expect(result.summary.zh).toBe(zh);
  });

  it("lists missing units most days first and late units in data", () => {
    expect([data.missing, data.late]).toEqual([["青石镇", "县交通运输局"], ["县教育局"]]);
  });

  it("masks phone numbers in data", () => {
    expect(data.units.map((u) => u.phone)).toEqual([
      null,
      "138****1111",
      "********1234",
      "137****2222",
      "139****5678",
    ]);
  });

  it("lists the unit not required to report apart in data", () => {
    expect(data.excluded).toEqual([
      {
        unit: "县档案馆",
        category: "县直部门",
        reason: { zh: "“是否需每日报送”为否", en: "Marked as not reporting daily" },
      },
    ]);
  });
});

describe("reportStatus issues", () => {
  it("names the sheet and cell of each bad input", () => {
    expect(result.issues.map((i) => [i.code, i.severity, `${i.sheet}!${i.cell}`])).toEqual([
      ["badReportTime", "error", "报送记录!C7"],
      ["zeroWithFigures", "warning", "报送记录!E5"],
      ["unknownUnit", "error", "报送记录!B6"],
      ["duplicateReport", "warning", "报送记录!B8"],
    ]);
  });

  it("points the duplicate at the earliest report kept", () => {
    const dup = result.issues.find((i) => i.code === "duplicateReport");
    expect(dup?.related).toEqual(["报送记录!C5"]);
  });

  it("names the user column that carries a figure in a zero report", () => {
    const log = sheetGrid(
      "记录",
      [...RECORDS_HEADER, "新增病例"],
      [[...recordLine({ type: "零报告" }), 4]]
    );
    const out = planReportStatus(inputOf({}, { 填报单位: rosterGrid(), 报送记录: log }));
    expect(out.issues.map((i) => [i.code, `${i.sheet}!${i.cell}`])).toEqual([
      ["zeroWithFigures", "报送记录!F3"],
    ]);
  });

  it("names a unit listed twice on the roster in 填报单位", () => {
    const roster = [...rosterGrid(), rosterLine({ unit: "城关镇" })];
    const out = planReportStatus(inputOf({}, { 填报单位: roster, 报送记录: recordsGrid() }));
    expect(
      out.issues.filter((i) => i.code === "duplicateUnit").map((i) => `${i.sheet}!${i.cell}`)
    ).toEqual(["填报单位!A9"]);
  });

  it("writes nothing and says what to do when the roster sheet is missing", () => {
    const out = planReportStatus(inputOf({}, { 报送记录: recordsGrid() }));
    expect(out.ops).toEqual([]);
    expect(out.issues.map((i) => [i.code, `${i.sheet}!${i.cell}`])).toEqual([
      ["missingSheet", "填报单位!A1"],
    ]);
  });

  it("counts every unit as not reported, with a warning, when the log sheet is missing", () => {
    const out = planReportStatus(inputOf({}, { 填报单位: rosterGrid() }));
    expect(out.issues.map((i) => [i.code, i.severity])).toEqual([["missingSheet", "warning"]]);
    expect((out.data as ReportStatusData).overall.missing).toBe(5);
  });

  it("passes on a bad parameter and uses the default deadline", () => {
    const params = [["参数"], ["参数", "值"], ["报送截止时间", "十点"]];
    const out = planReportStatus(
      inputOf({}, { 填报单位: rosterGrid(), 报送记录: recordsGrid(), 参数: params })
    );
    expect(out.issues[0]).toMatchObject({ code: "badParameter", sheet: "参数", cell: "B3" });
    expect((out.data as ReportStatusData).deadline).toBe(10 / 24);
  });
});

describe("reportStatus options and parameters", () => {
  it("uses the 报送截止时间 parameter", () => {
    const params = [["参数"], ["参数", "值"], ["报送截止时间", "11:00"]];
    const out = planReportStatus(
      inputOf({}, { 填报单位: rosterGrid(), 报送记录: recordsGrid(), 参数: params })
    );
    expect((out.data as ReportStatusData).late).toEqual([]);
  });

  it("reports on options.reportDate instead of today", () => {
    const out = planReportStatus(inputOf({ options: { reportDate: DAY - 1 } }));
    const d = out.data as ReportStatusData;
    expect(d.reportDate).toBe(DAY - 1);
    expect(d.summary.zh).toBe(
      "11月21日，应报单位5个，已报1个，未报4个：县教育局、城关镇、青石镇、县人民医院。"
    );
  });

  it.each([
    ["no option", undefined, DAY],
    ["a serial", DAY - 3, DAY - 3],
    ["a serial with a time", DAY - 3 + 0.5, DAY - 3],
    ["a date text", "2022-11-20", DAY - 2],
  ])("reads the report date from %s", (_what, reportDate, expected) => {
    const out = runCommand(
      reportStatus,
      inputOf(reportDate === undefined ? {} : { options: { reportDate } })
    );
    expect((out.data as ReportStatusData).reportDate).toBe(expected);
  });

  it("does not run, with an issue about the option, for a report date that is not a date", () => {
    const out = runCommand(reportStatus, inputOf({ options: { reportDate: "明天" } }));
    expect(out.ops).toEqual([]);
    expect(out.data).toBeUndefined();
    expect(out.optionIssues).toEqual([
      expect.objectContaining({ code: "badReportDate", severity: "error", option: "reportDate" }),
    ]);
    expect(out.summary.zh).toContain("报告日期“明天”不是有效日期");
  });
});

describe("报送情况 layout", () => {
  const ops = result.ops;

  it("creates and clears the sheet first", () => {
    expect(ops.slice(0, 2)).toEqual([
      { kind: "ensureSheet", sheet: "报送情况" },
      { kind: "clearSheet", sheet: "报送情况" },
    ]);
  });

  it("writes the dated title, the summary and the unit header in rows 1 to 3", () => {
    expect(blockAt(ops, 1, 1).cells).toEqual([["截至2022年11月22日防疫日报告报送情况"]]);
    expect(blockAt(ops, 2, 1).cells).toEqual([[data.summary.zh]]);
    expect(blockAt(ops, 3, 1).cells).toEqual([
      [
        "序号",
        "单位",
        "单位类别",
        "上级",
        "报送情况",
        "报送时间",
        "是否按时",
        "连续未报天数",
        "联系人",
        "联系电话",
      ],
    ]);
  });

  it("writes the summary in both languages when the language is English", () => {
    const en = planReportStatus(inputOf({ lang: "en" }));
    const text = blockAt(en.ops, 2, 1).cells[0][0] as string;
    expect(text.split("\n")).toEqual([data.summary.zh, data.summary.en]);
  });

  it("lists 未报 first, then 迟报, then 时间不明, then the rest, with phones masked", () => {
    const units = blockAt(ops, 4, 1);
    expect(units.cells).toEqual([
      [1, "青石镇", "乡镇", "平安县", "未报", null, null, 2, "赵军", null],
      [2, "县交通运输局", "县直部门", "县人民政府", "未报", null, null, 1, "张伟", "138****1111"],
      [
        3,
        "县教育局",
        "县直部门",
        "县人民政府",
        "已报",
        at(DAY, 10, 30),
        "迟报",
        0,
        "李娜",
        "********1234",
      ],
      [4, "县人民医院", "医疗机构", "县卫健局", "已报", null, "时间不明", 0, "陈静", "137****2222"],
      [5, "城关镇", "乡镇", "平安县", "零报告", at(DAY, 8), "按时", 0, "王丽", "139****5678"],
    ]);
    expect(units.numberFormats).toEqual({
      byColumn: ["0", null, null, null, null, "mm-dd hh:mm", null, "0", null, "@"],
    });
  });

  it("writes the rates per category under the units, from column B, with formulas and their values", () => {
    // Units end in row 8; one blank row; header in row 10; categories in rows 11-13; 合计 in row 14.
    expect(blockAt(ops, 10, 2).cells).toEqual([
      ["单位类别", "报告率", "及时率", "应报", "已报", "其中零报告", "未报", "迟报", "按时"],
    ]);
    const f = (c: string, r: number) => `=IF(E${r}=0,"",${c}${r}/E${r})`;
    expect(blockAt(ops, 11, 2).cells).toEqual([
      [
        "县直部门",
        { formula: f("F", 11), value: 0.5 },
        { formula: f("J", 11), value: 0 },
        2,
        1,
        0,
        1,
        1,
        0,
      ],
      [
        "乡镇",
        { formula: f("F", 12), value: 0.5 },
        { formula: f("J", 12), value: 0.5 },
        2,
        1,
        1,
        1,
        0,
        1,
      ],
      [
        "医疗机构",
        { formula: f("F", 13), value: 1 },
        { formula: f("J", 13), value: 0 },
        1,
        1,
        0,
        0,
        0,
        0,
      ],
      [
        "合计",
        { formula: f("F", 14), value: 0.6 },
        { formula: f("J", 14), value: 0.2 },
        { formula: "=SUM(E11:E13)", value: 5 },
        { formula: "=SUM(F11:F13)", value: 3 },
        { formula: "=SUM(G11:G13)", value: 1 },
        { formula: "=SUM(H11:H13)", value: 2 },
        { formula: "=SUM(I11:I13)", value: 1 },
        { formula: "=SUM(J11:J13)", value: 1 },
      ],
    ]);
  });

  it("explains the rates under the table", () => {
    expect(blockAt(ops, 15, 2).cells[0][0]).toContain("恰好10:00报送为按时");
  });

  it("lists the units not counted below, with the reason", () => {
    expect(blockAt(ops, 17, 2).cells).toEqual([
      ["不需每日报送或未到起报日期的单位（不计入应报数）"],
    ]);
    expect(blockAt(ops, 19, 2).cells).toEqual([["县档案馆", "县直部门", "“是否需每日报送”为否"]]);
  });

  it("colours the states, the timeliness and the rates", () => {
    const cf = ops.filter((o) => o.kind === "conditionalFormat");
    expect(
      cf.map(
        (o) =>
          o.kind === "conditionalFormat" && [
            o.range,
            o.rules.map((r) => (r.type === "textEquals" ? r.text : r.operator)),
          ]
      )
    ).toEqual([
      ["E4:E8", ["未报", "已报", "零报告"]],
      ["G4:G8", ["迟报", "时间不明", "按时"]],
      ["C11:D14", ["GreaterThanOrEqual", "Between", "LessThan"]],
    ]);
  });

  it("colours the rates against 达标线 and 预警线", () => {
    const rates = ops.find((o) => o.kind === "conditionalFormat" && o.range === "C11:D14");
    expect(rates?.kind === "conditionalFormat" && rates.rules).toEqual([
      expect.objectContaining({ operator: "GreaterThanOrEqual", formula1: "1" }),
      expect.objectContaining({ operator: "Between", formula1: "0.8", formula2: "1" }),
      expect.objectContaining({ operator: "LessThan", formula1: "0.8" }),
    ]);
  });

  it("charts 报告率 and 及时率 by category, without the 合计 row", () => {
    expect(ops.filter((o) => o.kind === "chart")).toEqual([
      {
        kind: "chart",
        sheet: "报送情况",
        type: "barClustered",
        dataRange: "B10:D13",
        title: "各类单位报告率、及时率",
        anchor: "L3",
        name: "报送情况_报告率",
      },
    ]);
  });

  it("prints landscape, one page wide, repeating the title, summary and header rows", () => {
    expect(ops.filter((o) => o.kind === "pageSetup")).toEqual([
      {
        kind: "pageSetup",
        sheet: "报送情况",
        orientation: "Landscape",
        fitToWidth: true,
        printTitleRows: "$1:$3",
      },
    ]);
  });

  it("merges the title and summary across the unit table", () => {
    const merged = ops
      .filter((o) => o.kind === "style" && o.merge)
      .map((o) => o.kind === "style" && o.range);
    expect(merged).toEqual(expect.arrayContaining(["A1:J1", "A2:J2"]));
  });

  it("writes only to 报送情况", () => {
    expect(new Set(ops.map((o) => ("sheet" in o ? o.sheet : "")))).toEqual(new Set(["报送情况"]));
  });

  it("writes no chart and no unit rows when nobody is due", () => {
    const out = planReportStatus(
      inputOf(
        {},
        {
          填报单位: sheetGrid("名单", ROSTER_HEADER, [rosterLine({ daily: "否" })]),
          报送记录: recordsGrid(),
        }
      )
    );
    expect(out.ops.some((o) => o.kind === "chart")).toBe(false);
    expect(blockAt(out.ops, 6, 2).cells[0].slice(0, 4)).toEqual([
      "合计",
      { formula: '=IF(E6=0,"",F6/E6)', value: "" },
      { formula: '=IF(E6=0,"",J6/E6)', value: "" },
      0,
    ]);
  });
});

describe("reportStatus re-run", () => {
  it("changes nothing when run again on the workbook it wrote", () => {
    const input = inputOf();
    const first = planReportStatus(input);
    const written = applyOps(input.snapshot, first.ops);
    const second = planReportStatus({ ...input, snapshot: written });
    expect(pruneUnchanged(second.ops, written)).toEqual([]);
  });

  it("never writes to an input sheet", () => {
    const input = inputOf();
    const written = applyOps(input.snapshot, result.ops);
    expect(written.sheets["填报单位"].values).toEqual(input.snapshot.sheets["填报单位"].values);
    expect(written.sheets["报送记录"].values).toEqual(input.snapshot.sheets["报送记录"].values);
  });
});
