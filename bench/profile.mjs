/**
 * Profiles what a missed target measures and prints where the time goes:
 * self time by package or source layer, then the functions with the most
 * self time, mapped back to their TypeScript lines through source maps.
 *
 *   node bench/profile.mjs engine computeStockpile 100000
 *   node bench/profile.mjs cli 100000
 *   node bench/profile.mjs preview
 *   node bench/profile.mjs pane
 *
 * engine: bench/engine-child.mjs under `node --cpu-prof` (the command run
 * three times, with its bare passes and the data generation).
 * cli: `epi-ledger compute` (bench/epi-ledger.mjs) on the bench's ledger of
 * that size, under --cpu-prof.
 * preview: Chromium's sampling profiler over the load of preview.html up to
 * its first interactive render, plus the trace's top-level event totals
 * (script parse, evaluate, layout…). pane: the same for the bench's pane.html,
 * the task pane alone without the sample workbook and its tables.
 * Needs the bench's build (`npm run bench` makes .tmp/bench-build/).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import process from "node:process";
import { URL, pathToFileURL } from "node:url";
import { BUILD, LIB, ROOT } from "./build.mjs";

const PROFILES = path.join(BUILD, "profiles");

/**
 * Self time per function of a .cpuprofile, largest first, and per group
 * (package, source layer, GC, native).
 * `fileOf` turns a frame's URL into a local file path (or null).
 */
export function summarizeProfile(profile, { top = 12, fileOf = fileUrlPath } = {}) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const groups = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const file = f.url ? fileOf(f.url) : null;
    const where = file ? sourceLocation(file, f.lineNumber, f.columnNumber) : f.url;
    const key = `${f.functionName || "(anonymous)"}\u0000${where ?? ""}`;
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    self.set(key, (self.get(key) ?? 0) + dt);
    const group = groupOf(f.functionName, where);
    groups.set(group, (groups.get(group) ?? 0) + dt);
    total += dt;
  });
  const rank = (map) =>
    [...map]
      .map(([key, ms]) => ({ key, ms, share: total ? ms / total : 0 }))
      .sort((a, b) => b.ms - a.ms);
  return {
    totalMs: total,
    groups: rank(groups),
    functions: rank(self)
      .slice(0, top)
      .map(({ key, ms, share }) => {
        const [name, where] = key.split("\u0000");
        return { name, where, ms, share };
      }),
  };
}

/** Profiles one engine measurement (see bench/engine-child.mjs). */
export function profileEngine(command, rows) {
  const name = `engine-${command}-${rows}.cpuprofile`;
  cpuProfile(name, [
    path.join(ROOT, "bench", "engine-child.mjs"),
    JSON.stringify({ command, rows, mode: "time", runs: 3 }),
  ]);
  return summarizeProfile(readJson(path.join(PROFILES, name)));
}

/** Profiles `epi-ledger compute` on the bench's ledger of `rows` rows (written by the bench). */
export function profileCli(rows) {
  const input = path.join(BUILD, "runner", `ledger-${rows}.xlsx`);
  if (!fs.existsSync(input)) throw new Error(`${input} is missing: run npm run bench first`);
  const name = `cli-${rows}.cpuprofile`;
  cpuProfile(name, [
    path.join(ROOT, "bench", "epi-ledger.mjs"),
    "compute",
    input,
    "-o",
    path.join(PROFILES, `cli-${rows}.xlsx`),
    "--date",
    "2022-01-20",
  ]);
  return summarizeProfile(readJson(path.join(PROFILES, name)));
}

/**
 * Profiles the load of preview.html (in the bench's app build), or of the
 * bench's pane.html (the task pane alone), up to its first interactive render.
 */
export async function profilePage(page = "preview") {
  const { chromium } = await import("playwright-core");
  const { CHROMIUM, FLAGS } = await import("./taskpane.mjs");
  const { serveDirectory } = await import(
    pathToFileURL(path.join(ROOT, "scripts", "serve-dist.mjs")).href
  );
  const dir = path.join(BUILD, page === "preview" ? "app" : page);
  const server = await serveDirectory({ root: dir });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  try {
    const tab = await (
      await browser.newContext({ viewport: { width: 1280, height: 800 } })
    ).newPage();
    const cdp = await tab.context().newCDPSession(tab);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
    await browser.startTracing(tab, { categories: ["devtools.timeline", "v8.execute"] });
    await cdp.send("Profiler.start");
    await tab.goto(`${server.url}/${page}.html`);
    await tab.getByRole("button", { name: "初始化工作簿" }).waitFor();
    const { profile } = await cdp.send("Profiler.stop");
    const trace = JSON.parse((await browser.stopTracing()).toString());
    const events = new Map();
    for (const e of trace.traceEvents)
      if (e.ph === "X" && e.dur && e.name !== "RunTask")
        events.set(e.name, (events.get(e.name) ?? 0) + e.dur / 1000);
    const fileOf = (url) => {
      const local = path.join(dir, new URL(url).pathname);
      return fs.existsSync(local) ? local : null;
    };
    return {
      ...summarizeProfile(profile, { fileOf }),
      trace: [...events].sort((a, b) => b[1] - a[1]).slice(0, 12),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The summary as text lines. */
export function formatSummary(summary, { groups = 8 } = {}) {
  const pct = (s) => `${(s * 100).toFixed(1).padStart(5)}%`;
  const ms = (v) => `${v.toFixed(0).padStart(6)} ms`;
  const lines = [
    `total sampled: ${summary.totalMs.toFixed(0)} ms`,
    "self time by package / layer:",
  ];
  for (const g of summary.groups.slice(0, groups))
    lines.push(`  ${pct(g.share)} ${ms(g.ms)}  ${g.key}`);
  lines.push("top functions by self time:");
  for (const f of summary.functions)
    lines.push(`  ${pct(f.share)} ${ms(f.ms)}  ${f.name}  ${f.where ?? ""}`);
  if (summary.trace) {
    lines.push("trace events (total duration):");
    for (const [name, v] of summary.trace) lines.push(`  ${ms(v)}  ${name}`);
  }
  return lines;
}

function cpuProfile(name, args) {
  fs.mkdirSync(PROFILES, { recursive: true });
  fs.rmSync(path.join(PROFILES, name), { force: true });
  const child = spawnSync(
    process.execPath,
    ["--cpu-prof", `--cpu-prof-dir=${PROFILES}`, `--cpu-prof-name=${name}`, ...args],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }
  );
  if (child.error || ![0, 1].includes(child.status))
    throw new Error(child.stderr || child.error?.message || `exit ${child.status}`);
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

function fileUrlPath(url) {
  return url.startsWith("file://") ? new URL(url).pathname : url.startsWith("/") ? url : null;
}

/** Package (node_modules/x), source layer (src/workbook/stockpile) or a V8 category. */
function groupOf(functionName, where) {
  if (!where) return functionName.startsWith("(") ? functionName : "(native)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(where);
  if (pkg) return `node_modules/${pkg[1]}`;
  const src = /^(src\/[^/]+(?:\/[^/:]+(?=\/))?)/.exec(where);
  if (src) return src[1];
  if (where.startsWith("node:")) return "node internals";
  return where.replace(/:\d+$/, "");
}

/**
 * `src/…/file.ts:line` through the file's source map when it has one (the
 * bench's transpiled lib, webpack's bundles), else the file and line.
 */
function sourceLocation(file, line, column) {
  const mapped = originalPosition(file, line, column);
  if (mapped) return `${path.relative(ROOT, mapped.source)}:${mapped.line + 1}`;
  return `${file.startsWith("/") ? path.relative(ROOT, file) : file}:${line + 1}`;
}

const maps = new Map();

function originalPosition(file, line, column) {
  // Packages' own maps point into sources that are not installed: keep the package's file.
  if (file.includes(`${path.sep}node_modules${path.sep}`)) return null;
  if (!maps.has(file)) {
    const mapFile = `${file}.map`;
    maps.set(file, fs.existsSync(mapFile) ? decodeMap(file, readJson(mapFile)) : null);
  }
  const map = maps.get(file);
  const segments = map?.lines[line];
  if (!segments?.length) return null;
  let best = segments[0];
  for (const s of segments) if (s[0] <= column) best = s;
  return { source: map.sources[best[1]], line: best[2] };
}

/** Decodes a source map's `mappings` (base64 VLQ) into segments [column, source, line, sourceColumn] per generated line. */
function decodeMap(file, map) {
  const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  // The bench build mirrors src/ under .tmp/bench-build/lib/; webpack names sources webpack://<package>/./path.
  const dir = file.startsWith(LIB)
    ? path.join(ROOT, "src", path.relative(LIB, path.dirname(file)))
    : path.dirname(file);
  const sources = map.sources.map((s) =>
    s.startsWith("webpack://")
      ? path.join(ROOT, s.replace(/^webpack:\/\/[^/]*\//, ""))
      : path.resolve(dir, map.sourceRoot ?? "", s)
  );
  const state = [0, 0, 0, 0, 0];
  const lines = map.mappings.split(";").map((text) => {
    state[0] = 0;
    return text
      .split(",")
      .filter(Boolean)
      .map((segment) => {
        let value = 0;
        let shift = 0;
        let field = 0;
        for (const ch of segment) {
          const digit = B64.indexOf(ch);
          value += (digit & 31) << shift;
          if (digit & 32) shift += 5;
          else {
            state[field++] += value & 1 ? -(value >>> 1) : value >>> 1;
            value = 0;
            shift = 0;
          }
        }
        return [state[0], state[1], state[2], state[3]];
      });
  });
  return { sources, lines };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(ROOT, "bench", "profile.mjs")) {
  const [target, ...rest] = process.argv.slice(2);
  const summary =
    target === "engine"
      ? profileEngine(rest[0], Number(rest[1]))
      : target === "cli"
        ? profileCli(Number(rest[0]))
        : target === "preview" || target === "pane"
          ? await profilePage(target)
          : null;
  if (!summary) {
    process.stderr.write(
      "usage: node bench/profile.mjs engine <commandId> <rows> | cli <rows> | preview | pane\n"
    );
    process.exitCode = 2;
  } else process.stdout.write(`${formatSummary(summary).join("\n")}\n`);
}
