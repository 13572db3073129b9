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
import { detectHeader, type HeaderMatch } from "./headers";
import type { CellIssue } from "./issues";
import type { ColumnSpec, TableSpec } from "./schema";

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
}

export interface ParseOptions {
  /** Parse only these roles' columns (default: input columns only). */
  roles?: ReadonlyArray<"input" | "output">;
  /** Sheet name used in issues (default: the spec's sheet name). */
  sheet?: string;
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
    issues.push({
      code: "headerNotFound",
      severity: "error",
      sheet,
      cell: "A1",
      message: {
        zh: `在“${sheet}”前 20 行中未找到表头，请确认包含列：${requiredNames(spec)}`,
        en: `No header row found in the first 20 rows of "${sheet}"; it needs the columns: ${requiredNames(spec, "en")}`,
      },
    });
    return { spec, sheet, rows: [], issues };
  }
  for (const col of header.missing) {
    if (!col.required) continue;
    issues.push({
      code: "missingColumn",
      severity: "error",
      sheet,
      cell: cellAddress(header.headerRow, lastColumn(grid[header.headerRow - 1]) + 1),
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
  const fields = spec.columns.filter((c) => roles.includes(c.role) && header.columns.has(c.key));
  const inputKeys = spec.columns.filter((c) => c.role === "input" && header.columns.has(c.key));
  const rows: ParsedRow[] = [];
  for (let r = header.headerRow; r < grid.length; r++) {
    const line = grid[r] ?? [];
    if (inputKeys.every((c) => isBlank(line[(header.columns.get(c.key) as number) - 1]))) continue;
    const values: Record<string, FieldValue> = {};
    const failed = new Set<string>();
    let ok = true;
    for (const col of fields) {
      const column = header.columns.get(col.key) as number;
      const read = readField(col, line[column - 1]);
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
      }
    }
    for (const col of spec.columns) {
      if (!col.required || col.role !== "input" || !header.columns.has(col.key)) continue;
      if (values[col.key] === null && !failed.has(col.key)) {
        ok = false;
        issues.push({
          code: "required",
          severity: "error",
          sheet,
          cell: cellAddress(r + 1, header.columns.get(col.key) as number),
          message: {
            zh: `“${col.zh}”不能为空，请填写`,
            en: `"${col.zh}" (${col.en}) is required; fill it in`,
          },
        });
      }
    }
    rows.push({ row: r + 1, values, ok });
  }
  return { spec, sheet, header, rows, issues };
}

/**
 * Reads one cell for a column spec.
 *
 * @example
 * readField({ type: "enum", values: ["是", "否"], ... }, "是") //=> { value: "是" }
 */
export function readField(
  col: ColumnSpec,
  cell: CellValue | undefined
): { value: FieldValue; code: string; error?: Message } {
  switch (col.type) {
    case "text":
      return { value: readText(cell), code: "" };
    case "enum": {
      const text = readText(cell);
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
