/**
 * The built WPS add-in folder (dist/wps): the files WPS needs, the ribbon's
 * callbacks defined by main.js, exceljs kept out of the pane's initial
 * scripts, nothing loaded from elsewhere, and every script's syntax within
 * what WPS's embedded Chromium (69) parses.
 */
import { parse } from "acorn";
import { execFileSync } from "child_process";
import { existsSync, readFileSync, readdirSync } from "fs";
import path from "path";

jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist", "wps");
const read = (file: string) => readFileSync(path.join(DIST, file), "utf8");

function initialScripts(page: string): string[] {
  return [...read(page).matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)].map(
    (m) => m[1] ?? m[2] ?? m[3]
  );
}

beforeAll(() => {
  if (!existsSync(path.join(DIST, "ribbon.xml")))
    execFileSync(
      process.execPath,
      [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--env", "wps"],
      { cwd: ROOT, stdio: "inherit" }
    );
});

describe("dist/wps", () => {
  it("holds ribbon.xml in the CustomUI schema, starting with <customUI and no XML declaration", () => {
    const ribbon = read("ribbon.xml");
    expect(ribbon.startsWith("<customUI")).toBe(true);
    expect(ribbon).not.toContain("<?xml");
    expect(ribbon).toContain('xmlns="http://schemas.microsoft.com/office/2006/01/customui"');
    expect(ribbon).toMatch(/<tab [^>]*label="防疫台账助手"/);
  });

  it("defines in main.js every callback ribbon.xml names, and the entry page loads main.js", () => {
    const callbacks = [
      ...read("ribbon.xml").matchAll(/\b(?:onLoad|onAction|getImage)="([^"]+)"/g),
    ].map((m) => m[1]);
    expect(new Set(callbacks)).toEqual(new Set(["OnAddinLoad", "OnAction", "GetImage"]));
    const main = read("main.js");
    for (const name of callbacks) expect(main).toContain(name);
    expect(initialScripts("index.html")).toEqual(["main.js"]);
    expect(main).toContain("CreateTaskPane");
    expect(main).toContain("GetTaskPane");
    expect(main).toContain("PluginStorage");
  });

  it("has the task pane, the publish page and the offline deployment files", () => {
    for (const file of [
      "taskpane.html",
      "publish.html",
      "publish.js",
      "manifest.xml",
      "images/icon-32.png",
    ])
      expect(existsSync(path.join(DIST, file))).toBe(true);
    expect(read("deploy/jsplugins.xml")).toMatch(/<jsplugins>[\s\S]*type="et"[\s\S]*<\/jsplugins>/);
    expect(read("deploy/oem.ini")).toMatch(/\[Support\]\s*\nJsApiPlugin=true/);
    expect(read("deploy/oem.ini")).toMatch(/\[Server\]\s*\nJSPluginsServer=http/);
  });

  it("serves every script of its pages from its own folder", () => {
    for (const page of ["index.html", "taskpane.html", "publish.html"])
      for (const src of initialScripts(page)) {
        expect(src).not.toMatch(/^[a-z]+:|^\/\//i);
        expect(existsSync(path.join(DIST, src))).toBe(true);
      }
  });

  it("never puts exceljs in the task pane's initial scripts", () => {
    const scripts = initialScripts("taskpane.html");
    expect(scripts.length).toBeGreaterThan(0);
    for (const file of scripts) {
      expect(file).not.toMatch(/exceljs/i);
      expect(read(file)).not.toMatch(/ExcelJS|exceljs/);
    }
  });

  it("writes every script in syntax Chromium 69 parses (ES2019 at most: no ?., ??, class fields)", () => {
    const scripts = readdirSync(DIST).filter((f) => f.endsWith(".js"));
    expect(scripts.length).toBeGreaterThan(3);
    const failures: string[] = [];
    for (const file of scripts) {
      try {
        parse(read(file), { ecmaVersion: 2019, sourceType: "script" });
      } catch (error) {
        failures.push(`${file}: ${(error as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
