/**
 * Checks the whole 接种进度 table and indexes it by unit (county, township,
 * age group), each unit's records in date order, so that any day's figures
 * are a binary search away. The work is linear in the records (a counting
 * sort by unit, then one walk per unit; a unit is sorted by date only when the
 * clerk's rows are out of order), and the index is three typed arrays.
 */
import { chineseDateBeside } from "../dates";
import { issue, type CoreIssue, type Outcome } from "../issue";
import { formatCount } from "./format";
import {
  DAILY_FIELD,
  DOSE_FIELDS,
  FIELD_LABEL,
  fieldBit,
  type DoseField,
  type ProgressColumns,
  type ProgressField,
} from "./progress";

/** A township's age group: the thing that is ranked. */
export interface ProgressUnit {
  /** Null when the table has no 县(区) column. */
  county: string | null;
  township: string;
  group: string;
}

export interface ProgressIndex {
  columns: ProgressColumns;
  /** True when the table has a 县(区) column: townships rank within their county, counties against each other. */
  hasCounty: boolean;
  /** Units in order of first appearance in the table. */
  units: ProgressUnit[];
  /**
   * Record indices of each unit in date order, one per date (of duplicate rows, the
   * later one is kept): unit u holds `order[start[u]]` … `order[start[u] + count[u] - 1]`.
   */
  order: Int32Array;
  start: Int32Array;
  count: Int32Array;
  /**
   * Per record, 1 when the record failed a check (an unreadable cell, full
   * course above first doses, a cumulative figure that fell, a daily figure
   * that disagrees, a duplicate that disagrees): it is held out as 待核实 of
   * every total, ranking and notice.
   */
  bad: Uint8Array;
  /** Every date in the table, ascending, without repeats. */
  dates: number[];
  /** Age groups in order of first appearance. */
  groups: string[];
  /** Counties in order of first appearance (empty without a 县(区) column). */
  counties: string[];
}

/**
 * Checks every record and builds the index. Records without a readable date,
 * township or age group (or county, where the table has that column and the
 * township's county cannot be told from its other rows) are left out with an
 * issue; every other record is kept, even with bad figures, so the rest of its
 * row still counts.
 *
 * Issues: a blank or zero target (`targetMissing`, `targetZero`); full course
 * above first dose (`fullAboveFirst`); a cumulative figure below the unit's
 * previous date (`cumulativeFell`); a daily figure that disagrees with the
 * difference of the cumulative ones from the day before (`dailyMismatch`, both
 * cells named); the same date, township and group twice (`duplicateRow`).
 *
 * @example
 * const { value, issues } = indexProgress(progressColumns([
 *   { row: 3, date: 44580, township: "城关镇", group: "18岁以上", target: 100, first: 50, full: 40 },
 *   { row: 4, date: 44581, township: "城关镇", group: "18岁以上", target: 100, first: 48, full: 45 },
 * ]));
 * value.units   //=> [{ county: null, township: "城关镇", group: "18岁以上" }]
 * value.dates   //=> [44580, 44581]
 * issues[0].code //=> "cumulativeFell"   (第一剂累计 went from 50 to 48)
 */
export function indexProgress(columns: ProgressColumns): Outcome<ProgressIndex> {
  const c = columns;
  const n = c.length;
  const issues: CoreIssue[] = [];
  const names = c.names;
  const reported = (r: number, field: ProgressField) => (c.reported[r] & fieldBit(field)) !== 0;

  const countyOf = c.county ? townshipCounties(c.county, c.township, n) : undefined;

  const unitOf = new Int32Array(n).fill(-1);
  const bad = new Uint8Array(n);
  if (c.failed) bad.set(c.failed.subarray(0, n));
  const units: ProgressUnit[] = [];
  const unitIds = new Map<number, Map<number, number>>();
  const groupSeen = new Set<number>();
  const groups: string[] = [];
  const countySeen = new Set<number>();
  const counties: string[] = [];

  for (let r = 0; r < n; r++) {
    const row = c.row[r];
    let missingKey = false;
    if (Number.isNaN(c.date[r]) || c.township[r] < 0 || c.group[r] < 0) {
      missingKey = true;
      if (Number.isNaN(c.date[r]) && !reported(r, "date")) issues.push(requiredIssue(row, "date"));
      if (c.township[r] < 0 && !reported(r, "township"))
        issues.push(requiredIssue(row, "township"));
      if (c.group[r] < 0 && !reported(r, "group")) issues.push(requiredIssue(row, "group"));
    }
    const township = c.township[r];
    let county = -1;
    if (c.county && countyOf) {
      county = c.county[r];
      if (county < 0 && township >= 0) {
        // A blank county is taken from the township's other rows: merged cells leave it blank.
        const known = countyOf.get(township);
        if (known !== undefined && known >= 0) county = known;
        else {
          missingKey = true;
          if (!reported(r, "county")) issues.push(countyIssue(row, names[township], known === -2));
        }
      }
    }
    if (checkRecord(c, r, issues, reported)) bad[r] = 1;
    if (missingKey) continue;
    const group = c.group[r];
    const parentKey = (county + 1) * names.length + township;
    let byGroup = unitIds.get(parentKey);
    if (!byGroup) unitIds.set(parentKey, (byGroup = new Map()));
    let id = byGroup.get(group);
    if (id === undefined) {
      id = units.length;
      byGroup.set(group, id);
      units.push({
        county: county >= 0 ? names[county] : null,
        township: names[township],
        group: names[group],
      });
      if (!groupSeen.has(group)) groups.push(names[group]);
      groupSeen.add(group);
      if (county >= 0 && !countySeen.has(county)) counties.push(names[county]);
      if (county >= 0) countySeen.add(county);
    }
    unitOf[r] = id;
  }

  const u = units.length;
  const start = new Int32Array(u + 1);
  for (let r = 0; r < n; r++) if (unitOf[r] >= 0) start[unitOf[r] + 1] += 1;
  for (let i = 0; i < u; i++) start[i + 1] += start[i];
  const order = new Int32Array(start[u]);
  const fill = start.slice(0, u);
  for (let r = 0; r < n; r++) if (unitOf[r] >= 0) order[fill[unitOf[r]]++] = r;

  const doses = DOSE_FIELDS.map((field) => ({
    field,
    cumulative: c[field],
    daily: dailyColumn(c, field),
  }));
  const count = new Int32Array(u);
  const dateSet = new Set<number>();
  for (let id = 0; id < u; id++) {
    const s = start[id];
    const e = start[id + 1];
    sortByDate(order, s, e, c.date);
    let w = s;
    for (let i = s; i < e; i++) {
      const r = order[i];
      if (w > s && c.date[order[w - 1]] === c.date[r]) {
        // One rule for every table: identical duplicates count once; duplicates that disagree hold the key out as 待核实.
        const earlier = order[w - 1];
        const agree = sameFigures(c, earlier, r);
        issues.push(duplicateIssue(c.row[earlier], c.row[r], agree));
        if (!agree || bad[earlier]) bad[r] = 1;
        w -= 1;
      }
      const prev = w > s ? order[w - 1] : -1;
      if (prev >= 0 && checkAgainstPrevious(c, doses, r, prev, issues)) bad[r] = 1;
      order[w++] = r;
      dateSet.add(c.date[r]);
    }
    count[id] = w - s;
  }

  const dates = [...dateSet].sort((a, b) => a - b);
  return {
    value: {
      columns,
      hasCounty: c.county !== null,
      units,
      order,
      start: start.subarray(0, u),
      count,
      bad,
      dates,
      groups,
      counties,
    },
    issues,
  };
}

/**
 * The record of a unit on a date, or -1 when the unit has no row that day.
 *
 * @example
 * recordAt(index, 0, 44581) //=> 1   (the second record of the table)
 * recordAt(index, 0, 44000) //=> -1
 */
export function recordAt(index: ProgressIndex, unit: number, date: number): number {
  const { order, columns } = index;
  let lo = index.start[unit];
  let hi = lo + index.count[unit] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const d = columns.date[order[mid]];
    if (d === date) return order[mid];
    if (d < date) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Whether a unit has any record on or before a date (it was reporting by then).
 *
 * @example
 * reportingBy(index, 0, 44581) //=> true
 */
export function reportingBy(index: ProgressIndex, unit: number, date: number): boolean {
  return index.count[unit] > 0 && index.columns.date[index.order[index.start[unit]]] <= date;
}

/** Each township's county, from the rows that name one; -2 for a township named under several counties. */
function townshipCounties(
  county: Int32Array,
  township: Int32Array,
  n: number
): Map<number, number> {
  const seen = new Map<number, number>();
  for (let r = 0; r < n; r++) {
    const t = township[r];
    const k = county[r];
    if (t < 0 || k < 0) continue;
    const known = seen.get(t);
    if (known === undefined) seen.set(t, k);
    else if (known !== k) seen.set(t, -2);
  }
  return seen;
}

/** Checks one record alone; true when it failed a check that holds it out. */
function checkRecord(
  c: ProgressColumns,
  r: number,
  issues: CoreIssue[],
  reported: (r: number, f: ProgressField) => boolean
): boolean {
  const row = c.row[r];
  const target = c.target[r];
  if (Number.isNaN(target) && !reported(r, "target")) {
    issues.push(
      issue("targetMissing", row, "target", {
        zh: "目标人数为空，完成率无法计算，此行不参与排名；请填写目标人数",
        en: "The target is blank, so the rate is undefined and this row is not ranked; fill in the target",
      })
    );
  } else if (target === 0) {
    issues.push(
      issue("targetZero", row, "target", {
        zh: "目标人数为 0，完成率无法计算，此行不参与排名；请填写实际目标人数",
        en: "The target is 0, so the rate is undefined and this row is not ranked; enter the real target",
      })
    );
  }
  const first = c.first[r];
  const full = c.full[r];
  if (full > first) {
    issues.push(
      issue(
        "fullAboveFirst",
        row,
        "full",
        {
          zh: `全程累计（${formatCount(full)}）大于第一剂累计（${formatCount(first)}），请核实这两列`,
          en: `Full course (${formatCount(full)}) is above first doses (${formatCount(first)}); check both columns`,
        },
        "error",
        [{ row, field: "first" }]
      )
    );
    return true;
  }
  return false;
}

function sameFigures(c: ProgressColumns, a: number, b: number): boolean {
  const same = (x: number, y: number) => x === y || (Number.isNaN(x) && Number.isNaN(y));
  if (!same(c.target[a], c.target[b])) return false;
  for (const field of DOSE_FIELDS) {
    if (!same(c[field][a], c[field][b])) return false;
    const daily = dailyColumn(c, field);
    if (daily && !same(daily[a], daily[b])) return false;
  }
  return true;
}

interface DoseColumns {
  field: DoseField;
  cumulative: Float64Array;
  daily: Float64Array | null;
}

function checkAgainstPrevious(
  c: ProgressColumns,
  doses: readonly DoseColumns[],
  r: number,
  prev: number,
  issues: CoreIssue[]
): boolean {
  let failed = false;
  const dayBefore = c.date[prev] === c.date[r] - 1;
  for (let k = 0; k < doses.length; k++) {
    const { field, cumulative, daily } = doses[k];
    const now = cumulative[r];
    const before = cumulative[prev];
    if (!(now < before) && !(daily && dayBefore)) continue;
    const row = c.row[r];
    const prevRow = c.row[prev];
    if (now < before) {
      failed = true;
      issues.push(
        issue(
          "cumulativeFell",
          row,
          field,
          {
            zh: `${FIELD_LABEL[field].zh}（${formatCount(now)}）比${chineseDateBeside(c.date[prev], c.date[r])}的 ${formatCount(before)} 少，累计数不应减少，请核实`,
            en: `${FIELD_LABEL[field].en} (${formatCount(now)}) is below ${formatCount(before)} on ${chineseDateBeside(c.date[prev], c.date[r])}; a cumulative figure cannot fall. Check it`,
          },
          "error",
          [{ row: prevRow, field }]
        )
      );
    }
    if (!daily || !dayBefore) continue;
    const given = daily[r];
    const diff = now - before;
    if (Number.isFinite(given) && Number.isFinite(diff) && given !== diff) {
      failed = true;
      const label = FIELD_LABEL[DAILY_FIELD[field]];
      issues.push(
        issue(
          "dailyMismatch",
          row,
          DAILY_FIELD[field],
          {
            zh: `${label.zh}（${formatCount(given)}）与${FIELD_LABEL[field].zh}之差（${formatCount(now)} − ${formatCount(before)} = ${formatCount(diff)}）不符，请核对当日数或累计数`,
            en: `${label.en} (${formatCount(given)}) disagrees with the change in ${FIELD_LABEL[field].en} (${formatCount(now)} − ${formatCount(before)} = ${formatCount(diff)}); check the daily or the cumulative figure`,
          },
          "error",
          [
            { row, field },
            { row: prevRow, field },
          ]
        )
      );
    }
  }
  return failed;
}

/** The daily column of a dose field, or null when the table has none. */
export function dailyColumn(c: ProgressColumns, field: DoseField): Float64Array | null {
  return c[DAILY_FIELD[field]];
}

function sortByDate(order: Int32Array, s: number, e: number, date: Float64Array): void {
  let sorted = true;
  for (let i = s + 1; i < e && sorted; i++) {
    const a = date[order[i - 1]];
    const b = date[order[i]];
    if (a > b || (a === b && order[i - 1] > order[i])) sorted = false;
  }
  if (sorted) return;
  order.subarray(s, e).sort((a, b) => date[a] - date[b] || a - b);
}

function requiredIssue(row: number, field: ProgressField): CoreIssue {
  const label = FIELD_LABEL[field];
  return issue("required", row, field, {
    zh: `“${label.zh}”不能为空，请填写`,
    en: `"${label.zh}" (${label.en}) is required; fill it in`,
  });
}

function countyIssue(row: number, township: string, ambiguous: boolean): CoreIssue {
  return issue(
    "countyMissing",
    row,
    "county",
    ambiguous
      ? {
          zh: `县(区)为空，而“${township}”在多个县(区)下出现，无法确定所属县(区)，此行未计算；请填写县(区)`,
          en: `County is blank and "${township}" appears under several counties, so this row was left out; fill in the county`,
        }
      : {
          zh: `县(区)为空，其他行也未写明“${township}”所属县(区)，此行未计算；请填写县(区)`,
          en: `County is blank and no other row gives the county of "${township}", so this row was left out; fill in the county`,
        }
  );
}

function duplicateIssue(row: number, laterRow: number, agree: boolean): CoreIssue {
  return agree
    ? issue(
        "duplicateRow",
        row,
        "date",
        {
          zh: `与第 ${laterRow} 行的日期、乡镇、人群和数字都相同，只计一次；请删除重复的一行`,
          en: `Same date, township, group and figures as row ${laterRow}; counted once. Delete one of them`,
        },
        "warning",
        [{ row: laterRow, field: "date" }]
      )
    : issue(
        "duplicateRow",
        row,
        "date",
        {
          zh: `与第 ${laterRow} 行的日期、乡镇、人群相同而数字不同，无法确定哪一行正确，该乡镇该人群当日数据待核实，未参与排名；请删除错误的一行`,
          en: `Same date, township and group as row ${laterRow} but different figures; neither can be trusted, so this township's group is held out of the ranking as 待核实 for that day. Delete the wrong row`,
        },
        "error",
        [{ row: laterRow, field: "date" }]
      );
}
