/**
 * Stray cells and impossible positions (issue 13, class 3): one cell typed at
 * XFD1048576 used to size the snapshot at 17 billion cells and run Node out of
 * memory; a `<row r="99999999">` did the same. Each file below goes through
 * `compute --in-place` on the in-memory path and on the streamed path
 * (threshold 1: every sheet streamed). A stray is left out of the tables,
 * named in a note and kept in the file; an impossible row or column is
 * refused with exit 2 and the file is left as it was. No case may print a
 * stack.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { runCli } from "../../src/cli/main";
import { fileHash } from "../helpers/robustnessFiles";
import { makeEnv } from "../xlsx/helpers";

jest.setTimeout(300_000);

/** Sheets the commands clear and rewrite: not compared cell by cell. */
const LEADER_SHEETS = new Set(["物资汇总", "隔离床位汇总", "隔离需求预测", "接种排名", "报送情况"]);

const THRESHOLDS = [undefined, 1] as const;

let dir: string;
let demo: string;

beforeAll(async () => {
  dir = makeEnv().cwd;
  demo = path.join(dir, "demo.xlsx");
  const code = await runCli(["demo", "-o", demo], makeEnv({ cwd: dir }));
  expect(code).toBe(0);
});

/** Every non-empty cell of every sheet but the leader sheets, read straight from exceljs (no trimming). */
async function rawCells(file: string): Promise<Map<string, unknown>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const out = new Map<string, unknown>();
  for (const ws of workbook.worksheets) {
    if (LEADER_SHEETS.has(ws.name)) continue;
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        out.set(
          `${ws.name}!${cell.address}`,
          v instanceof Date ? v.toISOString() : typeof v === "object" ? JSON.stringify(v) : v
        );
      })
    );
  }
  return out;
}

function changed(before: Map<string, unknown>, after: Map<string, unknown>): string[] {
  const out: string[] = [];
  for (const [cell, v] of before) if (after.get(cell) !== v) out.push(`${cell}: ${String(v)}`);
  for (const cell of after.keys()) if (!before.has(cell)) out.push(`${cell}: (new)`);
  return out;
}

async function withStrays(name: string, strays: readonly [string, string][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(demo);
  for (const [sheet, address] of strays)
    workbook.getWorksheet(sheet)!.getCell(address).value = "误输入";
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

/** The demo with the XML of one sheet edited. */
async function withSheetXml(name: string, sheet: string, edit: (xml: string) => string) {
  const zip = await JSZip.loadAsync(await fs.readFile(demo));
  const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
  const tag = [...workbookXml.matchAll(/<sheet\b[^>]*>/g)].find((m) =>
    m[0].includes(`name="${sheet}"`)
  )![0];
  const rid = /r:id="([^"]+)"/.exec(tag)![1];
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].find((m) =>
    m[0].includes(`Id="${rid}"`)
  )![0];
  const part = `xl/${/Target="([^"]+)"/.exec(rel)![1].replace(/^\/?xl\//, "")}`;
  zip.file(part, edit(await zip.file(part)!.async("string")));
  const file = path.join(dir, name);
  await fs.writeFile(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return file;
}

async function compute(file: string, threshold: number | undefined, name: string) {
  const copy = path.join(dir, `${threshold ?? "whole"}-${name}`);
  await fs.copyFile(file, copy);
  const env = makeEnv({ cwd: dir, largeSheetBytes: threshold });
  const code = await runCli(
    ["compute", path.basename(copy), "--in-place", "--date", "2022-01-20"],
    env
  );
  const printed = [...env.out, ...env.err].join("");
  expect(printed).not.toMatch(/\n\s+at .+:\d+:\d+/);
  return { copy, code, printed };
}

describe.each(THRESHOLDS)("stray cells (streaming threshold %s)", (threshold) => {
  const STRAYS: readonly { name: string; strays: [string, string][]; named: string[] }[] = [
    { name: "corner.xlsx", strays: [["物资储备", "XFD1048576"]], named: ["XFD1048576"] },
    { name: "bottom.xlsx", strays: [["接种进度", "A1048576"]], named: ["A1048576"] },
    { name: "right.xlsx", strays: [["接种进度", "XFD3"]], named: ["XFD3"] },
    {
      name: "several.xlsx",
      strays: [
        ["隔离床位", "B600000"],
        ["隔离床位", "C900000"],
        ["报送记录", "ZZ20"],
        ["填报单位", "XFD1048576"],
      ],
      named: ["B600000", "ZZ20", "XFD1048576"],
    },
    { name: "params.xlsx", strays: [["参数", "XFD1048576"]], named: ["XFD1048576"] },
  ];

  it.each(STRAYS)(
    "$name: computed, the strays named in a note and kept, no input cell changed",
    async ({ name, strays, named }) => {
      const file = await withStrays(name, strays);
      const before = await rawCells(file);
      const { copy, code, printed } = await compute(file, threshold, name);
      expect(code).toBeLessThanOrEqual(1);
      for (const address of named) expect(printed).toContain(address);
      expect(printed).toMatch(/远在表格数据之外/);
      expect(changed(before, await rawCells(copy))).toEqual([]);
    }
  );

  it("a declared dimension of A1:XFD1048576 sizes nothing: computed as the demo", async () => {
    const file = await withSheetXml("dimension.xlsx", "物资储备", (xml) =>
      xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')
    );
    const before = await rawCells(file);
    const { copy, code, printed } = await compute(file, threshold, "dimension.xlsx");
    expect(code).toBeLessThanOrEqual(1);
    expect(printed).not.toMatch(/远在表格数据之外/);
    expect(changed(before, await rawCells(copy))).toEqual([]);
  });

  it.each([
    ["row 99,999,999", "r99.xlsx", 'r="99999999"', /第 99999999 行/],
    ["row 1,048,577", "r1m.xlsx", 'r="1048577"', /第 1048577 行/],
    ["column XFE", "xfe.xlsx", "col", /XFE/],
  ] as const)(
    "%s is refused with exit 2 and the file is untouched",
    async (_what, name, kind, message) => {
      const cell =
        kind === "col"
          ? '<row r="60000"><c r="XFE60000" t="inlineStr"><is><t>x</t></is></c></row>'
          : `<row ${kind}><c r="A${kind.slice(3, -1)}" t="inlineStr"><is><t>x</t></is></c></row>`;
      const file = await withSheetXml(name, "接种进度", (xml) =>
        xml.replace("</sheetData>", `${cell}</sheetData>`)
      );
      const hash = await fileHash(file);
      const { copy, code, printed } = await compute(file, threshold, name);
      expect(code).toBe(2);
      expect(printed).toMatch(message);
      expect(printed).toMatch(/超出 Excel/);
      expect(await fileHash(copy)).toBe(hash);
    }
  );

  it("data spread over more cells than the command line can hold is refused with exit 2", async () => {
    // 1,500 rows with a cell every 200 columns to XFD: no gap long enough to call any of it stray.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(demo);
    const ws = workbook.getWorksheet("接种进度")!;
    for (let r = 1; r <= 1_500; r++) {
      for (let c = 20; c <= 16_384; c += 200) ws.getCell(r, c).value = r;
      ws.getCell(r, 16_384).value = r;
    }
    const file = path.join(dir, "spread.xlsx");
    await workbook.xlsx.writeFile(file);
    const hash = await fileHash(file);
    const { copy, code, printed } = await compute(file, threshold, "spread.xlsx");
    expect(code).toBe(2);
    expect(printed).toMatch(/接种进度.*百万个单元格/);
    expect(await fileHash(copy)).toBe(hash);
  });
});
