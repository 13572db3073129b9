/**
 * The leaders' sheet 物资汇总: title, a one-line notice, then three tables —
 * by item (with the chart of gaps), by unit category × item, and the burn rate
 * of each logged unit and item beside its reserve figures — with print set-up
 * for one landscape page wide.
 */
import { chineseDate, type DateSerial } from "../../core/dates";
import type { Message } from "../../core/issue";
import type { BurnRate } from "../../core/stockpile/burnRate";
import { itemKey, type ReserveLine } from "../../core/stockpile/reserveLines";
import type { ReserveTotals, StockpileSummary } from "../../core/stockpile/summary";
import { rangeAddress } from "../a1";
import type { CellValue } from "../cells";
import { paramSpec } from "../params";
import type { CellWrite, WriteOp } from "../plan";
import {
  BAD_FILL,
  BAD_FONT,
  GOOD_FILL,
  GOOD_FONT,
  HEADER_FILL,
  TITLE_FONT_SIZE,
  WARN_FILL,
  WARN_FONT,
} from "../styles";
import { SUMMARY_SHEET } from "./specs";

export const SUMMARY_COLUMNS = 10;
export const SUMMARY_CHART_NAME = "物资汇总缺口图";

export const BY_ITEM_HEADER = [
  "物资名称",
  "缺口",
  "计量单位",
  "目标储备量",
  "现有库存",
  "在途数量",
  "达标率",
  "短缺单位数",
  "达标率最低的单位",
] as const;

export const BY_CATEGORY_HEADER = [
  "单位类别",
  "物资名称",
  "计量单位",
  "目标储备量",
  "现有库存",
  "在途数量",
  "缺口",
  "达标率",
  "短缺单位数",
  "单位数",
] as const;

export const BURN_HEADER = [
  "单位",
  "物资名称",
  "目标储备量",
  "现有库存",
  "达标率",
  "日均消耗",
  "日志库存",
  "可用天数",
  "预计耗尽日期",
  "说明",
] as const;

export interface SummarySheetInput {
  reportDate: DateSerial;
  summary: StockpileSummary;
  lines: readonly ReserveLine[];
  rates: readonly BurnRate[];
  /** False when there is no 库存日志 sheet. */
  logPresent: boolean;
  windowDays: number;
}

export interface SummarySheetPlan {
  ops: WriteOp[];
  notice: Message;
  /** Rows where each table's header sits. */
  layout: { byItemHeader: number; byCategoryHeader: number; burnHeader: number };
}

/**
 * Plans 物资汇总.
 *
 * @example
 * summarySheetOps({ reportDate: 44581, summary, lines, rates: [], logPresent: false, windowDays: 7 }).ops[2]
 * //=> { kind: "block", sheet: "物资汇总", row: 1, column: 1, cells: [["截至2022年1月20日物资储备情况"]] }
 */
export function summarySheetOps(input: SummarySheetInput): SummarySheetPlan {
  const { summary } = input;
  const ops: WriteOp[] = [
    { kind: "ensureSheet", sheet: SUMMARY_SHEET },
    { kind: "clearSheet", sheet: SUMMARY_SHEET },
  ];
  const notice = noticeText(input);
  const last = SUMMARY_COLUMNS;
  ops.push(
    block(1, [[`截至${chineseDate(input.reportDate)}物资储备情况`]]),
    block(2, [[notice.zh]]),
    style(rangeAddress(1, 1, 1, last), {
      bold: true,
      fontSize: TITLE_FONT_SIZE,
      merge: true,
      horizontalAlignment: "Center",
    }),
    style(rangeAddress(2, 1, 2, last), { merge: true, wrap: true })
  );

  // 一、按物资汇总
  const byItemHeader = 5;
  ops.push(...section(4, "一、按物资汇总", BY_ITEM_HEADER));
  const itemRows = summary.byItem.map((t, i) => {
    const r = byItemHeader + 1 + i;
    return [
      t.item,
      t.gap,
      t.unitOfMeasure,
      t.target,
      t.stock,
      t.inTransit,
      rateFormula(`D${r}`, `E${r}`, t),
      t.unitsShort,
      worstText(t),
    ] satisfies CellWrite[];
  });
  const itemEnd = byItemHeader + Math.max(itemRows.length, 1);
  if (itemRows.length > 0) {
    ops.push(
      table(
        byItemHeader + 1,
        itemRows,
        summary.byItem.map((t) => {
          const q = quantityFormat(t);
          return [null, q, null, "#,##0", q, q, "0.0%", "0", null];
        })
      ),
      rateColors(rangeAddress(byItemHeader + 1, 7, itemEnd, 7))
    );
  } else {
    ops.push(block(byItemHeader + 1, [["暂无可汇总的储备记录（请检查物资储备的问题清单）"]]));
  }

  // 二、按单位类别汇总
  const byCategoryHeader = itemEnd + 3;
  ops.push(...section(byCategoryHeader - 1, "二、按单位类别汇总", BY_CATEGORY_HEADER));
  const categoryRows = summary.byCategory.map((t, i) => {
    const r = byCategoryHeader + 1 + i;
    return [
      t.category,
      t.item,
      t.unitOfMeasure,
      t.target,
      t.stock,
      t.inTransit,
      t.gap,
      rateFormula(`D${r}`, `E${r}`, t),
      t.unitsShort,
      t.units,
    ] satisfies CellWrite[];
  });
  const categoryEnd = byCategoryHeader + Math.max(categoryRows.length, 1);
  if (categoryRows.length > 0) {
    ops.push(
      table(
        byCategoryHeader + 1,
        categoryRows,
        summary.byCategory.map((t) => {
          const q = quantityFormat(t);
          return [null, null, null, "#,##0", q, q, q, "0.0%", "0", "0"];
        })
      ),
      rateColors(rangeAddress(byCategoryHeader + 1, 8, categoryEnd, 8))
    );
  } else {
    ops.push(block(byCategoryHeader + 1, [["暂无可汇总的储备记录"]]));
  }

  // 三、消耗速度
  const burnHeader = categoryEnd + 3;
  ops.push(
    ...section(
      burnHeader - 1,
      `三、消耗速度（库存日志近${input.windowDays}天，含当日入库回补）`,
      BURN_HEADER
    )
  );
  const burnRows = burnTable(input, burnHeader + 1);
  if (burnRows.cells.length > 0) {
    ops.push(
      table(burnHeader + 1, burnRows.cells, burnRows.formats),
      rateColors(rangeAddress(burnHeader + 1, 5, burnHeader + burnRows.cells.length, 5))
    );
  } else {
    ops.push(
      block(burnHeader + 1, [
        [
          input.logPresent
            ? "库存日志中暂无记录，无法估算消耗速度"
            : "未建立库存日志，无法估算消耗速度（可在“库存日志”表逐日登记库存和入库）",
        ],
      ])
    );
  }

  ops.push({
    kind: "columnWidths",
    sheet: SUMMARY_SHEET,
    widths: [110, 110, 70, 90, 90, 80, 70, 80, 100, 260].map((width, i) => ({
      column: i + 1,
      width,
    })),
  });
  if (itemRows.length > 0) {
    ops.push({
      kind: "chart",
      sheet: SUMMARY_SHEET,
      type: "barClustered",
      dataRange: rangeAddress(byItemHeader, 1, itemEnd, 2),
      title: "各物资储备缺口",
      anchor: "L4",
      name: SUMMARY_CHART_NAME,
    });
  }
  ops.push({
    kind: "pageSetup",
    sheet: SUMMARY_SHEET,
    orientation: "Landscape",
    fitToWidth: true,
    printTitleRows: "$1:$2",
  });
  return { ops, notice, layout: { byItemHeader, byCategoryHeader, burnHeader } };
}

function noticeText(input: SummarySheetInput): Message {
  const { summary } = input;
  if (summary.counted === 0) {
    return {
      zh: "暂无可汇总的储备记录，请先在“物资储备”表填写单位、物资、保障人数和现有库存。",
      en: "No reserve rows to total yet; fill in unit, item, persons and stock in 物资储备.",
    };
  }
  const short = summary.byItem.filter((t) => t.unitsShort > 0);
  const shortZh = short.length
    ? `有缺口的物资${short.length}种：${short.map((t) => `${t.item}（${t.unitsShort}个单位）`).join("、")}`
    : "各物资均无缺口";
  const soon = input.rates.filter(
    (r) => r.status === "ok" && (r.daysRemaining as number) < input.windowDays
  );
  const soonZh = soon.length ? `；按近期消耗，${soon.length}项将在${input.windowDays}天内耗尽` : "";
  // Rows held out under the duplicate rule are named, so a leader knows the totals leave them out.
  const held = [
    ...new Set(
      input.lines.filter((l) => l.unverified).map((l) => `${l.record.unit}“${l.record.item}”`)
    ),
  ];
  const heldZh = held.length ? `；${held.join("、")}数据待核实，未计入` : "";
  return {
    zh: `共${summary.units}个单位、${summary.counted}条储备记录纳入汇总，${summary.unitsShort}个单位存在缺口；${shortZh}${soonZh}${heldZh}。`,
    en: `${summary.units} units and ${summary.counted} reserve rows totalled; ${summary.unitsShort} units have a gap; ${short.length} items short${soon.length ? `; ${soon.length} run out within ${input.windowDays} days at recent use` : ""}${held.length ? `; ${held.length} to be checked (待核实), not totalled` : ""}.`,
  };
}

function burnTable(
  input: SummarySheetInput,
  firstRow: number
): { cells: CellWrite[][]; formats: (string | null)[][] } {
  const byUnitItem = new Map<string, ReserveLine>();
  for (const line of input.lines) {
    const { unit, item } = line.record;
    if (unit === null || item === null || line.duplicateOf !== undefined || line.unverified)
      continue;
    const key = `${unit}\u0000${itemKey(item)}`;
    if (!byUnitItem.has(key)) byUnitItem.set(key, line);
  }
  const sorted = input.rates
    .map((rate, index) => ({ rate, index }))
    .sort((a, b) => {
      const da = a.rate.stockOutDate ?? Infinity;
      const db = b.rate.stockOutDate ?? Infinity;
      return da - db || a.index - b.index;
    })
    .map((x) => x.rate);
  const cells: CellWrite[][] = [];
  const formats: (string | null)[][] = [];
  sorted.forEach((rate, i) => {
    const r = firstRow + i;
    const line = byUnitItem.get(`${rate.unit}\u0000${itemKey(rate.item)}`);
    const target = line?.target ?? null;
    const stock = line?.record.stock ?? null;
    const rateValue = target !== null && stock !== null && target > 0 ? stock / target : "";
    cells.push([
      rate.unit,
      rate.item,
      target ?? "",
      stock ?? "",
      {
        formula: `=IF(AND(ISNUMBER(C${r}),ISNUMBER(D${r})),IF(C${r}>0,D${r}/C${r},""),"")`,
        value: rateValue,
      },
      rate.dailyUse ?? "",
      rate.lastStock ?? "",
      rate.daysRemaining ?? "",
      rate.stockOutDate ?? "",
      rate.message.zh,
    ]);
    formats.push([
      null,
      null,
      "#,##0",
      "General",
      "0.0%",
      "0.00",
      "General",
      "0.0",
      "yyyy-mm-dd",
      null,
    ]);
  });
  return { cells, formats };
}

function rateFormula(target: string, stock: string, totals: ReserveTotals): CellWrite {
  return { formula: `=IF(${target}>0,${stock}/${target},"")`, value: totals.rate ?? "" };
}

function worstText(t: ReserveTotals): string {
  if (t.worst.length === 0) return "—";
  return t.worst.map((w) => `${w.unit}（${percent(w.rate)}）`).join("、");
}

function percent(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}

/** Whole-number quantities show as 1,200; fractional ones (litres) with two decimals. */
function quantityFormat(t: ReserveTotals): string {
  return [t.stock, t.inTransit, t.gap].every(Number.isInteger) ? "#,##0" : "#,##0.00";
}

function section(row: number, title: string, header: readonly string[]): WriteOp[] {
  return [
    block(row, [[title]]),
    style(rangeAddress(row, 1, row, 1), { bold: true }),
    block(row + 1, [[...header]]),
    style(rangeAddress(row + 1, 1, row + 1, header.length), {
      bold: true,
      fill: HEADER_FILL,
      border: true,
      wrap: true,
      horizontalAlignment: "Center",
    }),
  ];
}

function table(row: number, cells: CellWrite[][], formats: (string | null)[][]): WriteOp {
  return { kind: "block", sheet: SUMMARY_SHEET, row, column: 1, cells, numberFormats: formats };
}

function block(row: number, cells: CellValue[][]): WriteOp {
  return { kind: "block", sheet: SUMMARY_SHEET, row, column: 1, cells };
}

function style(
  range: string,
  props: Omit<Extract<WriteOp, { kind: "style" }>, "kind" | "sheet" | "range">
): WriteOp {
  return { kind: "style", sheet: SUMMARY_SHEET, range, ...props };
}

function rateColors(range: string): WriteOp {
  const target = `=${paramSpec("targetLine").name}`;
  const warning = `=${paramSpec("warningLine").name}`;
  return {
    kind: "conditionalFormat",
    sheet: SUMMARY_SHEET,
    range,
    rules: [
      {
        type: "cellValue",
        operator: "GreaterThanOrEqual",
        formula1: target,
        fill: GOOD_FILL,
        fontColor: GOOD_FONT,
      },
      {
        type: "cellValue",
        operator: "Between",
        formula1: warning,
        formula2: target,
        fill: WARN_FILL,
        fontColor: WARN_FONT,
      },
      {
        type: "cellValue",
        operator: "LessThan",
        formula1: warning,
        fill: BAD_FILL,
        fontColor: BAD_FONT,
      },
    ],
  };
}
