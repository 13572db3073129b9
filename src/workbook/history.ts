/**
 * The 历史记录 sheet: anything an overwrite would destroy is kept here first
 * (rows replaced by an import, output cells a user typed over). Rows are only
 * ever appended.
 */
import type { DateSerial } from "../core/dates";
import type { CellValue } from "./cells";
import type { WriteOp } from "./plan";
import { usedRows, type WorkbookSnapshot } from "./snapshot";
import { HEADER_FILL } from "./styles";

export const HISTORY_SHEET = "历史记录";
export const HISTORY_HEADER = ["时间", "命令", "工作表", "单元格或行", "原值", "说明"] as const;

export interface HistoryEntry {
  /** The command that replaced the data, e.g. `导入填报`. */
  command: string;
  sheet: string;
  /** `F7`, or `第7行` for a whole row. */
  where: string;
  /** The value(s) kept: one cell, or a whole row joined with ` | `. */
  old: CellValue;
  note: string;
}

/**
 * Ops that append entries to 历史记录 (creating the sheet with its header when
 * absent). Needs the snapshot to include `历史记录`, so a command that may keep
 * history lists HISTORY_SHEET in its `reads()`.
 *
 * @example
 * historyOps(snapshot, [{ command: "计算物资储备", sheet: "物资储备", where: "L5", old: 120, note: "输出公式被覆盖，已恢复" }], 44581.5)
 * //=> [ensureSheet 历史记录, header block (if new), one row block]
 */
export function historyOps(
  snapshot: WorkbookSnapshot,
  entries: readonly HistoryEntry[],
  now: DateSerial
): WriteOp[] {
  if (entries.length === 0) return [];
  const existing = snapshot.sheets[HISTORY_SHEET];
  const ops: WriteOp[] = [];
  let next = usedRows(existing) + 1;
  if (!existing) {
    ops.push(
      { kind: "ensureSheet", sheet: HISTORY_SHEET },
      { kind: "block", sheet: HISTORY_SHEET, row: 1, column: 1, cells: [[...HISTORY_HEADER]] },
      { kind: "style", sheet: HISTORY_SHEET, range: "A1:F1", bold: true, fill: HEADER_FILL },
      { kind: "freeze", sheet: HISTORY_SHEET, rows: 1 }
    );
    next = 2;
  }
  ops.push({
    kind: "block",
    sheet: HISTORY_SHEET,
    row: next,
    column: 1,
    cells: entries.map((e) => [now, e.command, e.sheet, e.where, e.old, e.note]),
    numberFormats: { byColumn: ["yyyy-mm-dd hh:mm:ss", null, null, "@", "@", null] },
  });
  return ops;
}
