import { DEFAULT_CATALOGUE } from "../../src/core/stockpile/catalogue";
import type { CellValue } from "../../src/workbook/cells";
import { HISTORY_SHEET } from "../../src/workbook/history";
import type { WriteOp } from "../../src/workbook/plan";
import {
  generateTemplates,
  planGenerateTemplates,
  templateFileName,
  type GenerateTemplatesData,
} from "../../src/workbook/stockpile/generateTemplates";
import { applyOps } from "../../src/workbook/applyOps";
import { commandInput, makeRow, reserveValues, workbook } from "./fixtures";

/** 城关镇 (two items) and 青石镇 (one) are 乡镇, 县卫生健康局 is a 县直部门. */
function county(extra: Record<string, CellValue[][]> = {}) {
  return workbook({
    物资储备: reserveValues([
      makeRow({ unit: "城关镇", item: "医用外科口罩", stock: 2400 }),
      makeRow({ unit: "城关镇", item: "红外体温计", stock: 3 }),
      makeRow({ unit: "青石镇", item: "医用外科口罩", stock: 100 }),
      makeRow({ unit: "县卫生健康局", category: "县直部门", item: "医用外科口罩", stock: 50 }),
    ]),
    ...extra,
  });
}

const dataOf = (result: ReturnType<typeof planGenerateTemplates>) =>
  result.data as GenerateTemplatesData;
const sheetsMade = (ops: readonly WriteOp[]) =>
  ops.filter((o) => o.kind === "ensureSheet").map((o) => o.sheet);

describe("generateTemplates.reads", () => {
  it("reads the template sheets of the picked units, to compare them", () => {
    expect(generateTemplates.reads({ units: ["城关镇", ""] })).toEqual([
      "物资储备",
      "物资目录",
      "填报单位",
      HISTORY_SHEET,
      "填报_城关镇",
    ]);
  });

  it("reads no template sheet when a category is chosen", () => {
    expect(generateTemplates.reads({ category: "乡镇" })).toHaveLength(4);
  });
});

describe("planGenerateTemplates", () => {
  it("lists the units and their categories and writes nothing in list mode", () => {
    const result = planGenerateTemplates(commandInput(county(), { mode: "list" }));
    expect(result.ops).toEqual([]);
    expect(dataOf(result).units).toEqual([
      { name: "城关镇", category: "乡镇", items: 2 },
      { name: "青石镇", category: "乡镇", items: 1 },
      { name: "县卫生健康局", category: "县直部门", items: 1 },
    ]);
  });

  it("asks for a choice and writes nothing when no unit or category is given", () => {
    const result = planGenerateTemplates(commandInput(county()));
    expect(result.ops).toEqual([]);
    expect(result.issues.map((i) => [i.code, i.sheet, i.cell])).toEqual([
      ["noUnitsChosen", "物资储备", "B2"],
    ]);
  });

  it("reports a category that is not one of the four", () => {
    const result = planGenerateTemplates(commandInput(county(), { category: "街道办" }));
    expect(result.ops).toEqual([]);
    expect(result.issues[0].code).toBe("unknownCategory");
    expect(result.issues[0].message.zh).toContain("县应急物资储备库、县直部门、乡镇、医疗机构");
  });

  it("makes one protected sheet per unit of the chosen category", () => {
    const result = planGenerateTemplates(commandInput(county(), { category: "乡镇" }));
    expect(sheetsMade(result.ops)).toEqual(["填报_城关镇", "填报_青石镇"]);
    expect(result.ops.filter((o) => o.kind === "protect").map((o) => o.sheet)).toEqual([
      "填报_城关镇",
      "填报_青石镇",
    ]);
    expect(result.issues).toEqual([]);
    expect(result.focus).toEqual({ sheet: "填报_城关镇", cell: "E5" });
  });

  it("makes the picked units' templates when both units and a category are given", () => {
    const result = planGenerateTemplates(
      commandInput(county(), { category: "乡镇", units: ["县卫生健康局"] })
    );
    expect(sheetsMade(result.ops)).toEqual(["填报_县卫生健康局"]);
  });

  it("warns, and makes nothing, when no unit is of the chosen category", () => {
    const result = planGenerateTemplates(commandInput(county(), { category: "医疗机构" }));
    expect(result.ops).toEqual([]);
    expect(result.issues.map((i) => [i.code, i.severity])).toEqual([
      ["noUnitsInCategory", "warning"],
    ]);
  });

  it("fills each template with the unit's items and current stock", () => {
    const result = planGenerateTemplates(commandInput(county(), { units: ["城关镇"] }));
    const sheet = applyOps({ sheetNames: [], sheets: {}, names: {} }, result.ops).sheets[
      "填报_城关镇"
    ];
    expect(sheet.values.slice(4, 6).map((r) => [r[0], r[2], r[5]])).toEqual([
      ["城关镇", "医用外科口罩", 2400],
      ["城关镇", "红外体温计", 3],
    ]);
  });

  it("leaves a template sheet it did not read alone when making templates by category, and says so", () => {
    const snapshot = county();
    snapshot.sheetNames.push("填报_城关镇");
    const result = planGenerateTemplates(commandInput(snapshot, { category: "乡镇" }));
    expect(sheetsMade(result.ops)).toEqual(["填报_青石镇"]);
    expect(result.issues.map((i) => [i.code, i.sheet])).toEqual([
      ["templateExists", "填报_城关镇"],
    ]);
  });

  it("keeps the rows a clerk filled into the old template in 历史记录 before replacing it", () => {
    const first = planGenerateTemplates(commandInput(county(), { units: ["城关镇"] }));
    const made = applyOps(county(), first.ops);
    const typed = made.sheets["填报_城关镇"].values.map((r) => [...r]);
    typed[4][5] = 2600; // the mask row's 现有库存, row 5
    const snapshot = {
      ...made,
      sheets: { ...made.sheets, 填报_城关镇: { ...made.sheets["填报_城关镇"], values: typed } },
    };
    const again = planGenerateTemplates(commandInput(snapshot, { units: ["城关镇"] }));
    const history = applyOps(snapshot, again.ops).sheets[HISTORY_SHEET];
    expect(history.values.slice(1).map((r) => [r[1], r[2], r[3], r[4]])).toEqual([
      ["生成填报模板", "填报_城关镇", "第5行", "城关镇 | 乡镇 | 医用外科口罩 | 只 | 50 | 2600"],
    ]);
    expect(again.summary.zh).toContain("已存入历史记录");
  });

  it("keeps no history when the old template holds what the new one writes", () => {
    const first = planGenerateTemplates(commandInput(county(), { units: ["城关镇"] }));
    const again = planGenerateTemplates(
      commandInput(applyOps(county(), first.ops), { units: ["城关镇"] })
    );
    expect(again.ops.some((o) => o.sheet === HISTORY_SHEET)).toBe(false);
  });

  it("writes nothing and returns each template's ops and file name in workbooks mode", () => {
    const result = planGenerateTemplates(
      commandInput(county(), { units: ["城关镇", "青石镇"], mode: "workbooks" })
    );
    expect(result.ops).toEqual([]);
    const files = dataOf(result).files;
    expect(files.map((f) => [f.unit, f.sheetName, f.fileName])).toEqual([
      ["城关镇", "填报_城关镇", "城关镇_物资储备填报.xlsx"],
      ["青石镇", "填报_青石镇", "青石镇_物资储备填报.xlsx"],
    ]);
    expect(files[0].ops.at(-1)).toEqual({
      kind: "protect",
      sheet: "填报_城关镇",
      unlocked: ["E5:H11", "C7:C11"],
    });
  });

  it("makes a template of every catalogue item for a unit only on 填报单位", () => {
    const snapshot = county({
      填报单位: [["名单"], ["单位", "单位类别"], ["县档案馆", "县直部门"]],
    });
    const result = planGenerateTemplates(commandInput(snapshot, { units: ["县档案馆"] }));
    const sheet = applyOps(snapshot, result.ops).sheets["填报_县档案馆"];
    expect(sheet.values.slice(4, 4 + DEFAULT_CATALOGUE.length).map((r) => r[2])).toEqual(
      DEFAULT_CATALOGUE.map((c) => c.name)
    );
  });
});

describe("templateFileName", () => {
  it.each([
    ["县卫生健康局", "县卫生健康局_物资储备填报.xlsx"],
    ["a/b:c", "a_b_c_物资储备填报.xlsx"],
    ['x"<>|?*\\y', "x_______y_物资储备填报.xlsx"],
  ])("makes %p a file name", (unit, expected) => {
    expect(templateFileName(unit)).toBe(expected);
  });
});
