/**
 * Sheet protection and hidden rows of input sheets survive `compute
 * --in-place` (issue 13, class 4), on the in-memory path and on the streamed
 * path: the `<sheetProtection>` element comes back as it was (password hash,
 * salt, spin count and every allowed action, in whatever spelling the saving
 * program used), and hidden and grouped rows stay hidden and grouped.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { runCli } from "../../src/cli/main";
import { makeEnv } from "./helpers";

jest.setTimeout(240_000);

let dir: string;
let demo: string;

beforeAll(async () => {
  dir = makeEnv().cwd;
  demo = path.join(dir, "demo.xlsx");
  expect(await runCli(["demo", "-o", demo], makeEnv({ cwd: dir }))).toBe(0);
});

/** The zip part of a sheet, by name. */
async function sheetPart(zip: JSZip, sheet: string): Promise<string> {
  const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
  const tag = [...workbookXml.matchAll(/<sheet\b[^>]*>/g)].find((m) =>
    m[0].includes(`name="${sheet}"`)
  )![0];
  const rid = /r:id="([^"]+)"/.exec(tag)![1];
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].find((m) =>
    m[0].includes(`Id="${rid}"`)
  )![0];
  return `xl/${/Target="([^"]+)"/.exec(rel)![1].replace(/^\/?xl\//, "")}`;
}

async function sheetXml(file: string, sheet: string): Promise<string> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  return zip.file(await sheetPart(zip, sheet))!.async("string");
}

const protectionOf = (xml: string) => /<sheetProtection\b[^>]*\/>/.exec(xml)?.[0];

/** Attributes of an element, sorted, so a different attribute order compares equal. */
function attributes(element: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of (element ?? "").matchAll(/([\w:]+)="([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}

const MODERN =
  '<sheetProtection algorithmName="SHA-512" hashValue="2o1jmrnW0+Ew3Jc1bJGc8/dvYXMgJA/2v9cXSO0LjCAWgFuyAbO+Zxxm8ijmAh+Bq9AKyPKDLBt4KB6rR2pRuQ==" saltValue="D0LSHCQbrUKz6vnhYkWy6A==" spinCount="100000" sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0" insertRows="0" deleteRows="0" sort="0" autoFilter="0"/>';
/** How WPS and older programs write it: a legacy 16-bit hash, and true/false for the flags. */
const LEGACY =
  '<sheetProtection password="CC1A" sheet="true" objects="true" scenarios="true" formatCells="false" selectLockedCells="true"/>';

/** The demo with 接种进度 protected (`element`) and rows 5–7 hidden, row 9 grouped. */
async function protectedLedger(name: string, element: string): Promise<string> {
  const zip = await JSZip.loadAsync(await fs.readFile(demo));
  const part = await sheetPart(zip, "接种进度");
  let xml = await zip.file(part)!.async("string");
  xml = xml.replace("</sheetData>", `</sheetData>${element}`);
  xml = xml.replace(/<row r="([5-7])"/g, '<row r="$1" hidden="1"');
  xml = xml.replace(/<row r="9"/, '<row r="9" outlineLevel="1"');
  zip.file(part, xml);
  const file = path.join(dir, name);
  await fs.writeFile(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return file;
}

const rowFlags = (xml: string) =>
  [...xml.matchAll(/<row\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => /hidden="(1|true)"|outlineLevel="[1-7]"/.test(tag))
    .map((tag) => ({
      r: /\br="(\d+)"/.exec(tag)![1],
      hidden: /hidden="(1|true)"/.test(tag),
      outline: /outlineLevel="(\d)"/.exec(tag)?.[1] ?? "0",
    }));

describe.each([undefined, 1])(
  "an input sheet's protection (streaming threshold %s)",
  (threshold) => {
    it.each([
      ["modern", MODERN],
      ["legacy", LEGACY],
    ])(
      "a %s password-protected 接种进度 comes back with its hash and allowed actions, and its hidden rows",
      async (kind, element) => {
        const file = await protectedLedger(`${kind}-${threshold ?? "whole"}.xlsx`, element);
        const before = await sheetXml(file, "接种进度");
        const env = makeEnv({ cwd: dir, largeSheetBytes: threshold });
        const code = await runCli(
          ["compute", path.basename(file), "--in-place", "--date", "2022-01-19"],
          env
        );
        expect(code).toBeLessThanOrEqual(1);
        const after = await sheetXml(file, "接种进度");
        expect(attributes(protectionOf(after))).toEqual(attributes(protectionOf(before)));
        expect(rowFlags(after)).toEqual(rowFlags(before));
        expect(rowFlags(after)).toHaveLength(4);
      }
    );
  }
);

describe("what the streamed save cannot keep", () => {
  it("is named in the summary, and --in-place is refused rather than losing it", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(demo);
    workbook.getWorksheet("接种进度")!.getCell("A3").note = "核对过";
    const file = path.join(dir, "commented.xlsx");
    await workbook.xlsx.writeFile(file);
    const args = ["compute", "commented.xlsx", "--date", "2022-01-19"];
    const inPlace = makeEnv({ cwd: dir, largeSheetBytes: 1 });
    expect(await runCli([...args, "--in-place"], inPlace)).toBe(2);
    expect(inPlace.err.join("")).toMatch(/批注.*--in-place 不可用/);
    const copy = makeEnv({ cwd: dir, largeSheetBytes: 1 });
    expect(await runCli([...args, "-o", "commented-out.xlsx"], copy)).toBeLessThanOrEqual(1);
    expect(copy.out.join("")).toMatch(/批注无法保留/);
    // The whole-workbook path keeps comments, so it says nothing.
    const whole = makeEnv({ cwd: dir });
    expect(await runCli([...args, "-o", "commented-whole.xlsx"], whole)).toBeLessThanOrEqual(1);
    expect(whole.out.join("")).not.toMatch(/批注/);
  });
});
