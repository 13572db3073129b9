/**
 * Reads the 接种进度 sheet straight into columns (typed arrays), for tables up
 * to a whole sheet of 1,048,576 rows. It gives the same issues, cell for cell
 * and message for message, as parseTable with PROGRESS_TABLE, which would
 * build one object per row and search the issue list for each required cell.
 * Plain numbers, serial dates and text take a fast path; anything else goes
 * through readField, so every conversion rule stays in one place.
 */
import {
  fieldBit,
  type ProgressColumns,
  type ProgressField,
} from "../../core/vaccination/progress";
import { cellAddress } from "../a1";
import { pushAll } from "../../core/arrays";
import type { CellValue, Grid } from "../cells";
import { detectHeader, type HeaderMatch } from "../headers";
import type { CellIssue } from "../issues";
import {
  formulaNoValue,
  HIDDEN_CHAR,
  headerIssues,
  headerNotFound,
  readField,
  scanBody,
} from "../parse";
import { PROGRESS_TABLE } from "./spec";

export interface ProgressSheet {
  /** Undefined when no header row was found (then there are no records). */
  header?: HeaderMatch;
  columns: ProgressColumns;
  /** Header problems and unreadable or missing cells, as parseTable reports them. */
  issues: CellIssue[];
}

/** The largest serial readDate accepts (9999-12-31 + 1). */
const MAX_SERIAL = 2_958_466;

/**
 * Reads the table from a sheet's values (anchored at A1).
 *
 * @example
 * readProgress([["XX县新冠疫苗接种进度"], ["日期", "乡镇", "人群", "目标人数", "第一剂累计", "全程累计"],
 *               [44581, "城关镇", "18岁以上", 1000, "九百", 800]])
 * //=> { columns: { length: 1, first: [NaN], ... },
 * //     issues: [{ code: "notANumber", cell: "E3", ... }] }
 */
export function readProgress(
  grid: Grid,
  sheet = PROGRESS_TABLE.sheet,
  formulas?: Grid
): ProgressSheet {
  const spec = PROGRESS_TABLE;
  const header = detectHeader(spec, grid);
  if (!header) return { columns: emptyColumns(), issues: [headerNotFound(spec, sheet)] };
  // Header problems and the rows that are not data (合计, 小计, footers) come from the same functions as parseTable's.
  const issues = headerIssues(spec, grid, header, sheet);
  const body = scanBody(spec, grid, header, { sheet, formulas });
  pushAll(issues, body.issues);

  const present = spec.columns
    .filter((c) => c.role === "input" && header.columns.has(c.key))
    .map((c) => ({ spec: c, index: (header.columns.get(c.key) as number) - 1 }));
  const missingBits = spec.columns
    .filter((c) => !header.columns.has(c.key))
    .reduce((bits, c) => bits | fieldBit(c.key as ProgressField), 0);
  const has = (key: ProgressField) => header.columns.has(key);

  const capacity = Math.max(0, grid.length - header.headerRow);
  const row = new Int32Array(capacity);
  const date = new Float64Array(capacity);
  const county = has("county") ? new Int32Array(capacity) : null;
  const township = new Int32Array(capacity);
  const group = new Int32Array(capacity);
  const numbers = (key: ProgressField) => (has(key) ? new Float64Array(capacity) : null);
  const target = new Float64Array(capacity);
  const first = new Float64Array(capacity);
  const full = new Float64Array(capacity);
  const booster = new Float64Array(capacity);
  const dayFirst = numbers("dayFirst");
  const dayFull = numbers("dayFull");
  const dayBooster = numbers("dayBooster");
  const reported = new Uint16Array(capacity);
  const failed = new Uint8Array(capacity);

  const names: string[] = [];
  const ids = new Map<string, number>();
  const intern = (text: string | null): number => {
    if (text === null) return -1;
    let id = ids.get(text);
    if (id === undefined) {
      id = names.length;
      names.push(text);
      ids.set(text, id);
    }
    return id;
  };

  const textOut: Partial<Record<ProgressField, Int32Array>> = { township, group };
  if (county) textOut.county = county;
  const numberOut: Partial<Record<ProgressField, Float64Array>> = {
    date,
    target,
    first,
    full,
    booster,
  };
  if (dayFirst) numberOut.dayFirst = dayFirst;
  if (dayFull) numberOut.dayFull = dayFull;
  if (dayBooster) numberOut.dayBooster = dayBooster;
  for (const key of ["target", "first", "full", "booster"] as const)
    if (!has(key)) (numberOut[key] as Float64Array).fill(NaN);
  if (!has("date")) date.fill(NaN);
  for (const key of ["township", "group"] as const) if (!has(key)) textOut[key]?.fill(-1);

  const cols = present.map((c) => ({
    ...c,
    key: c.spec.key as ProgressField,
    bit: fieldBit(c.spec.key as ProgressField),
    kind: c.spec.type,
    min: c.spec.min ?? -Infinity,
    max: c.spec.max ?? Infinity,
    factor: header.units.get(c.spec.key)?.factor ?? 1,
    text: textOut[c.spec.key as ProgressField],
    number: numberOut[c.spec.key as ProgressField],
  }));
  let n = 0;
  for (const r of body.dataRows) {
    const line = grid[r] ?? [];
    let bits = missingBits;
    let blankRequired = 0;
    for (const col of cols) {
      const cell = line[col.index];
      let value: string | number | null;
      if (cell === null || cell === undefined) {
        value = null;
      } else if (
        col.kind === "number" &&
        typeof cell === "number" &&
        col.factor === 1 &&
        cell >= col.min &&
        cell <= col.max &&
        Number.isFinite(cell)
      ) {
        value = cell === 0 ? 0 : cell;
      } else if (
        col.kind === "date" &&
        typeof cell === "number" &&
        cell >= 1 &&
        cell < MAX_SERIAL
      ) {
        value = Math.floor(cell);
      } else if (col.kind === "text" && typeof cell === "string" && !HIDDEN_CHAR.test(cell)) {
        value = cell.trim() || null;
      } else {
        const read = readField(col.spec, cell, col.factor);
        value = read.value;
        if (read.warning) {
          issues.push({
            code: read.code,
            severity: "warning",
            sheet,
            cell: cellAddress(r + 1, col.index + 1),
            message: read.warning,
          });
        } else if (read.error) {
          bits |= col.bit;
          issues.push({
            code: read.code,
            severity: "error",
            sheet,
            cell: cellAddress(r + 1, col.index + 1),
            message: read.error,
          });
        }
      }
      if (value === null && !(bits & col.bit) && isFormula(formulas?.[r]?.[col.index])) {
        bits |= col.bit;
        issues.push(formulaNoValue(sheet, r + 1, col.index + 1, col.spec));
      }
      if (value === null && col.spec.required && !(bits & col.bit)) blankRequired |= col.bit;
      if (col.text) col.text[n] = intern(value as string | null);
      else if (col.number) col.number[n] = value === null ? NaN : (value as number);
    }
    if (blankRequired) {
      for (const col of cols) {
        if (!(blankRequired & col.bit)) continue;
        bits |= col.bit;
        issues.push({
          code: "required",
          severity: "error",
          sheet,
          cell: cellAddress(r + 1, col.index + 1),
          message: {
            zh: `“${col.spec.zh}”不能为空，请填写`,
            en: `"${col.spec.zh}" (${col.spec.en}) is required; fill it in`,
          },
        });
      }
    }
    row[n] = r + 1;
    reported[n] = bits;
    failed[n] = bits & ~missingBits ? 1 : 0;
    n += 1;
  }

  const cut = <T extends Int32Array | Float64Array | Uint16Array>(a: T): T => a.subarray(0, n) as T;
  return {
    header,
    columns: {
      length: n,
      row: cut(row),
      date: cut(date),
      county: county && cut(county),
      township: cut(township),
      group: cut(group),
      target: cut(target),
      first: cut(first),
      full: cut(full),
      booster: cut(booster),
      dayFirst: dayFirst && cut(dayFirst),
      dayFull: dayFull && cut(dayFull),
      dayBooster: dayBooster && cut(dayBooster),
      reported: cut(reported),
      failed: failed.subarray(0, n),
      names,
    },
    issues,
  };
}

function isFormula(value: CellValue | undefined): boolean {
  return typeof value === "string" && value.startsWith("=");
}

function emptyColumns(): ProgressColumns {
  return {
    length: 0,
    row: new Int32Array(0),
    date: new Float64Array(0),
    county: null,
    township: new Int32Array(0),
    group: new Int32Array(0),
    target: new Float64Array(0),
    first: new Float64Array(0),
    full: new Float64Array(0),
    booster: new Float64Array(0),
    dayFirst: null,
    dayFull: null,
    dayBooster: null,
    reported: new Uint16Array(0),
    names: [],
  };
}
