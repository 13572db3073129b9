/**
 * What opening an .xlsx gives, whole or streamed. Its own file so that
 * open.ts and largeWorkbook.ts, which both make one, do not import each other.
 */
import type { Message } from "../../core/issue";
import type { XlsxHost } from "./xlsxHost";

export interface OpenedWorkbook {
  host: XlsxHost;
  /** True when large sheets are streamed (held as plain arrays, written back row by row). */
  streamed: boolean;
  /** Parts of the input that the output will not have (charts, pivot tables…), as notes. */
  unkept: Message[];
  save(file: string, onProgress?: (done: number, total: number) => void): Promise<void>;
}
