/**
 * Every command the add-in offers, in the order the task pane shows them.
 * Hosts, the task pane, the ribbon and the CLI look commands up here.
 */
import type { Command } from "./command";
import { initWorkbook } from "./init/initWorkbook";
import { computeIsolation } from "./isolation/computeIsolation";
import { forecastIsolation } from "./isolation/forecastIsolation";
import { reportStatus } from "./reporting/reportStatus";
import { computeStockpile } from "./stockpile/computeStockpile";
import { generateTemplates } from "./stockpile/generateTemplates";
import { importReturns } from "./stockpile/import";
import { rankVaccination } from "./vaccination/rankVaccination";

const REGISTRY = [
  initWorkbook,
  computeStockpile,
  generateTemplates,
  importReturns,
  computeIsolation,
  forecastIsolation,
  rankVaccination,
  reportStatus,
] as const;

/** The id of a registered command. */
export type CommandId = (typeof REGISTRY)[number]["id"];

/** The registered command of an id, with its own options and data types. */
export type CommandOf<Id extends CommandId> = Extract<(typeof REGISTRY)[number], { id: Id }>;

export const COMMANDS: readonly Command[] = REGISTRY;

/** The command with this id, or undefined. */
export function commandById(id: string): Command | undefined {
  return COMMANDS.find((c) => c.id === id);
}
