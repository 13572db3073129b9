/**
 * The task pane's sections, one per capability, and the commands each offers.
 * A capability adds its command ids to SECTION_COMMANDS (ids not registered in
 * COMMANDS yet are skipped) and, when it needs choices such as a report date,
 * its own option controls to SECTION_PANELS.
 */
import type { ComponentType } from "react";
import type { Message } from "../core/issue";
import type { Command, CommandResult, Lang } from "../workbook/command";
import { COMMANDS } from "../workbook/commands";
import { UI } from "./i18n";
import { IsolationPanel } from "./panels/IsolationPanel";
import { ReportingPanel } from "./panels/ReportingPanel";
import { StockpilePanel } from "./panels/StockpilePanel";
import { VaccinationPanel } from "./panels/VaccinationPanel";

export type SectionId = "stockpile" | "isolation" | "vaccination" | "dailyReport";

export interface SectionSpec {
  id: SectionId;
  title: Message;
}

/** Sections in the order the task pane shows them. */
export const SECTIONS: readonly SectionSpec[] = [
  { id: "stockpile", title: UI.sectionStockpile },
  { id: "isolation", title: UI.sectionIsolation },
  { id: "vaccination", title: UI.sectionVaccination },
  { id: "dailyReport", title: UI.sectionDailyReport },
];

/** Command ids per section, in button order. */
export const SECTION_COMMANDS: Readonly<Record<SectionId, readonly string[]>> = {
  stockpile: ["computeStockpile", "generateTemplates"],
  isolation: ["computeIsolation", "forecastIsolation"],
  vaccination: ["rankVaccination"],
  dailyReport: ["reportStatus"],
};

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

/** Option controls per section; a section without an entry shows only its buttons. */
export const SECTION_PANELS: Partial<Record<SectionId, ComponentType<SectionPanelProps>>> = {
  dailyReport: ReportingPanel,
  stockpile: StockpilePanel,
  isolation: IsolationPanel,
  vaccination: VaccinationPanel,
};

/**
 * The registered commands of a section, in the order of SECTION_COMMANDS;
 * ids with no registered command are skipped.
 *
 * @example
 * sectionCommands("stockpile", []) //=> []
 */
export function sectionCommands(
  id: SectionId,
  registry: readonly Command[] = COMMANDS,
  ids: Readonly<Record<SectionId, readonly string[]>> = SECTION_COMMANDS
): Command[] {
  return ids[id].flatMap((commandId) => registry.filter((c) => c.id === commandId));
}
