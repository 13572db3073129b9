/* eslint-disable office-addins/load-object-before-read, office-addins/call-sync-before-read --
   exceljs cells are plain objects, not Office.js proxies: there is nothing to load or sync. */
import * as path from "node:path";
import ExcelJS from "exceljs";
import { serialFromExcelDate, plainValue } from "../../src/hosts/xlsx/cellValues";
import { loadXlsx, saveXlsx, xlsxProblem, MAX_XLSX_BYTES } from "../../src/hosts/xlsx/files";
import { columnWidthFromPoints, createXlsxHost } from "../../src/hosts/xlsx/xlsxHost";
import { executeCommand } from "../../src/workbook/execute";
import { HostError } from "../../src/workbook/host";
import { initWorkbook } from "../../src/workbook/init/initWorkbook";
import type { WriteOp } from "../../src/workbook/plan";
import { tempDir } from "./helpers";

const RUN = { today: 44581, now: 44581.5, lang: "zh" as const };

async function roundTrip(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const file = path.join(tempDir(), "t.xlsx");
  await saveXlsx(workbook, file);
  return loadXlsx(file);
}

function bookWith(build: (ws: ExcelJS.Worksheet) => void): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet("表"));
  return workbook;
}

async function readSheet(workbook: ExcelJS.Workbook, name = "表") {
  const host = createXlsxHost(workbook);
  return host.transaction(async (io) => (await io.read([name])).sheets[name]);
}

async function write(workbook: ExcelJS.Workbook, ops: WriteOp[]) {
  const host = createXlsxHost(workbook);
  return { host, report: await host.transaction((io) => io.write(ops)) };
}

describe("reading", () => {
  it("anchors values at A1 and fills gaps with null", async () => {
    const sheet = await readSheet(bookWith((ws) => (ws.getCell("B2").value = 5)));
    expect(sheet.values).toEqual([
      [null, null],
      [null, 5],
    ]);
  });

  it("gives a formula cell's cached result as value and `=` + text as formula", async () => {
    const workbook = await roundTrip(
      bookWith((ws) => (ws.getCell("A1").value = { formula: "1+1", result: 2 }))
    );
    const sheet = await readSheet(workbook);
    expect(sheet.values[0][0]).toBe(2);
    expect(sheet.formulas[0][0]).toBe("=1+1");
  });

  it("keeps a cached result of 0 (exceljs drops falsy results from cell.value)", async () => {
    const workbook = await roundTrip(
      bookWith((ws) => (ws.getCell("A1").value = { formula: "1-1", result: 0 }))
    );
    expect((await readSheet(workbook)).values[0][0]).toBe(0);
  });

  it("expands a shared formula to the cell's own references", async () => {
    const workbook = bookWith((ws) => {
      ws.getCell("A1").value = 1;
      ws.getCell("A2").value = 2;
      ws.getCell("B1").value = {
        formula: "A1*10",
        result: 10,
        shareType: "shared",
        ref: "B1:B2",
      } as ExcelJS.CellValue;
      ws.getCell("B2").value = { sharedFormula: "B1", result: 20 } as ExcelJS.CellValue;
    });
    const sheet = await readSheet(await roundTrip(workbook));
    expect(sheet.formulas[1][1]).toBe("=A2*10");
    expect(sheet.values[1][1]).toBe(20);
  });

  it.each([
    ["rich text", { richText: [{ text: "城关" }, { text: "镇" }] }, "城关镇"],
    ["an error", { error: "#DIV/0!" }, "#DIV/0!"],
    ["an empty string", "", null],
    ["negative zero", -0, 0],
    ["a hyperlink", { text: "通知", hyperlink: "https://example.org" }, "通知"],
  ])("turns %s into a plain value", (_name, value, expected) => {
    expect(Object.is(plainValue(value as ExcelJS.CellValue), expected)).toBe(true);
  });

  it.each([
    ["a whole day", Date.UTC(2022, 0, 20), 44581],
    ["noon", Date.UTC(2022, 0, 20, 12), 44581.5],
    ["10:00", Date.UTC(2022, 0, 20, 10), 44581 + 10 / 24],
    ["the day after Excel's 1900-02-29", Date.UTC(1900, 2, 1), 61],
  ])("converts a date at %s to its serial number in UTC", (_name, ms, serial) => {
    expect(serialFromExcelDate(new Date(ms))).toBeCloseTo(serial, 10);
  });

  it("reads a date-formatted cell of a file as the same serial number that was stored", async () => {
    const workbook = bookWith((ws) => {
      ws.getCell("A1").value = 44581.25;
      ws.getCell("A1").numFmt = "yyyy-mm-dd hh:mm";
    });
    expect((await readSheet(await roundTrip(workbook))).values[0][0]).toBeCloseTo(44581.25, 9);
  });

  it("shows a merged area's value in its top-left cell only", async () => {
    const workbook = bookWith((ws) => {
      ws.getCell("A1").value = "标题";
      ws.mergeCells("A1:C1");
    });
    expect((await readSheet(workbook)).values[0]).toEqual(["标题"]);
  });

  it("lists every sheet in tab order and skips sheets that do not exist", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("乙");
    workbook.addWorksheet("甲");
    const host = createXlsxHost(workbook);
    const snapshot = await host.transaction((io) => io.read(["甲", "丙"]));
    expect(snapshot.sheetNames).toEqual(["乙", "甲"]);
    expect(Object.keys(snapshot.sheets)).toEqual(["甲"]);
  });
});

describe("writing", () => {
  it("writes a formula with the engine's value as cached result, shown before recalculation", async () => {
    const workbook = new ExcelJS.Workbook();
    await write(workbook, [
      { kind: "ensureSheet", sheet: "表" },
      {
        kind: "block",
        sheet: "表",
        row: 1,
        column: 1,
        cells: [[2, { formula: "=A1*3", value: 6 }]],
      },
    ]);
    const cell = (await roundTrip(workbook)).getWorksheet("表")!.getCell("B1");
    expect(cell.formula).toBe("A1*3");
    expect(cell.result).toBe(6);
  });

  it.each(['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)"])(
    "keeps the string %s as text, never a formula",
    async (text) => {
      const workbook = new ExcelJS.Workbook();
      await write(workbook, [
        { kind: "ensureSheet", sheet: "表" },
        { kind: "block", sheet: "表", row: 1, column: 1, cells: [[text]] },
      ]);
      const cell = (await roundTrip(workbook)).getWorksheet("表")!.getCell("A1");
      expect(cell.value).toBe(text);
      expect(cell.formula).toBeUndefined();
    }
  );

  it("applies number formats per cell and by column, and leaves a null format alone", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("表");
    ws.getCell("B2").numFmt = "0.00";
    await write(workbook, [
      {
        kind: "block",
        sheet: "表",
        row: 1,
        column: 1,
        cells: [[0.5, 1]],
        numberFormats: [["0.0%", "@"]],
      },
      {
        kind: "block",
        sheet: "表",
        row: 2,
        column: 1,
        cells: [[1, 2]],
        numberFormats: { byColumn: ["yyyy-mm-dd", null] },
      },
    ]);
    expect([
      ws.getCell("A1").numFmt,
      ws.getCell("B1").numFmt,
      ws.getCell("A2").numFmt,
      ws.getCell("B2").numFmt,
    ]).toEqual(["0.0%", "@", "yyyy-mm-dd", "0.00"]);
  });

  it("stores a defined name that reads back as Office shows it, and replaces it when redefined", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("参数");
    const { host } = await write(workbook, [
      { kind: "defineName", name: "达标线", sheet: "参数", cell: "B3" },
      { kind: "defineName", name: "达标线", sheet: "参数", cell: "B4" },
    ]);
    const again = createXlsxHost(await roundTrip(host.workbook));
    const snapshot = await again.transaction((io) => io.read([]));
    expect(snapshot.names).toEqual({ 达标线: "=参数!$B$4" });
  });

  it("clears values, styles, merges and conditional formats of a sheet", async () => {
    const workbook = new ExcelJS.Workbook();
    await write(workbook, [
      { kind: "ensureSheet", sheet: "表" },
      {
        kind: "block",
        sheet: "表",
        row: 1,
        column: 1,
        cells: [
          ["标题", null],
          [1, 2],
        ],
      },
      { kind: "style", sheet: "表", range: "A1:B1", bold: true, fill: "#DDEBF7", merge: true },
      {
        kind: "conditionalFormat",
        sheet: "表",
        range: "A2:B2",
        rules: [{ type: "textEquals", text: "达标", fill: "#C6EFCE" }],
      },
      { kind: "clearSheet", sheet: "表" },
    ]);
    const ws = (await roundTrip(workbook)).getWorksheet("表")!;
    expect(ws.getCell("A1").value).toBeNull();
    expect(ws.getCell("A2").value).toBeNull();
    expect(ws.getCell("A1").font?.bold).toBeFalsy();
    expect(ws.hasMerges).toBe(false);
    expect((ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings).toEqual(
      []
    );
  });

  it("styles a range: fill, font, alignment, wrap, border and merge", async () => {
    const workbook = new ExcelJS.Workbook();
    await write(workbook, [
      { kind: "ensureSheet", sheet: "表" },
      { kind: "block", sheet: "表", row: 1, column: 1, cells: [["标题"]] },
      {
        kind: "style",
        sheet: "表",
        range: "A1:C1",
        fill: "#E2EFDA",
        fontColor: "#375623",
        bold: true,
        fontSize: 14,
        wrap: true,
        horizontalAlignment: "Center",
        border: true,
        merge: true,
      },
    ]);
    const ws = (await roundTrip(workbook)).getWorksheet("表")!;
    const a1 = ws.getCell("A1");
    expect(a1.fill).toMatchObject({ pattern: "solid", fgColor: { argb: "FFE2EFDA" } });
    expect(a1.font).toMatchObject({ bold: true, size: 14, color: { argb: "FF375623" } });
    expect(a1.alignment).toMatchObject({ horizontal: "center", wrapText: true });
    expect(a1.border?.top?.style).toBe("thin");
    expect(ws.getCell("C1").isMerged).toBe(true);
  });

  it("sets column widths, freeze panes and page set-up", async () => {
    const workbook = new ExcelJS.Workbook();
    await write(workbook, [
      { kind: "ensureSheet", sheet: "表", tabColor: "#FF0000" },
      { kind: "columnWidths", sheet: "表", widths: [{ column: 2, width: 48 }] },
      { kind: "freeze", sheet: "表", rows: 2, columns: 1 },
      {
        kind: "pageSetup",
        sheet: "表",
        orientation: "Landscape",
        fitToWidth: true,
        printTitleRows: "$1:$3",
      },
    ]);
    const ws = (await roundTrip(workbook)).getWorksheet("表")!;
    expect(ws.getColumn(2).width).toBeCloseTo(8.43, 2);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 2 });
    expect(ws.pageSetup).toMatchObject({
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:3",
    });
  });

  it.each([
    [48, 8.43],
    [150, 27.86],
    [0, 0],
  ])("converts a width of %d points to %d characters", (points, chars) => {
    expect(columnWidthFromPoints(points)).toBeCloseTo(chars, 2);
  });

  it("skips a chart and records a note saying charts are written only in Excel", async () => {
    const workbook = new ExcelJS.Workbook();
    const { host, report } = await write(workbook, [
      { kind: "ensureSheet", sheet: "表" },
      {
        kind: "chart",
        sheet: "表",
        type: "barClustered",
        dataRange: "A1:B3",
        title: "完成率",
        anchor: "D2",
        name: "c1",
      },
    ]);
    expect(host.notes().map((n) => n.zh)).toEqual([expect.stringContaining("图表只能在 Excel 中")]);
    expect(report).toEqual({ syncs: 0, cells: 0, maxRequestBytes: 0, totalBytes: 0 });
  });

  it("fails with a missingSheet HostError, counting the ops already written, when a sheet is absent", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("表");
    const host = createXlsxHost(workbook);
    const error = await host
      .transaction((io) =>
        io.write([
          { kind: "block", sheet: "表", row: 1, column: 1, cells: [[1]] },
          { kind: "block", sheet: "无此表", row: 1, column: 1, cells: [[1]] },
        ])
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(error).toMatchObject({ kind: "missingSheet", writtenOps: 1 });
  });
});

describe("running a command", () => {
  it("changes nothing the second time 初始化工作簿 runs on the same file", async () => {
    const workbook = new ExcelJS.Workbook();
    const first = await executeCommand(createXlsxHost(workbook), initWorkbook, RUN);
    const reloaded = await roundTrip(workbook);
    const second = await executeCommand(createXlsxHost(reloaded), initWorkbook, RUN);
    expect(first.ok && first.report.cells).toBeGreaterThan(0);
    expect(second.ok && second.result.ops).toEqual([]);
  });

  it("reports 0 syncs for a file", async () => {
    const host = createXlsxHost(new ExcelJS.Workbook());
    expect(await host.transaction(async (io) => io.syncCount())).toBe(0);
  });
});

describe("file checks", () => {
  it.each([
    ["a CSV", Buffer.from("日期,乡镇\n"), /不是 \.xlsx 文件/],
    ["an .xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), /旧版 \.xls/],
    ["an empty file", Buffer.alloc(0), /空文件/],
  ])("names what is wrong with %s", (_name, bytes, message) => {
    expect(xlsxProblem(bytes.subarray(0, 4), bytes.length, "a.xlsx")?.zh).toMatch(message);
  });

  it("refuses a file above 100 MB before reading it", () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
    expect(xlsxProblem(zip, MAX_XLSX_BYTES + 1, "big.xlsx")?.zh).toMatch(/过大.*100 MB/);
    expect(xlsxProblem(zip, MAX_XLSX_BYTES, "ok.xlsx")).toBeUndefined();
  });

  it("turns a damaged zip into an unsupported HostError", async () => {
    await expect(loadXlsx(Buffer.from("PK\u0003\u0004 not really a zip"))).rejects.toMatchObject({
      kind: "unsupported",
    });
  });
});
