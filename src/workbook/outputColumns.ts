/**
 * The one output-column appender every capability uses. Writing output columns into an input table: each output header is found in
 * the table's header row (its column reused) or appended after the last used
 * header cell; one block per contiguous run of output columns covers every
 * data row. An output cell that holds something other than the add-in's
 * formula (a typed number, another formula) is reported and kept in
 * 历史记录 before the formula is put back.
 */
import type { DateSerial } from "../core/dates";
import { cellAddress, rangeAddress } from "./a1";
import { isBlank, type CellValue } from "./cells";
import type { HeaderMatch } from "./headers";
import { historyOps, type HistoryEntry } from "./history";
import type { CellIssue } from "./issues";
import type { CellWrite, WriteOp } from "./plan";
import type { ColumnSpec, TableSpec } from "./schema";
import { cellAt, formulaAt, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot";
import { OUTPUT_HEADER_FILL, OUTPUT_HEADER_FONT } from "./styles";
import type { SummaryRow } from "./parse";

/**
 * Where each output column goes: the column of its header when present,
 * else the next free column after the header row's last used cell.
 *
 * @example
 * outputColumns(BEDS_TABLE, header, sheet) //=> { columns: Map { required → 6, … }, added: [required, total, …] }
 */
export function outputColumns(
  spec: TableSpec,
  header: HeaderMatch,
  sheet: SheetSnapshot
): { columns: Map<string, number>; added: ColumnSpec[] } {
  const columns = new Map<string, number>();
  const added: ColumnSpec[] = [];
  const headerLine = sheet.values[header.headerRow - 1] ?? [];
  // Under a multi-row header the last column may be merged down from an upper row: append after the whole block.
  let next = Math.max(lastUsedColumn(headerLine), header.lastColumn) + 1;
  for (const col of spec.columns) {
    if (col.role !== "output") continue;
    const found = header.columns.get(col.key);
    if (found !== undefined) columns.set(col.key, found);
    else {
      columns.set(col.key, next++);
      added.push(col);
    }
  }
  return { columns, added };
}

export interface OutputPlan {
  spec: TableSpec;
  snapshot: WorkbookSnapshot;
  sheet: SheetSnapshot;
  header: HeaderMatch;
  /** Output column key → sheet column (from {@link outputColumns}). */
  columns: ReadonlyMap<string, number>;
  /** Output columns whose header is new. */
  added: readonly ColumnSpec[];
  /** Sheet rows that hold data, ascending; blank rows between them are left as they are. */
  rows: readonly number[];
  /** The cells to write at a data row, by output column key (called once per row). */
  cells: (row: number) => Readonly<Record<string, CellWrite>>;
  /** A formula already in the cell that counts as the add-in's own (not an overwrite). */
  isOwn?: (row: number, key: string, formula: string) => boolean;
  /** Command label for 历史记录, e.g. 计算隔离床位. */
  command: string;
  now: DateSerial;
  /** The clerk's 合计/小计 rows: each gets SUMs of the `sum` output columns over the rows it covers, where its cell is free. */
  summaries?: readonly SummaryRow[];
}

/**
 * Plans the output columns: history of overwritten cells first, then the new
 * headers (styled as outputs), then one block per contiguous run of columns.
 *
 * @example
 * planOutputColumns({ spec, snapshot, sheet, header, columns, added, rows: [3, 4], cells, command: "计算隔离床位", now })
 * //=> { ops: [header block, style, widths, block F3:J4], issues: [] }
 */
export function planOutputColumns(plan: OutputPlan): { ops: WriteOp[]; issues: CellIssue[] } {
  const { spec, sheet, header, columns, rows } = plan;
  const outputs = spec.columns.filter((c) => c.role === "output");
  const issues: CellIssue[] = [];
  const history: HistoryEntry[] = [];
  const planned = new Map<number, Readonly<Record<string, CellWrite>>>();
  const outputColumnsOf = outputs.map((col) => ({ col, column: columns.get(col.key) as number }));
  for (const row of rows) {
    const line = plan.cells(row);
    for (const { col, column } of outputColumnsOf) {
      const write = line[col.key];
      const current = formulaAt(sheet, row, column);
      if (current === null || sameContent(current, write)) continue;
      if (typeof current === "string" && plan.isOwn?.(row, col.key, current)) continue;
      const address = cellAddress(row, column);
      const old = cellAt(sheet, row, column);
      const wasFormula = typeof current === "string" && current.startsWith("=");
      issues.push({
        code: "overwrittenOutput",
        severity: "warning",
        sheet: plan.sheet.name,
        cell: address,
        message: {
          zh: `“${col.zh}”列的 ${address} 原为${wasFormula ? "其他公式" : "手填内容"}“${show(old)}”，已存入“历史记录”并恢复为自动计算；请修改输入列，不要在输出列直接填写`,
          en: `${col.en} cell ${address} held ${wasFormula ? "another formula" : "a typed value"} "${show(old)}"; it was kept in 历史记录 and the add-in's formula restored. Change the input columns instead of typing into output columns`,
        },
      });
      history.push({
        command: plan.command,
        sheet: plan.sheet.name,
        where: address,
        old,
        note: wasFormula
          ? `输出列公式被替换，已恢复；原公式：${current}`
          : "输出列被手工填写，已恢复公式",
      });
    }
    planned.set(row, line);
  }
  const ops: WriteOp[] = [...historyOps(plan.snapshot, history, plan.now)];
  if (plan.added.length > 0) {
    const first = columns.get(plan.added[0].key) as number;
    const last = columns.get(plan.added[plan.added.length - 1].key) as number;
    ops.push(
      {
        kind: "block",
        sheet: sheet.name,
        row: header.headerRow,
        column: first,
        cells: [plan.added.map((c) => c.zh)],
      },
      {
        kind: "style",
        sheet: sheet.name,
        range: rangeAddress(header.headerRow, first, header.headerRow, last),
        bold: true,
        fill: OUTPUT_HEADER_FILL,
        fontColor: OUTPUT_HEADER_FONT,
        border: true,
        wrap: true,
      },
      {
        kind: "columnWidths",
        sheet: sheet.name,
        widths: plan.added.map((c) => ({
          column: columns.get(c.key) as number,
          width: Math.max(60, c.zh.length * 16),
        })),
      }
    );
  }
  if (rows.length === 0) return { ops, issues };
  const sums = summaryWrites(plan, outputs, planned);
  for (const [row, line] of sums) planned.set(row, line);
  const firstRow = Math.min(rows[0], ...sums.keys());
  const lastRow = Math.max(rows[rows.length - 1], ...sums.keys());
  for (const run of contiguousRuns(outputs, columns)) {
    const cells: CellWrite[][] = [];
    for (let r = firstRow; r <= lastRow; r++) {
      const line = planned.get(r);
      cells.push(
        run.map((col) => (line ? line[col.key] : keep(sheet, r, columns.get(col.key) as number)))
      );
    }
    ops.push({
      kind: "block",
      sheet: sheet.name,
      row: firstRow,
      column: columns.get(run[0].key) as number,
      cells,
      numberFormats: { byColumn: run.map((c) => c.numberFormat ?? null) },
    });
  }
  return { ops, issues };
}

/**
 * The cells of each summary row: `=SUM(F5:F7,F9)` over the rows it covers for
 * a column whose sum means something, its value the sum of theirs; every
 * other cell as it is. A cell the clerk filled (not a SUM) is left alone.
 */
function summaryWrites(
  plan: OutputPlan,
  outputs: readonly ColumnSpec[],
  planned: ReadonlyMap<number, Readonly<Record<string, CellWrite>>>
): Map<number, Record<string, CellWrite>> {
  const out = new Map<number, Record<string, CellWrite>>();
  for (const s of plan.summaries ?? []) {
    if (s.covers.length === 0 || planned.has(s.row)) continue;
    const line: Record<string, CellWrite> = {};
    let any = false;
    for (const col of outputs) {
      const column = plan.columns.get(col.key) as number;
      const current = formulaAt(plan.sheet, s.row, column);
      const free = current === null || (typeof current === "string" && /^=SUM\(/i.test(current));
      if (!col.sum || !free) {
        line[col.key] = keep(plan.sheet, s.row, column);
        continue;
      }
      let value = 0;
      for (const r of s.covers) {
        const w = planned.get(r)?.[col.key];
        const v = typeof w === "object" && w !== null ? w.value : w;
        if (typeof v === "number") value += v;
      }
      line[col.key] = { formula: `=SUM(${sumRanges(s.covers, column)})`, value };
      any = true;
    }
    if (any) out.set(s.row, line);
  }
  return out;
}

/** `F5:F7,F9` for rows 5, 6, 7 and 9 of column F. */
function sumRanges(rows: readonly number[], column: number): string {
  const parts: string[] = [];
  let start = rows[0];
  for (let i = 1; i <= rows.length; i++) {
    if (i < rows.length && rows[i] === rows[i - 1] + 1) continue;
    const end = rows[i - 1];
    parts.push(
      start === end
        ? cellAddress(start, column)
        : `${cellAddress(start, column)}:${cellAddress(end, column)}`
    );
    start = rows[i];
  }
  return parts.join(",");
}

/** Output columns grouped into runs of adjacent sheet columns, left to right. */
function contiguousRuns(
  outputs: readonly ColumnSpec[],
  columns: ReadonlyMap<string, number>
): ColumnSpec[][] {
  const sorted = [...outputs].sort(
    (a, b) => (columns.get(a.key) as number) - (columns.get(b.key) as number)
  );
  const runs: ColumnSpec[][] = [];
  for (const col of sorted) {
    const run = runs[runs.length - 1];
    const prev = run?.[run.length - 1];
    if (prev && (columns.get(prev.key) as number) + 1 === columns.get(col.key)) run.push(col);
    else runs.push([col]);
  }
  return runs;
}

/** What a blank row between data rows already holds, written back unchanged. */
function keep(sheet: SheetSnapshot, row: number, column: number): CellWrite {
  const formula = formulaAt(sheet, row, column);
  if (typeof formula === "string" && formula.startsWith("="))
    return { formula, value: cellAt(sheet, row, column) };
  return formula;
}

function sameContent(current: CellValue, write: CellWrite): boolean {
  if (typeof write === "object" && write !== null) return current === write.formula;
  if (isBlank(write)) return isBlank(current);
  return current === write;
}

/**
 * The 1-based column of the last non-blank cell of a row, 0 for none.
 *
 * @example
 * lastUsedColumn(["a", null, "b", ""]) //=> 3
 */
export function lastUsedColumn(row: readonly CellValue[] | undefined): number {
  if (!row) return 0;
  for (let i = row.length - 1; i >= 0; i--) if (!isBlank(row[i])) return i + 1;
  return 0;
}

function show(value: CellValue): string {
  const text = String(value ?? "");
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}
