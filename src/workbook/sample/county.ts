/**
 * The fictional county used by the sample workbook (browser preview and
 * `epi-ledger demo`): a city of two counties, 18 townships in all. Every
 * name is invented; populations are round, plausible figures.
 */

export interface SampleTownship {
  county: string;
  township: string;
  population: number;
}

export const SAMPLE_CITY = "示例市";

export const SAMPLE_TOWNSHIPS: readonly SampleTownship[] = [
  { county: "平安县", township: "城关镇", population: 86_400 },
  { county: "平安县", township: "青石镇", population: 42_150 },
  { county: "平安县", township: "柳河镇", population: 38_900 },
  { county: "平安县", township: "白云乡", population: 21_300 },
  { county: "平安县", township: "松林乡", population: 18_750 },
  { county: "平安县", township: "红旗镇", population: 33_600 },
  { county: "平安县", township: "东湖乡", population: 15_200 },
  { county: "平安县", township: "金沙镇", population: 29_800 },
  { county: "平安县", township: "石桥乡", population: 12_400 },
  { county: "平安县", township: "长岭镇", population: 27_050 },
  { county: "康宁县", township: "新华镇", population: 64_300 },
  { county: "康宁县", township: "双河镇", population: 31_200 },
  { county: "康宁县", township: "马场乡", population: 9_800 },
  { county: "康宁县", township: "桃源乡", population: 17_600 },
  { county: "康宁县", township: "龙泉镇", population: 40_500 },
  { county: "康宁县", township: "高峰乡", population: 11_900 },
  { county: "康宁县", township: "沙坪镇", population: 25_300 },
  { county: "康宁县", township: "望江乡", population: 14_700 },
];

/** The sample's report date: 2022-01-20 (serial 44581), so fixtures never depend on the real clock. */
export const SAMPLE_REPORT_DATE = 44581;

/**
 * A small deterministic pseudo-random generator (mulberry32), so the sample
 * is the same on every run and every host.
 *
 * @example
 * const rand = seededRandom(1); rand() //=> 0.6270739405881613
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
