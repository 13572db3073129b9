import { serialFromYmd } from "../../src/core/dates";
import { vaccinationReport } from "../../src/core/vaccination/report";
import type { TieRule } from "../../src/core/rank";
import {
  D,
  DUE,
  indexOf,
  makeRecord,
  noticeRecords,
  numberRows,
  oneDay,
  reportOf,
  series,
  unitNamed,
  unitsOf,
} from "./fixtures";
import { indexProgress } from "../../src/core/vaccination/indexProgress";
import { progressColumns } from "../../src/core/vaccination/progress";

/** Eight townships, targets 1,000, with ties at the third place from the top and from the bottom. */
const TIES = oneDay([
  { township: "甲镇", full: 990 },
  { township: "乙镇", full: 970 },
  { township: "丙镇", full: 962 },
  { township: "丁镇", full: 962 },
  { township: "戊镇", full: 850 },
  { township: "己镇", full: 850 },
  { township: "庚镇", full: 800 },
  { township: "辛镇", full: 750 },
]);

describe("vaccinationReport: ranking with ties", () => {
  it.each<[TieRule, number[]]>([
    ["并列占位", [1, 2, 3, 3, 5, 5, 7, 8]],
    ["并列不占位", [1, 2, 3, 3, 4, 4, 5, 6]],
  ])("ranks with %s as %j", (tieRule, ranks) => {
    const units = unitsOf(reportOf(TIES, { tieRule }));
    expect(units.map((u) => u.township)).toEqual([
      "甲镇",
      "乙镇",
      "丙镇",
      "丁镇",
      "戊镇",
      "己镇",
      "庚镇",
      "辛镇",
    ]);
    expect(units.map((u) => u.rank)).toEqual(ranks);
  });

  it.each<[TieRule]>([["并列占位"], ["并列不占位"]])(
    "names all four units tied at the top-3 cut-off under %s",
    (tieRule) => {
      const area = reportOf(TIES, { tieRule }).groups[0].areas[0];
      expect(area.best.map((u) => u.township)).toEqual(["甲镇", "乙镇", "丙镇", "丁镇"]);
      expect(area.bestTied).toBe(true);
    }
  );

  it.each<[TieRule]>([["并列占位"], ["并列不占位"]])(
    "names all four units tied at the bottom-3 cut-off, worst first, under %s",
    (tieRule) => {
      const area = reportOf(TIES, { tieRule }).groups[0].areas[0];
      expect(area.worst.map((u) => u.township)).toEqual(["辛镇", "庚镇", "戊镇", "己镇"]);
      expect(area.worstTied).toBe(true);
    }
  );

  it("names exactly three when there is no tie at the cut-off", () => {
    const area = reportOf(
      oneDay([
        { township: "甲镇", full: 990 },
        { township: "乙镇", full: 980 },
        { township: "丙镇", full: 970 },
        { township: "丁镇", full: 960 },
      ])
    ).groups[0].areas[0];
    expect(area.best.map((u) => u.township)).toEqual(["甲镇", "乙镇", "丙镇"]);
    expect(area.bestTied).toBe(false);
  });

  it("ties rates that are equal as fractions though computed from different counts (2,405/2,500 and 4,810/5,000)", () => {
    const units = unitsOf(
      reportOf(
        oneDay([
          { township: "甲镇", full: 2_405, target: 2_500 },
          { township: "乙镇", full: 4_810, target: 5_000 },
        ])
      )
    );
    expect(units.map((u) => u.rank)).toEqual([1, 1]);
  });

  it("ties rates shown alike at one decimal, as the sheet prints them (96.24% and 96.16% are both 96.2%)", () => {
    const units = unitsOf(
      reportOf(
        oneDay([
          { township: "甲镇", full: 9_624, target: 10_000 },
          { township: "乙镇", full: 9_616, target: 10_000 },
        ])
      )
    );
    expect(units.map((u) => u.rank)).toEqual([1, 1]);
  });

  it("does not tie rates shown differently at one decimal (96.24% is 96.2%, 96.26% is 96.3%)", () => {
    const units = unitsOf(
      reportOf(
        oneDay([
          { township: "甲镇", full: 9_624, target: 10_000 },
          { township: "乙镇", full: 9_626, target: 10_000 },
        ])
      )
    );
    expect(units.map((u) => [u.township, u.rank])).toEqual([
      ["乙镇", 1],
      ["甲镇", 2],
    ]);
  });
});

describe("vaccinationReport: rates", () => {
  it("keeps a rate above 100% raw, ranks it first, flags it 超目标 and counts it", () => {
    const { value, issues } = vaccinationReport(
      indexOf(
        oneDay([
          { township: "甲镇", full: 900 },
          { township: "乙镇", full: 1_023 },
        ])
      )
    );
    const over = unitNamed(value, "乙镇");
    expect(over.fullRate).toBe(1.023);
    expect(over.rank).toBe(1);
    // oneDay gives first doses equal to full courses above 1,000, so both rates are over.
    expect(over.overTarget).toEqual(["first", "full"]);
    expect(value.groups[0].areas[0].overTargetCount).toBe(1);
    const overTarget = issues.filter((i) => i.code === "overTarget");
    expect(overTarget).toEqual([
      expect.objectContaining({ row: 4, field: "target", severity: "warning" }),
    ]);
    expect(overTarget[0].message.zh).toContain("请核实目标人数");
  });

  it("does not count a rate of exactly 100% as above 100%", () => {
    const report = reportOf(oneDay([{ township: "甲镇", full: 1_000 }]));
    expect(unitNamed(report, "甲镇").overTarget).toEqual([]);
    expect(report.groups[0].areas[0].overTargetCount).toBe(0);
  });

  it.each([
    ["zero", 0],
    ["blank", null],
  ])("lists a township with a %s target but does not rank it", (_case, target) => {
    const report = reportOf(
      oneDay([
        { township: "甲镇", full: 900 },
        { township: "乙镇", full: 800, target },
        { township: "丙镇", full: 700 },
      ])
    );
    const area = report.groups[0].areas[0];
    expect(area.units.map((u) => [u.township, u.status, u.rank])).toEqual([
      ["甲镇", "ranked", 1],
      ["丙镇", "ranked", 2],
      ["乙镇", "noTarget", null],
    ]);
    expect(unitNamed(report, "乙镇").fullRate).toBeNull();
    expect(area.unranked.map((u) => u.township)).toEqual(["乙镇"]);
    expect(area.worst.map((u) => u.township)).not.toContain("乙镇");
  });

  it("totals a county from sums, not by averaging rates (1,000 + 900 of 100 + 1,000 is 90.9%, not 95%)", () => {
    const area = reportOf([
      makeRecord({ township: "甲镇", target: 100, first: 100, full: 100 }),
      makeRecord({ township: "乙镇", target: 1_000, first: 900, full: 800 }),
    ]).groups[0].areas[0];
    expect(area.target).toBe(1_100);
    expect(area.full).toBe(900);
    expect(area.fullRate).toBe(900 / 1_100);
  });

  it("leaves townships without a target out of the county's sums", () => {
    const area = reportOf([
      makeRecord({ township: "甲镇", target: 1_000, first: 900, full: 800 }),
      makeRecord({ township: "乙镇", target: 0, first: 500, full: 400 }),
    ]).groups[0].areas[0];
    expect(area.target).toBe(1_000);
    expect(area.first).toBe(900);
    expect(area.fullRate).toBe(0.8);
  });

  it("has no booster total (not 0%) when no township gives boosters", () => {
    const area = reportOf([makeRecord({ booster: null })]).groups[0].areas[0];
    expect(area.booster).toBeNull();
    expect(area.boosterRate).toBeNull();
  });
});

describe("vaccinationReport: doses due today", () => {
  const report0301 = serialFromYmd(2022, 3, 1);
  const due0208 = serialFromYmd(2022, 2, 8);

  it("takes the first doses given on 2022-02-08 as due on 2022-03-01 with an interval of 21", () => {
    const report = reportOf(
      series([
        [due0208 - 1, 500, 100],
        [due0208, 530, 110],
        [report0301 - 1, 700, 500],
        [report0301, 710, 528],
      ]),
      { intervalDays: 21 }
    );
    expect(report.dueDate).toBe(due0208);
    const u = unitsOf(report)[0];
    expect(u.due).toBe(30);
    expect(u.newFull).toBe(28);
    expect(u.dueRate).toBe(28 / 30);
  });

  it("uses the 当日第一剂 column of the due date when the clerk gives it", () => {
    const records = [
      makeRecord({ date: DUE, first: 530, full: 100, dayFirst: 35 }),
      makeRecord({ date: D - 1, first: 700, full: 500, dayFirst: null }),
      makeRecord({ date: D, first: 710, full: 520, dayFirst: 10 }),
    ];
    const u = unitsOf(reportOf(records))[0];
    expect(u.due).toBe(35);
    expect(u.dueUnknown).toBeNull();
  });

  it.each([
    ["there is no row on the due date", [D - 1, D], "noRow"],
    [
      "there is no row the day before the due date and no daily column",
      [DUE, D - 1, D],
      "noDayBefore",
    ],
  ])("is unknown, never 0, when %s", (_case, dates, reason) => {
    const records = (dates as number[]).map((date, i) =>
      makeRecord({ date, first: 500 + i * 10, full: 400 + i * 10 })
    );
    const { value, issues } = vaccinationReport(indexOf(records));
    const u = unitsOf(value)[0];
    expect(u.due).toBeNull();
    expect(u.dueUnknown).toBe(reason);
    expect(u.dueRate).toBeNull();
    expect(value.groups[0].areas[0].due).toBeNull();
    expect(issues).toEqual([expect.objectContaining({ code: "dueUnknown", severity: "warning" })]);
  });

  it("is 0 when the due date's first doses did not change", () => {
    const records = [
      makeRecord({ date: DUE - 1, first: 500, full: 400 }),
      makeRecord({ date: DUE, first: 500, full: 400 }),
      makeRecord({ date: D - 1, first: 600, full: 450 }),
      makeRecord({ date: D, first: 600, full: 460 }),
    ];
    const u = unitsOf(reportOf(records))[0];
    expect(u.due).toBe(0);
    expect(u.dueRate).toBeNull();
  });

  it("makes the county's due count unknown when one reporting township's is unknown", () => {
    const known = series(
      [
        [DUE - 1, 500, 100],
        [DUE, 520, 100],
        [D - 1, 700, 500],
        [D, 710, 515],
      ],
      { township: "甲镇" }
    );
    const unknown = series(
      [
        [D - 1, 700, 500],
        [D, 710, 510],
      ],
      { township: "乙镇" }
    );
    const area = reportOf([...known, ...unknown]).groups[0].areas[0];
    expect(area.due).toBeNull();
    expect(area.dueRate).toBeNull();
  });

  it("ranks on the due-today rate when that metric is chosen, without needing a target", () => {
    const unit = (township: string, due: number, done: number) =>
      series(
        [
          [DUE - 1, 500, 100],
          [DUE, 500 + due, 100],
          [D - 1, 900, 500],
          [D, 900, 500 + done],
        ],
        { township, target: null }
      );
    const report = reportOf([...unit("甲镇", 20, 10), ...unit("乙镇", 10, 9)], { metric: "due" });
    expect(unitsOf(report).map((u) => [u.township, u.value, u.rank])).toEqual([
      ["乙镇", 0.9, 1],
      ["甲镇", 0.5, 2],
    ]);
  });
});

describe("vaccinationReport: rank change", () => {
  // First doses at least the full course, so no record fails a check (a failing record is not ranked).
  const day = (date: number, fulls: Record<string, number>) =>
    Object.entries(fulls).map(([township, full]) =>
      makeRecord({ date, township, full, first: Math.max(900, full) })
    );

  it("compares with the ranks of the previous report date", () => {
    const report = reportOf([
      ...day(D - 1, { 甲镇: 900, 乙镇: 800, 丙镇: 700 }),
      ...day(D, { 甲镇: 900, 乙镇: 950, 丙镇: 700 }),
    ]);
    expect(unitsOf(report).map((u) => [u.township, u.previousRank, u.rank, u.rankChange])).toEqual([
      ["乙镇", 2, 1, "↑1"],
      ["甲镇", 1, 2, "↓1"],
      ["丙镇", 3, 3, "–"],
    ]);
  });

  it("takes the latest earlier date as the previous report date, across a gap", () => {
    const report = reportOf([
      ...day(D - 3, { 甲镇: 700, 乙镇: 800 }),
      ...day(D, { 甲镇: 900, 乙镇: 800 }),
    ]);
    expect(report.previousDate).toBe(D - 3);
    expect(unitNamed(report, "甲镇").rankChange).toBe("↑1");
  });

  it("writes 新 for a township not ranked on the previous date", () => {
    const report = reportOf([
      ...day(D - 1, { 甲镇: 900 }),
      makeRecord({ date: D - 1, township: "乙镇", target: null }),
      ...day(D, { 甲镇: 900, 乙镇: 950 }),
    ]);
    expect(unitNamed(report, "乙镇").rankChange).toBe("新");
  });

  it("writes 新 for every township when there is no earlier date", () => {
    const report = reportOf(day(D, { 甲镇: 900 }));
    expect(report.previousDate).toBeNull();
    expect(unitNamed(report, "甲镇").rankChange).toBe("新");
  });

  it("leaves the change blank for a township not ranked today", () => {
    const report = reportOf([
      ...day(D - 1, { 甲镇: 900 }),
      makeRecord({ date: D, township: "甲镇", target: 0 }),
    ]);
    expect(unitNamed(report, "甲镇").rankChange).toBe("");
  });
});

describe("vaccinationReport: 未报送", () => {
  it("lists a township with no row for the report date as 未报送 and does not rank it as 0%", () => {
    const report = reportOf([
      makeRecord({ date: D - 1, township: "甲镇", full: 900 }),
      makeRecord({ date: D - 1, township: "乙镇", full: 950 }),
      makeRecord({ date: D - 1, township: "丙镇", full: 500 }),
      makeRecord({ date: D, township: "甲镇", full: 900 }),
      makeRecord({ date: D, township: "丙镇", full: 500 }),
    ]);
    const area = report.groups[0].areas[0];
    expect(area.units.map((u) => [u.township, u.status, u.rank])).toEqual([
      ["甲镇", "ranked", 1],
      ["丙镇", "ranked", 2],
      ["乙镇", "notReported", null],
    ]);
    expect(area.notReported.map((u) => u.township)).toEqual(["乙镇"]);
    expect(area.worst.map((u) => u.township)).toEqual(["丙镇", "甲镇"]);
    expect(area.target).toBe(2_000);
  });

  it("does not list a township whose first row comes after the report date", () => {
    const report = reportOf(
      [makeRecord({ date: D, township: "甲镇" }), makeRecord({ date: D + 1, township: "乙镇" })],
      { reportDate: D }
    );
    expect(unitsOf(report).map((u) => u.township)).toEqual(["甲镇"]);
  });
});

describe("vaccinationReport: counties", () => {
  it("ranks townships within their county and counties against each other", () => {
    const report = reportOf(
      oneDay([
        { county: "平安县", township: "甲镇", full: 900 },
        { county: "平安县", township: "乙镇", full: 800 },
        { county: "康宁县", township: "丙镇", full: 950 },
        { county: "康宁县", township: "丁镇", full: 600 },
      ])
    );
    const [pingan, kangning] = report.groups[0].areas;
    expect(pingan.units.map((u) => [u.township, u.rank])).toEqual([
      ["甲镇", 1],
      ["乙镇", 2],
    ]);
    expect(kangning.units.map((u) => [u.township, u.rank])).toEqual([
      ["丙镇", 1],
      ["丁镇", 2],
    ]);
    expect(pingan.fullRate).toBe(1_700 / 2_000);
    expect(kangning.fullRate).toBe(1_550 / 2_000);
    expect(pingan.places.full).toEqual({ rank: 1, tied: false });
    expect(kangning.places.full).toEqual({ rank: 2, tied: false });
  });

  it("totals the city from the counties' sums", () => {
    const total = reportOf(
      oneDay([
        { county: "平安县", township: "甲镇", full: 900 },
        { county: "康宁县", township: "丙镇", full: 600, target: 2_000 },
      ])
    ).groups[0].total;
    expect(total).toMatchObject({ county: null, target: 3_000, full: 1_500 });
    expect(total?.fullRate).toBe(0.5);
  });

  it.each<[TieRule, number[]]>([
    ["并列占位", [1, 1, 3]],
    ["并列不占位", [1, 1, 2]],
  ])("marks counties tied on a rate as 并列 under %s", (tieRule, ranks) => {
    const areas = reportOf(
      oneDay([
        { county: "甲县", township: "甲镇", full: 900 },
        { county: "乙县", township: "乙镇", full: 900 },
        { county: "丙县", township: "丙镇", full: 500 },
      ]),
      { tieRule }
    ).groups[0].areas;
    expect(areas.map((a) => a.places.full?.rank)).toEqual(ranks);
    expect(areas.map((a) => a.places.full?.tied)).toEqual([true, true, false]);
  });

  it("has no county rank and no city total with a single county", () => {
    const group = reportOf(oneDay([{ county: "平安县", township: "甲镇", full: 900 }])).groups[0];
    expect(group.areas[0].places.full).toBeNull();
    expect(group.total).toBeNull();
  });

  it("gives the notice fixture's county figures worked out by hand", () => {
    const report = vaccinationReport(indexProgress(progressColumns(noticeRecords())).value).value;
    const [pingan, kangning] = report.groups[0].areas;
    expect(pingan).toMatchObject({
      target: 37_500,
      first: 35_550,
      full: 34_115,
      due: 355,
      dueFull: 310,
    });
    expect(kangning).toMatchObject({
      target: 20_000,
      first: 18_610,
      full: 18_300,
      due: 200,
      dueFull: 200,
    });
    expect([pingan.places.first?.rank, pingan.places.due?.rank, pingan.places.full?.rank]).toEqual([
      1, 2, 2,
    ]);
  });
});

describe("vaccinationReport: the report date", () => {
  it("defaults to the latest date in the table", () => {
    const report = reportOf([makeRecord({ date: D - 1 }), makeRecord({ date: D, full: 850 })]);
    expect(report.reportDate).toBe(D);
  });

  it("computes another date when asked", () => {
    const report = reportOf(
      [makeRecord({ date: D - 1, full: 700 }), makeRecord({ date: D, full: 850 })],
      {
        reportDate: D - 1,
      }
    );
    expect(unitsOf(report)[0].full).toBe(700);
    expect(report.previousDate).toBeNull();
  });

  it("computes each group separately", () => {
    const report = reportOf(
      numberRows([
        makeRecord({ group: "18岁以上", full: 900 }),
        makeRecord({ group: "60岁以上", full: 500 }),
      ])
    );
    expect(report.groups.map((g) => [g.group, g.areas[0].units[0].rank])).toEqual([
      ["18岁以上", 1],
      ["60岁以上", 1],
    ]);
  });
});
