/**
 * One engine measurement, in its own process (scripts/bench.mjs starts it):
 * a command's parse + compute + plan (`command.run`) on a snapshot built from
 * generated arrays, against a bare pass that only reads every input cell of
 * the same arrays once.
 *
 *   node bench/engine-child.mjs '{"command":"rankVaccination","rows":100000,"mode":"time","runs":5}'
 *
 * mode "time": runs the bare pass and the command alternately, `runs` times
 * each (the first of each discarded as a warm-up when runs > 2), and prints
 * the medians. mode "heap": runs the command once; the parent starts this
 * process with --trace-gc and reads the peak heap from V8's GC trace, since
 * a synchronous run gives a sampling timer no chance to fire.
 * Prints one line: RESULT {json}.
 */
import { performance } from "node:perf_hooks";
import process from "node:process";
import { lib } from "./build.mjs";
import { CLOCK, commandOptions, initializedSnapshot, inputSheets, readView } from "./workloads.mjs";

const args = JSON.parse(process.argv[2]);
const { commandById } = lib("workbook/commands");
const { runCommand } = lib("workbook/command");
const command = commandById(args.command);
if (!command) throw new Error(`No command ${args.command}`);

const { sheets } = inputSheets(args.command, args.rows);
const snapshot = initializedSnapshot(sheets);
const options = commandOptions(args.command, snapshot);
const view = readView(snapshot, command, options);
const grids = sheets.map((s) => s.values);
const cells = grids.reduce((n, g) => n + g.reduce((m, line) => m + line.length, 0), 0);

// As a host runs it: options parsed first (parseOptions), then run.
const runEngine = () => runCommand(command, { snapshot: view, ...CLOCK, options });

if (args.mode === "heap") {
  globalThis.gc?.();
  const inputHeap = process.memoryUsage().heapUsed;
  const result = runEngine();
  const end = process.memoryUsage();
  report({
    inputHeap,
    endHeap: end.heapUsed,
    // Typed arrays live outside the V8 heap; the engine's columns are typed arrays.
    endExternal: end.external,
    ops: result.ops.length,
    errors: result.issues.filter((i) => i.severity === "error").length,
    maxRss: process.resourceUsage().maxRSS * 1024,
  });
} else {
  const bare = [];
  const engine = [];
  let checksum = 0;
  let result;
  for (let i = 0; i < args.runs; i++) {
    let t = performance.now();
    checksum += barePass(grids);
    bare.push(performance.now() - t);
    t = performance.now();
    result = runEngine();
    engine.push(performance.now() - t);
  }
  const kept = (list) => (list.length > 2 ? list.slice(1) : list);
  report({
    cells,
    bareMs: median(kept(bare)),
    engineMs: median(kept(engine)),
    runs: args.runs,
    bareRunsMs: bare,
    engineRunsMs: engine,
    ops: result.ops.length,
    issues: result.issues.length,
    errors: result.issues.filter((i) => i.severity === "error").length,
    checksum,
  });
}

/** The floor: every input cell read once, and just enough done with it that it cannot be skipped. */
function barePass(list) {
  let seen = 0;
  let sum = 0;
  for (const grid of list) {
    for (let r = 0; r < grid.length; r++) {
      const line = grid[r];
      for (let c = 0; c < line.length; c++) {
        const v = line[c];
        if (v !== null) {
          seen++;
          if (typeof v === "number") sum += v;
        }
      }
    }
  }
  return seen + sum;
}

function median(list) {
  const s = [...list].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function report(value) {
  process.stdout.write(`RESULT ${JSON.stringify(value)}\n`);
}
