/**
 * The task pane's sections: one per capability (src/workbook/capabilities.ts),
 * with its title and commands from the capability. The only thing kept here
 * is the map from capability id to the panel of its own option controls.
 */
import type { ComponentType } from "react";
import type { Message } from "../core/issue";
import { CAPABILITIES, type CapabilityId } from "../workbook/capabilities";
import { needsKind, type Command } from "../workbook/command";
import { COMMANDS } from "../workbook/commands";
import { IsolationPanel } from "./panels/IsolationPanel";
import { ReportingPanel } from "./panels/ReportingPanel";
import { StockpilePanel } from "./panels/StockpilePanel";
import { VaccinationPanel } from "./panels/VaccinationPanel";
import type { SectionPanelProps } from "./sectionPanel";

export type SectionId = CapabilityId;

export interface SectionSpec {
  id: SectionId;
  title: Message;
}

/** Sections in the order the task pane shows them. */
export const SECTIONS: readonly SectionSpec[] = CAPABILITIES.map((c) => ({
  id: c.id,
  title: c.title,
}));

/**
 * Command ids per section, in button order: the capability's commands but
 * those that need files a person picks (its panel runs them, e.g. 导入填报).
 */
export const SECTION_COMMANDS: Readonly<Record<SectionId, readonly string[]>> = Object.fromEntries(
  CAPABILITIES.map((c) => [
    c.id,
    c.commands.filter((command) => !needsKind(command, "files")).map((command) => command.id),
  ])
) as Record<SectionId, string[]>;

/** Option controls per capability; a section without an entry shows only its buttons. */
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
