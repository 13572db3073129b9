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

describe("summary rows", () => {
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
