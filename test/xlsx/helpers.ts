/**
 * Shared by the .xlsx host, CLI and LibreOffice tests: a CliEnv that records
 * output, reading every formula cell of a file, and LibreOffice headless
 * recalculation.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { CliEnv } from "../../src/cli/env";
import { cellFormula, formulaResult } from "../../src/hosts/xlsx/cellValues";
import type { CellValue } from "../../src/workbook/cells";

export interface RecordedEnv extends CliEnv {
  out: string[];
  err: string[];
}

/** A CliEnv writing into arrays, in a temporary folder, at a fixed wall clock. */
export function makeEnv(overrides: Partial<CliEnv> = {}): RecordedEnv {
  const out: string[] = [];
  const err: string[] = [];
  return {
    stdout: (s) => void out.push(s),
    stderr: (s) => void err.push(s),
    stderrIsTTY: false,
    lang: "zh",
    cwd: tempDir(),
    clock: () => 0,
    now: () => new Date(2022, 0, 20, 17, 0, 0),
    ...overrides,
    out,
    err,
  };
}

export function tempDir(prefix = "epi-ledger-"): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export interface FormulaCellRead {
  formula: string;
  value: CellValue;
}

/** Every formula cell of a file, keyed `sheet!A1`, with its cached value. */
export async function formulaCells(file: string): Promise<Map<string, FormulaCellRead>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const out = new Map<string, FormulaCellRead>();
  for (const ws of workbook.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const formula = cellFormula(cell);
        if (formula !== undefined) {
          out.set(`${ws.name}!${cell.address}`, { formula, value: formulaResult(cell) });
        }
      })
    );
  }
  return out;
}

/**
 * LibreOffice only recalculates formulas of an .xlsx on load when told to
 * (Tools → Options → Calc → Formula → Recalculation on file load: Always).
 * A fresh user profile whose registrymodifications.xcu sets OOXMLRecalcMode
 * to 0 ("always") does that reliably for headless conversion.
 */
export const RECALC_ALWAYS_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** The soffice binary, or undefined when LibreOffice is not installed. */
export function sofficePath(): string | undefined {
  for (const candidate of [
    "/usr/bin/soffice",
    "/usr/local/bin/soffice",
    "/usr/lib/libreoffice/program/soffice",
  ]) {
    if (existsSync(candidate)) return candidate;
  }
  try {
    return (
      execFileSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" }).trim() || undefined
    );
  } catch {
    return undefined;
  }
}

/**
 * Opens files in LibreOffice headless with recalculation on load, and saves
 * them again as .xlsx (one soffice run for all); returns the recalculated
 * copies, in the same order.
 */
export function recalculateWithLibreOffice(files: readonly string[]): string[] {
  const soffice = sofficePath();
  if (!soffice) {
    throw new Error(
      "LibreOffice (soffice) is not installed: run `apt-get install -y libreoffice-calc-nogui` (.ci/run does this in CI)"
    );
  }
  const work = tempDir("epi-ledger-lo-");
  const profile = path.join(work, "profile");
  mkdirSync(path.join(profile, "user"), { recursive: true });
  writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS_XCU);
  const outDir = path.join(work, "out");
  mkdirSync(outDir);
  execFileSync(
    soffice,
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "xlsx",
      "--outdir",
      outDir,
      ...files,
    ],
    { stdio: "pipe", timeout: 300_000 }
  );
  return files.map((file) => {
    const converted = path.join(outDir, path.basename(file).replace(/\.[^.]+$/, ".xlsx"));
    if (!existsSync(converted)) throw new Error(`LibreOffice did not convert ${file}`);
    return converted;
  });
}

/** Numbers within 1e-9 relative, text equal, blank and "" alike. */
export function agree(engine: CellValue, office: CellValue): boolean {
  const a = engine === "" ? null : engine;
  const b = office === "" ? null : office;
  if (typeof a === "number" && typeof b === "number") {
    return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
  }
  return a === b;
}

/** Each formula cell whose LibreOffice value differs from the engine's, as a line to read. */
export function disagreements(
  engine: Map<string, FormulaCellRead>,
  office: Map<string, FormulaCellRead>
): string[] {
  const out: string[] = [];
  for (const [at, cell] of engine) {
    const recalculated = office.get(at);
    if (!recalculated) out.push(`${at} =${cell.formula}: missing after LibreOffice`);
    else if (!agree(cell.value, recalculated.value)) {
      out.push(
        `${at} =${cell.formula}: engine ${JSON.stringify(cell.value)}, LibreOffice ${JSON.stringify(recalculated.value)}`
      );
    }
  }
  return out;
}
