/**
 * Dates in a clerk's 接种进度: a future typo (2099-01-20) or a date before
 * the ledgers begin is an issue at its cell and never the report date; a
 * 截至 date in the title is the report date when none is chosen; messages
 * comparing dates give the year when it differs; a planted duplicate that
 * disagrees holds the township out (待核实) instead of ranking it.
 */
import { serialFromYmd } from "../../src/core/dates";
import type { Grid } from "../../src/workbook/cells";
import { runCommand, type CommandResult } from "../../src/workbook/command";
import {
  rankVaccination,
  type RankVaccinationData,
} from "../../src/workbook/vaccination/rankVaccination";
import { D, makeRow, progressGrid, snapshotOf } from "./fixtures";

function run(grid: Grid, today = D) {
  return runCommand(rankVaccination, {
    snapshot: snapshotOf({ 接种进度: grid }),
    today,
    now: today + 0.4,
    lang: "zh",
  }) as CommandResult & { data: RankVaccinationData };
}

const TOWNSHIPS = ["东城镇", "西城镇", "南山乡"];
const day = (date: number, full = 800) =>
  TOWNSHIPS.map((township) => makeRow({ date, township, full }));

describe("dates in 接种进度", () => {
  it("holds out a 2099 typo at its cell and ranks the real latest date", () => {
    const typo = serialFromYmd(2099, 1, 20);
    const grid = progressGrid([
      ...day(D - 1),
      ...day(D),
      makeRow({ date: typo, township: "东城镇" }),
    ]);
    const result = run(grid);
    expect(result.data.reportDate).toBe(D);
    const issue = result.issues.find((i) => i.code === "implausibleDate");
    expect(issue?.cell).toBe("A9");
    expect(issue?.message.zh).toContain("2099年1月20日");
    expect(result.summary.zh).not.toContain("2099");
    expect(result.data.dates).not.toContain(typo);
  });

  it("holds out a date before the ledgers begin", () => {
    const grid = progressGrid([
      ...day(D),
      makeRow({ date: serialFromYmd(2002, 1, 20), township: "西城镇" }),
    ]);
    expect(run(grid).issues.map((i) => `${i.cell} ${i.code}`)).toContain("A6 implausibleDate");
  });

  it("takes the 截至 date of the title as the report date when none is chosen, and says so", () => {
    const grid = progressGrid([...day(D - 1), ...day(D)]);
    grid[0] = ["平安县新冠疫苗接种进度表（截至2022年1月19日）"];
    const result = run(grid);
    expect(result.data.reportDate).toBe(D - 1);
    expect(result.summary.zh).toContain("截至2022年1月19日");
  });

  it("names the year of the earlier date when a cumulative figure falls across a new year", () => {
    const dec31 = serialFromYmd(2021, 12, 31);
    const jan1 = serialFromYmd(2022, 1, 1);
    const grid = progressGrid([
      makeRow({ date: dec31, first: 950 }),
      makeRow({ date: jan1, first: 900 }),
    ]);
    const fell = run(grid, jan1).issues.find((i) => i.code === "cumulativeFell");
    expect(fell?.message.zh).toContain("2021年12月31日");
  });

  it("never ranks a township on a duplicate row that disagrees (the later one below yesterday's)", () => {
    const grid = progressGrid([
      ...day(D - 1, 800),
      ...day(D, 850),
      makeRow({ date: D, township: "南山乡", first: 20, full: 2 }),
    ]);
    const result = run(grid);
    const units = result.data.report.groups[0].areas[0].units;
    const south = units.find((u) => u.township === "南山乡");
    expect(south?.status).toBe("unverified");
    expect(south?.rank).toBeNull();
    expect(result.data.notice.text.zh).toContain("南山乡数据待核实，未参与排名");
    expect(result.data.notice.text.zh).not.toMatch(/最差的分别是[^。]*南山乡/);
    expect(result.issues.filter((i) => i.code === "duplicateRow").map((i) => i.severity)).toEqual([
      "error",
    ]);
  });

  it("counts an identical duplicate once, with a warning", () => {
    const grid = progressGrid([...day(D), makeRow({ date: D, township: "南山乡" })]);
    const result = run(grid);
    const south = result.data.report.groups[0].areas[0].units.find((u) => u.township === "南山乡");
    expect(south?.status).toBe("ranked");
    expect(result.issues.filter((i) => i.code === "duplicateRow").map((i) => i.severity)).toEqual([
      "warning",
    ]);
  });
});
