/** @jest-environment jsdom */
// An offline check of manifest.xml (`npm run validate` is Microsoft's online
// validator). jsdom's DOMParser reads the XML; the icons' sizes come from
// their PNG headers; the page URLs must be pages that webpack.config.js builds.
import { existsSync, readFileSync } from "fs";
import path from "path";

const ROOT = path.resolve(__dirname, "..");
const xml = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(xml, "application/xml");

/** Elements by local name, whatever their namespace (bt:Image, Image…). */
function all(name: string): Element[] {
  return Array.from(doc.getElementsByTagNameNS("*", name));
}

function one(name: string): Element {
  const found = all(name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0];
}

/** The OfficeApp's own child element of that name (not one nested in VersionOverrides). */
function top(name: string): Element {
  const found = Array.from(doc.documentElement.children).filter((c) => c.localName === name);
  if (found.length !== 1)
    throw new Error(`expected one top-level <${name}>, found ${found.length}`);
  return found[0];
}

/** Every URL the manifest holds, in DefaultValue/Value attributes or as element text. */
function urls(): string[] {
  const out: string[] = [];
  for (const el of Array.from(doc.getElementsByTagName("*"))) {
    for (const attr of ["DefaultValue", "Value"]) {
      const v = el.getAttribute(attr);
      if (v && /^[a-z]+:\/\//i.test(v)) out.push(v);
    }
    if (el.children.length === 0 && /^[a-z]+:\/\//i.test(el.textContent?.trim() ?? ""))
      out.push(el.textContent!.trim());
  }
  return out;
}

/** The width and height of a PNG, from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature)) throw new Error(`${file} is not a PNG`);
  if (bytes.toString("ascii", 12, 16) !== "IHDR") throw new Error(`${file} has no IHDR first`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The asset file a https://localhost:3000/assets/… URL points at. */
function assetFile(url: string): string {
  const { pathname } = new URL(url);
  expect(pathname.startsWith("/assets/")).toBe(true);
  return path.join(ROOT, pathname);
}

/** zh-CN default plus an en-US override on an element. */
function expectBilingual(el: Element) {
  const zh = el.getAttribute("DefaultValue") ?? "";
  expect(/[\u4e00-\u9fff]/.test(zh)).toBe(true);
  const overrides = Array.from(el.children).filter((c) => c.localName === "Override");
  expect(overrides.map((o) => o.getAttribute("Locale"))).toEqual(["en-US"]);
  expect(overrides[0].getAttribute("Value")?.trim()).not.toBe("");
  expect(/[\u4e00-\u9fff]/.test(overrides[0].getAttribute("Value") ?? "")).toBe(false);
}

describe("manifest.xml", () => {
  it("is well-formed XML", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(doc.documentElement.localName).toBe("OfficeApp");
  });

  it("has a GUID id and version 1.0.0.0", () => {
    expect(top("Id").textContent).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
    );
    expect(top("Version").textContent).toBe("1.0.0.0");
    expect(top("ProviderName").textContent?.trim()).not.toBe("");
  });

  it("uses https for every URL", () => {
    const found = urls();
    expect(found.length).toBeGreaterThan(5);
    for (const url of found) expect(url).toMatch(/^https:\/\//);
  });

  it("defaults to zh-CN with en-US overrides for the name, description and every ribbon string", () => {
    expect(top("DefaultLocale").textContent).toBe("zh-CN");
    expect(top("DisplayName").getAttribute("DefaultValue")).toBe("防疫台账助手");
    expect(top("DisplayName").firstElementChild?.getAttribute("Value")).toBe("Epi Ledger");
    expectBilingual(top("DisplayName"));
    expectBilingual(top("Description"));
    const strings = all("String");
    expect(strings.length).toBeGreaterThan(0);
    for (const s of strings) expectBilingual(s);
  });

  it("asks for ReadWriteDocument permission only", () => {
    expect(all("Permissions").map((p) => p.textContent?.trim())).toEqual(["ReadWriteDocument"]);
  });

  it("targets workbooks and states the ExcelApi requirement set", () => {
    expect(
      all("Host")
        .filter((h) => h.getAttribute("Name"))
        .map((h) => h.getAttribute("Name"))
    ).toEqual(["Workbook"]);
    const sets = all("Set").map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")]);
    expect(sets).toEqual([["ExcelApi", "1.8"]]);
  });

  it("has a Home-tab button that opens taskpane.html, and commands.html as the function file", () => {
    const tab = one("OfficeTab");
    expect(tab.getAttribute("id")).toBe("TabHome");
    const action = one("Action");
    expect(action.getAttribute("xsi:type")).toBe("ShowTaskpane");
    const resid = action.getElementsByTagName("SourceLocation")[0].getAttribute("resid");
    const byId = (id: string | null) => all("Url").find((u) => u.getAttribute("id") === id);
    expect(byId(resid)?.getAttribute("DefaultValue")).toBe("https://localhost:3000/taskpane.html");
    const functionFile = one("FunctionFile").getAttribute("resid");
    expect(byId(functionFile)?.getAttribute("DefaultValue")).toBe(
      "https://localhost:3000/commands.html"
    );
  });

  it("points every resid at a defined resource", () => {
    const defined = new Set(
      ["Image", "Url", "String"].flatMap((n) => all(n).map((e) => e.getAttribute("id")))
    );
    const used = Array.from(doc.getElementsByTagName("*"))
      .map((e) => e.getAttribute("resid"))
      .filter((r): r is string => r !== null);
    expect(used.length).toBeGreaterThan(0);
    for (const resid of used) expect(defined.has(resid)).toBe(true);
  });

  it("has every ribbon icon in assets/ at the size it declares", () => {
    const images = all("Image").filter((i) => i.getAttribute("DefaultValue"));
    const declared = new Map<string, number>();
    for (const use of all("Image").filter((i) => i.getAttribute("size")))
      declared.set(use.getAttribute("resid") as string, Number(use.getAttribute("size")));
    expect(images.length).toBe(3);
    for (const image of images) {
      const file = assetFile(image.getAttribute("DefaultValue") as string);
      expect(existsSync(file)).toBe(true);
      const size = declared.get(image.getAttribute("id") as string);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });

  it("has a 64 px icon and a 128 px high-resolution icon in assets/", () => {
    const icon = assetFile(top("IconUrl").getAttribute("DefaultValue") as string);
    const high = assetFile(top("HighResolutionIconUrl").getAttribute("DefaultValue") as string);
    expect(pngSize(icon)).toEqual({ width: 64, height: 64 });
    expect(pngSize(high)).toEqual({ width: 128, height: 128 });
  });

  it("points every page URL at a page that webpack.config.js builds", () => {
    const makeConfig = require(path.join(ROOT, "webpack.config.js"));
    const config = makeConfig({}, { mode: "production" });
    const built = new Set<string>(
      config.plugins
        .filter(
          (p: { constructor: { name: string } }) => p.constructor.name === "HtmlWebpackPlugin"
        )
        .map((p: { userOptions: { filename: string } }) => p.userOptions.filename)
    );
    const pages = urls()
      .map((u) => new URL(u).pathname.slice(1))
      .filter((p) => p.endsWith(".html"));
    expect(pages).toEqual(expect.arrayContaining(["taskpane.html", "commands.html"]));
    for (const page of pages) expect(built.has(page)).toBe(true);
  });
});
