import { readFileSync, readdirSync } from "fs";
import path from "path";
import { gzipSync } from "zlib";

const DIST = path.resolve(__dirname, "../../dist");

/** The scripts a built page loads at start, as file names in dist/. */
function initialScripts(page: string): string[] {
  const html = readFileSync(path.join(DIST, page), "utf8");
  // The built HTML is minified: attribute values may have no quotes.
  return [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((src) => !/^https?:/.test(src));
}

describe("the production bundle", () => {
  it("keeps the task pane's initial JavaScript under 300 KB gzipped", () => {
    const scripts = initialScripts("taskpane.html");
    expect(scripts.length).toBeGreaterThan(0);
    const gzipped = scripts.reduce(
      (sum, file) => sum + gzipSync(readFileSync(path.join(DIST, file))).length,
      0
    );
    expect(gzipped).toBeLessThan(300 * 1024);
  });

  it("loads office.js in the task pane and not in the preview", () => {
    const office = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
    expect(readFileSync(path.join(DIST, "taskpane.html"), "utf8")).toContain(office);
    expect(readFileSync(path.join(DIST, "preview.html"), "utf8")).not.toContain("appsforoffice");
  });

  it("never puts exceljs in a page's initial scripts", () => {
    for (const page of ["taskpane.html", "preview.html", "commands.html", "workbook.html"])
      for (const file of initialScripts(page)) {
        expect(file).not.toMatch(/exceljs/i);
        expect(readFileSync(path.join(DIST, file), "utf8")).not.toMatch(/ExcelJS|exceljs/);
      }
  });

  it("names every script by its content hash", () => {
    const scripts = readdirSync(DIST).filter((f) => f.endsWith(".js"));
    expect(scripts.length).toBeGreaterThan(0);
    for (const file of scripts) expect(file).toMatch(/\.[0-9a-f]{8}\.js$/);
  });
});
