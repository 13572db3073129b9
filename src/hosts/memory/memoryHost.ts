/**
 * The memory host: the Office host itself, running on the in-memory Excel.
 * Since the memory Excel does not calculate, after each write it gives every
 * formula cell the value the engine computed (the `value` of the plan's
 * FormulaCell), so the preview shows numbers and tests can read both.
 */
import { cellAddress } from "../../workbook/a1";
import type { HostIO, WorkbookHost, WriteReport } from "../../workbook/host";
import { isFormulaCell, type WriteOp } from "../../workbook/plan";
import { createOfficeHost } from "../excel/officeHost";
import type { MemoryWorkbook } from "./memoryExcel";

export interface MemoryHostOptions {
  /** The Office host's request limit (see officeHost.ts); tests lower it to exercise chunking. */
  maxRequestBytes?: number;
}

/**
 * Creates a host on an in-memory workbook.
 *
 * @example
 * const book = new MemoryWorkbook();
 * await executeCommand(createMemoryHost(book), initWorkbook, { today, now, lang: "zh" });
 * book.sheetNames() //=> ["参数"]
 */
export function createMemoryHost(
  workbook: MemoryWorkbook,
  options: MemoryHostOptions = {}
): WorkbookHost & { select(sheet: string, cell: string): Promise<void> } {
  const office = createOfficeHost({
    run: workbook.run,
    requirements: workbook,
    kind: "memory",
    maxRequestBytes: options.maxRequestBytes,
  });
  return {
    kind: "memory",
    transaction: (work) =>
      office.transaction((io) =>
        work({
          read: (sheets) => io.read(sheets),
          syncCount: () => io.syncCount(),
          write: (ops, onProgress) => writeAndCache(workbook, io, ops, onProgress),
          refreshFormulaValues: (ops) => cacheFormulaValues(workbook, ops),
        })
      ),
    select: (sheet, cell) => office.select(sheet, cell),
  };
}

async function writeAndCache(
  workbook: MemoryWorkbook,
  io: HostIO,
  ops: readonly WriteOp[],
  onProgress?: (done: number, total: number) => void
): Promise<WriteReport> {
  try {
    return await io.write(ops, onProgress);
  } finally {
    // Also after a failure: the cells a committed sync wrote get their values (the others keep other formulas and are skipped).
    cacheFormulaValues(workbook, ops);
  }
}

function cacheFormulaValues(workbook: MemoryWorkbook, ops: readonly WriteOp[]): void {
  for (const op of ops) {
    if (op.kind !== "block" || !op.cells.some((line) => line.some(isFormulaCell))) continue;
    workbook.setCachedValues(
      op.sheet,
      cellAddress(op.row, op.column),
      op.cells.map((line) => line.map((cell) => (isFormulaCell(cell) ? cell : null)))
    );
  }
}
