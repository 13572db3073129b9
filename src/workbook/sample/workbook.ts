/**
 * The built-in sample county workbook: the input sheets of every capability,
 * filled for the fictional 示例市 (see county.ts). The browser preview loads
 * it into the in-memory host; `epi-ledger demo` writes it to .xlsx and runs
 * every command on it. Deterministic: the same sheets on every run.
 */
import type { CellValue } from "../cells";
import { isolationSampleSheets } from "./isolation";
import { sampleReportingSheets } from "./reporting";
import { stockpileSampleSheets } from "./stockpile";
import { sampleVaccinationSheets } from "./vaccination";

export interface SampleSheet {
  name: string;
  values: CellValue[][];
}

/** Every sample input sheet, in tab order. */
export function sampleWorkbookSheets(): SampleSheet[] {
  return [
    ...stockpileSampleSheets(),
    ...isolationSampleSheets(),
    ...sampleVaccinationSheets(),
    ...sampleReportingSheets(),
  ];
}
