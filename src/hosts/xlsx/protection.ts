/**
 * Sheet protection as the file had it. exceljs keeps only the part of
 * `<sheetProtection>` it models: it drops the legacy `password` hash that
 * WPS, LibreOffice and Excel 2007 write, and reads the allowed actions only
 * when spelled `0`/`1`, so `sheet="true"` or `formatCells="false"` came back
 * unprotected or with the actions changed; its streaming writer wrote no
 * protection at all. So each sheet's element is kept as the file spelled it,
 * and written back as it was, unless a command protected or unprotected that
 * sheet (exceljs' model of it then differs from the one it read).
 */
import type ExcelJS from "exceljs";
import JSZip from "jszip";

/** One sheet's `<sheetProtection …/>` as read, with exceljs' model of it at that time. */
export interface KeptProtection {
  element: string;
  model: string;
}

const ELEMENT = /<sheetProtection\b[^>]*?\/>|<sheetProtection\b[^>]*>[\s\S]*?<\/sheetProtection>/;

/** The `<sheetProtection>` element of a sheet's XML (or of the XML after its `</sheetData>`). */
export function protectionElement(xml: string): string | undefined {
  return ELEMENT.exec(xml)?.[0];
}

/** What to keep of each protected sheet, once exceljs has loaded the workbook. */
export function keepProtections(
  workbook: ExcelJS.Workbook,
  elements: ReadonlyMap<string, string>
): Map<string, KeptProtection> {
  const kept = new Map<string, KeptProtection>();
  for (const ws of workbook.worksheets) {
    const element = elements.get(ws.name);
    if (element) kept.set(ws.name, { element, model: modelOf(ws) });
  }
  return kept;
}

/** The element to write for a sheet: the kept one while no command changed its protection. */
export function protectionToWrite(
  ws: ExcelJS.Worksheet,
  kept: ReadonlyMap<string, KeptProtection>
): string | undefined {
  const k = kept.get(ws.name);
  return k && k.model === modelOf(ws) ? k.element : undefined;
}

/**
 * Puts the kept elements back into a saved file (exceljs' whole-workbook
 * writer offers no hook): each sheet's element replaces what exceljs wrote,
 * right after `</sheetData>`, where the schema puts it.
 */
export async function restoreProtections(
  file: string,
  workbook: ExcelJS.Workbook,
  kept: ReadonlyMap<string, KeptProtection>,
  partsOf: (zip: JSZip) => Promise<{ name: string; part: string }[]>,
  io: { read: (file: string) => Promise<Buffer>; write: (file: string, b: Buffer) => Promise<void> }
): Promise<void> {
  const wanted = new Map<string, string>();
  for (const ws of workbook.worksheets) {
    const element = protectionToWrite(ws, kept);
    if (element) wanted.set(ws.name, element);
  }
  if (wanted.size === 0) return;
  const zip = await JSZip.loadAsync(await io.read(file));
  for (const { name, part } of await partsOf(zip)) {
    const element = wanted.get(name);
    const entry = zip.file(part);
    if (!element || !entry) continue;
    zip.file(part, withProtection(await entry.async("string"), element));
  }
  await io.write(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

/** A sheet's XML with its protection element replaced by `element`. */
export function withProtection(xml: string, element: string): string {
  const without = xml.replace(ELEMENT, "");
  const end = /<\/sheetData>|<sheetData\s*\/>/.exec(without);
  if (!end) return without;
  const at = end.index + end[0].length;
  return `${without.slice(0, at)}${element}${without.slice(at)}`;
}

function modelOf(ws: ExcelJS.Worksheet): string {
  return JSON.stringify((ws as unknown as { sheetProtection?: unknown }).sheetProtection ?? null);
}
