// Before the browser tests: build dist/ when it is missing (CI builds it
// first), serve it on 127.0.0.1 on a free port, and hand the URL to the tests
// in EPI_LEDGER_BASE_URL (test workers inherit the environment).
const { existsSync } = require("fs");
const { execFileSync } = require("child_process");
const path = require("path");
const { pathToFileURL } = require("url");

module.exports = async function globalSetup() {
  const root = path.resolve(__dirname, "../..");
  const dist = path.join(root, "dist");
  if (!existsSync(path.join(dist, "preview.html"))) {
    console.log("\ndist/ is missing: building it (webpack --mode production)…");
    execFileSync(
      process.execPath,
      [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"],
      {
        cwd: root,
        stdio: "inherit",
      }
    );
  }
  const { serveDirectory } = await import(
    pathToFileURL(path.join(root, "scripts/serve-dist.mjs")).href
  );
  const server = await serveDirectory({ root: dist });
  globalThis.__EPI_LEDGER_SERVER__ = server;
  process.env.EPI_LEDGER_BASE_URL = server.url;
};
