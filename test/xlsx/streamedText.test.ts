/**
 * The streamed path (very large sheets) must read and write text exactly:
 * a multi-byte character that falls across two inflated chunks of a sheet or
 * of the shared strings used to turn into U+FFFD on both sides (exceljs
 * decodes each chunk alone). Every threshold is forced, on the sample and on
 * generated sheets whose strings straddle chunk edges, in shared and in
 * inline strings, and every input cell must read the same after
 * `compute --in-place`.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import { runCli } from "../../src/cli/main";
import { loadXlsx } from "../../src/hosts/xlsx/files";
import { sheetSnapshot } from "../../src/hosts/xlsx/xlsxHost";
import type { CellValue } from "../../src/workbook/cells";
import { PROGRESS_SHEET } from "../../src/workbook/vaccination/spec";
import { sampleSheetsWith, writeSheetsXlsx } from "./fixtures";
import { makeEnv } from "./helpers";

jest.setTimeout(240_000);

/** Text of 1–4-byte characters whose lengths vary, so their bytes fall on every offset of a chunk. */
function note(i: number): string {
  const pieces = ["备注第", String(i), "行已核实", "é".repeat(i % 3), "𠮷".repeat(i % 2), "东湖乡"];
  return pieces.join("").slice(0, 4 + (i % 17));
}

const NOTES_SHEET = "核查备注";
const NOTE_ROWS = 6000;

async function writeLedger(file: string): Promise<void> {
  const sheets = sampleSheetsWith([]);
  const progress = sheets.find((s) => s.name === PROGRESS_SHEET)!;
  const header = progress.values.findIndex((r) => r.some((v) => v === "乡镇"));
  progress.values.forEach((r, i) => {
    if (i === header) r.push("备注");
    else if (i > header && r.some((v) => v !== null)) r.push(note(i));
  });
  const notes: CellValue[][] = [["序号", "备注", "核查人"]];
  for (let i = 1; i <= NOTE_ROWS; i++) notes.push([i, note(i), `核查员${"甲乙丙丁"[i % 4]}`]);
  sheets.push({ name: NOTES_SHEET, values: notes });
  await writeSheetsXlsx(sheets, file);
}

/** The same file with the notes sheet's strings inline (`t="inlineStr"`), as other programs write them. */
async function inlineCopy(file: string, out: string): Promise<void> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const rows: string[] = [];
  for (let i = 1; i <= NOTE_ROWS; i++) {
    rows.push(
      `<row r="${i}"><c r="A${i}"><v>${i}</v></c><c r="B${i}" t="inlineStr"><is><t>${note(i)}</t></is></c></row>`
    );
  }
  const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
  const sheetTag = [...workbookXml.matchAll(/<sheet\b[^>]*>/g)].find((m) =>
    m[0].includes(`name="${NOTES_SHEET}"`)
  )![0];
  const rid = /r:id="([^"]+)"/.exec(sheetTag)![1];
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const relTag = [...rels.matchAll(/<Relationship\b[^>]*>/g)].find((m) =>
    m[0].includes(`Id="${rid}"`)
  )![0];
  const target = /Target="([^"]+)"/.exec(relTag)![1];
  zip.file(
    `xl/${target.replace(/^\/?xl\//, "")}`,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData></worksheet>`
  );
  await fs.writeFile(out, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

async function textCells(file: string, sheets: readonly string[]): Promise<Map<string, CellValue>> {
  const workbook = await loadXlsx(file);
  const out = new Map<string, CellValue>();
  for (const ws of workbook.worksheets) {
    if (!sheets.includes(ws.name)) continue;
    sheetSnapshot(ws).values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== "") out.set(`${ws.name}!R${r + 1}C${c + 1}`, v);
      })
    );
  }
  return out;
}

function differences(a: Map<string, CellValue>, b: Map<string, CellValue>): string[] {
  const out: string[] = [];
  for (const [cell, v] of a)
    if (b.get(cell) !== v) out.push(`${cell}: ${String(v)} → ${String(b.get(cell))}`);
  return out;
}

describe("text on the streamed path", () => {
  let dir: string;
  beforeAll(async () => {
    dir = makeEnv().cwd;
    await writeLedger(path.join(dir, "shared.xlsx"));
    await inlineCopy(path.join(dir, "shared.xlsx"), path.join(dir, "inline.xlsx"));
  });

  // 1 streams every sheet; 50,000 only the big notes sheet; undefined is the default (nothing streamed).
  it.each([
    ["shared", 1],
    ["shared", 50_000],
    ["inline", 1],
    ["inline", 50_000],
    ["shared", undefined],
  ] as const)(
    "%s strings: compute --in-place at threshold %s keeps every input cell",
    async (kind, threshold) => {
      const file = path.join(dir, `${kind}-${threshold ?? "default"}.xlsx`);
      await fs.copyFile(path.join(dir, `${kind}.xlsx`), file);
      const inputs = [PROGRESS_SHEET, NOTES_SHEET];
      const before = await textCells(file, inputs);
      expect([...before.values()].filter((v) => String(v).includes("𠮷")).length).toBeGreaterThan(
        1000
      );
      const env = makeEnv({ cwd: dir, largeSheetBytes: threshold });
      const code = await runCli(
        ["compute", path.basename(file), "--in-place", "--only", "接种", "--date", "2022-01-20"],
        env
      );
      expect(env.err.join("")).not.toMatch(/\uFFFD/);
      expect(env.out.join("")).not.toMatch(/\uFFFD/);
      expect(code).toBeLessThanOrEqual(1);
      const after = await textCells(file, inputs);
      expect(differences(before, after)).toEqual([]);
      expect(after.size).toBe(before.size);
    }
  );
});
