/**
 * Nothing a rewrite would destroy is lost. A plan that clears a sheet
 * (every leader sheet, every fill-in template) would wipe whatever else the
 * sheet holds: a clerk's own sheet that happens to carry an output sheet's
 * name, notes such as 领导批示 typed beside a generated table, figures typed
 * into a template in the ledger. `preserveOverwrites` runs on every plan
 * between computing and writing (executeCommand), so every host and the CLI
 * get it:
 *
 * - **How the add-in knows its own sheet.** When it writes a sheet from
 *   scratch it records the bottom-right cell of what it wrote in a defined
 *   name, `_EpiLedger_<sheet>` (`=物资汇总!$K$40`). The box from A1 to that
 *   cell is the add-in's; a name moves with rows the clerk inserts, as a
 *   table would. A sheet made by an earlier version has no such name: it
 *   counts as the add-in's when at least half the plan's text in its first
 *   three rows (the title and headers) is already in the same cells, and
 *   its box is then the new plan's.
 * - **Cells outside the box** are the clerk's. Where the new plan leaves them
 *   blank they are written back in place after the rewrite (values and
 *   formulas; cell formats are not kept); where the plan now writes over
 *   them they go to 历史记录 first.
 * - **Cells inside the box** that the new plan leaves blank go to 历史记录
 *   (they may be a note typed into a gap, or output that is no longer there);
 *   cells the plan writes again are the add-in's previous output, replaced.
 * - **A sheet that is not the add-in's** and holds anything is not touched:
 *   the command is refused with a message naming the sheet and a cell (exit
 *   2 on the command line), and the clerk renames the sheet.
 *
 * Whatever is kept or moved is said in the command's summary.
 */
import type { DateSerial } from "../core/dates";
import type { Message } from "../core/issue";
import { cellAddress, parseCellAddress } from "./a1";
import { isBlank, type CellValue } from "./cells";
import type { CommandResult } from "./command";
import { HISTORY_SHEET, historyOps, type HistoryEntry } from "./history";
import { HostError } from "./host";
import { formulaText, type CellWrite, type WriteOp } from "./plan";
import type { SheetSnapshot, WorkbookSnapshot } from "./snapshot";

/** The defined name that records what the add-in wrote on a sheet. */
export function writtenName(sheet: string): string {
  return `_EpiLedger_${sheet.replace(/[^\p{L}\p{N}_.]/gu, "_")}`;
}

/** Shown in Name Manager beside each record name. */
const RECORD_COMMENT =
  "防疫台账助手：此表由加载项写入的范围（至此单元格），请勿删除 / Epi Ledger: what the add-in wrote on this sheet";

/** Rows of the plan (from its first written row) whose text identifies a sheet of an earlier version. */
const SIGNATURE_ROWS = 3;

/**
 * The plan with whatever its sheet rewrites would destroy kept: cells written
 * back in place or appended to 历史记录 (the snapshot must include
 * 历史记录), the record names added, and the summary extended. Throws a
 * HostError (`unsupported`) when a plan would clear a sheet that is not the
 * add-in's.
 *
 * @example
 * preserveOverwrites(result, snapshotWith领导批示, { now: 44581.7, command: "计算物资储备" }).summary.zh
 * //=> "…保留了“物资汇总”中手工添加的 1 个单元格（M3）。"
 */
export function preserveOverwrites<Data>(
  result: CommandResult<Data>,
  snapshot: WorkbookSnapshot,
  context: { now: DateSerial; command: string }
): CommandResult<Data> {
  const cleared = [
    ...new Set(result.ops.filter((o) => o.kind === "clearSheet").map((o) => o.sheet)),
  ];
  if (cleared.length === 0) return result;
  const extra: WriteOp[] = [];
  const history: HistoryEntry[] = [];
  const said: Message[] = [];
  for (const sheet of cleared) {
    const planned = plannedCells(result.ops, sheet);
    const old = snapshot.sheets[sheet];
    const corner = plannedCorner(planned);
    if (corner)
      extra.push({
        kind: "defineName",
        name: writtenName(sheet),
        sheet,
        cell: corner,
        comment: RECORD_COMMENT,
      });
    const filled = old ? filledCells(old) : [];
    if (filled.length === 0) continue;
    const box =
      recordedBox(snapshot, sheet) ?? (looksOurs(old!, planned) ? planBox(planned) : undefined);
    if (!box) throw notOurs(sheet, filled);
    const keep: { row: number; column: number; cell: CellWrite }[] = [];
    let moved = 0;
    for (const f of filled) {
      const inside = f.row <= box.rows && f.column <= box.columns;
      const writes = planned.get(key(f.row, f.column));
      const overwritten = writes !== undefined && !isBlank(formulaText(writes));
      if (inside && overwritten) continue;
      if (!inside && !overwritten) {
        keep.push(f);
        continue;
      }
      moved += 1;
      history.push({
        command: context.command,
        sheet,
        where: cellAddress(f.row, f.column),
        old: formulaText(f.cell),
        note: inside
          ? `重新生成“${sheet}”时此单元格不再有内容 / cleared when ${sheet} was written again`
          : `重新生成“${sheet}”时此单元格被覆盖 / overwritten when ${sheet} was written again`,
      });
    }
    extra.push(
      ...keep.map((k): WriteOp => ({
        kind: "block",
        sheet,
        row: k.row,
        column: k.column,
        cells: [[k.cell]],
      }))
    );
    if (keep.length > 0) said.push(keptMessage(sheet, keep));
    if (moved > 0) said.push(movedMessage(sheet, moved));
  }
  const ops = [...beforeProtect(result.ops, extra), ...historyOps(snapshot, history, context.now)];
  if (said.length === 0) return { ...result, ops };
  return {
    ...result,
    ops,
    summary: {
      zh: [result.summary.zh, ...said.map((m) => m.zh)].join(""),
      en: [result.summary.en, ...said.map((m) => m.en)].join(" "),
    },
  };
}

/** The sheets preserveOverwrites needs read besides the command's own. */
export const PRESERVE_READS: readonly string[] = [HISTORY_SHEET];

type Filled = { row: number; column: number; cell: CellWrite };

/** The extra ops of each sheet go before the plan protects that sheet (a protected cell refuses writes in Office). */
function beforeProtect(ops: readonly WriteOp[], extra: readonly WriteOp[]): WriteOp[] {
  const out = [...ops];
  for (const op of extra) {
    const at = out.findIndex((o) => o.kind === "protect" && o.sheet === op.sheet);
    if (at < 0) out.push(op);
    else out.splice(at, 0, op);
  }
  return out;
}

/** What the plan writes on a sheet after clearing it, by `row,column` (the last write wins). */
function plannedCells(ops: readonly WriteOp[], sheet: string): Map<string, CellWrite> {
  const out = new Map<string, CellWrite>();
  let after = false;
  for (const op of ops) {
    if (op.sheet !== sheet) continue;
    if (op.kind === "clearSheet") {
      after = true;
      out.clear();
    }
    if (!after || op.kind !== "block") continue;
    op.cells.forEach((line, i) =>
      line.forEach((cell, j) => out.set(key(op.row + i, op.column + j), cell))
    );
  }
  return out;
}

function planBox(planned: ReadonlyMap<string, CellWrite>): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  for (const k of planned.keys()) {
    const [r, c] = k.split(",").map(Number);
    rows = Math.max(rows, r);
    columns = Math.max(columns, c);
  }
  return { rows, columns };
}

function plannedCorner(planned: ReadonlyMap<string, CellWrite>): string | undefined {
  const box = planBox(planned);
  return box.rows > 0 ? cellAddress(box.rows, box.columns) : undefined;
}

function recordedBox(
  snapshot: WorkbookSnapshot,
  sheet: string
): { rows: number; columns: number } | undefined {
  const reference = snapshot.names[writtenName(sheet)];
  if (!reference) return undefined;
  const m = /!\$?([A-Z]+)\$?(\d+)$/.exec(reference.replace(/'/g, ""));
  const at = m ? parseCellAddress(`${m[1]}${m[2]}`) : undefined;
  return at ? { rows: at.row, columns: at.column } : undefined;
}

/** True when the sheet already holds at least half the plan's title and header text, in place. */
function looksOurs(old: SheetSnapshot, planned: ReadonlyMap<string, CellWrite>): boolean {
  const first = Math.min(...[...planned.keys()].map((k) => Number(k.split(",")[0])));
  let texts = 0;
  let same = 0;
  for (const [k, cell] of planned) {
    const [r, c] = k.split(",").map(Number);
    const text = formulaText(cell);
    if (
      r >= first + SIGNATURE_ROWS ||
      typeof text !== "string" ||
      text === "" ||
      text.startsWith("=")
    )
      continue;
    texts += 1;
    if (old.values[r - 1]?.[c - 1] === text) same += 1;
  }
  return texts > 0 && same * 2 >= texts;
}

function filledCells(old: SheetSnapshot): Filled[] {
  const out: Filled[] = [];
  old.values.forEach((line, r) =>
    line.forEach((value, c) => {
      const formula = old.formulas[r]?.[c] ?? value;
      const isFormula = typeof formula === "string" && formula.startsWith("=") && formula !== value;
      if (isBlank(value) && !isFormula) return;
      out.push({
        row: r + 1,
        column: c + 1,
        cell: isFormula ? { formula: formula as string, value: value as CellValue } : value,
      });
    })
  );
  return out;
}

function key(row: number, column: number): string {
  return `${row},${column}`;
}

function named(sheet: string, cells: readonly { row: number; column: number }[]): string {
  const list = cells.slice(0, 3).map((c) => cellAddress(c.row, c.column));
  return `${list.join("、")}${cells.length > 3 ? "等" : ""}`;
}

function keptMessage(sheet: string, keep: readonly Filled[]): Message {
  const where = named(sheet, keep);
  return {
    zh: `保留了“${sheet}”中手工添加的 ${keep.length} 个单元格（${where}，格式未保留）。`,
    en: `Kept ${keep.length} cell(s) typed by hand on ${sheet} (${where.replace(/、/g, ", ").replace("等", "…")}; their formats were not kept).`,
  };
}

function movedMessage(sheet: string, moved: number): Message {
  return {
    zh: `“${sheet}”中 ${moved} 个会被覆盖或清除的单元格已移入“${HISTORY_SHEET}”。`,
    en: `${moved} cell(s) of ${sheet} that would have been overwritten or cleared were moved to ${HISTORY_SHEET}.`,
  };
}

function notOurs(sheet: string, filled: readonly Filled[]): HostError {
  const where = named(sheet, filled);
  return new HostError("unsupported", {
    zh: `工作表“${sheet}”不是本加载项生成的（其中有 ${filled.length} 个单元格，如 ${sheet}!${where}），而命令要整表重写它；为免覆盖您的数据，命令未运行。请把该工作表改名后再运行`,
    en: `Sheet ${sheet} was not made by the add-in (it holds ${filled.length} cell(s), e.g. ${sheet}!${where.replace(/、/g, ", ").replace("等", "…")}) and the command would rewrite it whole; so as not to overwrite your data, the command did not run. Rename the sheet and run again`,
  });
}
