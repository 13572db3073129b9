/**
 * How big a sheet's snapshot is: sized by where its data is, never by the
 * sheet's declared dimension or its last used cell alone. One stray cell at
 * XFD1048576 would otherwise make a 1,048,576 × 16,384 grid (17 billion
 * cells) and exhaust memory. Cells far past the data (after a long empty gap)
 * are left out of the snapshot, said in a note, and kept in the file as they
 * are; a file whose rows or columns lie beyond what Excel allows is refused.
 */
import type { Message } from "../../core/issue";
import { cellAddress } from "../../workbook/a1";
import { HostError } from "../../workbook/host";

/** Excel's last row and column (XFD1048576). */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

/** Empty rows after which the cells further down belong to no table of the sheet. */
export const STRAY_ROW_GAP = 10_000;
/** Empty columns after which the cells further right belong to no table of the sheet. */
export const STRAY_COLUMN_GAP = 256;
/**
 * The largest snapshot grid of a sheet held whole (rows × columns). A full
 * 1,048,576-row sheet of eight columns is 8.4 million cells; beyond this a
 * sheet is refused with a message instead of running Node out of memory.
 */
export const MAX_GRID_CELLS = 24_000_000;

export interface PlacedCell {
  /** 1-based. */
  row: number;
  /** 1-based. */
  column: number;
}

export interface DataRegion {
  /** Rows and columns of the snapshot grid, from A1. */
  rows: number;
  columns: number;
  /** Cells left out (past the data), in reading order; at most a few addresses are named. */
  strays: PlacedCell[];
}

/**
 * The rows and columns a sheet's snapshot needs: up to the end of its
 * largest block of rows (blocks are split by more than STRAY_ROW_GAP empty
 * rows), then the same for columns among the rows kept. Throws a HostError
 * when the grid would still be larger than MAX_GRID_CELLS.
 *
 * @example
 * dataRegion("物资储备", [{ row: 1, column: 1 }, { row: 3, column: 8 }, { row: 1_048_576, column: 16_384 }])
 * //=> { rows: 3, columns: 8, strays: [{ row: 1048576, column: 16384 }] }
 */
export function dataRegion(sheet: string, cells: readonly PlacedCell[]): DataRegion {
  const rows = lastOfLargestBlock(countBy(cells.map((c) => c.row)), STRAY_ROW_GAP);
  const kept = cells.filter((c) => c.row <= rows);
  const columns = lastOfLargestBlock(countBy(kept.map((c) => c.column)), STRAY_COLUMN_GAP);
  checkGridSize(sheet, rows, columns);
  return { rows, columns, strays: cells.filter((c) => c.row > rows || c.column > columns) };
}

/**
 * dataRegion of a jagged grid (a streamed sheet's rows), counted in place
 * so that a million-row sheet costs no object per cell.
 */
export function gridRegion(sheet: string, grid: readonly (readonly unknown[])[]): DataRegion {
  const filled = (v: unknown) => v !== null && v !== undefined && v !== "";
  const rowCounts = new Map<number, number>();
  grid.forEach((line, r) => {
    let n = 0;
    for (const v of line) if (filled(v)) n += 1;
    if (n > 0) rowCounts.set(r + 1, n);
  });
  const rows = lastOfLargestBlock(rowCounts, STRAY_ROW_GAP);
  const columnCounts = new Map<number, number>();
  for (let r = 0; r < rows; r++) {
    grid[r]?.forEach((v, c) => {
      if (filled(v)) columnCounts.set(c + 1, (columnCounts.get(c + 1) ?? 0) + 1);
    });
  }
  const columns = lastOfLargestBlock(columnCounts, STRAY_COLUMN_GAP);
  checkGridSize(sheet, rows, columns);
  const strays: PlacedCell[] = [];
  grid.forEach((line, r) => {
    const from = r < rows ? columns : 0;
    for (let c = from; c < line.length; c++) {
      if (filled(line[c])) strays.push({ row: r + 1, column: c + 1 });
    }
  });
  return { rows, columns, strays };
}

/** The note for the cells a snapshot left out, or undefined when there are none. */
export function strayNote(sheet: string, strays: readonly PlacedCell[]): Message | undefined {
  if (strays.length === 0) return undefined;
  const named = strays
    .slice(0, 3)
    .map((c) => cellAddress(c.row, c.column))
    .join("、");
  const more = strays.length > 3 ? "等" : "";
  return {
    zh: `工作表“${sheet}”的 ${strays.length} 个单元格（${named}${more}）远在表格数据之外，未读取，文件中原样保留；如是误输入请删除`,
    en: `${strays.length} cell(s) of sheet ${sheet} (${named.replace(/、/g, ", ")}${more ? "…" : ""}) lie far outside its data: not read, kept in the file as they are; delete them if they were typed by mistake`,
  };
}

/**
 * Refuses a row or column number beyond Excel's grid (`<row r="99999999">`):
 * no spreadsheet program writes one, and honouring it would size the sheet
 * by it.
 */
export function checkCellPosition(sheet: string, row: number, column: number, file?: string): void {
  if (row <= EXCEL_MAX_ROWS && column <= EXCEL_MAX_COLUMNS) return;
  const where = file === undefined ? "" : `“${file}”中`;
  const whereEn = file === undefined ? "" : ` of ${file}`;
  const zhWhat = row > EXCEL_MAX_ROWS ? `第 ${row} 行` : `第 ${column} 列`;
  const enWhat = row > EXCEL_MAX_ROWS ? `row ${row}` : `column ${column}`;
  throw new HostError("unsupported", {
    zh: `${where}工作表“${sheet}”有${zhWhat}，超出 Excel 的上限（${EXCEL_MAX_ROWS} 行、${EXCEL_MAX_COLUMNS} 列）；文件已损坏或不是由 Excel/WPS 保存的，请在 Excel 或 WPS 中打开并另存为 .xlsx`,
    en: `Sheet ${sheet}${whereEn} has ${enWhat}, beyond Excel's limit (${EXCEL_MAX_ROWS} rows, ${EXCEL_MAX_COLUMNS} columns); the file is damaged or was not saved by Excel or WPS. Open it in Excel or WPS and save it as .xlsx`,
  });
}

function checkGridSize(sheet: string, rows: number, columns: number): void {
  if (rows * columns <= MAX_GRID_CELLS) return;
  throw new HostError("payloadTooLarge", {
    zh: `工作表“${sheet}”的数据区域有 ${rows} 行 × ${columns} 列，超过命令行可处理的 ${MAX_GRID_CELLS / 1_000_000} 百万个单元格；请删除多余的行列，或拆分后再处理`,
    en: `Sheet ${sheet} holds data over ${rows} rows × ${columns} columns, more than the ${MAX_GRID_CELLS / 1_000_000} million cells the command line handles; delete the extra rows and columns, or split it`,
  });
}

function countBy(positions: readonly number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const p of positions) counts.set(p, (counts.get(p) ?? 0) + 1);
  return counts;
}

/** The last position of the block holding the most cells, blocks split by gaps longer than `gap`. */
function lastOfLargestBlock(counts: ReadonlyMap<number, number>, gap: number): number {
  if (counts.size === 0) return 0;
  const sorted = [...counts.keys()].sort((a, b) => a - b);
  const blocks: { size: number; last: number }[] = [];
  sorted.forEach((p, i) => {
    if (i === 0 || p - sorted[i - 1] - 1 > gap) blocks.push({ size: 0, last: p });
    const block = blocks[blocks.length - 1];
    block.size += counts.get(p) ?? 0;
    block.last = p;
  });
  // On a tie the first block wins: a lone cell below a lone title is the stray.
  return blocks.reduce((a, b) => (b.size > a.size ? b : a)).last;
}
