// Builds the task pane, the browser preview and the ribbon's function file.
// `npm run build` writes content-hashed bundles to dist/; `npm start`
// (scripts/start.mjs) serves the same configuration on https://localhost:3000.
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_SERVER_PORT = 3000;

/**
 * Where taskpane.html loads office.js from: Microsoft's CDN, unless the build
 * is given another (`npm run build -- --env officeJs=<url>`, or OFFICE_JS_URL).
 * Tenants of Office 365 operated by 21Vianet (China) use OFFICE_JS_21VIANET;
 * an intranet may serve its own copy (a path on this server). README:
 * “office.js 的来源 / Where office.js comes from”.
 */
const OFFICE_JS_DEFAULT = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_21VIANET =
  "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js";

/** The office.js URL and the origin the page's Content-Security-Policy must allow ("" for our own server). */
function officeJsSource(env = {}) {
  const url = env.officeJs ?? process.env.OFFICE_JS_URL ?? OFFICE_JS_DEFAULT;
  if (/^https:\/\//.test(url)) return { url, origin: new URL(url).origin };
  if (/^[\w./-]+\.js$/.test(url) && !url.startsWith("//")) return { url, origin: "" };
  throw new Error(
    `officeJs must be an https:// URL or a path on this server ending in .js: ${url}`
  );
}

/** The pages the add-in serves; manifest.xml points at taskpane.html and commands.html. */
const PAGES = [
  // The template places its scripts itself: the office.js watcher, office.js, then the pane.
  {
    filename: "taskpane.html",
    template: "./src/taskpane/taskpane.html",
    chunk: "taskpane",
    officeJs: true,
  },
  { filename: "preview.html", template: "./src/taskpane/preview.html", chunk: "preview" },
  { filename: "workbook.html", template: "./src/taskpane/workbook.html", chunk: "workbook" },
  { filename: "commands.html", template: "./src/commands/commands.html", chunk: "commands" },
];

module.exports = (env = {}, argv = {}) => {
  const production = (argv.mode ?? "production") === "production";
  if (env && env.wps) return wpsConfig(production);
  const officeJs = officeJsSource(env);
  return {
    mode: production ? "production" : "development",
    // No eval-based source maps: the pages' Content-Security-Policy forbids eval.
    devtool: production ? "source-map" : "cheap-module-source-map",
    entry: {
      taskpane: "./src/taskpane/taskpane.tsx",
      officeWatch: "./src/taskpane/officeWatch.ts",
      preview: "./src/taskpane/preview.tsx",
      workbook: "./src/standalone/page.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // The 工作簿计算页 reads files with hosts/xlsx, whose Node-only paths (files on disk,
      // streaming) it never calls: those modules resolve to nothing in the browser.
      fallback: { fs: false, path: false, string_decoder: false, buffer: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type errors are caught by `npm run typecheck`; the build only transpiles.
            options: { transpileOnly: true, configFile: "tsconfig.json" },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        chunks: "all",
        cacheGroups: {
          react: {
            test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
            name: "react",
            priority: 20,
          },
          fluent: {
            test: /[\\/]node_modules[\\/](@fluentui|@griffel|@floating-ui|tabster|keyborg|@swc)[\\/]/,
            name: "fluent",
            priority: 10,
          },
          // The pure engine (core + workbook), shared by the task pane and the preview.
          engine: {
            test: /[\\/]src[\\/](core|workbook)[\\/]/,
            name: "engine",
            priority: 5,
          },
          // The Office.js host, which the preview also runs on its in-memory Excel.
          officeHost: {
            test: /[\\/]src[\\/]hosts[\\/]excel[\\/]/,
            name: "office-host",
            priority: 5,
          },
          vendors: {
            test: /[\\/]node_modules[\\/]/,
            name: "vendors",
            priority: 0,
          },
          // exceljs (file import and export) is only ever imported lazily, so it
          // lands in its own async chunk and never in a page's initial bundle.
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            // Not "exceljs": the runtime lists async chunk names in the first script, and a test
            // checks that the string exceljs never appears in the initial bundle.
            name: "xlsx-lib",
            chunks: "async",
            priority: 30,
          },
        },
      },
    },
    performance: {
      hints: production ? "warning" : false,
      maxEntrypointSize: 1_200_000,
      maxAssetSize: 900_000,
    },
    plugins: [
      new webpack.NormalModuleReplacementPlugin(/^node:/, (resource) => {
        resource.request = resource.request.replace(/^node:/, "");
      }),
      ...PAGES.map(
        (page) =>
          new HtmlWebpackPlugin({
            filename: page.filename,
            template: page.template,
            chunks: page.officeJs ? ["officeWatch", page.chunk] : [page.chunk],
            ...(page.officeJs ? { inject: false, officeJs } : {}),
          })
      ),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
        ],
      }),
    ],
    devServer: {
      port: DEV_SERVER_PORT,
      host: "localhost",
      server: "https",
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      hot: false,
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};

/**
 * The WPS 表格 add-in, into dist/wps/ (`webpack --env wps`; `npm run build`
 * runs it after the Office build): ribbon.xml, the entry page and main.js
 * (the ribbon's callbacks), the task pane on the WPS host, the publish page
 * for online installs and the offline deployment files. Everything is served
 * from the add-in's own folder. WPS embeds an older Chromium, so both our
 * code and the packages are lowered to ES2017 (Chromium 69: see README,
 * 在 WPS 中使用); the library functions it lacks are polyfilled in
 * src/hosts/wps/pane/polyfills.ts.
 */
const WPS_TARGET = "ES2017";

function wpsConfig(production) {
  const lowered = (allowJs) => ({
    loader: "ts-loader",
    options: {
      transpileOnly: true,
      configFile: "tsconfig.json",
      compilerOptions: {
        target: WPS_TARGET,
        ...(allowJs ? { allowJs: true, sourceMap: false } : {}),
      },
    },
  });
  return {
    name: "wps",
    mode: production ? "production" : "development",
    devtool: production ? "source-map" : "cheap-module-source-map",
    target: ["web", WPS_TARGET.toLowerCase()],
    entry: {
      taskpane: "./src/taskpane/wps.tsx",
      main: "./src/hosts/wps/addin/main.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist", "wps"),
      // index.html names main.js as WPS add-ins do; the pane's bundles carry their content hash.
      filename: (data) =>
        data.chunk?.name === "main" || !production ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      publicPath: "",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: lowered(false) },
        // Packages ship newer syntax (?., ??, class fields) than Chromium 69 parses.
        {
          test: /\.m?js$/,
          include: /node_modules/,
          resolve: { fullySpecified: false },
          use: lowered(true),
        },
      ],
    },
    optimization: {
      splitChunks: {
        chunks: (chunk) => chunk.name !== "main",
        cacheGroups: {
          react: {
            test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
            name: "react",
            priority: 20,
          },
          fluent: {
            test: /[\\/]node_modules[\\/](@fluentui|@griffel|@floating-ui|tabster|keyborg|@swc)[\\/]/,
            name: "fluent",
            priority: 10,
          },
          vendors: { test: /[\\/]node_modules[\\/]/, name: "vendors", priority: 0 },
          // As in the Office build: exceljs only ever in an async chunk, never named after it.
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            name: "xlsx-lib",
            chunks: "async",
            priority: 30,
          },
        },
      },
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/hosts/wps/addin/index.html",
        chunks: ["main"],
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/hosts/wps/addin/taskpane.html",
        chunks: ["taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "src/hosts/wps/addin/ribbon.xml", to: "ribbon.xml" },
          { from: "src/hosts/wps/addin/manifest.xml", to: "manifest.xml" },
          { from: "src/hosts/wps/addin/publish.html", to: "publish.html" },
          { from: "src/hosts/wps/addin/publish.js", to: "publish.js" },
          { from: "src/hosts/wps/addin/deploy/*", to: "deploy/[name][ext]" },
          { from: "assets/icon-*.png", to: "images/[name][ext]" },
        ],
      }),
    ],
  };
}

module.exports.PAGES = PAGES;
module.exports.DEV_SERVER_PORT = DEV_SERVER_PORT;
module.exports.officeJsSource = officeJsSource;
module.exports.OFFICE_JS_21VIANET = OFFICE_JS_21VIANET;
