/**
 * Reading 填报单位 and 报送记录 into the records the core calculation takes,
 * with every problem as a CellIssue naming the sheet and cell.
 */
import { isoFromSerial, type DateSerial } from "../../core/dates";
import type { CoreIssue, Message } from "../../core/issue";
import type {
  ReportKind,
  ReportingUnit,
  ReportRecord,
} from "../../core/reporting/dailyReportingStatus";
import type { FigureCell } from "../../core/reporting/zeroReportFigures";
import { cellAddress } from "../a1";
import { isBlank, readDateTime, readText, readTime, toHalfWidth, type CellValue } from "../cells";
import { toCellIssue, type CellIssue } from "../issues";
import { parseTable, type ParsedTable } from "../parse";
import type { TableSpec } from "../schema";
import type { SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { RECORDS_SPEC, ROSTER_SPEC } from "./specs";

/** What was read from one input sheet: the records, the issues, and the column of each field (for mapping core issues to cells). */
export interface ReadSheet<T> {
  /** The sheet's name in the workbook, or undefined when it is absent. */
  sheet?: string;
  items: T[];
  issues: CellIssue[];
  columns: Map<string, number>;
}

/**
 * Finds a spec's sheet in a snapshot by its Chinese or English name.
 *
 * @example
 * findSheet(snapshot, ROSTER_SPEC)?.name //=> "填报单位"
 */
export function findSheet(snapshot: WorkbookSnapshot, spec: TableSpec): SheetSnapshot | undefined {
  return snapshot.sheets[spec.sheet] ?? snapshot.sheets[spec.en];
}

/**
 * Reads the 填报单位 roster. Rows without a unit name are skipped (the parse
 * issue says so); an unreadable 单位类别 leaves the unit 未分类 and an
 * unreadable 是否需每日报送 counts it as 是, so the unit is still expected.
 *
 * @example
 * readRoster(snapshot).items[0] //=> { row: 3, name: "县交通运输局", category: "县直部门", daily: true, … }
 */
export function readRoster(snapshot: WorkbookSnapshot): ReadSheet<ReportingUnit> {
  const sheet = findSheet(snapshot, ROSTER_SPEC);
  if (!sheet) return { items: [], issues: [], columns: new Map() };
  const parsed = parseTable(ROSTER_SPEC, sheet.values, {
    sheet: sheet.name,
    formulas: sheet.formulas,
  });
  const items: ReportingUnit[] = [];
  for (const { row, values } of parsed.rows) {
    const name = (values.unit as string | undefined) ?? null;
    if (name === null) continue;
    items.push({
      row,
      name,
      category: (values.category as string | undefined) ?? null,
      parent: (values.parent as string | undefined) ?? null,
      contact: (values.contact as string | undefined) ?? null,
      phone: (values.phone as string | undefined) ?? null,
      daily: values.daily !== "否",
      startDate: (values.startDate as number | undefined) ?? null,
    });
  }
  return { sheet: sheet.name, items, issues: parsed.issues, columns: columnsOf(parsed) };
}

/**
 * Reads the 报送记录 log. 报送时间 may be a full date and time or a time of
 * day alone (then it is on the row's 日期); an unreadable one gives a
 * `badReportTime` issue and the report still counts, with its timeliness
 * unknown. Rows without a readable 日期 or 单位 are skipped (the parse issue
 * says so). A blank 报告类型 is 正常. The values of user columns are kept as
 * `extras`, to check zero reports for figures.
 *
 * @example
 * readRecords(snapshot).items[0] //=> { row: 3, date: 44581, unit: "城关镇", receivedAt: 44581.375, kind: "正常", … }
 */
export function readRecords(snapshot: WorkbookSnapshot): ReadSheet<ReportRecord> {
  const sheet = findSheet(snapshot, RECORDS_SPEC);
  if (!sheet) return { items: [], issues: [], columns: new Map() };
  // 报送时间 is read here rather than by parseTable, because a time of day alone needs the row's 日期.
  const parsed = parseTable(TIME_AS_TEXT, sheet.values, {
    sheet: sheet.name,
    formulas: sheet.formulas,
  });
  const columns = columnsOf(parsed);
  const timeColumn = columns.get("time");
  const extraColumns = parsed.header?.extra ?? [];
  for (const e of extraColumns) columns.set(extraField(e.column), e.column);
  const issues = [...parsed.issues];
  const items: ReportRecord[] = [];
  for (const { row, values } of parsed.rows) {
    const date = (values.date as number | undefined) ?? null;
    const unit = (values.unit as string | undefined) ?? null;
    if (date === null || unit === null) continue;
    const line = sheet.values[row - 1] ?? [];
    let receivedAt: DateSerial | null = null;
    if (timeColumn !== undefined) {
      const raw = line[timeColumn - 1];
      const time = readReportTime(raw, date);
      if (time.ok) receivedAt = time.value;
      else if (!isBlank(raw))
        issues.push({
          code: "badReportTime",
          severity: "error",
          sheet: sheet.name,
          cell: cellAddress(row, timeColumn),
          message: time.error,
        });
    }
    const extras: FigureCell[] = extraColumns.map((e) => ({
      field: extraField(e.column),
      header: e.header,
      value: figureValue(line[e.column - 1]),
    }));
    items.push({
      row,
      date,
      unit,
      receivedAt,
      kind: (values.type as ReportKind | null) ?? "正常",
      note: (values.note as string | undefined) ?? null,
      extras,
    });
  }
  return { sheet: sheet.name, items, issues, columns };
}

/**
 * Reads a 报送时间 cell for a report dated `date`: a date and time (text or
 * serial), or a time of day alone (`9:30`, `9时30分`, a fraction of a day),
 * which is then on `date`. A date without a time is not accepted: timeliness
 * needs the time.
 *
 * @example
 * readReportTime("2022/1/20 9:30", 44581) //=> { ok: true, value: 44581.395833… }
 * readReportTime("9:30", 44581)           //=> { ok: true, value: 44581.395833… }
 * readReportTime(0.5, 44581)              //=> { ok: true, value: 44581.5 }
 * readReportTime("2022/1/20", 44581)      //=> { ok: false, error: {…} }
 */
export function readReportTime(
  raw: CellValue | undefined,
  date: DateSerial
): { ok: true; value: DateSerial } | { ok: false; error: Message } {
  if (raw === undefined || raw === null || typeof raw === "boolean" || isBlank(raw))
    return { ok: false, error: unreadableTime(raw) };
  if (typeof raw === "number") {
    if (raw >= 0 && raw < 1) return { ok: true, value: Math.floor(date) + raw };
    const full = readDateTime(raw);
    if (!full.ok || full.value === null) return { ok: false, error: unreadableTime(raw) };
    if (Number.isInteger(full.value)) return { ok: false, error: dateWithoutTime(raw) };
    return { ok: true, value: full.value };
  }
  const text = toHalfWidth(raw).trim();
  const full = readDateTime(text);
  if (full.ok && full.value !== null) {
    if (Number.isInteger(full.value) && !/[:时点]/.test(text))
      return { ok: false, error: dateWithoutTime(raw) };
    return { ok: true, value: full.value };
  }
  const time = readTime(text);
  if (time.ok && time.value !== null) return { ok: true, value: Math.floor(date) + time.value };
  return { ok: false, error: unreadableTime(raw) };
}

/**
 * Turns core issues into cell issues on a sheet read by this module.
 *
 * @example
 * cellIssues(coreIssues, roster) //=> [{ sheet: "填报单位", cell: "A7", … }]
 */
export function cellIssues(core: readonly CoreIssue[], read: ReadSheet<unknown>): CellIssue[] {
  return core.map((i) => toCellIssue(i, read.sheet ?? "", read.columns));
}

/** 报送记录 with 报送时间 taken as text, so parseTable reports only a blank time. */
const TIME_AS_TEXT: TableSpec = {
  ...RECORDS_SPEC,
  columns: RECORDS_SPEC.columns.map((c) => (c.key === "time" ? { ...c, type: "text" } : c)),
};

function columnsOf(parsed: ParsedTable): Map<string, number> {
  return new Map(parsed.header?.columns ?? []);
}

function extraField(column: number): string {
  return `extra:${column}`;
}

function figureValue(cell: CellValue | undefined): string | number | null {
  if (typeof cell === "number") return cell;
  if (typeof cell === "string") return readText(cell);
  return null;
}

function unreadableTime(raw: CellValue | undefined): Message {
  const text = raw === null || raw === undefined ? "" : String(raw);
  return {
    zh: `“${text}”不是有效的报送时间，请写成 2022/1/20 9:30 或 9:30；该报告仍计为已报，但无法判断是否按时`,
    en: `"${text}" is not a valid time received; write 2022/1/20 9:30 or 9:30. The report still counts as received, but whether it was on time cannot be judged`,
  };
}

function dateWithoutTime(raw: CellValue): Message {
  const shown = typeof raw === "number" ? isoFromSerial(raw) : raw;
  return {
    zh: `报送时间“${shown}”只有日期没有时间，请补上收到的时间，如 ${shown} 9:30；该报告仍计为已报，但无法判断是否按时`,
    en: `The time received "${shown}" has a date but no time; add the time, e.g. ${shown} 9:30. The report still counts as received, but whether it was on time cannot be judged`,
  };
}
