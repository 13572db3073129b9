/**
 * The daily notice (通报) in the bureau's official style, written from the
 * computed figures:
 *
 * > 截至1月20日，18岁以上人群目标任务32,500人，第一剂已接种31,000人，完成率95.4%，全市第1位；
 * > 第二剂当日完成率97.0%，全市第2位；第二剂累计已接种30,000人，完成率92.3%，全市第1位。
 * > 各乡镇18岁以上人群第二针剂接种完成情况：最好的分别是甲镇(98.0%)、…，最差的分别是…。
 * > 其中有1个乡镇完成超过100%。
 *
 * Counts carry thousands separators and rates one decimal; tied units are
 * named together with 并列; townships that did not report are named as 未报送
 * and never ranked. An English version says the same for an English display.
 */
import { chineseDate, ymdFromSerial } from "../dates";
import type { Message } from "../issue";
import { formatCount, formatRate } from "./format";
import type { Metric } from "./metric";
import type { AreaFigures, Place, UnitFigures, VaccinationReport } from "./report";

export interface NoticeOptions {
  /** Age groups to write about, in this order (default: every group of the report). */
  groups?: readonly string[];
  /** Counties to write about (default: all). A county is named in its paragraph when the notice covers more than one. */
  counties?: readonly string[];
}

export interface NoticeParagraph {
  county: string | null;
  group: string;
  /**
   * The paragraph in pieces short enough for one printed line of the ranking
   * sheet; joined without separators they are the paragraph.
   */
  zh: string[];
  en: string[];
}

export interface Notice {
  paragraphs: NoticeParagraph[];
  /** The whole notice, one paragraph a line, for the task pane's copy button. */
  text: Message;
}

/**
 * Writes the notice for the chosen groups and counties.
 *
 * @example
 * vaccinationNotice(report, { groups: ["18岁以上"] }).text.zh
 * //=> "截至1月20日，18岁以上人群目标任务32,500人，第一剂已接种31,000人，完成率95.4%；…"
 */
export function vaccinationNotice(report: VaccinationReport, options: NoticeOptions = {}): Notice {
  const groups = options.groups
    ? options.groups.flatMap((g) => report.groups.filter((x) => x.group === g))
    : report.groups;
  const chosen = groups.flatMap((g) =>
    g.areas
      .filter(
        (a) => !options.counties || (a.county !== null && options.counties.includes(a.county))
      )
      .map((area) => ({ area, group: g.group }))
  );
  const nameCounty = new Set(chosen.map((x) => x.area.county)).size > 1;
  const paragraphs: NoticeParagraph[] = chosen.map(({ area, group }) => {
    const county = nameCounty ? area.county : null;
    return {
      county: area.county,
      group,
      zh: zhParagraph(report, area, group, county),
      en: enParagraph(report, area, group, county),
    };
  });
  return {
    paragraphs,
    text: {
      zh: paragraphs.map((p) => p.zh.join("")).join("\n"),
      en: paragraphs.map((p) => p.en.join(" ")).join("\n"),
    },
  };
}

const METRIC_PHRASE: Readonly<Record<Metric, Message>> = {
  first: { zh: "第一针剂接种完成情况", en: "first-dose completion" },
  full: { zh: "第二针剂接种完成情况", en: "second-dose completion" },
  booster: { zh: "加强针接种完成情况", en: "booster completion" },
  due: { zh: "第二针剂当日完成情况", en: "second doses due today" },
};

function zhParagraph(
  report: VaccinationReport,
  a: AreaFigures,
  group: string,
  county: string | null
): string[] {
  const who = `${county ?? ""}${group}人群`;
  if (a.units.every((u) => u.status === "notReported"))
    return [`截至${chineseDate(report.reportDate, false)}，${who}各乡镇均未报送。`];
  const place = (p: Place | null) => (p ? `，全市${p.tied ? "并列" : ""}第${p.rank}位` : "");
  const rate = (r: number | null) => (r === null ? "无法计算" : formatRate(r));
  const given = (label: string, n: number | null, r: number | null, p: Place | null) =>
    n === null
      ? `${label}暂无数据`
      : `${label}已接种${formatCount(n)}人，完成率${rate(r)}${place(p)}`;
  const due =
    a.due === null
      ? `第二剂当日完成率暂无法计算（${a.units.some((u) => u.status !== "notReported" && u.due === null) ? "当日到期人数未知" : "当日全程接种人数未知"}）`
      : a.due === 0
        ? "第二剂当日无到期任务"
        : `第二剂当日完成率${rate(a.dueRate)}${place(a.places.due)}`;
  const lines = [
    `截至${chineseDate(report.reportDate, false)}，${who}目标任务${formatCount(a.target)}人，${given("第一剂", a.first, a.firstRate, a.places.first)}；${due}；`,
    `${given("第二剂累计", a.full, a.fullRate, a.places.full)}。${a.booster === null ? "" : `${given("加强针累计", a.booster, a.boosterRate, a.places.booster)}。`}`,
  ];
  const ranked = a.units.filter((u) => u.status === "ranked");
  const head = `各乡镇${group}人群${METRIC_PHRASE[report.metric].zh}：`;
  if (ranked.length > report.topCount) {
    lines.push(`${head}最好的分别是${zhList(a.best)}，`, `最差的分别是${zhList(a.worst)}。`);
  } else if (ranked.length > 0) {
    lines.push(`${head}依次为${zhList(ranked)}。`);
  } else {
    lines.push(`${head}暂无可排名的乡镇。`);
  }
  const tail: string[] = [];
  if (a.overTargetCount > 0) tail.push(`其中有${a.overTargetCount}个乡镇完成超过100%。`);
  if (a.notReported.length > 0) tail.push(`${names(a.notReported)}未报送，未参与排名。`);
  const noTarget = a.unranked.filter((u) => u.status === "noTarget");
  const noValue = a.unranked.filter((u) => u.status === "noValue");
  if (noTarget.length > 0) tail.push(`${names(noTarget)}目标人数缺失，未参与排名。`);
  if (noValue.length > 0) tail.push(`${names(noValue)}数据不全，未参与排名。`);
  const unverified = a.unranked.filter((u) => u.status === "unverified");
  if (unverified.length > 0) tail.push(`${names(unverified)}数据待核实，未参与排名。`);
  if (tail.length > 0) lines.push(tail.join(""));
  return lines;
}

function enParagraph(
  report: VaccinationReport,
  a: AreaFigures,
  group: string,
  county: string | null
): string[] {
  const who = `${county ? `${county} ` : ""}${group} group`;
  if (a.units.every((u) => u.status === "notReported"))
    return [`As of ${englishDate(report.reportDate)}, ${who}: no township has reported.`];
  const place = (p: Place | null) =>
    p ? `, ${p.tied ? "tied " : ""}${ordinal(p.rank)} in the city` : "";
  const rate = (r: number | null) => (r === null ? "not computable" : formatRate(r));
  const given = (label: string, n: number | null, r: number | null, p: Place | null, inAll = "") =>
    n === null
      ? `${label}: no data`
      : `${label} given to ${formatCount(n)}${inAll}, a rate of ${rate(r)}${place(p)}`;
  const due =
    a.due === null
      ? `the second-dose rate for today cannot be computed (${a.units.some((u) => u.status !== "notReported" && u.due === null) ? "the number due today is unknown" : "today's full courses are unknown"})`
      : a.due === 0
        ? "no second doses due today"
        : `second doses due today completed at ${rate(a.dueRate)}${place(a.places.due)}`;
  const lines = [
    `As of ${englishDate(report.reportDate)}, ${who}: target ${formatCount(a.target)} people; ${given("first dose", a.first, a.firstRate, a.places.first)}; ${due};`,
    `${given("second dose", a.full, a.fullRate, a.places.full, " in all")}.${a.booster === null ? "" : ` ${capitalize(given("boosters", a.booster, a.boosterRate, a.places.booster))}.`}`,
  ];
  const ranked = a.units.filter((u) => u.status === "ranked");
  const head = `Townships, ${group} group, ${METRIC_PHRASE[report.metric].en}:`;
  if (ranked.length > report.topCount) {
    lines.push(`${head} best ${enList(a.best)};`, `worst ${enList(a.worst)}.`);
  } else if (ranked.length > 0) {
    lines.push(`${head} in order ${enList(ranked)}.`);
  } else {
    lines.push(`${head} no township can be ranked.`);
  }
  const tail: string[] = [];
  const k = a.overTargetCount;
  if (k > 0) tail.push(`${k} ${k === 1 ? "township is" : "townships are"} above 100%.`);
  const noTarget = a.unranked.filter((u) => u.status === "noTarget");
  const noValue = a.unranked.filter((u) => u.status === "noValue");
  const are = (list: readonly UnitFigures[]) => (list.length === 1 ? "is" : "are");
  const have = (list: readonly UnitFigures[]) => (list.length === 1 ? "has" : "have");
  if (a.notReported.length > 0)
    tail.push(
      `${andList(a.notReported.map((u) => u.township))} did not report and ${are(a.notReported)} not ranked.`
    );
  if (noTarget.length > 0)
    tail.push(
      `${andList(noTarget.map((u) => u.township))} ${have(noTarget)} no target and ${are(noTarget)} not ranked.`
    );
  if (noValue.length > 0)
    tail.push(
      `${andList(noValue.map((u) => u.township))} ${have(noValue)} incomplete data and ${are(noValue)} not ranked.`
    );
  const unverified = a.unranked.filter((u) => u.status === "unverified");
  if (unverified.length > 0)
    tail.push(
      `${andList(unverified.map((u) => u.township))} ${have(unverified)} figures to be checked (待核实) and ${are(unverified)} not ranked.`
    );
  if (tail.length > 0) lines.push(tail.join(" "));
  return lines;
}

/** `甲镇(98.0%)、乙镇和丙镇并列(96.2%)`: units with the same value are named together. */
function zhList(units: readonly UnitFigures[]): string {
  return tieRuns(units)
    .map((run) => {
      const value = formatRate(run[0].value ?? 0);
      if (run.length === 1) return `${run[0].township}(${value})`;
      const list = run.map((u) => u.township);
      return `${list.slice(0, -1).join("、")}和${list[list.length - 1]}并列(${value})`;
    })
    .join("、");
}

/** `甲镇 (98.0%), 乙镇 and 丙镇 tied (96.2%)`. */
function enList(units: readonly UnitFigures[]): string {
  return tieRuns(units)
    .map((run) => {
      const value = formatRate(run[0].value ?? 0);
      if (run.length === 1) return `${run[0].township} (${value})`;
      return `${andList(run.map((u) => u.township))} tied (${value})`;
    })
    .join(", ");
}

/** Splits a ranked list into runs of ties: the same rank, decided on the rate as shown (0.1%). */
function tieRuns(units: readonly UnitFigures[]): UnitFigures[][] {
  const runs: UnitFigures[][] = [];
  for (const u of units) {
    const last = runs[runs.length - 1];
    if (last && last[0].rank !== null && last[0].rank === u.rank) last.push(u);
    else runs.push([u]);
  }
  return runs;
}

function names(units: readonly UnitFigures[]): string {
  return units.map((u) => u.township).join("、");
}

function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function englishDate(serial: number): string {
  const { month, day } = ymdFromSerial(serial);
  return `${day} ${MONTHS[month - 1]}`;
}

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10];
  return `${n}${suffix ?? "th"}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
