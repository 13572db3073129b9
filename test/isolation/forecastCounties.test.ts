/**
 * 预测隔离需求 on a city's 隔离床位 with a 县(区) column: a township name in
 * two counties is two townships, never merged; and an unreadable 隔离床位
 * writes no forecast figure.
 */
import {
  planForecastIsolation,
  type IsolationForecastData,
} from "../../src/workbook/isolation/forecastIsolation";
import {
  commandInput,
  initialisedWorkbook,
  returneeGrid,
  returneeRow,
  withSheet,
} from "./fixtures";

const BEDS = [
  ["隔离床位情况表"],
  ["县(区)", "乡镇", "常住人口", "现有床位", "备用床位"],
  ["东湖县", "城关镇", 86_400, 150, 30],
  ["西岭县", "城关镇", 40_200, 60, 10],
  ["西岭县", "白沙镇", 12_000, 20, 0],
];

function run(
  beds: (string | number | null)[][],
  returnees = [returneeRow({ township: "东湖县城关镇" })]
) {
  const snapshot = withSheet(
    withSheet(initialisedWorkbook(), "隔离床位", beds),
    "返乡人员",
    returneeGrid(returnees)
  );
  const result = planForecastIsolation(commandInput(snapshot));
  return { result, data: result.data as IsolationForecastData | undefined };
}

describe("预测隔离需求 with a 县(区) column", () => {
  it("keeps a township name of two counties as two townships, with both counties' beds", () => {
    const { data } = run(BEDS);
    const names = data?.townships.map((t) => [t.parent, t.township, t.capacity]);
    expect(names).toEqual(
      expect.arrayContaining([
        ["东湖县", "城关镇（东湖县）", 180],
        ["西岭县", "城关镇（西岭县）", 70],
        ["西岭县", "白沙镇", 20],
      ])
    );
    expect(data?.county.capacity).toBe(270);
  });

  it("places a returnee written with the county, and names a bare shared name as an issue at its cell", () => {
    const { data, result } = run(BEDS, [
      returneeRow({ township: "东湖县城关镇" }),
      returneeRow({ township: "城关镇" }),
    ]);
    const east = data?.townships.find((t) => t.township === "城关镇（东湖县）");
    expect(east?.daily[0]).toBe(1);
    expect(data?.county.daily[0]).toBe(1);
    expect(result.issues.filter((i) => i.code === "townshipAmbiguous").map((i) => i.cell)).toEqual([
      "D4",
    ]);
  });
});

describe("预测隔离需求 when 隔离床位 cannot be read", () => {
  it("writes no forecast sheet and no figure, and says why", () => {
    const pushedDown = [...Array.from({ length: 25 }, () => [null]), ...BEDS];
    const { result } = run(pushedDown);
    expect(result.ops.filter((op) => op.sheet === "隔离需求预测")).toEqual([]);
    expect(result.data).toBeUndefined();
    expect(result.summary.zh).toContain("“隔离床位”无法读取");
    expect(result.summary.zh).not.toMatch(/床位合计0/);
  });
});

describe("计算隔离床位: one duplicate rule", () => {
  it("counts a repeated township once when its figures agree, and holds it out as 待核实 when they disagree", async () => {
    const { planComputeIsolation } = await import("../../src/workbook/isolation/computeIsolation");
    const grid = (extra: (string | number | null)[]) => [...BEDS, extra];
    const agree = planComputeIsolation(
      commandInput(
        withSheet(initialisedWorkbook(), "隔离床位", grid(["西岭县", "白沙镇", 12_000, 20, 0]))
      )
    );
    const disagree = planComputeIsolation(
      commandInput(
        withSheet(initialisedWorkbook(), "隔离床位", grid(["西岭县", "白沙镇", 12_000, 99, 0]))
      )
    );
    const totals = (r: { data?: unknown }) =>
      (r.data as { totals: { total: number; townships: number } }).totals;
    expect(totals(agree).total).toBe(180 + 70 + 20);
    expect(totals(disagree).total).toBe(180 + 70);
    const pending = (disagree.data as { pending: { township: string }[] }).pending.map(
      (t) => t.township
    );
    expect(pending).toEqual(["白沙镇", "白沙镇"]);
    expect(
      disagree.issues.filter((i) => i.code === "duplicateTownship").map((i) => i.severity)
    ).toEqual(["error"]);
  });
});
