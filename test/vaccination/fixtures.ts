/**
 * Fixture builders for the vaccination tests. Every builder takes overrides,
 * so each test states the one thing it varies.
 */
import { serialFromYmd } from "../../src/core/dates";
import { indexProgress, type ProgressIndex } from "../../src/core/vaccination/indexProgress";
import { progressColumns, type ProgressRecord } from "../../src/core/vaccination/progress";
import {
  vaccinationReport,
  type UnitFigures,
  type VaccinationReport,
  type VaccinationReportOptions,
} from "../../src/core/vaccination/report";
import type { CellValue, Grid } from "../../src/workbook/cells";
import { sheetFromValues, type WorkbookSnapshot } from "../../src/workbook/snapshot";

/** 2022-01-20, the report date of most fixtures. */
export const D = serialFromYmd(2022, 1, 20);
/** D − 21: the due date with the default interval (2021-12-30). */
export const DUE = D - 21;

export function makeRecord(overrides: Partial<ProgressRecord> = {}): ProgressRecord {
  return {
    row: 3,
    date: D,
    township: "东城镇",
    group: "18岁以上",
    target: 1000,
    first: 900,
    full: 800,
    ...overrides,
  };
}

/** One unit's figures on a few dates: each entry is [date, first, full], plus shared fields. */
export function series(
  days: readonly [number, number, number][],
  overrides: Partial<ProgressRecord> = {}
): ProgressRecord[] {
  return days.map(([date, first, full]) => makeRecord({ date, first, full, ...overrides }));
}

/** Numbers the records' rows from 3 in order, as a sheet under a title and a header would. */
export function numberRows(records: readonly ProgressRecord[]): ProgressRecord[] {
  return records.map((r, i) => ({ ...r, row: i + 3 }));
}

export function indexOf(records: readonly ProgressRecord[]): ProgressIndex {
  return indexProgress(progressColumns(numberRows(records))).value;
}

export function reportOf(
  records: readonly ProgressRecord[],
  options: VaccinationReportOptions = {}
): VaccinationReport {
  return vaccinationReport(indexOf(records), options).value;
}

/** The units of a group (first group by default), all counties, in sheet order. */
export function unitsOf(report: VaccinationReport, group?: string): UnitFigures[] {
  const g = group ? report.groups.find((x) => x.group === group) : report.groups[0];
  return (g?.areas ?? []).flatMap((a) => a.units);
}

export function unitNamed(report: VaccinationReport, township: string): UnitFigures {
  const u = unitsOf(report).find((x) => x.township === township);
  if (!u) throw new Error(`no unit ${township}`);
  return u;
}

/** Units on the report date only, each a township with a full-course count giving the rate `full / target`. */
export function oneDay(
  units: readonly { township: string; target?: number | null; full: number; county?: string }[]
): ProgressRecord[] {
  return units.map((u) =>
    makeRecord({
      township: u.township,
      target: u.target === undefined ? 1000 : u.target,
      first: Math.max(u.full, 1000),
      full: u.full,
      ...(u.county === undefined ? {} : { county: u.county }),
    })
  );
}

// ---- sheets ---------------------------------------------------------------

export const HEADER = [
  "日期",
  "县(区)",
  "乡镇",
  "人群",
  "目标人数",
  "第一剂累计",
  "全程累计",
  "加强针累计",
];

export interface RowFields {
  date: CellValue;
  county: CellValue;
  township: CellValue;
  group: CellValue;
  target: CellValue;
  first: CellValue;
  full: CellValue;
  booster: CellValue;
}

export function makeRow(overrides: Partial<RowFields> = {}): CellValue[] {
  const r: RowFields = {
    date: D,
    county: "平安县",
    township: "东城镇",
    group: "18岁以上",
    target: 1000,
    first: 900,
    full: 800,
    booster: 300,
    ...overrides,
  };
  return [r.date, r.county, r.township, r.group, r.target, r.first, r.full, r.booster];
}

export function progressGrid(rows: readonly CellValue[][], header: CellValue[] = HEADER): Grid {
  return [["平安县新冠疫苗接种进度表"], header, ...rows.map((r) => [...r])];
}

export function snapshotOf(sheets: Record<string, Grid>): WorkbookSnapshot {
  return {
    sheetNames: Object.keys(sheets),
    sheets: Object.fromEntries(
      Object.entries(sheets).map(([name, grid]) => [name, sheetFromValues(name, grid)])
    ),
    names: {},
  };
}

// ---- the notice fixture -----------------------------------------------------

/**
 * A city of two counties on 2022-01-20, group 18岁以上, with rows on the due
 * date (2021-12-30), the day before it, the day before the report date and
 * the report date, so every figure can be worked out by hand:
 *
 * 平安县 — full-course rate on 1月20日 (target):
 *   南山乡 102.0% (5,000), 东城镇 97.0% (10,000), 西城镇 96.2% (5,000),
 *   红星镇 96.2% (2,500), 青云乡 85.0% (2,000), 石门乡 85.0% (4,000),
 *   中和镇 80.0% (5,000), 北湖乡 75.0% (4,000); 白沙镇 has a target of 0;
 *   新安乡 has no row on 1月20日 (未报送).
 * 康宁县 — 河口镇 89.0%, 山前乡 94.0% (targets 10,000).
 */
export const NOTICE_UNITS: readonly {
  county: string;
  township: string;
  target: number;
  /** First doses on DUE − 1, DUE, D − 1, D. */
  first: [number, number, number, number | null];
  full: [number, number, number, number | null];
}[] = [
  {
    county: "平安县",
    township: "东城镇",
    target: 10_000,
    first: [8_880, 9_000, 9_880, 9_900],
    full: [8_000, 8_050, 9_600, 9_700],
  },
  {
    county: "平安县",
    township: "西城镇",
    target: 5_000,
    first: [4_450, 4_500, 4_940, 4_950],
    full: [4_000, 4_020, 4_760, 4_810],
  },
  {
    county: "平安县",
    township: "南山乡",
    target: 5_000,
    first: [4_760, 4_800, 5_140, 5_150],
    full: [4_300, 4_320, 5_060, 5_100],
  },
  {
    county: "平安县",
    township: "北湖乡",
    target: 4_000,
    first: [2_980, 3_000, 3_390, 3_400],
    full: [2_500, 2_510, 2_990, 3_000],
  },
  {
    county: "平安县",
    township: "中和镇",
    target: 5_000,
    first: [3_970, 4_000, 4_290, 4_300],
    full: [3_500, 3_510, 3_970, 4_000],
  },
  {
    county: "平安县",
    township: "新安乡",
    target: 3_000,
    first: [2_500, 2_520, 2_800, null],
    full: [2_000, 2_010, 2_600, null],
  },
  {
    county: "平安县",
    township: "红星镇",
    target: 2_500,
    first: [2_275, 2_300, 2_440, 2_450],
    full: [2_000, 2_010, 2_385, 2_405],
  },
  {
    county: "平安县",
    township: "青云乡",
    target: 2_000,
    first: [1_680, 1_700, 1_790, 1_800],
    full: [1_400, 1_410, 1_690, 1_700],
  },
  {
    county: "平安县",
    township: "石门乡",
    target: 4_000,
    first: [3_360, 3_400, 3_590, 3_600],
    full: [3_000, 3_010, 3_360, 3_400],
  },
  {
    county: "平安县",
    township: "白沙镇",
    target: 0,
    first: [900, 910, 990, 1_000],
    full: [800, 805, 890, 900],
  },
  {
    county: "康宁县",
    township: "河口镇",
    target: 10_000,
    first: [8_000, 8_100, 9_000, 9_050],
    full: [7_000, 7_050, 8_800, 8_900],
  },
  {
    county: "康宁县",
    township: "山前乡",
    target: 10_000,
    first: [8_500, 8_600, 9_500, 9_560],
    full: [7_500, 7_560, 9_300, 9_400],
  },
];

export const NOTICE_DATES = [DUE - 1, DUE, D - 1, D] as const;

/** The notice fixture as records, date by date. */
export function noticeRecords(): ProgressRecord[] {
  const out: ProgressRecord[] = [];
  NOTICE_DATES.forEach((date, d) => {
    for (const u of NOTICE_UNITS) {
      const first = u.first[d];
      const full = u.full[d];
      if (first === null || full === null) continue;
      out.push(
        makeRecord({ date, county: u.county, township: u.township, target: u.target, first, full })
      );
    }
  });
  return numberRows(out);
}

/** The notice fixture as a 接种进度 sheet (without a 加强针累计 column). */
export function noticeGrid(): Grid {
  const header = HEADER.slice(0, 7);
  return progressGrid(
    noticeRecords().map((r) => [
      r.date,
      r.county ?? null,
      r.township,
      r.group,
      r.target,
      r.first,
      r.full,
    ]),
    header
  );
}
