/**
 * No import cycle in src, counting `import type` and `export … from` too:
 * lint's import/no-cycle lets type-only cycles through, and they still tie
 * two files together (sections ↔ panels, largeWorkbook ↔ open were two).
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import * as path from "node:path";

const SRC = path.join(__dirname, "../../src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [file] : [];
  });
}

function resolve(from: string, spec: string): string | undefined {
  if (!spec.startsWith(".")) return undefined;
  const base = path.resolve(path.dirname(from), spec);
  return [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find((f) => {
    try {
      return statSync(f).isFile();
    } catch {
      return false;
    }
  });
}

/** Every file each file imports, type-only imports and re-exports included. */
export function importGraph(files: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const pattern = /(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']/g;
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const targets = new Set<string>();
    for (const m of text.matchAll(pattern)) {
      const target = resolve(file, m[1]);
      if (target) targets.add(target);
    }
    graph.set(file, [...targets]);
  }
  return graph;
}

/** The cycles found by a depth-first search, each as its files in order. */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "open") found.push(stack.slice(stack.indexOf(next)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

describe("import cycles", () => {
  it("finds a cycle made only of type imports", () => {
    const graph = new Map([
      ["a", ["b"]],
      ["b", ["a"]],
    ]);
    expect(cycles(graph)).toEqual([["a", "b"]]);
  });

  it("reads type imports and re-exports as edges", () => {
    const graph = importGraph([path.join(SRC, "taskpane/sections.ts")]);
    expect(graph.get(path.join(SRC, "taskpane/sections.ts"))).toContain(
      path.join(SRC, "taskpane/sectionPanel.ts")
    );
  });

  it("has none in src, type imports counted", () => {
    const relative = cycles(importGraph(sourceFiles(SRC))).map((c) =>
      c.map((f) => path.relative(SRC, f)).join(" → ")
    );
    expect(relative).toEqual([]);
  });
});
