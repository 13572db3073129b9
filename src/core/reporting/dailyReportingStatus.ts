/**
 * The daily-reporting picture for one report date: for each unit that must
 * report, 已报 / 零报告 / 未报, whether on time, and how many days in a row it
 * has been missing; tallies and rates per category and overall.
 */
import { chineseDate, type DateSerial } from "../dates";
import { issue, type CoreIssue, type Outcome } from "../issue";
import { UNCATEGORIZED, UNIT_CATEGORIES } from "./categories";
import { consecutiveMissingDays } from "./consecutiveMissingDays";
import { reportRate } from "./reportRate";
import { reportTimeliness } from "./reportTimeliness";
import { unitKey } from "./unitKey";
import { zeroReportFigures, type FigureCell } from "./zeroReportFigures";

/** 报告类型 of a report received. */
export type ReportKind = "正常" | "零报告";

/** A unit's state on the report date. Zero reports count as reported. */
export type ReportState = "已报" | "零报告" | "未报";

/** 时间不明: the report counts as received, but its 报送时间 is blank or unreadable. */
export type ReportTimeliness = "按时" | "迟报" | "时间不明";

/** One row of the 填报单位 roster. */
export interface ReportingUnit {
  /** 1-based sheet row. */
  row: number;
  name: string;
  /** One of UNIT_CATEGORIES, or null when blank or unreadable. */
  category: string | null;
  parent?: string | null;
  contact?: string | null;
  phone?: string | null;
  /** 是否需每日报送; default true. */
  daily?: boolean;
  /** 起报日期: the first day the unit must report; null or absent = from the start of the log. */
  startDate?: DateSerial | null;
}

/** One row of the 报送记录 log. */
export interface ReportRecord {
  /** 1-based sheet row. */
  row: number;
  /** The day reported on (the fraction, if any, is ignored). */
  date: DateSerial;
  unit: string;
  /** When it was received, date and time; null when blank or unreadable. */
  receivedAt: DateSerial | null;
  kind: ReportKind;
  note?: string | null;
  /** Values of the row's user columns, checked when the report is a zero report. */
  extras?: readonly FigureCell[];
}

export interface UnitReportStatus {
  unit: ReportingUnit;
  state: ReportState;
  /** null when not reported. */
  timeliness: ReportTimeliness | null;
  /** 报送时间 of the earliest report of the day; null when none or unreadable. */
  receivedAt: DateSerial | null;
  /** Sheet row of the report that counts (the earliest of the day), or null. */
  recordRow: number | null;
  /** Reports received from the unit for the report date (more than 1 = duplicates). */
  reportCount: number;
  /** Days in a row, ending on the report date, without a report (0 when reported). */
  consecutiveMissing: number;
}

/** Counts and rates for a category, or overall. */
export interface ReportTally {
  category: string;
  /** Units that must report on the date (应报). */
  expected: number;
  /** 已报, zero reports included. */
  reported: number;
  /** Of which 零报告. */
  zero: number;
  missing: number;
  late: number;
  onTime: number;
  /** Reported, but 报送时间 blank or unreadable: neither on time nor late. */
  unknownTime: number;
  /** 报告率 = reported ÷ expected; null when none expected. */
  reportRate: number | null;
  /** 及时率 = on time ÷ expected; null when none expected. */
  timelyRate: number | null;
}

/** A roster unit not counted on the report date, and why. */
export interface ExcludedUnit {
  unit: ReportingUnit;
  /** notDaily: 是否需每日报送 is 否; notStarted: its 起报日期 is after the report date. */
  reason: "notDaily" | "notStarted";
}

export interface DailyReportingStatus {
  reportDate: DateSerial;
  /** 报送截止时间 used, as a fraction of a day. */
  deadline: number;
  /** The first day of the log on or before the report date (the report date when there is none). */
  since: DateSerial;
  /** Units that must report, in roster order. */
  units: UnitReportStatus[];
  /** Units not counted, in roster order. */
  excluded: ExcludedUnit[];
  /** One tally per category with at least one unit expected, in UNIT_CATEGORIES order then 未分类. */
  byCategory: ReportTally[];
  overall: ReportTally;
}

export interface DailyReportingStatusOptions {
  /** The day to report on (serial). */
  reportDate: DateSerial;
  /** 报送截止时间 as a fraction of a day (default 10/24). */
  deadline?: number;
}

/**
 * A "did you mean" suggestion scans the roster, so it is offered only for
 * rosters up to this size and for the first few distinct unknown names: the
 * work stays linear in the log however many rows are wrong.
 */
const SUGGEST_ROSTER_LIMIT = 2000;
const SUGGEST_NAME_LIMIT = 200;

/**
 * Computes who reported for the report date. Issues (never exceptions):
 * `duplicateUnit` (a roster name twice; the first row counts), `unknownUnit`
 * (a report from a unit not on the roster; not counted), `duplicateReport`
 * (two reports for one unit and day; the earliest counts for timeliness, and
 * the day is 已报 if any of them is 正常), `zeroWithFigures` (a zero report
 * carrying figures; it still counts as a zero report). Reports dated after the
 * report date are ignored.
 *
 * @example
 * dailyReportingStatus(
 *   [{ row: 3, name: "城关镇", category: "乡镇" }, { row: 4, name: "青石镇", category: "乡镇" }],
 *   [{ row: 3, date: 44581, unit: "城关镇", receivedAt: 44581.4, kind: "零报告" }],
 *   { reportDate: 44581 }
 * ).value.overall
 * //=> { category: "合计", expected: 2, reported: 1, zero: 1, missing: 1, late: 0, onTime: 1,
 * //     unknownTime: 0, reportRate: 0.5, timelyRate: 0.5 }
 */
export function dailyReportingStatus(
  units: readonly ReportingUnit[],
  records: readonly ReportRecord[],
  options: DailyReportingStatusOptions
): Outcome<DailyReportingStatus> {
  const reportDate = Math.floor(options.reportDate);
  const deadline = options.deadline ?? 10 / 24;
  const issues: CoreIssue[] = [];

  const roster = new Map<string, ReportingUnit>();
  for (const unit of units) {
    const key = unitKey(unit.name);
    if (key === "") continue;
    const first = roster.get(key);
    if (first) {
      issues.push(
        issue(
          "duplicateUnit",
          unit.row,
          "unit",
          {
            zh: `“${unit.name}”在名单中重复（第${first.row}行已有），本行已忽略，请删除重复行`,
            en: `"${unit.name}" appears twice on the roster (already in row ${first.row}); this row is ignored. Delete the duplicate`,
          },
          "warning",
          [{ row: first.row, field: "unit" }]
        )
      );
      continue;
    }
    roster.set(key, unit);
  }

  const suggestions = new Map<string, string | undefined>();
  const byUnitDay = new Map<string, ReportRecord[]>();
  const lastReported = new Map<string, number>();
  let firstDay = Infinity;
  for (const record of records) {
    const key = unitKey(record.unit);
    const unit = roster.get(key);
    if (!unit) {
      if (!suggestions.has(key))
        suggestions.set(
          key,
          suggestions.size < SUGGEST_NAME_LIMIT ? suggestUnit(key, roster) : undefined
        );
      issues.push(unknownUnitIssue(record, suggestions.get(key)));
      continue;
    }
    if (record.kind === "零报告") {
      const figures = zeroReportFigures(record.note ?? null, record.extras ?? []);
      if (figures.length > 0) issues.push(zeroWithFiguresIssue(record, figures));
    }
    const day = Math.floor(record.date);
    const dayKey = `${key}\u0000${day}`;
    const same = byUnitDay.get(dayKey);
    if (same) same.push(record);
    else byUnitDay.set(dayKey, [record]);
    if (day > reportDate) continue;
    if (day < firstDay) firstDay = day;
    if (day > (lastReported.get(key) ?? -Infinity)) lastReported.set(key, day);
  }

  for (const group of byUnitDay.values()) {
    if (group.length < 2) continue;
    group.sort(earliestFirst);
    const kept = group[0];
    for (const dup of group.slice(1)) issues.push(duplicateReportIssue(dup, kept));
  }

  const since = Number.isFinite(firstDay) ? firstDay : reportDate;
  const statuses: UnitReportStatus[] = [];
  const excluded: ExcludedUnit[] = [];
  for (const [key, unit] of roster) {
    if (unit.daily === false) {
      excluded.push({ unit, reason: "notDaily" });
      continue;
    }
    const start = unit.startDate ?? null;
    if (start !== null && Math.floor(start) > reportDate) {
      excluded.push({ unit, reason: "notStarted" });
      continue;
    }
    const group = byUnitDay.get(`${key}\u0000${reportDate}`);
    if (!group) {
      statuses.push({
        unit,
        state: "未报",
        timeliness: null,
        receivedAt: null,
        recordRow: null,
        reportCount: 0,
        consecutiveMissing: consecutiveMissingDays(reportDate, {
          lastReported: lastReported.get(key) ?? null,
          since: Math.max(since, start === null ? -Infinity : Math.floor(start)),
        }),
      });
      continue;
    }
    const kept = group[0];
    statuses.push({
      unit,
      state: group.some((r) => r.kind === "正常") ? "已报" : "零报告",
      timeliness:
        kept.receivedAt === null
          ? "时间不明"
          : reportTimeliness(kept.receivedAt, reportDate, { deadline }),
      receivedAt: kept.receivedAt,
      recordRow: kept.row,
      reportCount: group.length,
      consecutiveMissing: 0,
    });
  }

  const byCategory = tallyByCategory(statuses);
  return {
    value: {
      reportDate,
      deadline,
      since,
      units: statuses,
      excluded,
      byCategory,
      overall: tally("合计", statuses),
    },
    issues,
  };
}

/**
 * Orders units for the leader sheet: 未报 first (most days missing first),
 * then 迟报, then 时间不明, then the rest; roster order within each group.
 *
 * @example
 * leaderOrder(status.units).map((u) => u.state) //=> ["未报", "未报", "已报", "零报告", …]
 */
export function leaderOrder(units: readonly UnitReportStatus[]): UnitReportStatus[] {
  const group = (u: UnitReportStatus) =>
    u.state === "未报" ? 0 : u.timeliness === "迟报" ? 1 : u.timeliness === "时间不明" ? 2 : 3;
  return units
    .map((u, i) => ({ u, i, g: group(u) }))
    .sort(
      (a, b) =>
        a.g - b.g || (a.g === 0 ? b.u.consecutiveMissing - a.u.consecutiveMissing : 0) || a.i - b.i
    )
    .map((x) => x.u);
}

function tallyByCategory(statuses: readonly UnitReportStatus[]): ReportTally[] {
  const groups = new Map<string, UnitReportStatus[]>();
  for (const name of UNIT_CATEGORIES) groups.set(name, []);
  for (const s of statuses) {
    const name = s.unit.category ?? UNCATEGORIZED;
    const list = groups.get(name);
    if (list) list.push(s);
    else groups.set(name, [s]);
  }
  const uncategorized = groups.get(UNCATEGORIZED);
  if (uncategorized) {
    groups.delete(UNCATEGORIZED);
    groups.set(UNCATEGORIZED, uncategorized);
  }
  return [...groups].filter(([, list]) => list.length > 0).map(([name, list]) => tally(name, list));
}

function tally(category: string, statuses: readonly UnitReportStatus[]): ReportTally {
  const t = { expected: 0, reported: 0, zero: 0, missing: 0, late: 0, onTime: 0, unknownTime: 0 };
  for (const s of statuses) {
    t.expected += 1;
    if (s.state === "未报") t.missing += 1;
    else t.reported += 1;
    if (s.state === "零报告") t.zero += 1;
    if (s.timeliness === "迟报") t.late += 1;
    if (s.timeliness === "按时") t.onTime += 1;
    if (s.timeliness === "时间不明") t.unknownTime += 1;
  }
  return {
    category,
    ...t,
    reportRate: reportRate(t.reported, t.expected),
    timelyRate: reportRate(t.onTime, t.expected),
  };
}

/** Earliest 报送时间 first; a report without a readable time after those with one; then sheet order. */
function earliestFirst(a: ReportRecord, b: ReportRecord): number {
  if (a.receivedAt !== null && b.receivedAt !== null && a.receivedAt !== b.receivedAt)
    return a.receivedAt - b.receivedAt;
  if (a.receivedAt === null && b.receivedAt !== null) return 1;
  if (a.receivedAt !== null && b.receivedAt === null) return -1;
  return a.row - b.row;
}

/** The one roster unit whose name contains, or is contained in, the unknown name; else undefined. */
function suggestUnit(key: string, roster: ReadonlyMap<string, ReportingUnit>): string | undefined {
  if (key.length < 2 || roster.size > SUGGEST_ROSTER_LIMIT) return undefined;
  let hit: ReportingUnit | undefined;
  for (const [k, unit] of roster) {
    if (!k.includes(key) && !key.includes(k)) continue;
    if (hit) return undefined;
    hit = unit;
  }
  return hit?.name;
}

function unknownUnitIssue(record: ReportRecord, suggestion: string | undefined): CoreIssue {
  return issue("unknownUnit", record.row, "unit", {
    zh: `“${record.unit}”不在“填报单位”名单中，本条报告未计入；请核对单位名称${
      suggestion ? `（是否为“${suggestion}”？）` : ""
    }，或先在“填报单位”中添加该单位`,
    en: `"${record.unit}" is not on the 填报单位 roster, so this report is not counted; check the name${
      suggestion ? ` (did you mean "${suggestion}"?)` : ""
    } or add the unit to 填报单位`,
  });
}

function zeroWithFiguresIssue(
  record: ReportRecord,
  figures: ReturnType<typeof zeroReportFigures>
): CoreIssue {
  const list = figures.map((f) => f.text);
  return issue(
    "zeroWithFigures",
    record.row,
    figures[0].field,
    {
      zh: `零报告不应含有数字，但本行有：${list.join("、")}；如有情况请将“报告类型”改为“正常”，否则删除这些数字（现仍按零报告计）`,
      en: `A zero report should carry no figures, but this row has: ${list.join(", ")}. If there is something to report, set 报告类型 to 正常; otherwise remove the figures (it still counts as a zero report)`,
    },
    "warning",
    figures.slice(1).map((f) => ({ row: record.row, field: f.field }))
  );
}

function duplicateReportIssue(dup: ReportRecord, kept: ReportRecord): CoreIssue {
  const day = Math.floor(dup.date);
  const at = kept.receivedAt === null ? "" : `（${clock(kept.receivedAt, day)}）`;
  const atEn = kept.receivedAt === null ? "" : ` (${clockEn(kept.receivedAt, day)})`;
  return issue(
    "duplicateReport",
    dup.row,
    "unit",
    {
      zh: `“${dup.unit}”${chineseDate(day, false)}有多条报告，最早一条在第${kept.row}行${at}；是否按时以最早一条为准。请删除多余的行（如属更正，保留正确的一行）`,
      en: `${dup.unit} has more than one report for ${chineseDate(day, false)}; the earliest is in row ${kept.row}${atEn} and timeliness is judged on it. Delete the extra rows (for a correction, keep the right one)`,
    },
    "warning",
    [{ row: kept.row, field: kept.receivedAt === null ? "unit" : "time" }]
  );
}

/** `9:30`, or `1月19日 17:05` when received on another day than the one reported on. */
function clock(serial: DateSerial, day: number): string {
  const t = hhmm(serial);
  return Math.floor(serial) === day ? t : `${chineseDate(serial, false)} ${t}`;
}

function clockEn(serial: DateSerial, day: number): string {
  const t = hhmm(serial);
  return Math.floor(serial) === day ? t : `${t} on ${chineseDate(serial, false)}`;
}

function hhmm(serial: DateSerial): string {
  const minutes = Math.floor((serial - Math.floor(serial)) * 1440 + 1e-6);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;
}
