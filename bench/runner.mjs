/**
 * The headless runner against LibreOffice: `epi-ledger compute` on a ledger
 * of a given size, against `soffice --headless --convert-to xlsx` only
 * opening and re-saving the same file. Both are timed as whole processes
 * (start-up included), alternately, and the medians compared. The CLI runs
 * from the bench's build of src/cli (see bench/epi-ledger.mjs).
 *
 * The ledger is the sample workbook (every input sheet of the fictional
 * county) with 接种进度, the table that grows day by day, at the given size.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { performance } from "node:perf_hooks";
import process from "node:process";
import { pathToFileURL } from "node:url";
import { BUILD, ROOT, lib } from "./build.mjs";
import { REPORT_DATE, vaccinationSheet } from "./data.mjs";

const require = createRequire(import.meta.url);
const CLI = path.join(ROOT, "bench", "epi-ledger.mjs");
const SOFFICE = "/usr/bin/soffice";
const TIME = "/usr/bin/time";
const SPAWN = { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 };
const DIR = path.join(BUILD, "runner");
/** A LibreOffice profile of the bench's own, so a soffice someone else runs is never joined. */
const PROFILE = path.join(BUILD, "lo-profile");

/** Why the comparison cannot run here, or null. */
export function runnerUnavailable() {
  if (!fs.existsSync(path.join(ROOT, "src", "cli", "main.ts"))) return "src/cli is missing";
  if (!fs.existsSync(SOFFICE)) return "LibreOffice (soffice) is not installed";
  return null;
}

/**
 * Runs the CLI once and starts LibreOffice once on its own profile, so
 * neither first-run cost lands in a measurement.
 */
export async function prepareRunner() {
  fs.mkdirSync(DIR, { recursive: true });
  const version = spawnSync(process.execPath, [CLI, "--version"], { encoding: "utf8" });
  if (version.status !== 0) throw new Error(`epi-ledger --version failed: ${version.stderr}`);
  const tiny = path.join(DIR, "warm-up.xlsx");
  await writeLedger(tiny, 100);
  const warm = soffice(tiny, path.join(DIR, "warm-up-out"));
  if (!warm.ok) throw new Error(`soffice failed: ${warm.detail}`);
}

/**
 * Times both on a ledger of `rows` 接种进度 rows, `runs` times each.
 * @returns {Promise<{ rows: number, fileBytes: number, computeMs: number, sofficeMs: number,
 *   computeCpuMs: number, sofficeCpuMs: number, exitCode: number }>}
 */
export async function compareRunner(rows, runs) {
  const input = path.join(DIR, `ledger-${rows}.xlsx`);
  await writeLedger(input, rows);
  const compute = [];
  const office = [];
  const computeCpu = [];
  const officeCpu = [];
  let exitCode = 0;
  for (let i = 0; i < runs; i++) {
    const c = epiLedgerCompute(input, path.join(DIR, `ledger-${rows}-computed.xlsx`));
    if (!c.ok) throw new Error(`epi-ledger compute failed: ${c.detail}`);
    exitCode = c.status;
    compute.push(c.ms);
    computeCpu.push(c.cpuMs);
    const s = soffice(input, path.join(DIR, `soffice-${rows}`));
    if (!s.ok) throw new Error(`soffice failed: ${s.detail}`);
    office.push(s.ms);
    officeCpu.push(s.cpuMs);
  }
  return {
    rows,
    fileBytes: fs.statSync(input).size,
    computeMs: median(compute),
    sofficeMs: median(office),
    computeCpuMs: median(computeCpu),
    sofficeCpuMs: median(officeCpu),
    exitCode,
  };
}

/** The sample ledger with a 接种进度 of `rows` rows, written with exceljs' streaming writer. */
export async function writeLedger(file, rows) {
  const ExcelJS = require("exceljs");
  const { sampleWorkbookSheets } = lib("workbook/sample/workbook");
  const big = vaccinationSheet(rows);
  const sheets = sampleWorkbookSheets().map((s) => (s.name === big.name ? big : s));
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  for (const sheet of sheets) {
    const ws = writer.addWorksheet(sheet.name);
    for (const line of sheet.values)
      ws.addRow(line.map((v) => (v === null ? undefined : v))).commit();
    ws.commit();
  }
  await writer.commit();
}

function epiLedgerCompute(input, output) {
  fs.rmSync(output, { force: true });
  const date = lib("core/dates").isoFromSerial(REPORT_DATE);
  return timed(
    process.execPath,
    [CLI, "compute", input, "-o", output, "--date", date],
    (r) =>
      // 0: clean; 1: computed, with input issues to show. Anything else is a failure.
      [0, 1].includes(r.status) && fs.existsSync(output)
  );
}

function soffice(input, outDir) {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  return timed(
    SOFFICE,
    [
      `-env:UserInstallation=${pathToFileURL(PROFILE).href}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "xlsx",
      "--outdir",
      outDir,
      input,
    ],
    () => fs.existsSync(path.join(outDir, path.basename(input)))
  );
}

/**
 * Runs a process and times it: wall clock, and CPU time (user + system, its
 * children included) through /usr/bin/time when present, which a busy
 * machine disturbs less.
 */
function timed(command, args, succeeded) {
  const cpuFile = path.join(DIR, "cpu-time.txt");
  fs.rmSync(cpuFile, { force: true });
  const viaTime = fs.existsSync(TIME);
  const t = performance.now();
  const r = viaTime
    ? spawnSync(TIME, ["-f", "%U %S", "-o", cpuFile, command, ...args], SPAWN)
    : spawnSync(command, args, SPAWN);
  const ms = performance.now() - t;
  const ok = !r.error && succeeded(r);
  const [user, system] =
    viaTime && fs.existsSync(cpuFile)
      ? fs.readFileSync(cpuFile, "utf8").trim().split(/\s+/).slice(-2).map(Number)
      : [NaN, NaN];
  return {
    ok,
    ms,
    cpuMs: (user + system) * 1000,
    status: r.status,
    detail: ok
      ? ""
      : `${r.error?.message ?? ""} exit ${r.status}: ${(r.stderr || r.stdout || "").slice(-2000)}`,
  };
}

function median(list) {
  const s = [...list].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
