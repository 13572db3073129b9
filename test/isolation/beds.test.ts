import { bedResult, bedTotal, computeBeds } from "../../src/core/isolation/bedCapacity";
import { bedsPer10k } from "../../src/core/isolation/bedsPer10k";
import fc from "fast-check";
import { excelRound, excelRoundUp } from "../../src/core/isolation/excelRound";
import { requiredBeds } from "../../src/core/isolation/requiredBeds";
import { makeBedRecord } from "./fixtures";

describe("excelRound / excelRoundUp", () => {
  it.each([
    [18.34, 1, 18.3],
    [18.35, 1, 18.4],
    [1.15, 1, 1.2], // 1.15 is 1.1499999… in binary; spreadsheets round it up
    [-2.5, 0, -3], // halves away from zero
    [2.5, 0, 3],
  ])("ROUND(%p, %p) is %p", (value, digits, expected) => {
    expect(excelRound(value, digits)).toBe(expected);
  });

  it.each([
    [172.8, 0, 173],
    [173, 0, 173],
    [30 * 0.1, 0, 3], // 3.0000000000000004 in binary
    [-2.1, 0, -3],
    [18.31, 1, 18.4],
  ])("ROUNDUP(%p, %p) is %p", (value, digits, expected) => {
    expect(excelRoundUp(value, digits)).toBe(expected);
  });

  it("returns 0, not negative zero, for negative zero", () => {
    expect(Object.is(excelRound(-0), 0)).toBe(true);
    expect(Object.is(excelRoundUp(-0.0), 0)).toBe(true);
  });

  // The definition: take the value to 15 significant digits, then round in decimal.
  const decimal = (value: number, digits: number, up: boolean) => {
    const [m, e] = Math.abs(value).toPrecision(15).split("e");
    const scaled = Number(`${m}e${Number(e ?? 0) + digits}`);
    const r = up ? Math.ceil(scaled) : Math.round(scaled);
    const out = Number(`${r}e${-digits}`);
    return value < 0 ? -out : out;
  };

  it("agrees with decimal rounding of the 15-digit value for ratios of whole numbers", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 3 }),
        (a, b, digits) => {
          const x = (a * 10_000) / b;
          return (
            excelRound(x, digits) === decimal(x, digits, false) &&
            excelRoundUp(x, digits) === decimal(x, digits, true)
          );
        }
      ),
      { numRuns: 2000 }
    );
  });

  it("returns NaN for Infinity", () => {
    expect(excelRoundUp(Infinity)).toBeNaN();
  });
});

describe("requiredBeds: ROUNDUP(population × norm ÷ 10,000)", () => {
  it.each([
    // population, norm, expected
    [86_400, 20, 173], // 172.8 → 173
    [10_000, 20, 20], // exact: no bed added
    [10_001, 20, 21], // 20.002 → 21: any part of a bed is a bed
    [5_000, 20, 10],
    [499, 20, 1], // 0.998 → 1
    [1, 20, 1],
    [86_400, 40, 346], // 345.6 → 346
    [12_400, 60, 75], // 74.4 → 75
    [35_000, 20.5, 72], // 71.75 → 72
  ])("gives %p residents at %p per 10,000 → %p beds", (population, norm, expected) => {
    expect(requiredBeds(population, { bedsPer10k: norm })).toBe(expected);
  });

  it("doubles when the norm goes from 20 to 40 for a round population", () => {
    expect(requiredBeds(50_000, { bedsPer10k: 20 })).toBe(100);
    expect(requiredBeds(50_000, { bedsPer10k: 40 })).toBe(200);
  });

  it("handles a huge population (1.4 billion) without losing a bed", () => {
    expect(requiredBeds(1_400_000_000, { bedsPer10k: 20 })).toBe(2_800_000);
    expect(requiredBeds(1_400_000_001, { bedsPer10k: 20 })).toBe(2_800_001);
  });

  it.each([
    ["zero", 0],
    ["negative zero", -0],
    ["negative", -100],
    ["blank", null],
    ["unreadable", NaN],
  ])("returns null for a %s population", (_, population) => {
    expect(requiredBeds(population, { bedsPer10k: 20 })).toBeNull();
  });
});

describe("bedsPer10k: ROUND(beds × 10,000 ÷ population, 1)", () => {
  it.each([
    [200, 86_400, 23.1], // 23.148…
    [23, 20_000, 11.5],
    [23, 200_000, 1.2], // 1.15 exactly in decimal: rounds up
    [0, 12_400, 0],
    [500, 1_000, 5_000], // far above the norm: no cap
  ])("gives %p beds for %p residents → %p", (beds, population, expected) => {
    expect(bedsPer10k(beds, population)).toBe(expected);
  });

  it("returns null when the population is zero", () => {
    expect(bedsPer10k(30, 0)).toBeNull();
  });

  it("returns null when the beds are unknown", () => {
    expect(bedsPer10k(null, 10_000)).toBeNull();
  });
});

describe("bedTotal: 现有床位 + 备用床位", () => {
  it("counts a blank backup as 0", () => {
    expect(bedTotal(40, null)).toBe(40);
  });

  it("counts a backup of 0 as 0", () => {
    expect(bedTotal(40, 0)).toBe(40);
  });

  it("adds the backup", () => {
    expect(bedTotal(40, 12)).toBe(52);
  });

  it("returns null when the existing beds are blank (blank is not 0)", () => {
    expect(bedTotal(null, 12)).toBeNull();
  });

  it("returns null when a figure is negative", () => {
    expect(bedTotal(-1, 12)).toBeNull();
    expect(bedTotal(40, -1)).toBeNull();
  });
});

describe("computeBeds", () => {
  const options = { bedsPer10k: 20 };

  it("computes every output of a valid row", () => {
    const r = bedResult(
      makeBedRecord({ population: 86_400, existingBeds: 150, backupBeds: 10 }),
      options
    );
    // required ROUNDUP(172.8) = 173; total 160; gap 13; per10k 160 × 10,000 ÷ 86,400 = 18.5
    expect(r).toEqual(
      expect.objectContaining({ required: 173, total: 160, gap: 13, per10k: 18.5, status: "不足" })
    );
  });

  it("gives a gap of 0 and 达标 when beds exceed the requirement", () => {
    const r = bedResult(
      makeBedRecord({ population: 10_000, existingBeds: 25, backupBeds: null }),
      options
    );
    expect(r.gap).toBe(0);
    expect(r.status).toBe("达标");
  });

  it("gives 达标 when beds exactly meet the requirement", () => {
    const r = bedResult(
      makeBedRecord({ population: 10_000, existingBeds: 15, backupBeds: 5 }),
      options
    );
    expect(r.gap).toBe(0);
    expect(r.status).toBe("达标");
  });

  it("still computes 床位合计 for a row whose population is zero", () => {
    const { value, issues } = computeBeds([makeBedRecord({ row: 7, population: 0 })], options);
    expect(value[0]).toEqual(
      expect.objectContaining({ required: null, total: 180, gap: null, per10k: null, status: null })
    );
    expect(issues).toEqual([
      expect.objectContaining({ code: "populationZero", row: 7, field: "population" }),
    ]);
  });

  it.each([
    ["missing", null, "populationMissing"],
    ["negative", -5, "populationNegative"],
    ["unreadable", NaN, "populationNotANumber"],
  ])("reports a %s population", (_, population, code) => {
    const { issues } = computeBeds([makeBedRecord({ population })], options);
    expect(issues.map((i) => i.code)).toEqual([code]);
  });

  it("reports negative existing beds and leaves the total empty", () => {
    const { value, issues } = computeBeds([makeBedRecord({ row: 9, existingBeds: -3 })], options);
    expect(value[0].total).toBeNull();
    expect(issues).toEqual([
      expect.objectContaining({ code: "negativeBeds", row: 9, field: "existingBeds" }),
    ]);
  });

  it("reports negative backup beds", () => {
    const { issues } = computeBeds([makeBedRecord({ backupBeds: -1 })], options);
    expect(issues).toEqual([
      expect.objectContaining({ code: "negativeBeds", field: "backupBeds" }),
    ]);
  });

  it("reports blank existing beds (type 0 when there are none)", () => {
    const { issues } = computeBeds([makeBedRecord({ existingBeds: null })], options);
    expect(issues).toEqual([
      expect.objectContaining({ code: "bedsMissing", field: "existingBeds" }),
    ]);
  });

  it("names the unit in the message", () => {
    const { issues } = computeBeds([makeBedRecord({ existingBeds: null })], {
      bedsPer10k: 20,
      unit: "间",
    });
    expect(issues[0].message.zh).toContain("间");
  });

  it("computes valid rows when other rows are bad", () => {
    const { value } = computeBeds(
      [
        makeBedRecord({ row: 3, population: -1 }),
        makeBedRecord({ row: 4, population: 10_000, existingBeds: 20, backupBeds: null }),
      ],
      options
    );
    expect(value[1]).toEqual(
      expect.objectContaining({ required: 20, total: 20, gap: 0, per10k: 20, status: "达标" })
    );
  });

  it("warns about a township listed twice under the same parent, pointing at the first", () => {
    const { issues } = computeBeds(
      [
        makeBedRecord({ row: 3, township: "城关镇" }),
        makeBedRecord({ row: 8, township: "城关镇" }),
      ],
      options
    );
    expect(issues).toEqual([
      expect.objectContaining({
        code: "duplicateTownship",
        row: 8,
        severity: "warning",
        related: [{ row: 3, field: "township" }],
      }),
    ]);
  });

  it("does not treat the same name under two parents as a duplicate", () => {
    const { issues } = computeBeds(
      [
        makeBedRecord({ row: 3, parent: "平安县", township: "城关镇" }),
        makeBedRecord({ row: 4, parent: "康宁县", township: "城关镇" }),
      ],
      options
    );
    expect(issues).toEqual([]);
  });
});
