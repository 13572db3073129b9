/**
 * A last guard on every plan: a cell must never receive NaN or ±Infinity.
 * Excel rejects a file holding them as corrupt, and Office.js refuses them.
 * They arise only from absurd input (a population of 9e307 overflows when
 * multiplied by the norm), where Excel itself shows #NUM!.
 */
import { cellAddress } from "./a1";
import type { CommandResult } from "./command";
import type { CellIssue } from "./issues";
import { isFormulaCell, type CellWrite, type WriteOp } from "./plan";

/** What Excel shows when a calculation leaves the range of numbers it holds. */
export const OVERFLOW_TEXT = "#NUM!";

/**
 * Returns the result with every non-finite number in its blocks replaced: a
 * formula keeps its formula and takes `#NUM!` as its value (what Excel will
 * show); a plain value becomes blank. Each replaced cell gets a warning naming
 * it. A result with only finite numbers comes back unchanged (the same object).
 *
 * @example
 * guardFinite({ ops: [{ kind: "block", sheet: "隔离床位", row: 3, column: 6, cells: [[{ formula: "=B3*2", value: Infinity }]] }], issues: [], summary })
 * //=> ops: [... cells: [[{ formula: "=B3*2", value: "#NUM!" }]]], issues: [{ cell: "F3", code: "numberOutOfRange", ... }]
 */
export function guardFinite<Data>(result: CommandResult<Data>): CommandResult<Data> {
  const issues: CellIssue[] = [];
  let changed = false;
  const ops = result.ops.map((op): WriteOp => {
    if (op.kind !== "block" || !op.cells.some((line) => line.some(isNonFinite))) return op;
    changed = true;
    const cells = op.cells.map((line, i) =>
      line.map((cell, j): CellWrite => {
        if (!isNonFinite(cell)) return cell;
        issues.push({
          code: "numberOutOfRange",
          severity: "warning",
          sheet: op.sheet,
          cell: cellAddress(op.row + i, op.column + j),
          message: {
            zh: "计算结果超出 Excel 可表示的数值范围（显示为 #NUM!），请检查本行输入的数值是否过大",
            en: "The result is beyond the numbers Excel can hold (shown as #NUM!); check whether a number typed in this row is far too large",
          },
        });
        return isFormulaCell(cell) ? { formula: cell.formula, value: OVERFLOW_TEXT } : null;
      })
    );
    return { ...op, cells };
  });
  return changed ? { ...result, ops, issues: [...result.issues, ...issues] } : result;
}

function isNonFinite(cell: CellWrite): boolean {
  const value = isFormulaCell(cell) ? cell.value : cell;
  return typeof value === "number" && !Number.isFinite(value);
}
