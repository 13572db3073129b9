/**
 * Every capability, in the order the task pane shows them. The command
 * registry, 初始化工作簿, the contract doc, the sample workbook, the CLI's
 * `--only` words and the task pane's sections derive from this list: adding
 * a capability is one line here (docs/adding-a-capability.md).
 */
import { ISOLATION_CAPABILITY } from "./isolation/capability";
import { REPORTING_CAPABILITY } from "./reporting/capability";
import { STOCKPILE_CAPABILITY } from "./stockpile/capability";
import { VACCINATION_CAPABILITY } from "./vaccination/capability";

export const CAPABILITIES = [
  STOCKPILE_CAPABILITY,
  ISOLATION_CAPABILITY,
  VACCINATION_CAPABILITY,
  REPORTING_CAPABILITY,
] as const;

/** The id of a capability (also its task-pane section id). */
export type CapabilityId = (typeof CAPABILITIES)[number]["id"];
