/**
 * The 接种排名 sheet leaders read: the title, the notice, then one block per
 * age group, townships sorted by rank within their county, each county closed
 * by a 合计 row (its rank among counties in 排名) and the city by a 全市合计
 * row. Rates are formulas over the figures beside them, so what leaders see is
 * traceable; totals are SUMIF/SUM formulas over the township rows, never
 * averages of rates. Every formula carries the value the engine computed.
 */
import { chineseDate } from "../../core/dates";
import { METRIC_LABEL, type Metric } from "../../core/vaccination/metric";
import type { Notice } from "../../core/vaccination/notice";
import type { AreaFigures, UnitFigures, VaccinationReport } from "../../core/vaccination/report";
import {
  leaderBlock,
  leaderSheetOps,
  topTotalLabel,
  type LeaderColumn,
  type LeaderSheetLayout,
} from "../leaderSheet";
import type { ConditionalRule, WriteOp } from "../plan";
import {
  BAD_FILL,
  BAD_FONT,
  COUNT_FORMAT,
  GOOD_FILL,
  GOOD_FONT,
  PERCENT_FORMAT,
  WARN_FILL,
  WARN_FONT,
} from "../styles";

/** Shown where a due count or a day's figure cannot be known. */
export const UNKNOWN = "未知";

/** One line of a group's table: a township, a county's 合计, or the top 合计. */
type RankLine =
  | { kind: "unit"; u: UnitFigures }
  | { kind: "area"; a: AreaFigures; from: number; to: number }
  | { kind: "top"; t: AreaFigures; areaLines: number[] };

const RATE_KEY: Readonly<Record<Metric, string>> = {
  first: "firstRate",
  full: "fullRate",
  booster: "boosterRate",
  due: "dueRate",
};

/** The columns of each group's block, in sheet order: adding a column is one entry. */
function rankingColumns(report: VaccinationReport, top: string): LeaderColumn<RankLine>[] {
  const count = (
    key: "target" | "first" | "full" | "booster",
    header: string
  ): LeaderColumn<RankLine> => ({
    key,
    header,
    width: 70,
    numberFormat: COUNT_FORMAT,
    cell: (l, at) => {
      if (l.kind === "unit") return l.u[key];
      const v = l.kind === "area" ? l.a[key] : l.t[key];
      if (l.kind === "area") {
        const targets = at.range("target", l.from, l.to);
        const range = at.range(key, l.from, l.to);
        return key === "target"
          ? { formula: `=SUMIF(${targets},">0")`, value: v ?? "" }
          : {
              formula: `=IF(COUNT(${range})=0,"",SUMIF(${targets},">0",${range}))`,
              value: v ?? "",
            };
      }
      const refs = l.areaLines.map((i) => at.ref(key, at.rowOf(i))).join(",");
      return key === "target"
        ? { formula: `=SUM(${refs})`, value: v ?? "" }
        : { formula: `=IF(COUNT(${refs})=0,"",SUM(${refs}))`, value: v ?? "" };
    },
  });
  const rate = (
    key: string,
    header: string,
    countKey: string,
    baseKey: string,
    pick: (f: UnitFigures | AreaFigures) => number | null
  ): LeaderColumn<RankLine> => ({
    key,
    header,
    width: 72,
    numberFormat: PERCENT_FORMAT,
    cell: (l, at) => ({
      formula: rateFormula(at.col(countKey), at.col(baseKey), at.row),
      value: pick(l.kind === "unit" ? l.u : l.kind === "area" ? l.a : l.t) ?? "",
    }),
  });
  const due = (key: "due" | "dueFull", header: string): LeaderColumn<RankLine> => ({
    key,
    header,
    width: 62,
    numberFormat: COUNT_FORMAT,
    cell: (l, at) => {
      if (l.kind === "unit") {
        const v = key === "due" ? l.u.due : l.u.newFull;
        return l.u.status !== "notReported" ? (v ?? UNKNOWN) : null;
      }
      if (l.kind === "area") {
        const unknown = `COUNTIF(${at.range("due", l.from, l.to)},"${UNKNOWN}")+COUNTIF(${at.range("dueFull", l.from, l.to)},"${UNKNOWN}")>0`;
        return {
          formula: `=IF(${unknown},"${UNKNOWN}",SUM(${at.range(key, l.from, l.to)}))`,
          value: l.a[key] ?? UNKNOWN,
        };
      }
      const refs = l.areaLines.map((i) => at.ref(key, at.rowOf(i)));
      return {
        formula: `=IF(AND(${refs.map((r) => `ISNUMBER(${r})`).join(",")}),SUM(${refs.join(",")}),"${UNKNOWN}")`,
        value: l.t[key] ?? UNKNOWN,
      };
    },
  });
  return [
    {
      key: "rank",
      header: "排名",
      width: 80,
      numberFormat: "0",
      align: "Center",
      cell: (l) => {
        if (l.kind === "unit") {
          const u = l.u;
          return u.status === "ranked"
            ? u.rank
            : u.status === "notReported"
              ? "未报送"
              : u.status === "noTarget"
                ? "目标缺失"
                : u.status === "unverified"
                  ? "待核实"
                  : "数据不全";
        }
        if (l.kind === "top") return null;
        const place = l.a.places[report.metric];
        return place ? `${top}${place.tied ? "并列" : ""}第${place.rank}位` : null;
      },
    },
    {
      key: "county",
      header: "县(区)",
      width: 60,
      cell: (l) => (l.kind === "unit" ? l.u.county : l.kind === "area" ? l.a.county : top),
    },
    {
      key: "township",
      header: "乡镇",
      width: 76,
      cell: (l) => (l.kind === "unit" ? l.u.township : "合计"),
    },
    count("target", "目标人数"),
    count("first", "第一剂累计"),
    rate("firstRate", "第一剂完成率", "first", "target", (f) => f.firstRate),
    count("full", "全程累计"),
    rate("fullRate", "全程完成率", "full", "target", (f) => f.fullRate),
    count("booster", "加强针累计"),
    rate("boosterRate", "加强完成率", "booster", "target", (f) => f.boosterRate),
    due("due", "当日到期"),
    due("dueFull", "当日全程"),
    rate("dueRate", "当日完成率", "dueFull", "due", (f) => f.dueRate),
    {
      key: "change",
      header: "排名变化",
      width: 60,
      align: "Center",
      cell: (l) => (l.kind === "unit" ? l.u.rankChange : null),
    },
  ];
}

/** The header row of each group's block, for tests and readers. */
export const RANKING_COLUMNS = rankingColumns({ metric: "full" } as VaccinationReport, "全市").map(
  (c) => c.header
);

/** Where things landed, for tests and the task pane. */
export interface RankingLayout {
  sheet: string;
  title: string;
  /** Rows holding the notice (通报), after the tables. */
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
  sheetLayout: LeaderSheetLayout;
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
 * again for the same date replaces it cleanly. The 通报 follows the tables,
 * on its own page, one wrapped paragraph a row.
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
  const title = rankingTitle(report.reportDate);
  const metricLabel = METRIC_LABEL[report.metric];
  const counties = Math.max(1, ...report.groups.map((g) => g.areas.length));
  const top = topTotalLabel(counties);
  const columns = rankingColumns(report, top);
  const groupLines = report.groups.map((g) => {
    const lines: RankLine[] = [];
    const areaLines: number[] = [];
    for (const area of g.areas) {
      const from = lines.length;
      for (const u of area.units) lines.push({ kind: "unit", u });
      areaLines.push(lines.length);
      lines.push({ kind: "area", a: area, from, to: Math.max(from, lines.length - 1) });
    }
    if (g.total) lines.push({ kind: "top", t: g.total, areaLines });
    return lines;
  });
  const indexesOf = (lines: RankLine[], pred: (u: UnitFigures) => boolean) =>
    lines.map((l, i) => (l.kind === "unit" && pred(l.u) ? i : -1)).filter((i) => i >= 0);
  const rateKeys = ["firstRate", "fullRate", "boosterRate", "dueRate"];
  const blocks = report.groups.map((g, gi) => {
    const lines = groupLines[gi];
    const best = new Set(g.areas.flatMap((a) => a.best.map((u) => u.unit)));
    const worst = new Set(
      g.areas.flatMap((a) => a.worst.map((u) => u.unit)).filter((u) => !best.has(u))
    );
    const overTarget = g.areas.flatMap((a) => a.units.filter((u) => u.overTarget.length > 0));
    const unknownSeen = g.areas.some((a) =>
      a.units.some((u) => u.status !== "notReported" && (u.due === null || u.newFull === null))
    );
    const ranked = lines.filter((l) => l.kind === "unit" && l.u.status === "ranked");
    const repeated = new Set<string>();
    const seen = new Set<string>();
    for (const l of ranked)
      if (l.kind === "unit") (seen.has(l.u.township) ? repeated : seen).add(l.u.township);
    return leaderBlock<RankLine>({
      caption: `${g.group}人群（按${metricLabel.zh}排名）`,
      columns,
      rows: lines,
      rowStyle: (l) => (l.kind === "unit" ? undefined : { bold: true }),
      highlights: [
        {
          indexes: indexesOf(lines, (u) => best.has(u.unit)),
          keys: ["rank", "county", "township"],
          fill: GOOD_FILL,
          fontColor: GOOD_FONT,
        },
        {
          indexes: indexesOf(lines, (u) => worst.has(u.unit)),
          keys: ["rank", "county", "township"],
          fill: BAD_FILL,
          fontColor: BAD_FONT,
        },
      ],
      conditional: [{ keys: rateKeys, rules: TRAFFIC_LIGHTS }],
      notes: blockNotes(overTarget, unknownSeen, report),
      chart: {
        name: `接种排名图_${g.group}`,
        title: `${g.group}人群${metricLabel.zh}`,
        type: "barClustered",
        categoryHeader: "乡镇",
        include: (l) => l.kind === "unit" && l.u.status === "ranked",
        category: (l) =>
          l.kind !== "unit"
            ? ""
            : repeated.has(l.u.township)
              ? `${l.u.county ?? ""}${l.u.township}`
              : l.u.township,
        series: [
          {
            header: metricLabel.zh,
            numberFormat: PERCENT_FORMAT,
            value: (l, at) => ({
              formula: `=${at.ref(RATE_KEY[report.metric])}`,
              value: l.kind === "unit" ? l.u.value : null,
            }),
          },
        ],
      },
    });
  });
  const paragraphs = notice.paragraphs.map((p) => p.zh.join(""));
  const built = leaderSheetOps({
    sheet,
    title,
    notes: [
      `排名按${metricLabel.zh}从高到低；完成率保留一位小数，排名和“并列”按显示的数值判定（两个乡镇均显示59.0%即并列）。` +
        (paragraphs.length > 0 ? "通报全文在各表之后。" : ""),
    ],
    blocks,
    after: { caption: "通报", paragraphs },
    asOf: `截至${chineseDate(report.reportDate)}`,
  });
  const sl = built.layout;
  return {
    ops: built.ops,
    layout: {
      sheet,
      title,
      noticeRows:
        sl.afterRows.length > 1
          ? { first: sl.afterRows[1], last: sl.afterRows[sl.afterRows.length - 1] }
          : null,
      blocks: report.groups.map((g, gi) => {
        const b = sl.blocks[gi];
        const lines = groupLines[gi];
        const unitRows: Record<number, number> = {};
        const totalRows: { county: string | null; row: number }[] = [];
        let cityRow: number | null = null;
        lines.forEach((l, i) => {
          if (l.kind === "unit") unitRows[l.u.unit] = b.rows[i];
          else if (l.kind === "area") totalRows.push({ county: l.a.county, row: b.rows[i] });
          else cityRow = b.rows[i];
        });
        return {
          group: g.group,
          captionRow: b.captionRow as number,
          headerRow: b.headerRow,
          firstRow: b.firstRow,
          lastRow: b.rows.length > 0 ? b.rows[b.rows.length - 1] : b.headerRow,
          unitRows,
          totalRows,
          cityRow,
        };
      }),
      sheetLayout: sl,
    },
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
