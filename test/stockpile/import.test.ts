import { DEFAULT_CATALOGUE } from "../../src/core/stockpile/catalogue";
import type { CellValue } from "../../src/workbook/cells";
import { HISTORY_SHEET } from "../../src/workbook/history";
import { isFormulaCell, type WriteBlock, type WriteOp } from "../../src/workbook/plan";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";
import {
  checkImportFile,
  importReturns,
  planImport,
  runImport,
  type ImportData,
  type ReturnedFile,
} from "../../src/workbook/stockpile/import";
import { applyOps } from "../../src/workbook/applyOps";
import { buildTemplate, renderTemplateOps } from "../../src/workbook/stockpile/template";
import { blocksOf, commandInput, makeRow, OUT, reserveWorkbook, writtenValue } from "./fixtures";

const clock = { today: 44581, now: 44581.4375 };

/** 物资储备 rows 3 to 7: two units interleaved. */
function county(): WorkbookSnapshot {
  return reserveWorkbook([
    makeRow({ unit: "城关镇", item: "医用外科口罩", persons: 50, stock: 2400 }), // row 3
    makeRow({ unit: "青石镇", item: "医用外科口罩", persons: 100, stock: 7000 }), // row 4
    makeRow({ unit: "城关镇", item: "速干手消毒剂", persons: 50, stock: 20 }), // row 5
    makeRow({ unit: "城关镇", item: "红外体温计", persons: 50, stock: 3 }), // row 6
    makeRow({ unit: "青石镇", item: "红外体温计", persons: 100, stock: 5 }), // row 7
  ]);
}

interface ReturnRow {
  item: CellValue;
  persons?: CellValue;
  stock?: CellValue;
  inTransit?: CellValue;
  note?: CellValue;
  unit?: CellValue;
}

/** A returned template: the sheet the add-in generates, with the department's figures typed in. */
function returned(
  rows: ReturnRow[],
  options: { unit?: string; category?: string; fileName?: string } = {}
): ReturnedFile {
  const unit = options.unit ?? "城关镇";
  const category = options.category ?? "乡镇";
  const layout = buildTemplate(unit, category, [], DEFAULT_CATALOGUE, {
    extraRows: rows.length + 2,
  });
  const sheet = applyOps({ sheetNames: [], sheets: {}, names: {} }, renderTemplateOps(layout))
    .sheets[layout.sheetName];
  const values = sheet.values.map((r) => [...r]);
  rows.forEach((r, i) => {
    const line = values[4 + i];
    if (r.unit !== undefined) line[0] = r.unit;
    line[2] = r.item;
    line[4] = r.persons ?? null;
    line[5] = r.stock ?? null;
    line[6] = r.inTransit ?? null;
    line[7] = r.note ?? null;
  });
  return {
    fileName: options.fileName ?? `${unit}.xlsx`,
    sheets: [{ name: layout.sheetName, values }],
  };
}

/** 城关镇 returns: masks changed, sanitiser unchanged, thermometer dropped, chlorine added. */
function cityReturn(note: CellValue = null): ReturnedFile {
  return returned([
    { item: "医用外科口罩", persons: 50, stock: 3000, note },
    { item: "速干手消毒剂", persons: 50, stock: 20 },
    { item: "含氯消毒剂", persons: 50, stock: 30 },
  ]);
}

const inputWrites = (ops: readonly WriteOp[], row: number) =>
  blocksOf(ops, "物资储备").filter((b) => b.row === row && b.column < OUT.standard);

describe("checkImportFile", () => {
  it("accepts an .xlsx file of a sensible size", () => {
    expect(checkImportFile("城关镇.XLSX", 40_000)).toBeNull();
  });

  it("refuses a file that is not .xlsx, saying how to save it", () => {
    expect(checkImportFile("城关镇.xls", 40_000)?.zh).toBe(
      "“城关镇.xls”不是 .xlsx 文件，请用 Excel 或 WPS 另存为“Excel 工作簿(*.xlsx)”后再导入"
    );
  });

  it("refuses a file above 10 MB", () => {
    expect(checkImportFile("城关镇.xlsx", 10 * 1024 * 1024 + 1)?.en).toMatch(
      /above the 10 MB limit/
    );
  });
});

describe("the change list", () => {
  it("lists per unit the rows added, changed, unchanged and removed", () => {
    const { units, issues } = planImport([cityReturn()], county(), clock);
    expect(issues).toEqual([]);
    expect(units).toHaveLength(1);
    expect(units[0]).toMatchObject({
      unit: "城关镇",
      category: "乡镇",
      file: "城关镇.xlsx",
      blocked: false,
    });
    expect(units[0].counts).toEqual({ added: 1, changed: 1, unchanged: 1, removed: 1 });
    expect(units[0].rows.map((r) => [r.kind, r.item, r.targetRow])).toEqual([
      ["changed", "医用外科口罩", 3],
      ["unchanged", "速干手消毒剂", 5],
      ["added", "含氯消毒剂", 6],
      ["removed", "红外体温计", 6],
    ]);
  });

  it("names the fields that changed with their old and new values", () => {
    const { units } = planImport([cityReturn()], county(), clock);
    expect(units[0].rows[0].fields).toEqual([
      { field: "stock", header: "现有库存", old: 2400, new: 3000 },
    ]);
  });

  it("lists every row as added for a unit new to 物资储备", () => {
    const file = returned([{ item: "医用外科口罩", persons: 30, stock: 900 }], {
      unit: "县教育局",
      category: "县直部门",
    });
    const { units } = planImport([file], county(), clock);
    expect(units[0].counts).toEqual({ added: 1, changed: 0, unchanged: 0, removed: 0 });
    expect(units[0].rows[0].targetRow).toBe(8);
  });
});

describe("validation", () => {
  const issueAt = (issues: { file: string; sheet: string; cell: string; code: string }[]) =>
    issues.map((i) => `${i.file}|${i.sheet}!${i.cell}:${i.code}`);

  it.each([
    [
      "a negative stock",
      { item: "医用外科口罩", persons: 50, stock: -1 },
      "城关镇.xlsx|填报_城关镇!F6:belowMin",
    ],
    [
      "a quantity that is not a number",
      { item: "医用外科口罩", persons: "五十", stock: 1 },
      "城关镇.xlsx|填报_城关镇!E6:notANumber",
    ],
    [
      "an item not in the catalogue",
      { item: "口罩", persons: 50, stock: 1 },
      "城关镇.xlsx|填报_城关镇!C6:unknownItem",
    ],
    [
      "figures without an item",
      { item: null, persons: 50, stock: 1 },
      "城关镇.xlsx|填报_城关镇!C6:required",
    ],
    [
      "stock without persons",
      { item: "医用外科口罩", persons: null, stock: 1 },
      "城关镇.xlsx|填报_城关镇!E6:personsMissing",
    ],
    [
      "a formula typed as a quantity",
      { item: "医用外科口罩", persons: 50, stock: "=1+1" },
      "城关镇.xlsx|填报_城关镇!F6:notANumber",
    ],
    [
      "a row of another unit",
      { item: "医用外科口罩", persons: 50, stock: 1, unit: "青石镇" },
      "城关镇.xlsx|填报_城关镇!A6:mixedUnits",
    ],
  ])("reports %s naming the file, sheet and cell", (_, row, expected) => {
    // The bad row is the second: a valid first row fixes the unit of the return.
    const file = returned([{ item: "速干手消毒剂", persons: 50, stock: 20 }, row as ReturnRow]);
    const { issues } = planImport([file], county(), clock);
    expect(issueAt(issues)).toEqual([expected]);
  });

  it("reports a repeated item in one return", () => {
    const file = returned([
      { item: "医用外科口罩", persons: 50, stock: 1 },
      { item: "医用外科口罩", persons: 50, stock: 2 },
    ]);
    expect(issueAt(planImport([file], county(), clock).issues)).toEqual([
      "城关镇.xlsx|填报_城关镇!C6:duplicateRow",
    ]);
  });

  it("blocks a unit whose return has an error and writes nothing", () => {
    const file = returned([{ item: "医用外科口罩", persons: 50, stock: -1 }]);
    const plan = planImport([file], county(), clock);
    expect(plan.units[0].blocked).toBe(true);
    expect(plan.ops).toEqual([]);
  });

  it("still imports the other units when one return is blocked", () => {
    const bad = returned([{ item: "口罩", persons: 1, stock: 1 }], { unit: "青石镇" });
    const plan = planImport([cityReturn(), bad], county(), clock);
    expect(plan.units.map((u) => [u.unit, u.blocked])).toEqual([
      ["城关镇", false],
      ["青石镇", true],
    ]);
    expect(inputWrites(plan.ops, 3)).not.toEqual([]);
    expect(inputWrites(plan.ops, 4)).toEqual([]);
  });

  it("says a file is not xlsx", () => {
    const { issues } = planImport([{ ...cityReturn(), fileName: "城关镇.csv" }], county(), clock);
    expect(issues.map((i) => [i.file, i.code])).toEqual([["城关镇.csv", "notXlsx"]]);
  });

  it("says when a file holds no template table", () => {
    const file: ReturnedFile = {
      fileName: "信.xlsx",
      sheets: [{ name: "Sheet1", values: [["你好"]] }],
    };
    expect(
      planImport([file], county(), clock).issues.map((i) => [i.sheet, i.cell, i.code])
    ).toEqual([["Sheet1", "A1", "templateNotFound"]]);
  });

  it("puts the file name in front of the message", () => {
    const file = returned([{ item: "口罩", persons: 50, stock: 1 }]);
    expect(planImport([file], county(), clock).issues[0].message.zh).toMatch(
      /^【城关镇.xlsx】物资“口罩”不在物资目录中/
    );
  });

  it("imports only the later of two returns of one unit, and says so", () => {
    const first = returned([{ item: "医用外科口罩", persons: 50, stock: 1 }], {
      fileName: "旧.xlsx",
    });
    const plan = planImport([first, cityReturn()], county(), clock);
    expect(plan.units.map((u) => u.file)).toEqual(["城关镇.xlsx"]);
    expect(plan.issues.map((i) => [i.file, i.code, i.severity])).toEqual([
      ["旧.xlsx", "duplicateReturn", "warning"],
    ]);
  });
});

describe("the confirmed writes", () => {
  const plan = planImport([cityReturn()], county(), clock);

  it("keeps the unit's previous rows in 历史记录 before replacing them", () => {
    const history = blocksOf(plan.ops, HISTORY_SHEET).find((b) => b.row === 2) as WriteBlock;
    expect(history.cells.map((r) => [r[1], r[2], r[3], r[4], r[5]])).toEqual([
      [
        "导入填报",
        "物资储备",
        "第3行",
        "城关镇 | 乡镇 | 医用外科口罩 |  | 50 |  |  | 2400",
        "导入前原行（城关镇.xlsx）",
      ],
      [
        "导入填报",
        "物资储备",
        "第6行",
        "城关镇 | 乡镇 | 红外体温计 |  | 50 |  |  | 3",
        "导入后删除（城关镇.xlsx）",
      ],
    ]);
    const historyAt = plan.ops.indexOf(history);
    const firstWrite = plan.ops.findIndex((o) => o.kind === "block" && o.sheet === "物资储备");
    expect(historyAt).toBeLessThan(firstWrite);
  });

  it("updates a changed row in place", () => {
    expect(inputWrites(plan.ops, 3).map((b) => [b.column, b.cells])).toEqual([
      [1, [["城关镇", "乡镇", "医用外科口罩", "", 50]]],
      [8, [[3000, ""]]],
    ]);
  });

  it("puts an added item in the row a removed one freed, clearing that row's overrides", () => {
    const after = applyOps(county(), plan.ops).sheets["物资储备"];
    expect(after.values[5].slice(0, 9)).toEqual([
      "城关镇",
      "乡镇",
      "含氯消毒剂",
      null,
      50,
      null,
      null,
      30,
      null,
    ]);
  });

  it("never writes the rows of other units", () => {
    expect(inputWrites(plan.ops, 4)).toEqual([]);
    expect(inputWrites(plan.ops, 7)).toEqual([]);
  });

  it("leaves an unchanged row alone", () => {
    expect(inputWrites(plan.ops, 5)).toEqual([]);
  });

  it("appends added rows after the last row once the freed rows are used", () => {
    const more = returned([
      { item: "医用外科口罩", persons: 50, stock: 2400 },
      { item: "含氯消毒剂", persons: 50, stock: 30 },
      { item: "医用检查手套", persons: 50, stock: 0 },
    ]);
    const { units } = planImport([more], county(), clock);
    expect(
      units[0].rows.filter((r) => r.kind === "added").map((r) => [r.item, r.targetRow])
    ).toEqual([
      ["含氯消毒剂", 5],
      ["医用检查手套", 6],
    ]);
    const fewer = returned([{ item: "医用外科口罩", persons: 50, stock: 2400 }]);
    const cleared = applyOps(county(), planImport([fewer], county(), clock).ops).sheets["物资储备"];
    expect(cleared.values[4].slice(0, 9).every((v) => v === null)).toBe(true);
    expect(cleared.values[5].slice(0, 18).every((v) => v === null)).toBe(true);
  });

  it("grows the table at the end when there is no freed row", () => {
    const grow = returned([
      { item: "医用外科口罩", persons: 50, stock: 2400 },
      { item: "速干手消毒剂", persons: 50, stock: 20 },
      { item: "红外体温计", persons: 50, stock: 3 },
      { item: "隔离衣", persons: 50, stock: 0 },
    ]);
    const after = applyOps(county(), planImport([grow], county(), clock).ops).sheets["物资储备"];
    expect(after.values[7].slice(0, 3)).toEqual(["城关镇", "乡镇", "隔离衣"]);
  });

  it("recomputes the outputs of the imported rows", () => {
    // 含氯消毒剂: 50 × 0.02 × 30 = 30, all in stock
    expect(writtenValue(plan.ops, "物资储备", 6, OUT.target)).toBe(30);
    expect(writtenValue(plan.ops, "物资储备", 6, OUT.status)).toBe("达标");
    expect(writtenValue(plan.ops, "物资储备", 3, OUT.gap)).toBe(0);
  });

  it("records the submission in 报送记录 for daily reporting", () => {
    const after = applyOps(county(), plan.ops).sheets["报送记录"];
    const row = after.values.find((r) => r[1] === "城关镇");
    expect(row).toEqual([44581, "城关镇", 44581.4375, "正常", "导入填报：城关镇.xlsx"]);
  });

  it("rewrites 物资汇总 from the imported figures", () => {
    const summary = applyOps(county(), plan.ops).sheets["物资汇总"];
    expect(summary.values.find((r) => r[0] === "含氯消毒剂")?.slice(0, 5)).toEqual([
      "含氯消毒剂",
      0,
      "升",
      30,
      30,
    ]);
  });

  it("creates 物资储备 when the workbook has none yet", () => {
    const empty = reserveWorkbook([]);
    delete empty.sheets["物资储备"];
    empty.sheetNames = empty.sheetNames.filter((n) => n !== "物资储备");
    const after = applyOps(empty, planImport([cityReturn()], empty, clock).ops).sheets["物资储备"];
    expect(after.values[1].slice(0, 3)).toEqual(["单位", "单位类别", "物资名称"]);
    expect(after.values.slice(2).map((r) => r[2])).toEqual([
      "医用外科口罩",
      "速干手消毒剂",
      "含氯消毒剂",
    ]);
  });
});

describe("injection", () => {
  const attacks = ['=HYPERLINK("http://evil.example","点我")', "+1+1", "-2+3", "@SUM(A1:A9)"];

  /** 物资储备 with a 备注 user column (J), so the imported note is written. */
  function withNoteColumn(): WorkbookSnapshot {
    const snapshot = county();
    snapshot.sheets["物资储备"].values[1].push("备注");
    snapshot.sheets["物资储备"].formulas[1].push("备注");
    return snapshot;
  }

  it.each(attacks)(
    "writes the imported note %p as a plain string and no formula from it",
    (text) => {
      const plan = planImport([cityReturn(text)], withNoteColumn(), clock);
      const noteWrites = blocksOf(plan.ops, "物资储备").filter(
        (b) => b.column === 10 && b.row === 3
      );
      expect(noteWrites.map((b) => b.cells)).toEqual([[[text]]]);
      const formulas = plan.ops
        .flatMap((o) => (o.kind === "block" ? o.cells.flat() : []))
        .filter(isFormulaCell)
        .map((c) => c.formula);
      expect(formulas.some((f) => f.includes(text) || f.includes("evil"))).toBe(false);
    }
  );

  it("writes a unit name that looks like a formula as a plain string", () => {
    const file = returned([{ item: "医用外科口罩", persons: 5, stock: 5 }], {
      unit: "=1+2",
      category: "乡镇",
    });
    const plan = planImport([file], county(), clock);
    const cells = plan.ops.flatMap((o) => (o.kind === "block" ? o.cells.flat() : []));
    expect(cells).toContain("=1+2");
    expect(cells.filter(isFormulaCell).some((c) => c.formula.includes("1+2"))).toBe(false);
  });
});

describe("runImport", () => {
  it("reads the sheets it writes, 报送记录 and 历史记录 among them", () => {
    expect(importReturns.reads()).toEqual(
      expect.arrayContaining(["物资储备", "历史记录", "报送记录", "物资目录", "参数"])
    );
  });

  it("previews without writing", () => {
    const result = runImport(commandInput(county(), { returns: [cityReturn()] }));
    expect(result.ops).toEqual([]);
    expect((result.data as ImportData).units[0].counts.changed).toBe(1);
    expect(result.summary.zh).toBe("预览：城关镇：新增1、修改1、未变1、删除1。确认后写入。");
  });

  it("writes on confirmation", () => {
    const result = runImport(commandInput(county(), { returns: [cityReturn()], confirm: true }));
    expect(result.ops.length).toBeGreaterThan(0);
    expect((result.data as ImportData).confirmed).toBe(true);
    expect(result.summary.zh).toBe("已导入1个单位的填报。城关镇：新增1、修改1、未变1、删除1");
  });

  it("reports the import carried out when it has nothing to write", () => {
    const first = runImport(commandInput(county(), { returns: [cityReturn()], confirm: true }));
    const after = applyOps(county(), first.ops);
    const again = runImport(commandInput(after, { returns: [cityReturn()], confirm: true }));
    expect(again.ops).toEqual([]);
    expect((again.data as ImportData).confirmed).toBe(true);
  });

  it("asks for files when none are given", () => {
    const result = runImport(commandInput(county(), {}));
    expect([result.ops, result.summary.zh]).toEqual([[], "请选择要导入的填报文件（.xlsx）"]);
  });
});

describe("importing the same return again", () => {
  it("adds no second 报送记录 row for the same unit, file and day", () => {
    const first = planImport([cityReturn()], county(), clock);
    const after = applyOps(county(), first.ops);
    const again = planImport([cityReturn()], after, clock);
    expect(again.units[0].counts).toMatchObject({ added: 0, changed: 0, removed: 0 });
    expect(again.ops).toEqual([]);
  });

  it("adds a 报送记录 row when the same file comes back on another day", () => {
    const first = planImport([cityReturn()], county(), clock);
    const after = applyOps(county(), first.ops);
    const nextDay = planImport([cityReturn()], after, { today: 44582, now: 44582.4 });
    const records = applyOps(after, nextDay.ops).sheets["报送记录"].values;
    expect(records.slice(-2).map((r) => [r[0], r[1]])).toEqual([
      [44581, "城关镇"],
      [44582, "城关镇"],
    ]);
  });

  it("still writes a changed figure when the unit's return was recorded earlier that day", () => {
    const first = planImport([cityReturn()], county(), clock);
    const after = applyOps(county(), first.ops);
    const fixed = returned([
      { item: "医用外科口罩", persons: 50, stock: 3100 },
      { item: "速干手消毒剂", persons: 50, stock: 20 },
      { item: "含氯消毒剂", persons: 50, stock: 30 },
    ]);
    const again = planImport([fixed], after, clock);
    expect(writtenValue(again.ops, "物资储备", 3, 8)).toBe(3100);
    expect(again.ops.some((o) => o.sheet === "报送记录")).toBe(false);
  });
});

describe("计量单位 in a return", () => {
  it("counts a row unchanged when it carries the catalogue's unit and the ledger leaves 计量单位 blank", () => {
    const file = returned([{ item: "医用外科口罩", persons: 50, stock: 2400 }]);
    file.sheets[0].values[4][3] = "只";
    const { units } = planImport([file], county(), clock);
    expect(units[0].rows[0]).toMatchObject({ kind: "unchanged", fields: [] });
  });

  it("counts a row changed when it carries another unit of measure", () => {
    const file = returned([{ item: "医用外科口罩", persons: 50, stock: 2400 }]);
    file.sheets[0].values[4][3] = "盒";
    const { units } = planImport([file], county(), clock);
    expect(units[0].rows[0].fields).toEqual([
      { field: "measure", header: "计量单位", old: null, new: "盒" },
    ]);
  });
});

describe("a new unit without a category", () => {
  it("is not imported, and the issue points at the 单位类别 cell of its first row", () => {
    const file = returned([{ item: "医用外科口罩", persons: 30, stock: 900 }], {
      unit: "县教育局",
    });
    file.sheets[0].values.slice(4).forEach((line) => (line[1] = null));
    const { units, issues } = planImport([file], county(), clock);
    expect(units[0].blocked).toBe(true);
    expect(issues.map((i) => [i.code, i.file, i.sheet, i.cell])).toEqual([
      ["categoryMissing", "县教育局.xlsx", "填报_县教育局", "B5"],
    ]);
  });

  it("points at the column after the header when the return has no 单位类别 column", () => {
    const file = returned([{ item: "医用外科口罩", persons: 30, stock: 900 }], {
      unit: "县教育局",
    });
    // The unit drops the 单位类别 column: shift every row left from column B.
    file.sheets[0].values = file.sheets[0].values.map((line, r) =>
      r >= 3 ? [line[0], ...line.slice(2)] : line
    );
    const { issues } = planImport([file], county(), clock);
    expect(issues.map((i) => [i.code, i.cell])).toEqual([["categoryMissing", "J5"]]);
  });
});
