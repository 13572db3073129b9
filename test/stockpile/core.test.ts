import { appliedNorm } from "../../src/core/stockpile/appliedNorm";
import { DEFAULT_CATALOGUE } from "../../src/core/stockpile/catalogue";
import { daysOfCover } from "../../src/core/stockpile/daysOfCover";
import { fillRate } from "../../src/core/stockpile/fillRate";
import {
  computeReserveLines,
  itemKey,
  type ReserveRecord,
} from "../../src/core/stockpile/reserveLines";
import { reserveDays, reserveStandard } from "../../src/core/stockpile/reserveStandard";
import { reserveStatus } from "../../src/core/stockpile/reserveStatus";
import { roundUpWhole } from "../../src/core/stockpile/roundUp";
import { stockGap } from "../../src/core/stockpile/stockGap";
import { stockTarget } from "../../src/core/stockpile/stockTarget";
import { summarizeReserve } from "../../src/core/stockpile/summary";

const mask = DEFAULT_CATALOGUE[0];
const lines = { targetLine: 1, warningLine: 0.8 };

describe("the default catalogue", () => {
  it("holds the ten items of the county plan with their routine and wartime norms", () => {
    expect(DEFAULT_CATALOGUE.map((c) => [c.name, c.unit, c.routine, c.wartime])).toEqual([
      ["医用外科口罩", "只", 2, 4],
      ["医用防护口罩(N95)", "只", 0, 1],
      ["医用防护服", "套", 0, 1],
      ["隔离衣", "件", 0, 1],
      ["医用检查手套", "副", 0, 8],
      ["防护面屏/护目镜", "个", 0, 0.1],
      ["速干手消毒剂", "升", 0.01, 0.03],
      ["含氯消毒剂", "升", 0.02, 0.05],
      ["红外体温计", "把", 0.05, 0.1],
      ["核酸检测试剂", "人份", 0, 1],
    ]);
  });

  it("marks only the thermometer as durable", () => {
    expect(DEFAULT_CATALOGUE.filter((c) => c.kind === "耐用类").map((c) => c.name)).toEqual([
      "红外体温计",
    ]);
  });

  it("names a source for every item: the county plan for routine norms and WHO ESFT for wartime ones", () => {
    for (const c of DEFAULT_CATALOGUE) expect(c.note).toMatch(/县应急预案/);
    for (const c of DEFAULT_CATALOGUE) expect(c.note).toMatch(/WHO ESFT/);
  });
});

describe("roundUpWhole", () => {
  it.each([
    [180.2, 181],
    [180, 180],
    [0.0001, 1],
    [0, 0],
    [-0, 0],
    [-2.5, -3],
  ])("rounds %p up to %p", (value, expected) => {
    expect(Object.is(roundUpWhole(value), expected)).toBe(true);
  });

  it("gives 21, as spreadsheets do, for 35 × 0.02 × 30 whose binary product is 21.000000000000004", () => {
    expect(35 * 0.02 * 30).toBeGreaterThan(21);
    expect(roundUpWhole(35 * 0.02 * 30)).toBe(21);
  });

  it("returns NaN for a value that is not finite", () => {
    expect(roundUpWhole(Infinity)).toBeNaN();
  });
});

describe("reserveStandard", () => {
  it.each([
    [null, "县应急物资储备库", "战时"],
    [null, "县直部门", "日常"],
    [null, "乡镇", "日常"],
    [null, "医疗机构", "日常"],
    ["战时", "乡镇", "战时"],
    ["日常", "县应急物资储备库", "日常"],
    ["紧急", "乡镇", null],
    [null, "社区", null],
    [null, null, null],
  ])("with override %p and category %p returns %p", (override, category, expected) => {
    expect(reserveStandard({ override, category })).toBe(expected);
  });

  it("returns the wartime and routine days from the parameters", () => {
    const days = { wartimeDays: 60, routineDays: 30 };
    expect([reserveDays("战时", days), reserveDays("日常", days), reserveDays(null, days)]).toEqual(
      [60, 30, null]
    );
  });
});

describe("appliedNorm", () => {
  it.each([
    ["the wartime catalogue norm", { override: null, standard: "战时" }, 4],
    ["the routine catalogue norm", { override: null, standard: "日常" }, 2],
    ["the typed norm over the catalogue", { override: 3, standard: "战时" }, 3],
    ["a typed norm of zero", { override: 0, standard: "战时" }, 0],
    ["null for a negative typed norm", { override: -1, standard: "日常" }, null],
    ["null without a standard", { override: null, standard: null }, null],
  ] as const)("returns %s", (_, o, expected) => {
    expect(appliedNorm({ item: mask, ...o })).toBe(expected);
  });

  it("returns null when the catalogue has no norm for the standard", () => {
    expect(
      appliedNorm({ override: null, item: { ...mask, wartime: null }, standard: "战时" })
    ).toBeNull();
  });

  it("returns null when the item is not in the catalogue and no norm is typed", () => {
    expect(appliedNorm({ override: null, item: undefined, standard: "日常" })).toBeNull();
  });
});

describe("stockTarget", () => {
  it.each([
    ["wartime masks for 1,200 over 60 days", { persons: 1200, norm: 4, days: 60 }, 4800, 288000],
    ["routine masks for 50 over 30 days", { persons: 50, norm: 2, days: 30 }, 100, 3000],
    ["a fractional need rounded up", { persons: 35, norm: 0.01, days: 30 }, 35 * 0.01, 11],
    ["a zero norm", { persons: 50, norm: 0, days: 30 }, 0, 0],
    ["zero persons", { persons: 0, norm: 2, days: 30 }, 0, 0],
  ])("computes %s", (_, o, dailyNeed, target) => {
    expect(stockTarget({ ...o, durable: false })).toEqual({ dailyNeed, target });
  });

  it("does not multiply a durable item by days: 35 persons × 0.05 rounds up to 2", () => {
    expect(stockTarget({ persons: 35, norm: 0.05, days: 30, durable: true })).toEqual({
      dailyNeed: null,
      target: 2,
    });
  });

  it("gives a daily need but no target when the standard (hence the days) is unknown", () => {
    expect(stockTarget({ persons: 50, norm: 2, days: null, durable: false })).toEqual({
      dailyNeed: 100,
      target: null,
    });
  });

  it.each([
    ["persons blank", { persons: null, norm: 2, durable: false }],
    ["persons negative", { persons: -5, norm: 2, durable: false }],
    ["no norm", { persons: 50, norm: null, durable: false }],
    ["an item not in the catalogue", { persons: 50, norm: 2, durable: null }],
  ])("computes nothing with %s", (_, o) => {
    expect(stockTarget({ days: 30, ...o })).toEqual({ dailyNeed: null, target: null });
  });
});

describe("stockGap", () => {
  it.each([
    ["target minus stock and transit", 300, 120, 50, 130],
    ["zero when stock covers the target", 300, 400, 0, 0],
    ["zero when transit completes it", 300, 250, 50, 0],
    ["the whole target when stock is zero", 300, 0, 0, 300],
    ["zero for negative-zero stock meeting a zero target", 0, -0, 0, 0],
  ])("returns %s", (_, target, stock, inTransit, expected) => {
    expect(Object.is(stockGap({ target, stock, inTransit }), expected)).toBe(true);
  });

  it.each([
    ["the stock is blank", { target: 300, stock: null, inTransit: 0 }],
    ["the target is unknown", { target: null, stock: 10, inTransit: 0 }],
    ["the stock is negative", { target: 300, stock: -1, inTransit: 0 }],
    ["the transit is negative", { target: 300, stock: 10, inTransit: -1 }],
  ])("returns null when %s", (_, o) => {
    expect(stockGap(o)).toBeNull();
  });
});

describe("daysOfCover and fillRate", () => {
  it("divides stock by daily need", () => {
    expect(daysOfCover({ stock: 900, dailyNeed: 60 })).toBe(15);
  });

  it("is blank where the daily need is zero", () => {
    expect(daysOfCover({ stock: 900, dailyNeed: 0 })).toBeNull();
  });

  it("is blank for a durable item (no daily need)", () => {
    expect(daysOfCover({ stock: 3, dailyNeed: null })).toBeNull();
  });

  it("divides stock by target, ignoring goods in transit", () => {
    expect(fillRate({ stock: 150, target: 300 })).toBe(0.5);
  });

  it("keeps rates above 100%", () => {
    expect(fillRate({ stock: 450, target: 300 })).toBe(1.5);
  });

  it("is blank where the target is zero", () => {
    expect(fillRate({ stock: 10, target: 0 })).toBeNull();
  });

  it("is 0, not negative zero, for negative-zero stock", () => {
    expect(Object.is(fillRate({ stock: -0, target: 300 }), 0)).toBe(true);
  });
});

describe("reserveStatus", () => {
  it.each([
    [1.5, "达标"],
    [1, "达标"],
    [0.9999, "预警"],
    [0.8, "预警"],
    [0.7999, "不足"],
    [0, "不足"],
  ])("gives rate %p the status %p with lines 100%% and 80%%", (rate, expected) => {
    expect(reserveStatus({ rate, target: 100, stock: rate * 100 }, lines)).toBe(expected);
  });

  it("calls a zero target 达标 when the stock is known", () => {
    expect(reserveStatus({ rate: null, target: 0, stock: 0 }, lines)).toBe("达标");
  });

  it("gives no status when the stock is blank", () => {
    expect(reserveStatus({ rate: null, target: 300, stock: null }, lines)).toBeNull();
  });

  it("follows the lines from the parameters", () => {
    expect(
      reserveStatus({ rate: 0.85, target: 100, stock: 85 }, { targetLine: 0.9, warningLine: 0.85 })
    ).toBe("预警");
  });
});

function record(overrides: Partial<ReserveRecord> = {}): ReserveRecord {
  return {
    row: 3,
    unit: "城关镇",
    category: "乡镇",
    item: "医用外科口罩",
    persons: 50,
    personsBlank: false,
    normOverride: null,
    normOverrideBlank: true,
    standardOverride: null,
    stock: 2400,
    inTransit: 0,
    ...overrides,
  };
}

const options = {
  catalogue: new Map(DEFAULT_CATALOGUE.map((c) => [itemKey(c.name), c])),
  wartimeDays: 60,
  routineDays: 30,
  targetLine: 1,
  warningLine: 0.8,
};

describe("computeReserveLines", () => {
  it("computes a routine township row: 50 × 2 × 30 = 3,000, 2,400 on hand is 80% (预警)", () => {
    const [line] = computeReserveLines([record()], options).value;
    expect(line).toMatchObject({
      standard: "日常",
      days: 30,
      norm: 2,
      dailyNeed: 100,
      target: 3000,
      gap: 600,
      daysOfCover: 24,
      rate: 0.8,
      status: "预警",
    });
  });

  it("finds the item whatever its letter case, as MATCH does", () => {
    const [line] = computeReserveLines(
      [record({ item: "医用防护口罩(n95)", standardOverride: "战时" })],
      options
    ).value;
    expect(line.target).toBe(50 * 1 * 60);
  });

  it("reports an item not in the catalogue and computes nothing for it", () => {
    const { value, issues } = computeReserveLines([record({ item: "口罩" })], options);
    expect(issues.map((i) => [i.code, i.row, i.field])).toEqual([["unknownItem", 3, "item"]]);
    expect(value[0].target).toBeNull();
  });

  it("reports a repeated (单位, 物资名称) on the later row, pointing at the first", () => {
    const { value, issues } = computeReserveLines(
      [record({ row: 3 }), record({ row: 7 })],
      options
    );
    expect(issues).toEqual([
      expect.objectContaining({
        code: "duplicateRow",
        row: 7,
        field: "item",
        related: [{ row: 3, field: "item" }],
      }),
    ]);
    expect(value[1].duplicateOf).toBe(3);
  });

  it("reports 保障人数 blank when 现有库存 is given", () => {
    const { issues } = computeReserveLines(
      [record({ persons: null, personsBlank: true })],
      options
    );
    expect(issues.map((i) => [i.code, i.field])).toEqual([["personsMissing", "persons"]]);
  });

  it("does not report a row with neither 保障人数 nor 现有库存", () => {
    const { issues } = computeReserveLines(
      [record({ persons: null, personsBlank: true, stock: null })],
      options
    );
    expect(issues).toEqual([]);
  });

  it("reports a catalogue norm missing for the chosen standard", () => {
    const catalogue = new Map(options.catalogue);
    catalogue.set(itemKey(mask.name), { ...mask, routine: null });
    const { value, issues } = computeReserveLines([record()], { ...options, catalogue });
    expect(issues.map((i) => [i.code, i.field])).toEqual([["normMissing", "normOverride"]]);
    expect(value[0].target).toBeNull();
  });

  it("does not report a missing catalogue norm when the row types its own", () => {
    const catalogue = new Map(options.catalogue);
    catalogue.set(itemKey(mask.name), { ...mask, routine: null });
    const { value, issues } = computeReserveLines(
      [record({ normOverride: 3, normOverrideBlank: false })],
      {
        ...options,
        catalogue,
      }
    );
    expect(issues).toEqual([]);
    expect(value[0].target).toBe(50 * 3 * 30);
  });

  it("still computes the valid rows when another row is bad", () => {
    const { value } = computeReserveLines(
      [record({ row: 3, item: "不存在" }), record({ row: 4 })],
      options
    );
    expect(value.map((l) => l.target)).toEqual([null, 3000]);
  });
});

describe("summarizeReserve", () => {
  const rows = [
    record({ row: 3, unit: "城关镇", stock: 2400 }), // target 3,000, gap 600, 80%
    record({ row: 4, unit: "青石镇", persons: 100, stock: 7000 }), // target 6,000, no gap, 116.7%
    record({ row: 5, unit: "石桥乡", persons: 20, stock: 300, inTransit: 100 }), // target 1,200, gap 800, 25%
    record({ row: 6, unit: "城关镇", item: "红外体温计", persons: 50, stock: 1 }), // durable: target 3, gap 2
    record({ row: 7, unit: "城关镇", stock: 2400 }), // repeats row 3 with the same figures: counted once
    record({ row: 8, unit: "县卫生健康局", category: "县直部门", persons: 10, stock: null }), // no stock: left out
  ];
  const summary = summarizeReserve(computeReserveLines(rows, options).value, {
    catalogue: DEFAULT_CATALOGUE,
    targetLine: 1,
  });

  it("totals each item in catalogue order, summing the units' gaps rather than netting them", () => {
    expect(
      summary.byItem.map((t) => [t.item, t.target, t.stock, t.inTransit, t.gap, t.unitsShort])
    ).toEqual([
      ["医用外科口罩", 10200, 9700, 100, 1400, 2],
      ["红外体温计", 3, 1, 0, 2, 1],
    ]);
  });

  it("names the units below 达标线 with the lowest rates, lowest first", () => {
    expect(summary.byItem[0].worst).toEqual([
      { unit: "石桥乡", rate: 0.25 },
      { unit: "城关镇", rate: 0.8 },
    ]);
  });

  it("totals each category × item", () => {
    expect(summary.byCategory.map((t) => [t.category, t.item, t.units])).toEqual([
      ["乡镇", "医用外科口罩", 3],
      ["乡镇", "红外体温计", 1],
    ]);
  });

  it("counts distinct units and those short", () => {
    expect([summary.units, summary.unitsShort, summary.counted]).toEqual([3, 2, 4]);
  });

  it("holds both rows of a unit's item out as 待核实 when they disagree (one rule for every table)", () => {
    const disputed = computeReserveLines(
      [rows[0], rows[1], record({ row: 7, unit: "城关镇", stock: 1 })],
      options
    );
    const s = summarizeReserve(disputed.value, { catalogue: DEFAULT_CATALOGUE, targetLine: 1 });
    expect(disputed.value.map((l) => l.unverified ?? false)).toEqual([true, false, true]);
    expect(s.byItem[0].stock).toBe(7000);
    expect(
      disputed.issues.filter((i) => i.code === "duplicateRow").map((i) => [i.row, i.severity])
    ).toEqual([[7, "error"]]);
  });

  it("gives no rate for an item whose total target is zero", () => {
    const s = summarizeReserve(
      computeReserveLines([record({ item: "医用防护口罩(N95)" })], options).value,
      { catalogue: DEFAULT_CATALOGUE, targetLine: 1 }
    );
    expect(s.byItem[0]).toMatchObject({ target: 0, rate: null, unitsShort: 0, worst: [] });
  });

  it("names every unit tied at the cut-off", () => {
    const tied = ["甲", "乙", "丙", "丁"].map((unit, i) =>
      record({ row: 3 + i, unit, stock: 1500 })
    );
    const s = summarizeReserve(computeReserveLines(tied, options).value, {
      catalogue: DEFAULT_CATALOGUE,
      targetLine: 1,
      worstCount: 3,
    });
    expect(s.byItem[0].worst.map((w) => w.unit)).toEqual(["甲", "乙", "丙", "丁"]);
  });
});
