/**
 * 导入填报, the pure part: reads returned templates, validates them (issues
 * name the file, sheet and cell), lists per unit the rows added, changed,
 * unchanged and removed, and — on confirmation — plans the writes: the unit's
 * previous rows kept in 历史记录, then only that unit's rows of 物资储备
 * replaced in place (rows of other units never move: a unit's rows keep their
 * places, removed items free theirs for added ones, further added rows go
 * after the last row), a row per unit in 报送记录, and the recomputed outputs
 * and 物资汇总.
 *
 * Imported text is only ever written as a plain string value, never as a
 * formula, so a cell such as `=HYPERLINK(…)` or `@SUM(…)` stays text (hosts
 * store plain strings as text).
 */
import type { DateSerial } from "../../core/dates";
import type { Message } from "../../core/issue";
import { itemKey } from "../../core/stockpile/reserveLines";
import { cellAddress } from "../a1";
import { isBlank, readText, type CellValue } from "../cells";
import {
  defineCommand,
  type CommandInput,
  type CommandResult,
  type Lang,
  type Need,
  type OptionsResult,
  type RawOptions,
} from "../command";
import { HISTORY_SHEET, historyOps, type HistoryEntry } from "../history";
import type { CellIssue } from "../issues";
import { PARAMS_SHEET } from "../params";
import { parseTable } from "../parse";
import type { CellWrite, WriteOp } from "../plan";
import { usedRows, type WorkbookSnapshot } from "../snapshot";
import { appendReportRecordOps } from "../reporting/records";
import { RECORDS_SHEET, RECORDS_SPEC } from "../reporting/specs";
import { readCatalogue } from "./catalogue";
import { planComputeStockpile } from "./computeStockpile";
import { lastUsedColumn } from "./reserve";
import { setupStockpileSheets } from "./setup";
import { applyOps } from "../applyOps";
import {
  CATALOGUE_SHEET,
  STOCKPILE_SHEET,
  STOCKPILE_TABLE,
  STOCK_LOG_SHEET,
  SUMMARY_SHEET,
} from "./specs";
import { TEMPLATE_TABLE, TEMPLATE_UNIT_ROW } from "./templateSpec";

/** A returned template as the task pane reads it from an .xlsx file. */
export interface ReturnedFile {
  fileName: string;
  sheets: { name: string; values: CellValue[][] }[];
}

/** A problem in a returned file: the sheet and cell are those of the file. */
export interface ImportIssue extends CellIssue {
  file: string;
}

export type RowChangeKind = "added" | "changed" | "unchanged" | "removed";

export interface FieldChange {
  /** Field key, e.g. `stock`. */
  field: string;
  /** Its header, e.g. 现有库存. */
  header: string;
  old: CellValue;
  new: CellValue;
}

export interface RowChange {
  kind: RowChangeKind;
  item: string;
  /** Row of the returned sheet (not for removed rows). */
  sourceRow?: number;
  /** Row of 物资储备 the item is (or will be) written to; for removed rows, the row it is cleared from. */
  targetRow: number;
  fields: FieldChange[];
}

export interface UnitImport {
  unit: string;
  category: string;
  file: string;
  sheet: string;
  /** True when the return has errors: nothing of it is imported. */
  blocked: boolean;
  rows: RowChange[];
  counts: Record<RowChangeKind, number>;
}

export interface ImportPlan {
  units: UnitImport[];
  issues: ImportIssue[];
  /** The writes that carry out the import (empty when nothing can be imported). */
  ops: WriteOp[];
}

export interface ImportClock {
  today: DateSerial;
  now: DateSerial;
  lang?: Lang;
}

/** Returned files above this size are refused before they are read. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

const IMPORT_COMMAND = "导入填报";
const FIELDS = ["unit", "category", "item", "measure", "persons", "stock", "inTransit"] as const;
const FIGURES = ["item", "persons", "stock", "inTransit", "note"] as const;
const OVERRIDES = ["normOverride", "standardOverride"] as const;
const COMPARED = ["category", "measure", "persons", "stock", "inTransit", "note"] as const;

/**
 * Checks a chosen file before it is read: an .xlsx of at most MAX_IMPORT_BYTES.
 * Returns the message to show, or null when the file may be read.
 *
 * @example
 * checkImportFile("城关镇.xlsx", 20_000) //=> null
 * checkImportFile("城关镇.xls", 20_000)  //=> { zh: "“城关镇.xls”不是 .xlsx 文件…", en: … }
 */
export function checkImportFile(fileName: string, sizeBytes: number): Message | null {
  if (!/\.xlsx$/i.test(fileName.trim())) {
    return {
      zh: `“${fileName}”不是 .xlsx 文件，请用 Excel 或 WPS 另存为“Excel 工作簿(*.xlsx)”后再导入`,
      en: `"${fileName}" is not an .xlsx file; save it as an Excel workbook (*.xlsx) and import again`,
    };
  }
  if (!(sizeBytes <= MAX_IMPORT_BYTES)) {
    const mb = (sizeBytes / 1024 / 1024).toFixed(1);
    return {
      zh: `“${fileName}”有 ${mb} MB，超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB 上限，填报模板不应这么大，请确认选对了文件`,
      en: `"${fileName}" is ${mb} MB, above the ${MAX_IMPORT_BYTES / 1024 / 1024} MB limit; a template is far smaller — check the file`,
    };
  }
  return null;
}

interface IncomingRow {
  row: number;
  item: string;
  measure: string | null;
  persons: number | null;
  stock: number | null;
  inTransit: number | null;
  note: string | null;
}

interface Return {
  file: string;
  sheet: string;
  unit: string;
  category: string | null;
  /** Where the unit category is (or would be) typed: the 单位类别 cell of the first row. */
  categoryCell: string;
  rows: IncomingRow[];
  blocked: boolean;
}

/**
 * Plans the import of returned templates.
 *
 * @example
 * planImport([{ fileName: "城关镇.xlsx", sheets: [{ name: "填报-城关镇", values }] }], snapshot, { today: 44581, now: 44581.4 })
 * //=> { units: [{ unit: "城关镇", counts: { added: 0, changed: 1, unchanged: 9, removed: 0 }, … }], issues: [], ops: [...] }
 */
export function planImport(
  returns: readonly ReturnedFile[],
  snapshot: WorkbookSnapshot,
  clock: ImportClock
): ImportPlan {
  const catalogue = readCatalogue(snapshot.sheets[CATALOGUE_SHEET]);
  const issues: ImportIssue[] = [];
  const byUnit = new Map<string, Return>();
  for (const file of returns) {
    for (const ret of readReturn(file, catalogue.lookup, issues)) {
      const earlier = byUnit.get(ret.unit);
      if (earlier) {
        issues.push({
          code: "duplicateReturn",
          severity: "warning",
          file: earlier.file,
          sheet: earlier.sheet,
          cell: "A1",
          message: prefix(earlier.file, {
            zh: `“${ret.unit}”还有一份填报（${ret.file}），只导入后选的那一份`,
            en: `${ret.unit} was also returned in ${ret.file}; only that later one is imported`,
          }),
        });
      }
      byUnit.set(ret.unit, ret);
    }
  }

  const setupOps = snapshot.sheets[STOCKPILE_SHEET]
    ? []
    : setupStockpileSheets(snapshot).filter((o) => o.sheet === STOCKPILE_SHEET);
  const base = setupOps.length ? applyOps(snapshot, setupOps) : snapshot;
  const sheet = base.sheets[STOCKPILE_SHEET];
  const parsed = parseTable(STOCKPILE_TABLE, sheet?.values ?? [], { sheet: STOCKPILE_SHEET });
  const header = parsed.header;
  const headerRow = header?.headerRow ?? 2;
  const columns = new Map(header?.columns ?? []);
  // Setup writes the input columns in spec order; a table without a header gets that layout.
  if (!header) {
    STOCKPILE_TABLE.columns
      .filter((c) => c.role === "input")
      .forEach((c, i) => columns.set(c.key, i + 1));
  }
  const noteColumn = header?.extra.find((e) => e.header === "备注")?.column;
  const existing = new Map<
    string,
    { row: number; key: string; values: Record<string, CellValue> }[]
  >();
  for (const row of parsed.rows) {
    const unit = row.values.unit;
    if (typeof unit !== "string") continue;
    const line = sheet?.values[row.row - 1] ?? [];
    const values: Record<string, CellValue> = { ...row.values };
    values.note = noteColumn ? (readText(line[noteColumn - 1]) ?? null) : null;
    const list = existing.get(unit) ?? [];
    list.push({ row: row.row, key: itemKey(String(row.values.item ?? "")), values });
    existing.set(unit, list);
  }

  const recorded = recordedOn(base, clock.today);
  let nextRow = Math.max(usedRows(sheet), headerRow) + 1;
  const units: UnitImport[] = [];
  const history: HistoryEntry[] = [];
  const writes: WriteOp[] = [];
  const reportRows: { unit: string; file: string }[] = [];
  const writeColumns = FIELDS.filter((f) => columns.has(f));
  const outputColumns = STOCKPILE_TABLE.columns
    .filter((c) => c.role === "output" && columns.has(c.key))
    .map((c) => columns.get(c.key) as number);

  for (const ret of byUnit.values()) {
    const previous = existing.get(ret.unit) ?? [];
    const category = ret.category ?? (previous[0]?.values.category as string | undefined) ?? "";
    if (!category && !ret.blocked) {
      issues.push({
        code: "categoryMissing",
        severity: "error",
        file: ret.file,
        sheet: ret.sheet,
        cell: ret.categoryCell,
        message: prefix(ret.file, {
          zh: `新单位“${ret.unit}”未填写单位类别，请填写：县应急物资储备库、县直部门、乡镇或医疗机构`,
          en: `New unit ${ret.unit} has no unit category; fill in 县应急物资储备库, 县直部门, 乡镇 or 医疗机构`,
        }),
      });
      ret.blocked = true;
    }
    const rows: RowChange[] = [];
    const matched = new Map<string, (typeof previous)[number]>();
    const free: number[] = [];
    for (const p of previous) {
      if (!matched.has(p.key)) matched.set(p.key, p);
    }
    const used = new Set<number>();
    for (const incoming of ret.rows) {
      const p = matched.get(itemKey(incoming.item));
      const next: Record<string, CellValue> = {
        category,
        measure: measureOf(incoming, p?.values.measure, catalogue.lookup),
        persons: incoming.persons,
        stock: incoming.stock,
        inTransit: incoming.inTransit,
        note: noteColumn ? (incoming.note ?? (p?.values.note as CellValue) ?? null) : null,
      };
      if (!p) {
        rows.push({
          kind: "added",
          item: incoming.item,
          sourceRow: incoming.row,
          targetRow: 0,
          fields: [],
        });
        continue;
      }
      used.add(p.row);
      const fields: FieldChange[] = [];
      for (const f of COMPARED) {
        const old = p.values[f] ?? null;
        if (!sameValue(old, next[f]))
          fields.push({ field: f, header: headerOf(f), old, new: next[f] });
      }
      rows.push({
        kind: fields.length ? "changed" : "unchanged",
        item: incoming.item,
        sourceRow: incoming.row,
        targetRow: p.row,
        fields,
      });
    }
    // Rows of the unit not matched (items dropped, or repeats of an item) are removed.
    for (const p of previous) {
      if (used.has(p.row)) continue;
      free.push(p.row);
      rows.push({
        kind: "removed",
        item: String(p.values.item ?? ""),
        targetRow: p.row,
        fields: [],
      });
    }
    // Added items take the rows freed by removed ones first, then go after the last row.
    const freeRows = [...free];
    for (const r of rows) {
      if (r.kind !== "added") continue;
      r.targetRow = ret.blocked ? 0 : (freeRows.shift() ?? nextRow++);
    }
    const counts = { added: 0, changed: 0, unchanged: 0, removed: 0 };
    for (const r of rows) counts[r.kind] += 1;
    units.push({
      unit: ret.unit,
      category,
      file: ret.file,
      sheet: ret.sheet,
      blocked: ret.blocked,
      rows,
      counts,
    });
    if (ret.blocked) continue;

    const incomingByKey = new Map(ret.rows.map((r) => [itemKey(r.item), r]));
    for (const r of rows) {
      if (r.kind === "changed" || r.kind === "removed") {
        history.push({
          command: IMPORT_COMMAND,
          sheet: STOCKPILE_SHEET,
          where: `第${r.targetRow}行`,
          old: rowText(sheet?.values[r.targetRow - 1]),
          note: `${r.kind === "removed" ? "导入后删除" : "导入前原行"}（${ret.file}）`,
        });
      }
      if (r.kind === "changed" || r.kind === "added") {
        const incoming = incomingByKey.get(itemKey(r.item)) as IncomingRow;
        const p = matched.get(itemKey(r.item));
        const cells: Record<string, CellValue> = {
          unit: ret.unit,
          category,
          item: incoming.item,
          measure: measureOf(incoming, p?.values.measure, catalogue.lookup),
          persons: incoming.persons,
          stock: incoming.stock,
          inTransit: incoming.inTransit,
        };
        writes.push(
          ...rowBlocks(
            r.targetRow,
            writeColumns.map((f) => [columns.get(f) as number, cells[f] ?? ""])
          )
        );
        if (noteColumn && (incoming.note !== null || r.kind === "added")) {
          writes.push(...rowBlocks(r.targetRow, [[noteColumn, incoming.note ?? ""]]));
        }
      }
    }
    const reused = new Set(rows.filter((r) => r.kind === "added").map((r) => r.targetRow));
    for (const row of free) {
      // A row an added item took keeps only the removed item's user columns (序号…);
      // its overrides and outputs belonged to the removed item.
      const overrides = OVERRIDES.filter((f) => columns.has(f)).map((f): [number, CellValue] => [
        columns.get(f) as number,
        "",
      ]);
      const outputs = outputColumns.map((c): [number, CellValue] => [c, ""]);
      if (reused.has(row)) {
        writes.push(...rowBlocks(row, [...overrides, ...outputs]));
        continue;
      }
      const inputs = writeColumns.map((f): [number, CellValue] => [columns.get(f) as number, ""]);
      const note: [number, CellValue][] = noteColumn ? [[noteColumn, ""]] : [];
      writes.push(...rowBlocks(row, [...inputs, ...overrides, ...outputs, ...note]));
    }
    // One 报送记录 row per unit, file and day: importing the same return again adds none.
    if (!recorded.has(recordKey(ret.unit, importNote(ret.file))))
      reportRows.push({ unit: ret.unit, file: ret.file });
  }

  const records = appendReportRecordOps(
    base,
    reportRows.map((r) => ({
      date: clock.today,
      unit: r.unit,
      time: clock.now,
      type: "正常",
      note: importNote(r.file),
    }))
  );
  for (const i of records.issues) issues.push({ ...i, file: "" });
  const importOps: WriteOp[] = [
    ...setupOps,
    ...historyOps(base, history, clock.now),
    ...writes,
    ...records.ops,
  ];
  if (history.length === 0 && writes.length === 0 && reportRows.length === 0)
    return { units, issues, ops: [] };
  const after = applyOps(base, importOps);
  const computed = planComputeStockpile({
    snapshot: after,
    today: clock.today,
    now: clock.now,
    lang: clock.lang ?? "zh",
  });
  return { units, issues, ops: [...importOps, ...computed.ops] };
}

export const IMPORT_READS: readonly string[] = [
  STOCKPILE_SHEET,
  CATALOGUE_SHEET,
  STOCK_LOG_SHEET,
  PARAMS_SHEET,
  HISTORY_SHEET,
  SUMMARY_SHEET,
  RECORDS_SHEET,
];

/** Options of 导入填报: the returned files, and whether the clerk confirmed the preview. */
export interface ImportOptions {
  returns?: ReturnedFile[];
  confirm?: boolean;
}

/** What the task pane shows: the change list per unit, and whether anything was written. */
export interface ImportData {
  units: UnitImport[];
  confirmed: boolean;
}

/** 导入填报 needs the returned files a person picks. */
export const RETURNED_FILES_NEED: Need = {
  kind: "files",
  option: "returns",
  label: { zh: "请选择要导入的填报文件（.xlsx）", en: "choose the returned .xlsx files to import" },
  given: (raw) => Array.isArray(raw.returns) && raw.returns.length > 0,
};

export const importReturns = defineCommand({
  id: "importReturns",
  label: { zh: "导入填报", en: "Import returned templates" },
  needs: [RETURNED_FILES_NEED],
  reads: () => [...IMPORT_READS],
  parseOptions: parseImportOptions,
  run: runImport,
});

/**
 * The returned files and the confirmation, typed (the files are checked one
 * by one when the command runs).
 *
 * @example
 * parseImportOptions({ returns: [file], confirm: true }).value.confirm //=> true
 */
export function parseImportOptions(raw: RawOptions): OptionsResult<ImportOptions> {
  const returns = Array.isArray(raw.returns) ? (raw.returns as ReturnedFile[]) : [];
  return { ok: true, value: { returns, confirm: raw.confirm === true }, issues: [] };
}

/**
 * Runs 导入填报: a preview (no writes) unless options.confirm is true.
 *
 * @example
 * runImport({ snapshot, today: 44581, now: 44581.4, lang: "zh", options: { returns, confirm: false } }).ops
 * //=> []
 */
export function runImport(input: CommandInput<ImportOptions>): CommandResult<ImportData> {
  const returns = input.options?.returns;
  if (!Array.isArray(returns) || returns.length === 0) {
    return {
      ops: [],
      issues: [],
      summary: {
        zh: "请选择要导入的填报文件（.xlsx）",
        en: "Choose the returned .xlsx files to import",
      },
      data: { units: [], confirmed: false },
    };
  }
  const confirm = input.options?.confirm === true;
  const plan = planImport(returns, input.snapshot, input);
  const ready = plan.units.filter((u) => !u.blocked);
  const changed = ready.filter((u) => u.counts.added + u.counts.changed + u.counts.removed > 0);
  const blocked = plan.units.length - ready.length;
  const zhCounts = (u: UnitImport) =>
    `${u.unit}：新增${u.counts.added}、修改${u.counts.changed}、未变${u.counts.unchanged}、删除${u.counts.removed}`;
  const enCounts = (u: UnitImport) =>
    `${u.unit}: ${u.counts.added} added, ${u.counts.changed} changed, ${u.counts.unchanged} unchanged, ${u.counts.removed} removed`;
  const summary: Message = confirm
    ? {
        zh: `已导入${ready.length}个单位的填报${blocked ? `，${blocked}个单位因错误未导入` : ""}。${ready.map(zhCounts).join("；")}`,
        en: `Imported ${ready.length} units${blocked ? `; ${blocked} not imported because of errors` : ""}. ${ready.map(enCounts).join("; ")}`,
      }
    : {
        zh: `预览：${plan.units.map(zhCounts).join("；")}${blocked ? `；${blocked}个单位有错误，更正后才能导入` : ""}。确认后写入。`,
        en: `Preview: ${plan.units.map(enCounts).join("; ")}${blocked ? `; ${blocked} units have errors and cannot be imported` : ""}. Confirm to write.`,
      };
  return {
    ops: confirm ? plan.ops : [],
    issues: plan.issues,
    summary,
    data: { units: plan.units, confirmed: confirm && ready.length > 0 },
    focus: changed.length ? { sheet: STOCKPILE_SHEET, cell: "A1" } : undefined,
  };
}

function readReturn(
  file: ReturnedFile,
  lookup: ReadonlyMap<string, { name: string }>,
  issues: ImportIssue[]
): Return[] {
  const at = (
    sheet: string,
    cell: string,
    code: string,
    message: Message,
    severity: "error" | "warning" = "error"
  ) =>
    issues.push({
      code,
      severity,
      file: file.fileName,
      sheet,
      cell,
      message: prefix(file.fileName, message),
    });
  const notXlsx = checkImportFile(file.fileName, 0);
  if (notXlsx) {
    at(file.sheets[0]?.name ?? "", "A1", "notXlsx", notXlsx);
    return [];
  }
  const found: Return[] = [];
  for (const s of file.sheets) {
    const parsed = parseTable(TEMPLATE_TABLE, s.values, { sheet: s.name });
    const header = parsed.header;
    if (!header || !header.columns.has("item") || !header.columns.has("stock")) continue;
    const col = (key: string) => header.columns.get(key) as number;
    const skip = new Set<number>();
    const rows: IncomingRow[] = [];
    const units = new Map<string, number>();
    const categories = new Set<string>();
    for (const row of parsed.rows) {
      const v = row.values;
      const line = s.values[row.row - 1] ?? [];
      const empty = FIGURES.every((key) => {
        const column = header.columns.get(key);
        return column === undefined || isBlank(line[column - 1]);
      });
      // Rows the template leaves for added items carry only the unit and category.
      if (empty) {
        skip.add(row.row);
        continue;
      }
      if (typeof v.unit === "string") units.set(v.unit, units.get(v.unit) ?? row.row);
      if (typeof v.category === "string") categories.add(v.category);
    }
    let errors = 0;
    for (const i of parsed.issues) {
      const row = Number(/\d+$/.exec(i.cell)?.[0]);
      if (skip.has(row)) continue;
      errors += i.severity === "error" ? 1 : 0;
      issues.push({ ...i, file: file.fileName, message: prefix(file.fileName, i.message) });
    }
    const declared = readText(s.values[TEMPLATE_UNIT_ROW - 1]?.[1]);
    const unit = [...units.keys()][0] ?? declared;
    if (!unit) {
      at(
        s.name,
        cellAddress(header.headerRow + 1, header.columns.get("unit") ?? 1),
        "unitMissing",
        {
          zh: "未填写单位名称，请在“单位”列填写本单位名称",
          en: "No unit name; fill in the 单位 column",
        }
      );
      errors++;
      continue;
    }
    const seen = new Map<string, number>();
    for (const row of parsed.rows) {
      if (skip.has(row.row)) continue;
      const v = row.values;
      if (typeof v.unit === "string" && v.unit !== unit) {
        at(s.name, cellAddress(row.row, col("unit")), "mixedUnits", {
          zh: `一个填报表只能填报一个单位（本表为“${unit}”），此行为“${v.unit}”，请分开填报`,
          en: `One return holds one unit (${unit}); this row is ${v.unit}. Return it separately`,
        });
        errors++;
        continue;
      }
      if (typeof v.item !== "string") {
        if (!parsed.issues.some((i) => i.cell === cellAddress(row.row, col("item")))) {
          at(s.name, cellAddress(row.row, col("item")), "required", {
            zh: "已填写数量但物资名称为空，请从下拉列表选择物资名称",
            en: "Figures without an item name; pick the item from the drop-down list",
          });
          errors++;
        }
        continue;
      }
      const known = lookup.get(itemKey(v.item));
      if (!known) {
        at(s.name, cellAddress(row.row, col("item")), "unknownItem", {
          zh: `物资“${v.item}”不在物资目录中，请从下拉列表选择物资名称`,
          en: `Item "${v.item}" is not in the catalogue; pick one from the drop-down list`,
        });
        errors++;
        continue;
      }
      const first = seen.get(itemKey(known.name));
      if (first !== undefined) {
        at(s.name, cellAddress(row.row, col("item")), "duplicateRow", {
          zh: `物资“${known.name}”与第 ${first} 行重复，请合并为一行`,
          en: `Item "${known.name}" repeats row ${first}; merge them into one row`,
        });
        errors++;
        continue;
      }
      seen.set(itemKey(known.name), row.row);
      if (
        v.persons === null &&
        v.stock !== null &&
        isBlank(s.values[row.row - 1]?.[col("persons") - 1])
      ) {
        at(
          s.name,
          cellAddress(row.row, header.columns.get("persons") ?? col("item")),
          "personsMissing",
          {
            zh: "已填写现有库存但保障人数为空，请填写保障人数",
            en: "Stock is given but 保障人数 is blank; fill it in",
          }
        );
        errors++;
      }
      rows.push({
        row: row.row,
        item: known.name,
        measure: typeof v.measure === "string" ? v.measure : null,
        persons: typeof v.persons === "number" ? v.persons : null,
        stock: typeof v.stock === "number" ? v.stock : null,
        inTransit: typeof v.inTransit === "number" ? v.inTransit : null,
        note: typeof v.note === "string" ? v.note : null,
      });
    }
    if (categories.size > 1) {
      at(
        s.name,
        cellAddress(header.headerRow, header.columns.get("category") ?? 1),
        "mixedCategories",
        {
          zh: `单位类别不一致（${[...categories].join("、")}），请统一`,
          en: `Different unit categories (${[...categories].join(", ")}); use one`,
        }
      );
      errors++;
    }
    found.push({
      file: file.fileName,
      sheet: s.name,
      unit,
      category: [...categories][0] ?? null,
      categoryCell: cellAddress(
        rows[0]?.row ?? header.headerRow,
        header.columns.get("category") ?? lastUsedColumn(s.values[header.headerRow - 1]) + 1
      ),
      rows,
      blocked: errors > 0,
    });
  }
  if (found.length === 0) {
    at(file.sheets[0]?.name ?? "", "A1", "templateNotFound", {
      zh: "未找到填报表（需含“物资名称”“现有库存”等表头），请使用本系统生成的填报模板",
      en: "No return table found (it needs headers such as 物资名称 and 现有库存); use the template the add-in made",
    });
  }
  return found;
}

function importNote(file: string): string {
  return `导入填报：${file}`;
}

function recordKey(unit: string, note: string): string {
  return `${unit}\u0000${note}`;
}

/** The units and notes 报送记录 already holds for a day. */
function recordedOn(snapshot: WorkbookSnapshot, day: DateSerial): Set<string> {
  const sheet = snapshot.sheets[RECORDS_SHEET] ?? snapshot.sheets[RECORDS_SPEC.en];
  const keys = new Set<string>();
  if (!sheet) return keys;
  for (const row of parseTable(RECORDS_SPEC, sheet.values, { sheet: sheet.name }).rows) {
    const { date, unit, note } = row.values;
    if (typeof date === "number" && Math.floor(date) === day && typeof unit === "string")
      keys.add(recordKey(unit, typeof note === "string" ? note : ""));
  }
  return keys;
}

/** One block per run of adjacent columns of one row; values are plain (never formulas). */
function rowBlocks(row: number, cells: readonly (readonly [number, CellValue])[]): WriteOp[] {
  const sorted = [...cells].sort((a, b) => a[0] - b[0]);
  const ops: WriteOp[] = [];
  let run: CellWrite[] = [];
  let start = 0;
  let previous = -1;
  const flush = () => {
    if (run.length)
      ops.push({ kind: "block", sheet: STOCKPILE_SHEET, row, column: start, cells: [run] });
    run = [];
  };
  for (const [column, value] of sorted) {
    if (column !== previous + 1) {
      flush();
      start = column;
    }
    run.push(value);
    previous = column;
  }
  flush();
  return ops;
}

/**
 * The 计量单位 to write for a returned row. Templates show the catalogue's
 * unit of measure; a ledger row that leaves it blank (blank = the catalogue's)
 * stays blank when the return carries that same unit, so it does not count as
 * a change.
 */
function measureOf(
  incoming: IncomingRow,
  previous: CellValue | undefined,
  lookup: ReadonlyMap<string, { unit?: string | null }>
): CellValue {
  const old = previous === undefined || isBlank(previous) ? null : previous;
  if (incoming.measure === null) return old;
  const fromCatalogue = lookup.get(itemKey(incoming.item))?.unit ?? null;
  if (old === null && incoming.measure === fromCatalogue) return null;
  return incoming.measure;
}

function rowText(line: readonly CellValue[] | undefined): string {
  if (!line) return "";
  const last = lastUsedColumn(line);
  return line
    .slice(0, last)
    .map((v) => (v === null || v === undefined ? "" : String(v)))
    .join(" | ");
}

function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  const x = a === undefined || isBlank(a) ? null : a;
  const y = b === undefined || isBlank(b) ? null : b;
  return x === y;
}

function headerOf(field: string): string {
  if (field === "note") return "备注";
  return STOCKPILE_TABLE.columns.find((c) => c.key === field)?.zh ?? field;
}

function prefix(file: string, message: Message): Message {
  return { zh: `【${file}】${message.zh}`, en: `[${file}] ${message.en}` };
}
