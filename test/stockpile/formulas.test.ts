import { planComputeStockpile } from "../../src/workbook/stockpile/computeStockpile";
import {
  reserveFormulaBuilder,
  reserveFormulas,
  type ReserveFormulaLayout,
} from "../../src/workbook/stockpile/formulas";
import {
  commandInput,
  makeRow,
  OUT,
  reserveWorkbook,
  workbook,
  reserveValues,
  paramsValues,
  catalogueValues,
  writtenFormula,
  writtenValue,
  type RowFixture,
} from "./fixtures";

const layout: ReserveFormulaLayout = {
  input: {
    category: "B",
    item: "C",
    persons: "E",
    stock: "H",
    normOverride: "F",
    standardOverride: "G",
    inTransit: "I",
  },
  output: {
    standard: "J",
    days: "K",
    norm: "L",
    dailyNeed: "M",
    target: "N",
    gap: "O",
    daysOfCover: "P",
    rate: "Q",
    status: "R",
  },
  catalogue: { sheet: "物资目录", name: "A", kind: "C", routine: "D", wartime: "E" },
};

/** The engine's values of row 3's outputs for one row of input. */
function outputs(overrides: Partial<RowFixture>) {
  const { ops } = planComputeStockpile(commandInput(reserveWorkbook([makeRow(overrides)])));
  return Object.fromEntries(
    Object.entries(OUT).map(([key, column]) => [key, writtenValue(ops, "物资储备", 3, column)])
  );
}

describe("the output formulas", () => {
  it("write the applied standard from the typed one, else from the category", () => {
    expect(reserveFormulas(layout, 3).standard).toBe(
      '=IFERROR(IF(TRIM(G3)<>"",IF(OR(TRIM(G3)="战时",TRIM(G3)="日常"),TRIM(G3),""),IF(TRIM(B3)="县应急物资储备库","战时",IF(OR(TRIM(B3)="县直部门",TRIM(B3)="乡镇",TRIM(B3)="医疗机构"),"日常",""))),"")'
    );
  });

  it("take the reserve days from the named parameters", () => {
    expect(reserveFormulas(layout, 7).days).toBe(
      '=IF(J7="战时",战时储备天数,IF(J7="日常",日常储备天数,""))'
    );
  });

  it("look the norm up in 物资目录 with INDEX/MATCH, the column chosen by the standard", () => {
    const f = reserveFormulas(layout, 3).norm;
    expect(f).toContain('IF(ISNUMBER(F3),IF(F3>=0,F3,"")');
    expect(f).toContain(
      'IF(J3="战时",IF(ISNUMBER(INDEX(物资目录!$E:$E,MATCH(TRIM(C3),物资目录!$A:$A,0)))'
    );
    expect(f).toContain(
      'IF(J3="日常",IF(ISNUMBER(INDEX(物资目录!$D:$D,MATCH(TRIM(C3),物资目录!$A:$A,0)))'
    );
  });

  it("round the target up, and do not multiply a durable item by days", () => {
    expect(reserveFormulas(layout, 3).target).toBe(
      '=IFERROR(IF(AND(ISNUMBER(E3),ISNUMBER(L3)),IF(E3>=0,IF(TRIM(INDEX(物资目录!$C:$C,MATCH(TRIM(C3),物资目录!$A:$A,0)))="耐用类",ROUNDUP(E3*L3,0),IF(ISNUMBER(K3),ROUNDUP(M3*K3,0),"")),""),""),"")'
    );
  });

  it("count blank or text in-transit as 0 with N()", () => {
    expect(reserveFormulas(layout, 3).gap).toBe(
      '=IFERROR(IF(AND(ISNUMBER(N3),ISNUMBER(H3)),IF(AND(H3>=0,N(I3)>=0),MAX(0,N3-H3-N(I3)),""),""),"")'
    );
  });

  it("leave days of cover blank where the daily need is 0", () => {
    expect(reserveFormulas(layout, 3).daysOfCover).toBe(
      '=IFERROR(IF(AND(ISNUMBER(M3),ISNUMBER(H3)),IF(AND(M3>0,H3>=0),H3/M3,""),""),"")'
    );
  });

  it("divide stock by target for the fill rate", () => {
    expect(reserveFormulas(layout, 3).rate).toBe(
      '=IFERROR(IF(AND(ISNUMBER(N3),ISNUMBER(H3)),IF(AND(N3>0,H3>=0),H3/N3,""),""),"")'
    );
  });

  it("compare the rate with the named lines 达标线 and 预警线", () => {
    expect(reserveFormulas(layout, 3).status).toBe(
      '=IFERROR(IF(ISNUMBER(Q3),IF(Q3>=达标线,"达标",IF(Q3>=预警线,"预警","不足")),IF(AND(ISNUMBER(N3),ISNUMBER(H3)),IF(AND(N3=0,H3>=0),"达标",""),"")),"")'
    );
  });

  it("leave out the optional columns the table lacks", () => {
    const bare = { ...layout, input: { category: "B", item: "C", persons: "E", stock: "H" } };
    const f = reserveFormulas(bare, 3);
    expect(f.gap).toBe(
      '=IFERROR(IF(AND(ISNUMBER(N3),ISNUMBER(H3)),IF(H3>=0,MAX(0,N3-H3),""),""),"")'
    );
    expect(f.norm).not.toContain("F3");
    expect(f.standard).not.toContain("G3");
  });

  it("use only functions that Excel 2010, WPS and LibreOffice all have", () => {
    const all = Object.values(reserveFormulas(layout, 3)).join("");
    const used = new Set([...all.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1]));
    const classic = [
      "IF",
      "AND",
      "OR",
      "ISNUMBER",
      "IFERROR",
      "INDEX",
      "MATCH",
      "TRIM",
      "N",
      "ROUNDUP",
      "MAX",
    ];
    expect([...used].filter((f) => !classic.includes(f))).toEqual([]);
  });
});

describe("the values computed for the formulas", () => {
  it.each([
    [
      "a routine township row",
      {},
      {
        standard: "日常",
        days: 30,
        norm: 2,
        dailyNeed: 100,
        target: 3000,
        gap: 600,
        daysOfCover: 24,
        rate: 0.8,
        status: "预警",
      },
    ],
    [
      "the county reserve at wartime norms",
      { unit: "县应急物资储备库", category: "县应急物资储备库", persons: 1200, stock: 288000 },
      {
        standard: "战时",
        days: 60,
        norm: 4,
        dailyNeed: 4800,
        target: 288000,
        gap: 0,
        daysOfCover: 60,
        rate: 1,
        status: "达标",
      },
    ],
    [
      "a standard override to wartime",
      { standard: "战时" },
      { standard: "战时", days: 60, norm: 4, target: 12000, gap: 9600, rate: 0.2, status: "不足" },
    ],
    [
      "a standard override to routine for the county reserve",
      { category: "县应急物资储备库", standard: "日常" },
      { standard: "日常", days: 30, target: 3000 },
    ],
    ["a norm override", { norm: 3 }, { norm: 3, dailyNeed: 150, target: 4500, gap: 2100 }],
    [
      "a norm override of zero",
      { norm: 0 },
      { norm: 0, dailyNeed: 0, target: 0, gap: 0, daysOfCover: "", rate: "", status: "达标" },
    ],
    [
      "rounding up a fractional target",
      { item: "速干手消毒剂", persons: 35, stock: 11 },
      { dailyNeed: 35 * 0.01, target: 11, gap: 0, status: "达标" },
    ],
    [
      "rounding up where binary arithmetic overshoots",
      { item: "含氯消毒剂", persons: 35, stock: 21 },
      { target: 21, rate: 1, status: "达标" },
    ],
    [
      "a durable item: persons × quantity, not days",
      { item: "红外体温计", persons: 35, stock: 1 },
      {
        days: 30,
        norm: 0.05,
        dailyNeed: "",
        target: 2,
        gap: 1,
        daysOfCover: "",
        rate: 0.5,
        status: "不足",
      },
    ],
    [
      "a durable item at wartime",
      { item: "红外体温计", persons: 35, stock: 4, standard: "战时" },
      { norm: 0.1, target: 4, status: "达标" },
    ],
    [
      "zero daily need (N95 has no routine norm)",
      { item: "医用防护口罩(N95)", stock: 0 },
      { norm: 0, dailyNeed: 0, target: 0, gap: 0, daysOfCover: "", rate: "", status: "达标" },
    ],
    [
      "goods in transit reducing the gap but not the rate",
      { inTransit: 500 },
      { gap: 100, rate: 0.8 },
    ],
    ["goods in transit beyond the gap", { inTransit: 5000 }, { gap: 0 }],
    ["a rate above 100%", { stock: 4500 }, { gap: 0, rate: 1.5, status: "达标" }],
    ["stock of zero", { stock: 0 }, { gap: 3000, daysOfCover: 0, rate: 0, status: "不足" }],
    ["stock of negative zero", { stock: -0 }, { gap: 3000, rate: 0, status: "不足" }],
    [
      "blank stock (not reported)",
      { stock: null },
      { target: 3000, gap: "", daysOfCover: "", rate: "", status: "" },
    ],
    ["zero persons", { persons: 0, stock: 0 }, { dailyNeed: 0, target: 0, status: "达标" }],
    [
      "blank persons",
      { persons: null },
      { norm: 2, dailyNeed: "", target: "", gap: "", status: "" },
    ],
    ["negative persons", { persons: -5 }, { dailyNeed: "", target: "" }],
    ["persons typed as text", { persons: "50" }, { dailyNeed: "", target: "" }],
    ["negative stock", { stock: -1 }, { gap: "", rate: "", status: "" }],
    ["an unknown item", { item: "口罩" }, { standard: "日常", norm: "", target: "" }],
    [
      "an unknown item with a typed norm",
      { item: "口罩", norm: 3 },
      { norm: 3, dailyNeed: "", target: "" },
    ],
    ["an unknown category", { category: "社区" }, { standard: "", days: "", norm: "", target: "" }],
    ["an invalid standard", { standard: "紧急" }, { standard: "", days: "", target: "" }],
    [
      "an item name in another letter case with spaces",
      { item: " 医用防护口罩(n95) ", standard: "战时", stock: 3000 },
      { norm: 1, target: 3000, status: "达标" },
    ],
    ["a category with outer spaces", { category: " 乡镇 " }, { standard: "日常", target: 3000 }],
  ] as const)("for %s", (_, overrides, expected) => {
    expect(outputs(overrides as Partial<RowFixture>)).toMatchObject(expected);
  });

  it("follow the parameters the clerk edited", () => {
    const snapshot = workbook({
      参数: paramsValues({ 日常储备天数: 45, 预警线: 0.5 }),
      物资目录: catalogueValues(),
      物资储备: reserveValues([makeRow({ stock: 2400 })]),
    });
    const { ops } = planComputeStockpile(commandInput(snapshot));
    expect(writtenValue(ops, "物资储备", 3, OUT.target)).toBe(50 * 2 * 45);
    expect(writtenValue(ops, "物资储备", 3, OUT.status)).toBe("预警"); // 2400 / 4500 ≈ 53%
  });

  it("follow a norm the clerk edited in the catalogue", () => {
    const catalogue = catalogueValues();
    catalogue[2][3] = 3; // 医用外科口罩, routine
    const snapshot = workbook({ 物资目录: catalogue, 物资储备: reserveValues([makeRow()]) });
    const { ops } = planComputeStockpile(commandInput(snapshot));
    expect(writtenValue(ops, "物资储备", 3, OUT.target)).toBe(50 * 3 * 30);
  });

  it("write a formula, not a typed value, into every output cell", () => {
    const { ops } = planComputeStockpile(commandInput(reserveWorkbook([makeRow()])));
    for (const column of Object.values(OUT)) {
      expect(writtenFormula(ops, "物资储备", 3, column)).toMatch(/^=/);
    }
  });
});

describe("reserveFormulaBuilder", () => {
  it.each([3, 10, 1_048_576])("builds the same formulas as reserveFormulas for row %p", (row) => {
    expect(reserveFormulaBuilder(layout)(row)).toEqual(reserveFormulas(layout, row));
  });
});
