/**
 * Keeps re-runs quiet: drops the writes that would put back what the workbook
 * already holds, so a second run changes nothing it did not need to.
 */
import { isBlank, type CellValue } from "./cells";
import { formulaText, type WriteBlock, type WriteOp } from "./plan";
import type { WorkbookSnapshot } from "./snapshot";

/**
 * Returns the ops with unchanged work removed:
 * - a block keeps only its runs of rows that differ from the snapshot;
 * - a sheet that is cleared and rewritten with exactly its current cells is left alone (all its ops dropped);
 * - `ensureSheet` of an existing sheet and `defineName` of an existing identical name are dropped.
 *
 * @example
 * pruneUnchanged([{ kind: "block", sheet: "参数", row: 1, column: 1, cells: [["参数"]] }], snapshotWith参数)
 * //=> []
 */
export function pruneUnchanged(ops: readonly WriteOp[], snapshot: WorkbookSnapshot): WriteOp[] {
  const cleared = new Set(ops.filter((o) => o.kind === "clearSheet").map((o) => o.sheet));
  const unchangedSheets = new Set(
    [...cleared].filter((s) => rewritesIdentically(s, ops, snapshot))
  );
  const out: WriteOp[] = [];
  for (const op of ops) {
    if (unchangedSheets.has(op.sheet)) continue;
    if (op.kind === "ensureSheet" && snapshot.sheetNames.includes(op.sheet)) continue;
    if (op.kind === "defineName" && sameName(snapshot.names[op.name], op.sheet, op.cell)) continue;
    if (op.kind === "block" && !cleared.has(op.sheet)) {
      out.push(...changedRuns(op, snapshot));
      continue;
    }
    out.push(op);
  }
  return out;
}

/**
 * Splits a block into the runs of consecutive rows that differ from the snapshot.
 */
export function changedRuns(block: WriteBlock, snapshot: WorkbookSnapshot): WriteBlock[] {
  const sheet = snapshot.sheets[block.sheet];
  if (!sheet) return [block];
  const runs: WriteBlock[] = [];
  let start = -1;
  const flush = (end: number) => {
    if (start < 0) return;
    runs.push(sliceRows(block, start, end));
    start = -1;
  };
  block.cells.forEach((line, i) => {
    const current = sheet.formulas[block.row - 1 + i] ?? [];
    const same = line.every((cell, j) =>
      sameCell(current[block.column - 1 + j], formulaText(cell))
    );
    if (!same && start < 0) start = i;
    if (same) flush(i);
  });
  flush(block.cells.length);
  return runs;
}

function sliceRows(block: WriteBlock, start: number, end: number): WriteBlock {
  const nf = block.numberFormats;
  return {
    ...block,
    row: block.row + start,
    cells: block.cells.slice(start, end),
    numberFormats: nf === undefined ? undefined : Array.isArray(nf) ? nf.slice(start, end) : nf,
  };
}

function rewritesIdentically(
  sheetName: string,
  ops: readonly WriteOp[],
  snapshot: WorkbookSnapshot
): boolean {
  const sheet = snapshot.sheets[sheetName];
  if (!sheet) return false;
  const expected: CellValue[][] = [];
  for (const op of ops) {
    if (op.kind !== "block" || op.sheet !== sheetName) continue;
    op.cells.forEach((line, i) =>
      line.forEach((cell, j) => {
        const r = op.row - 1 + i;
        (expected[r] ??= [])[op.column - 1 + j] = formulaText(cell);
      })
    );
  }
  const rows = Math.max(expected.length, sheet.formulas.length);
  for (let r = 0; r < rows; r++) {
    const a = expected[r] ?? [];
    const b = sheet.formulas[r] ?? [];
    const cols = Math.max(a.length, b.length);
    for (let c = 0; c < cols; c++) if (!sameCell(b[c], a[c] ?? null)) return false;
  }
  return true;
}

function sameCell(current: CellValue | undefined, next: CellValue): boolean {
  const a = current === undefined || isBlank(current) ? null : current;
  const b = next === undefined || isBlank(next) ? null : next;
  if (typeof a === "number" && typeof b === "number")
    return a === b || Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a));
  return a === b;
}

function sameName(reference: string | undefined, sheet: string, cell: string): boolean {
  if (!reference) return false;
  const norm = (s: string) => s.replace(/^=/, "").replace(/\$/g, "").replace(/'/g, "");
  return norm(reference) === norm(`${sheet}!${cell}`);
}
