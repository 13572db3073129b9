import { issue, type CoreIssue, type Outcome } from "../issue";
import { bedsPer10k } from "./bedsPer10k";
import { requiredBeds } from "./requiredBeds";
import { duplicateRoles } from "../dedupe";

/**
 * One township's row of the 隔离床位 table. Numbers follow one convention:
 * `null` is a blank cell, `NaN` a cell that holds something that is not a
 * number (the caller has said why), so blank and zero stay apart.
 */
export interface BedRecord {
  /** 1-based sheet row, for issues. */
  row: number;
  /** 县(区), when the table groups townships; null when blank. */
  parent: string | null;
  township: string | null;
  population: number | null;
  existingBeds: number | null;
  /** Backup sites; blank counts as 0. */
  backupBeds: number | null;
}

export type BedStatus = "达标" | "不足";

/** The outputs of one row, each null where the sheet formula shows "". */
export interface BedResult {
  record: BedRecord;
  /** 应配床位: ROUNDUP(population × norm ÷ 10,000). */
  required: number | null;
  /** 床位合计: existing + backup. */
  total: number | null;
  /** 缺口: MAX(0, required − total). */
  gap: number | null;
  /** 每万人床位, one decimal. */
  per10k: number | null;
  status: BedStatus | null;
  /** A later copy of a township's row with the same figures: counted once, in the first. */
  duplicateOf?: number;
  /** The township's rows disagree (see {@link duplicateRoles}): held out as 待核实. */
  unverified?: boolean;
}

export interface BedCapacityOptions {
  /** The norm, beds (or rooms) per 10,000 residents. */
  bedsPer10k: number;
  /** The unit word used in messages, 张 or 间 (default 张). */
  unit?: string;
}

/**
 * Computes every row's bed figures, exactly as the sheet formulas do, and
 * reports the rows that cannot be computed: population missing, zero or
 * negative; existing beds missing; negative beds; a township named twice.
 * Valid figures of a row are still computed when another of its figures is
 * bad (a row with a bad population still gets its 床位合计).
 *
 * @example
 * computeBeds([{ row: 3, parent: null, township: "城关镇", population: 86_400, existingBeds: 150, backupBeds: 10 }], { bedsPer10k: 20 }).value[0]
 * //=> { required: 173, total: 160, gap: 13, per10k: 18.5, status: "不足", record: {...} }
 */
export function computeBeds(
  records: readonly BedRecord[],
  options: BedCapacityOptions
): Outcome<BedResult[]> {
  const unit = options.unit ?? "张";
  const issues: CoreIssue[] = [];
  const dup = duplicateRoles(
    records,
    (r) => (r.township === null ? null : `${r.parent ?? ""}\u0000${r.township}`),
    (r) => [r.population, r.existingBeds, r.backupBeds]
  );
  const value = records.map((record, i) => {
    issues.push(...recordIssues(record, unit));
    const result = bedResult(record, options);
    const role = dup.role[i];
    const first = records[dup.first[i]].row;
    if (role === "copy") {
      result.duplicateOf = first;
      issues.push(
        issue(
          "duplicateTownship",
          record.row,
          "township",
          {
            zh: `乡镇“${record.township}”与第${first}行重复且数字相同，只计一次；请删除重复行`,
            en: `Township ${record.township} repeats row ${first} with the same figures; counted once. Delete the copy`,
          },
          "warning",
          [{ row: first, field: "township" }]
        )
      );
    } else if (role === "disputed") {
      result.unverified = true;
      if (record.row !== first)
        issues.push(
          issue(
            "duplicateTownship",
            record.row,
            "township",
            {
              zh: `乡镇“${record.township}”与第${first}行重复而数字不同，无法确定哪行正确，该乡镇数据待核实，未计入；请删除错误的一行`,
              en: `Township ${record.township} repeats row ${first} with different figures; neither can be trusted, so the township is held out as 待核实. Delete the wrong row`,
            },
            "error",
            [{ row: first, field: "township" }]
          )
        );
    }
    return result;
  });
  return { value, issues };
}

/**
 * The outputs of one row (see {@link computeBeds}), without issues.
 *
 * @example
 * bedResult({ row: 3, parent: null, township: "白云乡", population: 21_300, existingBeds: 50, backupBeds: null }, { bedsPer10k: 20 }).gap
 * //=> 0
 */
export function bedResult(record: BedRecord, options: BedCapacityOptions): BedResult {
  const required = requiredBeds(record.population, options);
  const total = bedTotal(record.existingBeds, record.backupBeds);
  const gap = required !== null && total !== null ? Math.max(0, required - total) : null;
  const per10k = bedsPer10k(total, record.population);
  const status: BedStatus | null = gap === null ? null : gap > 0 ? "不足" : "达标";
  return { record, required, total, gap, per10k, status };
}

/**
 * 床位合计: existing + backup beds, a blank backup counting as 0. Null when
 * the existing beds are blank or either figure is negative or unreadable.
 *
 * @example
 * bedTotal(40, null) //=> 40
 * bedTotal(40, 12)   //=> 52
 * bedTotal(null, 12) //=> null
 * bedTotal(40, -1)   //=> null
 */
export function bedTotal(existing: number | null, backup: number | null): number | null {
  if (!isNonNegative(existing)) return null;
  if (backup === null) return existing;
  return isNonNegative(backup) ? existing + backup : null;
}

function isNonNegative(value: number | null): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0;
}

function recordIssues(r: BedRecord, unit: string): CoreIssue[] {
  const out: CoreIssue[] = [];
  if (r.population === null)
    out.push(
      issue("populationMissing", r.row, "population", {
        zh: "常住人口为空，请填写该乡镇常住人口",
        en: "Resident population is blank; fill it in",
      })
    );
  else if (Number.isNaN(r.population))
    out.push(
      issue("populationNotANumber", r.row, "population", {
        zh: "常住人口不是数字，请填写阿拉伯数字",
        en: "Resident population is not a number; type digits",
      })
    );
  else if (r.population === 0)
    out.push(
      issue("populationZero", r.row, "population", {
        zh: "常住人口为0，无法计算应配床位和每万人床位，请填写实际常住人口",
        en: "Resident population is 0, so required beds and beds per 10,000 cannot be computed; enter the real population",
      })
    );
  else if (r.population < 0)
    out.push(
      issue("populationNegative", r.row, "population", {
        zh: `常住人口不能为负数（现为${r.population}），请更正`,
        en: `Resident population cannot be negative (found ${r.population}); correct it`,
      })
    );
  if (r.existingBeds === null)
    out.push(
      issue("bedsMissing", r.row, "existingBeds", {
        zh: `现有床位为空，没有请填0（${unit}）`,
        en: "Existing beds is blank; type 0 if there are none",
      })
    );
  for (const field of ["existingBeds", "backupBeds"] as const) {
    const v = r[field];
    const label = field === "existingBeds" ? "现有床位" : "备用床位";
    const en = field === "existingBeds" ? "Existing beds" : "Backup beds";
    if (v === null) continue;
    if (Number.isNaN(v))
      out.push(
        issue("bedsNotANumber", r.row, field, {
          zh: `${label}不是数字，请填写阿拉伯数字`,
          en: `${en} is not a number; type digits`,
        })
      );
    else if (v < 0)
      out.push(
        issue("negativeBeds", r.row, field, {
          zh: `${label}不能为负数（现为${v}），请更正；没有请填0`,
          en: `${en} cannot be negative (found ${v}); correct it, or type 0 if there are none`,
        })
      );
  }
  return out;
}
