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
import type { CellValue } from "../cells";
import {
  leaderBlock,
  leaderSheetOps,
  topTotalLabel,
  type LeaderColumn,
  type LeaderSheetLayout,
  type RowAt,
} from "../leaderSheet";
import type { CellWrite, WriteOp } from "../plan";
import {
  BAD_FILL,
  BAD_FONT,
  COUNT_FORMAT,
  DECIMAL1_FORMAT,
  GOOD_FILL,
  GOOD_FONT,
  SUBTOTAL_FILL,
  WARN_FILL,
  WARN_FONT,
} from "../styles";
import { BEDS_SUMMARY_SHEET } from "./specs";

export const BEDS_CHART_NAME = "isolationBedsPer10k";
/** Status of a township whose figures cannot all be computed. */
export const PENDING_STATUS = "待核实";
export const NO_PARENT_LABEL = "未填县(区)";

export interface BedSummarySheetContext {
  reportDate: DateSerial;
  bedsPer10k: number;
  unit: string;
  tieRule: TieRule;
  /** The sentence for row 2 (also the command's summary). */
  summaryText: string;
}

/** One line of the table: the whole total, a 县(区) subtotal, or a township. */
type BedLine =
  | { kind: "total"; totals: BedTotals; from: number; to: number }
  | {
      kind: "subtotal";
      parent: string | null;
      totals: BedTotals;
      rank: number | null;
      from: number;
      to: number;
    }
  | { kind: "township"; parent: string | null; line: TownshipLine };

/**
 * The ops that write 隔离床位汇总 from a summary.
 *
 * @example
 * bedSummarySheetOps(summary, context)[0]
 * //=> { kind: "ensureSheet", sheet: "隔离床位汇总" }
 */
export function bedSummarySheetOps(summary: BedSummary, ctx: BedSummarySheetContext): WriteOp[] {
  return bedSummarySheet(summary, ctx).ops;
}

/**
 * The ops and the layout of 隔离床位汇总: the whole total first, then each
 * 县(区) subtotal followed by its townships.
 *
 * @example
 * bedSummarySheet(summary, context).layout.blocks[0].headerRow //=> 4
 */
export function bedSummarySheet(
  summary: BedSummary,
  ctx: BedSummarySheetContext
): { ops: WriteOp[]; layout: LeaderSheetLayout } {
  const u = ctx.unit;
  const grouped = summary.grouped;
  const top = topTotalLabel(grouped ? summary.groups.length : 1);
  const lines: BedLine[] = [];
  const totalLine: BedLine = { kind: "total", totals: summary.totals, from: 1, to: 1 };
  lines.push(totalLine);
  for (const group of summary.groups) {
    const sub: BedLine | null = grouped
      ? {
          kind: "subtotal",
          parent: group.parent,
          totals: group.totals,
          rank: group.rank,
          from: 0,
          to: 0,
        }
      : null;
    if (sub) lines.push(sub);
    const from = lines.length;
    for (const line of group.lines) lines.push({ kind: "township", parent: group.parent, line });
    if (sub && sub.kind === "subtotal") {
      sub.from = from;
      sub.to = Math.max(from, lines.length - 1);
    }
  }
  totalLine.from = 1;
  totalLine.to = Math.max(1, lines.length - 1);

  const totals = (l: BedLine): BedTotals | null => (l.kind === "township" ? null : l.totals);
  const sum =
    (key: string, pick: (t: BedTotals) => number, of: (r: TownshipLine) => CellValue) =>
    (l: BedLine, at: RowAt): CellWrite => {
      if (l.kind === "township") return l.line.complete ? of(l.line) : null;
      const t = totals(l) as BedTotals;
      // A total over no lines has nothing to refer to.
      if (l.from >= lines.length || lines.length < 2) return pick(t);
      const formula =
        l.kind === "total" && grouped
          ? `=SUMIF(${at.range("township", l.from, l.to)},"小计",${at.range(key, l.from, l.to)})`
          : `=SUM(${at.range(key, l.from, l.to)})`;
      return { formula, value: pick(t) };
    };
  const columns: LeaderColumn<BedLine>[] = [
    ...(grouped
      ? [
          {
            key: "parent",
            header: "县(区)",
            width: 70,
            cell: (l: BedLine) => (l.kind === "total" ? top : (l.parent ?? NO_PARENT_LABEL)),
          },
        ]
      : []),
    {
      key: "township",
      header: "乡镇",
      width: grouped ? 90 : 120,
      cell: (l) =>
        l.kind === "total"
          ? grouped
            ? "合计"
            : `${top}合计`
          : l.kind === "subtotal"
            ? "小计"
            : townshipLabel(l.line),
    },
    {
      key: "population",
      header: "常住人口（人）",
      width: 80,
      numberFormat: COUNT_FORMAT,
      cell: sum(
        "population",
        (t) => t.population,
        (r) => r.result.record.population
      ),
    },
    {
      key: "required",
      header: `应配床位（${u}）`,
      width: 75,
      numberFormat: COUNT_FORMAT,
      cell: sum(
        "required",
        (t) => t.required,
        (r) => r.result.required
      ),
    },
    {
      key: "total",
      header: `床位合计（${u}）`,
      width: 75,
      numberFormat: COUNT_FORMAT,
      cell: sum(
        "total",
        (t) => t.total,
        (r) => r.result.total
      ),
    },
    {
      key: "gap",
      header: `缺口（${u}）`,
      width: 65,
      numberFormat: COUNT_FORMAT,
      cell: sum(
        "gap",
        (t) => t.gap,
        (r) => r.result.gap
      ),
    },
    {
      key: "per10k",
      header: `每万人床位（${u}）`,
      width: 85,
      numberFormat: DECIMAL1_FORMAT,
      cell: (l, at) => {
        if (l.kind === "township") return l.line.complete ? l.line.result.per10k : null;
        const p = at.ref("population");
        return {
          formula: `=IF(${p}>0,ROUND(${at.ref("total")}*10000/${p},1),"")`,
          value: (totals(l) as BedTotals).per10k ?? "",
        };
      },
    },
    {
      key: "rank",
      header: "排名",
      width: 45,
      numberFormat: "0",
      align: "Center",
      cell: (l) => (l.kind === "township" ? l.line.rank : l.kind === "subtotal" ? l.rank : null),
    },
    {
      key: "status",
      header: "状态",
      width: 90,
      align: "Center",
      cell: (l, at) => {
        if (l.kind === "township") return l.line.complete ? l.line.result.status : PENDING_STATUS;
        const t = totals(l) as BedTotals;
        const value = t.population > 0 ? (t.gap > 0 ? `${t.short}个乡镇不足` : "达标") : "";
        if (l.from >= lines.length || lines.length < 2) return value;
        const statuses = at.range("status", l.from, l.to);
        return {
          formula: `=IF(${at.ref("population")}>0,IF(${at.ref("gap")}>0,COUNTIF(${statuses},"不足")&"个乡镇不足","达标"),"")`,
          value,
        };
      },
    },
  ];
  const index = (pred: (l: BedLine) => boolean) =>
    lines.map((l, i) => (pred(l) ? i : -1)).filter((i) => i >= 0);
  const note =
    `标准：每万人${ctx.bedsPer10k}${u}；每万人床位保留一位小数，排名按显示的数值从高到低，${ctx.tieRule}` +
    (grouped ? "；乡镇为县(区)内排名，小计行为县(区)间排名" : "") +
    "。缺口 = 应配床位 − 床位合计（不小于0），不足的排在前面；数据有误的乡镇列为“待核实”，不计入合计。";
  return leaderSheetOps({
    sheet: BEDS_SUMMARY_SHEET,
    title: `截至${chineseDate(ctx.reportDate)}隔离床位情况汇总`,
    summary: [ctx.summaryText],
    notes: [note],
    asOf: `截至${chineseDate(ctx.reportDate)}`,
    blocks: [
      leaderBlock<BedLine>({
        columns,
        rows: lines,
        rowStyle: (l) =>
          l.kind === "total"
            ? { bold: true }
            : l.kind === "subtotal"
              ? { bold: true, fill: SUBTOTAL_FILL }
              : undefined,
        highlights: [
          {
            indexes: index(
              (l) => l.kind === "township" && l.line.complete && (l.line.result.gap as number) > 0
            ),
            keys: ["gap"],
            bold: true,
            fontColor: BAD_FONT,
          },
          {
            indexes: index((l) => l.kind !== "township" && (totals(l) as BedTotals).gap > 0),
            keys: ["status"],
            fill: BAD_FILL,
            fontColor: BAD_FONT,
          },
          {
            indexes: index(
              (l) =>
                l.kind !== "township" &&
                (totals(l) as BedTotals).population > 0 &&
                (totals(l) as BedTotals).gap === 0
            ),
            keys: ["status"],
            fill: GOOD_FILL,
            fontColor: GOOD_FONT,
          },
        ],
        conditional: [
          {
            keys: ["status"],
            rules: [
              { type: "textEquals", text: "不足", fill: BAD_FILL, fontColor: BAD_FONT },
              { type: "textEquals", text: "达标", fill: GOOD_FILL, fontColor: GOOD_FONT },
              { type: "textEquals", text: PENDING_STATUS, fill: WARN_FILL, fontColor: WARN_FONT },
            ],
          },
        ],
        chart: {
          name: BEDS_CHART_NAME,
          title: `各乡镇每万人隔离床位（标准：每万人${ctx.bedsPer10k}${u}）`,
          type: "barClustered",
          categoryHeader: "乡镇",
          include: (l) => l.kind === "township" && l.line.complete,
          category: (l) =>
            l.kind !== "township"
              ? ""
              : grouped
                ? `${townshipLabel(l.line)}（${l.parent ?? NO_PARENT_LABEL}）`
                : townshipLabel(l.line),
          series: [
            {
              header: `每万人床位（${u}）`,
              numberFormat: DECIMAL1_FORMAT,
              value: (l, at) => ({
                formula: `=${at.ref("per10k")}`,
                value: l.kind === "township" ? l.line.result.per10k : null,
              }),
            },
            {
              header: `标准（每万人${u}）`,
              numberFormat: DECIMAL1_FORMAT,
              value: () => ctx.bedsPer10k,
            },
          ],
        },
      }),
    ],
  });
}

/** The name shown for a township line (its row number when the name is blank). */
export function townshipLabel(line: TownshipLine): string {
  return line.result.record.township ?? `（第${line.result.record.row}行）`;
}
