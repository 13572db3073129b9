/**
 * Reading 物资储备 into records as its formulas see the cells, and planning
 * the output columns: where they go, the formula and computed value of every
 * output cell, and which output cells a person typed over.
 */
import type { ReserveLine, ReserveRecord } from "../../core/stockpile/reserveLines";
import { cellAddress, columnLetters, rangeAddress } from "../a1";
import { isBlank, type CellValue } from "../cells";
import type { HistoryEntry } from "../history";
import type { CellIssue } from "../issues";
import { parseTable, type ParsedTable } from "../parse";
import type { CellWrite, WriteOp } from "../plan";
import type { ColumnSpec } from "../schema";
import { formulaAt, type SheetSnapshot } from "../snapshot";
import {
  BAD_FILL,
  BAD_FONT,
  GOOD_FILL,
  GOOD_FONT,
  OUTPUT_HEADER_FILL,
  OUTPUT_HEADER_FONT,
  WARN_FILL,
  WARN_FONT,
} from "../styles";
import type { CatalogueColumns } from "./catalogue";
import {
  OUTPUT_KEYS,
  reserveFormulaBuilder,
  type OutputKey,
  type ReserveFormulaLayout,
} from "./formulas";
import { formulaN, formulaNumber, formulaTrim, isNumberText } from "./sheetValues";
import { CATALOGUE_SHEET, STOCKPILE_SHEET, STOCKPILE_TABLE } from "./specs";

export interface ReserveRead {
  parsed: ParsedTable;
  records: ReserveRecord[];
  /** Parse issues plus the stockpile's own checks of single cells. */
  issues: CellIssue[];
  /** False when a column the formulas need is missing (then no output is written). */
  computable: boolean;
}

const NUMBER_KEYS = ["persons", "normOverride", "stock", "inTransit"] as const;
/** Input columns the formulas cannot do without. */
const NEEDED_KEYS = ["unit", "category", "item", "persons", "stock"] as const;

/**
 * Reads 物资储备.
 *
 * @example
 * readReserve(sheetFromValues("物资储备", [["单位", "单位类别", "物资名称", "保障人数", "现有库存"],
 *   ["城关镇", "乡镇", "医用外科口罩", 50, 2400]])).records[0].persons //=> 50
 */
export function readReserve(sheet: SheetSnapshot): ReserveRead {
  const parsed = parseTable(STOCKPILE_TABLE, sheet.values, {
    sheet: STOCKPILE_SHEET,
    formulas: sheet.formulas,
  });
  const issues = [...parsed.issues];
  const header = parsed.header;
  if (!header) return { parsed, records: [], issues, computable: false };
  const columns = header.columns;
  for (const key of ["persons", "stock"] as const) {
    if (columns.has(key)) continue;
    const spec = STOCKPILE_TABLE.columns.find((c) => c.key === key) as ColumnSpec;
    issues.push({
      code: "missingColumn",
      severity: "error",
      sheet: STOCKPILE_SHEET,
      cell: cellAddress(header.headerRow, lastUsedColumn(sheet.values[header.headerRow - 1]) + 1),
      message: {
        zh: `缺少“${spec.zh}”列，无法计算目标储备量，请在第 ${header.headerRow} 行表头中添加`,
        en: `The column ${spec.zh} (${spec.en}) is missing, so no target can be computed; add it to the header in row ${header.headerRow}`,
      },
    });
  }
  const computable = NEEDED_KEYS.every((k) => columns.has(k));
  const raw = (line: readonly CellValue[], key: string): CellValue => {
    const c = columns.get(key);
    return c === undefined ? null : (line[c - 1] ?? null);
  };
  const records: ReserveRecord[] = [];
  for (const row of parsed.rows) {
    const line = sheet.values[row.row - 1] ?? [];
    for (const key of NUMBER_KEYS) {
      const value = raw(line, key);
      if (!isNumberText(value)) continue;
      const spec = STOCKPILE_TABLE.columns.find((c) => c.key === key) as ColumnSpec;
      issues.push({
        code: "numberStoredAsText",
        severity: "warning",
        sheet: STOCKPILE_SHEET,
        cell: cellAddress(row.row, columns.get(key) as number),
        message: {
          zh: `“${spec.zh}”中的“${String(value)}”是文本格式的数字，公式不会计算它，请改为数值（重新输入或“转换为数字”）`,
          en: `${spec.en} "${String(value)}" is a number stored as text, which formulas ignore; retype it as a number`,
        },
      });
    }
    const text = (key: string) => {
      const t = formulaTrim(raw(line, key));
      return t === "" ? null : t;
    };
    records.push({
      row: row.row,
      unit: typeof row.values.unit === "string" ? row.values.unit : null,
      category: text("category"),
      item: text("item"),
      persons: formulaNumber(raw(line, "persons")),
      personsBlank: isBlank(raw(line, "persons")),
      normOverride: formulaNumber(raw(line, "normOverride")),
      normOverrideBlank: isBlank(raw(line, "normOverride")),
      standardOverride: text("standardOverride"),
      stock: formulaNumber(raw(line, "stock")),
      inTransit: formulaN(raw(line, "inTransit")),
    });
  }
  return { parsed, records, issues, computable };
}

export interface OutputPlan {
  /** Blocks of output cells and the header/styling ops, in write order (history first). */
  ops: WriteOp[];
  /** Output cells that held something other than their formula. */
  overwritten: { cell: string; old: CellValue }[];
  history: HistoryEntry[];
  issues: CellIssue[];
  /** Output key → 1-based sheet column. */
  columns: Record<OutputKey, number>;
}

const COMMAND_NAME = "计算物资储备";

/**
 * Plans the output columns of 物资储备: headers appended where absent (after
 * the last used header cell, so no user column is overwritten), one block per
 * run of adjacent output columns and consecutive data rows, and the cells a
 * person typed over, to be kept in 历史记录 first.
 *
 * @example
 * planOutputs(sheet, read, lines, DEFAULT_CATALOGUE_COLUMNS, "物资目录").ops
 * //=> [header block, header style, conditional format, one block of J3:R120]
 */
export function planOutputs(
  sheet: SheetSnapshot,
  read: ReserveRead,
  lines: readonly ReserveLine[],
  catalogue: CatalogueColumns,
  catalogueSheet: string = CATALOGUE_SHEET
): OutputPlan {
  const header = read.parsed.header;
  if (!header || !read.computable) throw new Error("planOutputs needs a computable table");
  const headerRow = header.headerRow;
  const outputs = STOCKPILE_TABLE.columns.filter((c) => c.role === "output");
  const columns = {} as Record<OutputKey, number>;
  let next = lastUsedColumn(sheet.values[headerRow - 1]) + 1;
  const appended: ColumnSpec[] = [];
  for (const spec of outputs) {
    const found = header.columns.get(spec.key);
    if (found !== undefined) {
      columns[spec.key as OutputKey] = found;
    } else {
      columns[spec.key as OutputKey] = next++;
      appended.push(spec);
    }
  }
  const ops: WriteOp[] = [];
  if (appended.length > 0) {
    const first = columns[appended[0].key as OutputKey];
    ops.push(
      {
        kind: "block",
        sheet: STOCKPILE_SHEET,
        row: headerRow,
        column: first,
        cells: [appended.map((c) => c.zh)],
      },
      {
        kind: "style",
        sheet: STOCKPILE_SHEET,
        range: rangeAddress(headerRow, first, headerRow, first + appended.length - 1),
        bold: true,
        fill: OUTPUT_HEADER_FILL,
        fontColor: OUTPUT_HEADER_FONT,
        border: true,
        wrap: true,
      },
      {
        kind: "columnWidths",
        sheet: STOCKPILE_SHEET,
        widths: appended.map((c, i) => ({
          column: first + i,
          width: c.key === "target" ? 90 : 75,
        })),
      }
    );
    if (appended.some((c) => c.key === "status")) {
      const status = columns.status;
      ops.push({
        kind: "conditionalFormat",
        sheet: STOCKPILE_SHEET,
        range: rangeAddress(headerRow + 1, status, 1_048_576, status),
        rules: [
          { type: "textEquals", text: "达标", fill: GOOD_FILL, fontColor: GOOD_FONT },
          { type: "textEquals", text: "预警", fill: WARN_FILL, fontColor: WARN_FONT },
          { type: "textEquals", text: "不足", fill: BAD_FILL, fontColor: BAD_FONT },
        ],
      });
    }
  }
  const letter = (key: string) => columnLetters(header.columns.get(key) as number);
  const layout: ReserveFormulaLayout = {
    input: {
      category: letter("category"),
      item: letter("item"),
      persons: letter("persons"),
      stock: letter("stock"),
      normOverride: header.columns.has("normOverride") ? letter("normOverride") : undefined,
      standardOverride: header.columns.has("standardOverride")
        ? letter("standardOverride")
        : undefined,
      inTransit: header.columns.has("inTransit") ? letter("inTransit") : undefined,
    },
    output: Object.fromEntries(OUTPUT_KEYS.map((k) => [k, columnLetters(columns[k])])) as Record<
      OutputKey,
      string
    >,
    catalogue: {
      sheet: catalogueSheet,
      name: columnLetters(catalogue.name),
      kind: columnLetters(catalogue.kind),
      routine: columnLetters(catalogue.routine),
      wartime: columnLetters(catalogue.wartime),
    },
  };
  const overwritten: { cell: string; old: CellValue }[] = [];
  const history: HistoryEntry[] = [];
  const issues: CellIssue[] = [];
  const cellsByRow: CellWrite[][] = [];
  const formulasOf = reserveFormulaBuilder(layout);
  const specOf = new Map(STOCKPILE_TABLE.columns.map((c) => [c.key, c]));
  for (const line of lines) {
    const formulas = formulasOf(line.record.row);
    const values = lineValues(line);
    const cells: CellWrite[] = [];
    OUTPUT_KEYS.forEach((key, index) => {
      const formula = formulas[key];
      const old = formulaAt(sheet, line.record.row, columns[key]);
      if (old !== null && old !== formula) {
        const spec = specOf.get(key) as ColumnSpec;
        const cell = cellAddress(line.record.row, columns[key]);
        overwritten.push({ cell, old });
        history.push({
          command: COMMAND_NAME,
          sheet: STOCKPILE_SHEET,
          where: cell,
          old,
          note: "输出公式被覆盖，已恢复公式",
        });
        issues.push({
          code: "overwrittenOutput",
          severity: "warning",
          sheet: STOCKPILE_SHEET,
          cell,
          message: {
            zh: `输出列“${spec.zh}”的公式被改为“${clip(old)}”，已恢复公式，原值已存入历史记录；请勿在绿色表头的列中填写`,
            en: `The formula of output column ${spec.zh} (${spec.en}) had been replaced by "${clip(old)}"; it was restored and the old value kept in 历史记录. Do not type in the green-headed columns`,
          },
        });
      }
      cells[index] = { formula, value: values[key] };
    });
    cellsByRow.push(cells);
  }
  ops.push(...blocks(lines, cellsByRow, columns));
  return { ops, overwritten, history, issues, columns };
}

/** The engine's value of each output cell ("" where the formula gives ""). */
export function lineValues(line: ReserveLine): Record<OutputKey, CellValue> {
  const v = (x: number | string | null) => (x === null ? "" : x);
  return {
    standard: v(line.standard),
    days: v(line.days),
    norm: v(line.norm),
    dailyNeed: v(line.dailyNeed),
    target: v(line.target),
    gap: v(line.gap),
    daysOfCover: v(line.daysOfCover),
    rate: v(line.rate),
    status: v(line.status),
  };
}

/** Splits the output cells into rectangles: runs of adjacent columns × runs of consecutive rows. */
function blocks(
  lines: readonly ReserveLine[],
  cellsByRow: readonly CellWrite[][],
  columns: Record<OutputKey, number>
): WriteOp[] {
  const order = OUTPUT_KEYS.map((key, index) => ({ key, index, column: columns[key] })).sort(
    (a, b) => a.column - b.column
  );
  const columnRuns: (typeof order)[] = [];
  for (const c of order) {
    const run = columnRuns[columnRuns.length - 1];
    if (run && run[run.length - 1].column + 1 === c.column) run.push(c);
    else columnRuns.push([c]);
  }
  const rowRuns: { start: number; end: number }[] = [];
  lines.forEach((line, i) => {
    const run = rowRuns[rowRuns.length - 1];
    if (run && lines[run.end].record.row + 1 === line.record.row) run.end = i;
    else rowRuns.push({ start: i, end: i });
  });
  const formats = new Map(
    STOCKPILE_TABLE.columns.map((c) => [c.key, c.numberFormat ?? "General"] as const)
  );
  const ops: WriteOp[] = [];
  for (const run of columnRuns) {
    for (const rows of rowRuns) {
      const cells: CellWrite[][] = [];
      for (let i = rows.start; i <= rows.end; i++)
        cells.push(run.map((c) => cellsByRow[i][c.index]));
      ops.push({
        kind: "block",
        sheet: STOCKPILE_SHEET,
        row: lines[rows.start].record.row,
        column: run[0].column,
        cells,
        numberFormats: { byColumn: run.map((c) => formats.get(c.key) ?? "General") },
      });
    }
  }
  return ops;
}

/** The last non-blank column of a row (0 for an empty row). */
export function lastUsedColumn(row: readonly CellValue[] | undefined): number {
  if (!row) return 0;
  for (let i = row.length - 1; i >= 0; i--) if (!isBlank(row[i])) return i + 1;
  return 0;
}

function clip(value: CellValue): string {
  const text = String(value);
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}
