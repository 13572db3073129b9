/**
 * Appending rows to 报送记录. The stockpile import (导入填报) records each
 * returned template as a report received through appendReportRecordOps, so
 * both capabilities agree on the columns.
 */
import type { DateSerial } from "../../core/dates";
import type { ReportKind } from "../../core/reporting/dailyReportingStatus";
import { cellAddress } from "../a1";
import type { CellValue } from "../cells";
import { detectHeader } from "../headers";
import type { CellIssue } from "../issues";
import type { WriteOp } from "../plan";
import type { WorkbookSnapshot } from "../snapshot";
import { inputSheetOps, INPUT_HEADER_ROW } from "./setup";
import { RECORDS_SHEET, RECORDS_SPEC } from "./specs";

/** One report received, as 报送记录 holds it. */
export interface ReportRecordInput {
  /** 日期: the day reported on (serial). */
  date: DateSerial;
  /** 单位, as written on the 填报单位 roster. */
  unit: string;
  /** 报送时间: date and time received (serial with fraction), e.g. the clerk's clock at import. */
  time: DateSerial;
  /** 报告类型 (default 正常). */
  type?: ReportKind;
  /** 备注, e.g. `导入填报：城关镇.xlsx`. */
  note?: string | null;
}

/** The field keys of 报送记录 in the order the add-in writes them: 日期, 单位, 报送时间, 报告类型, 备注. */
export const REPORT_RECORD_COLUMN_ORDER = ["date", "unit", "time", "type", "note"] as const;

/**
 * Returns one 报送记录 row as cell values, in REPORT_RECORD_COLUMN_ORDER.
 *
 * @example
 * reportRecordRow({ date: 44581, unit: "城关镇", time: 44581.39, note: "导入填报：城关镇.xlsx" })
 * //=> [44581, "城关镇", 44581.39, "正常", "导入填报：城关镇.xlsx"]
 */
export function reportRecordRow(record: ReportRecordInput): CellValue[] {
  return [
    Math.floor(record.date),
    record.unit,
    record.time,
    record.type ?? "正常",
    record.note ?? null,
  ];
}

/**
 * Returns the ops that append reports to 报送记录 below its last used row,
 * each value in the column its header names (user columns such as 序号 stay
 * untouched, and a sheet whose columns are in another order is respected).
 * Creates the sheet, laid out as setupReportingSheets would, when absent.
 * The snapshot must include 报送记录. Text is written as plain values, never
 * as formulas.
 *
 * @example
 * appendReportRecordOps(snapshotWith报送记录, [{ date: 44581, unit: "城关镇", time: 44581.39 }]).ops
 * //=> [{ kind: "block", sheet: "报送记录", row: 12, column: 1, cells: [[44581, "城关镇", 44581.39, "正常", null]], … }]
 */
export function appendReportRecordOps(
  snapshot: WorkbookSnapshot,
  records: readonly ReportRecordInput[]
): { ops: WriteOp[]; issues: CellIssue[] } {
  if (records.length === 0) return { ops: [], issues: [] };
  const sheet = snapshot.sheets[RECORDS_SHEET] ?? snapshot.sheets[RECORDS_SPEC.en];
  const rows = records.map(reportRecordRow);
  if (!sheet) {
    const ops = inputSheetOps(RECORDS_SPEC);
    ops.push(...recordsBlocks(RECORDS_SHEET, INPUT_HEADER_ROW + 1, defaultColumns(), rows));
    return { ops, issues: [] };
  }
  const header = detectHeader(RECORDS_SPEC, sheet.values);
  const missing = header?.missing.filter((c) => c.required) ?? [];
  if (!header || missing.length > 0) {
    return {
      ops: [],
      issues: [
        {
          code: "recordsHeaderNotFound",
          severity: "error",
          sheet: sheet.name,
          cell: cellAddress(header?.headerRow ?? 1, 1),
          message: {
            zh: `“${sheet.name}”中未找到完整表头（日期、单位、报送时间），未能登记报送记录；请补齐表头后重新导入`,
            en: `"${sheet.name}" has no complete header (日期, 单位, 报送时间), so the reports were not logged; fix the header and import again`,
          },
        },
      ],
    };
  }
  const next = Math.max(sheet.values.length, header.headerRow) + 1;
  return { ops: recordsBlocks(sheet.name, next, header.columns, rows), issues: [] };
}

function defaultColumns(): Map<string, number> {
  return new Map(REPORT_RECORD_COLUMN_ORDER.map((key, i) => [key, i + 1]));
}

/** One block per run of adjacent records columns, so a user column between them (序号, 审核人…) is never written. */
function recordsBlocks(
  sheet: string,
  row: number,
  columns: ReadonlyMap<string, number>,
  rows: CellValue[][]
): WriteOp[] {
  const present = REPORT_RECORD_COLUMN_ORDER.map((key, i) => ({
    i,
    column: columns.get(key),
    format: RECORDS_SPEC.columns.find((c) => c.key === key)?.numberFormat ?? null,
  }))
    .filter((x): x is { i: number; column: number; format: string | null } => !!x.column)
    .sort((a, b) => a.column - b.column);
  const runs: (typeof present)[] = [];
  for (const p of present) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1].column === p.column - 1) run.push(p);
    else runs.push([p]);
  }
  return runs.map((run) => ({
    kind: "block",
    sheet,
    row,
    column: run[0].column,
    cells: rows.map((values) => run.map((p) => values[p.i])),
    numberFormats: { byColumn: run.map((p) => p.format) },
  }));
}
