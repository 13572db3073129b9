/**
 * The layers import one way only (core ← workbook ← hosts ← taskpane /
 * commands / cli). These tests lint small probe files placed for a moment in
 * src/core, src/workbook and src/hosts, and expect eslint to reject every
 * crossing. ESLint loads eslint.config.mjs with a dynamic import, which
 * jest's VM does not allow, so the real CLI lints the probes, all in one run.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "..");
const eslintBin = path.join(root, "node_modules", "eslint", "bin", "eslint.js");

interface Probe {
  name: string;
  dir: string;
  code: string;
}

const probes: Probe[] = [
  {
    name: "core importing core",
    dir: "src/core",
    code: 'import { serialFromYmd } from "./dates";\nexport const d = serialFromYmd(2022, 1, 9);\n',
  },
  {
    name: "core importing a host",
    dir: "src/core",
    code: 'import { createOfficeHost } from "../hosts/excel/officeHost";\nexport const h = createOfficeHost;\n',
  },
  {
    name: "core importing the workbook layer",
    dir: "src/core",
    code: 'import { parseTable } from "../workbook/parse";\nexport const p = parseTable;\n',
  },
  {
    name: "core importing the task pane",
    dir: "src/core",
    code: 'import { App } from "../taskpane/App";\nexport const a = App;\n',
  },
  {
    name: "core importing React",
    dir: "src/core",
    code: 'import React from "react";\nexport const r = React;\n',
  },
  {
    name: "core importing Fluent UI",
    dir: "src/core",
    code: 'import { Button } from "@fluentui/react-components";\nexport const b = Button;\n',
  },
  {
    name: "core importing exceljs",
    dir: "src/core",
    code: 'import ExcelJS from "exceljs";\nexport const x = ExcelJS;\n',
  },
  {
    name: "core importing Node's fs",
    dir: "src/core",
    code: 'import fs from "node:fs";\nexport const f = fs;\n',
  },
  { name: "core using Excel", dir: "src/core", code: "export const run = Excel.run;\n" },
  { name: "core using Office", dir: "src/core", code: "export const ready = Office.onReady;\n" },
  { name: "core using document", dir: "src/core", code: "export const title = document.title;\n" },
  { name: "core using window", dir: "src/core", code: "export const w = window.location;\n" },
  {
    name: "workbook importing a host",
    dir: "src/workbook",
    code: 'import { createMemoryHost } from "../hosts/memory/memoryHost";\nexport const m = createMemoryHost;\n',
  },
  {
    name: "workbook importing the task pane",
    dir: "src/workbook",
    code: 'import { App } from "../taskpane/App";\nexport const a = App;\n',
  },
  {
    name: "a host importing the task pane",
    dir: "src/hosts/excel",
    code: 'import { App } from "../../taskpane/App";\nexport const a = App;\n',
  },
];

let hits = new Map<string, string[]>();

jest.setTimeout(120_000);

beforeAll(async () => {
  const files = probes.map((p, i) =>
    path.join(root, p.dir, `zz-lint-probe-${process.pid}-${i}.ts`)
  );
  probes.forEach((p, i) => {
    fs.mkdirSync(path.dirname(files[i]), { recursive: true });
    fs.writeFileSync(files[i], p.code);
  });
  try {
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        [eslintBin, "--format", "json", "--no-warn-ignored", ...files],
        { cwd: root, maxBuffer: 1 << 24 },
        (error, out) => (out ? resolve(out) : reject(error ?? new Error("eslint printed nothing")))
      )
    );
    const results = JSON.parse(stdout) as {
      filePath: string;
      messages: { severity: number; ruleId: string | null }[];
    }[];
    hits = new Map(
      results.map((r) => [
        probes[files.indexOf(r.filePath)].name,
        r.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? "fatal"),
      ])
    );
  } finally {
    files.forEach((f) => fs.rmSync(f, { force: true }));
  }
});

describe("layer rules", () => {
  it("accepts core importing core", () => {
    expect(hits.get("core importing core")).toEqual([]);
  });

  it.each([
    "core importing a host",
    "core importing the workbook layer",
    "core importing the task pane",
    "core importing React",
    "core importing Fluent UI",
    "core importing exceljs",
    "core importing Node's fs",
    "workbook importing a host",
    "workbook importing the task pane",
    "a host importing the task pane",
  ])("rejects %s", (name) => {
    const rules = hits.get(name) ?? [];
    expect(
      rules.some((r) => r === "import/no-restricted-paths" || r === "no-restricted-imports")
    ).toBe(true);
  });

  it.each(["core using Excel", "core using Office", "core using document", "core using window"])(
    "rejects %s",
    (name) => {
      expect(hits.get(name)).toContain("no-restricted-globals");
    }
  );
});
