// `npm start`: serves the add-in on https://localhost:3000 with
// webpack-dev-server. No Excel is needed to try it: open /preview.html.
//
// HTTPS certificates come from office-addin-dev-certs when it can install its
// development CA (then Excel trusts localhost); otherwise webpack-dev-server
// makes its own self-signed certificate, which a browser accepts after a
// warning but Excel does not.
import { spawn } from "node:child_process";
import { clearTimeout, setTimeout } from "node:timers";
import { createRequire } from "node:module";
import webpack from "webpack";
import WebpackDevServer from "webpack-dev-server";

const require = createRequire(import.meta.url);
const makeConfig = require("../webpack.config.js");

const CERT_TIMEOUT_MS = 60_000;

const config = makeConfig({}, { mode: "development" });
const https = await devCertificates();
const server = https
  ? { type: "https", options: https }
  : { type: "https" /* webpack-dev-server's own self-signed certificate */ };
if (!https)
  console.log(
    [
      "未能使用 office-addin-dev-certs 安装开发证书，改用 webpack-dev-server 自签名证书：浏览器会先提示证书不受信任，选择继续访问即可；旁加载到 Excel 前请运行 `npx office-addin-dev-certs install`。",
      "Could not install office-addin-dev-certs' development certificate; using webpack-dev-server's self-signed certificate instead: the browser warns once, choose to continue. Before sideloading into Excel, run `npx office-addin-dev-certs install`.",
    ].join("\n")
  );

const devServer = new WebpackDevServer({ ...config.devServer, server }, webpack(config));
await devServer.start();

const base = `https://localhost:${config.devServer.port}`;
console.log(
  [
    "",
    "防疫台账助手 (Epi Ledger) 已启动 / is running",
    "",
    `  无需 Excel：在浏览器中打开 ${base}/preview.html （内置示例工作簿）`,
    `  No Excel needed: open ${base}/preview.html in a browser (built-in sample workbook)`,
    "",
    "  旁加载到 Excel 桌面版（Windows/Mac）：另开终端运行 npm run start:desktop",
    "  Sideload into Excel desktop (Windows/Mac): in another terminal run npm run start:desktop",
    "  Excel 网页版 / Excel on the web: 开始 Home → 加载项 Add-ins → 更多加载项 More add-ins → 上传我的加载项 Upload My Add-in → manifest.xml",
    "",
    "  按 Ctrl+C 停止 / Press Ctrl+C to stop",
    "",
  ].join("\n")
);

/**
 * The office-addin-dev-certs certificate, or undefined when it cannot be had.
 * It runs in a child process in its own session: on Linux the package calls
 * `sudo` to trust its CA, and with no terminal sudo fails at once instead of
 * waiting for a password, so `npm start` never hangs.
 */
async function devCertificates() {
  // The package logs with console.log; keep stdout for the JSON answer alone.
  const script = `
    console.log = (...a) => process.stderr.write(a.join(" ") + "\\n");
    require("office-addin-dev-certs").getHttpsServerOptions()
      .then((o) => process.stdout.write(JSON.stringify({ ca: String(o.ca), cert: String(o.cert), key: String(o.key) })))
      .catch((e) => { process.stderr.write("FAILED: " + String((e && e.message) || e)); process.exit(1); });`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["-e", script], {
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    const timer = setTimeout(() => child.kill(), CERT_TIMEOUT_MS);
    child.on("error", (e) => {
      clearTimeout(timer);
      console.log(`office-addin-dev-certs: ${e.message}`);
      resolve(undefined);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code === 0) {
        try {
          resolve(JSON.parse(out));
          return;
        } catch {
          err ||= "unreadable output";
        }
      }
      const reason = err.split("FAILED: ")[1]?.trim().split("\n").join(" ") ?? err.trim();
      if (reason) console.log(`office-addin-dev-certs: ${reason}`);
      resolve(undefined);
    });
  });
}
