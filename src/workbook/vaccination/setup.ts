/**
 * The input sheet of the vaccination capability, created by 初始化工作簿 when
 * it is absent: 接种进度 with its title, header and formats. A sheet that
 * exists is left as it is.
 */
import { rangeAddress } from "../a1";
import type { WriteOp } from "../plan";
import type { WorkbookSnapshot } from "../snapshot";
import { HEADER_FILL, INPUT_HEADER_FONT, TITLE_FONT_SIZE } from "../styles";
import { PROGRESS_SHEET, PROGRESS_TABLE } from "./spec";

/** The sheets setupVaccinationSheets needs in the snapshot. */
export const SETUP_READS: readonly string[] = [PROGRESS_SHEET];

/** The columns a new 接种进度 sheet starts with; the optional daily columns can be added by the clerk. */
const SETUP_COLUMNS = ["date", "county", "township", "group", "target", "first", "full", "booster"];

/** Rows below the header that get the columns' number formats in a new sheet. */
const FORMATTED_ROWS = 1000;

const WIDTHS: Readonly<Record<string, number>> = {
  date: 80,
  county: 70,
  township: 80,
  group: 70,
  target: 75,
  first: 80,
  full: 75,
  booster: 80,
};

/**
 * Ops that create 接种进度 when the workbook lacks it; none when it exists.
 *
 * @example
 * setupVaccinationSheets({ sheetNames: [], sheets: {}, names: {} })[0]
 * //=> { kind: "ensureSheet", sheet: "接种进度" }
 * setupVaccinationSheets({ sheetNames: ["接种进度"], sheets: {}, names: {} }) //=> []
 */
export function setupVaccinationSheets(snapshot: WorkbookSnapshot): WriteOp[] {
  if (snapshot.sheetNames.includes(PROGRESS_SHEET)) return [];
  const columns = SETUP_COLUMNS.map(
    (key) =>
      PROGRESS_TABLE.columns.find((c) => c.key === key) as (typeof PROGRESS_TABLE.columns)[number]
  );
  const last = columns.length;
  return [
    { kind: "ensureSheet", sheet: PROGRESS_SHEET },
    {
      kind: "block",
      sheet: PROGRESS_SHEET,
      row: 1,
      column: 1,
      cells: [[PROGRESS_TABLE.title ?? PROGRESS_SHEET], columns.map((c) => c.zh)],
    },
    {
      kind: "block",
      sheet: PROGRESS_SHEET,
      row: 3,
      column: 1,
      cells: Array.from({ length: FORMATTED_ROWS }, () => columns.map(() => null)),
      numberFormats: { byColumn: columns.map((c) => c.numberFormat ?? null) },
    },
    {
      kind: "style",
      sheet: PROGRESS_SHEET,
      range: rangeAddress(1, 1, 1, last),
      bold: true,
      fontSize: TITLE_FONT_SIZE,
      merge: true,
    },
    {
      kind: "style",
      sheet: PROGRESS_SHEET,
      range: rangeAddress(2, 1, 2, last),
      bold: true,
      fill: HEADER_FILL,
      fontColor: INPUT_HEADER_FONT,
      border: true,
      horizontalAlignment: "Center",
    },
    {
      kind: "columnWidths",
      sheet: PROGRESS_SHEET,
      widths: columns.map((c, i) => ({ column: i + 1, width: WIDTHS[c.key] ?? 75 })),
    },
    { kind: "freeze", sheet: PROGRESS_SHEET, rows: 2 },
  ];
}
