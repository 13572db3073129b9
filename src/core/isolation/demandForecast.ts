import type { DateSerial } from "../dates";

/** One returnee's stay, as the forecast needs it. */
export interface Stay {
  township: string;
  /** Arrival day (serial); a time of day is ignored. */
  arrival: DateSerial;
  /** Stay in days; 0 occupies no day. */
  days: number;
  /** True for 集中 (centralized) isolation; only these need an isolation bed. */
  centralized: boolean;
}

export interface DemandForecastOptions {
  /** First day of the window (the report date). */
  start: DateSerial;
  /** Number of days in the window (隔离需求预测天数). */
  days: number;
}

export interface DemandLine {
  township: string;
  /** Isolation beds available (床位合计); null when unknown, counted as 0 against demand. */
  capacity: number | null;
  /** People in centralized isolation on each day of the window. */
  daily: number[];
  /** Largest daily figure, and its first day (null when the window is empty). */
  peak: number;
  peakDate: DateSerial | null;
  /** First day on which demand exceeds capacity; null when it never does. */
  firstExceed: DateSerial | null;
}

export interface DemandForecast {
  /** The days of the window. */
  dates: DateSerial[];
  /** Townships whose demand exceeds capacity first (earliest first, then the larger excess), then the rest in the given order. */
  townships: DemandLine[];
  /** The whole county: every township's demand against the sum of the known capacities. */
  county: DemandLine;
}

/**
 * Projects, for each day of the window, how many people are in centralized
 * isolation in each township, from the arrivals already listed: a stay
 * occupies arrival … arrival + days − 1, so someone released on the first
 * day of the window is not counted, and someone who arrived before the
 * window and is still in isolation is. Capacity comes from `capacities`
 * (township → beds, null when unknown); a township with returnees but no
 * capacity entry is added with capacity null. Linear in stays + townships × days.
 *
 * @example
 * forecastDemand(
 *   [{ township: "马场乡", arrival: 44579, days: 14, centralized: true }],
 *   new Map([["马场乡", 0]]),
 *   { start: 44581, days: 3 }
 * ).townships[0]
 * //=> { township: "马场乡", capacity: 0, daily: [1, 1, 1], peak: 1, peakDate: 44581, firstExceed: 44581 }
 */
export function forecastDemand(
  stays: readonly Stay[],
  capacities: ReadonlyMap<string, number | null>,
  options: DemandForecastOptions
): DemandForecast {
  const n = Math.max(0, Math.floor(options.days));
  const start = Math.floor(options.start);
  const dates = Array.from({ length: n }, (_, i) => start + i);
  const deltas = new Map<string, number[]>();
  for (const township of capacities.keys()) deltas.set(township, new Array<number>(n + 1).fill(0));
  for (const s of stays) {
    if (!s.centralized || !(s.days > 0)) continue;
    const first = Math.max(Math.floor(s.arrival), start);
    const last = Math.min(Math.floor(s.arrival) + s.days - 1, start + n - 1);
    if (first > last) continue;
    let d = deltas.get(s.township);
    if (!d) deltas.set(s.township, (d = new Array<number>(n + 1).fill(0)));
    d[first - start] += 1;
    d[last - start + 1] -= 1;
  }
  const lines = [...deltas].map(([township, d]) =>
    demandLine(township, capacities.get(township) ?? null, running(d, n), dates)
  );
  const countyDaily = new Array<number>(n).fill(0);
  let countyCapacity = 0;
  for (const l of lines) {
    l.daily.forEach((v, i) => (countyDaily[i] += v));
    countyCapacity += l.capacity ?? 0;
  }
  const order = lines
    .map((l, i) => ({ l, i }))
    .sort((a, b) => compareRisk(a.l, b.l) || a.i - b.i)
    .map((x) => x.l);
  return {
    dates,
    townships: order,
    county: demandLine("合计", countyCapacity, countyDaily, dates),
  };
}

/**
 * The first day on which demand exceeds capacity (unknown capacity counts as 0), or null.
 *
 * @example
 * firstExceedance([3, 5, 6], 5, 44581) //=> 44583
 * firstExceedance([3, 5, 5], 5, 44581) //=> null
 */
export function firstExceedance(
  daily: readonly number[],
  capacity: number | null,
  start: DateSerial
): DateSerial | null {
  const limit = capacity ?? 0;
  const i = daily.findIndex((v) => v > limit);
  return i < 0 ? null : start + i;
}

function demandLine(
  township: string,
  capacity: number | null,
  daily: number[],
  dates: readonly DateSerial[]
): DemandLine {
  let peak = 0;
  let peakDate: DateSerial | null = dates.length > 0 ? dates[0] : null;
  daily.forEach((v, i) => {
    if (v > peak) {
      peak = v;
      peakDate = dates[i];
    }
  });
  const firstExceed = dates.length > 0 ? firstExceedance(daily, capacity, dates[0]) : null;
  return { township, capacity, daily, peak, peakDate, firstExceed };
}

function running(deltas: readonly number[], n: number): number[] {
  const out = new Array<number>(n);
  let acc = 0;
  for (let i = 0; i < n; i++) out[i] = acc += deltas[i];
  return out;
}

function compareRisk(a: DemandLine, b: DemandLine): number {
  if (a.firstExceed === null || b.firstExceed === null)
    return (a.firstExceed === null ? 1 : 0) - (b.firstExceed === null ? 1 : 0);
  return a.firstExceed - b.firstExceed || excess(b) - excess(a);
}

function excess(l: DemandLine): number {
  return l.peak - (l.capacity ?? 0);
}
