import { DEFAULT_CATALOGUE } from "../../src/core/stockpile/catalogue";
import { detectHeader } from "../../src/workbook/headers";
import { pruneUnchanged } from "../../src/workbook/diff";
import { sampleWorkbookSheets } from "../../src/workbook/sample/workbook";
import { sheetFromValues, type WorkbookSnapshot } from "../../src/workbook/snapshot";
import { readCatalogue } from "../../src/workbook/stockpile/catalogue";
import {
  planComputeStockpile,
  type StockpileData,
} from "../../src/workbook/stockpile/computeStockpile";
import { SETUP_READS, setupStockpileSheets } from "../../src/workbook/stockpile/setup";
import { applyOps } from "../../src/workbook/applyOps";
import {
  CATALOGUE_TABLE,
  STOCKPILE_TABLE,
  STOCK_LOG_TABLE,
} from "../../src/workbook/stockpile/specs";
import { stockpileSampleSheets } from "../../src/workbook/sample/stockpile";
import { commandInput } from "./fixtures";

const empty: WorkbookSnapshot = { sheetNames: [], sheets: {}, names: {} };

describe("setupStockpileSheets", () => {
  it("lists the sheets it looks at", () => {
    expect(SETUP_READS).toEqual(["物资目录", "物资储备", "库存日志"]);
  });

  it("creates the three input sheets when absent", () => {
    const ops = setupStockpileSheets(empty);
    expect(ops.filter((o) => o.kind === "ensureSheet").map((o) => o.sheet)).toEqual([
      "物资目录",
      "物资储备",
      "库存日志",
    ]);
  });

  it("creates nothing for sheets that exist", () => {
    const snapshot = { ...empty, sheetNames: ["物资目录", "物资储备", "库存日志"] };
    expect(setupStockpileSheets(snapshot)).toEqual([]);
  });

  it("fills 物资目录 with the ten defaults, which read back as the default catalogue", () => {
    const after = applyOps(empty, setupStockpileSheets(empty));
    const read = readCatalogue(after.sheets["物资目录"]);
    expect(read.issues).toEqual([]);
    expect(read.items).toEqual(DEFAULT_CATALOGUE);
    expect(read.columns).toEqual({ name: 1, unit: 2, kind: 3, routine: 4, wartime: 5 });
  });

  it("writes a title in row 1 and the input header in row 2, styled and frozen", () => {
    const ops = setupStockpileSheets(empty).filter((o) => o.sheet === "物资储备");
    const after = applyOps(empty, ops).sheets["物资储备"];
    expect(after.values[0]).toEqual(["物资储备情况表"]);
    expect(detectHeader(STOCKPILE_TABLE, after.values)?.headerRow).toBe(2);
    expect(ops).toContainEqual(
      expect.objectContaining({ kind: "style", range: "A2:I2", fill: "#DDEBF7", bold: true })
    );
    expect(ops).toContainEqual({ kind: "freeze", sheet: "物资储备", rows: 2 });
  });

  it("gives every column of the contract a note for docs/workbook-contract.md", () => {
    for (const spec of [CATALOGUE_TABLE, STOCKPILE_TABLE, STOCK_LOG_TABLE]) {
      for (const c of spec.columns) expect(c.note).toBeTruthy();
    }
  });
});

describe("the sample sheets", () => {
  const sheets = stockpileSampleSheets();
  const snapshot = (): WorkbookSnapshot => {
    const base = applyOps(
      empty,
      setupStockpileSheets({ ...empty, sheetNames: ["物资储备", "库存日志"] })
    );
    for (const s of sheets) {
      base.sheets[s.name] = sheetFromValues(s.name, s.values);
      base.sheetNames.push(s.name);
    }
    return base;
  };

  it("are 物资储备 and 库存日志, and part of the sample workbook", () => {
    expect(sheets.map((s) => s.name)).toEqual(["物资储备", "库存日志"]);
    expect(sampleWorkbookSheets().map((s) => s.name)).toEqual(
      expect.arrayContaining(["物资储备", "库存日志"])
    );
  });

  it("are the same on every call", () => {
    expect(stockpileSampleSheets()).toEqual(sheets);
  });

  it("cover the county reserve, departments, every township and two clinics", () => {
    const categories = new Set(sheets[0].values.slice(2).map((r) => r[1]));
    expect([...categories]).toEqual(["县应急物资储备库", "县直部门", "乡镇", "医疗机构"]);
    const clinics = new Set(
      sheets[0].values
        .slice(2)
        .filter((r) => r[1] === "医疗机构")
        .map((r) => r[0])
    );
    expect(clinics.size).toBe(2);
  });

  it("compute without an issue, with a few units short", () => {
    const result = planComputeStockpile(commandInput(snapshot()));
    expect(result.issues).toEqual([]);
    const data = result.data as StockpileData;
    expect(data.summary.unitsShort).toBeGreaterThanOrEqual(3);
    expect(data.summary.unitsShort).toBeLessThan(data.summary.units / 2);
  });

  it("log about two weeks for some units, one of them too short to estimate", () => {
    const data = planComputeStockpile(commandInput(snapshot())).data as StockpileData;
    expect(data.burnRates.filter((b) => b.status === "ok").length).toBeGreaterThanOrEqual(5);
    expect(data.burnRates.filter((b) => b.status === "tooShort").map((b) => b.unit)).toEqual([
      "石桥乡",
    ]);
  });

  it("end each log on the stock 物资储备 holds for the unit", () => {
    const reserve = new Map(sheets[0].values.slice(2).map((r) => [`${r[0]}|${r[2]}`, r[7]]));
    const last = new Map<string, unknown>();
    for (const r of sheets[1].values.slice(2)) last.set(`${r[1]}|${r[2]}`, r[3]);
    for (const [key, stock] of last) expect(stock).toBe(reserve.get(key));
  });

  it("need nothing written on a second run", () => {
    const first = snapshot();
    const after = applyOps(first, planComputeStockpile(commandInput(first)).ops);
    const again = planComputeStockpile(commandInput(after)).ops;
    expect(pruneUnchanged(again, after).filter((o) => o.kind === "block")).toEqual([]);
  });
});
