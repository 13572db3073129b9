/**
 * The built-in sample county workbook: the input sheets of every capability,
 * filled for the fictional 示例市 (see county.ts). The browser preview loads
 * it into the in-memory host; `epi-ledger demo` writes it to .xlsx and runs
 * every command on it. Deterministic: the same sheets on every run.
 */
import { CAPABILITIES } from "../capabilities";
import type { SampleSheet } from "../capability";
import { CONTRACT_SECTIONS } from "../contract";
import { detectHeader } from "../headers";

export type { SampleSheet } from "../capability";

/** Every sample input sheet, in tab order: each capability's, in the order of CAPABILITIES. */
export function sampleWorkbookSheets(): SampleSheet[] {
  return withDateFormats(CAPABILITIES.flatMap((c) => c.sampleSheets()));
}

const FORMATS: Partial<Record<string, string>> = {
  date: "yyyy-mm-dd",
  datetime: "yyyy-mm-dd hh:mm",
};

/** Gives each sample sheet the date formats its TableSpec calls for, found under its real header. */
function withDateFormats(sheets: SampleSheet[]): SampleSheet[] {
  const specs = CONTRACT_SECTIONS.flatMap((section) => section.tables);
  return sheets.map((sheet) => {
    const spec = specs.find((t) => t.sheet === sheet.name);
    const header = spec && detectHeader(spec, sheet.values);
    if (!spec || !header) return sheet;
    const columnFormats: (string | null)[] = [];
    for (const column of spec.columns) {
      const at = header.columns.get(column.key);
      const format = FORMATS[column.type];
      if (at !== undefined && format) columnFormats[at - 1] = format;
    }
    return columnFormats.length > 0
      ? { ...sheet, columnFormats: Array.from(columnFormats, (f) => f ?? null) }
      : sheet;
  });
}
