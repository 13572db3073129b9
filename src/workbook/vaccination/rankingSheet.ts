/**
 * The 接种排名 sheet leaders read: the title, the notice, then one block per
 * age group, townships sorted by rank within their county, each county closed
 * by a 合计 row (its rank among counties in 排名) and the city by a 全市合计
 * row. Rates are formulas over the figures beside them, so what leaders see is
 * traceable; totals are SUMIF/SUM formulas over the township rows, never
 * averages of rates. Every formula carries the value the engine computed.
 */
import { chineseDate } from "../../core/dates";
import type { Message } from "../../core/issue";
import { METRIC_LABEL, type Metric } from "../../core/vaccination/metric";
import type { Notice } from "../../core/vaccination/notice";
import type { AreaFigures, UnitFigures, VaccinationReport } from "../../core/vaccination/report";
import { columnLetters, rangeAddress } from "../a1";
import type { CellValue } from "../cells";
import type { CellWrite, ConditionalRule, WriteOp } from "../plan";
import {
  BAD_FILL,
  BAD_FONT,
  GOOD_FILL,
  GOOD_FONT,
  HEADER_FILL,
  INPUT_HEADER_FONT,
  OUTPUT_HEADER_FILL,
  OUTPUT_HEADER_FONT,
  TITLE_FONT_SIZE,
  WARN_FILL,
  WARN_FONT,
} from "../styles";

/** The columns of each group's block, in sheet order. */
export const RANKING_COLUMNS = [
  "排名",
  "县(区)",
  "乡镇",
  "目标人数",
  "第一剂累计",
  "第一剂完成率",
  "全程累计",
  "全程完成率",
  "加强针累计",
  "加强完成率",
  "当日到期",
  "当日全程",
  "当日完成率",
  "排名变化",
] as const;

/** Shown where a due count or a day's figure cannot be known. */
export const UNKNOWN = "未知";

const COL = {
  rank: 1,
  county: 2,
  township: 3,
  target: 4,
  first: 5,
  firstRate: 6,
  full: 7,
  fullRate: 8,
  booster: 9,
  boosterRate: 10,
  due: 11,
  dueFull: 12,
  dueRate: 13,
  change: 14,
} as const;
const LAST = COL.change;
/** The chart's data (乡镇, chosen rate) sits right of the table, one column apart; the chart right of it. */
const CHART_DATA_COL = LAST + 2;
const CHART_ANCHOR_COL = CHART_DATA_COL + 3;

const RATE_COLUMN: Readonly<Record<Metric, number>> = {
  first: COL.firstRate,
  full: COL.fullRate,
  booster: COL.boosterRate,
  due: COL.dueRate,
};

const COUNT = "#,##0";
const PERCENT = "0.0%";
const BLOCK_FORMATS = [
  null,
  null,
  null,
  COUNT,
  COUNT,
  PERCENT,
  COUNT,
  PERCENT,
  COUNT,
  PERCENT,
  COUNT,
  COUNT,
  PERCENT,
  null,
];

/** Where things landed, for tests and the task pane. */
export interface RankingLayout {
  sheet: string;
  title: string;
  /** Rows holding the notice, one line each. */
  noticeRows: { first: number; last: number } | null;
  blocks: {
    group: string;
    captionRow: number;
    headerRow: number;
    /** First and last table rows below the header (townships and totals). */
    firstRow: number;
    lastRow: number;
    /** Row of each township's line, by its unit index (ProgressIndex.units). */
    unitRows: Record<number, number>;
    totalRows: { county: string | null; row: number }[];
    cityRow: number | null;
  }[];
}

/**
 * The title of a ranking sheet.
 *
 * @example
 * rankingTitle(44581) //=> "截至2022年1月20日新冠疫苗接种情况排名"
 */
export function rankingTitle(reportDate: number): string {
  return `截至${chineseDate(reportDate)}新冠疫苗接种情况排名`;
}

/**
 * Plans the whole ranking sheet: it is cleared and written anew, so running
 * again for the same date replaces it cleanly.
 *
 * @example
 * rankingSheetOps("接种排名", report, notice).ops.slice(0, 2)
 * //=> [{ kind: "ensureSheet", sheet: "接种排名" }, { kind: "clearSheet", sheet: "接种排名" }]
 */
export function rankingSheetOps(
  sheet: string,
  report: VaccinationReport,
  notice: Notice
): { ops: WriteOp[]; layout: RankingLayout } {
  const values: WriteOp[] = [];
  const formats: WriteOp[] = [];
  const title = rankingTitle(report.reportDate);
  values.push(block(sheet, 1, 1, [[title]]));
  formats.push({
    kind: "style",
    sheet,
    range: rangeAddress(1, 1, 1, LAST),
    bold: true,
    fontSize: TITLE_FONT_SIZE,
    merge: true,
    horizontalAlignment: "Center",
  });

  const lines = notice.paragraphs.flatMap((p) => p.zh);
  let row = 2;
  let noticeRows: RankingLayout["noticeRows"] = null;
  if (lines.length > 0) {
    values.push(
      block(
        sheet,
        row,
        1,
        lines.map((line) => [line])
      )
    );
    noticeRows = { first: row, last: row + lines.length - 1 };
    row += lines.length;
  }
  row += 1;

  const blocks: RankingLayout["blocks"] = [];
  const metricLabel = METRIC_LABEL[report.metric];
  for (const g of report.groups) {
    const captionRow = row;
    const headerRow = row + 1;
    const cells: CellWrite[][] = [
      [`${g.group}人群（按${metricLabel.zh}排名）`, ...blank(LAST - 1)],
      [...RANKING_COLUMNS],
    ];
    row = headerRow + 1;
    const firstRow = row;
    const unitRows = new Map<number, number>();
    const totalRows: { county: string | null; row: number }[] = [];
    const bestRows: number[] = [];
    const worstRows: number[] = [];
    const overTarget: UnitFigures[] = [];
    let unknownSeen = false;
    for (const area of g.areas) {
      const first = row;
      for (const u of area.units) {
        cells.push(unitRow(u, row));
        unitRows.set(u.unit, row);
        if (u.overTarget.length > 0) overTarget.push(u);
        if (u.status !== "notReported" && (u.due === null || u.newFull === null))
          unknownSeen = true;
        row += 1;
      }
      const best = new Set(area.best.map((u) => u.unit));
      for (const u of area.best) bestRows.push(unitRows.get(u.unit) as number);
      for (const u of area.worst)
        if (!best.has(u.unit)) worstRows.push(unitRows.get(u.unit) as number);
      cells.push(areaRow(area, report, first, row - 1, row));
      totalRows.push({ county: area.county, row });
      row += 1;
    }
    let cityRow: number | null = null;
    if (g.total) {
      cityRow = row;
      cells.push(
        cityTotalRow(
          g.total,
          totalRows.map((t) => t.row),
          row
        )
      );
      row += 1;
    }
    const lastRow = row - 1;
    values.push({
      kind: "block",
      sheet,
      row: captionRow,
      column: 1,
      cells,
      numberFormats: { byColumn: BLOCK_FORMATS },
    });

    const notes = blockNotes(overTarget, unknownSeen, report);
    if (notes.length > 0) {
      values.push(
        block(
          sheet,
          row,
          1,
          notes.map((n) => [n])
        )
      );
      row += notes.length;
    }

    formats.push(
      { kind: "style", sheet, range: rangeAddress(captionRow, 1, captionRow, LAST), bold: true },
      {
        kind: "style",
        sheet,
        range: rangeAddress(headerRow, 1, headerRow, LAST),
        bold: true,
        fill: HEADER_FILL,
        fontColor: INPUT_HEADER_FONT,
        wrap: true,
        horizontalAlignment: "Center",
      },
      { kind: "style", sheet, range: rangeAddress(headerRow, 1, lastRow, LAST), border: true },
      ...totalRows.map((t): WriteOp => ({
        kind: "style",
        sheet,
        range: rangeAddress(t.row, 1, t.row, LAST),
        bold: true,
      })),
      ...(cityRow === null
        ? []
        : [
            {
              kind: "style",
              sheet,
              range: rangeAddress(cityRow, 1, cityRow, LAST),
              bold: true,
            } satisfies WriteOp,
          ]),
      ...runs(bestRows).map(([a, b]): WriteOp => ({
        kind: "style",
        sheet,
        range: rangeAddress(a, COL.rank, b, COL.township),
        fill: GOOD_FILL,
        fontColor: GOOD_FONT,
      })),
      ...runs(worstRows).map(([a, b]): WriteOp => ({
        kind: "style",
        sheet,
        range: rangeAddress(a, COL.rank, b, COL.township),
        fill: BAD_FILL,
        fontColor: BAD_FONT,
      })),
      ...[COL.firstRate, COL.fullRate, COL.boosterRate, COL.dueRate].map((column): WriteOp => ({
        kind: "conditionalFormat",
        sheet,
        range: rangeAddress(firstRow, column, lastRow, column),
        rules: TRAFFIC_LIGHTS,
      }))
    );

    const chart = chartOps(sheet, g.group, g.areas, unitRows, headerRow, captionRow, report);
    values.push(...chart.values);
    formats.push(...chart.formats);
    blocks.push({
      group: g.group,
      captionRow,
      headerRow,
      firstRow,
      lastRow,
      unitRows: Object.fromEntries(unitRows),
      totalRows,
      cityRow,
    });
    row += 1;
  }

  formats.push(
    {
      kind: "columnWidths",
      sheet,
      widths: [80, 60, 70, 70, 72, 76, 64, 70, 72, 70, 60, 60, 70, 60]
        .map((width, i) => ({
          column: i + 1,
          width,
        }))
        .concat([
          { column: CHART_DATA_COL, width: 80 },
          { column: CHART_DATA_COL + 1, width: 70 },
        ]),
    },
    {
      kind: "pageSetup",
      sheet,
      orientation: "Landscape",
      fitToWidth: true,
      // Only the title repeats: each group block carries its own header, and repeating the notice would fill every page.
      printTitleRows: "$1:$1",
    }
  );

  return {
    ops: [{ kind: "ensureSheet", sheet }, { kind: "clearSheet", sheet }, ...values, ...formats],
    layout: { sheet, title, noticeRows, blocks },
  };
}

/**
 * Traffic lights on the rates from the 参数 names: green from 达标线, amber
 * from 预警线 to just under 达标线, red below 预警线. Rates that cannot be
 * computed are "" (text), which no rule colours: text compares above every
 * number, so the green band has an upper bound and red uses "less than".
 */
export const TRAFFIC_LIGHTS: ConditionalRule[] = [
  {
    type: "cellValue",
    operator: "Between",
    formula1: "=达标线",
    formula2: "=1E+300",
    fill: GOOD_FILL,
    fontColor: GOOD_FONT,
  },
  {
    type: "cellValue",
    operator: "Between",
    formula1: "=预警线",
    formula2: "=达标线-1E-9",
    fill: WARN_FILL,
    fontColor: WARN_FONT,
  },
  {
    type: "cellValue",
    operator: "LessThan",
    formula1: "=预警线",
    fill: BAD_FILL,
    fontColor: BAD_FONT,
  },
];

/**
 * The rate formula of a row: count ÷ target, "" when the target is blank or 0.
 *
 * @example
 * rateFormula("E", "D", 5) //=> '=IF(AND(ISNUMBER(D5),D5>0,ISNUMBER(E5)),E5/D5,"")'
 */
export function rateFormula(count: string, target: string, row: number): string {
  const t = `${target}${row}`;
  const c = `${count}${row}`;
  return `=IF(AND(ISNUMBER(${t}),${t}>0,ISNUMBER(${c})),${c}/${t},"")`;
}

function unitRow(u: UnitFigures, row: number): CellWrite[] {
  const reported = u.status !== "notReported";
  const rank: CellValue =
    u.status === "ranked"
      ? u.rank
      : u.status === "notReported"
        ? "未报送"
        : u.status === "noTarget"
          ? "目标缺失"
          : u.status === "unverified"
            ? "待核实"
            : "数据不全";
  return [
    rank,
    u.county,
    u.township,
    u.target,
    u.first,
    rate(COL.first, row, u.firstRate),
    u.full,
    rate(COL.full, row, u.fullRate),
    u.booster,
    rate(COL.booster, row, u.boosterRate),
    reported ? (u.due ?? UNKNOWN) : null,
    reported ? (u.newFull ?? UNKNOWN) : null,
    rateOf(COL.dueFull, COL.due, row, u.dueRate),
    u.rankChange,
  ];
}

function areaRow(
  a: AreaFigures,
  report: VaccinationReport,
  first: number,
  last: number,
  row: number
): CellWrite[] {
  const range = (column: number) => rangeAddress(first, column, last, column);
  const targets = range(COL.target);
  const sum = (column: number, value: number | null): CellWrite => ({
    formula: `=IF(COUNT(${range(column)})=0,"",SUMIF(${targets},">0",${range(column)}))`,
    value: value ?? "",
  });
  const unknown = `COUNTIF(${range(COL.due)},"${UNKNOWN}")+COUNTIF(${range(COL.dueFull)},"${UNKNOWN}")>0`;
  const place = a.places[report.metric];
  return [
    place ? `全市${place.tied ? "并列" : ""}第${place.rank}位` : null,
    a.county,
    "合计",
    { formula: `=SUMIF(${targets},">0")`, value: a.target },
    sum(COL.first, a.first),
    rate(COL.first, row, a.firstRate),
    sum(COL.full, a.full),
    rate(COL.full, row, a.fullRate),
    sum(COL.booster, a.booster),
    rate(COL.booster, row, a.boosterRate),
    { formula: `=IF(${unknown},"${UNKNOWN}",SUM(${range(COL.due)}))`, value: a.due ?? UNKNOWN },
    {
      formula: `=IF(${unknown},"${UNKNOWN}",SUM(${range(COL.dueFull)}))`,
      value: a.dueFull ?? UNKNOWN,
    },
    rateOf(COL.dueFull, COL.due, row, a.dueRate),
    null,
  ];
}

function cityTotalRow(total: AreaFigures, rows: number[], row: number): CellWrite[] {
  const refs = (column: number) => rows.map((r) => `${columnLetters(column)}${r}`).join(",");
  const sum = (column: number, value: number | null): CellWrite => ({
    formula: `=IF(COUNT(${refs(column)})=0,"",SUM(${refs(column)}))`,
    value: value ?? "",
  });
  const known = (column: number, value: number | null): CellWrite => ({
    formula: `=IF(AND(${rows.map((r) => `ISNUMBER(${columnLetters(column)}${r})`).join(",")}),SUM(${refs(column)}),"${UNKNOWN}")`,
    value: value ?? UNKNOWN,
  });
  return [
    null,
    "全市",
    "合计",
    { formula: `=SUM(${refs(COL.target)})`, value: total.target },
    sum(COL.first, total.first),
    rate(COL.first, row, total.firstRate),
    sum(COL.full, total.full),
    rate(COL.full, row, total.fullRate),
    sum(COL.booster, total.booster),
    rate(COL.booster, row, total.boosterRate),
    known(COL.due, total.due),
    known(COL.dueFull, total.dueFull),
    rateOf(COL.dueFull, COL.due, row, total.dueRate),
    null,
  ];
}

function rate(countColumn: number, row: number, value: number | null): CellWrite {
  return rateOf(countColumn, COL.target, row, value);
}

function rateOf(countColumn: number, baseColumn: number, row: number, value: number | null) {
  return {
    formula: rateFormula(columnLetters(countColumn), columnLetters(baseColumn), row),
    value: value ?? "",
  };
}

function blockNotes(
  overTarget: readonly UnitFigures[],
  unknownSeen: boolean,
  report: VaccinationReport
): string[] {
  const notes: string[] = [];
  if (overTarget.length > 0) {
    const list = overTarget.map(
      (u) => `${u.township}${u.overTarget.map((m) => METRIC_LABEL[m].zh).join("、")}`
    );
    notes.push(`注：${list.join("；")}超过100%（超目标），请核实目标人数是否偏小。`);
  }
  if (unknownSeen) {
    notes.push(
      `注：“${UNKNOWN}”表示缺少${chineseDate(report.dueDate, false)}（${report.intervalDays}天前）或前一日的数据，当日到期或当日全程无法得出，请补录后重新生成。`
    );
  }
  return notes;
}

function chartOps(
  sheet: string,
  group: string,
  areas: readonly AreaFigures[],
  unitRows: ReadonlyMap<number, number>,
  headerRow: number,
  captionRow: number,
  report: VaccinationReport
): { values: WriteOp[]; formats: WriteOp[] } {
  const ranked = areas.flatMap((a) => a.units.filter((u) => u.status === "ranked"));
  if (ranked.length === 0) return { values: [], formats: [] };
  const label: Message = METRIC_LABEL[report.metric];
  const repeated = new Set<string>();
  const seen = new Set<string>();
  for (const u of ranked) (seen.has(u.township) ? repeated : seen).add(u.township);
  const source = columnLetters(RATE_COLUMN[report.metric]);
  const cells: CellWrite[][] = [
    ["乡镇", label.zh],
    ...ranked.map((u): CellWrite[] => [
      repeated.has(u.township) ? `${u.county ?? ""}${u.township}` : u.township,
      { formula: `=${source}${unitRows.get(u.unit)}`, value: u.value },
    ]),
  ];
  const lastRow = headerRow + ranked.length;
  return {
    values: [
      block(sheet, captionRow, CHART_DATA_COL, [["图表数据"]]),
      {
        kind: "block",
        sheet,
        row: headerRow,
        column: CHART_DATA_COL,
        cells,
        numberFormats: { byColumn: [null, PERCENT] },
      },
    ],
    formats: [
      {
        kind: "style",
        sheet,
        range: rangeAddress(headerRow, CHART_DATA_COL, headerRow, CHART_DATA_COL + 1),
        bold: true,
        fill: OUTPUT_HEADER_FILL,
        fontColor: OUTPUT_HEADER_FONT,
      },
      {
        kind: "chart",
        sheet,
        type: "barClustered",
        dataRange: rangeAddress(headerRow, CHART_DATA_COL, lastRow, CHART_DATA_COL + 1),
        title: `${group}人群${label.zh}`,
        anchor: `${columnLetters(CHART_ANCHOR_COL)}${captionRow}`,
        name: `接种排名图_${group}`,
      },
    ],
  };
}

function block(sheet: string, row: number, column: number, cells: CellWrite[][]): WriteOp {
  return { kind: "block", sheet, row, column, cells };
}

function blank(count: number): null[] {
  return Array.from({ length: count }, () => null);
}

/** Sorted runs of consecutive rows, as [first, last] pairs. */
function runs(rows: readonly number[]): [number, number][] {
  const sorted = [...rows].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else out.push([r, r]);
  }
  return out;
}
