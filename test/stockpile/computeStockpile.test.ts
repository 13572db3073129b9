import type { CellValue } from "../../src/workbook/cells";
import { pruneUnchanged } from "../../src/workbook/diff";
import { HISTORY_SHEET } from "../../src/workbook/history";
import { isFormulaCell, type WriteOp } from "../../src/workbook/plan";
import {
  computeStockpile,
  planComputeStockpile,
  type StockpileData,
} from "../../src/workbook/stockpile/computeStockpile";
import { applyOps } from "../../src/workbook/applyOps";
import {
  blocksOf,
  catalogueValues,
  commandInput,
  makeRow,
  OUT,
  reserveValues,
  reserveWorkbook,
  workbook,
  writtenFormula,
  writtenValue,
} from "./fixtures";

const run = (rows: CellValue[][], options?: Record<string, unknown>) =>
  planComputeStockpile(commandInput(reserveWorkbook(rows), options));

const issueAt = (issues: { sheet: string; cell: string; code: string }[]) =>
  issues.map((i) => `${i.sheet}!${i.cell}:${i.code}`);

describe("computeStockpile", () => {
  it("reads the reserve, catalogue, log, parameters, history and summary sheets", () => {
    expect(computeStockpile.reads()).toEqual([
      "物资储备",
      "物资目录",
      "库存日志",
      "参数",
      "历史记录",
      "物资汇总",
    ]);
    expect(computeStockpile.label.zh).toBe("计算物资储备");
  });
});

describe("the output columns of 物资储备", () => {
  it("appends the output headers after the last used header cell, with the output header style", () => {
    const { ops } = run([makeRow()]);
    const header = blocksOf(ops, "物资储备").find((b) => b.row === 2);
    expect(header).toMatchObject({
      column: 10,
      cells: [
        [
          "执行标准",
          "储备天数",
          "执行定额",
          "日需求量",
          "目标储备量",
          "缺口",
          "可保障天数",
          "达标率",
          "状态",
        ],
      ],
    });
    expect(ops).toContainEqual(
      expect.objectContaining({
        kind: "style",
        sheet: "物资储备",
        range: "J2:R2",
        fill: "#E2EFDA",
        fontColor: "#375623",
      })
    );
  });

  it("colours 状态 green, amber and red with textEquals rules over the whole column", () => {
    const { ops } = run([makeRow()]);
    expect(ops).toContainEqual({
      kind: "conditionalFormat",
      sheet: "物资储备",
      range: "R3:R1048576",
      rules: [
        { type: "textEquals", text: "达标", fill: "#C6EFCE", fontColor: "#006100" },
        { type: "textEquals", text: "预警", fill: "#FFEB9C", fontColor: "#9C5700" },
        { type: "textEquals", text: "不足", fill: "#FFC7CE", fontColor: "#9C0006" },
      ],
    });
  });

  it("writes one block of formulas over every data row, with number formats per column", () => {
    const { ops } = run([
      makeRow({ unit: "甲" }),
      makeRow({ unit: "乙" }),
      makeRow({ unit: "丙" }),
    ]);
    const data = blocksOf(ops, "物资储备").filter((b) => b.row > 2);
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({ row: 3, column: 10 });
    expect(data[0].cells).toHaveLength(3);
    expect(data[0].numberFormats).toEqual({
      byColumn: [
        "General",
        "0",
        "General",
        "General",
        "#,##0",
        "General",
        "0.0",
        "0.0%",
        "General",
      ],
    });
  });

  it("skips blank rows, splitting the block around them", () => {
    const { ops } = run([makeRow({ unit: "甲" }), [], makeRow({ unit: "乙" })]);
    const data = blocksOf(ops, "物资储备").filter((b) => b.row > 2);
    expect(data.map((b) => [b.row, b.cells.length])).toEqual([
      [3, 1],
      [5, 1],
    ]);
  });

  it("reuses output columns already in the header and appends only the missing ones, never over a user column", () => {
    const header = [
      "序号",
      "单位",
      "单位类别",
      "物资名称",
      "保障人数",
      "现有库存",
      "目标储备量",
      "备注",
    ];
    const snapshot = workbook({
      物资储备: reserveValues(
        [[1, "城关镇", "乡镇", "医用外科口罩", 50, 2400, null, "仓库在二楼"]],
        header
      ),
    });
    const { ops } = planComputeStockpile(commandInput(snapshot));
    expect(writtenFormula(ops, "物资储备", 3, 7)).toMatch(/ROUNDUP\(L3\*J3,0\)/);
    expect(writtenValue(ops, "物资储备", 3, 7)).toBe(3000);
    const written = blocksOf(ops, "物资储备").flatMap((b) =>
      b.cells[0].map((_, j) => b.column + j)
    );
    expect(written).not.toContain(1);
    expect(written).not.toContain(8);
    expect(blocksOf(ops, "物资储备").find((b) => b.row === 2)).toMatchObject({
      column: 9,
      cells: [
        ["执行标准", "储备天数", "执行定额", "日需求量", "缺口", "可保障天数", "达标率", "状态"],
      ],
    });
  });

  it("references the input columns where the header puts them", () => {
    const header = ["序号", "单位", "单位类别", "物资名称", "保障人数", "现有库存"];
    const snapshot = workbook({
      物资储备: reserveValues([[1, "城关镇", "乡镇", "医用外科口罩", 50, 2400]], header),
    });
    const { ops } = planComputeStockpile(commandInput(snapshot));
    // outputs from G: 执行标准 G, 储备天数 H, 执行定额 I, 日需求量 J, 目标储备量 K, 缺口 L
    expect(writtenFormula(ops, "物资储备", 3, 12)).toBe(
      '=IFERROR(IF(AND(ISNUMBER(K3),ISNUMBER(F3)),IF(F3>=0,MAX(0,K3-F3),""),""),"")'
    );
    expect(writtenValue(ops, "物资储备", 3, 12)).toBe(600);
  });

  it("finds the header under any number of title rows", () => {
    const values = [
      ["平安县"],
      ["物资储备情况表"],
      ["（单位：只、升）"],
      ...reserveValues([makeRow()]).slice(1),
    ];
    const { ops } = planComputeStockpile(commandInput(workbook({ 物资储备: values })));
    expect(writtenValue(ops, "物资储备", 5, OUT.target)).toBe(3000);
  });

  it("never writes an input cell", () => {
    const { ops } = run([
      makeRow(),
      makeRow({ unit: "乙", stock: -1 }),
      makeRow({ unit: "丙", item: "口罩" }),
    ]);
    for (const b of blocksOf(ops, "物资储备")) {
      if (b.row === 2) continue;
      expect(b.column).toBeGreaterThanOrEqual(OUT.standard);
    }
  });
});

describe("bad input", () => {
  it.each([
    ["a negative stock", { stock: -5 }, "物资储备!H3:belowMin"],
    ["a non-numeric stock", { stock: "约100" }, "物资储备!H3:notANumber"],
    ["a negative persons count", { persons: -1 }, "物资储备!E3:belowMin"],
    ["a non-numeric in-transit quantity", { inTransit: "若干" }, "物资储备!I3:notANumber"],
    ["a negative norm override", { norm: -2 }, "物资储备!F3:belowMin"],
    ["an unknown item", { item: "口罩" }, "物资储备!C3:unknownItem"],
    ["an unknown category", { category: "社区" }, "物资储备!B3:unknownValue"],
    ["an unknown standard", { standard: "紧急" }, "物资储备!G3:unknownValue"],
    ["a blank category", { category: null }, "物资储备!B3:required"],
    ["保障人数 blank with 现有库存 given", { persons: null }, "物资储备!E3:personsMissing"],
    ["a number typed as text", { stock: "2400" }, "物资储备!H3:numberStoredAsText"],
  ])("reports %s with its sheet and cell", (_, overrides, expected) => {
    const { issues } = run([makeRow(overrides)]);
    expect(issueAt(issues)).toEqual([expected]);
  });

  it("says what to fix in Chinese first and English second", () => {
    const { issues } = run([makeRow({ item: "口罩" })]);
    expect(issues[0].message.zh).toContain("不在物资目录中");
    expect(issues[0].message.en).toContain("not in 物资目录");
  });

  it("reports a duplicate (单位, 物资名称) on the later row, pointing at the first", () => {
    const { issues } = run([makeRow(), makeRow({ stock: 10 })]);
    expect(issues).toEqual([
      expect.objectContaining({ code: "duplicateRow", cell: "C4", related: ["物资储备!C3"] }),
    ]);
  });

  it("reports a catalogue norm missing for the chosen standard, pointing at the catalogue cell", () => {
    const catalogue = catalogueValues();
    catalogue[2][3] = null; // 医用外科口罩, routine norm
    const snapshot = workbook({ 物资目录: catalogue, 物资储备: reserveValues([makeRow()]) });
    const { issues, ops } = planComputeStockpile(commandInput(snapshot));
    expect(issues).toEqual([
      expect.objectContaining({
        code: "normMissing",
        sheet: "物资储备",
        cell: "F3",
        related: ["物资目录!D3"],
      }),
    ]);
    expect(writtenValue(ops, "物资储备", 3, OUT.target)).toBe("");
  });

  it("still computes the valid rows and gives the bad ones a formula that yields blank", () => {
    const { ops } = run([makeRow({ unit: "甲", stock: -5 }), makeRow({ unit: "乙" })]);
    expect(writtenFormula(ops, "物资储备", 3, OUT.gap)).toMatch(/^=/);
    expect(writtenValue(ops, "物资储备", 3, OUT.gap)).toBe("");
    expect(writtenValue(ops, "物资储备", 4, OUT.gap)).toBe(600);
  });

  it("reports a missing 现有库存 column and writes no outputs", () => {
    const header = ["单位", "单位类别", "物资名称", "保障人数"];
    const snapshot = workbook({
      物资储备: reserveValues([["城关镇", "乡镇", "医用外科口罩", 50]], header),
    });
    const { issues, ops } = planComputeStockpile(commandInput(snapshot));
    expect(issueAt(issues)).toEqual(["物资储备!E2:missingColumn"]);
    expect(blocksOf(ops, "物资储备")).toEqual([]);
  });

  it("reports a parameter that cannot be read", () => {
    const snapshot = reserveWorkbook([makeRow()]);
    snapshot.sheets["参数"].values[2][1] = "两个月";
    const { issues } = planComputeStockpile(commandInput(snapshot));
    expect(issueAt(issues)).toEqual(["参数!B3:badParameter"]);
  });
});

describe("overwritten output formulas", () => {
  function overwritten() {
    const first = planComputeStockpile(
      commandInput(reserveWorkbook([makeRow({ unit: "甲" }), makeRow({ unit: "乙" })]))
    );
    const after = applyOps(
      reserveWorkbook([makeRow({ unit: "甲" }), makeRow({ unit: "乙" })]),
      first.ops
    );
    const sheet = after.sheets["物资储备"];
    sheet.values[3][OUT.target - 1] = 120;
    sheet.formulas[3][OUT.target - 1] = 120;
    sheet.values[2][OUT.rate - 1] = 0.5;
    sheet.formulas[2][OUT.rate - 1] = "=H3/3000";
    return { snapshot: after, result: planComputeStockpile(commandInput(after)) };
  }

  it("reports each typed-over cell as a warning naming the cell and its old value", () => {
    const { result } = overwritten();
    const found = result.issues.filter((i) => i.code === "overwrittenOutput");
    expect(found.map((i) => [i.cell, i.severity])).toEqual([
      ["Q3", "warning"],
      ["N4", "warning"],
    ]);
    expect(found[1].message.zh).toContain("“120”");
  });

  it("keeps the old values in 历史记录 before the block that restores the formulas", () => {
    const { result } = overwritten();
    const historyIndex = result.ops.findIndex(
      (o) => o.kind === "block" && o.sheet === HISTORY_SHEET && o.row > 1
    );
    const restoreIndex = result.ops.findIndex(
      (o) => o.kind === "block" && o.sheet === "物资储备" && o.row === 3
    );
    expect(historyIndex).toBeGreaterThanOrEqual(0);
    expect(historyIndex).toBeLessThan(restoreIndex);
    const history = result.ops[historyIndex] as Extract<WriteOp, { kind: "block" }>;
    expect(history.cells.map((r) => r.slice(1, 5))).toEqual([
      ["计算物资储备", "物资储备", "Q3", "=H3/3000"],
      ["计算物资储备", "物资储备", "N4", 120],
    ]);
  });

  it("restores the formula in the typed-over cell", () => {
    const { result } = overwritten();
    expect(writtenFormula(result.ops, "物资储备", 4, OUT.target)).toMatch(/ROUNDUP/);
    expect(writtenValue(result.ops, "物资储备", 4, OUT.target)).toBe(3000);
  });

  it("reports nothing and keeps no history when the formulas are intact", () => {
    const first = planComputeStockpile(commandInput(reserveWorkbook([makeRow()])));
    const second = planComputeStockpile(
      commandInput(applyOps(reserveWorkbook([makeRow()]), first.ops))
    );
    expect(second.issues).toEqual([]);
    expect(second.ops.some((o) => o.sheet === HISTORY_SHEET)).toBe(false);
  });
});

describe("re-running", () => {
  it("leaves no block to write once the first run's values are in the workbook", () => {
    const snapshot = reserveWorkbook([
      makeRow({ unit: "甲" }),
      makeRow({ unit: "乙", item: "红外体温计" }),
      makeRow({ unit: "丙", stock: -1 }),
    ]);
    const first = planComputeStockpile(commandInput(snapshot));
    const after = applyOps(snapshot, first.ops);
    const second = planComputeStockpile(commandInput(after));
    expect(pruneUnchanged(second.ops, after).filter((o) => o.kind === "block")).toEqual([]);
  });

  it("leaves the formulas alone when only an input changed, since the spreadsheet recalculates them", () => {
    const snapshot = reserveWorkbook([makeRow({ unit: "甲" }), makeRow({ unit: "乙" })]);
    const after = applyOps(snapshot, planComputeStockpile(commandInput(snapshot)).ops);
    after.sheets["物资储备"].values[3][7] = 100;
    after.sheets["物资储备"].formulas[3][7] = 100;
    const changed = pruneUnchanged(planComputeStockpile(commandInput(after)).ops, after);
    expect(changed.filter((o) => o.kind === "block" && o.sheet === "物资储备")).toEqual([]);
    expect(changed.some((o) => o.kind === "block" && o.sheet === "物资汇总")).toBe(true);
  });
});

describe("missing sheets", () => {
  it("creates 物资目录 with the defaults when absent and computes from them", () => {
    const snapshot = reserveWorkbook([makeRow()]);
    delete snapshot.sheets["物资目录"];
    snapshot.sheetNames = snapshot.sheetNames.filter((n) => n !== "物资目录");
    const { ops } = planComputeStockpile(commandInput(snapshot));
    expect(ops).toContainEqual({ kind: "ensureSheet", sheet: "物资目录" });
    expect(blocksOf(ops, "物资目录").find((b) => b.row === 3)?.cells).toHaveLength(10);
    expect(writtenValue(ops, "物资储备", 3, OUT.target)).toBe(3000);
  });

  it("creates the named parameters the formulas need when they are absent", () => {
    const snapshot = workbook(
      { 物资目录: catalogueValues(), 物资储备: reserveValues([makeRow()]) },
      { bare: true }
    );
    const { ops } = planComputeStockpile(commandInput(snapshot));
    const names = ops
      .filter((o) => o.kind === "defineName")
      .map((o) => (o.kind === "defineName" ? o.name : ""));
    expect(names).toEqual(
      expect.arrayContaining([
        "战时储备天数",
        "日常储备天数",
        "达标线",
        "预警线",
        "消耗统计回溯天数",
      ])
    );
  });

  it("creates an empty 物资储备 and says so when it is absent", () => {
    const snapshot = workbook({});
    const { ops, issues } = planComputeStockpile(commandInput(snapshot));
    expect(ops).toContainEqual({ kind: "ensureSheet", sheet: "物资储备" });
    expect(issueAt(issues)).toEqual(["物资储备!A2:missingSheet"]);
  });
});

describe("物资汇总", () => {
  const rows = [
    makeRow({ unit: "城关镇", stock: 2400 }),
    makeRow({ unit: "石桥乡", persons: 20, stock: 300, inTransit: 100 }),
    makeRow({ unit: "城关镇", item: "红外体温计", stock: 1 }),
    makeRow({ unit: "县卫生健康局", category: "县直部门", persons: 100, stock: 6000 }),
  ];

  it("is cleared and written anew, titled with the report date", () => {
    const { ops } = run(rows);
    const summary = ops.filter((o) => o.sheet === "物资汇总");
    expect(summary.slice(0, 2)).toEqual([
      { kind: "ensureSheet", sheet: "物资汇总" },
      { kind: "clearSheet", sheet: "物资汇总" },
    ]);
    expect(writtenValue(ops, "物资汇总", 1, 1)).toBe("截至2022年1月20日物资储备情况");
  });

  it("takes the report date from the options when given", () => {
    const { ops } = run(rows, { reportDate: 44600 });
    expect(writtenValue(ops, "物资汇总", 1, 1)).toBe("截至2022年2月8日物资储备情况");
  });

  it("totals by item: gap, target, stock, in transit, fill rate, units short, worst units", () => {
    const { ops } = run(rows);
    const row = (r: number) =>
      Array.from({ length: 9 }, (_, c) => writtenValue(ops, "物资汇总", r, c + 1));
    expect(row(5)).toEqual([
      "物资名称",
      "缺口",
      "计量单位",
      "目标储备量",
      "现有库存",
      "在途数量",
      "达标率",
      "短缺单位数",
      "达标率最低的单位",
    ]);
    // masks: targets 3,000 + 1,200 + 6,000; gaps 600 + 800 + 0
    expect(row(6)).toEqual([
      "医用外科口罩",
      1400,
      "只",
      10200,
      8700,
      100,
      8700 / 10200,
      2,
      "石桥乡（25%）、城关镇（80%）",
    ]);
    // thermometer: 50 × 0.05 = 2.5 → 3, one in stock
    expect(row(7)).toEqual(["红外体温计", 2, "把", 3, 1, 0, 1 / 3, 1, "城关镇（33.3%）"]);
  });

  it("writes the item fill rate as a live formula of the row", () => {
    const { ops } = run(rows);
    expect(writtenFormula(ops, "物资汇总", 6, 7)).toBe('=IF(D6>0,E6/D6,"")');
  });

  it("totals by unit category and item", () => {
    const { ops } = run(rows);
    const col = (c: number) => [11, 12, 13].map((r) => writtenValue(ops, "物资汇总", r, c));
    expect(writtenValue(ops, "物资汇总", 9, 1)).toBe("二、按单位类别汇总");
    expect(col(1)).toEqual(["县直部门", "乡镇", "乡镇"]);
    expect(col(2)).toEqual(["医用外科口罩", "医用外科口罩", "红外体温计"]);
    expect(col(7)).toEqual([0, 1400, 2]);
  });

  it("adds a clustered bar chart of the gap by item", () => {
    const { ops } = run(rows);
    expect(ops).toContainEqual({
      kind: "chart",
      sheet: "物资汇总",
      type: "barClustered",
      dataRange: "A5:B7",
      title: "各物资储备缺口",
      anchor: "L4",
      name: "物资汇总缺口图",
    });
  });

  it("prints landscape, one page wide, with the title rows repeated", () => {
    const { ops } = run(rows);
    expect(ops).toContainEqual({
      kind: "pageSetup",
      sheet: "物资汇总",
      orientation: "Landscape",
      fitToWidth: true,
      printTitleRows: "$1:$2",
    });
  });

  it("colours the fill rates by the named lines", () => {
    const { ops } = run(rows);
    const cf = ops.find((o) => o.kind === "conditionalFormat" && o.sheet === "物资汇总");
    expect(cf).toMatchObject({
      range: "G6:G7",
      rules: [
        { formula1: "=达标线" },
        { formula1: "=预警线", formula2: "=达标线" },
        { formula1: "=预警线" },
      ],
    });
  });

  it("writes a notice naming the items short", () => {
    const { ops, data } = run(rows);
    const notice = (data as StockpileData).notice.zh;
    expect(notice).toBe(
      "共3个单位、4条储备记录纳入汇总，2个单位存在缺口；有缺口的物资2种：医用外科口罩（2个单位）、红外体温计（1个单位）。"
    );
    expect(writtenValue(ops, "物资汇总", 2, 1)).toBe(notice);
  });

  it("says there is nothing to total when no row can be counted", () => {
    const { ops } = run([makeRow({ stock: null })]);
    expect(writtenValue(ops, "物资汇总", 6, 1)).toBe(
      "暂无可汇总的储备记录（请检查物资储备的问题清单）"
    );
    expect(ops.some((o) => o.kind === "chart")).toBe(false);
  });

  it("shows the burn rate beside the unit's reserve figures, and says when a log is too short", () => {
    const log = [["库存日志"], ["日期", "单位", "物资名称", "库存", "当日入库"]];
    for (let d = 0; d <= 7; d++)
      log.push([44574 + d, "城关镇", "医用外科口罩", 2750 - 50 * d, null] as never);
    log.push(
      [44580, "石桥乡", "医用外科口罩", 320, null] as never,
      [44581, "石桥乡", "医用外科口罩", 300, null] as never
    );
    const snapshot = workbook({ 物资储备: reserveValues(rows), 库存日志: log as CellValue[][] });
    const { ops, data } = planComputeStockpile(commandInput(snapshot));
    const header = 16;
    expect(writtenValue(ops, "物资汇总", header - 1, 1)).toBe(
      "三、消耗速度（库存日志近7天，含当日入库回补）"
    );
    const row = (r: number) =>
      Array.from({ length: 10 }, (_, c) => writtenValue(ops, "物资汇总", r, c + 1));
    // 城关镇: 2,400 left at 50 a day lasts 48 days: 2022-01-20 + 48 = 2022-03-09
    expect(row(header + 1)).toEqual([
      "城关镇",
      "医用外科口罩",
      3000,
      2400,
      0.8,
      50,
      2400,
      48,
      44629,
      "按近7天日均消耗，预计3月9日耗尽",
    ]);
    expect(row(header + 2)).toEqual([
      "石桥乡",
      "医用外科口罩",
      1200,
      300,
      0.25,
      "",
      300,
      "",
      "",
      "库存日志仅覆盖1天，不足回溯天数7天，暂不估算消耗",
    ]);
    expect((data as StockpileData).burnRates.map((b) => b.status)).toEqual(["ok", "tooShort"]);
  });

  it("says no stock log was kept when there is none", () => {
    const { ops } = run(rows);
    expect(writtenValue(ops, "物资汇总", 17, 1)).toMatch(/^未建立库存日志/);
  });

  it("writes plain values or formulas with their computed values, never a formula without a value", () => {
    const { ops } = run(rows);
    for (const b of blocksOf(ops, "物资汇总")) {
      for (const cell of b.cells.flat())
        if (isFormulaCell(cell)) expect(cell.value).not.toBeUndefined();
    }
  });
});

describe("the result", () => {
  it("summarises the run for the status line and focuses 物资汇总", () => {
    const result = run([makeRow(), makeRow({ unit: "乙", item: "口罩" })]);
    expect(result.summary.zh).toBe("已计算2行物资储备，1个单位存在缺口；1处输入需更正");
    expect(result.focus).toEqual({ sheet: "物资汇总", cell: "A1" });
    expect((result.data as StockpileData).rows).toBe(2);
  });

  it("is the same for the same snapshot", () => {
    const snapshot = reserveWorkbook([makeRow()]);
    expect(planComputeStockpile(commandInput(snapshot))).toEqual(
      planComputeStockpile(commandInput(snapshot))
    );
  });
});
