/**
 * Workbooks too big for exceljs' in-memory model. Loaded whole, a
 * 1,048,576-row 接种进度 sheet of eight columns takes about 2.7 GB of heap in
 * exceljs (one object per cell), which with the computing and writing on
 * top overruns Node's default heap of about 4 GB. So a sheet whose XML is
 * larger than LARGE_SHEET_XML_BYTES is handled in three steps:
 *
 * 1. its cells are cut out of a copy of the file (everything else of the sheet
 *    stays: widths, freeze panes, merges, conditional formats), and that copy
 *    is loaded into exceljs as usual, with full fidelity;
 * 2. its values and formulas are read with exceljs' streaming reader
 *    (`ExcelJS.stream.xlsx.WorkbookReader`) into plain arrays, which commands
 *    read like any snapshot;
 * 3. on save, exceljs' streaming writer writes every sheet: the small ones
 *    from the in-memory workbook, the large ones by streaming their rows (with
 *    their styles) from the input file again, with the cells commands wrote
 *    laid over them.
 *
 * Known limit: in a streamed sheet a shared formula's dependent cells (Excel
 * writes them when a formula is filled down) are read without their formula,
 * so they are written back as their values; a note says how many.
 */
import { createReadStream, promises as fs } from "node:fs";
import * as path from "node:path";
import { StringDecoder } from "node:string_decoder";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Message } from "../../core/issue";
import type { CellValue } from "../../workbook/cells";
import { HostError } from "../../workbook/host";
import { isFormulaCell } from "../../workbook/plan";
import { plainValue } from "./cellValues";
import { checkCellPosition } from "./dataRegion";
import {
  keepProtections,
  protectionElement,
  protectionToWrite,
  type KeptProtection,
} from "./protection";
import { cannotWrite, checkZipSizes, loadXlsx, unreadable } from "./files";
import type { OpenedWorkbook } from "./open";
import { createXlsxHost, type BulkEdit, type BulkSheet } from "./xlsxHost";

/**
 * Sheets whose XML is larger than this are streamed: 16 MiB, about 50,000
 * rows of eight columns. Streaming is both faster and far lighter from there
 * on (100,000 rows: 9 s and 0.43 GB peak instead of 12 s and 1.4 GB, see
 * docs/cli.md); smaller sheets are loaded whole, with full fidelity.
 */
export const LARGE_SHEET_XML_BYTES = 16 * 1024 * 1024;

export interface LargePart {
  name: string;
  /** Zip path, e.g. `xl/worksheets/sheet2.xml`. */
  part: string;
  bytes: number;
}

/** What `inspectXlsx` learns from a file's zip directory. */
export interface XlsxInspection {
  /** Sheets whose XML exceeds the threshold (streamed). */
  large: LargePart[];
  /** Parts of the file that exceljs drops on a round trip, e.g. "图表"/"charts". */
  unkept: Message[];
}

/** Zip folders of features exceljs does not keep, and their names. */
const UNKEPT_PARTS: readonly { prefix: string; zh: string; en: string }[] = [
  { prefix: "xl/charts/", zh: "图表", en: "charts" },
  { prefix: "xl/pivotTables/", zh: "数据透视表", en: "pivot tables" },
  { prefix: "xl/slicers/", zh: "切片器", en: "slicers" },
  { prefix: "xl/externalLinks/", zh: "外部链接", en: "external links" },
  { prefix: "xl/vbaProject.bin", zh: "宏", en: "macros" },
];

/**
 * Reads only the zip directory, workbook.xml and its relationships (no sheet
 * is decompressed): which sheets are large, and which parts of the file a
 * round trip through exceljs would lose. A part with an absurd compression
 * ratio (a zip bomb) is refused with a HostError naming the file.
 */
export async function inspectXlsx(
  bytes: Buffer,
  threshold: number,
  file?: string
): Promise<XlsxInspection> {
  // Large sheets are streamed, so only the compression ratio is checked here;
  // the total is checked when the rest is loaded whole (loadXlsx).
  const sizes = new Map(
    checkZipSizes(bytes, file, { maxTotal: Infinity }).map((e) => [e.name, e.uncompressed])
  );
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw unreadable(file, e);
  }
  const sheets = await sheetParts(zip);
  const large = sheets
    .map((s) => ({ ...s, bytes: sizes.get(s.part) ?? 0 }))
    .filter((s) => s.bytes > threshold && /^xl\/worksheets\/sheet\d+\.xml$/.test(s.part));
  const names = Object.keys(zip.files);
  const lost = UNKEPT_PARTS.filter((p) => names.some((n) => n.startsWith(p.prefix)));
  const unkept: Message[] =
    lost.length === 0
      ? []
      : [
          {
            zh: `${file ? `“${file}”` : "文件"}中的${lost.map((p) => p.zh).join("、")}无法由命令行保留，输出文件中没有这些内容（原文件不受影响）；需要时请在 Excel 中使用加载项`,
            en: `The ${lost.map((p) => p.en).join(", ")} in ${file ?? "the file"} cannot be kept by the command line and are not in the output (the input is untouched); use the add-in in Excel where they matter`,
          },
        ];
  return { large, unkept };
}

/**
 * Opens a workbook with large sheets (see the file comment).
 */
export async function openLargeWorkbook(
  file: string,
  bytes: Buffer,
  large: readonly LargePart[],
  onProgress?: (done: number, total: number) => void
): Promise<OpenedWorkbook> {
  const zip = await JSZip.loadAsync(bytes);
  const expectedRows = new Map<string, number>();
  const rowFlags = new Map<string, Map<number, RowFlags>>();
  for (const part of large) {
    const { head, tail, flags } = await headAndTail(zip, part.part);
    expectedRows.set(part.part, lastRowOfDimension(head));
    rowFlags.set(part.part, flags);
    zip.file(part.part, `${head}<sheetData/>${tail}`);
  }
  // Every large part is a stub by now, so reading each sheet whole is cheap.
  const elements = await protectionElements(zip);
  const stubBytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  const workbook = await loadXlsx(stubBytes, path.basename(file));
  const kept = keepProtections(workbook, elements);
  const bulk = new Map<string, BulkSheet>();
  const byPart = new Map(large.map((p) => [p.part, p]));
  const notes: Message[] = [];
  await streamSheetsOrFail(file, byPart, async (part, reader) => {
    const sheet: BulkSheet = { name: part.name, values: [], formulas: [], edits: new Map() };
    let sharedDependents = 0;
    const total = expectedRows.get(part.part) ?? 0;
    for await (const row of reader) {
      const r = row.number;
      checkCellPosition(part.name, r, 1, path.basename(file));
      const values: CellValue[] = [];
      let formulas: CellValue[] | undefined;
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const v = cell.value as ExcelJS.CellValue;
        while (values.length < c - 1) values.push(null);
        const isFormula = typeof v === "object" && v !== null && "formula" in v;
        const text = isFormula ? (v as ExcelJS.CellFormulaValue).formula : "";
        if (isFormula && text === "") sharedDependents += 1;
        values[c - 1] = plainValue(v);
        if (isFormula && text !== "") {
          formulas ??= [...values];
          while (formulas.length < c - 1) formulas.push(null);
          formulas[c - 1] = `=${text}`;
        } else if (formulas) {
          while (formulas.length < c - 1) formulas.push(null);
          formulas[c - 1] = values[c - 1];
        }
      });
      while (sheet.values.length < r - 1) {
        const empty: CellValue[] = [];
        sheet.values.push(empty);
        sheet.formulas.push(empty);
      }
      sheet.values[r - 1] = values;
      sheet.formulas[r - 1] = formulas ?? values;
      // Without a <dimension> the total is unknown (0): progress then counts rows.
      if (r % 10_000 === 0) onProgress?.(r, total > 0 ? Math.max(total, r) : 0);
    }
    trimTrailingBlankRows(sheet);
    if (sharedDependents > 0) {
      notes.push({
        zh: `“${part.name}”是大表，其中 ${sharedDependents} 个共享公式单元格按数值读取并写回`,
        en: `${part.name} is streamed: ${sharedDependents} cells of shared formulas were read and written back as values`,
      });
    }
    bulk.set(part.name, sheet);
  });
  const host = createXlsxHost(workbook, { bulkSheets: bulk });
  return {
    host: {
      ...host,
      notes: () => [...notes, ...host.notes()],
    },
    streamed: true,
    unkept: await streamedUnkept(zip, path.basename(file)),
    save: (out, progress) =>
      saveStreamed(file, workbook, { bulk, byPart, rowFlags, kept }, out, progress),
  };
}

/** What the streamed save needs besides the stub workbook. */
interface StreamedParts {
  bulk: ReadonlyMap<string, BulkSheet>;
  byPart: ReadonlyMap<string, LargePart>;
  /** Hidden and grouped rows of each large part (the streaming reader drops them). */
  rowFlags: ReadonlyMap<string, ReadonlyMap<number, RowFlags>>;
  kept: ReadonlyMap<string, KeptProtection>;
}

async function saveStreamed(
  input: string,
  workbook: ExcelJS.Workbook,
  { bulk, byPart, rowFlags, kept }: StreamedParts,
  output: string,
  onProgress?: (done: number, total: number) => void
): Promise<void> {
  const temp = path.join(path.dirname(output), `.${path.basename(output)}.${process.pid}.tmp`);
  try {
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: temp,
      useStyles: true,
      useSharedStrings: true,
    });
    const partOf = new Map([...byPart.values()].map((p) => [p.name, p]));
    for (const ws of workbook.worksheets) {
      const out = writer.addWorksheet(ws.name, {
        properties: ws.properties,
        pageSetup: ws.pageSetup,
        headerFooter: ws.headerFooter,
        views: ws.views,
        state: ws.state,
      });
      copyColumns(ws, out);
      writeProtection(out, ws, protectionToWrite(ws, kept));
      // The streaming writer places merges on rows not yet committed: merge first.
      for (const range of mergedRanges(ws)) out.mergeCells(range);
      const big = bulk.get(ws.name);
      const part = partOf.get(ws.name);
      if (big && part) {
        const flags = rowFlags.get(part.part) ?? new Map<number, RowFlags>();
        await copyStreamedRows(input, part, big, ws, out, flags, onProgress);
      } else {
        ws.eachRow({ includeEmpty: true }, (row, r) => {
          const target = rowAt(out, r);
          if (row.height) target.height = row.height;
          if (row.hidden) target.hidden = true;
          if (row.outlineLevel) target.outlineLevel = row.outlineLevel;
          row.eachCell({ includeEmpty: true }, (cell, c) => copyCell(cell, target.getCell(c)));
          target.commit();
        });
      }
      copySheetExtras(ws, out);
      out.commit();
    }
    writer.definedNames.model = workbook.definedNames.model;
    await writer.commit();
    await fs.rename(temp, output);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw cannotWrite(output, e);
  }
}

/** Streams a large sheet's rows from the input into the writer, with the commands' cells laid over. */
async function copyStreamedRows(
  input: string,
  part: LargePart,
  big: BulkSheet,
  stub: ExcelJS.Worksheet,
  out: ExcelJS.Worksheet,
  flags: ReadonlyMap<number, RowFlags>,
  onProgress?: (done: number, total: number) => void
): Promise<void> {
  // Style ops on a streamed sheet land in its stub; they are laid over the streamed cells.
  const styled = new Map<number, ExcelJS.Row>();
  stub.eachRow({ includeEmpty: false }, (row, r) => void styled.set(r, row));
  const editRows = [...new Set([...big.edits.keys(), ...styled.keys()])].sort((a, b) => a - b);
  const overlay = (target: ExcelJS.Row, r: number) => {
    styled.get(r)?.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.style && Object.keys(cell.style).length > 0) target.getCell(c).style = cell.style;
    });
    applyEdits(target, big.edits.get(r));
  };
  let nextEdit = 0;
  const writeEditsBefore = (row: number) => {
    while (nextEdit < editRows.length && editRows[nextEdit] < row) {
      const r = editRows[nextEdit++];
      const target = rowAt(out, r);
      overlay(target, r);
      target.commit();
    }
  };
  const total = big.values.length;
  if (big.cleared) {
    writeEditsBefore(Number.POSITIVE_INFINITY);
    return;
  }
  await streamSheets(input, new Map([[part.part, part]]), async (_p, reader) => {
    for await (const row of reader) {
      writeEditsBefore(row.number);
      const target = rowAt(out, row.number);
      if (row.height) target.height = row.height;
      const flag = flags.get(row.number);
      if (flag?.hidden) target.hidden = true;
      if (flag?.outlineLevel) target.outlineLevel = flag.outlineLevel;
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const to = target.getCell(c);
        const v = cell.value as ExcelJS.CellValue;
        const shared =
          typeof v === "object" &&
          v !== null &&
          "formula" in v &&
          (v as ExcelJS.CellFormulaValue).formula === "";
        to.value = shared ? ((v as ExcelJS.CellFormulaValue).result ?? null) : v;
        if (cell.style && Object.keys(cell.style).length > 0) to.style = cell.style;
      });
      if (nextEdit < editRows.length && editRows[nextEdit] === row.number) {
        overlay(target, row.number);
        nextEdit += 1;
      }
      target.commit();
      if (row.number % 10_000 === 0) onProgress?.(row.number, Math.max(total, row.number));
    }
  });
  writeEditsBefore(Number.POSITIVE_INFINITY);
}

/**
 * Protection goes right after `</sheetData>`, where the schema puts it: the
 * streaming writer would write it after the merges and validations, an order
 * Excel repairs. The kept element is written as the file had it; otherwise
 * the stub's model (a template a command protected).
 */
function writeProtection(
  out: ExcelJS.Worksheet,
  ws: ExcelJS.Worksheet,
  element: string | undefined
): void {
  const writer = out as unknown as {
    sheetProtection: unknown;
    stream: { write(text: string): void };
    _writeCloseSheetData(): void;
    _writeSheetProtection(): void;
  };
  writer.sheetProtection = (ws as unknown as { sheetProtection?: unknown }).sheetProtection ?? null;
  const close = writer._writeCloseSheetData.bind(out);
  const protect = writer._writeSheetProtection.bind(out);
  writer._writeCloseSheetData = () => {
    close();
    if (element) writer.stream.write(element);
    else protect();
  };
  writer._writeSheetProtection = () => undefined;
}

/**
 * The writer's row `r`, skipping empty rows first. exceljs' WorksheetWriter
 * keeps uncommitted rows in an array from its first uncommitted row and
 * commits by shifting that array one row at a time, so a row a million rows
 * past the last one (a stray cell at XFD1048576) made a million-slot sparse
 * array shifted a million times. When every row before is committed, the
 * array is empty and its start can move straight to `r`.
 */
function rowAt(out: ExcelJS.Worksheet, r: number): ExcelJS.Row {
  const writer = out as unknown as { _rows: unknown[]; _rowZero: number };
  if (writer._rows.length === 0 && r > writer._rowZero) writer._rowZero = r;
  return out.getRow(r);
}

function applyEdits(row: ExcelJS.Row, edits: ReadonlyMap<number, BulkEdit> | undefined): void {
  for (const [column, edit] of edits ?? []) {
    const cell = row.getCell(column);
    const w = edit.cell;
    if (isFormulaCell(w)) {
      cell.value = {
        formula: w.formula.replace(/^=/, ""),
        result: w.value === null ? "" : w.value,
      } as ExcelJS.CellFormulaValue;
    } else {
      cell.value = w === "" ? null : w;
    }
    if (edit.numberFormat) cell.numFmt = edit.numberFormat;
  }
}

function copyCell(from: ExcelJS.Cell, to: ExcelJS.Cell): void {
  // A merged area's hidden cells keep only their style; the writer's merge covers them.
  if (from.type !== MERGE_TYPE) {
    const v = from.value;
    const isFormula =
      typeof v === "object" && v !== null && ("formula" in v || "sharedFormula" in v);
    to.value = isFormula
      ? ({ formula: from.formula, result: from.result } as ExcelJS.CellFormulaValue)
      : v;
  }
  if (from.style && Object.keys(from.style).length > 0) to.style = from.style;
}

function copyColumns(from: ExcelJS.Worksheet, to: ExcelJS.Worksheet): void {
  const columns = from.columns ?? [];
  columns.forEach((column, i) => {
    const target = to.getColumn(i + 1);
    if (column.width !== undefined) target.width = column.width;
    if (column.hidden) target.hidden = true;
  });
}

function mergedRanges(ws: ExcelJS.Worksheet): string[] {
  const merges = (ws as unknown as { _merges: Record<string, { tl: string; br: string }> })._merges;
  return Object.values(merges).map((m) => `${m.tl}:${m.br}`);
}

function copySheetExtras(from: ExcelJS.Worksheet, to: ExcelJS.Worksheet): void {
  const cfs = (
    from as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] }
  ).conditionalFormattings;
  for (const cf of cfs ?? []) to.addConditionalFormatting(cf);
  const validations = (from as unknown as { dataValidations?: { model: unknown } }).dataValidations;
  const target = (to as unknown as { dataValidations?: { model: unknown } }).dataValidations;
  if (validations && target) target.model = validations.model;
  if (from.autoFilter) to.autoFilter = from.autoFilter;
}

/** Parts the streamed save does not write again (the whole-workbook path keeps them). */
const STREAM_UNKEPT: readonly { test: RegExp; zh: string; en: string }[] = [
  { test: /^xl\/comments\d*\.xml$/, zh: "批注", en: "comments" },
  { test: /^xl\/media\//, zh: "图片", en: "pictures" },
  { test: /^xl\/tables\//, zh: "Excel 表（表格样式与结构化引用）", en: "Excel tables" },
  { test: /^xl\/worksheets\/_rels\/.*\.rels$/, zh: "超链接", en: "hyperlinks" },
];

async function streamedUnkept(zip: JSZip, file: string): Promise<Message[]> {
  const names = Object.keys(zip.files);
  const lost: { zh: string; en: string }[] = [];
  for (const p of STREAM_UNKEPT) {
    const parts = names.filter((n) => p.test.test(n));
    if (p.en !== "hyperlinks") {
      if (parts.length > 0) lost.push(p);
      continue;
    }
    // A sheet's relationships also name its drawings and comments: only a hyperlink counts here.
    for (const n of parts) {
      if ((await zip.file(n)?.async("string"))?.includes("relationships/hyperlink")) {
        lost.push(p);
        break;
      }
    }
  }
  if (lost.length === 0) return [];
  return [
    {
      zh: `“${file}”有大表，按大表方式保存时其中的${lost.map((p) => p.zh).join("、")}无法保留，输出文件中没有这些内容（原文件不受影响）；工作表保护、隐藏行列、合并单元格、条件格式和数据验证均已保留`,
      en: `${file} has very large sheets; saved that way, its ${lost.map((p) => p.en).join(", ")} cannot be kept and are not in the output (the input is untouched). Sheet protection, hidden rows and columns, merges, conditional formats and validations are kept`,
    },
  ];
}

/** exceljs' ValueType.Merge. */
const MERGE_TYPE = 1;

/** streamSheets, with a failure of the reader turned into a message for the user. */
async function streamSheetsOrFail(
  file: string,
  wanted: ReadonlyMap<string, LargePart>,
  each: (part: LargePart, reader: AsyncIterable<ExcelJS.Row>) => Promise<void>
): Promise<void> {
  try {
    await streamSheets(file, wanted, each);
  } catch (e) {
    throw e instanceof HostError ? e : unreadable(path.basename(file), e);
  }
}

/**
 * Runs `each` on the streaming reader of every wanted sheet part, in file
 * order. The sheet is identified by its zip entry (exceljs announces the
 * entry just before the sheet).
 */
async function streamSheets(
  file: string,
  wanted: ReadonlyMap<string, LargePart>,
  each: (part: LargePart, reader: AsyncIterable<ExcelJS.Row>) => Promise<void>
): Promise<void> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(file), {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "emit",
  });
  decodeAcrossChunks(reader);
  let current: string | undefined;
  (reader as unknown as NodeJS.EventEmitter).on("entry", (entry: { type: string; id?: string }) => {
    if (entry.type === "worksheet") current = `xl/worksheets/sheet${entry.id}.xml`;
  });
  for await (const worksheet of reader) {
    const rows = worksheet as unknown as AsyncIterable<ExcelJS.Row>;
    const part = current === undefined ? undefined : wanted.get(current);
    if (part) {
      await each(part, rows);
    } else {
      // Start reading a sheet we skip before leaving it: exceljs deletes the temporary
      // copy of a sheet as soon as we move on, and a copy never opened would then fail
      // to open (ENOENT) as an unhandled stream error.
      const iterator = rows[Symbol.asyncIterator]();
      await iterator.next();
      await iterator.return?.();
    }
  }
}

/** The part readers of exceljs' WorkbookReader that decode an entry (private in 4.4.0). */
interface ReaderInternals {
  _parseRels(entry: NodeJS.ReadableStream): unknown;
  _parseWorkbook(entry: NodeJS.ReadableStream): unknown;
  _parseSharedStrings(entry: NodeJS.ReadableStream): unknown;
  _parseStyles(entry: NodeJS.ReadableStream): unknown;
  _parseWorksheet(chunks: AsyncIterable<Buffer | string>, sheetNo: string): unknown;
}

/**
 * exceljs 4.4.0's streaming reader decodes every inflated chunk on its own
 * (`utils/parse-sax.js` calls `TextDecoder.decode(chunk)` without `stream`), so
 * a character whose bytes fall across two chunks becomes U+FFFD on both sides:
 * `东湖乡` read back as `���湖乡`. Its parser passes strings through as they
 * are, so each part is decoded here, across chunk boundaries, before it
 * reaches the parser: the entry streams through `setEncoding` (Node's
 * StringDecoder), the worksheet chunks through a streaming TextDecoder.
 */
function decodeAcrossChunks(reader: ExcelJS.stream.xlsx.WorkbookReader): void {
  const internals = reader as unknown as ReaderInternals;
  for (const method of [
    "_parseRels",
    "_parseWorkbook",
    "_parseSharedStrings",
    "_parseStyles",
  ] as const) {
    const original = internals[method].bind(reader);
    internals[method] = (entry: NodeJS.ReadableStream) => {
      entry.setEncoding("utf8");
      return original(entry);
    };
  }
  const worksheet = internals._parseWorksheet.bind(reader);
  internals._parseWorksheet = (chunks, sheetNo) => worksheet(decodeChunks(chunks), sheetNo);
}

async function* decodeChunks(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of chunks) {
    const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    if (text !== "") yield text;
  }
  const rest = decoder.decode();
  if (rest !== "") yield rest;
}

/** Sheet names and their zip parts, from workbook.xml and its relationships. */
export async function sheetParts(zip: JSZip): Promise<{ name: string; part: string }[]> {
  const workbookXml = await zip.file("xl/workbook.xml")?.async("string");
  const relsXml = await zip.file("xl/_rels/workbook.xml.rels")?.async("string");
  if (workbookXml === undefined || relsXml === undefined) return [];
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attribute(m[1], "Id");
    const target = attribute(m[1], "Target");
    if (id && target) targets.set(id, normalizePart(target));
  }
  const out: { name: string; part: string }[] = [];
  for (const m of workbookXml.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const name = attribute(m[1], "name");
    const rid = attribute(m[1], "r:id");
    const part = rid ? targets.get(rid) : undefined;
    if (name && part) out.push({ name: decodeXml(name), part });
  }
  return out;
}

function normalizePart(target: string): string {
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

function attribute(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name.replace(":", "\\:")}="([^"]*)"`).exec(attrs);
  return m?.[1];
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** jszip keeps each entry's uncompressed size from the zip directory (not in its public types). */
/**
 * The XML of a sheet before `<sheetData>` and after `</sheetData>`, read as a
 * stream so the rows in between are never held in memory.
 */
async function headAndTail(
  zip: JSZip,
  part: string
): Promise<{ head: string; tail: string; flags: Map<number, RowFlags> }> {
  const flags = new Map<number, RowFlags>();
  const entry = zip.file(part);
  if (!entry) return { head: "", tail: "", flags };
  const decoder = new StringDecoder("utf8");
  let head = "";
  let tail = "";
  let state: "head" | "rows" | "tail" = "head";
  let carry = "";
  const END = "</sheetData>";
  const onChunk = (chunk: Buffer) => {
    let text = decoder.write(chunk);
    if (state === "head") {
      head += text;
      const at = head.search(/<sheetData[\s>/]/);
      if (at < 0) return;
      const rest = head.slice(at);
      head = head.slice(0, at);
      const selfClosing = /^<sheetData\s*\/>/.exec(rest);
      if (selfClosing) {
        state = "tail";
        tail = rest.slice(selfClosing[0].length);
        return;
      }
      state = "rows";
      text = rest;
    }
    if (state === "rows") {
      const joined = carry + text;
      const at = joined.indexOf(END);
      const rows = at < 0 ? joined : joined.slice(0, at);
      // A row tag may run on into the next chunk: keep from its "<" on.
      const open = rows.lastIndexOf("<");
      const complete = open >= 0 && rows.indexOf(">", open) < 0 ? rows.slice(0, open) : rows;
      collectRowFlags(complete, flags);
      if (at < 0) {
        carry = rows.slice(complete.length) || joined.slice(-END.length);
        return;
      }
      state = "tail";
      tail = joined.slice(at + END.length);
      return;
    }
    tail += text;
  };
  // jszip's node stream is a classic stream (not async-iterable).
  await new Promise<void>((resolve, reject) => {
    entry
      .nodeStream("nodebuffer")
      .on("data", (chunk: Buffer) => onChunk(chunk))
      .on("end", () => resolve())
      .on("error", reject);
  });
  tail += decoder.end();
  return { head, tail, flags };
}

/** A row's `hidden` and `outlineLevel`, which exceljs' streaming reader does not read. */
interface RowFlags {
  hidden?: boolean;
  outlineLevel?: number;
}

function collectRowFlags(xml: string, flags: Map<number, RowFlags>): void {
  for (const m of xml.matchAll(/<row\b([^>]*)>/g)) {
    const attrs = m[1];
    const hidden = /\bhidden="(1|true)"/.test(attrs);
    const level = Number(/\boutlineLevel="(\d+)"/.exec(attrs)?.[1] ?? 0);
    if (!hidden && level === 0) continue;
    const r = Number(/\br="(\d+)"/.exec(attrs)?.[1]);
    if (Number.isInteger(r)) flags.set(r, { hidden, outlineLevel: level });
  }
}

/** Each sheet's `<sheetProtection>` element as the file spells it, by sheet name. */
export async function protectionElements(zip: JSZip): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const { name, part } of await sheetParts(zip)) {
    const xml = await zip.file(part)?.async("string");
    const element = xml === undefined ? undefined : protectionElement(xml);
    if (element) out.set(name, element);
  }
  return out;
}

/** The last row of the sheet's `<dimension ref="A1:H1048576"/>`, or 0. */
function lastRowOfDimension(head: string): number {
  const m = /<dimension\s+ref="[A-Z]*\d*:?[A-Z]*(\d+)"/.exec(head);
  return m ? Number(m[1]) : 0;
}

function trimTrailingBlankRows(sheet: BulkSheet): void {
  const blank = (row: CellValue[] | undefined) =>
    !row || row.every((v) => v === null || (typeof v === "string" && v === ""));
  while (sheet.values.length > 0 && blank(sheet.values[sheet.values.length - 1])) {
    sheet.values.pop();
    sheet.formulas.pop();
  }
}
