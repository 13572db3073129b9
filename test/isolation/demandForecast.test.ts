import {
  firstExceedance,
  forecastDemand,
  type Stay,
} from "../../src/core/isolation/demandForecast";
import { REPORT_DATE } from "./fixtures";

const start = REPORT_DATE;
function stay(overrides: Partial<Stay> = {}): Stay {
  return { township: "马场乡", arrival: start, days: 14, centralized: true, ...overrides };
}
const daily = (stays: Stay[], capacity: number | null = 100, days = 5) =>
  forecastDemand(stays, new Map([["马场乡", capacity]]), { start, days }).townships[0].daily;

describe("forecastDemand", () => {
  it("counts a stay from its arrival day for `days` days", () => {
    expect(daily([stay({ arrival: start + 1, days: 2 })])).toEqual([0, 1, 1, 0, 0]);
  });

  it("counts an arrival before the window that is still in isolation", () => {
    expect(daily([stay({ arrival: start - 10, days: 14 })])).toEqual([1, 1, 1, 1, 0]);
  });

  it("counts a stay whose last day is the first day of the window, on that day only", () => {
    // arrival start − 13 with 14 days occupies start − 13 … start
    expect(daily([stay({ arrival: start - 13, days: 14 })])).toEqual([1, 0, 0, 0, 0]);
  });

  it("does not count someone released on the first day of the window", () => {
    // arrival start − 14 with 14 days is released on start
    expect(daily([stay({ arrival: start - 14, days: 14 })])).toEqual([0, 0, 0, 0, 0]);
  });

  it("does not count an arrival after the window", () => {
    expect(daily([stay({ arrival: start + 5 })])).toEqual([0, 0, 0, 0, 0]);
  });

  it("counts a stay that runs past the end of the window up to its last day", () => {
    expect(daily([stay({ arrival: start + 3, days: 14 })])).toEqual([0, 0, 0, 1, 1]);
  });

  it("does not count home isolation", () => {
    expect(daily([stay({ centralized: false })])).toEqual([0, 0, 0, 0, 0]);
  });

  it("does not count a stay of 0 days (低风险)", () => {
    expect(daily([stay({ days: 0 })])).toEqual([0, 0, 0, 0, 0]);
  });

  it("ignores the time of day of an arrival", () => {
    expect(daily([stay({ arrival: start + 1.9, days: 1 })])).toEqual([0, 1, 0, 0, 0]);
  });

  it("adds the people present on each day", () => {
    const stays = [
      stay({ arrival: start - 1, days: 3 }),
      stay({ arrival: start + 1, days: 3 }),
      stay({ arrival: start + 2, days: 1 }),
    ];
    expect(daily(stays)).toEqual([1, 2, 2, 1, 0]);
  });

  it("gives the first day demand exceeds capacity, and the peak", () => {
    const stays = [1, 1, 2, 2, 2].map((d) => stay({ arrival: start + d - 1 }));
    const line = forecastDemand(stays, new Map([["马场乡", 3]]), { start, days: 5 }).townships[0];
    expect(line.daily).toEqual([2, 5, 5, 5, 5]);
    expect(line.firstExceed).toBe(start + 1);
    expect(line.peak).toBe(5);
    expect(line.peakDate).toBe(start + 1);
  });

  it("does not count demand equal to capacity as exceeding it", () => {
    const line = forecastDemand([stay(), stay()], new Map([["马场乡", 2]]), { start, days: 3 })
      .townships[0];
    expect(line.firstExceed).toBeNull();
  });

  it("treats an unknown capacity as 0 beds", () => {
    const line = forecastDemand([stay({ arrival: start + 2 })], new Map([["马场乡", null]]), {
      start,
      days: 5,
    }).townships[0];
    expect(line.firstExceed).toBe(start + 2);
  });

  it("adds a township that has returnees but no capacity entry, with capacity null", () => {
    const f = forecastDemand([stay({ township: "新村" })], new Map([["马场乡", 10]]), {
      start,
      days: 2,
    });
    expect(f.townships.map((t) => [t.township, t.capacity])).toEqual([
      ["新村", null],
      ["马场乡", 10],
    ]);
  });

  it("lists townships at risk first, the earliest first, then the rest in the given order", () => {
    const capacities = new Map<string, number | null>([
      ["甲", 10],
      ["乙", 0],
      ["丙", 5],
      ["丁", 0],
    ]);
    const f = forecastDemand(
      [stay({ township: "丁", arrival: start + 3 }), stay({ township: "乙", arrival: start + 1 })],
      capacities,
      { start, days: 5 }
    );
    expect(f.townships.map((t) => t.township)).toEqual(["乙", "丁", "甲", "丙"]);
  });

  it("sums the county: all demand against the sum of known capacities", () => {
    const capacities = new Map<string, number | null>([
      ["甲", 1],
      ["乙", null],
    ]);
    const f = forecastDemand(
      [stay({ township: "甲" }), stay({ township: "乙", arrival: start + 1 })],
      capacities,
      { start, days: 3 }
    );
    expect(f.county.daily).toEqual([1, 2, 2]);
    expect(f.county.capacity).toBe(1);
    expect(f.county.firstExceed).toBe(start + 1);
  });

  it("gives the days of the window from the report date", () => {
    const f = forecastDemand([], new Map(), { start, days: 21 });
    expect(f.dates).toHaveLength(21);
    expect(f.dates[0]).toBe(start);
    expect(f.dates[20]).toBe(start + 20);
  });

  it("returns an empty window for 0 days", () => {
    const f = forecastDemand([stay()], new Map([["马场乡", 0]]), { start, days: 0 });
    expect(f.townships[0]).toEqual(
      expect.objectContaining({ daily: [], peak: 0, peakDate: null, firstExceed: null })
    );
  });
});

describe("firstExceedance", () => {
  it.each([
    [[3, 5, 6], 5, 2],
    [[3, 5, 5], 5, null],
    [[0, 0, 1], null, 2],
    [[0, 0, 0], 0, null],
  ])("finds the first day of %p above %p at offset %p", (d, capacity, offset) => {
    expect(firstExceedance(d, capacity, start)).toBe(offset === null ? null : start + offset);
  });
});
