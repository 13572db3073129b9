/**
 * 初始化工作簿: creates the 参数 sheet with one named cell per norm, and the
 * empty input sheets of every capability (物资目录 with its default items).
 * Run again, it keeps every value the user edited and adds only what is
 * missing: absent parameter rows (appended below the last used row), absent
 * names and absent sheets. Only 参数 is read: the other sheets' existence is
 * known from the sheet list, so a huge 接种进度 is never loaded here.
 */
import { cellAddress, rangeAddress } from "../a1";
import type { CellValue } from "../cells";
import type { Command, CommandInput, CommandResult } from "../command";
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
import { usedRows } from "../snapshot";
import { setupIsolationSheets } from "../isolation/setup";
import { setupReportingSheets } from "../reporting/setup";
import { setupStockpileSheets } from "../stockpile/setup";
import { HEADER_FILL, INPUT_HEADER_FONT, TITLE_FONT_SIZE } from "../styles";
import { setupVaccinationSheets } from "../vaccination/setup";

export const initWorkbook: Command = {
  id: "initWorkbook",
  label: { zh: "初始化工作簿", en: "Set up workbook" },
  reads: () => [PARAMS_SHEET],
  run: planInitWorkbook,
};

/**
 * Plans the 参数 sheet.
 *
 * @example
 * planInitWorkbook({ snapshot: emptyWorkbook, ... }).ops[0]
 * //=> { kind: "ensureSheet", sheet: "参数" }
 */
export function planInitWorkbook(input: CommandInput): CommandResult {
  const sheet = input.snapshot.sheets[PARAMS_SHEET];
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
      cells: added.map((p) => paramRow(p, input.lang)),
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
  const setup = [
    ...setupStockpileSheets(input.snapshot),
    ...setupIsolationSheets(input.snapshot),
    ...setupVaccinationSheets(input.snapshot),
    ...setupReportingSheets(input.snapshot),
  ];
  ops.push(...setup);
  const createdSheets = setup.filter((o) => o.kind === "ensureSheet").map((o) => o.sheet);
  const paramSummary =
    added.length === PARAMS.length
      ? {
          zh: `已创建“参数”工作表，共 ${added.length} 项参数`,
          en: `Created the 参数 sheet with ${added.length} parameters`,
        }
      : added.length > 0
        ? {
            zh: `已补充 ${added.length} 项缺失参数，已有的值保持不变`,
            en: `Added ${added.length} missing parameters; existing values kept`,
          }
        : { zh: "参数表已完整", en: "The 参数 sheet is complete" };
  const summary =
    createdSheets.length > 0
      ? {
          zh: `${paramSummary.zh}；已创建输入表：${createdSheets.join("、")}`,
          en: `${paramSummary.en}; created input sheets: ${createdSheets.join(", ")}`,
        }
      : added.length === 0
        ? { zh: "工作簿已完整，未作改动", en: "The workbook is complete; nothing changed" }
        : paramSummary;
  return {
    ops,
    issues,
    summary,
    focus: { sheet: PARAMS_SHEET, cell: cellAddress(PARAMS_HEADER_ROW + 1, PARAM_VALUE_COLUMN) },
  };
}

function paramRow(p: ParamSpec, lang: "zh" | "en"): CellValue[] {
  return [
    p.name,
    p.default,
    p.unit,
    lang === "zh" ? p.note.zh : `${p.note.zh} / ${p.note.en}`,
    formatDefault(p),
  ];
}
