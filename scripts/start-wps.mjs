// `npm run start:wps`: builds the WPS add-in (dist/wps, development mode,
// unless `--no-build`), serves it on http://127.0.0.1:3889 and prints how to
// load it into WPS 表格. With `--wpsjs` it also runs `npx --yes wpsjs debug`
// in dist/wps: wpsjs is fetched on demand and never becomes a dependency.
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { serveDirectory } from "./serve-dist.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = join(ROOT, "dist", "wps");
const PORT = Number(process.env.EPI_LEDGER_WPS_PORT ?? 3889);
const args = new Set(process.argv.slice(2));
const require = createRequire(import.meta.url);

if (!args.has("--no-build") || !existsSync(join(DIST, "ribbon.xml"))) {
  console.log("构建 WPS 加载项 / building the WPS add-in (dist/wps)…");
  execFileSync(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "--mode", "development", "--env", "wps"],
    { cwd: ROOT, stdio: "inherit" }
  );
}

const server = await serveDirectory({ root: DIST, port: PORT });
const base = `${server.url}/`;
console.log(
  [
    "",
    `防疫台账助手 WPS 加载项已在 ${base} 提供 / the WPS add-in is served at ${base}`,
    "",
    "在本机 WPS 表格中加载 / to load it into WPS Spreadsheets on this computer:",
    `  1. 用浏览器打开 ${base}publish.html，点“安装”（写入 jsaddons\\publish.xml）/ open ${base}publish.html and click 安装;`,
    "  2. 重新启动 WPS 表格，信任提示中点“允许”/ restart WPS Spreadsheets and allow the add-in when asked;",
    "  3. 功能区“防疫台账助手”选项卡 → “打开任务窗格”/ ribbon tab 防疫台账助手 → 打开任务窗格.",
    "",
    "或用 wpsjs 调试 / or debug with wpsjs: npm run start:wps -- --wpsjs (runs `npx --yes wpsjs debug` in dist/wps)",
    "离线部署见 / offline deployment: dist/wps/deploy/jsplugins.xml and oem.ini",
    "按 Ctrl+C 停止 / press Ctrl+C to stop.",
  ].join("\n")
);

if (args.has("--wpsjs")) {
  const child = spawn("npx", ["--yes", "wpsjs", "debug"], { cwd: DIST, stdio: "inherit" });
  child.on("exit", (code) => console.log(`wpsjs debug exited (${code ?? "signal"})`));
}

process.on("SIGINT", async () => {
  await server.close();
  process.exit(0);
});
