/**
 * 计算隔离床位: writes the output columns of 隔离床位 as live formulas on the
 * named parameter 每万人隔离床位标准, and the leader sheet 隔离床位汇总.
 */
import type { DateSerial } from "../../core/dates";
import type { Message } from "../../core/issue";
import type { BedResult, BedStatus } from "../../core/isolation/bedCapacity";
import { summarizeBeds, type BedTotals } from "../../core/isolation/bedSummary";
import type { TieRule } from "../../core/rank";
import { cellAddress } from "../a1";
import { defineCommand, type CommandInput, type CommandResult } from "../command";
import { parseReportDateOptions, type ReportDateOptions } from "../options";
import { commandPrelude } from "../prelude";
import { HISTORY_SHEET } from "../history";
import type { CellIssue } from "../issues";
import { PARAMS_SHEET } from "../params";
import type { CellWrite, WriteOp } from "../plan";
import { bedSummarySheetOps, NO_PARENT_LABEL, townshipLabel } from "./bedSummarySheet";
import { findSheet, readBedTable } from "./beds";
import { listNames } from "./common";
import { bedFormulas } from "./formulas";
import { outputColumns, planOutputs } from "./outputs";
import { BEDS_SHEET, BEDS_SUMMARY_SHEET, BEDS_TABLE } from "./specs";
import { pushAll } from "../../core/arrays";
import { guardFinite } from "../finite";

export const COMPUTE_ISOLATION_LABEL: Message = {
  zh: "计算隔离床位",
  en: "Compute isolation beds",
};

/** One township as the task pane lists it (no personal data exists in this table). */
export interface IsolationTownshipFigure {
  row: number;
  parent: string | null;
  township: string;
  population: number | null;
  required: number | null;
  total: number | null;
  gap: number | null;
  per10k: number | null;
  rank: number | null;
  status: BedStatus | "待核实";
}

/** What 计算隔离床位 computed, for the task pane and `--json`. */
export interface IsolationBedsData {
  reportDate: DateSerial;
  bedsPer10k: number;
  unit: string;
  tieRule: TieRule;
  /** True when townships are grouped by 县(区). */
  grouped: boolean;
  totals: BedTotals;
  groups: { parent: string | null; rank: number | null; totals: BedTotals }[];
  /** Townships in the order of the leader sheet. */
  townships: IsolationTownshipFigure[];
  /** Townships short of beds, largest gap first within each group. */
  shortfalls: IsolationTownshipFigure[];
  /** Townships whose figures could not all be computed (see the issues). */
  pending: IsolationTownshipFigure[];
  /** The sentence written under the leader sheet's title. */
  summaryText: string;
}

/** Options the task pane may pass: the report date (default today). */
export type ComputeIsolationOptions = ReportDateOptions;

export const computeIsolation = defineCommand({
  id: "computeIsolation",
  label: COMPUTE_ISOLATION_LABEL,
  reads: () => [BEDS_SHEET, BEDS_TABLE.en, PARAMS_SHEET, HISTORY_SHEET, BEDS_SUMMARY_SHEET],
  parseOptions: parseReportDateOptions,
  run: planComputeIsolation,
});

/**
 * Plans 计算隔离床位.
 *
 * @example
 * planComputeIsolation({ snapshot, today: 44581, now: 44581.4, lang: "zh" }).summary.zh
 * //=> "按每万人20张标准，18个乡镇应配床位1,…张；3个乡镇不足，共缺…张：…"
 */
export function planComputeIsolation(
  input: CommandInput<ComputeIsolationOptions>
): CommandResult<IsolationBedsData> {
  // Absurd input (a population of 9e307) can overflow; no cell may receive NaN or Infinity.
  return guardFinite(buildIsolationPlan(input));
}

function buildIsolationPlan(
  input: CommandInput<ComputeIsolationOptions>
): CommandResult<IsolationBedsData> {
  const { snapshot } = input;
  const prelude = commandPrelude(input);
  const { params, reportDate } = prelude;
  const issues: CellIssue[] = [...prelude.issues];
  const sheet = findSheet(snapshot, BEDS_TABLE);
  if (!sheet)
    return stop(
      [
        ...issues,
        {
          code: "sheetMissing",
          severity: "error",
          sheet: BEDS_SHEET,
          cell: "A1",
          message: {
            zh: "未找到“隔离床位”工作表；请运行“初始化工作簿”创建，并按乡镇填写常住人口和床位",
            en: "No 隔离床位 sheet; run 初始化工作簿 (Set up workbook) to create it, then fill in population and beds by township",
          },
        },
      ],
      { zh: "未计算：缺少“隔离床位”工作表", en: "Not computed: the 隔离床位 sheet is missing" }
    );
  const unit = params.bedUnit;
  const table = readBedTable(sheet, { bedsPer10k: params.bedsPer10k, unit });
  pushAll(issues, table.issues);
  const header = table.parsed.header;
  if (!header)
    return stop(issues, {
      zh: "未计算：“隔离床位”中找不到表头",
      en: "Not computed: no header row found in 隔离床位",
    });
  if (!header.columns.has("population") || !header.columns.has("existingBeds"))
    return stop(issues, {
      zh: "未计算：“隔离床位”缺少“常住人口”或“现有床位”列",
      en: "Not computed: 隔离床位 lacks the 常住人口 or 现有床位 column",
    });

  const ops: WriteOp[] = [...prelude.ops];
  const { columns, added } = outputColumns(BEDS_TABLE, header, sheet);
  const byRow = new Map(table.results.map((r) => [r.record.row, r]));
  const outputs = planOutputs({
    spec: BEDS_TABLE,
    snapshot,
    sheet,
    header,
    columns,
    added,
    rows: table.parsed.rows.map((r) => r.row),
    cells: (row) =>
      bedCells(
        columns,
        header.columns,
        byRow.get(row) as BedResult,
        row,
        header.units.get("population")?.factor
      ),
    command: COMPUTE_ISOLATION_LABEL.zh,
    now: input.now,
  });
  ops.push(...outputs.ops);
  pushAll(issues, outputs.issues);

  const summary = summarizeBeds(table.results, { tieRule: params.tieRule });
  const data = bedsData(summary, {
    reportDate,
    bedsPer10k: params.bedsPer10k,
    unit,
    tieRule: params.tieRule,
  });
  ops.push(
    ...bedSummarySheetOps(summary, {
      reportDate,
      bedsPer10k: params.bedsPer10k,
      unit,
      tieRule: params.tieRule,
      summaryText: data.summaryText,
    })
  );
  return {
    ops,
    issues,
    summary: {
      zh: `${data.summaryText}汇总见“${BEDS_SUMMARY_SHEET}”。`,
      en: `${data.totals.townships} townships computed: ${data.totals.short} short of beds, ${data.totals.gap} ${unit === "间" ? "rooms" : "beds"} missing in all; see ${BEDS_SUMMARY_SHEET}.`,
    },
    data,
    focus: { sheet: BEDS_SUMMARY_SHEET, cell: "A1" },
  };
}

function bedCells(
  outputs: ReadonlyMap<string, number>,
  inputs: ReadonlyMap<string, number>,
  result: BedResult,
  row: number,
  populationFactor = 1
): Record<string, CellWrite> {
  const at = (map: ReadonlyMap<string, number>, k: string) => {
    const column = map.get(k);
    return column === undefined ? undefined : cellAddress(row, column);
  };
  // A header in 万人 (常住人口（万人）): the formulas convert, as the engine does.
  const population = at(inputs, "population") as string;
  const f = bedFormulas({
    population: populationFactor === 1 ? population : `(${population}*${populationFactor})`,
    existingBeds: at(inputs, "existingBeds") as string,
    backupBeds: at(inputs, "backupBeds"),
    required: at(outputs, "required") as string,
    total: at(outputs, "total") as string,
    gap: at(outputs, "gap") as string,
  });
  return {
    required: { formula: f.required, value: result.required ?? "" },
    total: { formula: f.total, value: result.total ?? "" },
    gap: { formula: f.gap, value: result.gap ?? "" },
    per10k: { formula: f.per10k, value: result.per10k ?? "" },
    status: { formula: f.status, value: result.status ?? "" },
  };
}

function bedsData(
  summary: ReturnType<typeof summarizeBeds>,
  ctx: { reportDate: DateSerial; bedsPer10k: number; unit: string; tieRule: TieRule }
): IsolationBedsData {
  const townships: IsolationTownshipFigure[] = summary.groups.flatMap((g) =>
    g.lines.map((l) => ({
      row: l.result.record.row,
      parent: summary.grouped ? g.parent : null,
      township: townshipLabel(l),
      population: l.complete ? l.result.record.population : null,
      required: l.result.required,
      total: l.result.total,
      gap: l.result.gap,
      per10k: l.result.per10k,
      rank: l.rank,
      status: l.complete ? (l.result.status as BedStatus) : "待核实",
    }))
  );
  const shortfalls = townships.filter((t) => t.status === "不足");
  const pending = townships.filter((t) => t.status === "待核实");
  const t = summary.totals;
  const u = ctx.unit;
  const n = (x: number) => x.toLocaleString("en-US");
  const label = (f: IsolationTownshipFigure) =>
    summary.grouped && summary.groups.length > 1
      ? `${f.parent ?? NO_PARENT_LABEL}${f.township}（缺${n(f.gap as number)}${u}）`
      : `${f.township}（缺${n(f.gap as number)}${u}）`;
  const summaryText =
    `按每万人${ctx.bedsPer10k}${u}标准，${t.townships}个乡镇应配床位${n(t.required)}${u}，` +
    `现有床位合计${n(t.total)}${u}` +
    (t.per10k === null ? "" : `（每万人${t.per10k.toFixed(1)}${u}）`) +
    (t.short > 0
      ? `；${t.short}个乡镇不足，共缺${n(t.gap)}${u}：${listNames(shortfalls.map(label))}`
      : t.townships > 0
        ? "；各乡镇均已达标"
        : "") +
    (pending.length > 0 ? `；另有${pending.length}个乡镇数据待核实，未计入` : "") +
    "。";
  return {
    reportDate: ctx.reportDate,
    bedsPer10k: ctx.bedsPer10k,
    unit: u,
    tieRule: ctx.tieRule,
    grouped: summary.grouped,
    totals: t,
    groups: summary.groups.map((g) => ({ parent: g.parent, rank: g.rank, totals: g.totals })),
    townships,
    shortfalls,
    pending,
    summaryText,
  };
}

function stop(issues: CellIssue[], summary: Message): CommandResult<IsolationBedsData> {
  return { ops: [], issues, summary };
}
