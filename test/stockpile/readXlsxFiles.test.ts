/**
 * The task pane's file helpers, in node with the real exceljs: returned
 * files are read into plain values (text stays text, formulas are never
 * calculated) within their limits, and a template built as its own workbook
 * is protected, validated, and reads back as a return with no change.
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import {
  plainCellValue,
  readXlsxFiles,
  READ_LIMITS,
  type FileLike,
} from "../../src/taskpane/panels/readXlsxFiles";
import { templateWorkbookBytes, toBase64 } from "../../src/taskpane/panels/templateWorkbook";
import {
  planGenerateTemplates,
  type GenerateTemplatesData,
} from "../../src/workbook/stockpile/generateTemplates";
import { MAX_IMPORT_BYTES, planImport } from "../../src/workbook/stockpile/import";
import { writeZipBomb } from "../helpers/robustnessFiles";
import { commandInput, makeRow, reserveWorkbook } from "./fixtures";

/** A File as the browser gives it, over bytes. */
function fileOf(name: string, bytes: Uint8Array, size = bytes.byteLength): FileLike {
  return {
    name,
    size,
    arrayBuffer: async () =>
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  };
}

/** An .xlsx with one sheet 填报 whose cells are set by `fill`. */
async function xlsx(fill: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet("填报"));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("plainCellValue", () => {
  it.each<[string, ExcelJS.CellValue, unknown]>([
    ["a number as it is", 12.5, 12.5],
    ["negative zero as 0", -0, 0],
    ["an empty string as null", "", null],
    ["text starting with = as text", '=HYPERLINK("http://x","y")', '=HYPERLINK("http://x","y")'],
    ["a formula as its cached result", { formula: "SUM(1,2)", result: 3 }, 3],
    ["a formula with no cached result as its text", { formula: "SUM(1,2)" }, "=SUM(1,2)"],
    [
      "a formula whose result is an error as the error",
      { formula: "1/0", result: { error: "#DIV/0!" } },
      "#DIV/0!",
    ],
    ["rich text as its text", { richText: [{ text: "城关" }, { text: "镇" }] }, "城关镇"],
    ["a hyperlink as its text", { text: "说明", hyperlink: "http://x" }, "说明"],
    ["an error as its code", { error: "#N/A" }, "#N/A"],
    ["a date as its Excel serial", new Date(Date.UTC(2022, 0, 20)), 44581],
  ])("reads %s", (_name, value, expected) => {
    expect(plainCellValue(value)).toBe(expected);
  });
});

describe("readXlsxFiles", () => {
  it("reads every sheet of a file as plain values anchored at A1", async () => {
    const bytes = await xlsx((ws) => {
      ws.getCell("A1").value = "城关镇防疫物资储备填报表";
      ws.getCell("B3").value = 2400;
      ws.getCell("C3").value = "@SUM(1)";
      ws.getCell("D3").value = { formula: "B3*2", result: 4800 };
    });
    const read = await readXlsxFiles([fileOf("城关镇.xlsx", bytes)]);
    expect(read.problems).toEqual([]);
    expect(read.returns).toEqual([
      {
        fileName: "城关镇.xlsx",
        sheets: [
          {
            name: "填报",
            values: [["城关镇防疫物资储备填报表"], [], [null, 2400, "@SUM(1)", 4800]],
          },
        ],
      },
    ]);
  });

  it("refuses a file that is not named .xlsx, before reading it", async () => {
    const read = await readXlsxFiles([
      {
        name: "城关镇.xls",
        size: 10,
        arrayBuffer: () => Promise.reject(new Error("must not be read")),
      },
    ]);
    expect(read.returns).toEqual([]);
    expect(read.problems[0].message.zh).toContain("不是 .xlsx 文件");
  });

  it("refuses a file over the size limit, before reading it", async () => {
    const read = await readXlsxFiles([
      {
        name: "大.xlsx",
        size: MAX_IMPORT_BYTES + 1,
        arrayBuffer: () => Promise.reject(new Error("must not be read")),
      },
    ]);
    expect(read.problems.map((p) => p.severity)).toEqual(["error"]);
    expect(read.problems[0].message.zh).toContain("超过 10 MB 上限");
  });

  it.each([
    ["an old .xls renamed", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), "旧版 .xls"],
    ["a CSV renamed", new TextEncoder().encode("单位,库存\n城关镇,1\n"), "不是 Excel 工作簿"],
    ["an empty file", new Uint8Array(0), "空文件"],
    ["a damaged zip", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9, 9]), "无法读取"],
  ])("says what is wrong with %s", async (_name, bytes, text) => {
    const read = await readXlsxFiles([fileOf("城关镇.xlsx", bytes)]);
    expect(read.returns).toEqual([]);
    expect(read.problems[0].message.zh).toContain(text);
  });

  it.each([
    ["300 MB in all (over the 200 MB limit)", 300, "解压后过大（300 MB，上限 200 MB）"],
    ["50 MB at a ratio of about 1,000:1 (over 200:1)", 50, "压缩比"],
  ])(
    "refuses a zip bomb that expands to %s, naming it, without loading exceljs",
    async (_name, megabytes, text) => {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), "zipbomb-"));
      try {
        const file = path.join(dir, "白云乡.xlsx");
        await writeZipBomb(file, megabytes * 1024 * 1024);
        const bytes = new Uint8Array(await fs.readFile(file));
        const load = jest.fn(() => Promise.reject(new Error("exceljs must not be loaded")));
        const read = await readXlsxFiles([fileOf("白云乡.xlsx", bytes)], { load });
        expect(load).not.toHaveBeenCalled();
        expect(read.returns).toEqual([]);
        expect(read.problems).toHaveLength(1);
        expect(read.problems[0]).toMatchObject({ fileName: "白云乡.xlsx", severity: "error" });
        expect(read.problems[0].message.zh).toContain("“白云乡.xlsx”");
        expect(read.problems[0].message.zh).toContain(text);
        expect(read.problems[0].message.en).toContain("白云乡.xlsx");
      } finally {
        await fs.rm(dir, { recursive: true, force: true });
      }
    }
  );

  it("reads the good files of a batch when another is refused", async () => {
    const good = await xlsx((ws) => {
      ws.getCell("A1").value = "ok";
    });
    const read = await readXlsxFiles([
      fileOf("坏.xlsx", new Uint8Array([1, 2, 3])),
      fileOf("好.xlsx", good),
    ]);
    expect(read.returns.map((r) => r.fileName)).toEqual(["好.xlsx"]);
    expect(read.problems.map((p) => p.fileName)).toEqual(["坏.xlsx"]);
  });

  it("reads a sheet only up to the row limit, and warns", async () => {
    const bytes = await xlsx((ws) => {
      for (let r = 1; r <= READ_LIMITS.rows + 5; r++) ws.getCell(r, 1).value = r;
    });
    const read = await readXlsxFiles([fileOf("长.xlsx", bytes)]);
    expect(read.returns[0].sheets[0].values).toHaveLength(READ_LIMITS.rows);
    expect(read.problems.map((p) => p.severity)).toEqual(["warning"]);
  });
});

describe("templateWorkbookBytes", () => {
  const snapshot = reserveWorkbook([
    makeRow({ unit: "城关镇", item: "医用外科口罩", persons: 50, stock: 2400 }),
    makeRow({ unit: "城关镇", item: "红外体温计", persons: 50, stock: 3 }),
  ]);
  const files = () =>
    (
      planGenerateTemplates(commandInput(snapshot, { units: ["城关镇"], mode: "workbooks" }))
        .data as GenerateTemplatesData
    ).files;

  async function built(): Promise<ExcelJS.Worksheet> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await templateWorkbookBytes(files()[0])).buffer as ArrayBuffer);
    return workbook.getWorksheet("填报_城关镇") as ExcelJS.Worksheet;
  }

  it("writes the template sheet with its title, header and the unit's figures", async () => {
    const ws = await built();
    expect(ws.getCell("A1").value).toBe("城关镇防疫物资储备填报表");
    expect(ws.getCell("C4").value).toBe("物资名称");
    expect([ws.getCell("C5").value, ws.getCell("F5").value]).toEqual(["医用外科口罩", 2400]);
  });

  it("protects the sheet and leaves only the input cells unlocked", async () => {
    const ws = await built();
    expect(
      (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet
    ).toBe(true);
    expect(ws.getCell("F5").protection?.locked).toBe(false);
    expect(ws.getCell("A5").protection?.locked ?? true).toBe(true);
  });

  it("validates the figures as numbers of at least 0 and added items against the list", async () => {
    const ws = await built();
    expect(ws.getCell("F5").dataValidation).toMatchObject({
      type: "decimal",
      operator: "greaterThanOrEqual",
      formulae: [0],
      showErrorMessage: true,
    });
    expect(ws.getCell("C7").dataValidation).toMatchObject({
      type: "list",
      formulae: ["$J$5:$J$14"],
    });
  });

  it("is written by the xlsx host's interpreter: text a spreadsheet would reinterpret gets the @ format", async () => {
    const odd = reserveWorkbook([makeRow({ unit: "001组", item: "医用外科口罩", stock: 5 })]);
    const file = (
      planGenerateTemplates(commandInput(odd, { units: ["001组"], mode: "workbooks" }))
        .data as GenerateTemplatesData
    ).files[0];
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await templateWorkbookBytes(file)).buffer as ArrayBuffer);
    const ws = workbook.getWorksheet(file.sheetName) as ExcelJS.Worksheet;
    expect([ws.getCell("A5").value, ws.getCell("A5").numFmt]).toEqual(["001组", "@"]);
  });

  it("has the same borders, with their colour, as the xlsx host writes", async () => {
    const ws = await built();
    expect(ws.getCell("C4").border?.top).toEqual(
      expect.objectContaining({ style: "thin", color: expect.anything() })
    );
  });

  it("reads back as a return that changes nothing", async () => {
    const bytes = await templateWorkbookBytes(files()[0]);
    const read = await readXlsxFiles([fileOf("城关镇_物资储备填报.xlsx", bytes)]);
    const plan = planImport(read.returns, snapshot, { today: 44581, now: 44581.5 });
    expect(plan.issues).toEqual([]);
    expect(plan.units.map((u) => [u.unit, u.counts])).toEqual([
      ["城关镇", { added: 0, changed: 0, unchanged: 2, removed: 0 }],
    ]);
  });
});

describe("toBase64", () => {
  it.each([
    [[], ""],
    [[80, 75], "UEs="],
    [[0xe4, 0xb8, 0xad], "5Lit"],
  ])("encodes %p as %p", (bytes, expected) => {
    expect(toBase64(new Uint8Array(bytes))).toBe(expected);
  });

  it("encodes more bytes than one String.fromCharCode call takes", () => {
    const bytes = new Uint8Array(200_000).map((_, i) => i % 256);
    expect(Buffer.from(toBase64(bytes), "base64").equals(Buffer.from(bytes))).toBe(true);
  });
});
