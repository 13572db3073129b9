/**
 * The sample 接种进度 sheet: 60 days of cumulative figures for the 18 sample
 * townships and four age groups, ending on SAMPLE_REPORT_DATE. Deterministic.
 *
 * Two edge cases are built in, for the preview to show: in 平安县's 18岁以上
 * group, 青石镇 and 柳河镇 tie for third on the full-course rate (96.2%), so
 * the best three are four townships with 并列; and 石桥乡 is above 100%
 * (102.3%, 超目标).
 */
import { PROGRESS_SHEET, PROGRESS_TABLE } from "./spec";
import type { CellValue } from "../cells";
import { SAMPLE_CITY, SAMPLE_REPORT_DATE, SAMPLE_TOWNSHIPS, seededRandom } from "../sample/county";

export const SAMPLE_VACCINATION_DAYS = 60;
/** The default 第二剂接种间隔天数: full courses follow first doses by this many days. */
const DUE_LAG = 21;

interface GroupShape {
  group: string;
  /** Share of the township's population in the group. */
  share: number;
  /** Range of the full-course rate on the report date. */
  full: [number, number];
  /** Range of the booster rate on the report date; null: not offered (left blank). */
  booster: [number, number] | null;
}

export const SAMPLE_GROUPS: readonly GroupShape[] = [
  { group: "18岁以上", share: 0.78, full: [0.74, 0.95], booster: [0.3, 0.55] },
  { group: "12-17岁", share: 0.075, full: [0.82, 0.97], booster: null },
  { group: "3-11岁", share: 0.095, full: [0.55, 0.85], booster: null },
  { group: "60岁以上", share: 0.19, full: [0.62, 0.9], booster: [0.2, 0.45] },
];

/** Fixed figures of the edge cases: target and final rates, chosen so the ties are exact. */
const FIXED: Readonly<Record<string, { target: number; first: number; full: number }>> = {
  "石桥乡|18岁以上": { target: 9_600, first: 1.041, full: 1.023 },
  "长岭镇|18岁以上": { target: 21_000, first: 0.99, full: 0.975 },
  "青石镇|18岁以上": { target: 32_500, first: 0.985, full: 0.962 },
  "柳河镇|18岁以上": { target: 30_500, first: 0.98, full: 0.962 },
};

/**
 * The sample 接种进度 sheet: title, header, then one row per date, township
 * and group, in date order (as a clerk appends them).
 *
 * @example
 * sampleVaccinationSheets()[0].values.length //=> 2 + 60 * 18 * 4
 */
export function sampleVaccinationSheets(): { name: string; values: CellValue[][] }[] {
  const rand = seededRandom(20220120);
  const days = SAMPLE_VACCINATION_DAYS;
  const firstDay = SAMPLE_REPORT_DATE - days + 1;
  const series = SAMPLE_TOWNSHIPS.flatMap((t) =>
    SAMPLE_GROUPS.map((g) => {
      const fixed = FIXED[`${t.township}|${g.group}`];
      const target = fixed?.target ?? Math.round(t.population * g.share);
      const fullRate = fixed?.full ?? between(rand, g.full);
      const firstRate = fixed?.first ?? fullRate + between(rand, [0.015, 0.05]);
      const boosterRate = g.booster ? between(rand, g.booster) : null;
      // Daily weights make an uneven but steadily rising first-dose curve, drawn from 21 days
      // before the first row so that each day's full courses follow the first doses given 21 days
      // earlier (the due count), and ending exactly at the final rates.
      const span = days + DUE_LAG;
      const shape = risingCurve(rand, span, 0.88);
      const boosterShape = risingCurve(rand, days, 0.35);
      const last = shape[days - 1];
      const first = Array.from({ length: days }, (_, d) =>
        Math.round(target * firstRate * shape[d + DUE_LAG])
      );
      const full = first.map((f, d) =>
        Math.min(f, Math.round((target * fullRate * shape[d]) / last))
      );
      return {
        county: t.county,
        township: t.township,
        group: g.group,
        target,
        first,
        full,
        booster:
          boosterRate === null
            ? null
            : boosterShape.map((p) => Math.round(target * boosterRate * p)),
      };
    })
  );
  const header = ["date", "county", "township", "group", "target", "first", "full", "booster"].map(
    (key) => PROGRESS_TABLE.columns.find((c) => c.key === key)?.zh ?? key
  );
  const values: CellValue[][] = [[`${SAMPLE_CITY}新冠疫苗接种进度表`], header];
  for (let d = 0; d < days; d++) {
    for (const s of series) {
      values.push([
        firstDay + d,
        s.county,
        s.township,
        s.group,
        s.target,
        s.first[d],
        s.full[d],
        s.booster === null ? null : s.booster[d],
      ]);
    }
  }
  return [{ name: PROGRESS_SHEET, values }];
}

/** A non-decreasing curve from about `start` to exactly 1 over `length` days. */
function risingCurve(rand: () => number, length: number, start: number): number[] {
  const weights = Array.from({ length }, () => 0.5 + rand());
  const total = weights.reduce((s, w) => s + w, 0);
  let running = 0;
  return weights.map((w, i) =>
    i === length - 1 ? 1 : start + (1 - start) * ((running += w) / total)
  );
}

function between(rand: () => number, [low, high]: [number, number]): number {
  return low + (high - low) * rand();
}
