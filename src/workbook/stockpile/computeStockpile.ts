/**
 * 计算物资储备: writes the live output formulas of 物资储备 (restoring any
 * that were typed over, after keeping the old value in 历史记录) and the
 * leaders' sheet 物资汇总. Creates 物资目录 with its defaults, and the named
 * parameters, when they are missing, since the formulas refer to them.
 */
import { chineseDate, isoFromSerial, type DateSerial } from "../../core/dates";
import type { Message } from "../../core/issue";
import type { BurnRate } from "../../core/stockpile/burnRate";
import { computeReserveLines, itemKey, type ReserveLine } from "../../core/stockpile/reserveLines";
import { summarizeReserve, type StockpileSummary } from "../../core/stockpile/summary";
import { cellAddress, sheetRef } from "../a1";
import { defineCommand, type CommandInput, type CommandResult } from "../command";
import { HISTORY_SHEET, historyOps } from "../history";
import { toCellIssue, type CellIssue } from "../issues";
import { parseReportDateOptions, type ReportDateOptions } from "../options";
import { implausibleDate } from "../parse";
import { PARAMS_SHEET } from "../params";
import { commandPrelude } from "../prelude";
import type { WriteOp } from "../plan";
import type { WorkbookSnapshot } from "../snapshot";
import { readCatalogue, type CatalogueRead } from "./catalogue";
import { planReserveOutputs, readReserve } from "./reserve";
import { catalogueSheetOps, setupStockpileSheets } from "./setup";
import { CATALOGUE_SHEET, STOCKPILE_SHEET, STOCK_LOG_SHEET, SUMMARY_SHEET } from "./specs";
import { readStockLog } from "./stockLog";
import { summarySheetOps } from "./summarySheet";
import { guardFinite } from "../finite";

/** Options the task pane may pass: the report date (default today). */
export type ComputeStockpileOptions = ReportDateOptions;

/** What the task pane shows after 计算物资储备. */
export interface StockpileData {
  reportDate: DateSerial;
  /** Data rows of 物资储备 computed. */
  rows: number;
  summary: StockpileSummary;
  burnRates: BurnRate[];
  /** The notice line written under the title of 物资汇总. */
  notice: Message;
  /** Output cells that had been typed over and were restored. */
  overwritten: { cell: string; old: unknown }[];
}

export const STOCKPILE_READS: readonly string[] = [
  STOCKPILE_SHEET,
  CATALOGUE_SHEET,
  STOCK_LOG_SHEET,
  PARAMS_SHEET,
  HISTORY_SHEET,
  SUMMARY_SHEET,
];

export const computeStockpile = defineCommand({
  id: "computeStockpile",
  label: { zh: "计算物资储备", en: "Compute stockpile targets" },
  reads: () => [...STOCKPILE_READS],
  parseOptions: parseReportDateOptions,
  run: planComputeStockpile,
});

/**
 * Plans 计算物资储备.
 *
 * @example
 * planComputeStockpile({ snapshot, today: 44581, now: 44581.4, lang: "zh" }).data.summary.byItem[0].gap
 * //=> 600
 */
export function planComputeStockpile(
  input: CommandInput<ComputeStockpileOptions>
): CommandResult<StockpileData> {
  // Absurd input (a population of 9e307) can overflow; no cell may receive NaN or Infinity.
  return guardFinite(buildStockpilePlan(input));
}

function buildStockpilePlan(
  input: CommandInput<ComputeStockpileOptions>
): CommandResult<StockpileData> {
  const { snapshot } = input;
  const prelude = commandPrelude(input);
  const { params } = prelude;
  let reportDate = prelude.reportDate;
  const ops: WriteOp[] = [...prelude.ops];
  const issues: CellIssue[] = [...prelude.issues];
  const add = (more: readonly CellIssue[]) => {
    for (const i of more) issues.push(i);
  };
  const catalogue = readCatalogue(snapshot.sheets[CATALOGUE_SHEET]);
  add(catalogue.issues);
  if (catalogue.absent) ops.push(...catalogueSheetOps());

  const sheet = snapshot.sheets[STOCKPILE_SHEET];
  if (!sheet) {
    ops.push(...setupStockpileSheets(withCatalogue(snapshot)));
    return {
      ops,
      issues: [
        ...issues,
        {
          code: "missingSheet",
          severity: "error",
          sheet: STOCKPILE_SHEET,
          cell: "A2",
          message: {
            zh: "未找到“物资储备”表，已新建空表，请填写各单位的物资储备后再计算",
            en: "No 物资储备 sheet was found; an empty one was created. Fill in the units' reserves, then compute again",
          },
        },
      ],
      summary: {
        zh: "已新建“物资储备”表，请填写后再计算",
        en: "Created the 物资储备 sheet; fill it in, then compute again",
      },
      focus: { sheet: STOCKPILE_SHEET, cell: "A3" },
    };
  }
  const read = readReserve(sheet);
  add(read.issues);
  // A 截至 date in the title or a meta row is the report date when none was chosen.
  const asOf = read.parsed.header?.meta.asOf?.date;
  const fromAsOf =
    input.options?.reportDate === undefined &&
    asOf !== undefined &&
    implausibleDate(asOf, input.today) === undefined;
  if (fromAsOf) reportDate = asOf as number;
  const { value: lines, issues: coreIssues } = computeReserveLines(read.records, {
    catalogue: catalogue.lookup,
    ...params,
  });
  const columns = read.parsed.header?.columns ?? new Map<string, number>();
  const lineAt = new Map(lines.map((l) => [l.record.row, l]));
  for (const core of coreIssues) {
    const cellIssue = toCellIssue(core, STOCKPILE_SHEET, columns);
    issues.push(withCatalogueRef(cellIssue, lineAt.get(core.row), catalogue));
  }

  let overwritten: { cell: string; old: unknown }[] = [];
  if (read.computable && catalogue.columns) {
    const outputs = planReserveOutputs(sheet, read, lines, catalogue.columns);
    add(outputs.issues);
    overwritten = outputs.overwritten;
    ops.push(...historyOps(snapshot, outputs.history, input.now), ...outputs.ops);
  }

  const log = readStockLog(snapshot.sheets[STOCK_LOG_SHEET], {
    windowDays: params.burnRateWindowDays,
    asOf: reportDate,
  });
  add(log.issues);
  const summary = summarizeReserve(lines, {
    catalogue: catalogue.items,
    targetLine: params.targetLine,
  });
  const sheetPlan = summarySheetOps({
    reportDate,
    summary,
    lines,
    rates: log.rates,
    logPresent: log.present,
    windowDays: params.burnRateWindowDays,
  });
  ops.push(...sheetPlan.ops);

  const errors = issues.filter((i) => i.severity === "error").length;
  const data: StockpileData = {
    reportDate,
    rows: lines.length,
    summary,
    burnRates: log.rates,
    notice: sheetPlan.notice,
    overwritten,
  };
  return {
    ops,
    issues,
    summary: {
      zh: `已计算${lines.length}行物资储备，${summary.unitsShort}个单位存在缺口${errors ? `；${errors}处输入需更正` : ""}${overwritten.length ? `；已恢复${overwritten.length}个被覆盖的公式` : ""}${fromAsOf ? `。报告日期取自表中“截至${chineseDate(reportDate)}”` : ""}`,
      en: `Computed ${lines.length} reserve rows; ${summary.unitsShort} units have a gap${errors ? `; ${errors} inputs need fixing` : ""}${overwritten.length ? `; restored ${overwritten.length} overwritten formulas` : ""}${fromAsOf ? `. The report date is the sheet's 截至 ${isoFromSerial(reportDate)}` : ""}`,
    },
    data,
    focus: { sheet: SUMMARY_SHEET, cell: "A1" },
  };
}

/** A missing catalogue norm also points at the catalogue cell to fill. */
function withCatalogueRef(
  issue: CellIssue,
  line: ReserveLine | undefined,
  catalogue: CatalogueRead
): CellIssue {
  if (issue.code !== "normMissing" || !catalogue.columns || !line?.item) return issue;
  const catalogueRow = catalogue.rowOf.get(itemKey(line.item.name));
  if (catalogueRow === undefined) return issue;
  const column = line.standard === "战时" ? catalogue.columns.wartime : catalogue.columns.routine;
  return { ...issue, related: [sheetRef(CATALOGUE_SHEET, cellAddress(catalogueRow, column))] };
}

function withCatalogue(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  return snapshot.sheetNames.includes(CATALOGUE_SHEET)
    ? snapshot
    : { ...snapshot, sheetNames: [...snapshot.sheetNames, CATALOGUE_SHEET] };
}
