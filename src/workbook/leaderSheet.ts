/**
 * One builder for every leader sheet (物资汇总, 隔离床位汇总, 隔离需求预测,
 * 接种排名, 报送情况): a merged title row, summary and notes in merged wrapped
 * rows sized to their text, then blocks of tables built from column
 * descriptors (`{ header, width, numberFormat, cell(row) }`), text after the
 * tables (the 通报), chart data outside the print area, and the print rules:
 * A4, landscape when wide, one page wide, binding margins, a header row on
 * every page, a footer with the page number and the 截至 date, blocks kept
 * together or continued under a repeated header.
 */
import { cellAddress, columnLetters, rangeAddress } from "./a1";
import type {
  Chart,
  CellWrite,
  ConditionalRule,
  PageMargins,
  PageSetup,
  WriteBlock,
  WriteOp,
} from "./plan";
import {
  HEADER_FILL,
  INPUT_HEADER_FONT,
  NOTE_FONT,
  OUTPUT_HEADER_FILL,
  OUTPUT_HEADER_FONT,
  TITLE_FONT_SIZE,
} from "./styles";

/** Excel's limits: characters in a cell, points of a row's height. */
export const MAX_CELL_CHARS = 32767;
export const MAX_ROW_HEIGHT = 409;

/** Where a cell's function is called: its sheet row and the rows of the other lines of its block. */
export interface RowAt {
  /** The sheet row of this line. */
  row: number;
  /** The sheet row of the block's line `index`. */
  rowOf(index: number): number;
  /** Column letters of the column with this key. */
  col(key: string): string;
  /** `F12`: the cell of column `key` in this row, or in sheet row `row`. */
  ref(key: string, row?: number): string;
  /** `F5:F20`: column `key` from the block's line `from` to line `to`. */
  range(key: string, from: number, to: number): string;
}

export interface LeaderColumn<R> {
  /** Names the column for formulas of other columns (`at.ref("target")`). */
  key?: string;
  header: string;
  /** Width in points. */
  width: number;
  /** A number format from styles.ts (COUNT_FORMAT…), or null for text. */
  numberFormat?: string | null;
  /** Numbers right, text left by default; a text column right of a number column is centred, so digits never touch names. */
  align?: "Left" | "Center" | "Right";
  /** Long text wraps, and the row grows to show it. */
  wrap?: boolean;
  cell(row: R, at: RowAt): CellWrite;
}

export interface LeaderChart<R> {
  name: string;
  title: string;
  type: Chart["type"];
  categoryHeader: string;
  /** Data not one row per table line (days of a forecast): written as given under the header. */
  table?: { rows: readonly CellWrite[][]; numberFormats: readonly (string | null)[] };
  /** The lines charted (default: all). */
  include?: (row: R) => boolean;
  category(row: R): string;
  series: readonly {
    header: string;
    numberFormat?: string;
    value(row: R, at: RowAt): CellWrite;
  }[];
}

export interface LeaderBlock<R> {
  /** A bold line above the table, e.g. `18岁以上人群（按全程完成率排名）`. */
  caption?: string;
  columns: readonly LeaderColumn<R>[];
  rows: readonly R[];
  /** Bold lines (totals) and filled lines (subtotals). */
  rowStyle?: (row: R, index: number) => { bold?: boolean; fill?: string } | undefined;
  /** Fills and colours on some cells of some lines (best and worst townships, gaps). */
  highlights?: readonly {
    indexes: readonly number[];
    keys: readonly string[];
    fill?: string;
    fontColor?: string;
    bold?: boolean;
  }[];
  /** Conditional colours on whole columns of the block. */
  conditional?: readonly { keys: readonly string[]; rules: ConditionalRule[] }[];
  /** Written instead of the table's lines when there are none. */
  empty?: string;
  /** Notes printed under the table, each in a merged wrapped row. */
  notes?: readonly string[];
  chart?: LeaderChart<R>;
}

/** A block of any row type, as the sheet takes it (see `leaderBlock`). */
export interface AnyLeaderBlock {
  readonly block: LeaderBlock<unknown>;
}

/**
 * Wraps a block for `leaderSheetOps`, keeping its row type checked against its columns.
 *
 * @example
 * leaderBlock({ columns: [{ header: "乡镇", width: 80, cell: (r: { name: string }) => r.name }], rows: [{ name: "城关镇" }] })
 * //=> { block: { columns: [...], rows: [{ name: "城关镇" }] } }
 */
export function leaderBlock<R>(block: LeaderBlock<R>): AnyLeaderBlock {
  return { block: block as unknown as LeaderBlock<unknown> };
}

export interface LeaderSheetSpec {
  sheet: string;
  title: string;
  /** Paragraphs under the title (the command's summary). */
  summary?: readonly string[];
  /** Grey paragraphs under the summary (how figures are computed). */
  notes?: readonly string[];
  blocks: readonly AnyLeaderBlock[];
  /** Text after the tables, starting on a new page (the 通报): a caption and its paragraphs. */
  after?: { caption: string; paragraphs: readonly string[] };
  /** `截至2022年1月20日`, printed in the footer of every page. */
  asOf: string;
}

export interface LeaderBlockLayout {
  captionRow: number | null;
  headerRow: number;
  /** Rows where the header is repeated because the block continues on a new page. */
  repeatedHeaderRows: number[];
  /** Sheet row of each line, by its index in `rows`. */
  rows: number[];
  firstRow: number;
  lastRow: number;
  /** Rows of the notes under the table. */
  noteRows: number[];
}

export interface LeaderSheetLayout {
  titleRow: number;
  /** Rows of the summary and notes under the title. */
  textRows: number[];
  blocks: LeaderBlockLayout[];
  /** Rows of the text after the tables (the 通报). */
  afterRows: number[];
  lastColumn: number;
  lastRow: number;
  printArea: string;
  orientation: PageSetup["orientation"];
  /** Rows that start a new printed page. */
  pageBreaks: number[];
}

/** A4 in points, and margins with room for binding on the left. */
export const A4 = { width: 595.3, height: 841.9 } as const;
export const LEADER_MARGINS: PageMargins = {
  top: 50,
  bottom: 50,
  left: 72,
  right: 36,
  header: 22,
  footer: 22,
};
const BODY_FONT = 11;
const BODY_ROW_HEIGHT = 18;
const CAPTION_ROW_HEIGHT = 22;
const GAP_ROW_HEIGHT = 10;
/** Page content is planned at this share of the printable height, so a program that lays rows out a little taller still breaks where we do. */
const PAGE_SAFETY = 0.93;

/**
 * The ops that write a leader sheet, and where everything landed.
 *
 * @example
 * leaderSheetOps({ sheet: "隔离床位汇总", title: "截至2022年1月20日隔离床位情况汇总", blocks: [b], asOf: "截至2022年1月20日" }).ops[0]
 * //=> { kind: "ensureSheet", sheet: "隔离床位汇总" }
 */
export function leaderSheetOps(spec: LeaderSheetSpec): {
  ops: WriteOp[];
  layout: LeaderSheetLayout;
} {
  const { sheet } = spec;
  const blocks = spec.blocks.map((b) => b.block);
  const lastColumn = Math.max(1, ...blocks.map((b) => b.columns.length));
  const widths = columnWidths(blocks, lastColumn);
  const tableWidth = widths.reduce((s, w) => s + w, 0);
  const orientation = chooseOrientation(spec, blocks, tableWidth);
  const { capacity } = pageFit(orientation, tableWidth);
  const singleTable = blocks.length === 1;

  const values: WriteOp[] = [];
  const formats: WriteOp[] = [];
  const heights: { row: number; height: number }[] = [];
  const breaks: number[] = [];
  let row = 1;
  let used = 0;
  /** The height every continued page starts with: the repeated print-title header of a one-table sheet. */
  let pageHead = 0;
  const place = (height: number) => {
    heights.push({ row, height });
    used += height;
    row += 1;
  };
  const newPage = () => {
    breaks.push(row);
    used = pageHead;
  };
  const style = (range: string, props: Omit<StyleProps, never>) =>
    formats.push({ kind: "style", sheet, range, ...props });

  // Title: one merged row.
  const fullWidth = rangeAddress(1, 1, 1, lastColumn);
  values.push({ kind: "block", sheet, row: 1, column: 1, cells: [[spec.title]] });
  style(fullWidth, {
    bold: true,
    fontSize: TITLE_FONT_SIZE,
    merge: true,
    wrap: true,
    horizontalAlignment: "Center",
  });
  place(textHeight(spec.title, tableWidth, TITLE_FONT_SIZE, 6));

  const textRows: number[] = [];
  const paragraphRows = (paragraphs: readonly string[], color?: string, out = textRows) => {
    for (const chunk of paragraphs.flatMap((p) => wrapChunks(p, tableWidth, BODY_FONT))) {
      if (used + chunk.height > capacity && used > pageHead) newPage();
      values.push({ kind: "block", sheet, row, column: 1, cells: [[chunk.text]] });
      style(rangeAddress(row, 1, row, lastColumn), {
        merge: true,
        wrap: true,
        horizontalAlignment: "Left",
        ...(color ? { fontColor: color } : {}),
      });
      out.push(row);
      place(chunk.height);
    }
  };
  paragraphRows(spec.summary ?? []);
  paragraphRows(spec.notes ?? [], NOTE_FONT);
  // A caption sets the first table off from the text; a table without one follows the text directly.

  const chartWrites: ChartWrite[] = [];
  const blockLayouts: LeaderBlockLayout[] = [];
  blocks.forEach((block, blockIndex) => {
    const keys = new Map<string, number>();
    block.columns.forEach((c, i) => c.key && keys.set(c.key, i + 1));
    const headerHeight = Math.max(
      BODY_ROW_HEIGHT,
      ...block.columns.map((c) => textHeight(c.header, c.width, BODY_FONT, 4, true))
    );
    const lineHeights = block.rows.map((r, i) => lineHeight(block, r, i));
    const noteChunks = (block.notes ?? []).flatMap((n) => wrapChunks(n, tableWidth, BODY_FONT));
    const total =
      (block.caption ? CAPTION_ROW_HEIGHT : 0) +
      headerHeight +
      (block.rows.length === 0 ? BODY_ROW_HEIGHT : lineHeights.reduce((s, h) => s + h, 0)) +
      noteChunks.reduce((s, c) => s + c.height, 0);
    // Kept together when it fits on a page; otherwise it starts with room for its header and a few lines.
    const minimum = (block.caption ? CAPTION_ROW_HEIGHT : 0) + headerHeight + 3 * BODY_ROW_HEIGHT;
    // The first table stays under the title; it continues on the next page if it must.
    const keepTogether = blockIndex > 0 && total <= capacity;
    if (used > pageHead && (keepTogether ? used + total > capacity : used + minimum > capacity))
      newPage();

    let captionRow: number | null = null;
    if (block.caption) {
      captionRow = row;
      values.push({ kind: "block", sheet, row, column: 1, cells: [[block.caption]] });
      // Not merged: a caption is one short line that overflows into the empty cells beside it.
      style(rangeAddress(row, 1, row, 1), { bold: true });
      place(CAPTION_ROW_HEIGHT);
    }
    const headerCells = [block.columns.map((c) => c.header)];
    const headerStyle = (r: number) =>
      style(rangeAddress(r, 1, r, block.columns.length), {
        bold: true,
        fill: HEADER_FILL,
        fontColor: INPUT_HEADER_FONT,
        wrap: true,
        border: true,
        horizontalAlignment: "Center",
      });
    const headerRow = row;
    values.push({ kind: "block", sheet, row, column: 1, cells: headerCells });
    headerStyle(row);
    place(headerHeight);
    if (singleTable) pageHead = headerHeight;

    // Where every line lands first (formulas refer to other lines), then the writes.
    const steps: {
      header: boolean;
      index: number;
      row: number;
      height: number;
      breakBefore: boolean;
    }[] = [];
    {
      let r = row;
      let u = used;
      lineHeights.forEach((h, index) => {
        let breakBefore = false;
        if (u + h > capacity) {
          breakBefore = true;
          u = pageHead;
          if (!singleTable) {
            steps.push({ header: true, index, row: r, height: headerHeight, breakBefore });
            breakBefore = false;
            r += 1;
            u += headerHeight;
          }
        }
        steps.push({ header: false, index, row: r, height: h, breakBefore });
        r += 1;
        u += h;
      });
    }
    const rows = steps.filter((s) => !s.header).map((s) => s.row);
    const repeated = steps.filter((s) => s.header).map((s) => s.row);
    const at = (index: number): RowAt => rowAt(rows, index, keys);
    // Consecutive lines go out as one block; a repeated header starts the next.
    let run: WriteBlock | null = null;
    for (const step of steps) {
      if (step.breakBefore || step.header) newPage();
      if (step.header) {
        run = null;
        values.push({ kind: "block", sheet, row, column: 1, cells: headerCells });
        headerStyle(row);
        place(step.height);
        continue;
      }
      const r = block.rows[step.index];
      const cells = block.columns.map((c) => c.cell(r, at(step.index)));
      if (run) run.cells.push(cells);
      else {
        run = {
          kind: "block",
          sheet,
          row,
          column: 1,
          cells: [cells],
          numberFormats: { byColumn: block.columns.map((c) => c.numberFormat ?? null) },
        };
        values.push(run);
      }
      place(step.height);
    }
    if (block.rows.length === 0 && block.empty) {
      values.push({ kind: "block", sheet, row, column: 1, cells: [[block.empty]] });
      style(rangeAddress(row, 1, row, block.columns.length), { merge: true, fontColor: NOTE_FONT });
      place(BODY_ROW_HEIGHT);
    }
    const firstRow = headerRow + 1;
    const lastRow = row - 1;

    // Styles: borders, alignment by column, line styles, highlights, conditional colours.
    if (block.rows.length > 0) {
      for (const [from, to] of runsExcluding(firstRow, lastRow, repeated))
        style(rangeAddress(from, 1, to, block.columns.length), { border: true });
      alignments(block.columns).forEach((align, i) => {
        for (const [from, to] of runsExcluding(firstRow, lastRow, repeated))
          style(rangeAddress(from, i + 1, to, i + 1), {
            horizontalAlignment: align,
            ...(block.columns[i].wrap ? { wrap: true } : {}),
          });
      });
      block.rows.forEach((r, i) => {
        const s = block.rowStyle?.(r, i);
        if (s && (s.bold || s.fill))
          style(rangeAddress(rows[i], 1, rows[i], block.columns.length), {
            ...(s.bold ? { bold: true } : {}),
            ...(s.fill ? { fill: s.fill } : {}),
          });
      });
      for (const h of block.highlights ?? []) {
        const cols = h.keys.map((k) => columnOf(keys, k));
        for (const [from, to] of rowRuns(h.indexes.map((i) => rows[i])))
          for (const [c1, c2] of rowRuns(cols))
            style(rangeAddress(from, c1, to, c2), {
              ...(h.fill ? { fill: h.fill } : {}),
              ...(h.fontColor ? { fontColor: h.fontColor } : {}),
              ...(h.bold ? { bold: true } : {}),
            });
      }
      for (const cf of block.conditional ?? [])
        for (const k of cf.keys) {
          const c = columnOf(keys, k);
          for (const [from, to] of runsExcluding(firstRow, lastRow, repeated))
            formats.push({
              kind: "conditionalFormat",
              sheet,
              range: rangeAddress(from, c, to, c),
              rules: cf.rules,
            });
        }
    }

    const noteRows: number[] = [];
    for (const chunk of noteChunks) {
      if (used + chunk.height > capacity) newPage();
      values.push({ kind: "block", sheet, row, column: 1, cells: [[chunk.text]] });
      style(rangeAddress(row, 1, row, lastColumn), {
        merge: true,
        wrap: true,
        fontColor: NOTE_FONT,
      });
      noteRows.push(row);
      place(chunk.height);
    }
    if (blockIndex < blocks.length - 1 || spec.after) place(GAP_ROW_HEIGHT);

    if (block.chart && block.rows.length > 0)
      chartWrites.push({ chart: block.chart, block, at, anchorRow: captionRow ?? headerRow });
    blockLayouts.push({
      captionRow,
      headerRow,
      repeatedHeaderRows: repeated,
      rows,
      firstRow,
      lastRow,
      noteRows,
    });
  });

  const afterRows: number[] = [];
  if (spec.after && spec.after.paragraphs.length > 0) {
    pageHead = 0;
    newPage();
    values.push({ kind: "block", sheet, row, column: 1, cells: [[spec.after.caption]] });
    style(rangeAddress(row, 1, row, lastColumn), { bold: true, merge: true });
    afterRows.push(row);
    place(CAPTION_ROW_HEIGHT);
    paragraphRows(spec.after.paragraphs, undefined, afterRows);
  }
  const lastRow = row - 1;
  const printArea = rangeAddress(1, 1, lastRow, lastColumn);

  // Chart data: right of the print area, beside the first table's lines (never beside its header row).
  const chartOps = chartDataOps(sheet, chartWrites, lastColumn + 2, blockLayouts[0]?.firstRow ?? 2);

  const widthOps: WriteOp = {
    kind: "columnWidths",
    sheet,
    widths: [...widths.map((width, i) => ({ column: i + 1, width })), ...chartOps.widths],
  };
  const firstLayout = blockLayouts[0];
  const pageSetup: PageSetup = {
    kind: "pageSetup",
    sheet,
    orientation,
    fitToWidth: true,
    paperSize: "A4",
    margins: LEADER_MARGINS,
    printArea,
    ...(singleTable && firstLayout
      ? { printTitleRows: `$${firstLayout.headerRow}:$${firstLayout.headerRow}` }
      : {}),
    footer: { center: "第{page}页 共{pages}页", right: spec.asOf },
    rowBreaks: breaks.filter((b) => b > 1),
    rowHeights: heightRuns(heights),
  };
  const ops: WriteOp[] = [
    { kind: "ensureSheet", sheet },
    { kind: "clearSheet", sheet },
    ...values,
    ...chartOps.values,
    ...formats,
    ...chartOps.formats,
    widthOps,
    ...(singleTable && firstLayout
      ? [{ kind: "freeze", sheet, rows: firstLayout.headerRow } satisfies WriteOp]
      : []),
    pageSetup,
  ];
  return {
    ops,
    layout: {
      titleRow: 1,
      textRows,
      blocks: blockLayouts,
      afterRows,
      lastColumn,
      lastRow,
      printArea,
      orientation,
      pageBreaks: pageSetup.rowBreaks as number[],
    },
  };
}

/**
 * The word for the top total: 全市 over several counties, 全县 over one.
 *
 * @example
 * topTotalLabel(2) //=> "全市"
 * topTotalLabel(1) //=> "全县"
 */
export function topTotalLabel(counties: number): "全市" | "全县" {
  return counties > 1 ? "全市" : "全县";
}

/**
 * How wide text prints, in units of half an em: CJK and full-width characters
 * count 2, others 1.
 *
 * @example
 * textUnits("城关镇12") //=> 8
 */
export function textUnits(text: string): number {
  let units = 0;
  for (const ch of text) units += isWide(ch) ? 2 : 1;
  return units;
}

/**
 * Splits a paragraph into pieces that each fit one merged row: at most as many
 * printed lines as Excel's tallest row holds, and never more than a cell's
 * 32,767 characters. Joined with newlines where a piece ended one, the pieces are the paragraph.
 *
 * @example
 * wrapChunks("截至1月20日…", 700, 11) //=> [{ text: "截至1月20日…", height: 20 }]
 */
export function wrapChunks(
  text: string,
  width: number,
  fontSize: number
): { text: string; height: number }[] {
  const lines = wrapLines(text, width, fontSize);
  const perLine = lineStep(fontSize);
  const maxLines = Math.max(1, Math.floor((MAX_ROW_HEIGHT - 6) / perLine));
  const chunks: { text: string; height: number }[] = [];
  let current: string[] = [];
  let chars = 0;
  const flush = () => {
    if (current.length === 0) return;
    // A chunk ends at a line; a paragraph's newline at its end would print an empty line.
    const text = current.join("").replace(/\n$/, "");
    chunks.push({ text, height: Math.ceil(current.length * perLine + 6) });
    current = [];
    chars = 0;
  };
  for (const line of lines) {
    if (current.length >= maxLines || chars + line.length > MAX_CELL_CHARS) flush();
    current.push(line);
    chars += line.length;
  }
  flush();
  return chunks.length > 0 ? chunks : [{ text: "", height: BODY_ROW_HEIGHT }];
}

/**
 * The height in points that shows `text` whole in a cell `width` points wide.
 *
 * @example
 * textHeight("床位合计（张）", 75, 11, 4) //=> 37
 */
export function textHeight(
  text: string,
  width: number,
  fontSize: number,
  padding: number,
  bold = false
): number {
  const lines = wrapLines(text, width, fontSize * (bold ? 1.05 : 1)).length;
  return Math.max(BODY_ROW_HEIGHT, Math.ceil(lines * lineStep(fontSize) + padding));
}

interface StyleProps {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  fontSize?: number;
  wrap?: boolean;
  horizontalAlignment?: "Left" | "Center" | "Right";
  border?: boolean;
  merge?: boolean;
}

interface ChartWrite {
  chart: LeaderChart<unknown>;
  block: LeaderBlock<unknown>;
  at: (index: number) => RowAt;
  anchorRow: number;
}

/** The printable height of a page in sheet points (before fitting to the width), and the scale. */
function pageFit(
  orientation: PageSetup["orientation"],
  tableWidth: number
): { capacity: number; scale: number } {
  const page =
    orientation === "Landscape"
      ? { width: A4.height, height: A4.width }
      : { width: A4.width, height: A4.height };
  const printableWidth = page.width - LEADER_MARGINS.left - LEADER_MARGINS.right;
  const scale = Math.min(1, printableWidth / tableWidth);
  const capacity =
    ((page.height - LEADER_MARGINS.top - LEADER_MARGINS.bottom) / scale) * PAGE_SAFETY;
  return { capacity, scale };
}

/**
 * Portrait when the table fits the width; otherwise landscape, unless portrait
 * prints on fewer pages at no less than 70% (a leader prefers one page).
 */
function chooseOrientation(
  spec: LeaderSheetSpec,
  blocks: readonly LeaderBlock<unknown>[],
  tableWidth: number
): PageSetup["orientation"] {
  const portrait = pageFit("Portrait", tableWidth);
  if (portrait.scale >= 1) return "Portrait";
  const landscape = pageFit("Landscape", tableWidth);
  const text = [...(spec.summary ?? []), ...(spec.notes ?? [])]
    .flatMap((p) => wrapChunks(p, tableWidth, BODY_FONT))
    .reduce((sum, c) => sum + c.height, 0);
  const height =
    textHeight(spec.title, tableWidth, TITLE_FONT_SIZE, 6) +
    text +
    blocks.reduce(
      (sum, b) =>
        sum +
        CAPTION_ROW_HEIGHT +
        2 * BODY_ROW_HEIGHT +
        b.rows.reduce((s: number, r, i) => s + lineHeight(b, r, i), 0),
      0
    );
  const pages = (capacity: number) => Math.ceil(height / capacity);
  return portrait.scale >= 0.7 && pages(portrait.capacity) < pages(landscape.capacity)
    ? "Portrait"
    : "Landscape";
}

/** Lines of a paragraph as a printer breaks them, estimated: half an em per unit, with a margin for wider fonts. */
function wrapLines(text: string, width: number, fontSize: number): string[] {
  const usable = Math.max(fontSize, width - 8);
  const unit = fontSize * 0.55;
  const lines: string[] = [];
  const paragraphs = text.split("\n");
  paragraphs.forEach((paragraph, p) => {
    let line = "";
    let units = 0;
    for (const ch of paragraph) {
      const u = isWide(ch) ? 2 : 1;
      if (line !== "" && (units + u) * unit > usable) {
        lines.push(line);
        line = "";
        units = 0;
      }
      line += ch;
      units += u;
    }
    // The newline stays at the end of its paragraph's last line, so the joined lines are the text.
    lines.push(p < paragraphs.length - 1 ? `${line}\n` : line);
  });
  return lines;
}

function lineStep(fontSize: number): number {
  // CJK fonts (Noto Sans CJK, 等线, 宋体) set about 1.45 em per line.
  return fontSize * 1.5;
}

function isWide(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    c >= 0x20000
  );
}

function lineHeight(block: LeaderBlock<unknown>, row: unknown, index: number): number {
  const wrapping = block.columns.filter((c) => c.wrap);
  if (wrapping.length === 0) return BODY_ROW_HEIGHT;
  const probe = rowAt([], index, new Map());
  let height = BODY_ROW_HEIGHT;
  for (const c of wrapping) {
    const v = c.cell(row, probe);
    const text = typeof v === "string" ? v : "";
    height = Math.max(height, textHeight(text, c.width, BODY_FONT, 4));
  }
  return Math.min(height, MAX_ROW_HEIGHT);
}

function rowAt(rows: readonly number[], index: number, keys: ReadonlyMap<string, number>): RowAt {
  const letters = (key: string) => columnLetters(columnOf(keys, key));
  const rowOf = (i: number) => rows[i] ?? 0;
  return {
    row: rowOf(index),
    rowOf,
    col: letters,
    ref: (key, r = rowOf(index)) => `${letters(key)}${r}`,
    range: (key, from, to) => `${letters(key)}${rowOf(from)}:${letters(key)}${rowOf(to)}`,
  };
}

function columnOf(keys: ReadonlyMap<string, number>, key: string): number {
  const c = keys.get(key);
  // A key that names no column is a programmer's mistake in a sheet's descriptors.
  if (c === undefined) throw new Error(`leader sheet: no column with key ${key}`);
  return c;
}

function columnWidths(blocks: readonly LeaderBlock<unknown>[], last: number): number[] {
  const widths = Array.from({ length: last }, () => 0);
  for (const b of blocks) b.columns.forEach((c, i) => (widths[i] = Math.max(widths[i], c.width)));
  return widths.map((w) => w || 60);
}

/** Numbers right and text left; text right of a right-aligned column is centred. */
function alignments(columns: readonly LeaderColumn<unknown>[]): ("Left" | "Center" | "Right")[] {
  const out: ("Left" | "Center" | "Right")[] = [];
  columns.forEach((c, i) => {
    const numeric =
      c.numberFormat !== undefined && c.numberFormat !== null && c.numberFormat !== "@";
    const base = c.align ?? (numeric ? "Right" : "Left");
    out.push(c.align === undefined && base === "Left" && out[i - 1] === "Right" ? "Center" : base);
  });
  return out;
}

function chartDataOps(
  sheet: string,
  charts: readonly ChartWrite[],
  column: number,
  top: number
): { values: WriteOp[]; formats: WriteOp[]; widths: { column: number; width: number }[] } {
  if (charts.length === 0) return { values: [], formats: [], widths: [] };
  const values: WriteOp[] = [
    { kind: "block", sheet, row: top, column, cells: [["图表数据（不打印）"]] },
  ];
  const formats: WriteOp[] = [];
  let row = top + 1;
  let widest = 1;
  for (const { chart, block, at, anchorRow } of charts) {
    const lines = block.rows
      .map((r, i) => ({ r, i }))
      .filter(({ r }) => (chart.include ? chart.include(r) : true));
    const header = [chart.categoryHeader, ...chart.series.map((s) => s.header)];
    const cells: CellWrite[][] = chart.table
      ? [header, ...chart.table.rows]
      : [
          header,
          ...lines.map(({ r, i }) => [
            chart.category(r),
            ...chart.series.map((s) => s.value(r, at(i))),
          ]),
        ];
    if (cells.length < 2) continue;
    const last = column + chart.series.length;
    widest = Math.max(widest, chart.series.length + 1);
    values.push({
      kind: "block",
      sheet,
      row,
      column,
      cells,
      numberFormats: {
        byColumn: chart.table
          ? [...chart.table.numberFormats]
          : [null, ...chart.series.map((s) => s.numberFormat ?? null)],
      },
    });
    formats.push(
      {
        kind: "style",
        sheet,
        range: rangeAddress(row, column, row, last),
        bold: true,
        fill: OUTPUT_HEADER_FILL,
        fontColor: OUTPUT_HEADER_FONT,
      },
      {
        kind: "chart",
        sheet,
        type: chart.type,
        dataRange: rangeAddress(row, column, row + cells.length - 1, last),
        title: chart.title,
        anchor: cellAddress(anchorRow, column + widest + 1),
        name: chart.name,
      }
    );
    row += cells.length + 1;
  }
  return {
    values,
    formats,
    widths: Array.from({ length: widest }, (_, i) => ({
      column: column + i,
      width: i === 0 ? 110 : 80,
    })),
  };
}

function heightRuns(heights: readonly { row: number; height: number }[]) {
  const runs: { from: number; to: number; height: number }[] = [];
  for (const { row, height } of [...heights].sort((a, b) => a.row - b.row)) {
    const last = runs[runs.length - 1];
    if (last && last.to + 1 === row && last.height === height) last.to = row;
    else runs.push({ from: row, to: row, height });
  }
  return runs;
}

/** Sorted runs of consecutive numbers, as [first, last] pairs. */
function rowRuns(rows: readonly number[]): [number, number][] {
  const sorted = [...rows].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else if (!last || r !== last[1]) out.push([r, r]);
  }
  return out;
}

/** Runs of rows from `first` to `last` without the repeated header rows. */
function runsExcluding(first: number, last: number, skip: readonly number[]): [number, number][] {
  const rows: number[] = [];
  for (let r = first; r <= last; r++) if (!skip.includes(r)) rows.push(r);
  return rowRuns(rows);
}
