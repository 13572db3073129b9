/**
 * The 隔离需求预测 leader sheet: a dated title, a summary sentence, one row per
 * township (at risk first) with its capacity, peak, first day over capacity
 * and the people in centralized isolation on each day of the window, a total
 * row of SUM formulas, and a line chart of the total demand against the total
 * capacity. Only counts are shown: no name, ID number or phone.
 */
import { chineseDate, type DateSerial } from "../../core/dates";
import type { DemandForecast, DemandLine } from "../../core/isolation/demandForecast";
import {
  leaderBlock,
  leaderSheetOps,
  topTotalLabel,
  type LeaderColumn,
  type LeaderSheetLayout,
  type RowAt,
} from "../leaderSheet";
import type { CellValue } from "../cells";
import type { CellWrite, WriteOp } from "../plan";
import {
  BAD_FILL,
  BAD_FONT,
  COUNT_FORMAT,
  DATE_FORMAT,
  GOOD_FILL,
  GOOD_FONT,
  WARN_FILL,
  WARN_FONT,
} from "../styles";
import { FORECAST_SHEET } from "./specs";

export const FORECAST_CHART_NAME = "isolationDemandForecast";
export const UNREGISTERED_STATUS = "未登记床位";

export type ForecastStatus = "不足" | "充足" | typeof UNREGISTERED_STATUS;

export interface ForecastSheetContext {
  reportDate: DateSerial;
  unit: string;
  /** Township → 县(区), when 隔离床位 groups townships. */
  parents: ReadonlyMap<string, string | null> | null;
  summaryText: string;
}

/**
 * The status shown for a line: 不足 when demand exceeds known capacity,
 * 未登记床位 when the capacity is unknown, else 充足.
 *
 * @example
 * forecastStatus({ capacity: 10, firstExceed: 44583, … }) //=> "不足"
 */
export function forecastStatus(line: Pick<DemandLine, "capacity" | "firstExceed">): ForecastStatus {
  if (line.capacity === null) return UNREGISTERED_STATUS;
  return line.firstExceed !== null ? "不足" : "充足";
}

type ForecastLine =
  { kind: "total"; line: DemandLine; short: number } | { kind: "township"; line: DemandLine };

/**
 * The ops that write 隔离需求预测.
 *
 * @example
 * forecastSheetOps(forecast, context).find((op) => op.kind === "chart")
 * //=> { kind: "chart", type: "line", name: "isolationDemandForecast", … }
 */
export function forecastSheetOps(forecast: DemandForecast, ctx: ForecastSheetContext): WriteOp[] {
  return forecastSheet(forecast, ctx).ops;
}

/**
 * The ops and the layout of 隔离需求预测: the whole total first, then one line per township.
 *
 * @example
 * forecastSheet(forecast, context).layout.blocks[0].rows[0] //=> 6
 */
export function forecastSheet(
  forecast: DemandForecast,
  ctx: ForecastSheetContext
): { ops: WriteOp[]; layout: LeaderSheetLayout } {
  const u = ctx.unit;
  const grouped = ctx.parents !== null;
  const n = forecast.dates.length;
  const start = forecast.dates[0];
  const end = forecast.dates[n - 1];
  const window =
    n > 0 ? `${chineseDate(start, false)}—${chineseDate(end, false)}，共${n}天` : "0天";
  const counties = grouped ? new Set([...(ctx.parents?.values() ?? [])]).size : 1;
  const top = topTotalLabel(counties);
  const townships = forecast.townships;
  const short = townships.filter((l) => forecastStatus(l) === "不足").length;
  const lines: ForecastLine[] = [
    { kind: "total", line: forecast.county, short },
    ...townships.map((line): ForecastLine => ({ kind: "township", line })),
  ];
  const last = Math.max(1, lines.length - 1);
  const sum =
    (key: string, value: CellValue) =>
    (l: ForecastLine, at: RowAt): CellWrite =>
      l.kind === "total" && lines.length > 1
        ? { formula: `=SUM(${at.range(key, 1, last)})`, value }
        : value;
  const date = (d: DateSerial | null): CellWrite => d;
  const dayKey = (i: number) => `day${i}`;
  const columns: LeaderColumn<ForecastLine>[] = [
    ...(grouped
      ? [
          {
            key: "parent",
            header: "县(区)",
            width: 70,
            cell: (l: ForecastLine) =>
              l.kind === "total" ? top : (ctx.parents?.get(l.line.township) ?? null),
          },
        ]
      : []),
    {
      key: "township",
      header: "乡镇",
      width: 80,
      cell: (l) => (l.kind === "total" ? (grouped ? "合计" : `${top}合计`) : l.line.township),
    },
    {
      key: "capacity",
      header: `床位合计（${u}）`,
      width: 70,
      numberFormat: COUNT_FORMAT,
      cell: (l, at) =>
        l.kind === "total" ? sum("capacity", l.line.capacity ?? 0)(l, at) : l.line.capacity,
    },
    {
      key: "peak",
      header: "需求峰值（人）",
      width: 62,
      numberFormat: COUNT_FORMAT,
      cell: (l) => l.line.peak,
    },
    {
      key: "peakDate",
      header: "峰值日期",
      width: 80,
      numberFormat: DATE_FORMAT,
      cell: (l) => date(l.line.peakDate),
    },
    {
      key: "firstExceed",
      header: "首次超出日期",
      width: 80,
      numberFormat: DATE_FORMAT,
      cell: (l) => date(l.line.firstExceed),
    },
    {
      key: "status",
      header: "状态",
      width: 84,
      align: "Center",
      cell: (l) =>
        l.kind === "total"
          ? l.line.firstExceed !== null
            ? `${l.short}个乡镇不足`
            : "充足"
          : forecastStatus(l.line),
    },
    ...forecast.dates.map((d, i): LeaderColumn<ForecastLine> => ({
      key: dayKey(i),
      header: chineseDate(d, false),
      width: 44,
      numberFormat: COUNT_FORMAT,
      cell: (l, at) =>
        l.kind === "total" ? sum(dayKey(i), l.line.daily[i])(l, at) : l.line.daily[i],
    })),
  ];
  // Red cells on the days a line's demand exceeds its capacity (unknown capacity counts as 0).
  const over = lines.flatMap((l, index) => {
    const limit = l.line.capacity ?? 0;
    const keys = l.line.daily
      .map((v, i) => (v > limit ? dayKey(i) : null))
      .filter((k) => k !== null);
    return keys.length > 0
      ? [{ indexes: [index], keys: keys as string[], fill: BAD_FILL, fontColor: BAD_FONT }]
      : [];
  });
  const note =
    `说明：人数为当日在集中隔离的人数，按已登记的返乡人员推算；隔离期自抵达当日起，至解除隔离日期前一日止（解除当日不再占用床位）。` +
    `床位为“隔离床位”表的床位合计；未登记床位的乡镇按0${u}计。`;
  return leaderSheetOps({
    sheet: FORECAST_SHEET,
    title: `截至${chineseDate(ctx.reportDate)}隔离需求预测（${window}）`,
    summary: [ctx.summaryText],
    notes: [note],
    asOf: `截至${chineseDate(ctx.reportDate)}`,
    blocks: [
      leaderBlock<ForecastLine>({
        columns,
        rows: lines,
        rowStyle: (l) => (l.kind === "total" ? { bold: true } : undefined),
        highlights: [
          ...over,
          ...(short > 0
            ? [{ indexes: [0], keys: ["status"], fill: BAD_FILL, fontColor: BAD_FONT }]
            : []),
        ],
        conditional: [
          {
            keys: ["status"],
            rules: [
              { type: "textEquals", text: "不足", fill: BAD_FILL, fontColor: BAD_FONT },
              { type: "textEquals", text: "充足", fill: GOOD_FILL, fontColor: GOOD_FONT },
              {
                type: "textEquals",
                text: UNREGISTERED_STATUS,
                fill: WARN_FILL,
                fontColor: WARN_FONT,
              },
            ],
          },
        ],
        ...(n > 0
          ? {
              chart: {
                name: FORECAST_CHART_NAME,
                title: `集中隔离需求与床位合计（${window}）`,
                type: "line" as const,
                categoryHeader: "日期",
                category: () => "",
                series: [
                  { header: "集中隔离人数（人）", value: () => null },
                  { header: `床位合计（${u}）`, value: () => null },
                ],
                table: {
                  rows: forecast.dates.map((d, i) => [
                    chineseDate(d, false),
                    forecast.county.daily[i],
                    forecast.county.capacity,
                  ]),
                  numberFormats: [null, COUNT_FORMAT, COUNT_FORMAT],
                },
              },
            }
          : {}),
      }),
    ],
  });
}
