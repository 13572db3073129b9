// `npm run bench`: what users wait for, each figure against a baseline taken
// in the same run, so a noisy machine moves both. Prints one table (progress
// goes to stderr) and keeps the figures in .tmp/bench-build/results.json.
// Not part of `npm test`. See docs/performance.md for a recorded run.
//
//   npm run bench                        everything (about 4 minutes on 2 cores)
//   npm run bench -- --only engine,taskpane
//   (sections: engine, roundtrips, runner, taskpane)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import process from "node:process";
import { BUILD, ROOT, buildBundles, lib, transpileEngine } from "../bench/build.mjs";
import { compareRunner, prepareRunner, runnerUnavailable } from "../bench/runner.mjs";
import { chromiumUnavailable, firstRender, initialJs } from "../bench/taskpane.mjs";

/** One sheet's limit: 1,048,576 rows, of which the title and the header take two. */
const FULL_SHEET_ROWS = 1_048_576 - 2;
const ENGINE_RUNS = [
  { command: "rankVaccination", table: "接种进度", rows: 10_000, runs: 15 },
  { command: "rankVaccination", table: "接种进度", rows: 100_000, runs: 7 },
  { command: "rankVaccination", table: "接种进度", rows: FULL_SHEET_ROWS, runs: 5, target: true },
  { command: "computeStockpile", table: "物资储备", rows: 100_000, runs: 3 },
  { command: "forecastIsolation", table: "返乡人员 + 隔离床位", rows: 100_000, runs: 3 },
];
const ROUND_TRIP_SIZES = [10, 1_000, 10_000, 100_000];
const RUNNER_SIZES = [
  { rows: 10_000, runs: 3 },
  { rows: 100_000, runs: 3, target: true },
];
const RENDER_RUNS = 9;
const GB = 1024 ** 3;
const TARGETS = {
  engineRatio: 3,
  peakHeap: 1 * GB,
  runnerRatio: 1,
  initialGzip: 300 * 1024,
  renderRatio: 1.5,
};

const only = readOnly(process.argv.slice(2));
const started = performance.now();
const rows = [];
const results = { machine: machine(), startedAt: new Date().toISOString() };

step("build: transpiling the engine and building the production bundle and the blank page");
transpileEngine();
const bundles = wanted("taskpane") ? await buildBundles() : null;
results.commands = lib("workbook/commands").COMMANDS.map((c) => c.id);

if (wanted("engine")) engine();
if (wanted("roundtrips")) roundTrips();
if (wanted("runner")) await runner();
if (wanted("taskpane")) await taskpane();

results.seconds = (performance.now() - started) / 1000;
results.loadAverageAtEnd = os.loadavg().map((l) => l.toFixed(2));
results.rows = rows;
fs.mkdirSync(BUILD, { recursive: true });
fs.writeFileSync(path.join(BUILD, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
printTable();

// ── 1. Engine ────────────────────────────────────────────────────────────────

function engine() {
  for (const e of ENGINE_RUNS) {
    const size = e.rows === FULL_SHEET_ROWS ? "1,048,576 (full sheet)" : `${fmt(e.rows)} rows`;
    const name = `Engine ${label(e.command)} · ${e.table}`;
    step(`engine: ${e.command} on ${fmt(e.rows)} rows`);
    try {
      const time = child("engine-child.mjs", [], { ...e, mode: "time" });
      const heap = heapChild(e);
      const ratio = time.engineMs / time.bareMs;
      rows.push({
        section: "engine",
        measure: `${name}: time`,
        size,
        result: `${ms(time.engineMs)} (parse + compute + plan; runs ${range(time.engineRunsMs)}; ${fmt(time.ops)} ops, ${fmt(time.errors)} errors)`,
        baseline: `bare pass ${ms(time.bareMs)} (runs ${range(time.bareRunsMs)}; ${fmt(time.cells)} cells read once)`,
        ratio,
        target: e.target ? `≤ ${TARGETS.engineRatio}` : "—",
        met: e.target ? ratio <= TARGETS.engineRatio : null,
        data: { ...time, command: e.command, rows: e.rows },
      });
      rows.push({
        section: "engine",
        measure: `${name}: peak heap`,
        size,
        result: `${mb(heap.peak)} V8 heap + ${mb(heap.endExternal)} outside it (typed arrays); peak RSS ${mb(heap.maxRss)}`,
        baseline: `input snapshot ${mb(heap.inputHeap)}`,
        ratio: heap.peak / heap.inputHeap,
        target: e.target ? "< 1 GB" : "—",
        met: e.target ? heap.peak + heap.endExternal < TARGETS.peakHeap : null,
        data: { ...heap, command: e.command, rows: e.rows },
      });
    } catch (error) {
      rows.push(failed("engine", name, size, error));
    }
  }
}

/**
 * The peak heap of one engine run, from V8's GC trace: each collection
 * prints the heap in use before it, so the largest of those (and the heap at
 * the end) is the peak. The run is synchronous, so a timer could not sample
 * it. Typed arrays are outside the V8 heap: the target is judged on the peak
 * plus the memory outside the heap at the end (when the engine's columns are
 * still held by its result), and the peak RSS is shown beside.
 */
function heapChild(e) {
  const out = runNode(["--trace-gc", "--expose-gc", path.join(ROOT, "bench", "engine-child.mjs")], {
    ...e,
    mode: "heap",
  });
  const result = parseResult(out);
  let peak = result.endHeap;
  for (const m of out.matchAll(
    /: (?:Scavenge|Mark-Compact|Mark-sweep|Minor Mark-Sweep)[^\d]*?([\d.]+) \([\d.]+\) ->/g
  ))
    peak = Math.max(peak, Number(m[1]) * 1024 * 1024);
  return { ...result, peak };
}

// ── 2. Round trips ───────────────────────────────────────────────────────────

function roundTrips() {
  for (const size of ROUND_TRIP_SIZES) {
    step(`round trips: every command on the in-memory Office host at ${fmt(size)} rows`);
    let list;
    try {
      list = child("roundtrips-child.mjs", [String(size)]);
    } catch (error) {
      rows.push(failed("roundtrips", "Round trips", `${fmt(size)} rows`, error));
      continue;
    }
    for (const r of list) {
      const ratio = r.syncs / r.limit;
      rows.push({
        section: "roundtrips",
        measure: `Round trips ${r.label} (${r.command})`,
        size: `${fmt(size)} ${r.counts}`,
        result: r.ok
          ? `${r.syncs} syncs (${r.readSyncs} read + ${r.writeSyncs} write); largest ${kb(r.largest)}, total ${kb(r.total)}${r.syncs > r.limit ? `; the host split by its estimate, ${kb(r.estimatedWriteBytes)}` : ""}`
          : `failed: ${r.error}`,
        baseline: `limit ${r.limit} (1 read + ${r.limit - 1} write${r.writeBytes > 5 * 1024 * 1024 ? ` = ⌈${kb(r.writeBytes)} ÷ ${kb(r.chunk)}⌉` : ""})`,
        ratio,
        target: "= limit",
        met: r.ok && r.syncs === r.limit,
        data: { ...r, rows: size },
      });
    }
  }
}

// ── 3. Headless runner ───────────────────────────────────────────────────────

async function runner() {
  const why = runnerUnavailable();
  if (why) {
    for (const r of RUNNER_SIZES)
      rows.push(
        na("runner", "Headless epi-ledger compute ÷ LibreOffice", `${fmt(r.rows)} rows`, why)
      );
    return;
  }
  try {
    step("runner: building the CLI and starting LibreOffice once on the bench's own profile");
    await prepareRunner();
  } catch (error) {
    for (const r of RUNNER_SIZES)
      rows.push(
        failed("runner", "Headless epi-ledger compute ÷ LibreOffice", `${fmt(r.rows)} rows`, error)
      );
    return;
  }
  for (const r of RUNNER_SIZES) {
    step(`runner: epi-ledger compute and soffice --convert-to xlsx on ${fmt(r.rows)} rows`);
    const size = `${fmt(r.rows)} 接种进度 rows + sample sheets`;
    try {
      const c = await compareRunner(r.rows, r.runs);
      const ratio = c.computeMs / c.sofficeMs;
      rows.push({
        section: "runner",
        measure: "Headless: epi-ledger compute (every command)",
        size,
        result: `${s(c.computeMs)} wall, ${s(c.computeCpuMs)} CPU (CPU ratio ${(c.computeCpuMs / c.sofficeCpuMs).toFixed(2)}; exit ${c.exitCode}; file ${kb(c.fileBytes)})`,
        baseline: `soffice --headless --convert-to xlsx ${s(c.sofficeMs)} wall, ${s(c.sofficeCpuMs)} CPU`,
        ratio,
        target: r.target ? `< ${TARGETS.runnerRatio}` : "—",
        met: r.target ? ratio < TARGETS.runnerRatio : null,
        data: c,
      });
    } catch (error) {
      rows.push(failed("runner", "Headless: epi-ledger compute", size, error));
    }
  }
}

// ── 4. Task pane ─────────────────────────────────────────────────────────────

async function taskpane() {
  step("task pane: initial JavaScript of taskpane.html");
  const js = initialJs(bundles.app, "taskpane.html");
  const blankJs = initialJs(bundles.blank, "blank.html");
  rows.push({
    section: "taskpane",
    measure: "Task pane initial JavaScript (taskpane.html)",
    size: `${js.files.length} scripts`,
    result: `${kb(js.raw)} raw, ${kb(js.gzip)} gzip`,
    baseline: `React + FluentProvider page ${kb(blankJs.gzip)} gzip`,
    ratio: js.gzip / blankJs.gzip,
    target: "< 300 KB gzip",
    met: js.gzip < TARGETS.initialGzip,
    data: { taskpane: js, blank: blankJs },
  });
  const why = chromiumUnavailable();
  if (why) {
    rows.push(na("taskpane", "First interactive render of preview.html", "—", why));
    return;
  }
  step(
    `task pane: first interactive render in headless Chromium, ${RENDER_RUNS} loads of each page`
  );
  try {
    const r = await firstRender(bundles, RENDER_RUNS);
    const ratio = r.previewMs / r.blankMs;
    rows.push({
      section: "taskpane",
      measure: "First interactive render of preview.html",
      size: `median of ${r.runs}`,
      result: `${ms(r.previewMs)} from navigation (the pane alone, no sample: ${ms(r.paneMs)})`,
      baseline: `React + FluentProvider page ${ms(r.blankMs)}`,
      ratio,
      target: `≤ ${TARGETS.renderRatio}`,
      met: ratio <= TARGETS.renderRatio,
      data: r,
    });
  } catch (error) {
    rows.push(failed("taskpane", "First interactive render of preview.html", "—", error));
  }
}

// ── Output ───────────────────────────────────────────────────────────────────

function printTable() {
  const m = results.machine;
  const header = [
    "#",
    "Measure",
    "Size",
    "Result",
    "Baseline (same run)",
    "Ratio",
    "Target",
    "Met",
  ];
  const lines = rows.map((r, i) => [
    String(i + 1),
    r.measure,
    r.size,
    r.result,
    r.baseline,
    Number.isFinite(r.ratio) ? r.ratio.toFixed(2) : "—",
    r.target,
    r.met === null ? "—" : r.met ? "yes" : "**no**",
  ]);
  const out = [
    `Epi Ledger bench — ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, Node ${m.node}, ${m.platform}; ${results.startedAt}; ${results.seconds.toFixed(0)} s; load average ${m.loadAverage[0]} at start, ${results.loadAverageAtEnd[0]} at end`,
    "",
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...lines.map((cells) => `| ${cells.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`),
  ];
  process.stdout.write(`${out.join("\n")}\n`);
}

// ── Helpers ──────────────────────────────────────────────────────────────────

function child(file, extra, args) {
  const argv = [path.join(ROOT, "bench", file), ...extra];
  return parseResult(runNode(argv, args));
}

function runNode(argv, args) {
  const r = spawnSync(
    process.execPath,
    args === undefined ? argv : [...argv, JSON.stringify(args)],
    {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
    }
  );
  if (r.error || r.status !== 0)
    throw new Error(
      `${path.basename(argv[argv.length - 1])}: ${r.error?.message ?? `exit ${r.status}`} ${(r.stderr ?? "").slice(-1500)}`
    );
  return r.stdout;
}

function parseResult(stdout) {
  const line = stdout.split("\n").find((l) => l.startsWith("RESULT "));
  if (!line) throw new Error(`no RESULT line in: ${stdout.slice(-500)}`);
  return JSON.parse(line.slice("RESULT ".length));
}

function failed(section, measure, size, error) {
  return na(
    section,
    measure,
    size,
    `failed: ${String(error?.message ?? error)
      .split("\n")[0]
      .slice(0, 300)}`
  );
}

function na(section, measure, size, why) {
  return {
    section,
    measure,
    size,
    result: `n/a (${why})`,
    baseline: "—",
    ratio: NaN,
    target: "—",
    met: null,
  };
}

function label(commandId) {
  return lib("workbook/commands").commandById(commandId)?.label.zh ?? commandId;
}

function wanted(section) {
  return !only || only.includes(section);
}

function readOnly(argv) {
  const i = argv.indexOf("--only");
  return i >= 0 && argv[i + 1] ? argv[i + 1].split(",") : null;
}

function step(text) {
  process.stderr.write(
    `[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${text}\n`
  );
}

function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? "unknown CPU",
    memoryGb: (os.totalmem() / GB).toFixed(1),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg().map((l) => l.toFixed(2)),
  };
}

function fmt(n) {
  return Number(n).toLocaleString("en-US");
}

function ms(v) {
  return v >= 10_000 ? s(v) : `${v < 10 ? v.toFixed(2) : v.toFixed(0)} ms`;
}

/** The spread of the measured runs (the warm-up, dropped from the median, included). */
function range(list) {
  return `${ms(Math.min(...list))}–${ms(Math.max(...list))}`;
}

function s(v) {
  return `${(v / 1000).toFixed(2)} s`;
}

function kb(bytes) {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${(bytes / 1024).toFixed(1)} KB`;
}

function mb(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}
