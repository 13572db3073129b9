/**
 * The sections of docs/workbook-contract.md: one per capability (each
 * capability's own `contract`), from the TableSpecs the code actually reads,
 * then 历史记录. See contractDoc.ts.
 */
import { CAPABILITIES } from "./capabilities";
import type { ContractSection } from "./contractDoc";
import { HISTORY_HEADER, HISTORY_SHEET } from "./history";

export const CONTRACT_SECTIONS: readonly ContractSection[] = [
  ...CAPABILITIES.map((c) => c.contract),
  {
    title: "历史记录 History",
    tables: [],
    outputs: [
      {
        sheet: HISTORY_SHEET,
        description: `Rows are only ever appended: whatever an import or a restored output formula would overwrite is kept here first. Columns: ${HISTORY_HEADER.join(", ")}.`,
      },
    ],
  },
];
