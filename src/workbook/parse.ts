/**
 * Parsing a sheet's 2-D cell array into typed rows. Every problem becomes a
 * CellIssue naming the sheet and cell; rows with problems are still returned
 * (with the bad field set to null and `ok` false) so callers decide what to do,
 * and valid rows are always usable.
 */
import type { Message } from "../core/issue";
import { cellAddress } from "./a1";
import {
  isBlank,
  readDate,
  readDateTime,
  readNumber,
  readText,
  readTime,
  toHalfWidth,
  type CellValue,
  type Grid,
} from "./cells";
import { pushAll } from "../core/arrays";
import { chineseDate, isoFromSerial, serialFromYmd } from "../core/dates";
import { detectHeader, HEADER_SEARCH_ROWS, INVISIBLE, type HeaderMatch } from "./headers";
import type { CellIssue } from "./issues";
import { labelColumns, type ColumnSpec, type TableSpec } from "./schema";

export type FieldValue = string | number | null;

export interface ParsedRow {
  /** 1-based sheet row. */
  row: number;
  /** Field key → typed value (null when blank or unreadable). */
  values: Record<string, FieldValue>;
  /** False when any cell of the row had an error. */
  ok: boolean;
}

export interface ParsedTable {
  spec: TableSpec;
  sheet: string;
  /** Undefined when no header row was found; then `rows` is empty. */
  header?: HeaderMatch;
  rows: ParsedRow[];
  issues: CellIssue[];
  /** The table's 合计/小计 rows, which are never data. */
  summaries: SummaryRow[];
}

export interface ParseOptions {
  /** Parse only these roles' columns (default: input columns only). */
  roles?: ReadonlyArray<"input" | "output">;
  /** Sheet name used in issues (default: the spec's sheet name). */
  sheet?: string;
  /** The sheet's formulas (same shape as the values): a formula without a cached value is reported as such, and SUM rows are recognised. */
  formulas?: Grid;
}

/**
 * Parses a table from a sheet's cell values (anchored at A1).
 *
 * @example
 * parseTable(stockpileSpec, [["XX县物资储备情况表"], ["单位", "物资名称", "现有库存"], ["卫健局", "N95", "-3"]])
 * //=> { header: { headerRow: 2, ... }, rows: [{ row: 3, values: {..., stock: null}, ok: false }],
 * //     issues: [{ sheet: "物资储备", cell: "C3", code: "belowMin", ... }] }
 */
export function parseTable(spec: TableSpec, grid: Grid, options: ParseOptions = {}): ParsedTable {
  const sheet = options.sheet ?? spec.sheet;
  const roles = options.roles ?? ["input"];
  const header = detectHeader(spec, grid);
  const issues: CellIssue[] = [];
  if (!header) {
    issues.push(headerNotFound(spec, sheet));
    return { spec, sheet, rows: [], issues, summaries: [] };
  }
  pushAll(issues, headerIssues(spec, grid, header, sheet));
  const body = scanBody(spec, grid, header, { sheet, formulas: options.formulas });
  pushAll(issues, body.issues);
  const fields = spec.columns.filter((c) => roles.includes(c.role) && header.columns.has(c.key));
  const rows: ParsedRow[] = [];
  for (const r of body.dataRows) {
    const line = grid[r] ?? [];
    const values: Record<string, FieldValue> = {};
    const failed = new Set<string>();
    let ok = true;
    for (const col of fields) {
      const column = header.columns.get(col.key) as number;
      const read = readField(col, line[column - 1], header.units.get(col.key)?.factor);
      values[col.key] = read.value;
      if (read.error) {
        ok = false;
        failed.add(col.key);
        issues.push({
          code: read.code,
          severity: "error",
          sheet,
          cell: cellAddress(r + 1, column),
          message: read.error,
        });
      } else if (read.value === null && isFormulaText(options.formulas?.[r]?.[column - 1])) {
        ok = false;
        failed.add(col.key);
        issues.push(formulaNoValue(sheet, r + 1, column, col));
      } else if (read.warning) {
        issues.push({
          code: read.code,
          severity: "warning",
          sheet,
          cell: cellAddress(r + 1, column),
          message: read.warning,
        });
      }
    }
    for (const col of spec.columns) {
      if (!col.required || col.role !== "input" || !header.columns.has(col.key)) continue;
      if (values[col.key] === null && !failed.has(col.key)) {
        ok = false;
        issues.push(requiredIssue(sheet, r + 1, header.columns.get(col.key) as number, col));
      }
    }
    rows.push({ row: r + 1, values, ok });
  }
  return { spec, sheet, header, rows, issues, summaries: body.summaries };
}

/** The issue of a sheet where no header was found. */
export function headerNotFound(spec: TableSpec, sheet: string): CellIssue {
  return {
    code: "headerNotFound",
    severity: "error",
    sheet,
    cell: "A1",
    message: {
      zh: `在“${sheet}”前 ${HEADER_SEARCH_ROWS} 行中未找到表头，请确认包含列：${requiredNames(spec)}`,
      en: `No header row found in the first ${HEADER_SEARCH_ROWS} rows of "${sheet}"; it needs the columns: ${requiredNames(spec, "en")}`,
    },
  };
}

/**
 * The issues of a header: required columns missing, columns repeated, units
 * that were converted (a warning, once, at the header cell) and units that
 * cannot be (an error at the header cell; the column is not read).
 *
 * @example
 * headerIssues(spec, grid, detectHeader(spec, grid), "隔离床位")
 * //=> [{ code: "unitConverted", cell: "C3", severity: "warning", ... }]
 */
export function headerIssues(
  spec: TableSpec,
  grid: Grid,
  header: HeaderMatch,
  sheet: string
): CellIssue[] {
  const issues: CellIssue[] = [];
  for (const col of header.missing) {
    if (!col.required) continue;
    issues.push({
      code: "missingColumn",
      severity: "error",
      sheet,
      cell: cellAddress(
        header.headerRow,
        Math.max(header.lastColumn, lastColumn(grid[header.headerRow - 1])) + 1
      ),
      message: {
        zh: `缺少必填列“${col.zh}”，请在第 ${header.headerRow} 行表头中添加`,
        en: `Required column "${col.zh}" (${col.en}) is missing; add it to the header in row ${header.headerRow}`,
      },
    });
  }
  for (const d of header.duplicates) {
    const col = spec.columns.find((c) => c.key === d.key);
    issues.push({
      code: "duplicateColumn",
      severity: "warning",
      sheet,
      cell: cellAddress(header.headerRow, d.columns[1]),
      message: {
        zh: `表头“${col?.zh}”出现多次，仅使用第一列，请删除或改名重复列`,
        en: `Header "${col?.zh}" (${col?.en}) appears more than once; only the first is used. Remove or rename the copy`,
      },
    });
  }
  for (const [key, u] of header.units) {
    if (u.factor === 1) continue;
    const col = spec.columns.find((c) => c.key === key) as ColumnSpec;
    issues.push({
      code: "unitConverted",
      severity: "warning",
      sheet,
      cell: cellAddress(u.row, u.column),
      message: {
        zh: `“${col.zh}”按“${u.unit}”填写，已乘以 ${u.factor.toLocaleString("en-US")} 换算为“${col.unit?.base ?? u.unit.slice(1)}”计算`,
        en: `${col.en} is given in ${u.unit}; it was multiplied by ${u.factor.toLocaleString("en-US")} to count in ${col.unit?.base ?? u.unit.slice(1)}`,
      },
    });
  }
  for (const u of header.unitConflicts) {
    const col = spec.columns.find((c) => c.key === u.key) as ColumnSpec;
    issues.push({
      code: "unitMismatch",
      severity: "error",
      sheet,
      cell: cellAddress(u.row, u.column),
      message: {
        zh: `“${col.zh}”的单位“${u.unit}”无法换算为“${u.expected}”，此列未读取；请按${u.expected}填写并改正表头单位`,
        en: `${col.en} is given in ${u.unit}, which cannot be converted to ${u.expected}; the column was not read. Enter it in ${u.expected} and correct the header`,
      },
    });
  }
  return issues;
}

/** What the rows under a header hold: data rows, summary rows, and where the table ends. */
export interface TableBody {
  /** 0-based grid indices of the data rows, in sheet order. */
  dataRows: number[];
  summaries: SummaryRow[];
  /** 1-based row of the first footer row (填表人…), where the table ends. */
  footerRow?: number;
  /** Summary figures that disagree with the rows they cover, footers with data below, summary labels used as names. */
  issues: CellIssue[];
}

/** A 合计/小计 row: never data, never ranked, left untouched. */
export interface SummaryRow {
  /** 1-based sheet row. */
  row: number;
  /** The label as written (`合计`, `城关镇小计`, `其中：…`), "" for a blank-name row of SUMs. */
  label: string;
  /** total: 合计/总计/全县合计; subtotal: XX小计, a section row with figures, a blank-name row of SUMs; part: 其中… */
  kind: "total" | "subtotal" | "part";
  /** 1-based rows of the data rows it sums (none for a part). */
  covers: number[];
}

/**
 * Sorts the rows under a header into data, blank separator, summary and
 * footer rows, the same way for every table and every reader. A footer row
 * (填表人, 审核人, 负责人, 联系电话, 填报日期, 注：, 说明：) ends the table.
 * A summary row is one labelled 合计, 总计, 小计, `XX小计`, 全县合计, 全市合计
 * or `其中：…` in a label column (or a user column left of it, such as 序号),
 * a section row (`一、城关片区`) carrying figures, or a row whose label
 * columns are blank and whose figures are SUMs of the rows above. A summary
 * covers the data rows between it and the previous summary of its kind or,
 * placed above them, the rows down to the next one; where its figures are
 * numbers they are compared with the sum of the rows it covers.
 *
 * @example
 * scanBody(spec, grid, header).summaries //=> [{ row: 9, label: "合计", kind: "total", covers: [4, 5, 6, 7, 8] }]
 */
export function scanBody(
  spec: TableSpec,
  grid: Grid,
  header: HeaderMatch,
  options: { sheet?: string; formulas?: Grid } = {}
): TableBody {
  const sheet = options.sheet ?? spec.sheet;
  const inputs = spec.columns
    .filter((c) => c.role === "input" && header.columns.has(c.key))
    .map((c) => ({ spec: c, index: (header.columns.get(c.key) as number) - 1 }));
  const numbers = inputs.filter((c) => c.spec.type === "number");
  const labelKeys = labelColumns(spec).filter((k) => header.columns.has(k));
  const labelIndex = labelKeys.map((k) => (header.columns.get(k) as number) - 1);
  const labelSpan = Math.max(-1, ...labelIndex);
  const issues: CellIssue[] = [];
  const dataRows: number[] = [];
  const order: ({ data: number } | { summary: SummaryRow })[] = [];
  const summaries: SummaryRow[] = [];
  let footerRow: number | undefined;
  let sinceSummary: number[] = [];
  for (let r = header.headerRow; r < grid.length; r++) {
    const line = grid[r] ?? [];
    if (isFooterRow(line)) {
      footerRow = r + 1;
      break;
    }
    if (inputs.every((c) => isBlank(line[c.index]))) continue;
    let label: { text: string; kind: SummaryRow["kind"] } | undefined;
    for (let c = 0; c <= labelSpan && !label; c++) label = summaryLabel(line[c]);
    if (!label && labelIndex.length > 0) {
      const heading = labelIndex
        .map((c) => line[c])
        .find((v) => typeof v === "string" && SECTION.test(v.trim()));
      if (heading !== undefined) {
        if (numbers.every((c) => isBlank(line[c.index]))) continue;
        label = { text: String(heading).trim(), kind: "subtotal" };
      } else if (
        labelIndex.every((c) => isBlank(line[c])) &&
        looksLikeSums(line, numbers, sinceSummary, grid, options.formulas?.[r])
      ) {
        label = { text: "", kind: "subtotal" };
      }
    }
    if (label) {
      const s: SummaryRow = { row: r + 1, label: label.text, kind: label.kind, covers: [] };
      summaries.push(s);
      order.push({ summary: s });
      if (label.kind !== "part") sinceSummary = [];
      continue;
    }
    dataRows.push(r);
    sinceSummary.push(r);
    order.push({ data: r });
  }
  coverSummaries(order);
  for (const s of summaries) {
    if (s.kind === "part") continue;
    if (s.covers.length === 0 && s.label !== "") {
      issues.push(summaryAsName(sheet, s, labelIndex, header, spec));
      continue;
    }
    pushAll(issues, compareSums(sheet, s, numbers, grid, options.formulas));
  }
  if (footerRow !== undefined) {
    for (let r = footerRow; r < grid.length; r++) {
      const line = grid[r] ?? [];
      if (isFooterRow(line)) continue;
      const filled = inputs.filter((c) => !isBlank(line[c.index])).length;
      if (filled >= 2 && filled >= Math.min(3, inputs.length)) {
        issues.push({
          code: "rowsAfterFooter",
          severity: "warning",
          sheet,
          cell: cellAddress(r + 1, (inputs[0]?.index ?? 0) + 1),
          message: {
            zh: `第 ${r + 1} 行位于表尾（第 ${footerRow} 行“填表人”等）之下，未读取；如是数据，请移到表尾之上`,
            en: `Row ${r + 1} lies below the table's footer (row ${footerRow}, 填表人…) and was not read; if it is data, move it above the footer`,
          },
        });
        break;
      }
    }
  }
  return { dataRows, summaries, footerRow, issues };
}

/**
 * The summary label of a cell, if it is one.
 *
 * @example
 * summaryLabel("全县合计") //=> { text: "全县合计", kind: "total" }
 * summaryLabel("城关镇 小计") //=> { text: "城关镇 小计", kind: "subtotal" }
 * summaryLabel("城关镇") //=> undefined
 */
export function summaryLabel(
  value: unknown
): { text: string; kind: SummaryRow["kind"] } | undefined {
  if (typeof value !== "string" || !/[计其]/.test(value)) return undefined;
  const text = value.replace(INVISIBLE, "").trim();
  const n = toHalfWidth(text)
    .replace(/[\s\u00A0]/g, "")
    .replace(/[:：]$/, "");
  if (/^其中[:：,，]?/.test(n)) return { text, kind: "part" };
  if (TOTAL.test(n)) return { text, kind: "total" };
  if (/^.{0,24}(?:小计|合计|总计)$/.test(n)) return { text, kind: "subtotal" };
  return undefined;
}

/**
 * True for a row that ends a table: its first filled cell is a footer label
 * such as 填表人, 审核人, 负责人, 联系电话, 填报日期, 注： or 说明：.
 *
 * @example
 * isFooterRow(["填表人：张三", null, "联系电话：13812345678"]) //=> true
 * isFooterRow(["城关镇", 1200])                               //=> false
 */
export function isFooterRow(line: readonly CellValue[]): boolean {
  const first = line.find((v) => !isBlank(v));
  if (typeof first !== "string") return false;
  return FOOTER.test(toHalfWidth(first.replace(INVISIBLE, "")).replace(/[\s\u00A0]/g, ""));
}

const TOTAL = /^(?:总计|合计|总合计|共计|全(?:县|市|区|旗|州|盟|省|镇|乡)(?:合计|总计))$/;
const FOOTER =
  /^(?:填表人|填报人|制表人|统计人|审核人|审核|审批人|负责人|单位负责人|科室负责人|分管领导|联系电话|电话|填报日期|报送日期|制表日期|填表日期|注\d*|说明|附注)(?:[:：]|$)/;
const SECTION = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])/;

function isFormulaText(value: CellValue | undefined): boolean {
  return typeof value === "string" && value.startsWith("=");
}

function looksLikeSums(
  line: readonly CellValue[],
  numbers: readonly { index: number }[],
  above: readonly number[],
  grid: Grid,
  formulas: readonly CellValue[] | undefined
): boolean {
  if (
    numbers.some(
      (c) =>
        typeof formulas?.[c.index] === "string" &&
        /^=\s*(?:SUM|SUBTOTAL)\s*\(/i.test(String(formulas?.[c.index]))
    )
  )
    return true;
  if (above.length < 2) return false;
  let compared = 0;
  for (const c of numbers) {
    const v = readNumber(line[c.index]);
    if (!v.ok || v.value === null) continue;
    const sum = sumOf(grid, above, c.index);
    if (sum === undefined || !same(v.value, sum)) return false;
    if (v.value !== 0) compared += 1;
  }
  return compared > 0;
}

function sumOf(grid: Grid, rows: readonly number[], index: number): number | undefined {
  let sum = 0;
  for (const r of rows) {
    const v = readNumber(grid[r]?.[index]);
    if (!v.ok) return undefined;
    sum += v.value ?? 0;
  }
  return sum;
}

function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Gives each summary the data rows it covers (see {@link scanBody}). */
function coverSummaries(order: readonly ({ data: number } | { summary: SummaryRow })[]): void {
  const fill = (i: number, stop: (s: SummaryRow) => boolean, step: 1 | -1): number[] => {
    const rows: number[] = [];
    for (let k = i + step; k >= 0 && k < order.length; k += step) {
      const item = order[k];
      if ("summary" in item) {
        if (stop(item.summary)) break;
        continue;
      }
      rows.push(item.data + 1);
    }
    return step === 1 ? rows : rows.reverse();
  };
  order.forEach((item, i) => {
    if (!("summary" in item) || item.summary.kind === "part") return;
    const s = item.summary;
    const stop =
      s.kind === "total"
        ? (o: SummaryRow) => o.kind === "total"
        : (o: SummaryRow) => o.kind !== "part";
    const above = fill(i, stop, -1);
    s.covers = above.length > 0 ? above : fill(i, stop, 1);
  });
}

function compareSums(
  sheet: string,
  s: SummaryRow,
  numbers: readonly { spec: ColumnSpec; index: number }[],
  grid: Grid,
  formulas: Grid | undefined
): CellIssue[] {
  const issues: CellIssue[] = [];
  const line = grid[s.row - 1] ?? [];
  for (const c of numbers) {
    const v = readNumber(line[c.index]);
    if (!v.ok || v.value === null) continue;
    const sum = sumOf(
      grid,
      s.covers.map((r) => r - 1),
      c.index
    );
    if (sum === undefined || same(v.value, sum)) continue;
    const formula = isFormulaText(formulas?.[s.row - 1]?.[c.index]);
    const name = s.label || "合计";
    issues.push({
      code: "summaryMismatch",
      severity: "warning",
      sheet,
      cell: cellAddress(s.row, c.index + 1),
      message: {
        zh: `“${name}”行的“${c.spec.zh}”为 ${fmt(v.value)}，而它汇总的 ${s.covers.length} 行（第 ${s.covers[0]}–${s.covers[s.covers.length - 1]} 行）之和为 ${fmt(sum)}${formula ? "（公式的范围可能不对）" : ""}；此行不参与计算，请核实`,
        en: `The ${name} row gives ${c.spec.en} as ${fmt(v.value)}, but the ${s.covers.length} rows it sums (rows ${s.covers[0]}–${s.covers[s.covers.length - 1]}) add up to ${fmt(sum)}${formula ? " (its formula's range may be wrong)" : ""}; the row is not used in any figure. Check it`,
      },
    });
  }
  return issues;
}

function summaryAsName(
  sheet: string,
  s: SummaryRow,
  labelIndex: readonly number[],
  header: HeaderMatch,
  spec: TableSpec
): CellIssue {
  const key = labelColumns(spec).find((k) => header.columns.has(k));
  const col = spec.columns.find((c) => c.key === key);
  return {
    code: "summaryLabelAsName",
    severity: "error",
    sheet,
    cell: cellAddress(s.row, (labelIndex[0] ?? 0) + 1),
    message: {
      zh: `“${s.label}”是合计行的写法，不能作为${col?.zh ?? "名称"}；此行未计算。如是合计行，请放在所汇总的行之下；如是单位，请改用全称`,
      en: `"${s.label}" is how a summary row is labelled and cannot be a ${col?.en ?? "name"}; the row was left out. If it is a summary, put it below the rows it sums; if it is a unit, use its full name`,
    },
  };
}

function fmt(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString("en-US") : String(Number(n.toPrecision(12)));
}

/** The issue of a formula cell that has no calculated value in the file. */
export function formulaNoValue(
  sheet: string,
  row: number,
  column: number,
  col: ColumnSpec
): CellIssue {
  return {
    code: "formulaNoValue",
    severity: "error",
    sheet,
    cell: cellAddress(row, column),
    message: {
      zh: `“${col.zh}”是公式，但文件中没有它的计算结果（文件未经 Excel 或 WPS 计算保存）；请用 Excel 或 WPS 打开并保存后再运行，或改填数值`,
      en: `${col.en} holds a formula with no calculated value in the file (it was not saved by Excel or WPS); open and save it in Excel or WPS and run again, or type the value`,
    },
  };
}

function requiredIssue(sheet: string, row: number, column: number, col: ColumnSpec): CellIssue {
  return {
    code: "required",
    severity: "error",
    sheet,
    cell: cellAddress(row, column),
    message: {
      zh: `“${col.zh}”不能为空，请填写`,
      en: `"${col.zh}" (${col.en}) is required; fill it in`,
    },
  };
}

/**
 * Reads one cell for a column spec.
 *
 * @example
 * readField({ type: "enum", values: ["是", "否"], ... }, "是") //=> { value: "是" }
 */
export function readField(
  col: ColumnSpec,
  cell: CellValue | undefined,
  factor = 1
): { value: FieldValue; code: string; error?: Message; warning?: Message } {
  switch (col.type) {
    case "text": {
      const text = readText(cell);
      if (text === null || !HIDDEN_CHAR.test(text)) return { value: text, code: "" };
      const clean = cleanText(text);
      return { value: clean || null, code: "invisibleCharacter", warning: invisibleWarning(col) };
    }
    case "enum": {
      const raw = readText(cell);
      const text = raw === null ? null : cleanText(raw) || null;
      if (text === null) return { value: null, code: "" };
      const folded = toHalfWidth(text).replace(/\s/g, "");
      const canonical = col.valueAliases?.[folded] ?? col.values?.find((v) => v === folded);
      if (canonical !== undefined) return { value: canonical, code: "" };
      return {
        value: null,
        code: "unknownValue",
        error: {
          zh: `“${text}”不是“${col.zh}”的有效值，请填写：${(col.values ?? []).join("、")}`,
          en: `"${text}" is not a valid ${col.en}; use one of: ${(col.values ?? []).join(", ")}`,
        },
      };
    }
    case "number": {
      const r = readNumber(cell);
      if (!r.ok) return { value: null, code: "notANumber", error: r.error };
      if (r.value !== null && factor !== 1) r.value = Number((r.value * factor).toPrecision(15));
      if (r.value !== null && col.min !== undefined && r.value < col.min) {
        return {
          value: null,
          code: "belowMin",
          error: {
            zh: `“${col.zh}”不能小于 ${col.min}（现为 ${r.value}），请更正`,
            en: `${col.en} cannot be less than ${col.min} (found ${r.value}); correct it`,
          },
        };
      }
      if (r.value !== null && col.max !== undefined && r.value > col.max) {
        return {
          value: null,
          code: "aboveMax",
          error: {
            zh: `“${col.zh}”不能大于 ${col.max.toLocaleString("en-US")}（现为 ${r.value}），请核实后更正`,
            en: `${col.en} cannot be more than ${col.max.toLocaleString("en-US")} (found ${r.value}); check and correct it`,
          },
        };
      }
      return { value: r.value, code: "" };
    }
    case "date": {
      const r = readDate(cell);
      return r.ok
        ? { value: r.value, code: "" }
        : { value: null, code: "notADate", error: r.error };
    }
    case "datetime": {
      const r = readDateTime(cell);
      return r.ok
        ? { value: r.value, code: "" }
        : { value: null, code: "notADate", error: r.error };
    }
    case "time": {
      const r = readTime(cell);
      return r.ok
        ? { value: r.value, code: "" }
        : { value: null, code: "notATime", error: r.error };
    }
  }
}

/** No ledger of the epidemic holds a date before this (2020-01-01). */
export const LEDGER_START = serialFromYmd(2020, 1, 1);

/**
 * Why a date read from a ledger cannot be a day the figures are for: after
 * tomorrow (a typo such as 2099-01-20) or before {@link LEDGER_START}; else
 * undefined. Such a date is an issue at its cell and never the report date.
 *
 * @example
 * implausibleDate(serialFromYmd(2099, 1, 20), serialFromYmd(2022, 1, 20))?.zh
 * //=> "日期2099年1月20日晚于今天（2022年1月20日），应为笔误，此行未计算；请更正日期"
 * implausibleDate(serialFromYmd(2022, 1, 21), serialFromYmd(2022, 1, 20)) //=> undefined
 */
export function implausibleDate(date: number, today: number): Message | undefined {
  if (date > today + 1)
    return {
      zh: `日期${chineseDate(date)}晚于今天（${chineseDate(today)}），应为笔误，此行未计算；请更正日期`,
      en: `The date ${isoFromSerial(date)} is after today (${isoFromSerial(today)}), surely a typo; the row was left out. Correct the date`,
    };
  if (date < LEDGER_START)
    return {
      zh: `日期${chineseDate(date)}早于台账起始日期（${chineseDate(LEDGER_START)}），应为笔误，此行未计算；请更正日期`,
      en: `The date ${isoFromSerial(date)} is before the ledgers begin (${isoFromSerial(LEDGER_START)}), surely a typo; the row was left out. Correct the date`,
    };
  return undefined;
}

/** Invisible characters and non-breaking spaces, which make two spellings of one name differ. */
export const HIDDEN_CHAR = /[\u200B-\u200D\u2060\uFEFF\u00AD\u00A0]/;

/**
 * Text with invisible characters dropped and non-breaking spaces made plain,
 * trimmed: the spelling used for matching.
 *
 * @example
 * cleanText("城关镇\u200B") //=> "城关镇"
 */
export function cleanText(text: string): string {
  return text
    .replace(INVISIBLE, "")
    .replace(/\u00A0/g, " ")
    .trim();
}

/** The warning for a name that held invisible characters. */
export function invisibleWarning(col: ColumnSpec): Message {
  return {
    zh: `“${col.zh}”中含不可见字符（零宽空格、不间断空格等），已忽略后按名称匹配；请删除这些字符`,
    en: `${col.en} holds invisible characters (zero-width or non-breaking spaces); they were ignored for matching. Delete them`,
  };
}

function requiredNames(spec: TableSpec, lang: "zh" | "en" = "zh"): string {
  return spec.columns
    .filter((c) => c.required)
    .map((c) => c[lang])
    .join(lang === "zh" ? "、" : ", ");
}

function lastColumn(row: readonly CellValue[] | undefined): number {
  if (!row) return 0;
  for (let i = row.length - 1; i >= 0; i--) if (!isBlank(row[i])) return i + 1;
  return 0;
}
