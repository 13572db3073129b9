/**
 * Every command the add-in offers, in the order the task pane shows them.
 * Hosts, the task pane, the ribbon and the CLI look commands up here.
 */
import type { Command } from "./command";
import { initWorkbook } from "./init/initWorkbook";

export const COMMANDS: readonly Command[] = [initWorkbook];

/** The command with this id, or undefined. */
export function commandById(id: string): Command | undefined {
  return COMMANDS.find((c) => c.id === id);
}
