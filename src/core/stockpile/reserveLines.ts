/**
 * The reserve table's figures, row by row: standard, reserve days, applied
 * norm, daily need, target, gap, days of cover, fill rate and status, plus the
 * problems that concern more than one cell (unknown items, duplicate rows,
 * missing 保障人数, missing norms). Every row is computed on its own, so valid
 * rows are computed whatever the others hold.
 */
import { issue, type CoreIssue, type Outcome } from "../issue";
import { appliedNorm } from "./appliedNorm";
import type { CatalogueItem, ReserveStandard } from "./catalogue";
import { daysOfCover } from "./daysOfCover";
import { fillRate } from "./fillRate";
import { reserveDays, reserveStandard } from "./reserveStandard";
import { reserveStatus, type ReserveStatus } from "./reserveStatus";
import { stockGap } from "./stockGap";
import { stockTarget } from "./stockTarget";
import { duplicateRoles } from "../dedupe";

/** One row of 物资储备, as the formulas see its cells. */
export interface ReserveRecord {
  /** 1-based sheet row. */
  row: number;
  unit: string | null;
  /** 单位类别, trimmed; null when blank. */
  category: string | null;
  /** 物资名称, trimmed; null when blank. */
  item: string | null;
  /** 保障人数 when the cell holds a number, else null. */
  persons: number | null;
  /** True when the 保障人数 cell is empty (not merely unreadable). */
  personsBlank: boolean;
  /** 每人每日用量 typed on the row when it is a number, else null. */
  normOverride: number | null;
  /** True when the 每人每日用量 cell is empty. */
  normOverrideBlank: boolean;
  /** 储备标准 typed on the row, trimmed; null when blank. */
  standardOverride: string | null;
  /** 现有库存 when the cell holds a number, else null (blank stock is unknown, not zero). */
  stock: number | null;
  /** 在途数量; blank or text counts as 0, as spreadsheet N() does. */
  inTransit: number;
}

/** The computed figures of one row; null where a figure cannot be computed. */
export interface ReserveLine {
  record: ReserveRecord;
  /** The catalogue entry of the item, undefined when the item is not in the catalogue. */
  item: CatalogueItem | undefined;
  standard: ReserveStandard | null;
  days: number | null;
  norm: number | null;
  dailyNeed: number | null;
  target: number | null;
  gap: number | null;
  daysOfCover: number | null;
  rate: number | null;
  status: ReserveStatus | null;
  /** The row of the first record with the same (单位, 物资名称), when this one repeats it with the same figures. */
  duplicateOf?: number;
  /** The rows of this (单位, 物资名称) disagree: held out of every total as 待核实. */
  unverified?: boolean;
}

export interface ReserveOptions {
  /** Catalogue entries keyed by {@link itemKey} of their name (the first entry of a name wins). */
  catalogue: ReadonlyMap<string, CatalogueItem>;
  wartimeDays: number;
  routineDays: number;
  targetLine: number;
  warningLine: number;
}

/**
 * The key an item name is looked up by: spreadsheet MATCH ignores case.
 *
 * @example
 * itemKey("医用防护口罩(n95)") === itemKey("医用防护口罩(N95)") //=> true
 */
export function itemKey(name: string): string {
  return name.toLowerCase();
}

/**
 * Computes every row and reports the problems between cells.
 *
 * @example
 * computeReserveLines([{ row: 3, unit: "城关镇", category: "乡镇", item: "医用外科口罩", persons: 50,
 *   personsBlank: false, normOverride: null, normOverrideBlank: true, standardOverride: null,
 *   stock: 2400, inTransit: 0 }], { catalogue, wartimeDays: 60, routineDays: 30, targetLine: 1, warningLine: 0.8 })
 * //=> { value: [{ standard: "日常", days: 30, norm: 2, dailyNeed: 100, target: 3000, gap: 600,
 * //               daysOfCover: 24, rate: 0.8, status: "预警", ... }], issues: [] }
 */
export function computeReserveLines(
  records: readonly ReserveRecord[],
  options: ReserveOptions
): Outcome<ReserveLine[]> {
  const issues: CoreIssue[] = [];
  const dup = duplicateRoles(
    records,
    (r) => (r.unit !== null && r.item !== null ? `${r.unit}\u0000${itemKey(r.item)}` : null),
    (r) => [r.category, r.persons, r.normOverride, r.standardOverride, r.stock, r.inTransit]
  );
  const lines = records.map((record, i) => {
    const line = computeLine(record, options);
    if (record.item !== null && !line.item) {
      issues.push(
        issue("unknownItem", record.row, "item", {
          zh: `物资“${record.item}”不在物资目录中，请从物资目录选择名称，或先在物资目录中添加该物资`,
          en: `Item "${record.item}" is not in 物资目录 (the catalogue); pick a catalogue name or add the item there first`,
        })
      );
    }
    const first = records[dup.first[i]].row;
    if (dup.role[i] === "copy") {
      line.duplicateOf = first;
      issues.push(
        issue(
          "duplicateRow",
          record.row,
          "item",
          {
            zh: `“${record.unit}”的“${record.item}”与第 ${first} 行重复且数字相同，汇总只计一次，请删除重复行`,
            en: `${record.unit} / ${record.item} repeats row ${first} with the same figures; the summary counts it once. Delete the copy`,
          },
          "warning",
          [{ row: first, field: "item" }]
        )
      );
    } else if (dup.role[i] === "disputed") {
      line.unverified = true;
      if (record.row !== first)
        issues.push(
          issue(
            "duplicateRow",
            record.row,
            "item",
            {
              zh: `“${record.unit}”的“${record.item}”与第 ${first} 行重复而数字不同，无法确定哪行正确，待核实，未计入汇总；请删除错误的一行`,
              en: `${record.unit} / ${record.item} repeats row ${first} with different figures; neither can be trusted, so both are held out of the summary as 待核实. Delete the wrong row`,
            },
            "error",
            [{ row: first, field: "item" }]
          )
        );
    }
    if (record.personsBlank && record.stock !== null) {
      issues.push(
        issue("personsMissing", record.row, "persons", {
          zh: "已填写现有库存但保障人数为空，无法计算目标储备量，请填写保障人数",
          en: "Stock is given but 保障人数 (persons covered) is blank, so no target can be computed; fill it in",
        })
      );
    }
    if (
      line.item &&
      line.standard !== null &&
      record.normOverrideBlank &&
      (line.standard === "战时" ? line.item.wartime : line.item.routine) === null
    ) {
      issues.push(
        issue("normMissing", record.row, "normOverride", {
          zh: `物资目录中“${line.item.name}”缺少${line.standard}每人每日用量，请在物资目录中补填，或在本行“每人每日用量”中填写`,
          en: `物资目录 has no ${line.standard === "战时" ? "wartime" : "routine"} norm for "${line.item.name}"; fill it in the catalogue or type a norm on this row`,
        })
      );
    }
    return line;
  });
  return { value: lines, issues };
}

function computeLine(record: ReserveRecord, options: ReserveOptions): ReserveLine {
  const item = record.item === null ? undefined : options.catalogue.get(itemKey(record.item));
  const standard = reserveStandard({
    override: record.standardOverride,
    category: record.category,
  });
  const days = reserveDays(standard, options);
  const norm = appliedNorm({ override: record.normOverride, item, standard });
  const { dailyNeed, target } = stockTarget({
    persons: record.persons,
    norm,
    days,
    durable: item ? item.kind === "耐用类" : null,
  });
  const gap = stockGap({ target, stock: record.stock, inTransit: record.inTransit });
  const rate = fillRate({ stock: record.stock, target });
  return {
    record,
    item,
    standard,
    days,
    norm,
    dailyNeed,
    target,
    gap,
    daysOfCover: daysOfCover({ stock: record.stock, dailyNeed }),
    rate,
    status: reserveStatus({ rate, target, stock: record.stock }, options),
  };
}
