/**
 * Finding a table's header in a sheet as county offices keep it: title and
 * meta rows above (`XX县物资储备情况表`, `填报单位：…`, `截至2022年1月20日`,
 * `单位：万人`), and a header of one to three rows of merged cells, where a
 * column's name is its path (`隔离床位（张）/现有床位`). Headers match by their
 * Chinese text or an English alias, whatever the spacing and bracket width; a
 * unit in brackets (`常住人口（万人）`) is the column's declared unit, not part
 * of its name.
 *
 * Hosts hand over merged cells as Excel does: the top-left cell holds the
 * text and the others are blank. A blank cell of an upper header row belongs
 * to the group on its left when both it and that group have sub-headers
 * below, so no merge information is needed.
 */
import { serialFromYmd, type DateSerial } from "../core/dates";
import { toHalfWidth, type Grid } from "./cells";
import type { ColumnSpec, TableSpec } from "./schema";

/** How far down the header may sit. */
export const HEADER_SEARCH_ROWS = 20;
/** The most rows a header may span. */
export const MAX_HEADER_DEPTH = 3;

/** Zero-width characters and the byte-order mark, which paste in from web pages and chat. */
export const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/**
 * Normalises a header for matching: invisible characters dropped, full-width
 * to half-width, no white space anywhere, brackets unified, case folded, a
 * trailing unit in brackets kept.
 *
 * @example
 * normalizeHeader(" 医用防护口罩（N95） ") //=> "医用防护口罩(n95)"
 * normalizeHeader("Stock On Hand")        //=> "stockonhand"
 */
export function normalizeHeader(text: unknown): string {
  if (text === null || text === undefined) return "";
  return toHalfWidth(String(text).replace(INVISIBLE, ""))
    .replace(/[【[]/g, "(")
    .replace(/[】\]]/g, ")")
    .replace(/[\s_\-*＊:：\u00A0]/g, "")
    .toLowerCase();
}

/** The unit words a header may carry in brackets: counts, people, beds, rooms, money, days, percent. */
const UNIT_WORD =
  /^(?:万|千|百)?(?:人|人次|张|间|个|数量|件|只|套|副|双|瓶|支|盒|箱|桶|台|剂|剂次|针|针次|户|床|家|所|吨|升|千克|公斤|袋|条|顶|块|元|天|日|%|‰)$/;

/**
 * Splits a header into its name and the unit in trailing brackets, when the
 * brackets hold a unit word (`（街道）` in `乡镇（街道）` is not one).
 *
 * @example
 * splitUnit("常住人口（万人）") //=> { name: "常住人口", unit: "万人" }
 * splitUnit("乡镇（街道）")     //=> { name: "乡镇（街道）", unit: undefined }
 */
export function splitUnit(text: string): { name: string; unit?: string } {
  const m = /^(.*?)\s*[(（]\s*([^()（）]+?)\s*[)）]\s*$/.exec(text);
  if (!m || !m[1]) return { name: text };
  const unit = toHalfWidth(m[2]).replace(/\s/g, "");
  return UNIT_WORD.test(unit) ? { name: m[1], unit } : { name: text };
}

/** A unit declared in the header (or in a `单位：` meta row) and how values convert to the contract's unit. */
export interface DeclaredUnit {
  unit: string;
  /** Multiply a cell's value by this to get the contract's unit (1 when it is the same). */
  factor: number;
  /** 1-based sheet row and column of the cell that declared it. */
  row: number;
  column: number;
}

/** A declared unit with no safe conversion to the contract's unit. */
export interface UnitConflict {
  key: string;
  unit: string;
  expected: string;
  row: number;
  column: number;
}

/** What the rows above the header say. */
export interface HeaderMeta {
  /** The `截至` date of a title or meta row, and where it was written. */
  asOf?: { date: DateSerial; row: number; column: number };
  /** A `单位：万人` row: the default unit of columns without one of their own. */
  unit?: { unit: string; row: number; column: number };
  /** 1-based rows recognised as meta rows (填报单位, 截至, 单位, 填报日期…). */
  rows: number[];
}

/** Where a table's header sits and which sheet column holds each spec column. */
export interface HeaderMatch {
  /** 1-based sheet row of the header's bottom row: data starts below it, computed columns are headed in it. */
  headerRow: number;
  /** 1-based first row of the header (equal to headerRow for a one-row header). */
  headerTop: number;
  /** The last column holding a header cell in any header row. */
  lastColumn: number;
  /** Spec column key → 1-based sheet column. */
  columns: Map<string, number>;
  /** Each header column's path, e.g. `隔离床位（张）/现有床位` (1-based column → path). */
  paths: Map<number, string>;
  /** Spec columns not found in the header. */
  missing: ColumnSpec[];
  /** Header cells that match no spec column (user columns such as 序号 or 备注), kept as they are. */
  extra: { column: number; header: string }[];
  /** Spec columns whose header appears more than once: the first one is used. */
  duplicates: { key: string; columns: number[] }[];
  /** Spec column key → the unit its header declares, where it declares one. */
  units: Map<string, DeclaredUnit>;
  /** Columns whose declared unit cannot be converted safely: they are not read. */
  unitConflicts: UnitConflict[];
  meta: HeaderMeta;
}

/**
 * Finds the header: of every block of one to three rows within the top rows
 * (meta rows never take part), the one that matches the most spec columns,
 * at least one required input column among them; on a tie the block with
 * fewer rows, then the higher one. Returns undefined when no block matches
 * any required column.
 *
 * @example
 * detectHeader(spec, [["XX县物资储备情况表"], ["单位", "物资名称", "现有库存"], ["卫健局", "N95", 10]])
 * //=> { headerRow: 2, headerTop: 2, columns: Map { unit → 1, item → 2, stock → 3 }, ... }
 */
export function detectHeader(spec: TableSpec, grid: Grid): HeaderMatch | undefined {
  const lookup = headerLookup(spec);
  const required = new Set(spec.columns.filter((c) => c.required).map((c) => c.key));
  const limit = Math.min(grid.length, HEADER_SEARCH_ROWS);
  const meta = new Set<number>();
  for (let r = 0; r < limit; r++) if (isMetaRow(grid[r])) meta.add(r);
  let best: { top: number; depth: number; score: number; paths: ColumnPath[] } | undefined;
  for (let top = 0; top < limit; top++) {
    if (meta.has(top) || textCells(grid[top]) === 0) continue;
    for (let depth = 1; depth <= MAX_HEADER_DEPTH && top + depth - 1 < limit; depth++) {
      const added = top + depth - 1;
      if (depth > 1 && !couldBeHeaderRow(grid[added], meta.has(added))) break;
      const paths = columnPaths(grid, top, depth);
      const keys = matchPaths(paths, lookup);
      const seen = new Set(keys.filter((k): k is string => k !== undefined));
      const hasRequired =
        required.size === 0 ? seen.size > 0 : [...seen].some((k) => required.has(k));
      const better =
        !best || seen.size > best.score || (seen.size === best.score && depth < best.depth);
      if (hasRequired && better) best = { top, depth, score: seen.size, paths };
    }
  }
  if (!best) return undefined;
  return buildMatch(spec, grid, best.top, best.depth, best.paths, lookup, meta);
}

/** Maps every accepted header spelling of a spec (with and without its unit) to its column key. */
export function headerLookup(spec: TableSpec): Map<string, string> {
  const lookup = new Map<string, string>();
  for (const c of spec.columns) {
    for (const name of [c.zh, c.en, ...(c.aliases ?? [])]) {
      for (const form of [name, splitUnit(name).name]) {
        const n = normalizeHeader(form);
        if (n && !lookup.has(n)) lookup.set(n, c.key);
      }
    }
  }
  return lookup;
}

/**
 * True for a row above the header that describes the table rather than
 * heading it: `填报单位：…`, `单位：万人`, `填报日期：…`, `截至…`.
 *
 * @example
 * isMetaRow(["填报单位：XX县卫健局", null, "截至2022年1月20日"]) //=> true
 * isMetaRow(["单位", "物资名称"])                               //=> false
 */
export function isMetaRow(row: readonly unknown[] | undefined): boolean {
  if (!row) return false;
  const cells = row.filter((v) => typeof v === "string" && v.trim() !== "") as string[];
  if (cells.length === 0 || cells.length > 4) return false;
  return cells.some((text) => META.test(toHalfWidth(text).replace(/\s/g, "")));
}

const META =
  /^(?:(?:填报|制表|编制|统计|报送)?单位|填报日期|统计日期|报送日期|制表日期|统计时间|数据来源)[:：]|^(?:截至|截止|数据截至|统计截至)/;

/**
 * Reads the meta rows above a header: the `截至` date (also inside a title
 * such as `XX县床位统计表（截至2022年1月20日）`) and a `单位：` unit.
 *
 * @example
 * readMeta([["XX县统计表"], ["填报单位：卫健局", "截至2022年1月20日"]], 2).asOf?.date //=> 44581
 */
export function readMeta(grid: Grid, above: number): HeaderMeta {
  const meta: HeaderMeta = { rows: [] };
  for (let r = 0; r < above; r++) {
    const line = grid[r] ?? [];
    if (isMetaRow(line)) meta.rows.push(r + 1);
    line.forEach((cell, c) => {
      if (typeof cell !== "string") return;
      const text = toHalfWidth(cell).replace(/\s/g, "");
      if (!meta.asOf) {
        const m = AS_OF.exec(text);
        if (m) {
          const date = serialFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
          if (!Number.isNaN(date)) meta.asOf = { date, row: r + 1, column: c + 1 };
        } else if (/^(?:截至|截止)(?:日期|时间)?[:：]?$/.test(text)) {
          const next = line[c + 1];
          if (typeof next === "number" && next >= 1 && next < 2_958_466)
            meta.asOf = { date: Math.floor(next), row: r + 1, column: c + 2 };
        }
      }
      if (!meta.unit) {
        const u = /(?:^|[^报表制计送])单位[:：]([^,，;；、]+)$/.exec(text);
        if (u && UNIT_WORD.test(u[1])) meta.unit = { unit: u[1], row: r + 1, column: c + 1 };
      }
    });
  }
  return meta;
}

const AS_OF =
  /(?:截至|截止)(?:日期|时间)?[:：]?(\d{4})(?:年|-|\/|\.)(\d{1,2})(?:月|-|\/|\.)(\d{1,2})/;

/**
 * How a value in a declared unit converts to a column's contract unit: the
 * factor, or undefined where no safe conversion exists. `万X` is 10,000 X
 * where the column allows it (its figures are converted by the engine and in
 * every formula written); a column without a contract unit takes any unit
 * but a `万` one as it is.
 *
 * @example
 * unitFactor({ base: "人", tenThousand: true }, "万人") //=> 10000
 * unitFactor({ base: "人" }, "户")                      //=> undefined
 */
export function unitFactor(spec: ColumnSpec["unit"], unit: string): number | undefined {
  if (!spec) return unit.startsWith("万") ? undefined : 1;
  const same = (u: string) => u === spec.base || (spec.accepts ?? []).includes(u);
  if (same(unit)) return 1;
  if (spec.tenThousand && unit.startsWith("万") && same(unit.slice(1))) return 10_000;
  return undefined;
}

interface ColumnPath {
  column: number;
  /** The header texts from top to bottom, merged cells carried. */
  parts: { text: string; row: number }[];
}

function textCells(row: readonly unknown[] | undefined): number {
  return (row ?? []).filter((v) => typeof v === "string" && v.trim() !== "").length;
}

/** A lower header row holds only text: a number or a date is data. */
function couldBeHeaderRow(row: readonly unknown[] | undefined, meta: boolean): boolean {
  if (meta || !row) return false;
  let text = 0;
  for (const v of row) {
    if (typeof v === "number" || typeof v === "boolean") return false;
    if (typeof v === "string" && v.trim() !== "") text += 1;
  }
  return text > 0;
}

function columnPaths(grid: Grid, top: number, depth: number): ColumnPath[] {
  const rows = Array.from({ length: depth }, (_, i) => grid[top + i] ?? []);
  const width = Math.max(0, ...rows.map((r) => r.length));
  const text = (i: number, c: number) => {
    const v = rows[i][c];
    return v === null || v === undefined ? "" : String(v).replace(INVISIBLE, "").trim();
  };
  const below = (i: number, c: number) => {
    for (let k = i + 1; k < depth; k++) if (text(k, c) !== "") return true;
    return false;
  };
  // carried[i][c]: the text heading column c at level i, merged cells carried from the left.
  const carried: string[][] = rows.map(() => Array<string>(width).fill(""));
  const from: number[][] = rows.map(() => Array<number>(width).fill(-1));
  for (let i = 0; i < depth; i++) {
    for (let c = 0; c < width; c++) {
      const t = text(i, c);
      if (t !== "") {
        carried[i][c] = t;
        from[i][c] = c;
      } else if (
        i < depth - 1 &&
        c > 0 &&
        carried[i][c - 1] !== "" &&
        below(i, c) &&
        below(i, c - 1)
      ) {
        carried[i][c] = carried[i][c - 1];
        from[i][c] = from[i][c - 1];
      }
    }
  }
  const paths: ColumnPath[] = [];
  for (let c = 0; c < width; c++) {
    const parts: { text: string; row: number }[] = [];
    for (let i = 0; i < depth; i++) {
      const t = carried[i][c];
      if (t === "" || parts[parts.length - 1]?.text === t) continue;
      parts.push({ text: t, row: top + i + 1 });
    }
    if (parts.length > 0) paths.push({ column: c + 1, parts });
  }
  return paths;
}

/**
 * The spec key of each path: by its leaf where the leaf is unique in the
 * header, else by the whole path (`应种人数/合计`) or its parts run together
 * (`第一剂/累计` → `第一剂累计`), and by the leaf as a last resort.
 */
function matchPaths(
  paths: readonly ColumnPath[],
  lookup: Map<string, string>
): (string | undefined)[] {
  const leafOf = (p: ColumnPath) =>
    normalizeHeader(splitUnit(p.parts[p.parts.length - 1].text).name);
  const leafCount = new Map<string, number>();
  for (const p of paths) leafCount.set(leafOf(p), (leafCount.get(leafOf(p)) ?? 0) + 1);
  return paths.map((p) => {
    const leaf =
      lookup.get(leafOf(p)) ?? lookup.get(normalizeHeader(p.parts[p.parts.length - 1].text));
    if (p.parts.length === 1) return leaf;
    const names = p.parts.map((x) => normalizeHeader(splitUnit(x.text).name));
    const forms: string[] = [];
    for (let k = names.length; k >= 2; k--) {
      const tail = names.slice(names.length - k);
      forms.push(tail.join("/"), tail.join(""));
    }
    const byPath = forms.map((f) => lookup.get(f)).find((k) => k !== undefined);
    return (leafCount.get(leafOf(p)) ?? 0) > 1 ? (byPath ?? leaf) : (leaf ?? byPath);
  });
}

function buildMatch(
  spec: TableSpec,
  grid: Grid,
  top: number,
  depth: number,
  paths: readonly ColumnPath[],
  lookup: Map<string, string>,
  metaRows: Set<number>
): HeaderMatch {
  const keys = matchPaths(paths, lookup);
  const meta = readMeta(grid, top);
  meta.rows = [...metaRows].filter((r) => r < top).map((r) => r + 1);
  const columns = new Map<string, number>();
  const all = new Map<string, number[]>();
  const extra: { column: number; header: string }[] = [];
  const pathNames = new Map<number, string>();
  const units = new Map<string, DeclaredUnit>();
  const unitConflicts: UnitConflict[] = [];
  paths.forEach((p, i) => {
    pathNames.set(p.column, p.parts.map((x) => x.text).join("/"));
    const key = keys[i];
    if (!key) {
      extra.push({ column: p.column, header: p.parts.map((x) => x.text).join("/") });
      return;
    }
    all.set(key, [...(all.get(key) ?? []), p.column]);
    if (columns.has(key)) return;
    const col = spec.columns.find((c) => c.key === key) as ColumnSpec;
    const declared = declaredUnit(p, meta, col);
    if (declared && col.type === "number") {
      const factor = unitFactor(col.unit, declared.unit);
      if (factor === undefined) {
        unitConflicts.push({
          key,
          unit: declared.unit,
          expected: col.unit?.base ?? declared.unit.replace(/^万/, ""),
          row: declared.row,
          column: declared.column,
        });
        return;
      }
      units.set(key, { ...declared, factor });
    }
    columns.set(key, p.column);
  });
  const duplicates = [...all]
    .filter(([, cols]) => cols.length > 1)
    .map(([key, cols]) => ({ key, columns: cols }));
  const missing = spec.columns.filter(
    (c) => !columns.has(c.key) && !unitConflicts.some((u) => u.key === c.key)
  );
  return {
    headerRow: top + depth,
    headerTop: top + 1,
    lastColumn: Math.max(0, ...paths.map((p) => p.column)),
    columns,
    paths: pathNames,
    missing,
    extra,
    duplicates,
    units,
    unitConflicts,
    meta,
  };
}

/** The unit of a path: its leaf's, else the nearest group's, else the `单位：` meta row's where it fits the column. */
function declaredUnit(
  p: ColumnPath,
  meta: HeaderMeta,
  col: ColumnSpec
): Omit<DeclaredUnit, "factor"> | undefined {
  for (let i = p.parts.length - 1; i >= 0; i--) {
    const unit = splitUnit(p.parts[i].text).unit;
    if (unit) return { unit, row: p.parts[i].row, column: p.column };
  }
  if (
    meta.unit &&
    col.type === "number" &&
    col.unit &&
    unitFactor(col.unit, meta.unit.unit) !== undefined
  )
    return { unit: meta.unit.unit, row: meta.unit.row, column: meta.unit.column };
  return undefined;
}
