/**
 * Every command the add-in offers, in the order the task pane shows them:
 * 初始化工作簿, then each capability's commands (capabilities.ts). Hosts,
 * the task pane, the ribbon and the CLI look commands up here.
 */
import { CAPABILITIES } from "./capabilities";
import type { Command } from "./command";
import { initWorkbook } from "./init/initWorkbook";

export const COMMANDS: readonly Command[] = [
  initWorkbook,
  ...CAPABILITIES.flatMap((c): readonly Command[] => c.commands),
];

/** The id of a registered command. */
export type CommandId =
  typeof initWorkbook.id | (typeof CAPABILITIES)[number]["commands"][number]["id"];

/** The command with this id, or undefined. */
export function commandById(id: string): Command | undefined {
  return COMMANDS.find((c) => c.id === id);
}
