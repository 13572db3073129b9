import { initWorkbook, planInitWorkbook } from "../../src/workbook/init/initWorkbook";
import { pruneUnchanged } from "../../src/workbook/diff";
import { PARAMS, readParams } from "../../src/workbook/params";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";
import { applyOps, emptySnapshot } from "../../src/workbook/applyOps";

const run = (snapshot: WorkbookSnapshot) =>
  planInitWorkbook({ snapshot, today: 44581, now: 44581.4, lang: "zh" });

describe("初始化工作簿 (plan)", () => {
  it("creates the 参数 sheet with every default and one name per parameter, and the empty input sheets", () => {
    const result = run(emptySnapshot());
    const after = applyOps(emptySnapshot(), result.ops);
    expect(after.sheetNames).toEqual([
      "参数",
      "物资目录",
      "物资储备",
      "库存日志",
      "隔离床位",
      "返乡人员",
      "接种进度",
      "填报单位",
      "报送记录",
    ]);
    const { params, found } = readParams(after.sheets["参数"]);
    expect(found.size).toBe(PARAMS.length);
    expect(params.wartimeDays).toBe(60);
    expect(params.tieRule).toBe("并列占位");
    expect(Object.keys(after.names).sort()).toEqual(PARAMS.map((p) => p.name).sort());
    expect(after.names["战时储备天数"]).toBe("=参数!$B$3");
  });

  it("changes nothing on a second run", () => {
    const once = applyOps(emptySnapshot(), run(emptySnapshot()).ops);
    const second = run(once);
    expect(pruneUnchanged(second.ops, once)).toEqual([]);
    expect(second.summary.zh).toContain("未作改动");
  });

  it("keeps a value the user edited", () => {
    const once = applyOps(emptySnapshot(), run(emptySnapshot()).ops);
    once.sheets["参数"].values[2][1] = 45;
    once.sheets["参数"].formulas[2][1] = 45;
    const ops = pruneUnchanged(run(once).ops, once);
    expect(ops).toEqual([]);
  });

  it("adds only a missing parameter row, below the last used row, and its name", () => {
    const once = applyOps(emptySnapshot(), run(emptySnapshot()).ops);
    const sheet = once.sheets["参数"];
    const removed = sheet.values.findIndex((r) => r[0] === "加强针间隔天数");
    sheet.values[removed] = [null, null, null, null, null];
    sheet.formulas[removed] = [null, null, null, null, null];
    sheet.values.push(["用户自己的备注"]);
    sheet.formulas.push(["用户自己的备注"]);
    delete once.names["加强针间隔天数"];
    const result = run(once);
    const ops = pruneUnchanged(result.ops, once);
    const lastRow = sheet.values.length;
    expect(ops).toEqual([
      expect.objectContaining({
        kind: "block",
        row: lastRow + 1,
        cells: [expect.arrayContaining(["加强针间隔天数", 180])],
      }),
      expect.objectContaining({
        kind: "defineName",
        name: "加强针间隔天数",
        cell: `B${lastRow + 1}`,
      }),
    ]);
    expect(result.summary.zh).toContain("补充 1 项");
  });

  it("re-points a name that points elsewhere", () => {
    const once = applyOps(emptySnapshot(), run(emptySnapshot()).ops);
    once.names["达标线"] = "=参数!$C$9";
    const ops = pruneUnchanged(run(once).ops, once);
    expect(ops).toEqual([expect.objectContaining({ kind: "defineName", name: "达标线" })]);
  });

  it("reports an invalid edited value but leaves it alone", () => {
    const once = applyOps(emptySnapshot(), run(emptySnapshot()).ops);
    once.sheets["参数"].values[2][1] = "六十";
    once.sheets["参数"].formulas[2][1] = "六十";
    const result = run(once);
    expect(result.issues).toMatchObject([{ sheet: "参数", cell: "B3", code: "badParameter" }]);
    expect(pruneUnchanged(result.ops, once)).toEqual([]);
  });

  it("reads only 参数, and leaves an existing input sheet alone", () => {
    expect(initWorkbook.reads()).toEqual(["参数"]);
    const snapshot = { ...emptySnapshot(), sheetNames: ["接种进度"] };
    const ops = run(snapshot).ops;
    expect(ops.some((op) => op.sheet === "接种进度")).toBe(false);
    expect(ops.some((op) => op.kind === "ensureSheet" && op.sheet === "隔离床位")).toBe(true);
  });
});
