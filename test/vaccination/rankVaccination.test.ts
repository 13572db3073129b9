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

  it("writes the 通报 after the tables, one wrapped paragraph a row, and puts it in data for the copy button", () => {
    const paragraphs = result.data.notice.paragraphs.map((p) => p.zh.join(""));
    expect(paragraphs).toHaveLength(2);
    const rows = result.data.layout.noticeRows as { first: number; last: number };
    const lastTableRow = Math.max(...result.data.layout.blocks.map((b) => b.lastRow));
    expect(rows.first).toBeGreaterThan(lastTableRow);
    expect(written(ops, SHEET, rows.first - 1, 1)).toBe("通报");
    paragraphs.forEach((p, i) => expect(written(ops, SHEET, rows.first + i, 1)).toBe(p));
    expect(rows.last).toBe(rows.first + 1);
    expect(ops).toContainEqual(
      expect.objectContaining({
        kind: "style",
        range: `A${rows.first}:N${rows.first}`,
        merge: true,
        wrap: true,
      })
    );
    const setup = ops.find((op) => op.kind === "pageSetup");
    expect(setup).toMatchObject({ rowBreaks: expect.arrayContaining([rows.first - 1]) });
    expect(
      result.data.notice.text.zh.startsWith("截至1月20日，平安县18岁以上人群目标任务37,500人")
    ).toBe(true);
  });

  it("writes the group caption and the fourteen column headers", () => {
    expect(written(ops, SHEET, 3, 1)).toBe("18岁以上人群（按全程完成率排名）");
    expect(rowValues(ops, SHEET, 4)).toEqual([
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
      written(ops, SHEET, 5 + i, 1),
      written(ops, SHEET, 5 + i, 3),
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
      5,
      [1, "平安县", "南山乡", 5000, 5150, 1.03, 5100, 1.02, null, "", 40, 40, 1, "–"],
    ],
    // 石门乡: 85.0% today (5th), 84.0% yesterday (7th of nine, 新安乡 then ranked).
    [
      "a township that climbed",
      10,
      [5, "平安县", "石门乡", 4000, 3600, 0.9, 3400, 0.85, null, "", 40, 40, 1, "↑2"],
    ],
    [
      "a township with a target of 0",
      13,
      ["目标缺失", "平安县", "白沙镇", 0, 1000, "", 900, "", null, "", 10, 10, 1, ""],
    ],
    [
      "a township that did not report",
      14,
      ["未报送", "平安县", "新安乡", null, null, "", null, "", null, "", null, null, "", ""],
    ],
  ])("writes the figures of %s", (_case, row, expected) => {
    expect(rowValues(ops, SHEET, row)).toEqual(expected);
  });

  it('computes each rate with a formula over the row\'s own cells, "" when the target is 0', () => {
    expect(formulaOf(ops, SHEET, 5, 8)).toBe('=IF(AND(ISNUMBER(D5),D5>0,ISNUMBER(G5)),G5/D5,"")');
    expect(formulaOf(ops, SHEET, 13, 6)).toBe(
      '=IF(AND(ISNUMBER(D13),D13>0,ISNUMBER(E13)),E13/D13,"")'
    );
    expect(formulaOf(ops, SHEET, 5, 13)).toBe('=IF(AND(ISNUMBER(K5),K5>0,ISNUMBER(L5)),L5/K5,"")');
  });

  it("totals the county from sums of its township rows, leaving out targets of 0", () => {
    expect(rowValues(ops, SHEET, 15)).toEqual([
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
    expect(formulaOf(ops, SHEET, 15, 4)).toBe('=SUMIF(D5:D14,">0")');
    expect(formulaOf(ops, SHEET, 15, 5)).toBe('=IF(COUNT(E5:E14)=0,"",SUMIF(D5:D14,">0",E5:E14))');
    expect(formulaOf(ops, SHEET, 15, 11)).toBe(
      '=IF(COUNTIF(K5:K14,"未知")+COUNTIF(L5:L14,"未知")>0,"未知",SUM(K5:K14))'
    );
  });

  it("totals the city from the county rows", () => {
    expect(rowValues(ops, SHEET, 19).slice(1, 13)).toEqual([
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
    expect(formulaOf(ops, SHEET, 19, 4)).toBe("=SUM(D15,D18)");
    expect(formulaOf(ops, SHEET, 19, 11)).toBe(
      '=IF(AND(ISNUMBER(K15),ISNUMBER(K18)),SUM(K15,K18),"未知")'
    );
  });

  it("shows counts with thousands separators and rates with one decimal", () => {
    const block = ops.find(
      (op): op is WriteBlock => op.kind === "block" && op.row === 5
    ) as WriteBlock;
    expect(block.numberFormats).toEqual({
      byColumn: [
        "0",
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
    expect(cf.map((c) => c.range)).toEqual(["F5:F19", "H5:H19", "J5:J19", "M5:M19"]);
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
      (op) => op.kind === "style" && op.fill !== undefined && op.range !== "A4:N4"
    );
    expect(fills.map((op) => op.kind === "style" && [op.range, op.fill])).toEqual([
      ["A5:C8", GOOD_FILL],
      ["A16:C17", GOOD_FILL],
      ["A9:C12", BAD_FILL],
      ["P6:Q6", expect.any(String)],
    ]);
  });

  it("adds a bar chart of the chosen rate by township, from chart data outside the print area", () => {
    expect(ops).toContainEqual({
      kind: "chart",
      sheet: SHEET,
      type: "barClustered",
      dataRange: "P6:Q16",
      title: "18岁以上人群全程完成率",
      anchor: "S3",
      name: "接种排名图_18岁以上",
    });
    // Never beside the table's header row (4): a caption and the chart header below it.
    expect(written(ops, SHEET, 4, 16)).toBeUndefined();
    expect(written(ops, SHEET, 5, 16)).toBe("图表数据（不打印）");
    expect(written(ops, SHEET, 6, 16)).toBe("乡镇");
    expect(written(ops, SHEET, 7, 17)).toEqual({ formula: "=H5", value: 1.02 });
    expect(written(ops, SHEET, 16, 16)).toBe("河口镇");
    const setup = ops.find((op) => op.kind === "pageSetup");
    expect(setup).toMatchObject({ printArea: expect.stringMatching(/^A1:N\d+$/) });
  });

  it("notes the township above 100% under the block", () => {
    expect(written(ops, SHEET, 20, 1)).toBe(
      "注：南山乡第一剂完成率、全程完成率超过100%（超目标），请核实目标人数是否偏小。"
    );
  });

  it("prints on A4 landscape, one page wide, with binding margins, a dated footer and the header repeated", () => {
    expect(ops[ops.length - 1]).toEqual(
      expect.objectContaining({
        kind: "pageSetup",
        sheet: SHEET,
        orientation: "Landscape",
        fitToWidth: true,
        paperSize: "A4",
        margins: expect.objectContaining({ left: 72 }),
        footer: { center: "第{page}页 共{pages}页", right: "截至2022年1月20日" },
      })
    );
    // One age group, one table: its header row repeats on every page.
    expect(ops[ops.length - 1]).toMatchObject({ printTitleRows: "$4:$4" });
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
      "Vaccination progress",
      "参数",
      "接种排名",
      "接种排名_1月19日",
    ]);
    expect(rankVaccination.reads()).toEqual([
      "接种进度",
      "Vaccination progress",
      "参数",
      "接种排名",
    ]);
  });

  it("reads 接种进度 under its English name too, as the schema accepts, and names that sheet in issues", () => {
    const result = run({ "Vaccination progress": noticeGrid() });
    expect(result.data.sheet).toBe(SHEET);
    expect(result.issues.every((i) => i.sheet !== "接种进度")).toBe(true);
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
    const b = result.data.layout.blocks[0];
    expect(written(result.ops, SHEET, b.captionRow, 1)).toBe("18岁以上人群（按第一剂完成率排名）");
    expect(written(result.ops, SHEET, b.firstRow, 3)).toBe("南山乡");
    expect(result.ops).toContainEqual(
      expect.objectContaining({ kind: "chart", title: "18岁以上人群第一剂完成率" })
    );
    // Chart data: a caption and a header beside the first lines, then one township a row.
    expect(written(result.ops, SHEET, b.firstRow + 2, 17)).toEqual({
      formula: `=F${b.firstRow}`,
      value: 1.03,
    });
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
    expect(written(result.ops, SHEET, result.data.layout.blocks[0].firstRow + 4, 1)).toBe(4);
    expect(result.data.report.tieRule).toBe("并列不占位");
  });

  it("takes the second-dose interval from the 参数 sheet", () => {
    const params = [["参数表"], ["参数", "值"], ["第二剂接种间隔天数", 22]];
    const result = run({ 接种进度: noticeGrid(), 参数: params });
    expect(result.data.report.dueDate).toBe(DUE - 1);
    expect(written(result.ops, SHEET, result.data.layout.blocks[0].firstRow, 11)).toBe("未知");
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
    // The township, its 合计, then the note right under the table.
    const result = run({ 接种进度: progressGrid([makeRow()]) });
    const b = result.data.layout.blocks[0];
    expect(written(result.ops, SHEET, b.firstRow, 11)).toBe("未知");
    expect(written(result.ops, SHEET, b.firstRow + 1, 11)).toEqual(
      expect.objectContaining({ value: "未知" })
    );
    expect(written(result.ops, SHEET, b.lastRow + 1, 1)).toBe(
      "注：“未知”表示缺少12月30日（21天前）或前一日的数据，当日到期或当日全程无法得出，请补录后重新生成。"
    );
  });
});
