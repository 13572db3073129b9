import type { CellValue, Grid } from "../../src/workbook/cells";
import { runCommand, type CommandInput, type CommandResult } from "../../src/workbook/command";
import { commandById } from "../../src/workbook/commands";
import { pruneUnchanged } from "../../src/workbook/diff";
import {
  displayValue,
  formulaText,
  isFormulaCell,
  type CellWrite,
  type ConditionalFormat,
  type WriteBlock,
  type WriteOp,
} from "../../src/workbook/plan";
import { sheetFromValues, type WorkbookSnapshot } from "../../src/workbook/snapshot";
import { BAD_FILL, GOOD_FILL, WARN_FILL } from "../../src/workbook/styles";
import { TRAFFIC_LIGHTS } from "../../src/workbook/vaccination/rankingSheet";
import {
  planRankVaccination,
  rankVaccination,
  type RankVaccinationData,
} from "../../src/workbook/vaccination/rankVaccination";
import { D, DUE, makeRow, noticeGrid, progressGrid, snapshotOf } from "./fixtures";

function run(
  sheets: Record<string, Grid>,
  options?: Record<string, unknown>
): CommandResult & { data: RankVaccinationData } {
  const input: CommandInput = {
    snapshot: snapshotOf(sheets),
    today: D + 3,
    now: D + 3.4,
    lang: "zh",
    options,
  };
  // As a host runs it: the options parsed first.
  return runCommand(rankVaccination, input) as CommandResult & { data: RankVaccinationData };
}

/** The cell a plan writes at an address, found in its blocks (the last write wins). */
function written(
  ops: readonly WriteOp[],
  sheet: string,
  row: number,
  column: number
): CellWrite | undefined {
  let out: CellWrite | undefined;
  for (const op of ops) {
    if (op.kind !== "block" || op.sheet !== sheet) continue;
    const cell = op.cells[row - op.row]?.[column - op.column];
    if (row >= op.row && column >= op.column && cell !== undefined) out = cell;
  }
  return out;
}

function rowValues(ops: readonly WriteOp[], sheet: string, row: number): CellValue[] {
  return Array.from({ length: 14 }, (_, i) => {
    const cell = written(ops, sheet, row, i + 1);
    return cell === undefined ? null : displayValue(cell);
  });
}

function formulaOf(
  ops: readonly WriteOp[],
  sheet: string,
  row: number,
  column: number
): string | undefined {
  const cell = written(ops, sheet, row, column);
  return isFormulaCell(cell) ? cell.formula : undefined;
}

/** The workbook after the plan is carried out on the sheets it wrote (values and formulas only). */
function applied(before: WorkbookSnapshot, ops: readonly WriteOp[]): WorkbookSnapshot {
  const sheets = { ...before.sheets };
  for (const op of ops) {
    if (op.kind === "clearSheet" || (op.kind === "ensureSheet" && !sheets[op.sheet]))
      sheets[op.sheet] = { name: op.sheet, values: [], formulas: [] };
    if (op.kind !== "block") continue;
    const s = sheets[op.sheet];
    op.cells.forEach((line, i) =>
      line.forEach((cell, j) => {
        const r = op.row - 1 + i;
        const c = op.column - 1 + j;
        for (const grid of [s.values, s.formulas]) while (grid.length <= r) grid.push([]);
        s.values[r][c] = displayValue(cell);
        s.formulas[r][c] = formulaText(cell);
      })
    );
  }
  return { ...before, sheetNames: Object.keys(sheets), sheets };
}

const SHEET = "接种排名";

describe("生成接种排名: the sheet", () => {
  const result = run({ 接种进度: noticeGrid() });
  const { ops } = result;

  it("is registered as rankVaccination", () => {
    expect(commandById("rankVaccination")).toBe(rankVaccination);
  });

  it("replaces the sheet: it is ensured and cleared before anything is written", () => {
    expect(ops.slice(0, 2)).toEqual([
      { kind: "ensureSheet", sheet: SHEET },
      { kind: "clearSheet", sheet: SHEET },
    ]);
    expect(ops.every((op) => !("sheet" in op) || op.sheet === SHEET)).toBe(true);
  });

  it("writes the title in row 1, merged across the table", () => {
    expect(written(ops, SHEET, 1, 1)).toBe("截至2022年1月20日新冠疫苗接种情况排名");
    expect(ops).toContainEqual(
      expect.objectContaining({ kind: "style", range: "A1:N1", merge: true, bold: true })
    );
  });

  it("writes the notice above the table, one line a row, and puts it in data for the copy button", () => {
    const lines = result.data.notice.paragraphs.flatMap((p) => p.zh);
    expect(lines).toHaveLength(8);
    lines.forEach((line, i) => expect(written(ops, SHEET, 2 + i, 1)).toBe(line));
    expect(
      result.data.notice.text.zh.startsWith("截至1月20日，平安县18岁以上人群目标任务37,500人")
    ).toBe(true);
    expect(result.data.layout.noticeRows).toEqual({ first: 2, last: 9 });
  });

  it("writes the group caption and the fourteen column headers", () => {
    expect(written(ops, SHEET, 11, 1)).toBe("18岁以上人群（按全程完成率排名）");
    expect(rowValues(ops, SHEET, 12)).toEqual([
      "排名",
      "县(区)",
      "乡镇",
      "目标人数",
      "第一剂累计",
      "第一剂完成率",
      "全程累计",
      "全程完成率",
      "加强针累计",
      "加强完成率",
      "当日到期",
      "当日全程",
      "当日完成率",
      "排名变化",
    ]);
  });

  it("sorts townships by rank within their county, then the unranked, then 未报送", () => {
    const names = Array.from({ length: 15 }, (_, i) => [
      written(ops, SHEET, 13 + i, 1),
      written(ops, SHEET, 13 + i, 3),
    ]);
    expect(names).toEqual([
      [1, "南山乡"],
      [2, "东城镇"],
      [3, "西城镇"],
      [3, "红星镇"],
      [5, "青云乡"],
      [5, "石门乡"],
      [7, "中和镇"],
      [8, "北湖乡"],
      ["目标缺失", "白沙镇"],
      ["未报送", "新安乡"],
      ["全市第2位", "合计"],
      [1, "山前乡"],
      [2, "河口镇"],
      ["全市第1位", "合计"],
      [null, "合计"],
    ]);
  });

  it.each<[string, number, CellValue[]]>([
    // 南山乡: 5,150 and 5,100 of 5,000; due 40 (4,800 − 4,760), done 40 (5,100 − 5,060); 1st yesterday too.
    [
      "a township above 100%",
      13,
      [1, "平安县", "南山乡", 5000, 5150, 1.03, 5100, 1.02, null, "", 40, 40, 1, "–"],
    ],
    // 石门乡: 85.0% today (5th), 84.0% yesterday (7th of nine, 新安乡 then ranked).
    [
      "a township that climbed",
      18,
      [5, "平安县", "石门乡", 4000, 3600, 0.9, 3400, 0.85, null, "", 40, 40, 1, "↑2"],
    ],
    [
      "a township with a target of 0",
      21,
      ["目标缺失", "平安县", "白沙镇", 0, 1000, "", 900, "", null, "", 10, 10, 1, ""],
    ],
    [
      "a township that did not report",
      22,
      ["未报送", "平安县", "新安乡", null, null, "", null, "", null, "", null, null, "", ""],
    ],
  ])("writes the figures of %s", (_case, row, expected) => {
    expect(rowValues(ops, SHEET, row)).toEqual(expected);
  });

  it('computes each rate with a formula over the row\'s own cells, "" when the target is 0', () => {
    expect(formulaOf(ops, SHEET, 13, 8)).toBe(
      '=IF(AND(ISNUMBER(D13),D13>0,ISNUMBER(G13)),G13/D13,"")'
    );
    expect(formulaOf(ops, SHEET, 21, 6)).toBe(
      '=IF(AND(ISNUMBER(D21),D21>0,ISNUMBER(E21)),E21/D21,"")'
    );
    expect(formulaOf(ops, SHEET, 13, 13)).toBe(
      '=IF(AND(ISNUMBER(K13),K13>0,ISNUMBER(L13)),L13/K13,"")'
    );
  });

  it("totals the county from sums of its township rows, leaving out targets of 0", () => {
    expect(rowValues(ops, SHEET, 23)).toEqual([
      "全市第2位",
      "平安县",
      "合计",
      37_500,
      35_550,
      35_550 / 37_500,
      34_115,
      34_115 / 37_500,
      "",
      "",
      355,
      310,
      310 / 355,
      null,
    ]);
    expect(formulaOf(ops, SHEET, 23, 4)).toBe('=SUMIF(D13:D22,">0")');
    expect(formulaOf(ops, SHEET, 23, 5)).toBe(
      '=IF(COUNT(E13:E22)=0,"",SUMIF(D13:D22,">0",E13:E22))'
    );
    expect(formulaOf(ops, SHEET, 23, 11)).toBe(
      '=IF(COUNTIF(K13:K22,"未知")+COUNTIF(L13:L22,"未知")>0,"未知",SUM(K13:K22))'
    );
  });

  it("totals the city from the county rows", () => {
    expect(rowValues(ops, SHEET, 27).slice(1, 13)).toEqual([
      "全市",
      "合计",
      57_500,
      54_160,
      54_160 / 57_500,
      52_415,
      52_415 / 57_500,
      "",
      "",
      555,
      510,
      510 / 555,
    ]);
    expect(formulaOf(ops, SHEET, 27, 4)).toBe("=SUM(D23,D26)");
    expect(formulaOf(ops, SHEET, 27, 11)).toBe(
      '=IF(AND(ISNUMBER(K23),ISNUMBER(K26)),SUM(K23,K26),"未知")'
    );
  });

  it("shows counts with thousands separators and rates with one decimal", () => {
    const block = ops.find(
      (op): op is WriteBlock => op.kind === "block" && op.row === 11
    ) as WriteBlock;
    expect(block.numberFormats).toEqual({
      byColumn: [
        null,
        null,
        null,
        "#,##0",
        "#,##0",
        "0.0%",
        "#,##0",
        "0.0%",
        "#,##0",
        "0.0%",
        "#,##0",
        "#,##0",
        "0.0%",
        null,
      ],
    });
  });

  it("colours the four rate columns with traffic lights from 达标线 and 预警线", () => {
    const cf = ops.filter((op): op is ConditionalFormat => op.kind === "conditionalFormat");
    expect(cf.map((c) => c.range)).toEqual(["F13:F27", "H13:H27", "J13:J27", "M13:M27"]);
    expect(cf.every((c) => c.rules === TRAFFIC_LIGHTS)).toBe(true);
    expect(
      TRAFFIC_LIGHTS.map((r) =>
        r.type === "cellValue" ? [r.operator, r.formula1, r.formula2, r.fill] : r.type
      )
    ).toEqual([
      ["Between", "=达标线", "=1E+300", GOOD_FILL],
      ["Between", "=预警线", "=达标线-1E-9", WARN_FILL],
      ["LessThan", "=预警线", undefined, BAD_FILL],
    ]);
  });

  it("fills the best three (with ties) green and the worst three (with ties) red", () => {
    const fills = ops.filter(
      (op) => op.kind === "style" && op.fill !== undefined && op.range !== "A12:N12"
    );
    expect(fills.map((op) => op.kind === "style" && [op.range, op.fill])).toEqual([
      ["A13:C16", GOOD_FILL],
      ["A24:C25", GOOD_FILL],
      ["A17:C20", BAD_FILL],
      ["P12:Q12", expect.any(String)],
    ]);
  });

  it("adds a bar chart of the chosen rate by township, from chart data beside the table", () => {
    expect(ops).toContainEqual({
      kind: "chart",
      sheet: SHEET,
      type: "barClustered",
      dataRange: "P12:Q22",
      title: "18岁以上人群全程完成率",
      anchor: "S11",
      name: "接种排名图_18岁以上",
    });
    expect(written(ops, SHEET, 12, 16)).toBe("乡镇");
    expect(written(ops, SHEET, 13, 17)).toEqual({ formula: "=H13", value: 1.02 });
    expect(written(ops, SHEET, 22, 16)).toBe("河口镇");
  });

  it("notes the township above 100% under the block", () => {
    expect(written(ops, SHEET, 28, 1)).toBe(
      "注：南山乡第一剂完成率、全程完成率超过100%（超目标），请核实目标人数是否偏小。"
    );
  });

  it("prints landscape, fitted to the page width, with the title repeated", () => {
    expect(ops[ops.length - 1]).toEqual({
      kind: "pageSetup",
      sheet: SHEET,
      orientation: "Landscape",
      fitToWidth: true,
      printTitleRows: "$1:$1",
    });
  });

  it("names the input cells of its issues", () => {
    expect(result.issues.map((i) => `${i.sheet}!${i.cell} ${i.code}`)).toEqual([
      "接种进度!E12 targetZero",
      "接种进度!E24 targetZero",
      "接种进度!E36 targetZero",
      "接种进度!E47 targetZero",
      "接种进度!E41 overTarget",
    ]);
  });

  it("hands the task pane the dates (latest first), groups and counties", () => {
    expect(result.data.dates).toEqual([D, D - 1, DUE, DUE - 1]);
    expect(result.data.groups).toEqual(["18岁以上"]);
    expect(result.data.counties).toEqual(["平安县", "康宁县"]);
    expect(result.data.sheet).toBe(SHEET);
    expect(result.focus).toEqual({ sheet: SHEET, cell: "A1" });
    expect(result.summary.zh).toBe(
      "已生成2022年1月20日接种排名（接种排名）：1个人群，12个乡镇，其中1个有未报送的人群"
    );
  });

  it("changes nothing when run again on the sheet it wrote", () => {
    const before = snapshotOf({ 接种进度: noticeGrid() });
    const after = applied(before, ops);
    const again = planRankVaccination({ snapshot: after, today: D + 3, now: D + 3.5, lang: "zh" });
    expect(pruneUnchanged(again.ops, after)).toEqual([]);
  });

  it("rewrites the sheet whole when a figure changed", () => {
    const before = snapshotOf({ 接种进度: noticeGrid() });
    const after = applied(before, ops);
    const grid = noticeGrid();
    const last = grid[grid.length - 1];
    last[6] = (last[6] as number) + 10;
    after.sheets["接种进度"] = sheetFromValues("接种进度", grid);
    const again = planRankVaccination({ snapshot: after, today: D + 3, now: D + 3.5, lang: "zh" });
    // The sheet exists, so only its ensureSheet is dropped; it is cleared and written anew.
    expect(pruneUnchanged(again.ops, after)[0]).toEqual({ kind: "clearSheet", sheet: SHEET });
  });
});

describe("生成接种排名: choices", () => {
  it.each([
    ["a serial", D - 1],
    ["date text", "2022/1/19"],
  ])("writes another date, given as %s, to its own sheet", (_case, reportDate) => {
    const result = run({ 接种进度: noticeGrid() }, { reportDate });
    expect(result.data.sheet).toBe("接种排名_1月19日");
    expect(result.ops[0]).toEqual({ kind: "ensureSheet", sheet: "接种排名_1月19日" });
    expect(written(result.ops, "接种排名_1月19日", 1, 1)).toBe(
      "截至2022年1月19日新冠疫苗接种情况排名"
    );
  });

  it("reads the dated sheet too, so a re-run for that date can be compared", () => {
    expect(rankVaccination.reads({ reportDate: D - 1 })).toEqual([
      "接种进度",
      "参数",
      "接种排名",
      "接种排名_1月19日",
    ]);
    expect(rankVaccination.reads()).toEqual(["接种进度", "参数", "接种排名"]);
  });

  it("writes the latest date, chosen explicitly, to 接种排名", () => {
    expect(run({ 接种进度: noticeGrid() }, { reportDate: D }).data.sheet).toBe("接种排名");
  });

  it("refuses a date with no rows, writing nothing", () => {
    const result = run({ 接种进度: noticeGrid() }, { reportDate: D - 5 });
    expect(result.ops).toEqual([]);
    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: "noDataForDate", severity: "error" })
    );
  });

  it("ranks on the chosen metric", () => {
    const result = run({ 接种进度: noticeGrid() }, { metric: "第一剂完成率" });
    expect(written(result.ops, SHEET, 11, 1)).toBe("18岁以上人群（按第一剂完成率排名）");
    expect(written(result.ops, SHEET, 13, 3)).toBe("南山乡");
    expect(result.ops).toContainEqual(
      expect.objectContaining({ kind: "chart", title: "18岁以上人群第一剂完成率" })
    );
    expect(written(result.ops, SHEET, 13, 17)).toEqual({ formula: "=F13", value: 1.03 });
  });

  it("falls back to the full-course rate for an unknown metric, with a warning", () => {
    const result = run({ 接种进度: noticeGrid() }, { metric: "速度" });
    expect(result.data.metric).toBe("full");
    expect(result.optionIssues).toContainEqual(
      expect.objectContaining({ code: "badOption", severity: "warning", option: "metric" })
    );
  });

  it("writes the notice for the chosen county only", () => {
    const result = run({ 接种进度: noticeGrid() }, { counties: ["康宁县"] });
    expect(result.data.notice.paragraphs.map((p) => p.county)).toEqual(["康宁县"]);
    expect(result.data.notice.text.zh).not.toContain("平安县");
  });

  it("takes the tie rule from the 参数 sheet", () => {
    const params = [["参数表"], ["参数", "值"], ["排名方式", "并列不占位"]];
    const result = run({ 接种进度: noticeGrid(), 参数: params });
    expect(written(result.ops, SHEET, 17, 1)).toBe(4);
    expect(result.data.report.tieRule).toBe("并列不占位");
  });

  it("takes the second-dose interval from the 参数 sheet", () => {
    const params = [["参数表"], ["参数", "值"], ["第二剂接种间隔天数", 22]];
    const result = run({ 接种进度: noticeGrid(), 参数: params });
    expect(result.data.report.dueDate).toBe(DUE - 1);
    expect(written(result.ops, SHEET, 13, 11)).toBe("未知");
  });

  it("passes on the 参数 sheet's issues", () => {
    const params = [["参数表"], ["参数", "值"], ["排名方式", "随便"]];
    const result = run({ 接种进度: noticeGrid(), 参数: params });
    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: "badParameter", sheet: "参数", cell: "B3" })
    );
  });
});

describe("生成接种排名: bad input", () => {
  it("writes nothing and says why when 接种进度 is missing", () => {
    const result = run({});
    expect(result.ops).toEqual([]);
    expect(result.issues).toEqual([
      expect.objectContaining({ code: "missingSheet", sheet: "接种进度", cell: "A1" }),
    ]);
    expect(result.summary.zh).toContain("未生成接种排名");
  });

  it("writes nothing when the table has no usable rows", () => {
    const result = run({ 接种进度: progressGrid([]) });
    expect(result.ops).toEqual([]);
    expect(result.issues).toEqual([expect.objectContaining({ code: "noData" })]);
  });

  it("reports a missing required column once, not once per row", () => {
    const grid = progressGrid(
      [
        [D, "东城镇", "18岁以上", 1000, 900],
        [D, "西城镇", "18岁以上", 1000, 900],
      ],
      ["日期", "乡镇", "人群", "目标人数", "第一剂累计"]
    );
    const result = run({ 接种进度: grid });
    expect(result.issues.filter((i) => i.severity === "error").map((i) => i.code)).toEqual([
      "missingColumn",
    ]);
  });

  it("still ranks the valid rows when another row is bad", () => {
    const result = run({
      接种进度: progressGrid([
        makeRow({ township: "甲镇", full: 800 }),
        makeRow({ township: "乙镇", full: "八百" }),
        makeRow({ township: "丙镇", full: 700 }),
      ]),
    });
    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: "notANumber", cell: "G4" })
    );
    expect(result.data.report.groups[0].areas[0].units.map((u) => [u.township, u.rank])).toEqual([
      ["甲镇", 1],
      ["丙镇", 2],
      ["乙镇", null],
    ]);
  });

  it("shows 未知 for unknown due counts and explains it under the block", () => {
    // Title, three notice lines, a blank row, caption (6), header (7), the township (8), 合计 (9), note (10).
    const result = run({ 接种进度: progressGrid([makeRow()]) });
    expect(written(result.ops, SHEET, 8, 11)).toBe("未知");
    expect(written(result.ops, SHEET, 9, 11)).toEqual(expect.objectContaining({ value: "未知" }));
    expect(written(result.ops, SHEET, 10, 1)).toBe(
      "注：“未知”表示缺少12月30日（21天前）或前一日的数据，当日到期或当日全程无法得出，请补录后重新生成。"
    );
  });
});
