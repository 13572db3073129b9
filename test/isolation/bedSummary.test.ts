import { bedResult, type BedRecord } from "../../src/core/isolation/bedCapacity";
import { summarizeBeds } from "../../src/core/isolation/bedSummary";
import { makeBedRecord } from "./fixtures";

const options = { bedsPer10k: 20 };
let nextRow = 3;
/** A township of 10,000 residents (20 beds required) with the given beds. */
function town(township: string, beds: number, overrides: Partial<BedRecord> = {}) {
  return bedResult(
    makeBedRecord({
      row: nextRow++,
      township,
      population: 10_000,
      existingBeds: beds,
      backupBeds: null,
      ...overrides,
    }),
    options
  );
}
const names = (s: ReturnType<typeof summarizeBeds>, g = 0) =>
  s.groups[g].lines.map((l) => l.result.record.township);
const ranks = (s: ReturnType<typeof summarizeBeds>, g = 0) => s.groups[g].lines.map((l) => l.rank);

describe("summarizeBeds", () => {
  it("ranks by beds per 10,000, highest first", () => {
    const s = summarizeBeds([town("甲", 30), town("乙", 40), town("丙", 25)], {
      tieRule: "并列占位",
    });
    expect(names(s)).toEqual(["乙", "甲", "丙"]);
    expect(ranks(s)).toEqual([1, 2, 3]);
  });

  it("shares a rank on a tie and skips the next under 并列占位", () => {
    const s = summarizeBeds([town("甲", 30), town("乙", 30), town("丙", 25)], {
      tieRule: "并列占位",
    });
    expect(ranks(s)).toEqual([1, 1, 3]);
  });

  it("shares a rank on a tie without skipping under 并列不占位", () => {
    const s = summarizeBeds([town("甲", 30), town("乙", 30), town("丙", 25)], {
      tieRule: "并列不占位",
    });
    expect(ranks(s)).toEqual([1, 1, 2]);
  });

  it("ties townships whose one-decimal figure is the same", () => {
    // 20.04 and 20.0 both show as 20.0 per 10,000
    const s = summarizeBeds([town("甲", 20), town("乙", 2_004, { population: 1_000_000 })], {
      tieRule: "并列占位",
    });
    expect(ranks(s)).toEqual([1, 1]);
  });

  it("lists shortfalls first, the largest gap first, then the rest by rank", () => {
    const s = summarizeBeds([town("甲", 30), town("乙", 18), town("丙", 10), town("丁", 40)], {
      tieRule: "并列占位",
    });
    expect(names(s)).toEqual(["丙", "乙", "丁", "甲"]);
  });

  it("lists an incomplete row last, unranked and outside the sums", () => {
    const s = summarizeBeds([town("甲", 30), town("乙", 25, { population: 0 }), town("丙", 20)], {
      tieRule: "并列占位",
    });
    expect(names(s)).toEqual(["甲", "丙", "乙"]);
    expect(s.groups[0].lines[2]).toEqual(expect.objectContaining({ complete: false, rank: null }));
    expect(s.totals).toEqual(
      expect.objectContaining({ townships: 2, population: 20_000, total: 50 })
    );
  });

  it("computes the ratio of a total from the sums, not as an average of ratios", () => {
    // 甲: 10 beds / 10,000 = 10.0; 乙: 400 beds / 100,000 = 40.0; average 25.0, but 410 / 110,000 = 37.3
    const s = summarizeBeds([town("甲", 10), town("乙", 400, { population: 100_000 })], {
      tieRule: "并列占位",
    });
    expect(s.totals.per10k).toBe(37.3);
  });

  it("sums the townships' gaps: a surplus elsewhere does not fill a gap", () => {
    const s = summarizeBeds([town("甲", 10), town("乙", 100)], { tieRule: "并列占位" });
    expect(s.totals).toEqual(
      expect.objectContaining({ required: 40, total: 110, gap: 10, short: 1 })
    );
  });

  it("is ungrouped when no row names a 县(区)", () => {
    const s = summarizeBeds([town("甲", 30), town("乙", 40)], { tieRule: "并列占位" });
    expect(s.grouped).toBe(false);
    expect(s.groups).toHaveLength(1);
    expect(s.groups[0].rank).toBeNull();
  });

  it("ranks townships within their 县(区) and the 县(区) against each other", () => {
    const s = summarizeBeds(
      [
        town("甲", 30, { parent: "平安县" }),
        town("乙", 40, { parent: "平安县" }),
        town("丙", 50, { parent: "康宁县" }),
        town("丁", 20, { parent: "康宁县" }),
      ],
      { tieRule: "并列占位" }
    );
    expect(s.grouped).toBe(true);
    // 平安县 70 / 20,000 = 35.0; 康宁县 70 / 20,000 = 35.0: a tie
    expect(s.groups.map((g) => [g.parent, g.rank])).toEqual([
      ["平安县", 1],
      ["康宁县", 1],
    ]);
    expect(ranks(s, 0)).toEqual([1, 2]);
    expect(ranks(s, 1)).toEqual([1, 2]);
    expect(s.totals).toEqual(
      expect.objectContaining({ townships: 4, population: 40_000, total: 140, per10k: 35 })
    );
  });

  it("lists a 县(区) with a shortfall before one without", () => {
    const s = summarizeBeds(
      [
        town("甲", 50, { parent: "平安县" }),
        town("乙", 10, { parent: "康宁县" }),
        town("丙", 90, { parent: "康宁县" }),
      ],
      { tieRule: "并列占位" }
    );
    // Both show 50.0 per 10,000 (100 / 20,000 and 50 / 10,000), but 康宁县's 乙 is 10 beds short
    expect(s.groups.map((g) => g.parent)).toEqual(["康宁县", "平安县"]);
  });

  it("groups rows with a blank 县(区) apart when others have one", () => {
    const s = summarizeBeds([town("甲", 30, { parent: "平安县" }), town("乙", 30)], {
      tieRule: "并列占位",
    });
    expect(s.groups.map((g) => g.parent).sort()).toEqual([null, "平安县"].sort());
  });

  it("gives empty sums and no ratio for an empty table", () => {
    const s = summarizeBeds([], { tieRule: "并列占位" });
    expect(s.totals).toEqual(
      expect.objectContaining({ townships: 0, population: 0, per10k: null })
    );
  });
});
