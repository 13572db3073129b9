/**
 * Applying write operations to a snapshot, without a host: what the workbook
 * would hold after the ops, for planning a second step on top of a first (the
 * import's confirmation recomputes the reserve on the imported rows) and for
 * pure tests of commands. The one plan-level interpreter: hosts have their own.
 */
import { assertNever } from "./assertNever";
import type { CellValue, Grid } from "./cells";
import { displayValue, formulaText, isFormulaCell, type WriteOp } from "./plan";
import type { SheetSnapshot, WorkbookSnapshot } from "./snapshot";

/** A workbook with no sheets and no names. */
export function emptySnapshot(): WorkbookSnapshot {
  return { sheetNames: [], sheets: {}, names: {} };
}

/**
 * Returns the snapshot as it would be after the ops: sheets ensured or
 * cleared, block values and formulas set, names defined. Formats, charts and
 * the like are not part of a snapshot and are ignored. The input is not changed.
 *
 * @example
 * applyOps({ sheetNames: [], sheets: {}, names: {} }, [{ kind: "ensureSheet", sheet: "A" }]).sheetNames
 * //=> ["A"]
 */
export function applyOps(snapshot: WorkbookSnapshot, ops: readonly WriteOp[]): WorkbookSnapshot {
  const sheetNames = [...snapshot.sheetNames];
  const sheets: Record<string, SheetSnapshot> = { ...snapshot.sheets };
  const names = { ...snapshot.names };
  const copied = new Set<string>();
  const writable = (name: string): SheetSnapshot => {
    if (!copied.has(name)) {
      const old = sheets[name];
      sheets[name] = {
        name,
        values: old ? old.values.map((r) => [...r]) : [],
        formulas: old ? old.formulas.map((r) => [...r]) : [],
      };
      copied.add(name);
    }
    return sheets[name];
  };
  for (const op of ops) {
    switch (op.kind) {
      case "ensureSheet":
        if (!sheetNames.includes(op.sheet)) sheetNames.push(op.sheet);
        writable(op.sheet);
        break;
      case "clearSheet": {
        const s = writable(op.sheet);
        s.values = [];
        s.formulas = [];
        break;
      }
      case "block": {
        if (!sheetNames.includes(op.sheet)) sheetNames.push(op.sheet);
        const s = writable(op.sheet);
        op.cells.forEach((line, i) =>
          line.forEach((cell, j) => {
            // A formula showing "" is still a formula cell: its value stays "", as a host reads it back.
            const value = displayValue(cell);
            put(
              s.values,
              op.row + i,
              op.column + j,
              isFormulaCell(cell) ? value : blankToNull(value)
            );
            put(s.formulas, op.row + i, op.column + j, blankToNull(formulaText(cell)));
          })
        );
        break;
      }
      case "defineName":
        names[op.name] = `=${op.sheet}!$${op.cell.replace(/(\d+)$/, "$$$1")}`;
        break;
      // Formats, charts and the like are not part of a snapshot.
      case "style":
      case "columnWidths":
      case "freeze":
      case "conditionalFormat":
      case "chart":
      case "pageSetup":
      case "validation":
      case "protect":
        break;
      default:
        assertNever(op);
    }
  }
  for (const name of copied) trim(sheets[name]);
  return { sheetNames, sheets, names };
}

function put(grid: Grid, row: number, column: number, value: CellValue): void {
  while (grid.length < row) grid.push([]);
  const line = grid[row - 1];
  while (line.length < column - 1) line.push(null);
  line[column - 1] = value;
}

function blankToNull(value: CellValue): CellValue {
  return value === "" ? null : value;
}

/** Drops trailing empty rows, as a host's used range would. */
function trim(sheet: SheetSnapshot): void {
  let n = sheet.values.length;
  while (n > 0 && (sheet.values[n - 1] ?? []).every((v) => v === null || v === "")) n--;
  sheet.values.length = n;
  sheet.formulas.length = n;
}
