/**
 * Exit codes and the one way user errors leave the command line: a message
 * in the user's language, never a stack trace.
 */
import type { Message } from "../core/issue";
import { HostError } from "../workbook/host";

export const EXIT_CLEAN = 0;
/** Computed, but the input has issues (printed as `文件 工作表!单元格: message`). */
export const EXIT_ISSUES = 1;
/** Unusable input: not an .xlsx file, a missing required sheet, an unreadable file, a bad option. */
export const EXIT_UNUSABLE = 2;

/** A user error that ends the run with exit code 2. */
export class CliFailure extends Error {
  constructor(
    readonly kind: string,
    readonly userMessage: Message
  ) {
    super(userMessage.en);
    this.name = "CliFailure";
  }
}

/**
 * Turns what a run threw into a user error, or undefined for a programmer bug
 * (which is then reported with its stack, as a bug should be).
 */
export function asFailure(e: unknown): CliFailure | undefined {
  if (e instanceof CliFailure) return e;
  if (e instanceof HostError) return new CliFailure(e.kind, e.userMessage);
  return undefined;
}
