/**
 * 预测隔离需求: writes 隔离天数 and 解除隔离日期 into 返乡人员 as live formulas
 * on the named stay parameters, and the leader sheet 隔离需求预测: for each
 * township and each day of the next 隔离需求预测天数 days from the report
 * date, the people in centralized isolation against 床位合计 from 隔离床位.
 */
import { chineseDate, type DateSerial } from "../../core/dates";
import type { Message } from "../../core/issue";
import { forecastDemand } from "../../core/isolation/demandForecast";
import { cellAddress } from "../a1";
import { defineCommand, type CommandInput, type CommandResult } from "../command";
import { parseReportDateOptions, type ReportDateOptions } from "../options";
import { commandPrelude } from "../prelude";
import { HISTORY_SHEET } from "../history";
import type { CellIssue } from "../issues";
import { PARAMS_SHEET } from "../params";
import type { CellWrite, WriteOp } from "../plan";
import { findSheet, readBedTable } from "./beds";
import { listNames } from "./common";
import { isOwnReleaseFormula, releaseDateFormula, stayDaysFormula } from "./formulas";
import { forecastSheetOps, forecastStatus, type ForecastStatus } from "./forecastSheet";
import { outputColumns, planOutputs } from "./outputs";
import { readReturnees, type ReturneeRow } from "./returnees";
import { BEDS_SHEET, BEDS_TABLE, FORECAST_SHEET, RETURNEES_SHEET, RETURNEES_TABLE } from "./specs";
import { pushAll } from "../../core/arrays";

export const FORECAST_ISOLATION_LABEL: Message = {
  zh: "预测隔离需求",
  en: "Forecast isolation demand",
};

/** One township's projection, as the task pane lists it (counts only, no personal data). */
export interface ForecastTownshipFigure {
  parent: string | null;
  township: string;
  /** 床位合计; null when the township has no usable row in 隔离床位. */
  capacity: number | null;
  /** People in centralized isolation on each day of the window. */
  daily: number[];
  peak: number;
  peakDate: DateSerial | null;
  firstExceed: DateSerial | null;
  status: ForecastStatus;
}

/** What 预测隔离需求 computed, for the task pane and `--json`. */
export interface IsolationForecastData {
  reportDate: DateSerial;
  /** The days of the window, from the report date. */
  dates: DateSerial[];
  unit: string;
  /** Rows of 返乡人员. */
  returnees: number;
  /** Rows projected as centralized isolation. */
  centralized: number;
  /** Rows left out of the projection for bad or missing data (see the issues). */
  excluded: number;
  county: Omit<ForecastTownshipFigure, "parent" | "township" | "status"> & {
    status: "不足" | "充足";
  };
  /** At-risk townships first (earliest first), then the rest. */
  townships: ForecastTownshipFigure[];
  atRisk: ForecastTownshipFigure[];
  summaryText: string;
}

/** Options the task pane may pass: the report date (default today). */
export type ForecastIsolationOptions = ReportDateOptions;

export const forecastIsolation = defineCommand({
  id: "forecastIsolation",
  label: FORECAST_ISOLATION_LABEL,
  reads: () => [
    RETURNEES_SHEET,
    RETURNEES_TABLE.en,
    BEDS_SHEET,
    BEDS_TABLE.en,
    PARAMS_SHEET,
    HISTORY_SHEET,
    FORECAST_SHEET,
  ],
  parseOptions: parseReportDateOptions,
  run: planForecastIsolation,
});

/**
 * Plans 预测隔离需求.
 *
 * @example
 * planForecastIsolation({ snapshot, today: 44581, now: 44581.4, lang: "zh" }).data.atRisk[0].township
 * //=> "马场乡"
 */
export function planForecastIsolation(
  input: CommandInput<ForecastIsolationOptions>
): CommandResult<IsolationForecastData> {
  const { snapshot } = input;
  const prelude = commandPrelude(input);
  const { params, reportDate } = prelude;
  const issues: CellIssue[] = [...prelude.issues];
  const sheet = findSheet(snapshot, RETURNEES_TABLE);
  if (!sheet)
    return stop(
      [
        ...issues,
        {
          code: "sheetMissing",
          severity: "error",
          sheet: RETURNEES_SHEET,
          cell: "A1",
          message: {
            zh: "未找到“返乡人员”工作表；如需预测隔离需求，请运行“初始化工作簿”创建并登记返乡人员",
            en: "No 返乡人员 sheet; to forecast isolation demand, run 初始化工作簿 (Set up workbook) and list the returnees",
          },
        },
      ],
      { zh: "未计算：缺少“返乡人员”工作表", en: "Not computed: the 返乡人员 sheet is missing" }
    );

  const unit = params.bedUnit;
  const bedSheet = findSheet(snapshot, BEDS_TABLE);
  const capacities = new Map<string, number | null>();
  let parents: Map<string, string | null> | null = null;
  // Without a readable 隔离床位 table, returnees' townships are not checked one by one.
  let knownTownships: Set<string> | null = null;
  if (bedSheet) {
    const beds = readBedTable(bedSheet, { bedsPer10k: params.bedsPer10k, unit });
    pushAll(issues, beds.issues);
    if (beds.parsed.header) knownTownships = new Set();
    const grouped = beds.results.some((r) => r.record.parent !== null);
    if (grouped) parents = new Map();
    for (const r of beds.results) {
      const name = r.record.township;
      if (name === null || capacities.has(name)) continue;
      capacities.set(name, r.total);
      knownTownships?.add(name);
      parents?.set(name, r.record.parent);
    }
  } else
    issues.push({
      code: "sheetMissing",
      severity: "warning",
      sheet: BEDS_SHEET,
      cell: "A1",
      message: {
        zh: "未找到“隔离床位”工作表，各乡镇床位按未登记（0张）计；请建立“隔离床位”表",
        en: "No 隔离床位 sheet: every township's capacity counts as unregistered (0); create the 隔离床位 sheet",
      },
    });

  const table = readReturnees(sheet, {
    highRiskStayDays: params.highRiskStayDays,
    otherRiskStayDays: params.otherRiskStayDays,
    townships: knownTownships,
    today: input.today,
  });
  pushAll(issues, table.issues);
  const header = table.parsed.header;
  if (!header)
    return stop(issues, {
      zh: "未计算：“返乡人员”中找不到表头",
      en: "Not computed: no header row found in 返乡人员",
    });

  const ops: WriteOp[] = [...prelude.ops];
  if (header.columns.has("risk") && header.columns.has("arrival")) {
    const { columns, added } = outputColumns(RETURNEES_TABLE, header, sheet);
    const byRow = new Map(table.rows.map((r) => [r.row, r]));
    const address = (row: number, map: ReadonlyMap<string, number>, key: string) =>
      cellAddress(row, map.get(key) as number);
    const outputs = planOutputs({
      spec: RETURNEES_TABLE,
      snapshot,
      sheet,
      header,
      columns,
      added,
      rows: table.rows.map((r) => r.row),
      cells: (row) =>
        returneeCells(byRow.get(row) as ReturneeRow, {
          risk: address(row, header.columns, "risk"),
          arrival: address(row, header.columns, "arrival"),
          days: address(row, columns, "stayDays"),
        }),
      isOwn: (row, key, formula) =>
        key === "releaseDate" && isOwnReleaseFormula(formula, address(row, columns, "stayDays")),
      command: FORECAST_ISOLATION_LABEL.zh,
      now: input.now,
    });
    ops.push(...outputs.ops);
    pushAll(issues, outputs.issues);
  }

  const forecast = forecastDemand(table.stays, capacities, {
    start: reportDate,
    days: params.forecastDays,
  });
  const figure = (l: (typeof forecast.townships)[number]): ForecastTownshipFigure => ({
    parent: parents?.get(l.township) ?? null,
    township: l.township,
    capacity: l.capacity,
    daily: l.daily,
    peak: l.peak,
    peakDate: l.peakDate,
    firstExceed: l.firstExceed,
    status: forecastStatus(l),
  });
  const townships = forecast.townships.map(figure);
  const atRisk = townships.filter((t) => t.firstExceed !== null);
  const centralized = table.rows.filter((r) => r.projected).length;
  const excluded = table.rows.filter(
    (r) =>
      r.township === null ||
      r.risk === null ||
      r.arrival === null ||
      (r.method === null && r.risk !== "低风险")
  ).length;
  const c = forecast.county;
  const n = forecast.dates.length;
  const day = (d: DateSerial | null) => (d === null ? "" : chineseDate(d, false));
  const summaryText =
    `已登记返乡人员${table.rows.length}人，其中${centralized}人集中隔离，计入预测` +
    (excluded > 0 ? `（另有${excluded}人数据不全，未计入）` : "") +
    `；未来${n}天` +
    (atRisk.length > 0
      ? `有${atRisk.length}个乡镇床位不足：${listNames(atRisk.map((t) => `${t.township}（${day(t.firstExceed)}起）`))}`
      : "各乡镇床位均可满足") +
    `；合计需求峰值${c.peak}人（${day(c.peakDate)}），床位合计${c.capacity ?? 0}${unit}` +
    (c.firstExceed !== null ? `，${day(c.firstExceed)}起总量不足` : "") +
    "。";
  ops.push(...forecastSheetOps(forecast, { reportDate, unit, parents, summaryText }));
  const data: IsolationForecastData = {
    reportDate,
    dates: forecast.dates,
    unit,
    returnees: table.rows.length,
    centralized,
    excluded,
    county: {
      capacity: c.capacity,
      daily: c.daily,
      peak: c.peak,
      peakDate: c.peakDate,
      firstExceed: c.firstExceed,
      status: c.firstExceed !== null ? "不足" : "充足",
    },
    townships,
    atRisk,
    summaryText,
  };
  return {
    ops,
    issues,
    summary: {
      zh: `${summaryText}详见“${FORECAST_SHEET}”。`,
      en: `${table.rows.length} returnees, ${centralized} in centralized isolation; ${atRisk.length} townships run short of beds within ${n} days. See ${FORECAST_SHEET}.`,
    },
    data,
    focus: { sheet: FORECAST_SHEET, cell: "A1" },
  };
}

function returneeCells(
  r: ReturneeRow,
  at: { risk: string; arrival: string; days: string }
): Record<string, CellWrite> {
  return {
    stayDays: { formula: stayDaysFormula(at.risk), value: r.formulaDays ?? "" },
    releaseDate: {
      formula: releaseDateFormula(at.arrival, at.days, r.textDate),
      value: r.release ?? "",
    },
  };
}

function stop(issues: CellIssue[], summary: Message): CommandResult<IsolationForecastData> {
  return { ops: [], issues, summary };
}
