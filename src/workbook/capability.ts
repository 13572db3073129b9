/**
 * A capability (物资储备, 隔离床位…) is one module, `src/workbook/<id>/capability.ts`:
 * everything the rest of the add-in needs to know about it is here, and the
 * registry, 初始化工作簿, the contract doc, the sample workbook, the CLI's
 * `--only` words and the task pane's sections all derive from the list in
 * capabilities.ts. See docs/adding-a-capability.md.
 */
import type { Message } from "../core/issue";
import type { CellValue } from "./cells";
import type { Command } from "./command";
import type { ContractSection } from "./contractDoc";
import type { WriteOp } from "./plan";
import type { WorkbookSnapshot } from "./snapshot";

/** One sheet of the built-in sample county workbook. */
export interface SampleSheet {
  name: string;
  values: CellValue[][];
  /** Number format per column (0-based), so dates read as dates: a saved ledger carries them. */
  columnFormats?: (string | null)[];
}

export interface Capability<
  Id extends string = string,
  Commands extends readonly Command[] = readonly Command[],
> {
  /** Stable id; also the task pane's section id (`section-<id>`). */
  id: Id;
  /** The task pane's section title. */
  title: Message;
  /** The word of `epi-ledger compute --only`, e.g. 接种. */
  cliWord: string;
  /**
   * Its commands, in button order. A command that needs files (导入填报) gets
   * no button: its panel runs it. The first is the one whose input sheet
   * `--only <word>` requires.
   */
  commands: Commands;
  /** The input sheets 初始化工作簿 creates when they are absent (existing sheets are left alone). */
  setupSheets(snapshot: WorkbookSnapshot): WriteOp[];
  /** Its section of docs/workbook-contract.md. */
  contract: ContractSection;
  /** Its sheets of the sample county workbook, in tab order. */
  sampleSheets(): SampleSheet[];
}

/**
 * Makes a capability, keeping its literal id for the union of ids.
 *
 * @example
 * defineCapability({ id: "vaccination", title, cliWord: "接种", commands: [rankVaccination], … }).id
 * //=> "vaccination"
 */
export function defineCapability<
  const Id extends string,
  const Commands extends readonly Command[],
>(capability: Capability<Id, Commands>): Capability<Id, Commands> {
  return capability;
}
