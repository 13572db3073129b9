/**
 * The figures of one report date: per township and age group the completion
 * rates, the day's doses, the second doses due, the rank within the county and
 * its change; per county (and for the city) totals from sums, never averaged
 * rates, and the county's rank among counties; the best and worst three; the
 * townships that did not report (未报送), which are listed and never ranked.
 */
import { chineseDate, type DateSerial } from "../dates";
import { issue, type CoreIssue, type Outcome } from "../issue";
import { bestAndWorst, rankWithTies, type TieRule } from "../rank";
import { completionRate, isOverTarget } from "./completionRate";
import { dailyFigure, type DailyUnknown } from "./daily";
import { dueDate } from "./dueDate";
import { formatRate } from "./format";
import { recordAt, reportingBy, type ProgressIndex, type ProgressUnit } from "./indexProgress";
import { DEFAULT_METRIC, METRICS, METRIC_LABEL, type Metric } from "./metric";
import { rankChange } from "./rankChange";

export interface VaccinationReportOptions {
  /** Serial date; default the latest date in the table. */
  reportDate?: DateSerial;
  /** 第二剂接种间隔天数 (default 21). */
  intervalDays?: number;
  /** What townships are ranked on (default 全程完成率). */
  metric?: Metric;
  /** 排名方式 (default 并列占位, 1,1,3). */
  tieRule?: TieRule;
  /** How many best and worst units are named (default 3). */
  topCount?: number;
}

export type UnitStatus =
  /** Has a value for the chosen metric and a rank. */
  | "ranked"
  /** The target is blank, zero or unreadable: rates are undefined. */
  | "noTarget"
  /** Has a target, but the chosen metric cannot be computed (a blank figure, an unknown due count). */
  | "noValue"
  /** 未报送: no row for the report date. */
  | "notReported"
  /** 待核实: the report date's row failed a check (see the issues); held out of every total, ranking and notice. */
  | "unverified";

/** One township's age group on the report date. Figures are null when unknown. */
export interface UnitFigures extends ProgressUnit {
  /** Index into ProgressIndex.units. */
  unit: number;
  /** Sheet row of the report date's record; null when 未报送. */
  row: number | null;
  status: UnitStatus;
  target: number | null;
  first: number | null;
  full: number | null;
  booster: number | null;
  firstRate: number | null;
  fullRate: number | null;
  boosterRate: number | null;
  /** 当日新增 of each kind. */
  newFirst: number | null;
  newFull: number | null;
  newBooster: number | null;
  /** 当日到期: first doses given on the due date. Null when unknown (see `dueUnknown`) or 未报送. */
  due: number | null;
  dueUnknown: DailyUnknown | null;
  /** 当日完成率 = newFull ÷ due; null when either is unknown or nothing is due. */
  dueRate: number | null;
  /** The chosen metric's value, the one ranked. */
  value: number | null;
  rank: number | null;
  /** Rank on the previous report date, same metric and tie rule. */
  previousRank: number | null;
  /** `↑2`, `↓1`, `–`, `新`, or "" when not ranked. */
  rankChange: string;
  /** The rates above 100% (超目标). */
  overTarget: Metric[];
}

/** A place in a ranking of counties. */
export interface Place {
  rank: number;
  /** Another county has the same rank (并列). */
  tied: boolean;
}

/**
 * A county's totals for one age group (or the city's, or, for a table without
 * a 县(区) column, the whole table's). The sums take only townships that
 * reported on the report date; a cumulative figure counts where the
 * township's target is above 0, so each rate is a ratio of matching sums.
 */
export interface AreaFigures {
  /** Null for the city total and for a table without a 县(区) column. */
  county: string | null;
  /** Σ 目标人数 over reporting townships with a target above 0. */
  target: number;
  /** Σ over reporting townships with a target above 0; null when no township gives the figure. */
  first: number | null;
  full: number | null;
  booster: number | null;
  firstRate: number | null;
  fullRate: number | null;
  boosterRate: number | null;
  /** Σ 当日到期; null (unknown) when any reporting township's due or day's full course is unknown. */
  due: number | null;
  /** Σ 当日全程, with the same rule. */
  dueFull: number | null;
  dueRate: number | null;
  /** The chosen metric's value. */
  value: number | null;
  /** Rank among the counties on each metric; null for the city total or with fewer than two counties. */
  places: Record<Metric, Place | null>;
  /** Townships in sheet order: ranked by rank, then the unranked, then 未报送. */
  units: UnitFigures[];
  best: UnitFigures[];
  worst: UnitFigures[];
  bestTied: boolean;
  worstTied: boolean;
  /** Ranked townships whose chosen rate is above 100%. */
  overTargetCount: number;
  notReported: UnitFigures[];
  /** Reported but not ranked (noTarget, noValue, unverified). */
  unranked: UnitFigures[];
}

export interface GroupReport {
  group: string;
  /** Counties in order of first appearance (one area, county null, without a 县(区) column). */
  areas: AreaFigures[];
  /** The city total when there are two counties or more. */
  total: AreaFigures | null;
}

export interface VaccinationReport {
  reportDate: DateSerial;
  /** The latest date in the table before the report date: rank changes compare with it. */
  previousDate: DateSerial | null;
  /** Report date − interval: its first doses are due today. */
  dueDate: DateSerial;
  intervalDays: number;
  metric: Metric;
  tieRule: TieRule;
  topCount: number;
  hasCounty: boolean;
  /** Groups in order of first appearance in the table. */
  groups: GroupReport[];
}

/**
 * Computes the report for a date. Warnings: a rate above 100% (`overTarget`,
 * at the target cell, with a hint to check it) and a due count or day's figure
 * that cannot be known (`dueUnknown`, `dailyUnknown`).
 *
 * @example
 * const { value } = vaccinationReport(index, { reportDate: 44581 });
 * value.groups[0].areas[0].units[0]
 * //=> { township: "城关镇", fullRate: 0.962, rank: 1, rankChange: "↑1", due: 120, ... }
 */
export function vaccinationReport(
  index: ProgressIndex,
  options: VaccinationReportOptions = {}
): Outcome<VaccinationReport> {
  const reportDate = Math.floor(options.reportDate ?? index.dates[index.dates.length - 1] ?? NaN);
  const intervalDays = options.intervalDays ?? 21;
  const metric = options.metric ?? DEFAULT_METRIC;
  const tieRule = options.tieRule ?? "并列占位";
  const topCount = options.topCount ?? 3;
  const previousDate = latestBefore(index.dates, reportDate);
  const due = dueDate(reportDate, intervalDays);
  const issues: CoreIssue[] = [];

  const parents = unitsByParent(index, reportDate);
  const groups: GroupReport[] = index.groups
    .filter((group) => parents.has(group))
    .map((group) => {
      const areas = (parents.get(group) ?? []).map(({ county, units }) => {
        const figures = units.map((u) =>
          unitFigures(index, u, reportDate, due, intervalDays, metric, issues)
        );
        rankUnits(figures, tieRule);
        if (previousDate !== null) {
          const before = units.map((u) =>
            metricValue(index, u, previousDate, intervalDays, metric)
          );
          const ranks = rankWithTies(before.map(shownRate), { tieRule });
          figures.forEach((f, i) => (f.previousRank = ranks[i]));
        }
        for (const f of figures) f.rankChange = rankChange(f.previousRank, f.rank);
        return areaFigures(county, sheetOrder(figures), metric, topCount);
      });
      const total = index.hasCounty && areas.length >= 2 ? cityTotal(areas, metric) : null;
      if (total) placeCounties(areas, tieRule);
      return { group, areas, total };
    });

  return {
    value: {
      reportDate,
      previousDate,
      dueDate: due,
      intervalDays,
      metric,
      tieRule,
      topCount,
      hasCounty: index.hasCounty,
      groups,
    },
    issues,
  };
}

/**
 * The chosen metric's value for a unit on a date, or null.
 *
 * @example
 * metricValue(index, 0, 44581, 21, "full") //=> 0.962
 */
export function metricValue(
  index: ProgressIndex,
  unit: number,
  date: DateSerial,
  intervalDays: number,
  metric: Metric
): number | null {
  const c = index.columns;
  const r = recordAt(index, unit, date);
  if (r < 0 || index.bad[r]) return null;
  if (metric !== "due") return completionRate(finite(c[metric][r]), finite(c.target[r]));
  const due = dailyFigure(index, unit, dueDate(date, intervalDays), "first").value;
  const done = dailyFigure(index, unit, date, "full").value;
  return completionRate(done, due);
}

function unitFigures(
  index: ProgressIndex,
  unit: number,
  date: DateSerial,
  due: DateSerial,
  intervalDays: number,
  metric: Metric,
  issues: CoreIssue[]
): UnitFigures {
  const c = index.columns;
  const r = recordAt(index, unit, date);
  const { county, township, group } = index.units[unit];
  // A plain literal, not a spread: V8 builds a spread with this many fields in a slow dictionary mode.
  const base: UnitFigures = {
    county,
    township,
    group,
    unit,
    row: null,
    status: "notReported",
    target: null,
    first: null,
    full: null,
    booster: null,
    firstRate: null,
    fullRate: null,
    boosterRate: null,
    newFirst: null,
    newFull: null,
    newBooster: null,
    due: null,
    dueUnknown: null,
    dueRate: null,
    value: null,
    rank: null,
    previousRank: null,
    rankChange: "",
    overTarget: [],
  };
  if (r < 0) return base;
  const row = c.row[r];
  const f = base;
  f.row = row;
  if (index.bad[r]) {
    f.status = "unverified";
    return f;
  }
  f.target = finite(c.target[r]);
  f.first = finite(c.first[r]);
  f.full = finite(c.full[r]);
  f.booster = finite(c.booster[r]);
  f.firstRate = completionRate(f.first, f.target);
  f.fullRate = completionRate(f.full, f.target);
  f.boosterRate = completionRate(f.booster, f.target);
  f.newFirst = dailyFigure(index, unit, date, "first").value;
  const newFull = dailyFigure(index, unit, date, "full");
  f.newFull = newFull.value;
  f.newBooster = dailyFigure(index, unit, date, "booster").value;
  const dueFigure = dailyFigure(index, unit, due, "first");
  f.due = dueFigure.value;
  f.dueUnknown = dueFigure.unknown;
  f.dueRate = completionRate(f.newFull, f.due);
  f.value = metric === "due" ? f.dueRate : f[`${metric}Rate`];
  const noTarget = f.target === null || f.target <= 0;
  f.status = f.value !== null ? "ranked" : metric !== "due" && noTarget ? "noTarget" : "noValue";
  f.overTarget = (["first", "full", "booster"] as const).filter((m) => isOverTarget(f[`${m}Rate`]));

  if (f.overTarget.length > 0) {
    const zh = f.overTarget.map((m) => `${METRIC_LABEL[m].zh} ${formatRate(f[`${m}Rate`] ?? 0)}`);
    const en = f.overTarget.map(
      (m, i) =>
        `${i === 0 ? METRIC_LABEL[m].en : METRIC_LABEL[m].en.toLowerCase()} ${formatRate(f[`${m}Rate`] ?? 0)}`
    );
    issues.push(
      issue(
        "overTarget",
        row,
        "target",
        {
          zh: `${zh.join("、")} 超过 100%（超目标），请核实目标人数是否偏小`,
          en: `${en.join(", ")} above 100% (超目标); check whether the target is too small`,
        },
        "warning"
      )
    );
  }
  if (dueFigure.unknown) issues.push(dueIssue(row, f, due, intervalDays, dueFigure.unknown));
  else if (newFull.unknown === "noDayBefore")
    issues.push(
      issue(
        "dailyUnknown",
        row,
        "date",
        {
          zh: `当日全程人数未知：缺少${chineseDate(date - 1, false)}的数据，且无“当日全程”列；请补录前一日数据或填写当日全程`,
          en: `Today's full courses are unknown: there is no row for ${chineseDate(date - 1, false)} and no 当日全程 column. Add the day before or fill in 当日全程`,
        },
        "warning"
      )
    );
  return f;
}

function dueIssue(
  row: number,
  f: UnitFigures,
  due: DateSerial,
  intervalDays: number,
  why: DailyUnknown
): CoreIssue {
  const day = chineseDate(due, false);
  const message =
    why === "noRow"
      ? {
          zh: `当日到期人数未知：${f.township}${f.group}缺少${day}（${intervalDays}天前）的数据；请补录该日数据`,
          en: `Second doses due today are unknown: ${f.township} ${f.group} has no row for ${day} (${intervalDays} days before); add it`,
        }
      : why === "noDayBefore"
        ? {
            zh: `当日到期人数未知：无法得出${day}的第一剂人数（缺少${chineseDate(due - 1, false)}的数据，且无“当日第一剂”列）；请补录`,
            en: `Second doses due today are unknown: first doses on ${day} cannot be found (no row for ${chineseDate(due - 1, false)} and no 当日第一剂 column); add it`,
          }
        : {
            zh: `当日到期人数未知：${day}或前一日的第一剂累计数为空或有误；请核实`,
            en: `Second doses due today are unknown: the first-dose figure on ${day} or the day before is blank or wrong; check it`,
          };
  return issue("dueUnknown", row, "date", message, "warning");
}

/**
 * A rate as the sheet and the notice show it, to 0.1% (three decimals of the
 * fraction): ranks and 并列 are decided on it, so two townships both shown at
 * 59.0% share a rank.
 *
 * @example
 * shownRate(0.59049) //=> 0.59
 * shownRate(null)    //=> null
 */
export function shownRate(rate: number | null): number | null {
  // toPrecision first, so 0.5905 (590.4999… in binary) rounds up as Excel shows it.
  return rate === null || !Number.isFinite(rate)
    ? null
    : Math.round(Number((rate * 1000).toPrecision(15))) / 1000;
}

function rankUnits(figures: UnitFigures[], tieRule: TieRule): void {
  const ranks = rankWithTies(
    figures.map((f) => shownRate(f.value)),
    { tieRule }
  );
  figures.forEach((f, i) => (f.rank = ranks[i]));
}

function sheetOrder(figures: UnitFigures[]): UnitFigures[] {
  const ranked = figures
    .filter((f) => f.status === "ranked")
    .sort((a, b) => (a.rank as number) - (b.rank as number) || a.unit - b.unit);
  const unranked = figures.filter(
    (f) => f.status === "noTarget" || f.status === "noValue" || f.status === "unverified"
  );
  const missing = figures.filter((f) => f.status === "notReported");
  return [...ranked, ...unranked, ...missing];
}

function areaFigures(
  county: string | null,
  units: UnitFigures[],
  metric: Metric,
  topCount: number
): AreaFigures {
  const reporting = units.filter((u) => u.status !== "notReported" && u.status !== "unverified");
  const counted = reporting.filter((u) => u.target !== null && u.target > 0);
  const sumOf = (key: "first" | "full" | "booster") =>
    reporting.some((u) => u[key] !== null) ? counted.reduce((s, u) => s + (u[key] ?? 0), 0) : null;
  const target = counted.reduce((s, u) => s + (u.target as number), 0);
  const dueKnown = reporting.every((u) => u.due !== null && u.newFull !== null);
  const ranked = units.filter((u) => u.status === "ranked");
  const extremes = bestAndWorst(ranked, (u) => shownRate(u.value), topCount);
  return withRates({
    county,
    target,
    first: sumOf("first"),
    full: sumOf("full"),
    booster: sumOf("booster"),
    due: dueKnown ? reporting.reduce((s, u) => s + (u.due as number), 0) : null,
    dueFull: dueKnown ? reporting.reduce((s, u) => s + (u.newFull as number), 0) : null,
    metric,
    units,
    best: extremes.best,
    worst: extremes.worst,
    bestTied: extremes.bestTied,
    worstTied: extremes.worstTied,
    overTargetCount: ranked.filter((u) => isOverTarget(u.value)).length,
    notReported: units.filter((u) => u.status === "notReported"),
    unranked: units.filter(
      (u) => u.status === "noTarget" || u.status === "noValue" || u.status === "unverified"
    ),
  });
}

function cityTotal(areas: AreaFigures[], metric: Metric): AreaFigures {
  const sumOf = (key: "first" | "full" | "booster") =>
    areas.some((a) => a[key] !== null) ? areas.reduce((s, a) => s + (a[key] ?? 0), 0) : null;
  const dueKnown = areas.every((a) => a.due !== null && a.dueFull !== null);
  return withRates({
    county: null,
    target: areas.reduce((s, a) => s + a.target, 0),
    first: sumOf("first"),
    full: sumOf("full"),
    booster: sumOf("booster"),
    due: dueKnown ? areas.reduce((s, a) => s + (a.due as number), 0) : null,
    dueFull: dueKnown ? areas.reduce((s, a) => s + (a.dueFull as number), 0) : null,
    metric,
    units: [],
    best: [],
    worst: [],
    bestTied: false,
    worstTied: false,
    overTargetCount: areas.reduce((s, a) => s + a.overTargetCount, 0),
    notReported: areas.flatMap((a) => a.notReported),
    unranked: areas.flatMap((a) => a.unranked),
  });
}

type AreaSums = Omit<
  AreaFigures,
  "firstRate" | "fullRate" | "boosterRate" | "dueRate" | "value" | "places"
> & { metric: Metric };

function withRates(sums: AreaSums): AreaFigures {
  const { metric, ...rest } = sums;
  const area: AreaFigures = {
    ...rest,
    firstRate: completionRate(sums.first, sums.target),
    fullRate: completionRate(sums.full, sums.target),
    boosterRate: completionRate(sums.booster, sums.target),
    dueRate: completionRate(sums.dueFull, sums.due),
    value: null,
    places: { first: null, full: null, booster: null, due: null },
  };
  area.value = metric === "due" ? area.dueRate : area[`${metric}Rate`];
  return area;
}

function placeCounties(areas: AreaFigures[], tieRule: TieRule): void {
  for (const m of METRICS) {
    const values = areas.map((a) => shownRate(m === "due" ? a.dueRate : a[`${m}Rate`]));
    const ranks = rankWithTies(values, { tieRule });
    areas.forEach((a, i) => {
      const rank = ranks[i];
      a.places[m] =
        rank === null ? null : { rank, tied: ranks.filter((x) => x === rank).length > 1 };
    });
  }
}

/** For each group, its parents (counties) in order of first appearance with their units reporting by the date. */
function unitsByParent(
  index: ProgressIndex,
  date: DateSerial
): Map<string, { county: string | null; units: number[] }[]> {
  const byGroup = new Map<string, Map<string | null, number[]>>();
  index.units.forEach((u, id) => {
    if (!reportingBy(index, id, date)) return;
    let parents = byGroup.get(u.group);
    if (!parents) byGroup.set(u.group, (parents = new Map()));
    const list = parents.get(u.county);
    if (list) list.push(id);
    else parents.set(u.county, [id]);
  });
  const out = new Map<string, { county: string | null; units: number[] }[]>();
  for (const [group, parents] of byGroup) {
    const counties = index.hasCounty
      ? index.counties.filter((k) => parents.has(k))
      : [null as string | null];
    out.set(
      group,
      counties.map((county) => ({ county, units: parents.get(county) ?? [] }))
    );
  }
  return out;
}

function latestBefore(dates: readonly number[], date: number): number | null {
  let lo = 0;
  let hi = dates.length - 1;
  let found: number | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (dates[mid] < date) {
      found = dates[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
