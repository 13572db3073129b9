/**
 * The add-in asks the manifest's ExcelApi set and nothing newer without
 * asking first: every Excel member src/hosts/excel uses is read with the
 * TypeScript compiler, with its `[Api set: ExcelApi 1.x]` tag from
 * @types/office-js, and a member above the manifest's set must be dominated
 * by `isSetSupported("ExcelApi", "1.x")` (or a wrapper whose name says so).
 * The memory Excel's table of sets (which lets it play Excel 2019) is checked
 * against the same tags.
 */
import { readFileSync, readdirSync } from "fs";
import path from "path";
import { MEMBER_SETS } from "../../src/hosts/memory/requirementSets";
import {
  excelMemberUses,
  fakeMembers,
  newerSet,
  programOf,
  programOfSources,
  type MemberUse,
} from "./excelApiMembers";

const ROOT = path.resolve(__dirname, "../..");
const EXCEL_HOST = path.join(ROOT, "src/hosts/excel");
const MEMORY = path.join(ROOT, "src/hosts/memory");

const tsFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => path.join(dir, f));

const manifestSet = (() => {
  const xml = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const match = /<Set\s+Name="ExcelApi"\s+MinVersion="(1\.\d+)"/.exec(xml);
  if (!match) throw new Error("manifest.xml names no ExcelApi set");
  return match[1];
})();

const hostFiles = tsFiles(EXCEL_HOST);
const memoryFiles = tsFiles(MEMORY);
const program = programOf([...hostFiles, ...memoryFiles]);
const uses = excelMemberUses(program, hostFiles);

const where = (u: MemberUse) => `${u.owner}.${u.member} (ExcelApi ${u.set}) at ${u.file}:${u.line}`;

describe("ExcelApi requirement sets of the Office host", () => {
  it("reads the members the host uses, with their sets", () => {
    // The walk must see the host's members, or the checks below prove nothing.
    const seen = new Set(uses.map((u) => `${u.owner}.${u.member}@${u.set}`));
    expect([...seen]).toEqual(
      expect.arrayContaining([
        "Range.values@1.1",
        "WorksheetCollection.getItemOrNullObject@1.4",
        "Worksheet.tabColor@1.7",
        "Range.dataValidation@1.8",
        "Range.autoFill@1.9",
        "Worksheet.pageLayout@1.9",
        "WorksheetProtectionOptions.selectionMode@1.7",
      ])
    );
  });

  it("asks ExcelApi 1.8 or lower in the manifest", () => {
    expect(newerSet(manifestSet, "1.8")).toBe(false);
  });

  it("checks isSetSupported before every member newer than the manifest's set", () => {
    const unchecked = uses.filter((u) => u.set && newerSet(u.set, manifestSet) && !u.checked);
    expect(unchecked.map(where)).toEqual([]);
  });

  it("asks in the manifest exactly the newest set its unchecked members need", () => {
    const needed = uses
      .filter((u) => u.set && !(newerSet(u.set, manifestSet) && u.checked))
      .map((u) => u.set!)
      .reduce((a, b) => (newerSet(b, a) ? b : a), "1.1");
    expect(manifestSet).toBe(needed);
  });

  it("lights up exactly Range.autoFill and the page layout (ExcelApi 1.9)", () => {
    const lit = new Set(
      uses.filter((u) => u.set && newerSet(u.set, manifestSet)).map((u) => `${u.owner}.${u.member}`)
    );
    expect([...lit].sort()).toEqual([
      "HeaderFooter.centerFooter",
      "HeaderFooter.centerHeader",
      "HeaderFooter.leftFooter",
      "HeaderFooter.rightFooter",
      "HeaderFooterGroup.defaultForAllPages",
      "PageBreakCollection.add",
      "PageBreakCollection.removePageBreaks",
      "PageLayout.bottomMargin",
      "PageLayout.footerMargin",
      "PageLayout.headerMargin",
      "PageLayout.headersFooters",
      "PageLayout.leftMargin",
      "PageLayout.orientation",
      "PageLayout.paperSize",
      "PageLayout.rightMargin",
      "PageLayout.setPrintArea",
      "PageLayout.setPrintTitleRows",
      "PageLayout.topMargin",
      "PageLayout.zoom",
      "PageLayoutZoomOptions.horizontalFitToPages",
      "PageLayoutZoomOptions.verticalFitToPages",
      "Range.autoFill",
      "Worksheet.horizontalPageBreaks",
      "Worksheet.pageLayout",
    ]);
  });
});

describe("the memory Excel's requirement-set table", () => {
  it("gives every faked member newer than 1.1 the set @types/office-js tags it with", () => {
    const expected: Record<string, Record<string, string>> = {};
    for (const { owner, member, set } of fakeMembers(program, memoryFiles))
      if (set && newerSet(set, "1.1")) (expected[owner] ??= {})[member] = set;
    expect(MEMBER_SETS).toEqual(expected);
  });
});

describe("the requirement-set walk", () => {
  const file = path.join(EXCEL_HOST, "__sample__.ts");
  /** The uses of `member` in a sample host whose body is `code`. */
  const usesIn = (code: string, member: string) => {
    const source = `type Sets = { isSetSupported(name: string, version?: string): boolean };\n${code}\n`;
    return excelMemberUses(programOfSources({ [file]: source }), [file])
      .filter((u) => u.member === member)
      .map((u) => ({ set: u.set, checked: u.checked }));
  };

  it("flags Range.autoFill when nothing checks ExcelApi 1.9", () => {
    const code = `export function fill(r: Excel.Range) { r.autoFill("A1:A9", "FillCopy"); }`;
    expect(usesIn(code, "autoFill")).toEqual([{ set: "1.9", checked: false }]);
  });

  it("accepts Range.autoFill inside if (isSetSupported('ExcelApi', '1.9'))", () => {
    const code = `export function fill(r: Excel.Range, s: Sets) {
      if (s.isSetSupported("ExcelApi", "1.9")) r.autoFill("A1:A9", "FillCopy");
    }`;
    expect(usesIn(code, "autoFill")).toEqual([{ set: "1.9", checked: true }]);
  });

  it("does not take a check for an older set, or for another set, as a check for 1.9", () => {
    const code = `export function fill(r: Excel.Range, s: Sets) {
      if (s.isSetSupported("ExcelApi", "1.8")) r.autoFill("A1:A9");
      if (s.isSetSupported("WordApi", "1.9")) r.autoFill("A1:A9");
      if (!s.isSetSupported("ExcelApi", "1.9")) r.autoFill("A1:A9");
    }`;
    expect(usesIn(code, "autoFill").map((u) => u.checked)).toEqual([false, false, false]);
  });

  it("accepts the use after an early return on the negated check, and the else of it", () => {
    const code = `export function page(w: Excel.Worksheet, s: Sets) {
      if (!s.isSetSupported("ExcelApi", "1.10")) return;
      w.pageLayout.orientation = "Landscape";
    }
    export function page2(w: Excel.Worksheet, s: Sets) {
      if (!s.isSetSupported("ExcelApi", "1.9")) console.log("no"); else w.pageLayout.zoom = { scale: 90 };
    }`;
    expect(usesIn(code, "pageLayout")).toEqual([
      { set: "1.9", checked: true },
      { set: "1.9", checked: true },
    ]);
  });

  it("accepts a function whose every call is checked, and flags it when one call is not", () => {
    const body = `function fill(r: Excel.Range) { r.autoFill("A1:A9"); }`;
    const checked = `${body}
      export function a(r: Excel.Range, s: Sets) { if (s.isSetSupported("ExcelApi", "1.9")) fill(r); }
      export function b(r: Excel.Range, s: Sets) { return s.isSetSupported("ExcelApi", "1.9") && fill(r); }`;
    const oneUnchecked = `${checked}
      export function c(r: Excel.Range) { fill(r); }`;
    expect(usesIn(checked, "autoFill")).toEqual([{ set: "1.9", checked: true }]);
    expect(usesIn(oneUnchecked, "autoFill")).toEqual([{ set: "1.9", checked: false }]);
  });

  it("accepts a wrapper whose name says which set it checks", () => {
    const code = `declare function supportsExcelApi(version: string): boolean;
      declare function hasExcelApi1_9(): boolean;
      export function fill(r: Excel.Range) {
        if (supportsExcelApi("1.9")) r.autoFill("A1:A9");
        if (hasExcelApi1_9()) r.autoFill("A1:A9");
        if (supportsExcelApi("1.8")) r.autoFill("A1:A9");
      }`;
    expect(usesIn(code, "autoFill").map((u) => u.checked)).toEqual([true, true, false]);
  });

  it("reads the set of an object literal's members from the Excel type it is given as", () => {
    const code = `export function zoom(w: Excel.Worksheet) {
      w.getRange("A1").dataValidation.errorAlert = { message: "x", showAlert: true, style: "Stop", title: "" };
    }`;
    expect(usesIn(code, "showAlert")).toEqual([{ set: "1.8", checked: false }]);
  });
});
