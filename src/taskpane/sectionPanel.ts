/**
 * What a section's own option controls (a panel) receive. Its own file, so
 * the panels and sections.ts (which maps capability ids to panels) do not
 * import each other.
 */
import type { CommandResult, Lang } from "../workbook/command";

/** What a section's own option controls receive. */
export interface SectionPanelProps {
  lang: Lang;
  /** The section's current choices; every command of the section is run with them. */
  options: Readonly<Record<string, unknown>>;
  onOptionsChange(next: Readonly<Record<string, unknown>>): void;
  /** True while any command runs. */
  disabled: boolean;
  /** The last successful result of one of this section's commands, e.g. for a copy button. */
  lastResult?: { commandId: string; result: CommandResult };
  /** Runs a registered command with these options, as the section's buttons do (e.g. a confirm step); the result comes back as lastResult. */
  run?(commandId: string, options: Readonly<Record<string, unknown>>): void;
  /** Opens a base64 .xlsx as a new workbook, where Excel can (TaskpaneActions.createWorkbook). */
  createWorkbook?(base64: string): Promise<void>;
}
