/**
 * Creates the isolation input sheets when they are absent: 隔离床位 and
 * 返乡人员, each with its title, input header, column widths, frozen header
 * and number formats. The ID number and phone columns of 返乡人员 are
 * formatted as text, so Excel keeps all 18 digits of an ID number.
 */
import { rangeAddress } from "../a1";
import type { WriteOp } from "../plan";
import type { TableSpec } from "../schema";
import type { WorkbookSnapshot } from "../snapshot";
import { HEADER_FILL, INPUT_HEADER_FONT, TITLE_FONT_SIZE } from "../styles";
import { BEDS_SHEET, BEDS_TABLE, RETURNEES_SHEET, RETURNEES_TABLE } from "./specs";

/** The sheets setupIsolationSheets looks at. */
export const SETUP_READS: readonly string[] = [
  BEDS_SHEET,
  BEDS_TABLE.en,
  RETURNEES_SHEET,
  RETURNEES_TABLE.en,
];

/** Data rows given the column number formats when a sheet is created. */
export const FORMATTED_ROWS = 1000;

interface SheetLayout {
  spec: TableSpec;
  /** Input column keys in sheet order (县(区) is left out: add it to group townships). */
  keys: readonly string[];
  widths: readonly number[];
  /** Number format per column for the data rows; null leaves General. */
  formats: readonly (string | null)[];
}

const LAYOUTS: readonly SheetLayout[] = [
  {
    spec: BEDS_TABLE,
    keys: ["township", "population", "existingBeds", "backupBeds"],
    widths: [100, 80, 75, 75],
    formats: [null, "#,##0", "0", "0"],
  },
  {
    spec: RETURNEES_TABLE,
    keys: ["name", "idNumber", "phone", "township", "risk", "arrival", "method"],
    widths: [70, 150, 100, 80, 100, 85, 65],
    formats: ["@", "@", "@", "@", null, "yyyy-mm-dd", null],
  },
];

/**
 * The ops that create the isolation input sheets that are absent; nothing for
 * a sheet that exists (under its Chinese or English name).
 *
 * @example
 * setupIsolationSheets({ sheetNames: [], sheets: {}, names: {} })[0]
 * //=> { kind: "ensureSheet", sheet: "隔离床位" }
 * setupIsolationSheets({ sheetNames: ["隔离床位", "返乡人员"], sheets: {...}, names: {} })
 * //=> []
 */
export function setupIsolationSheets(snapshot: WorkbookSnapshot): WriteOp[] {
  const ops: WriteOp[] = [];
  for (const layout of LAYOUTS) {
    const { spec } = layout;
    if (snapshot.sheetNames.includes(spec.sheet) || snapshot.sheetNames.includes(spec.en)) continue;
    const sheet = spec.sheet;
    const width = layout.keys.length;
    const headers = layout.keys.map((k) => spec.columns.find((c) => c.key === k)?.zh ?? k);
    ops.push(
      { kind: "ensureSheet", sheet },
      { kind: "block", sheet, row: 1, column: 1, cells: [[spec.title ?? sheet]] },
      { kind: "block", sheet, row: 2, column: 1, cells: [headers] },
      {
        kind: "block",
        sheet,
        row: 3,
        column: 1,
        cells: Array.from({ length: FORMATTED_ROWS }, () => headers.map(() => null)),
        numberFormats: { byColumn: [...layout.formats] },
      },
      {
        kind: "style",
        sheet,
        range: rangeAddress(1, 1, 1, width),
        bold: true,
        fontSize: TITLE_FONT_SIZE,
        merge: true,
      },
      {
        kind: "style",
        sheet,
        range: rangeAddress(2, 1, 2, width),
        bold: true,
        fill: HEADER_FILL,
        fontColor: INPUT_HEADER_FONT,
        border: true,
      },
      {
        kind: "columnWidths",
        sheet,
        widths: layout.widths.map((w, i) => ({ column: i + 1, width: w })),
      },
      { kind: "freeze", sheet, rows: 2 }
    );
  }
  return ops;
}
