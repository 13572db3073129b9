/**
 * Creates the daily-reporting input sheets (填报单位, 报送记录) when absent:
 * title row, input header row, column widths, frozen header and number
 * formats. A sheet that exists (under its Chinese or English name) is left
 * alone. 初始化工作簿 runs this with a snapshot of SETUP_READS.
 */
import { rangeAddress } from "../a1";
import type { WriteOp } from "../plan";
import type { TableSpec } from "../schema";
import type { WorkbookSnapshot } from "../snapshot";
import { HEADER_FILL, INPUT_HEADER_FONT, TITLE_FONT_SIZE } from "../styles";
import { RECORDS_SPEC, ROSTER_SPEC } from "./specs";

/** The sheets setupReportingSheets needs in its snapshot (it only checks they exist). */
export const SETUP_READS: readonly string[] = [ROSTER_SPEC.sheet, RECORDS_SPEC.sheet];

/** Header row of the sheets the add-in creates; data start on the row below. */
export const INPUT_HEADER_ROW = 2;

/** Empty rows given the columns' number formats when a sheet is created. */
export const FORMATTED_ROWS = 500;

/** Column widths in points, by column key. */
const WIDTHS: Readonly<Record<string, number>> = {
  unit: 140,
  category: 110,
  parent: 100,
  contact: 70,
  phone: 110,
  daily: 100,
  startDate: 90,
  date: 90,
  time: 120,
  type: 70,
  note: 220,
};

/**
 * Returns the ops that create 填报单位 and 报送记录 when they are absent, and
 * nothing for a sheet already present.
 *
 * @example
 * setupReportingSheets({ sheetNames: [], sheets: {}, names: {} })[0]
 * //=> { kind: "ensureSheet", sheet: "填报单位" }
 * setupReportingSheets({ sheetNames: ["填报单位", "报送记录"], sheets: {}, names: {} }) //=> []
 */
export function setupReportingSheets(snapshot: WorkbookSnapshot): WriteOp[] {
  return [ROSTER_SPEC, RECORDS_SPEC].flatMap((spec) =>
    sheetExists(snapshot, spec) ? [] : inputSheetOps(spec)
  );
}

/** True when the workbook has the spec's sheet under its Chinese or English name. */
export function sheetExists(snapshot: WorkbookSnapshot, spec: TableSpec): boolean {
  return snapshot.sheetNames.includes(spec.sheet) || snapshot.sheetNames.includes(spec.en);
}

/**
 * The ops that lay out an empty input sheet for a spec: title in row 1,
 * header in row 2, data from row 3.
 */
export function inputSheetOps(spec: TableSpec): WriteOp[] {
  const sheet = spec.sheet;
  const last = spec.columns.length;
  const first = INPUT_HEADER_ROW + 1;
  const ops: WriteOp[] = [
    { kind: "ensureSheet", sheet },
    { kind: "block", sheet, row: 1, column: 1, cells: [[spec.title ?? sheet]] },
    {
      kind: "block",
      sheet,
      row: INPUT_HEADER_ROW,
      column: 1,
      cells: [spec.columns.map((c) => c.zh)],
    },
    {
      kind: "style",
      sheet,
      range: rangeAddress(1, 1, 1, last),
      bold: true,
      fontSize: TITLE_FONT_SIZE,
      merge: true,
    },
    {
      kind: "style",
      sheet,
      range: rangeAddress(INPUT_HEADER_ROW, 1, INPUT_HEADER_ROW, last),
      bold: true,
      fill: HEADER_FILL,
      fontColor: INPUT_HEADER_FONT,
      border: true,
      wrap: true,
    },
    {
      kind: "columnWidths",
      sheet,
      widths: spec.columns.map((c, i) => ({ column: i + 1, width: WIDTHS[c.key] ?? 90 })),
    },
    { kind: "freeze", sheet, rows: INPUT_HEADER_ROW },
  ];
  spec.columns.forEach((c, i) => {
    if (!c.numberFormat) return;
    ops.push({
      kind: "block",
      sheet,
      row: first,
      column: i + 1,
      cells: Array.from({ length: FORMATTED_ROWS }, () => [null]),
      numberFormats: { byColumn: [c.numberFormat] },
    });
  });
  return ops;
}
