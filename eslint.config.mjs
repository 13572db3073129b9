// Lint keeps the layers honest: imports point one way only,
// core ← workbook ← hosts ← taskpane / commands / cli, and core and workbook
// touch no Office, DOM, React or file-system API. See docs/architecture.md.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import officeAddins from "eslint-plugin-office-addins";
import importPlugin from "eslint-plugin-import";
import tseslint from "typescript-eslint";

const banGlobals = [
  "window",
  "document",
  "navigator",
  "localStorage",
  "fetch",
  "XMLHttpRequest",
  "Office",
  "Excel",
  "OfficeExtension",
  "process",
  "require",
].map((name) => ({
  name,
  message: "core and workbook are pure: pass data in instead of reaching for a host global.",
}));

const banPackages = {
  patterns: [
    {
      group: ["react", "react-*", "@fluentui/*", "exceljs", "office-*", "@microsoft/*"],
      message: "core and workbook are pure: no UI, Office or file library.",
    },
    {
      group: ["fs", "node:*", "path", "os", "child_process", "http", "https", "net"],
      message: "core and workbook are pure: no Node APIs.",
    },
  ],
};

// Capability folders of src/workbook (see src/workbook/capabilities.ts): none
// imports another; what they share lives in src/workbook itself. The one
// exception: 物资储备 reads the 填报单位 roster (template units) and logs the
// returns it imports in 报送记录, both tables of 日报告 — through its specs,
// read and records files only.
const WORKBOOK_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "src/workbook");
const CAPABILITY_FOLDERS = readdirSync(WORKBOOK_DIR, { withFileTypes: true }).flatMap((d) =>
  d.isDirectory() && existsSync(path.join(WORKBOOK_DIR, d.name, "capability.ts")) ? [d.name] : []
);
const SHARED_WITH_STOCKPILE = { reporting: ["./specs.ts", "./read.ts", "./records.ts"] };
const capabilityZones = CAPABILITY_FOLDERS.flatMap((target) =>
  CAPABILITY_FOLDERS.filter((from) => from !== target).map((from) => ({
    target: `./src/workbook/${target}`,
    from: `./src/workbook/${from}`,
    ...(target === "stockpile" && SHARED_WITH_STOCKPILE[from]
      ? { except: SHARED_WITH_STOCKPILE[from] }
      : {}),
    message:
      "capability folders do not import each other: move what they share into src/workbook (docs/adding-a-capability.md).",
  }))
);

const UPPER_LAYERS = [
  "**/hosts/**",
  "**/taskpane/**",
  "**/cli/**",
  "../commands/**",
  "../../commands/**",
];

function layerBan(paths) {
  return {
    patterns: [
      ...banPackages.patterns,
      {
        group: paths,
        message: "imports point one way: core ← workbook ← hosts ← taskpane / commands / cli.",
      },
    ],
  };
}

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "**/*.d.ts", ".tmp/**"] },
  ...officeAddins.configs.react,
  {
    files: ["**/*.{ts,tsx,mjs,js}"],
    plugins: { import: importPlugin },
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { ecmaFeatures: { jsx: true } },
      ecmaVersion: 2022,
      sourceType: "module",
    },
    settings: {
      "import/resolver": { node: { extensions: [".ts", ".tsx", ".js", ".mjs"] } },
      "import/extensions": [".ts", ".tsx", ".js", ".mjs"],
      "import/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      react: { version: "18" },
    },
    rules: {
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
      "import/no-cycle": ["error", { maxDepth: 10 }],
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./src/core",
              from: "./src",
              except: ["./core"],
              message: "core imports nothing from the other layers.",
            },
            {
              target: "./src/workbook",
              from: ["./src/hosts", "./src/taskpane", "./src/commands", "./src/cli"],
              message: "workbook may import only core.",
            },
            {
              target: "./src/hosts",
              from: ["./src/taskpane", "./src/commands", "./src/cli"],
              message: "hosts may import only core and workbook.",
            },
            {
              target: "./src/hosts/excel",
              from: ["./src/hosts/memory", "./src/hosts/xlsx"],
              message: "the Office.js host stands alone.",
            },
            {
              target: "./src/hosts/xlsx",
              from: ["./src/hosts/excel", "./src/hosts/memory"],
              message: "the xlsx host stands alone.",
            },
            {
              target: "./src/hosts/wps",
              from: ["./src/hosts/excel", "./src/hosts/memory", "./src/hosts/xlsx"],
              message: "the WPS host stands alone.",
            },
            {
              target: ["./src/hosts/excel", "./src/hosts/memory", "./src/hosts/xlsx"],
              from: "./src/hosts/wps",
              message: "the other hosts do not import the WPS host.",
            },
            {
              target: "./src/taskpane",
              from: ["./src/cli", "./src/commands"],
              message: "the task pane does not import the CLI or ribbon commands.",
            },
            ...capabilityZones,
          ],
        },
      ],
    },
  },
  // TypeScript checks names itself; the office-addins preset covers .ts only,
  // so .tsx files get the TypeScript unused-vars rule here.
  { files: ["**/*.{ts,tsx}"], rules: { "no-undef": "off", "no-unused-vars": "off" } },
  {
    files: ["**/*.tsx"],
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: { "@typescript-eslint/no-unused-vars": "error" },
  },
  {
    files: ["src/core/**/*.ts", "src/workbook/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", ...banGlobals],
    },
  },
  // no-restricted-paths only sees imports that resolve; these patterns also
  // catch a crossing into a file that does not exist yet.
  {
    files: ["src/core/**/*.ts"],
    rules: { "no-restricted-imports": ["error", layerBan(["**/workbook/**", ...UPPER_LAYERS])] },
  },
  {
    files: ["src/workbook/**/*.ts"],
    rules: { "no-restricted-imports": ["error", layerBan(UPPER_LAYERS)] },
  },
  {
    files: ["src/hosts/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/taskpane/**", "**/cli/**", "**/commands/**"],
              message: "hosts may import only core and workbook.",
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      "scripts/**/*.{mjs,js}",
      "bench/**/*.{mjs,js}",
      "test/**/*.{ts,tsx,js}",
      "webpack.config.js",
      "jest.config.js",
      "bin/**/*.js",
    ],
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        __dirname: "readonly",
        require: "readonly",
        module: "writable",
        setTimeout: "readonly",
        URL: "readonly",
        Buffer: "readonly",
        describe: "readonly",
        it: "readonly",
        test: "readonly",
        expect: "readonly",
        jest: "readonly",
        beforeAll: "readonly",
        afterAll: "readonly",
        beforeEach: "readonly",
        afterEach: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
];
