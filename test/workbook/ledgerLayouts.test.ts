/**
 * A ledger kept the way county offices keep it computes the same figures as
 * the same data in the contract layout, for each capability, on the memory
 * host and on the .xlsx host: no 合计/小计 or footer row is counted, ranked or
 * named as bad data, and the footer's phone is never echoed.
 */
import ExcelJS from "exceljs";
import { MemoryWorkbook } from "../../src/hosts/memory/memoryExcel";
import { createMemoryHost } from "../../src/hosts/memory/memoryHost";
import { createXlsxHost } from "../../src/hosts/xlsx/xlsxHost";
import type { Command } from "../../src/workbook/command";
import { executeCommand, type ExecuteOutcome } from "../../src/workbook/execute";
import type { WorkbookHost } from "../../src/workbook/host";
import { initWorkbook } from "../../src/workbook/init/initWorkbook";
import {
  computeIsolation,
  type IsolationBedsData,
} from "../../src/workbook/isolation/computeIsolation";
import { reportStatus, type ReportStatusData } from "../../src/workbook/reporting/reportStatus";
import {
  computeStockpile,
  type StockpileData,
} from "../../src/workbook/stockpile/computeStockpile";
import {
  rankVaccination,
  type RankVaccinationData,
} from "../../src/workbook/vaccination/rankVaccination";
import {
  bedsContract,
  bedsLedger,
  FOOTER_PHONE,
  isFormula,
  LEDGER_DATE,
  progressContract,
  progressLedger,
  reportingContract,
  reportingLedger,
  reservesContract,
  reservesLedger,
  valuesOf,
  type FixtureSheet,
} from "./ledgerLayouts";

jest.setTimeout(60_000);

const RUN = { today: LEDGER_DATE, now: LEDGER_DATE + 17 / 24, lang: "zh" as const };

type Host = "memory" | "xlsx";

function host(kind: Host, sheets: FixtureSheet[]): WorkbookHost {
  if (kind === "memory")
    return createMemoryHost(
      new MemoryWorkbook(sheets.map((s) => ({ name: s.name, values: valuesOf(s) })))
    );
  const workbook = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = workbook.addWorksheet(s.name);
    s.rows.forEach((line, r) =>
      line.forEach((c, i) => {
        if (c === null) return;
        ws.getCell(r + 1, i + 1).value = isFormula(c)
          ? { formula: c.formula.slice(1), result: c.value as number }
          : c;
      })
    );
    for (const r of s.hidden ?? []) ws.getRow(r).hidden = true;
  }
  return createXlsxHost(workbook);
}

async function run(
  kind: Host,
  sheets: FixtureSheet[],
  command: Command,
  options?: Record<string, unknown>
) {
  const h = host(kind, sheets);
  await executeCommand(h, initWorkbook, RUN);
  const outcome: ExecuteOutcome = await executeCommand(h, command, { ...RUN, options });
  if (!outcome.ok) throw new Error(outcome.error.message.en);
  return outcome.result;
}

function errorsAndWarnings(result: {
  issues: { code: string; severity: string; sheet: string; cell: string }[];
}) {
  // Rows differ between layouts: the codes and sheets are compared, in order.
  return result.issues
    .filter((i) => i.code !== "unitConverted")
    .map((i) => `${i.sheet} ${i.severity} ${i.code}`);
}

/** A copy without the named fields (sheet rows differ between layouts). */
function without<T extends object>(o: T, ...keys: string[]): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k))) as Partial<T>;
}

function noPhone(result: unknown): void {
  expect(JSON.stringify(result)).not.toContain(FOOTER_PHONE);
}

describe.each<Host>(["memory", "xlsx"])("a clerk's own layout on the %s host", (kind) => {
  it("隔离床位: two-level header with units, 小计/合计 rows and a footer compute as the contract layout", async () => {
    const project = (d: IsolationBedsData) => ({
      totals: d.totals,
      townships: d.townships.map((t) => without(t, "row")),
    });
    const contract = await run(kind, [bedsContract()], computeIsolation);
    for (const ledger of [bedsLedger(), bedsLedger({ tenThousand: true })]) {
      const result = await run(kind, [ledger], computeIsolation);
      expect(project(result.data as IsolationBedsData)).toEqual(
        project(contract.data as IsolationBedsData)
      );
      expect((result.data as IsolationBedsData).townships).toHaveLength(4);
      expect(errorsAndWarnings(result)).toEqual(errorsAndWarnings(contract));
      noPhone(result);
    }
  });

  it("隔离床位: the meta row's 截至 date is the report date when none is given, and the summary says so", async () => {
    const ledger = bedsLedger();
    ledger.rows[1][3] = "截至2022年1月19日";
    const result = await run(kind, [ledger], computeIsolation);
    expect((result.data as IsolationBedsData).reportDate).toBe(LEDGER_DATE - 1);
    expect(result.summary.zh).toContain("截至2022年1月19日");
    const chosen = await run(kind, [ledger], computeIsolation, { reportDate: LEDGER_DATE });
    expect((chosen.data as IsolationBedsData).reportDate).toBe(LEDGER_DATE);
  });

  it("隔离床位: a header in 万人 is converted, and said once at the header cell", async () => {
    const result = await run(kind, [bedsLedger({ tenThousand: true })], computeIsolation);
    const converted = result.issues.filter((i) => i.code === "unitConverted");
    expect(converted.map((i) => `${i.cell} ${i.severity}`)).toEqual(["D3 warning"]);
    expect(converted[0].message.zh).toContain("10,000");
  });

  it("接种进度: three-level header, text numbers, a hidden row and 小计/合计 rows rank as the contract layout", async () => {
    const project = (d: RankVaccinationData) => ({
      reportDate: d.reportDate,
      notice: d.notice,
      units: d.report.groups.flatMap((g) =>
        g.areas.flatMap((a) => a.units.map((u) => without(u, "row", "unit")))
      ),
      areas: d.report.groups.flatMap((g) =>
        g.areas.map((a) => without(a, "units", "best", "worst", "notReported", "unranked"))
      ),
    });
    const contract = await run(kind, [progressContract()], rankVaccination);
    const result = await run(kind, [progressLedger()], rankVaccination);
    expect(project(result.data as RankVaccinationData)).toEqual(
      project(contract.data as RankVaccinationData)
    );
    const units = project(result.data as RankVaccinationData).units;
    expect(units.map((u) => u.township)).not.toContain("东湖县小计");
    expect(units).toHaveLength(4);
    expect(errorsAndWarnings(result)).toEqual(errorsAndWarnings(contract));
    noPhone(result);
  });

  it("物资储备: 保障人数（人）, 现有库存（数量）, 规格型号 and `XX 小计` rows compute as the contract layout", async () => {
    const project = (d: StockpileData) => ({ rows: d.rows, summary: d.summary, notice: d.notice });
    const contract = await run(kind, [reservesContract()], computeStockpile);
    const result = await run(kind, [reservesLedger()], computeStockpile);
    expect(project(result.data as StockpileData)).toEqual(project(contract.data as StockpileData));
    expect((result.data as StockpileData).rows).toBe(4);
    expect(errorsAndWarnings(result)).toEqual(errorsAndWarnings(contract));
    noPhone(result);
  });

  it("物资储备: the meta row's 截至 date is the report date when none is given, and the summary says so", async () => {
    const ledger = reservesLedger();
    ledger.rows[1][4] = "截至2022年1月19日";
    const result = await run(kind, [ledger], computeStockpile);
    expect((result.data as StockpileData).reportDate).toBe(LEDGER_DATE - 1);
    expect(result.summary.zh).toContain("报告日期取自表中“截至2022年1月19日”");
    const chosen = await run(kind, [ledger], computeStockpile, { reportDate: LEDGER_DATE });
    expect((chosen.data as StockpileData).reportDate).toBe(LEDGER_DATE);
    expect(chosen.summary.zh).not.toContain("截至");
  });

  it("填报单位/报送记录: 单位名称, 序号, a 合计 row and footers report as the contract layout", async () => {
    const project = (d: ReportStatusData) => ({
      summary: d.summary,
      overall: d.overall,
      missing: d.missing,
      late: d.late,
      units: d.units.map((u) => without(u, "rosterRow")),
    });
    const contract = await run(kind, reportingContract(), reportStatus);
    const result = await run(kind, reportingLedger(), reportStatus);
    expect(project(result.data as ReportStatusData)).toEqual(
      project(contract.data as ReportStatusData)
    );
    expect((result.data as ReportStatusData).units).toHaveLength(3);
    expect(errorsAndWarnings(result)).toEqual(errorsAndWarnings(contract));
    noPhone(result);
  });
});

describe("the duplicate rule on 物资汇总", () => {
  it("names a unit's item whose rows disagree as 待核实，未计入, and leaves it out of the totals", async () => {
    const ledger = reservesLedger();
    const at = ledger.rows.findIndex((l) => l[3] === "医用防护服" && l[1] === "城关镇");
    ledger.rows.splice(at + 1, 0, [
      99,
      "城关镇",
      "乡镇",
      "医用防护服",
      "170/XL",
      "套",
      300,
      999,
      null,
    ]);
    const result = await run("memory", [ledger], computeStockpile);
    const data = result.data as StockpileData;
    expect(data.notice.zh).toContain("城关镇“医用防护服”数据待核实，未计入");
    const gown = data.summary.byItem.find((t) => t.item === "医用防护服");
    expect(gown?.stock).toBe(40);
  });
});

describe("summary rows", () => {
  it("get SUMs of the summable computed columns over the rows they cover, and nothing in the others; headers in the bottom header row", async () => {
    const ledger = bedsLedger();
    const book = new MemoryWorkbook([{ name: ledger.name, values: valuesOf(ledger) }]);
    const h = createMemoryHost(book);
    await executeCommand(h, initWorkbook, RUN);
    const outcome = await executeCommand(h, computeIsolation, RUN);
    expect(outcome.ok).toBe(true);
    const formulas = book.formulas("隔离床位");
    const values = book.values("隔离床位");
    expect(values[3].slice(6, 11)).toEqual(["应配床位", "床位合计", "缺口", "每万人床位", "状态"]);
    expect(values[2].slice(6, 11)).toEqual([null, null, null, null, null]);
    const row = (label: string) => formulas.findIndex((l) => l[0] === label || l[1] === label) + 1;
    expect(formulas[row("东湖县小计") - 1].slice(6, 11)).toEqual([
      "=SUM(G5:G7)",
      "=SUM(H5:H7)",
      "=SUM(I5:I7)",
      null,
      null,
    ]);
    expect(formulas[row("合计") - 1].slice(6, 9)).toEqual([
      "=SUM(G5:G7,G9)",
      "=SUM(H5:H7,H9)",
      "=SUM(I5:I7,I9)",
    ]);
    const total = (c: number) => [5, 6, 7, 9].reduce((s, r) => s + (values[r - 1][c] as number), 0);
    expect(values[row("合计") - 1].slice(6, 9)).toEqual([total(6), total(7), total(8)]);
    // The clerk's own cells of the summary rows are left as they were.
    expect(values[row("合计") - 1].slice(0, 6)).toEqual(
      valuesOf(ledger)[row("合计") - 1].slice(0, 6)
    );
  });

  it("warn at the cell when a 合计 figure disagrees with the rows it covers, and are never data", async () => {
    const ledger = bedsLedger();
    const total = ledger.rows.findIndex((l) => l[0] === "合计");
    ledger.rows[total][4] = 999;
    const result = await run("memory", [ledger], computeIsolation);
    const mismatch = result.issues.filter((i) => i.code === "summaryMismatch");
    expect(mismatch.map((i) => `${i.cell} ${i.severity}`)).toEqual([`E${total + 1} warning`]);
    expect((result.data as IsolationBedsData).townships).toHaveLength(4);
  });
});
