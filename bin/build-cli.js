#!/usr/bin/env node
/**
 * Builds the command line into dist/cli/ (CommonJS, one .js per .ts), by
 * transpiling the layers it uses (src/core, src/workbook, src/hosts/xlsx,
 * src/cli) with TypeScript's transpileModule: about a second, no type check
 * (`npm run typecheck` does that for the whole project).
 *
 * bin/epi-ledger.js calls this when dist/cli is missing or older than the
 * sources, so a fresh clone needs only `npm install`. `npm run build:cli`
 * runs it by hand.
 */
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const SRC = path.join(ROOT, "src");
const OUT = path.join(ROOT, "dist", "cli");
const STAMP = path.join(OUT, ".build-stamp");
const LAYERS = ["core", "workbook", path.join("hosts", "xlsx"), "cli"];

/** Every .ts source file of the CLI's layers (no tests, no .tsx). */
function sources() {
  const out = [];
  const walk = (dir) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) out.push(full);
    }
  };
  for (const layer of LAYERS) walk(path.join(SRC, layer));
  return out.sort();
}

/** A fingerprint of the sources: their paths, sizes and modification times. */
function fingerprint(files) {
  return files
    .map((f) => {
      const s = fs.statSync(f);
      return `${path.relative(SRC, f)}:${s.size}:${Math.floor(s.mtimeMs)}`;
    })
    .join("\n");
}

/** True when dist/cli is missing or was built from other sources. */
function isStale() {
  if (!fs.existsSync(path.join(OUT, "cli", "main.js")) || !fs.existsSync(STAMP)) return true;
  return fs.readFileSync(STAMP, "utf8") !== fingerprint(sources());
}

function build() {
  const ts = require("typescript");
  const files = sources();
  // Build beside dist/cli and swap it in, so a concurrent run never loads half a build.
  const temp = `${OUT}.tmp-${process.pid}`;
  fs.rmSync(temp, { recursive: true, force: true });
  for (const file of files) {
    const { outputText } = ts.transpileModule(fs.readFileSync(file, "utf8"), {
      fileName: file,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2020,
        esModuleInterop: true,
        isolatedModules: true,
        verbatimModuleSyntax: false,
      },
    });
    const target = path.join(temp, path.relative(SRC, file)).replace(/\.ts$/, ".js");
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, outputText);
  }
  fs.writeFileSync(path.join(temp, ".build-stamp"), fingerprint(files));
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.renameSync(temp, OUT);
  return files.length;
}

module.exports = { build, isStale, OUT };

if (require.main === module) {
  const count = build();
  process.stdout.write(`dist/cli: ${count} files\n`);
}
