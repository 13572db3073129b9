/**
 * The bench's build step, into .tmp/bench-build/ (never dist/, which other
 * tools own):
 * - lib/: the pure layers, the Office, memory and .xlsx hosts and the command
 *   line, transpiled to CommonJS one file per source with TypeScript's
 *   transpileModule, with the options bin/build-cli.js uses for dist/cli, so
 *   the bench's child processes can require them: a few seconds, no type
 *   check. The bench runs `epi-ledger` from here (bench/epi-ledger.mjs), so
 *   an edit to src/ during a run cannot trigger bin/'s rebuild mid-measurement.
 * - app/ and blank/: the production task pane bundle, and a blank page with
 *   only React and FluentProvider (plus pane.html, the task pane alone, for
 *   diagnosis), all built with the project's own webpack.config.js (same
 *   loaders, split chunks and minification).
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const BUILD = path.join(ROOT, ".tmp", "bench-build");
export const LIB = path.join(BUILD, "lib");

const require = createRequire(import.meta.url);
const LAYERS = [
  "core",
  "workbook",
  path.join("hosts", "excel"),
  path.join("hosts", "memory"),
  path.join("hosts", "xlsx"),
  "cli",
];

/** Transpiles the engine, the hosts and the CLI into BUILD/lib; returns the file count. */
export function transpileEngine() {
  const ts = require("typescript");
  const src = path.join(ROOT, "src");
  fs.rmSync(LIB, { recursive: true, force: true });
  let count = 0;
  for (const layer of LAYERS) {
    for (const file of tsFiles(path.join(src, layer))) {
      const { outputText, sourceMapText } = ts.transpileModule(fs.readFileSync(file, "utf8"), {
        fileName: file,
        compilerOptions: {
          module: ts.ModuleKind.CommonJS,
          // As bin/build-cli.js compiles the command line.
          target: ts.ScriptTarget.ES2020,
          esModuleInterop: true,
          isolatedModules: true,
          // Maps let bench/profile.mjs name the TypeScript line of a hot function.
          sourceMap: true,
        },
      });
      const target = path.join(LIB, path.relative(src, file)).replace(/\.ts$/, ".js");
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, outputText.replace(/\n\/\/# sourceMappingURL=.*\s*$/, "\n"));
      fs.writeFileSync(`${target}.map`, sourceMapText);
      count++;
    }
  }
  // The bench's .mjs files load these as CommonJS.
  fs.writeFileSync(path.join(LIB, "package.json"), '{ "type": "commonjs" }\n');
  return count;
}

/** Loads a transpiled module by its path under src/, e.g. `workbook/commands`. */
export function lib(modulePath) {
  return require(path.join(LIB, `${modulePath}.js`));
}

/**
 * Builds the production task pane (BUILD/app), the blank Fluent page
 * (BUILD/blank) and the pane-only page (BUILD/pane) in one webpack run.
 * @returns {Promise<{ app: string, blank: string, pane: string }>}
 */
export async function buildBundles() {
  const webpack = require("webpack");
  const HtmlWebpackPlugin = require("html-webpack-plugin");
  const projectConfig = require(path.join(ROOT, "webpack.config.js"));
  const app = path.join(BUILD, "app");
  const blank = path.join(BUILD, "blank");
  const pane = path.join(BUILD, "pane");

  const appConfig = projectConfig({}, { mode: "production" });
  appConfig.context = ROOT;
  appConfig.output = { ...appConfig.output, path: app };

  // The blank page and the pane-only page are separate compilations, so
  // neither's chunks (the shared "fluent" chunk above all) grow with the other's imports.
  const pageConfig = (page, outDir) => {
    const base = projectConfig({}, { mode: "production" });
    return {
      ...base,
      context: ROOT,
      entry: { [page]: path.join(ROOT, "bench", `${page}-page.mjs`) },
      output: { ...base.output, path: outDir },
      // The same page template (CSP, icon) as preview.html, and the same copied assets.
      plugins: [
        new HtmlWebpackPlugin({
          filename: `${page}.html`,
          template: path.join(ROOT, "src", "taskpane", "preview.html"),
          chunks: [page],
        }),
        ...base.plugins.filter((p) => p.constructor.name === "CopyPlugin"),
      ],
    };
  };

  await new Promise((resolve, reject) => {
    webpack([appConfig, pageConfig("blank", blank), pageConfig("pane", pane)], (error, stats) => {
      if (error) return reject(error);
      if (stats.hasErrors())
        return reject(new Error(stats.toString({ all: false, errors: true, colors: false })));
      resolve();
    });
  });
  return { app, blank, pane };
}

function tsFiles(dir) {
  const out = [];
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...tsFiles(full));
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) out.push(full);
  }
  return out.sort();
}
