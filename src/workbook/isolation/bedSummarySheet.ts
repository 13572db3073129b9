/**
 * The 隔离床位汇总 leader sheet: a dated title, a summary sentence, one table
 * with the whole total first, then each 县(区) subtotal followed by its
 * townships (shortfalls first), a chart of beds per 10,000 against the norm,
 * and print set-up. Totals are SUM formulas over the rows below them, and the
 * ratio of a total is computed from its sums. No personal data is shown.
 */
import { chineseDate, type DateSerial } from "../../core/dates";
import type { BedSummary, BedTotals, TownshipLine } from "../../core/isolation/bedSummary";
import type { TieRule } from "../../core/rank";
import { cellAddress, columnLetters, rangeAddress } from "../a1";
import type { CellValue } from "../cells";
import type { CellWrite, WriteOp } from "../plan";
import {
  BAD_FILL,
  BAD_FONT,
  GOOD_FILL,
  GOOD_FONT,
  HEADER_FILL,
  INPUT_HEADER_FONT,
  TITLE_FONT_SIZE,
  WARN_FILL,
  WARN_FONT,
} from "../styles";
import { BEDS_SUMMARY_SHEET } from "./specs";

export const BEDS_SUMMARY_HEADER_ROW = 4;
export const BEDS_CHART_NAME = "isolationBedsPer10k";
/** Status of a township whose figures cannot all be computed. */
export const PENDING_STATUS = "待核实";
export const NO_PARENT_LABEL = "未填县(区)";
const SUBTOTAL_FILL = "#F2F2F2";

export interface BedSummarySheetContext {
  reportDate: DateSerial;
  bedsPer10k: number;
  unit: string;
  tieRule: TieRule;
  /** The sentence for row 2 (also the command's summary). */
  summaryText: string;
}

/**
 * The ops that write 隔离床位汇总 from a summary.
 *
 * @example
 * bedSummarySheetOps(summarizeBeds(results, { tieRule: "并列占位" }), context)[0]
 * //=> { kind: "ensureSheet", sheet: "隔离床位汇总" }
 */
export function bedSummarySheetOps(summary: BedSummary, ctx: BedSummarySheetContext): WriteOp[] {
  const sheet = BEDS_SUMMARY_SHEET;
  const u = ctx.unit;
  const grouped = summary.grouped;
  const offset = grouped ? 1 : 0;
  const col = {
    parent: 1,
    township: 1 + offset,
    population: 2 + offset,
    required: 3 + offset,
    total: 4 + offset,
    gap: 5 + offset,
    per10k: 6 + offset,
    rank: 7 + offset,
    status: 8 + offset,
  };
  const width = col.status;
  const L = (c: number) => columnLetters(c);
  const header = [
    ...(grouped ? ["县(区)"] : []),
    "乡镇",
    "常住人口（人）",
    `应配床位（${u}）`,
    `床位合计（${u}）`,
    `缺口（${u}）`,
    `每万人床位（${u}）`,
    "排名",
    "状态",
  ];
  const title = `截至${chineseDate(ctx.reportDate)}隔离床位情况汇总`;
  const note =
    `标准：每万人${ctx.bedsPer10k}${u}。排名按每万人床位从高到低，${ctx.tieRule}` +
    (grouped ? "；乡镇为县(区)内排名，小计行为县(区)间排名" : "") +
    "。缺口 = 应配床位 − 床位合计（不小于0），不足的排在前面；数据有误的乡镇列为“待核实”，不计入合计。";

  const firstRow = BEDS_SUMMARY_HEADER_ROW + 1;
  const subtotalRows: number[] = [];
  const shortRows: number[] = [];
  const totalRow = firstRow;
  const totalsCells = (row: number, from: number, to: number, t: BedTotals, sumIf: boolean) => {
    const sum = (c: number, value: number): CellWrite => ({
      formula: sumIf
        ? `=SUMIF(${L(col.township)}${from}:${L(col.township)}${to},"小计",${L(c)}${from}:${L(c)}${to})`
        : `=SUM(${L(c)}${from}:${L(c)}${to})`,
      value,
    });
    const p = `${L(col.population)}${row}`;
    return [
      sum(col.population, t.population),
      sum(col.required, t.required),
      sum(col.total, t.total),
      sum(col.gap, t.gap),
      {
        formula: `=IF(${p}>0,ROUND(${L(col.total)}${row}*10000/${p},1),"")`,
        value: t.per10k ?? "",
      },
    ] satisfies CellWrite[];
  };
  const statusCell = (row: number, t: BedTotals): CellWrite => ({
    formula: `=IF(${L(col.population)}${row}>0,IF(${L(col.gap)}${row}>0,"不足","达标"),"")`,
    value: t.population > 0 ? (t.gap > 0 ? "不足" : "达标") : "",
  });

  const body: CellWrite[][] = [];
  let row = totalRow + 1;
  for (const group of summary.groups) {
    if (grouped) {
      const start = row;
      const end = start + group.lines.length;
      subtotalRows.push(start);
      body.push([
        group.parent ?? NO_PARENT_LABEL,
        "小计",
        ...totalsCells(start, start + 1, end, group.totals, false),
        group.rank,
        statusCell(start, group.totals),
      ]);
      row += 1;
    }
    for (const line of group.lines) {
      if (line.complete && (line.result.gap as number) > 0) shortRows.push(row);
      body.push([...(grouped ? [group.parent ?? NO_PARENT_LABEL] : []), ...townshipCells(line)]);
      row += 1;
    }
  }
  const lastRow = row - 1;
  const totalLine: CellWrite[] = [
    ...(grouped ? ["合计", null] : ["合计"]),
    ...totalsCells(
      totalRow,
      totalRow + 1,
      Math.max(lastRow, totalRow + 1),
      summary.totals,
      grouped
    ),
    null,
    statusCell(totalRow, summary.totals),
  ];
  const rows = [totalLine, ...body];

  const ops: WriteOp[] = [
    { kind: "ensureSheet", sheet },
    { kind: "clearSheet", sheet },
    { kind: "block", sheet, row: 1, column: 1, cells: [[title]] },
    { kind: "block", sheet, row: 2, column: 1, cells: [[ctx.summaryText]] },
    { kind: "block", sheet, row: 3, column: 1, cells: [[note]] },
    { kind: "block", sheet, row: BEDS_SUMMARY_HEADER_ROW, column: 1, cells: [header] },
    {
      kind: "block",
      sheet,
      row: firstRow,
      column: 1,
      cells: rows,
      numberFormats: {
        byColumn: [
          ...(grouped ? [null] : []),
          null,
          "#,##0",
          "#,##0",
          "#,##0",
          "#,##0",
          "0.0",
          "0",
          null,
        ],
      },
    },
    {
      kind: "style",
      sheet,
      range: rangeAddress(1, 1, 1, width),
      bold: true,
      fontSize: TITLE_FONT_SIZE,
      merge: true,
      horizontalAlignment: "Center",
    },
    { kind: "style", sheet, range: rangeAddress(2, 1, 2, width), merge: true, wrap: true },
    {
      kind: "style",
      sheet,
      range: rangeAddress(3, 1, 3, width),
      merge: true,
      wrap: true,
      fontColor: "#595959",
    },
    {
      kind: "style",
      sheet,
      range: rangeAddress(BEDS_SUMMARY_HEADER_ROW, 1, BEDS_SUMMARY_HEADER_ROW, width),
      bold: true,
      fill: HEADER_FILL,
      fontColor: INPUT_HEADER_FONT,
      wrap: true,
      horizontalAlignment: "Center",
    },
    {
      kind: "style",
      sheet,
      range: rangeAddress(BEDS_SUMMARY_HEADER_ROW, 1, lastRow, width),
      border: true,
    },
    { kind: "style", sheet, range: rangeAddress(totalRow, 1, totalRow, width), bold: true },
    ...subtotalRows.map((r): WriteOp => ({
      kind: "style",
      sheet,
      range: rangeAddress(r, 1, r, width),
      bold: true,
      fill: SUBTOTAL_FILL,
    })),
    // Shortfalls are listed first in each group, so their gap cells form a few runs.
    ...rowRuns(shortRows).map(([from, to]): WriteOp => ({
      kind: "style",
      sheet,
      range: rangeAddress(from, col.gap, to, col.gap),
      bold: true,
      fontColor: BAD_FONT,
    })),
    {
      kind: "conditionalFormat",
      sheet,
      range: rangeAddress(totalRow, col.status, lastRow, col.status),
      rules: [
        { type: "textEquals", text: "不足", fill: BAD_FILL, fontColor: BAD_FONT },
        { type: "textEquals", text: "达标", fill: GOOD_FILL, fontColor: GOOD_FONT },
        { type: "textEquals", text: PENDING_STATUS, fill: WARN_FILL, fontColor: WARN_FONT },
      ],
    },
  ];

  const chartLines = summary.groups.flatMap((g) =>
    g.lines.filter((l) => l.complete).map((l) => ({ l, parent: g.parent }))
  );
  if (chartLines.length > 0) {
    const top = lastRow + 2;
    const chartRows: CellValue[][] = [
      ["乡镇", `每万人床位（${u}）`, `标准（每万人${u}）`],
      ...chartLines.map(({ l, parent }) => [
        grouped ? `${townshipLabel(l)}（${parent ?? NO_PARENT_LABEL}）` : townshipLabel(l),
        l.result.per10k,
        ctx.bedsPer10k,
      ]),
    ];
    const bottom = top + chartRows.length - 1;
    ops.push(
      {
        kind: "block",
        sheet,
        row: top,
        column: 1,
        cells: chartRows,
        numberFormats: { byColumn: [null, "0.0", "0.0"] },
      },
      {
        kind: "style",
        sheet,
        range: rangeAddress(top, 1, top, 3),
        bold: true,
        fill: HEADER_FILL,
      },
      {
        kind: "chart",
        sheet,
        type: "barClustered",
        dataRange: rangeAddress(top, 1, bottom, 3),
        title: `各乡镇每万人隔离床位（标准：每万人${ctx.bedsPer10k}${u}）`,
        anchor: cellAddress(top, 5),
        name: BEDS_CHART_NAME,
      }
    );
  }

  ops.push(
    {
      kind: "columnWidths",
      sheet,
      widths: [
        ...(grouped ? [{ column: col.parent, width: 70 }] : []),
        { column: col.township, width: grouped ? 80 : 120 },
        { column: col.population, width: 80 },
        { column: col.required, width: 75 },
        { column: col.total, width: 75 },
        { column: col.gap, width: 65 },
        { column: col.per10k, width: 85 },
        { column: col.rank, width: 45 },
        { column: col.status, width: 60 },
      ],
    },
    { kind: "freeze", sheet, rows: BEDS_SUMMARY_HEADER_ROW },
    {
      kind: "pageSetup",
      sheet,
      orientation: "Landscape",
      fitToWidth: true,
      printTitleRows: `$1:$${BEDS_SUMMARY_HEADER_ROW}`,
    }
  );
  return ops;
}

/** The name shown for a township line (its row number when the name is blank). */
export function townshipLabel(line: TownshipLine): string {
  return line.result.record.township ?? `（第${line.result.record.row}行）`;
}

/** Consecutive row numbers merged into [first, last] runs. */
function rowRuns(rows: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const r of rows) {
    const last = runs[runs.length - 1];
    if (last && last[1] + 1 === r) last[1] = r;
    else runs.push([r, r]);
  }
  return runs;
}

function townshipCells(line: TownshipLine): CellWrite[] {
  const r = line.result;
  if (!line.complete)
    return [townshipLabel(line), null, null, null, null, null, null, PENDING_STATUS];
  return [
    townshipLabel(line),
    r.record.population,
    r.required,
    r.total,
    r.gap,
    r.per10k,
    line.rank,
    r.status,
  ];
}
