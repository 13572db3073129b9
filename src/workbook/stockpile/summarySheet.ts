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
import { formatRate } from "../../core/vaccination/format";
import {
  leaderBlock,
  leaderSheetOps,
  type LeaderColumn,
  type LeaderSheetLayout,
} from "../leaderSheet";
import { paramSpec } from "../params";
import type { ConditionalRule, WriteOp } from "../plan";
import {
  BAD_FILL,
  BAD_FONT,
  COUNT_FORMAT,
  DATE_FORMAT,
  DECIMAL1_FORMAT,
  DECIMAL2_FORMAT,
  GOOD_FILL,
  GOOD_FONT,
  PERCENT_FORMAT,
  WARN_FILL,
  WARN_FONT,
} from "../styles";
import { SUMMARY_SHEET } from "./specs";

export const SUMMARY_CHART_NAME = "物资汇总缺口图";

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
  layout: {
    byItemHeader: number;
    byCategoryHeader: number;
    burnHeader: number;
    sheetLayout: LeaderSheetLayout;
  };
}

interface BurnLine {
  rate: BurnRate;
  target: number | null;
  stock: number | null;
}

/**
 * Plans 物资汇总: by item (with the chart of gaps), by unit category × item,
 * and the burn rate of each logged unit and item. Each rate is shown twice,
 * on the stock alone and with the stock in transit, so a 缺口 of 0 closed by
 * goods in transit never sits beside an unexplained amber rate.
 *
 * @example
 * summarySheetOps({ reportDate: 44581, summary, lines, rates: [], logPresent: false, windowDays: 7 }).ops[2]
 * //=> { kind: "block", sheet: "物资汇总", row: 1, column: 1, cells: [["截至2022年1月20日物资储备情况"]] }
 */
export function summarySheetOps(input: SummarySheetInput): SummarySheetPlan {
  const { summary } = input;
  const notice = noticeText(input);
  const colors = rateRules();
  const quantity = (totals: readonly ReserveTotals[]) =>
    totals.every((t) => [t.stock, t.inTransit, t.gap].every(Number.isInteger))
      ? COUNT_FORMAT
      : DECIMAL2_FORMAT;
  /** The columns both total tables share, by key; each table lists them in its own order. */
  const totalsColumns = (totals: readonly ReserveTotals[]) => {
    const q = quantity(totals);
    const c: Record<string, LeaderColumn<ReserveTotals>> = {
      unit: { header: "计量单位", width: 56, align: "Center", cell: (t) => t.unitOfMeasure },
      target: {
        key: "target",
        header: "目标储备量",
        width: 76,
        numberFormat: COUNT_FORMAT,
        cell: (t) => t.target,
      },
      stock: { key: "stock", header: "现有库存", width: 76, numberFormat: q, cell: (t) => t.stock },
      inTransit: {
        key: "inTransit",
        header: "在途数量",
        width: 70,
        numberFormat: q,
        cell: (t) => t.inTransit,
      },
      gap: { key: "gap", header: "缺口", width: 70, numberFormat: q, cell: (t) => t.gap },
      rate: {
        key: "rate",
        header: "达标率",
        width: 70,
        numberFormat: PERCENT_FORMAT,
        cell: (t, at) => ({
          formula: `=IF(${at.ref("target")}>0,${at.ref("stock")}/${at.ref("target")},"")`,
          value: t.rate ?? "",
        }),
      },
      // The gap counts stock in transit, the 达标率 does not: both rates side by side.
      rateWithTransit: {
        key: "rateWithTransit",
        header: "含在途达标率",
        width: 84,
        numberFormat: PERCENT_FORMAT,
        cell: (t, at) => ({
          formula: `=IF(${at.ref("target")}>0,(${at.ref("stock")}+${at.ref("inTransit")})/${at.ref("target")},"")`,
          value: t.target > 0 ? (t.stock + t.inTransit) / t.target : "",
        }),
      },
      unitsShort: {
        header: "短缺单位数",
        width: 62,
        numberFormat: COUNT_FORMAT,
        align: "Center",
        cell: (t) => t.unitsShort,
      },
    };
    return c;
  };
  const item = totalsColumns(summary.byItem);
  const category = totalsColumns(summary.byCategory);
  const byItem = leaderBlock<ReserveTotals>({
    caption: "一、按物资汇总",
    columns: [
      { key: "item", header: "物资名称", width: 100, cell: (t) => t.item },
      item.gap,
      item.unit,
      item.target,
      item.stock,
      item.inTransit,
      item.rate,
      item.rateWithTransit,
      item.unitsShort,
      {
        header: "达标率最低的单位",
        width: 150,
        wrap: true,
        align: "Left",
        cell: (t) => worstText(t),
      },
    ],
    rows: summary.byItem,
    empty: "暂无可汇总的储备记录（请检查物资储备的问题清单）",
    conditional: [{ keys: ["rate", "rateWithTransit"], rules: colors }],
    chart: {
      name: SUMMARY_CHART_NAME,
      title: "各物资储备缺口",
      type: "barClustered",
      categoryHeader: "物资名称",
      category: (t) => t.item,
      series: [
        {
          header: "缺口",
          numberFormat: quantity(summary.byItem),
          value: (t, at) => ({ formula: `=${at.ref("gap")}`, value: t.gap }),
        },
      ],
    },
  });
  const byCategory = leaderBlock<ReserveTotals>({
    caption: "二、按单位类别汇总",
    columns: [
      {
        header: "单位类别",
        width: 100,
        cell: (t) => (t as (typeof summary.byCategory)[number]).category,
      },
      { header: "物资名称", width: 100, cell: (t) => t.item },
      category.unit,
      category.target,
      category.stock,
      category.inTransit,
      category.gap,
      category.rate,
      category.rateWithTransit,
      category.unitsShort,
      { header: "单位数", width: 50, numberFormat: COUNT_FORMAT, cell: (t) => t.units },
    ],
    rows: summary.byCategory,
    empty: "暂无可汇总的储备记录",
    conditional: [{ keys: ["rate", "rateWithTransit"], rules: colors }],
  });
  const burnLines = burnRows(input);
  const burnQuantity = burnLines.every((l) =>
    [l.stock, l.rate.lastStock].every((v) => v === null || Number.isInteger(v))
  )
    ? COUNT_FORMAT
    : DECIMAL2_FORMAT;
  const burn = leaderBlock<BurnLine>({
    caption: `三、消耗速度（库存日志近${input.windowDays}天，含当日入库回补）`,
    columns: [
      { header: "单位", width: 100, cell: (l) => l.rate.unit },
      { header: "物资名称", width: 100, cell: (l) => l.rate.item },
      {
        key: "target",
        header: "目标储备量",
        width: 56,
        numberFormat: COUNT_FORMAT,
        cell: (l) => l.target ?? "",
      },
      {
        key: "stock",
        header: "现有库存",
        width: 76,
        numberFormat: burnQuantity,
        cell: (l) => l.stock ?? "",
      },
      {
        key: "rate",
        header: "达标率",
        width: 76,
        numberFormat: PERCENT_FORMAT,
        cell: (l, at) => {
          const t = at.ref("target");
          const st = at.ref("stock");
          return {
            formula: `=IF(AND(ISNUMBER(${t}),ISNUMBER(${st})),IF(${t}>0,${st}/${t},""),"")`,
            value: l.target !== null && l.stock !== null && l.target > 0 ? l.stock / l.target : "",
          };
        },
      },
      {
        header: "日均消耗",
        width: 70,
        numberFormat: DECIMAL2_FORMAT,
        cell: (l) => l.rate.dailyUse ?? "",
      },
      {
        header: "日志库存",
        width: 70,
        numberFormat: burnQuantity,
        cell: (l) => l.rate.lastStock ?? "",
      },
      {
        header: "可用天数",
        width: 62,
        numberFormat: DECIMAL1_FORMAT,
        cell: (l) => l.rate.daysRemaining ?? "",
      },
      {
        header: "预计耗尽日期",
        width: 86,
        numberFormat: DATE_FORMAT,
        cell: (l) => l.rate.stockOutDate ?? "",
      },
      { header: "说明", width: 150, wrap: true, cell: (l) => l.rate.message.zh },
    ],
    rows: burnLines,
    empty: input.logPresent
      ? "库存日志中暂无记录，无法估算消耗速度"
      : "未建立库存日志，无法估算消耗速度（可在“库存日志”表逐日登记库存和入库）",
    conditional: [{ keys: ["rate"], rules: colors }],
  });
  const built = leaderSheetOps({
    sheet: SUMMARY_SHEET,
    title: `截至${chineseDate(input.reportDate)}物资储备情况`,
    summary: [notice.zh],
    notes: [
      "达标率 = 现有库存 ÷ 目标储备量；含在途达标率把在途数量计入；缺口按含在途的库存计算，一个单位的富余不抵另一个单位的缺口。",
    ],
    blocks: [byItem, byCategory, burn],
    asOf: `截至${chineseDate(input.reportDate)}`,
  });
  const [a, b, c] = built.layout.blocks;
  return {
    ops: built.ops,
    notice,
    layout: {
      byItemHeader: a.headerRow,
      byCategoryHeader: b.headerRow,
      burnHeader: c.headerRow,
      sheetLayout: built.layout,
    },
  };
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

function burnRows(input: SummarySheetInput): BurnLine[] {
  const byUnitItem = new Map<string, ReserveLine>();
  for (const line of input.lines) {
    const { unit, item } = line.record;
    if (unit === null || item === null || line.duplicateOf !== undefined || line.unverified)
      continue;
    const key = `${unit}\u0000${itemKey(item)}`;
    if (!byUnitItem.has(key)) byUnitItem.set(key, line);
  }
  return input.rates
    .map((rate, index) => ({ rate, index }))
    .sort((a, b) => {
      const da = a.rate.stockOutDate ?? Infinity;
      const db = b.rate.stockOutDate ?? Infinity;
      return da - db || a.index - b.index;
    })
    .map(({ rate }) => {
      const line = byUnitItem.get(`${rate.unit}\u0000${itemKey(rate.item)}`);
      return { rate, target: line?.target ?? null, stock: line?.record.stock ?? null };
    });
}

function worstText(t: ReserveTotals): string {
  if (t.worst.length === 0) return "—";
  return t.worst.map((w) => `${w.unit}（${formatRate(w.rate)}）`).join("、");
}

function rateRules(): ConditionalRule[] {
  const target = `=${paramSpec("targetLine").name}`;
  const warning = `=${paramSpec("warningLine").name}`;
  return [
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
  ];
}
