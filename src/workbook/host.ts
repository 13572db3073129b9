/**
 * The boundary every host implements. A host moves 2-D arrays in and out and
 * nothing more: `read` returns a snapshot, `write` carries out write
 * operations. `transaction` groups one read and one write into one unit of
 * work (one `Excel.run` in Office).
 */
import type { Message } from "../core/issue";
import type { WriteOp } from "./plan";
import type { WorkbookSnapshot } from "./snapshot";

export interface WriteReport {
  /** Requests sent to the workbook (`context.sync()` calls in Office) by the write phase. */
  syncs: number;
  /** Cells written. */
  cells: number;
  /** Largest request payload in bytes (Office hosts; 0 elsewhere). */
  maxRequestBytes: number;
  totalBytes: number;
  /**
   * What the host left out because this Excel lacks it, for the status line
   * (an Excel without ExcelApi 1.9 makes no print set-up). Absent when nothing was.
   */
  skipped?: Message[];
}

export interface HostIO {
  read(sheets: readonly string[]): Promise<WorkbookSnapshot>;
  write(
    ops: readonly WriteOp[],
    onProgress?: (done: number, total: number) => void
  ): Promise<WriteReport>;
  /** Requests sent to the workbook so far in this transaction (`context.sync()` calls in Office; 0 for files). */
  syncCount(): number;
  /**
   * For hosts that cannot calculate (the in-memory Excel, .xlsx files): after
   * the write, take the engine's value for every formula cell of the whole
   * plan, including cells whose formula did not change and so were not
   * rewritten (a parameter edit changes values, not formulas). Only cells that
   * hold exactly the plan's formula are touched. Excel recalculates by itself
   * and leaves this out.
   */
  refreshFormulaValues?(ops: readonly WriteOp[]): void;
}

export interface WorkbookHost {
  readonly kind: "excel" | "memory" | "xlsx" | "wps";
  transaction<T>(work: (io: HostIO) => Promise<T>): Promise<T>;
  /** Selects a cell for the user (the task pane's issue list). */
  select?(sheet: string, cell: string): Promise<void>;
}

/** Failures a host can meet, translated once at the host boundary. */
export type HostErrorKind =
  | "cellEditMode"
  | "protectedSheet"
  | "missingSheet"
  | "payloadTooLarge"
  | "connectionLost"
  | "unsupported"
  | "unknown";

/**
 * A block only partly written when a host failed: its first `rows` rows (of
 * `ofRows`) are in `sheet`, the rest are not. Only a block too big for one
 * request is ever split, so at most one block is partly written.
 */
export interface PartialWrite {
  sheet: string;
  /** Rows of the block already written, from its first row. */
  rows: number;
  /** Rows of the whole block. */
  ofRows: number;
}

/** A host failure as data: what went wrong, what to do, and what was already written. */
export class HostError extends Error {
  constructor(
    readonly kind: HostErrorKind,
    readonly userMessage: Message,
    /** Ops already carried out in full when the failure came (Office cannot roll back a committed sync). */
    readonly writtenOps: number = 0,
    override readonly cause?: unknown,
    /** The op after those `writtenOps`, when it is a block some of whose rows were committed. */
    readonly partial?: PartialWrite
  ) {
    super(userMessage.en);
    this.name = "HostError";
  }
}
