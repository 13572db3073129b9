/**
 * The 隔离需求预测 leader sheet: a dated title, a summary sentence, one row per
 * township (at risk first) with its capacity, peak, first day over capacity
 * and the people in centralized isolation on each day of the window, a total
 * row of SUM formulas, and a line chart of the total demand against the total
 * capacity. Only counts are shown: no name, ID number or phone.
 */
import { chineseDate, type DateSerial } from "../../core/dates";
import type { DemandForecast, DemandLine } from "../../core/isolation/demandForecast";
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
import { FORECAST_SHEET } from "./specs";

export const FORECAST_HEADER_ROW = 4;
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

/**
 * The ops that write 隔离需求预测.
 *
 * @example
 * forecastSheetOps(forecast, context).find((op) => op.kind === "chart")
 * //=> { kind: "chart", type: "line", name: "isolationDemandForecast", … }
 */
export function forecastSheetOps(forecast: DemandForecast, ctx: ForecastSheetContext): WriteOp[] {
  const sheet = FORECAST_SHEET;
  const u = ctx.unit;
  const grouped = ctx.parents !== null;
  const offset = grouped ? 1 : 0;
  const col = {
    township: 1 + offset,
    capacity: 2 + offset,
    peak: 3 + offset,
    peakDate: 4 + offset,
    firstExceed: 5 + offset,
    status: 6 + offset,
    firstDay: 7 + offset,
  };
  const n = forecast.dates.length;
  const lastCol = col.firstDay + n - 1;
  const width = Math.max(lastCol, col.status);
  const L = (c: number) => columnLetters(c);
  const start = forecast.dates[0];
  const end = forecast.dates[n - 1];
  const window =
    n > 0 ? `${chineseDate(start, false)}—${chineseDate(end, false)}，共${n}天` : "0天";
  const title = `截至${chineseDate(ctx.reportDate)}隔离需求预测（${window}）`;
  const note =
    `说明：人数为当日在集中隔离的人数，按已登记的返乡人员推算；隔离期自抵达当日起，至解除隔离日期前一日止（解除当日不再占用床位）。` +
    `床位为“隔离床位”表的床位合计；未登记床位的乡镇按0${u}计。`;
  const header: CellValue[] = [
    ...(grouped ? ["县(区)"] : []),
    "乡镇",
    `床位合计（${u}）`,
    "需求峰值（人）",
    "峰值日期",
    "首次超出日期",
    "状态",
    ...forecast.dates.map((d) => chineseDate(d, false)),
  ];
  const firstRow = FORECAST_HEADER_ROW + 1;
  const totalRow = firstRow;
  const lines = forecast.townships;
  const lastRow = totalRow + lines.length;
  const from = totalRow + 1;
  const to = Math.max(lastRow, from);
  const sum = (c: number, value: number): CellWrite => ({
    formula: `=SUM(${L(c)}${from}:${L(c)}${to})`,
    value,
  });
  const dateText = (d: DateSerial | null) => (d === null ? null : chineseDate(d, false));
  const county = forecast.county;
  const rows: CellWrite[][] = [
    [
      ...(grouped ? ["合计", null] : ["合计"]),
      sum(col.capacity, county.capacity ?? 0),
      county.peak,
      dateText(county.peakDate),
      dateText(county.firstExceed),
      county.firstExceed !== null ? "不足" : "充足",
      ...county.daily.map((v, i) => sum(col.firstDay + i, v)),
    ],
    ...lines.map((l) => [
      ...(grouped ? [ctx.parents?.get(l.township) ?? null] : []),
      l.township,
      l.capacity,
      l.peak,
      dateText(l.peakDate),
      dateText(l.firstExceed),
      forecastStatus(l),
      ...l.daily,
    ]),
  ];
  const ops: WriteOp[] = [
    { kind: "ensureSheet", sheet },
    { kind: "clearSheet", sheet },
    { kind: "block", sheet, row: 1, column: 1, cells: [[title]] },
    { kind: "block", sheet, row: 2, column: 1, cells: [[ctx.summaryText]] },
    { kind: "block", sheet, row: 3, column: 1, cells: [[note]] },
    { kind: "block", sheet, row: FORECAST_HEADER_ROW, column: 1, cells: [header] },
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
          "0",
          null,
          null,
          null,
          ...forecast.dates.map(() => "0"),
        ],
      },
    },
    {
      kind: "style",
      sheet,
      range: rangeAddress(1, 1, 1, Math.min(width, col.status + 6)),
      bold: true,
      fontSize: TITLE_FONT_SIZE,
      merge: true,
    },
    {
      kind: "style",
      sheet,
      range: rangeAddress(2, 1, 2, Math.min(width, col.status + 6)),
      merge: true,
      wrap: true,
    },
    {
      kind: "style",
      sheet,
      range: rangeAddress(3, 1, 3, Math.min(width, col.status + 6)),
      merge: true,
      wrap: true,
      fontColor: "#595959",
    },
    {
      kind: "style",
      sheet,
      range: rangeAddress(FORECAST_HEADER_ROW, 1, FORECAST_HEADER_ROW, width),
      bold: true,
      fill: HEADER_FILL,
      fontColor: INPUT_HEADER_FONT,
      wrap: true,
      horizontalAlignment: "Center",
    },
    {
      kind: "style",
      sheet,
      range: rangeAddress(FORECAST_HEADER_ROW, 1, lastRow, width),
      border: true,
    },
    { kind: "style", sheet, range: rangeAddress(totalRow, 1, totalRow, width), bold: true },
    ...overCapacityStyles(county, totalRow, col.firstDay),
    ...lines.flatMap((l, i) => overCapacityStyles(l, totalRow + 1 + i, col.firstDay)),
    {
      kind: "conditionalFormat",
      sheet,
      range: rangeAddress(totalRow, col.status, lastRow, col.status),
      rules: [
        { type: "textEquals", text: "不足", fill: BAD_FILL, fontColor: BAD_FONT },
        { type: "textEquals", text: "充足", fill: GOOD_FILL, fontColor: GOOD_FONT },
        { type: "textEquals", text: UNREGISTERED_STATUS, fill: WARN_FILL, fontColor: WARN_FONT },
      ],
    },
  ];
  if (n > 0) {
    const top = lastRow + 2;
    const chartRows: CellValue[][] = [
      ["日期", "集中隔离人数（人）", `床位合计（${u}）`],
      ...forecast.dates.map((d, i) => [chineseDate(d, false), county.daily[i], county.capacity]),
    ];
    const bottom = top + chartRows.length - 1;
    ops.push(
      {
        kind: "block",
        sheet,
        row: top,
        column: 1,
        cells: chartRows,
        numberFormats: { byColumn: [null, "0", "#,##0"] },
      },
      { kind: "style", sheet, range: rangeAddress(top, 1, top, 3), bold: true, fill: HEADER_FILL },
      {
        kind: "chart",
        sheet,
        type: "line",
        dataRange: rangeAddress(top, 1, bottom, 3),
        title: `集中隔离需求与床位合计（${window}）`,
        anchor: cellAddress(top, 5),
        name: FORECAST_CHART_NAME,
      }
    );
  }
  ops.push(
    {
      kind: "columnWidths",
      sheet,
      widths: [
        ...(grouped ? [{ column: 1, width: 70 }] : []),
        { column: col.township, width: 80 },
        { column: col.capacity, width: 70 },
        { column: col.peak, width: 70 },
        { column: col.peakDate, width: 65 },
        { column: col.firstExceed, width: 75 },
        { column: col.status, width: 70 },
        ...forecast.dates.map((_, i) => ({ column: col.firstDay + i, width: 48 })),
      ],
    },
    { kind: "freeze", sheet, rows: FORECAST_HEADER_ROW, columns: col.township },
    {
      kind: "pageSetup",
      sheet,
      orientation: "Landscape",
      fitToWidth: true,
      printTitleRows: `$1:$${FORECAST_HEADER_ROW}`,
    }
  );
  return ops;
}

/** Red cells for the days a line's demand exceeds its capacity (unknown capacity counts as 0). */
function overCapacityStyles(line: DemandLine, row: number, firstDay: number): WriteOp[] {
  const limit = line.capacity ?? 0;
  const ops: WriteOp[] = [];
  let runStart = -1;
  const flush = (end: number) => {
    if (runStart < 0) return;
    ops.push({
      kind: "style",
      sheet: FORECAST_SHEET,
      range: rangeAddress(row, firstDay + runStart, row, firstDay + end - 1),
      fill: BAD_FILL,
      fontColor: BAD_FONT,
    });
    runStart = -1;
  };
  line.daily.forEach((v, i) => {
    if (v > limit && runStart < 0) runStart = i;
    if (v <= limit) flush(i);
  });
  flush(line.daily.length);
  return ops;
}
