/**
 * A 接种进度 table of 200,000 rows (250 townships in 5 counties × 4 groups ×
 * 200 days) whose every figure is known by construction:
 *   target 100,000; on day t (0…199) first = (t+1)(i+2+g), full = (t+1)(i+1+g)
 * for township i (county i mod 5) and group g. So on the report date the
 * full-course rate is (i+1+g)/500, a township's rank in its county is
 * 50 − ⌊i/5⌋, 当日到期 is i+2+g and 当日全程 is i+1+g. Township 0 did not
 * report group 0 on the report date.
 */
import type { CellValue } from "../../src/workbook/cells";
import {
  planRankVaccination,
  type RankVaccinationData,
} from "../../src/workbook/vaccination/rankVaccination";
import { D, HEADER, snapshotOf } from "./fixtures";

const TOWNSHIPS = 250;
const GROUPS = ["18岁以上", "12-17岁", "3-11岁", "60岁以上"];
const DAYS = 200;

function bigGrid(): CellValue[][] {
  const grid: CellValue[][] = [["大表"], HEADER.slice(0, 7)];
  for (let t = 0; t < DAYS; t++) {
    const date = D - DAYS + 1 + t;
    for (let i = 0; i < TOWNSHIPS; i++) {
      for (let g = 0; g < GROUPS.length; g++) {
        if (t === DAYS - 1 && i === 0 && g === 0) continue;
        grid.push([
          date,
          `县${i % 5}`,
          `乡镇${i}`,
          GROUPS[g],
          100_000,
          (t + 1) * (i + 2 + g),
          (t + 1) * (i + 1 + g),
        ]);
      }
    }
  }
  return grid;
}

describe("生成接种排名 on 200,000 rows", () => {
  const grid = bigGrid();
  const result = planRankVaccination({
    snapshot: snapshotOf({ 接种进度: grid }),
    today: D,
    now: D,
    lang: "zh",
  });
  const data = result.data as RankVaccinationData;
  const group = (g: number) => data.report.groups[g];
  const county = (g: number, c: number) => group(g).areas.find((a) => a.county === `县${c}`);

  it("reads every row without an issue", () => {
    expect(grid.length - 2).toBe(TOWNSHIPS * GROUPS.length * DAYS - 1);
    expect(result.issues).toEqual([]);
  });

  it("gives a township's figures as constructed (乡镇123, 县3, group 3-11岁)", () => {
    const u = county(2, 3)?.units.find((x) => x.township === "乡镇123");
    expect(u).toMatchObject({
      full: 200 * 126,
      fullRate: 126 / 500,
      rank: 26,
      due: 127,
      newFull: 126,
      rankChange: "–",
    });
  });

  it("ranks each county's 50 townships from the largest index down", () => {
    const units = county(1, 4)?.units ?? [];
    expect(units).toHaveLength(50);
    expect(units.slice(0, 3).map((u) => u.township)).toEqual(["乡镇249", "乡镇244", "乡镇239"]);
    expect(units.map((u) => u.rank)).toEqual(Array.from({ length: 50 }, (_, k) => k + 1));
  });

  it("totals a county from its sums (县2, 12-17岁: 200 × (50 × 4 + 6,125) of 5,000,000)", () => {
    expect(county(1, 2)).toMatchObject({ target: 5_000_000, full: 1_265_000, fullRate: 0.253 });
  });

  it("ranks the counties (县4 first, 县0 last)", () => {
    expect(group(1).areas.map((a) => [a.county, a.places.full?.rank])).toEqual([
      ["县0", 5],
      ["县1", 4],
      ["县2", 3],
      ["县3", 2],
      ["县4", 1],
    ]);
  });

  it("lists the township that did not report, unranked", () => {
    const area = county(0, 0);
    expect(area?.notReported.map((u) => u.township)).toEqual(["乡镇0"]);
    expect(area?.units.filter((u) => u.status === "ranked")).toHaveLength(49);
  });
});
