import { DEFAULT_CATALOGUE } from "../../src/core/stockpile/catalogue";
import { applyOps } from "../../src/workbook/applyOps";
import {
  buildTemplate,
  planTemplates,
  renderTemplateOps,
  templateSheetName,
  templateUnits,
} from "../../src/workbook/stockpile/template";
import { makeRow, reserveValues, reserveWorkbook, workbook } from "./fixtures";

describe("buildTemplate", () => {
  const layout = buildTemplate(
    "城关镇",
    "乡镇",
    [{ name: "医用外科口罩", persons: 50, stock: 2400 }, "红外体温计"],
    DEFAULT_CATALOGUE
  );

  it("names the unit in the title, the unit line and every row", () => {
    expect(layout.title).toBe("城关镇防疫物资储备填报表");
    expect(layout.rows.every((r) => r[0] === "城关镇" && r[1] === "乡镇")).toBe(true);
  });

  it("lists the items with their unit of measure and current figures, then blank rows for added items", () => {
    expect(layout.header).toEqual([
      "单位",
      "单位类别",
      "物资名称",
      "计量单位",
      "保障人数",
      "现有库存",
      "在途数量",
      "备注",
    ]);
    expect(layout.rows.slice(0, 2)).toEqual([
      ["城关镇", "乡镇", "医用外科口罩", "只", 50, 2400, null, null],
      ["城关镇", "乡镇", "红外体温计", "把", null, null, null, null],
    ]);
    expect(layout.rows).toHaveLength(2 + 5);
    expect(layout.extraRows).toEqual({ first: 7, last: 11 });
  });

  it("carries an instruction line in Chinese", () => {
    expect(layout.instruction).toMatch(/^填报说明：请只在白色单元格中填写/);
  });

  it("unlocks the figures of every row and the item of the added rows only", () => {
    expect(layout.unlocked).toEqual(["E5:H11", "C7:C11"]);
  });

  it("validates the figures as non-negative numbers and the added items against the catalogue", () => {
    expect(layout.validations).toEqual([
      expect.objectContaining({ range: "E5:G11", rule: { type: "decimal", min: 0 } }),
      expect.objectContaining({
        range: "C7:C11",
        rule: { type: "list", source: "=$J$5:$J$14", values: DEFAULT_CATALOGUE.map((c) => c.name) },
      }),
    ]);
  });

  it("leaves no added rows, and no item drop-down, when asked for none", () => {
    const none = buildTemplate("城关镇", "乡镇", ["医用外科口罩"], DEFAULT_CATALOGUE, {
      extraRows: 0,
    });
    expect(none.unlocked).toEqual(["E5:H5"]);
    expect(none.validations.map((v) => v.rule.type)).toEqual(["decimal"]);
  });
});

describe("templateSheetName", () => {
  it.each([
    ["县卫生健康局", "填报_县卫生健康局"],
    ["a/b:c", "填报_a_b_c"],
    ["某".repeat(40), `填报_${"某".repeat(28)}`],
  ])("makes %p a valid sheet name", (unit, expected) => {
    expect(templateSheetName(unit)).toBe(expected);
  });
});

describe("renderTemplateOps", () => {
  const layout = buildTemplate("城关镇", "乡镇", ["医用外科口罩"], DEFAULT_CATALOGUE);
  const ops = renderTemplateOps(layout);
  const sheet = applyOps({ sheetNames: [], sheets: {}, names: {} }, ops).sheets["填报_城关镇"];

  it("writes the title, instruction, unit line, header, rows and the item list", () => {
    expect(sheet.values[0][0]).toBe("城关镇防疫物资储备填报表");
    expect(sheet.values[1][0]).toBe(layout.instruction);
    expect(sheet.values[2].slice(0, 4)).toEqual(["填报单位", "城关镇", "单位类别", "乡镇"]);
    expect(sheet.values[3].slice(0, 8)).toEqual(layout.header);
    expect(sheet.values[4].slice(0, 4)).toEqual(["城关镇", "乡镇", "医用外科口罩", "只"]);
    expect(sheet.values.slice(4, 14).map((r) => r[9])).toEqual(
      DEFAULT_CATALOGUE.map((c) => c.name)
    );
  });

  it("ends with the validations and then the protection, which unlocks the input cells", () => {
    expect(ops.slice(-3)).toEqual([
      {
        kind: "validation",
        sheet: "填报_城关镇",
        range: "E5:G10",
        rule: { type: "decimal", min: 0 },
        errorMessage: "请填写不小于0的数字（不要填写文字或单位）",
      },
      {
        kind: "validation",
        sheet: "填报_城关镇",
        range: "C6:C10",
        rule: { type: "list", source: "=$J$5:$J$14", values: DEFAULT_CATALOGUE.map((c) => c.name) },
        errorMessage: "请从下拉列表中选择物资目录中的物资名称",
      },
      { kind: "protect", sheet: "填报_城关镇", unlocked: ["E5:H10", "C6:C10"] },
    ]);
  });

  it("greys the locked cells and whitens the input cells", () => {
    const styles = ops
      .filter((o) => o.kind === "style")
      .map((o) => (o.kind === "style" ? [o.range, o.fill] : []));
    expect(styles).toEqual(
      expect.arrayContaining([
        ["A5:H10", "#F2F2F2"],
        ["E5:H10", "#FFFFFF"],
        ["C6:C10", "#FFFFFF"],
      ])
    );
  });

  it("writes no formula", () => {
    for (const o of ops) {
      if (o.kind !== "block") continue;
      for (const cell of o.cells.flat())
        expect(typeof cell === "object" && cell !== null).toBe(false);
    }
  });
});

describe("planTemplates", () => {
  const snapshot = reserveWorkbook([
    makeRow({ unit: "城关镇", item: "医用外科口罩", stock: 2400 }),
    makeRow({ unit: "城关镇", item: "红外体温计", stock: 3 }),
    makeRow({ unit: "青石镇", item: "医用外科口罩", stock: 100 }),
    makeRow({ unit: "县卫生健康局", category: "县直部门", item: "医用外科口罩" }),
  ]);

  it("makes one template per unit of the chosen category, filled with its current rows", () => {
    const { templates } = planTemplates(snapshot, { category: "乡镇" });
    expect(templates.map((t) => t.unit)).toEqual(["城关镇", "青石镇"]);
    expect(templates[0].rows.slice(0, 2).map((r) => [r[2], r[5]])).toEqual([
      ["医用外科口罩", 2400],
      ["红外体温计", 3],
    ]);
  });

  it("makes templates for a picked list of units", () => {
    const { templates, ops } = planTemplates(snapshot, { units: ["县卫生健康局"] });
    expect(templates.map((t) => [t.unit, t.category])).toEqual([["县卫生健康局", "县直部门"]]);
    expect(ops.filter((o) => o.kind === "ensureSheet")).toEqual([
      { kind: "ensureSheet", sheet: "填报_县卫生健康局" },
    ]);
  });

  it("reports a picked unit that neither 物资储备 nor 填报单位 has", () => {
    const { templates, issues } = planTemplates(snapshot, { units: ["不存在的乡"] });
    expect(templates).toEqual([]);
    expect(issues.map((i) => [i.code, i.sheet])).toEqual([["unknownUnit", "物资储备"]]);
  });

  it("makes one template for a unit picked twice", () => {
    const { templates } = planTemplates(snapshot, { units: ["城关镇", " 城关镇 "] });
    expect(templates.map((t) => t.sheetName)).toEqual(["填报_城关镇"]);
  });

  it("gives units whose names clean to the same sheet name sheets of their own", () => {
    const clash = reserveWorkbook([
      makeRow({ unit: "a/b", item: "医用外科口罩" }),
      makeRow({ unit: "a:b", item: "医用外科口罩" }),
    ]);
    const { templates } = planTemplates(clash, { units: ["a/b", "a:b"] });
    expect(templates.map((t) => t.sheetName)).toEqual(["填报_a_b", "填报_a_b_2"]);
  });
});

describe("templateUnits", () => {
  /** 填报单位 with a title row, the header in row 2 and the given units. */
  const roster = (units: [string, string][]) => [
    ["日报告填报单位名单"],
    ["单位", "单位类别"],
    ...units.map(([name, category]) => [name, category]),
  ];

  it("lists the units of 物资储备 first, then those only on 填报单位 with every catalogue item", () => {
    const snapshot = workbook({
      物资储备: reserveValues([makeRow({ unit: "城关镇" })]),
      填报单位: roster([
        ["县档案馆", "县直部门"],
        ["城关镇", "乡镇"],
      ]),
    });
    expect(
      templateUnits(snapshot).map((u) => [
        u.name,
        u.category,
        u.items.length,
        u.inReserve,
        u.inRoster,
      ])
    ).toEqual([
      ["城关镇", "乡镇", 1, true, true],
      ["县档案馆", "县直部门", DEFAULT_CATALOGUE.length, false, true],
    ]);
  });

  it("takes the roster's category for a reserve unit whose category is not valid", () => {
    const snapshot = workbook({
      物资储备: reserveValues([makeRow({ unit: "城关镇", category: "镇政府" })]),
      填报单位: roster([["城关镇", "乡镇"]]),
    });
    expect(templateUnits(snapshot)[0].category).toBe("乡镇");
  });

  it("returns no unit when neither sheet exists", () => {
    expect(templateUnits(workbook({}))).toEqual([]);
  });
});
