/**
 * Applies write ops to a snapshot, as a host would, for pure tests of
 * commands (idempotence at plan level) without any host. Formats, charts and
 * page set-up are ignored: only cells, sheets and names are modelled.
 */
import { formulaText, displayValue, type WriteOp } from "../../src/workbook/plan";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";

export function emptySnapshot(): WorkbookSnapshot {
  return { sheetNames: [], sheets: {}, names: {} };
}

export function applyOps(snapshot: WorkbookSnapshot, ops: readonly WriteOp[]): WorkbookSnapshot {
  const next: WorkbookSnapshot = {
    sheetNames: [...snapshot.sheetNames],
    names: { ...snapshot.names },
    sheets: Object.fromEntries(
      Object.entries(snapshot.sheets).map(([k, s]) => [
        k,
        {
          name: s.name,
          values: s.values.map((r) => [...r]),
          formulas: s.formulas.map((r) => [...r]),
        },
      ])
    ),
  };
  const sheet = (name: string) => {
    if (!next.sheets[name]) next.sheets[name] = { name, values: [], formulas: [] };
    if (!next.sheetNames.includes(name)) next.sheetNames.push(name);
    return next.sheets[name];
  };
  for (const op of ops) {
    switch (op.kind) {
      case "ensureSheet":
        sheet(op.sheet);
        break;
      case "clearSheet":
        sheet(op.sheet).values = [];
        next.sheets[op.sheet].formulas = [];
        break;
      case "block": {
        const s = sheet(op.sheet);
        op.cells.forEach((line, i) =>
          line.forEach((cell, j) => {
            const r = op.row - 1 + i;
            const c = op.column - 1 + j;
            for (const grid of [s.values, s.formulas]) while (grid.length <= r) grid.push([]);
            for (const grid of [s.values, s.formulas])
              while (grid[r].length < c) grid[r].push(null);
            s.values[r][c] = displayValue(cell);
            s.formulas[r][c] = formulaText(cell);
          })
        );
        break;
      }
      case "defineName":
        next.names[op.name] = `=${op.sheet}!${op.cell.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2")}`;
        break;
      default:
        break;
    }
  }
  return next;
}
