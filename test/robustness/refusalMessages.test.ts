/**
 * Refusals say what the file really is (issue 13, class 11), for `compute`
 * and `merge`: an encrypted workbook is not "an old .xls", a Word or
 * PowerPoint file renamed .xlsx is not "cannot write… is it open in Excel",
 * and valid workbooks with a comment or a table (as LibreOffice saves them,
 * with no table style) are computed, not called damaged. No message shows
 * JavaScript internals.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { runCli } from "../../src/cli/main";
import { fileHash } from "../helpers/robustnessFiles";
import { makeEnv } from "../xlsx/helpers";

jest.setTimeout(180_000);

let dir: string;

beforeAll(async () => {
  dir = makeEnv().cwd;
  expect(await runCli(["demo", "-o", "demo.xlsx"], makeEnv({ cwd: dir }))).toBe(0);
});

/** An OLE compound file whose directory names the given streams (UTF-16, as in a real one). */
async function compoundFile(name: string, streams: readonly string[]): Promise<string> {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const directory = Buffer.alloc(128 * (streams.length + 1));
  ["Root Entry", ...streams].forEach((s, i) => directory.write(s, i * 128, "utf16le"));
  const file = path.join(dir, name);
  await fs.writeFile(file, Buffer.concat([header, Buffer.alloc(512), directory]));
  return file;
}

async function zipOf(name: string, parts: Record<string, string>): Promise<string> {
  const zip = new JSZip();
  for (const [part, text] of Object.entries(parts)) zip.file(part, text);
  const file = path.join(dir, name);
  await fs.writeFile(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return file;
}

const INTERNALS = /Cannot read properties|undefined|TypeError|\bat .+:\d+:\d+|date1904/;

async function refused(args: string[], file: string) {
  const hash = await fileHash(file);
  const env = makeEnv({ cwd: dir });
  const code = await runCli(args, env);
  const printed = [...env.out, ...env.err].join("");
  expect(code).toBe(2);
  expect(printed).not.toMatch(INTERNALS);
  expect(await fileHash(file)).toBe(hash);
  return printed;
}

describe.each([
  ["compute", (f: string) => ["compute", f, "-o", "out.xlsx"]],
  ["merge (as a return)", (f: string) => ["merge", f, "--into", "demo.xlsx", "-o", "out.xlsx"]],
  ["merge (as the ledger)", (f: string) => ["merge", "demo.xlsx", "--into", f, "-o", "out.xlsx"]],
] as const)("%s", (_name, argsFor) => {
  it("calls an encrypted workbook encrypted, not an old .xls", async () => {
    const file = await compoundFile("加密.xlsx", ["EncryptionInfo", "EncryptedPackage"]);
    const printed = await refused(argsFor(path.basename(file)), file);
    expect(printed).toMatch(/打开密码（已加密）/);
    expect(printed).not.toMatch(/旧版/);
  });

  it("still calls an old .xls an old .xls", async () => {
    const file = await compoundFile("旧表.xlsx", ["Workbook", "SummaryInformation"]);
    expect(await refused(argsFor(path.basename(file)), file)).toMatch(/旧版 \.xls/);
  });

  it.each([
    [
      "报告.xlsx",
      { "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" },
      /Word 文档/,
    ],
    [
      "幻灯片.xlsx",
      { "[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p/>" },
      /PowerPoint/,
    ],
    ["归档.xlsx", { "readme.txt": "hello" }, /不是 Excel 工作簿/],
  ])("says %s is what it is, not that it cannot be written", async (name, parts, message) => {
    const file = await zipOf(name, parts);
    const printed = await refused(argsFor(name), file);
    expect(printed).toMatch(message);
    expect(printed).not.toMatch(/请确认文件未在 Excel 中打开|可能已损坏/);
  });
});

describe("valid workbooks with a comment or a table", () => {
  /** The demo with a comment on 物资储备 and a table on a sheet of its own; `bare` strips the table's style as LibreOffice does. */
  async function withExtras(name: string, bare: boolean): Promise<string> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, "demo.xlsx"));
    workbook.getWorksheet("物资储备")!.getCell("A3").note = "已核对";
    workbook.addWorksheet("我的表").addTable({
      name: "我的表格",
      ref: "A1",
      headerRow: true,
      columns: [{ name: "单位" }, { name: "数量" }],
      rows: [
        ["甲", 1],
        ["乙", 2],
      ],
    });
    const file = path.join(dir, name);
    await workbook.xlsx.writeFile(file);
    if (bare) {
      const zip = await JSZip.loadAsync(await fs.readFile(file));
      const tables = Object.keys(zip.files).filter((n) => /^xl\/tables\/[^/]+\.xml$/.test(n));
      expect(tables.length).toBeGreaterThan(0);
      for (const part of tables) {
        const xml = await zip.file(part)!.async("string");
        zip.file(part, xml.replace(/<tableStyleInfo\b[^>]*\/>/, ""));
      }
      await fs.writeFile(
        file,
        await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" })
      );
    }
    return file;
  }

  it.each([
    ["as exceljs writes them", false],
    ["as LibreOffice writes them (no table style)", true],
  ])("are computed and written %s, comment and table kept", async (_how, bare) => {
    const name = bare ? "lo.xlsx" : "plain.xlsx";
    await withExtras(name, bare);
    const env = makeEnv({ cwd: dir });
    const code = await runCli(["compute", name, "--date", "2022-01-19", "-o", `out-${name}`], env);
    const printed = [...env.out, ...env.err].join("");
    expect(printed).not.toMatch(/可能已损坏|无法写/);
    expect(code).toBeLessThanOrEqual(1);
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(path.join(dir, `out-${name}`));
    expect(out.getWorksheet("物资储备")!.getCell("A3").note).toBeDefined();
    expect(out.getWorksheet("我的表")!.getTables()).toHaveLength(1);
  });
});
