import { indexProgress, recordAt } from "../../src/core/vaccination/indexProgress";
import { progressColumns, type ProgressRecord } from "../../src/core/vaccination/progress";
import { D, makeRecord, numberRows } from "./fixtures";

function check(records: ProgressRecord[]) {
  return indexProgress(progressColumns(numberRows(records)));
}

function codes(records: ProgressRecord[]): string[] {
  return check(records).issues.map((i) => i.code);
}

describe("indexProgress: bad input", () => {
  it("gives no issue for a clean row", () => {
    expect(check([makeRecord()]).issues).toEqual([]);
  });

  it.each([
    ["blank", null, "targetMissing"],
    ["zero", 0, "targetZero"],
  ])(
    "reports a %s target at the target cell, saying the rate is undefined",
    (_case, target, code) => {
      const [i] = check([makeRecord({ target })]).issues;
      expect(i).toMatchObject({ code, row: 3, field: "target", severity: "error" });
      expect(i.message.zh).toContain("完成率无法计算");
      expect(i.message.en).toContain("not ranked");
    }
  );

  it("does not report a target the reader already reported as unreadable", () => {
    expect(codes([makeRecord({ target: null, reported: ["target"] })])).toEqual([]);
  });

  it("reports full course above first dose, naming the first-dose cell too", () => {
    const [i] = check([makeRecord({ first: 500, full: 501 })]).issues;
    expect(i).toMatchObject({ code: "fullAboveFirst", row: 3, field: "full" });
    expect(i.related).toEqual([{ row: 3, field: "first" }]);
  });

  it("accepts full course equal to first dose", () => {
    expect(codes([makeRecord({ first: 500, full: 500 })])).toEqual([]);
  });

  it.each([
    ["first", { first: 890 }],
    ["full", { full: 790 }],
    ["booster", { booster: 290 }],
  ] as const)(
    "reports a cumulative %s figure that falls from one date to the next, naming both cells",
    (field, fall) => {
      const issues = check([
        makeRecord({ date: D - 1, booster: 300 }),
        makeRecord({ date: D, booster: 300, ...fall }),
      ]).issues;
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ code: "cumulativeFell", row: 4, field });
      expect(issues[0].related).toEqual([{ row: 3, field }]);
    }
  );

  it("compares a falling figure with the unit's previous date even across a gap of days", () => {
    const issues = check([makeRecord({ date: D - 5 }), makeRecord({ date: D, first: 899 })]).issues;
    expect(issues.map((i) => i.code)).toEqual(["cumulativeFell"]);
  });

  it("compares each township and group only with itself", () => {
    expect(
      codes([
        makeRecord({ date: D - 1, township: "东城镇", first: 900 }),
        makeRecord({ date: D, township: "西城镇", first: 100, full: 50 }),
        makeRecord({ date: D, township: "东城镇", group: "60岁以上", first: 100, full: 50 }),
      ])
    ).toEqual([]);
  });

  it("compares rows by date even when the clerk's rows are out of order", () => {
    const issues = check([
      makeRecord({ date: D, first: 950 }),
      makeRecord({ date: D - 1, first: 960 }),
    ]).issues;
    expect(issues[0]).toMatchObject({ code: "cumulativeFell", row: 3 });
    expect(issues[0].related).toEqual([{ row: 4, field: "first" }]);
  });

  it("reports a duplicate (date, township, group) at the earlier row and keeps the later", () => {
    const { value, issues } = check([makeRecord({ first: 900 }), makeRecord({ first: 910 })]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "duplicateRow", row: 3, field: "date" });
    expect(issues[0].related).toEqual([{ row: 4, field: "date" }]);
    expect(value.columns.first[recordAt(value, 0, D)]).toBe(910);
  });

  it("treats the same township in two counties as two units, not a duplicate", () => {
    const { value, issues } = check([
      makeRecord({ county: "平安县", township: "城关镇" }),
      makeRecord({ county: "康宁县", township: "城关镇" }),
    ]);
    expect(issues).toEqual([]);
    expect(value.units.map((u) => u.county)).toEqual(["平安县", "康宁县"]);
  });

  it.each([
    ["first", "dayFirst", { dayFirst: 15 }, "910 − 900 = 10"],
    ["full", "dayFull", { dayFull: 9 }, "810 − 800 = 10"],
    ["booster", "dayBooster", { dayBooster: 1 }, "310 − 300 = 10"],
  ] as const)(
    "reports a daily %s figure that disagrees with the cumulative change, naming the daily and both cumulative cells",
    (field, daily, given, difference) => {
      const issues = check([
        makeRecord({
          date: D - 1,
          first: 900,
          full: 800,
          booster: 300,
          dayFirst: null,
          dayFull: null,
          dayBooster: null,
        }),
        makeRecord({
          date: D,
          first: 910,
          full: 810,
          booster: 310,
          dayFirst: 10,
          dayFull: 10,
          dayBooster: 10,
          ...given,
        }),
      ]).issues;
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ code: "dailyMismatch", row: 4, field: daily });
      expect(issues[0].related).toEqual([
        { row: 4, field },
        { row: 3, field },
      ]);
      expect(issues[0].message.zh).toContain(difference);
    }
  );

  it("accepts daily figures that agree with the cumulative change", () => {
    expect(
      codes([
        makeRecord({ date: D - 1, first: 900, dayFirst: 5 }),
        makeRecord({ date: D, first: 930, dayFirst: 30 }),
      ])
    ).toEqual([]);
  });

  it("does not compare a daily figure with a change over more than one day", () => {
    expect(
      codes([
        makeRecord({ date: D - 2, first: 900, dayFirst: 5 }),
        makeRecord({ date: D, first: 930, dayFirst: 12 }),
      ])
    ).toEqual([]);
  });

  it.each([
    ["date", { date: null }],
    ["township", { township: null }],
    ["group", { group: null }],
  ] as const)("leaves out a record whose %s is blank, with an issue", (field, blank) => {
    const { value, issues } = check([makeRecord(blank)]);
    expect(value.units).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ code: "required", field })]);
  });

  it("leaves out a record whose unreadable date the reader already reported, without a second issue", () => {
    const { value, issues } = check([makeRecord({ date: null, reported: ["date"] })]);
    expect(value.units).toEqual([]);
    expect(issues).toEqual([]);
  });
});

describe("indexProgress: counties", () => {
  it("takes a blank county from the township's other rows, as merged cells leave it", () => {
    const { value, issues } = check([
      makeRecord({ date: D - 1, county: "康宁县", township: "河口镇" }),
      makeRecord({ date: D, county: null, township: "河口镇" }),
    ]);
    expect(issues).toEqual([]);
    expect(value.units).toEqual([{ county: "康宁县", township: "河口镇", group: "18岁以上" }]);
    expect(value.count[0]).toBe(2);
  });

  it("leaves out a row whose county is blank and cannot be told, with an issue", () => {
    const { value, issues } = check([makeRecord({ county: null, township: "河口镇" })]);
    expect(value.units).toEqual([]);
    expect(issues[0]).toMatchObject({ code: "countyMissing", field: "county" });
  });

  it("leaves out a row whose township is named under two counties and whose county is blank", () => {
    const { issues } = check([
      makeRecord({ date: D - 2, county: "平安县", township: "城关镇" }),
      makeRecord({ date: D - 1, county: "康宁县", township: "城关镇" }),
      makeRecord({ date: D, county: null, township: "城关镇" }),
    ]);
    expect(issues).toEqual([expect.objectContaining({ code: "countyMissing", row: 5 })]);
    expect(issues[0].message.zh).toContain("多个县(区)");
  });

  it("lists counties and groups in order of first appearance", () => {
    const { value } = check([
      makeRecord({ county: "康宁县", township: "河口镇", group: "60岁以上" }),
      makeRecord({ county: "平安县", township: "东城镇", group: "18岁以上" }),
    ]);
    expect(value.counties).toEqual(["康宁县", "平安县"]);
    expect(value.groups).toEqual(["60岁以上", "18岁以上"]);
    expect(value.hasCounty).toBe(true);
  });
});

describe("indexProgress: the index", () => {
  it("finds a unit's record by date and returns -1 for a day without one", () => {
    const { value } = check([
      makeRecord({ date: D - 3 }),
      makeRecord({ date: D - 1 }),
      makeRecord({ date: D }),
    ]);
    expect(recordAt(value, 0, D - 1)).toBe(1);
    expect(recordAt(value, 0, D - 2)).toBe(-1);
    expect(value.dates).toEqual([D - 3, D - 1, D]);
  });

  it("has no county and an empty county list without a 县(区) column", () => {
    const { value } = check([makeRecord()]);
    expect(value.hasCounty).toBe(false);
    expect(value.counties).toEqual([]);
    expect(value.units[0].county).toBeNull();
  });
});
