/**
 * The 参数 sheet as 初始化工作簿 makes it, and as every command's prelude
 * makes it quietly when the sheet or one of its names is missing: one named
 * cell per norm. An existing sheet keeps every value the user edited; only
 * absent rows (appended below the last used row) and names are added.
 */
import { cellAddress, rangeAddress } from "../a1";
import type { CellValue } from "../cells";
import type { Lang } from "../command";
import type { CellIssue } from "../issues";
import {
  PARAMS,
  PARAMS_HEADER_ROW,
  PARAMS_SHEET,
  PARAMS_TABLE,
  PARAM_VALUE_COLUMN,
  formatDefault,
  readParams,
  type ParamSpec,
} from "../params";
import type { WriteOp } from "../plan";
import { usedRows, type WorkbookSnapshot } from "../snapshot";
import { HEADER_FILL, INPUT_HEADER_FONT, TITLE_FONT_SIZE } from "../styles";

export interface ParamsSheetPlan {
  ops: WriteOp[];
  /** Parameters whose rows were added. */
  added: ParamSpec[];
  /** Unreadable values on the sheet. */
  issues: CellIssue[];
}

/**
 * Plans the 参数 sheet: created whole when absent, completed when present.
 *
 * @example
 * planParamsSheet({ sheetNames: [], sheets: {}, names: {} }, "zh").added.length //=> 14
 */
export function planParamsSheet(snapshot: WorkbookSnapshot, lang: Lang): ParamsSheetPlan {
  const sheet = snapshot.sheets[PARAMS_SHEET];
  const { found, issues } = readParams(sheet);
  const ops: WriteOp[] = [{ kind: "ensureSheet", sheet: PARAMS_SHEET }];
  const lastCol = PARAMS_TABLE.columns.length;
  let added: ParamSpec[];
  let firstNewRow: number;
  if (!sheet) {
    ops.push(
      {
        kind: "block",
        sheet: PARAMS_SHEET,
        row: 1,
        column: 1,
        cells: [[PARAMS_TABLE.title ?? PARAMS_SHEET]],
      },
      {
        kind: "block",
        sheet: PARAMS_SHEET,
        row: PARAMS_HEADER_ROW,
        column: 1,
        cells: [PARAMS_TABLE.columns.map((c) => c.zh)],
      },
      {
        kind: "style",
        sheet: PARAMS_SHEET,
        range: rangeAddress(1, 1, 1, lastCol),
        bold: true,
        fontSize: TITLE_FONT_SIZE,
        merge: true,
      },
      {
        kind: "style",
        sheet: PARAMS_SHEET,
        range: rangeAddress(PARAMS_HEADER_ROW, 1, PARAMS_HEADER_ROW, lastCol),
        bold: true,
        fill: HEADER_FILL,
        fontColor: INPUT_HEADER_FONT,
        border: true,
      },
      {
        kind: "columnWidths",
        sheet: PARAMS_SHEET,
        widths: [
          { column: 1, width: 150 },
          { column: 2, width: 80 },
          { column: 3, width: 60 },
          { column: 4, width: 420 },
          { column: 5, width: 70 },
        ],
      },
      { kind: "freeze", sheet: PARAMS_SHEET, rows: PARAMS_HEADER_ROW }
    );
    added = [...PARAMS];
    firstNewRow = PARAMS_HEADER_ROW + 1;
  } else {
    added = PARAMS.filter((p) => !found.has(p.key));
    firstNewRow = usedRows(sheet) + 1;
  }
  if (added.length > 0) {
    ops.push({
      kind: "block",
      sheet: PARAMS_SHEET,
      row: firstNewRow,
      column: 1,
      cells: added.map((p) => paramRow(p, lang)),
      numberFormats: added.map((p) => [null, p.numberFormat ?? "General", null, null, null]),
    });
  }
  const rowOf = new Map<string, number>();
  for (const [key, cell] of found) rowOf.set(key, cell.row);
  added.forEach((p, i) => rowOf.set(p.key, firstNewRow + i));
  for (const p of PARAMS) {
    const row = rowOf.get(p.key) as number;
    ops.push({
      kind: "defineName",
      name: p.name,
      sheet: PARAMS_SHEET,
      cell: cellAddress(row, PARAM_VALUE_COLUMN),
      comment: p.note.zh,
    });
  }
  return { ops, added, issues };
}

/** True when the 参数 sheet or one of its names is missing, so the formulas could not refer to them. */
export function paramsIncomplete(snapshot: WorkbookSnapshot): boolean {
  return !snapshot.sheets[PARAMS_SHEET] || PARAMS.some((p) => snapshot.names[p.name] === undefined);
}

function paramRow(p: ParamSpec, lang: Lang): CellValue[] {
  return [
    p.name,
    p.default,
    p.unit,
    lang === "zh" ? p.note.zh : `${p.note.zh} / ${p.note.en}`,
    formatDefault(p),
  ];
}
