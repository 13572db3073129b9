/**
 * The page set-up a leader sheet asks for, carried out by the memory host (the
 * Office host on the in-memory Excel) and by the .xlsx host: A4, binding
 * margins, print area, footer with page number and date, manual page breaks
 * replaced on a re-run, and row heights.
 */
import ExcelJS from "exceljs";
import { MemoryWorkbook } from "../../src/hosts/memory/memoryExcel";
import { createMemoryHost } from "../../src/hosts/memory/memoryHost";
import { createXlsxHost } from "../../src/hosts/xlsx/xlsxHost";
import type { WriteOp } from "../../src/workbook/plan";
import { footerCode } from "../../src/workbook/plan";

const SETUP = (breaks: number[]): WriteOp[] => [
  { kind: "ensureSheet", sheet: "表" },
  { kind: "block", sheet: "表", row: 1, column: 1, cells: [["标题"], ["甲"], ["乙"]] },
  {
    kind: "pageSetup",
    sheet: "表",
    orientation: "Landscape",
    fitToWidth: true,
    paperSize: "A4",
    margins: { top: 50, bottom: 50, left: 72, right: 36, header: 22, footer: 22 },
    printArea: "A1:N30",
    printTitleRows: "$4:$4",
    footer: { center: "第{page}页 共{pages}页", right: "截至2022年1月20日" },
    rowBreaks: breaks,
    rowHeights: [
      { from: 1, to: 1, height: 27 },
      { from: 2, to: 3, height: 18 },
    ],
  },
];

describe("page set-up of a leader sheet", () => {
  it("writes footer codes: {page} and {pages} as &P and &N, & doubled", () => {
    expect(footerCode("第{page}页 共{pages}页 R&D")).toBe("第&P页 共&N页 R&&D");
  });

  it("sets A4, margins, print area, footer, breaks and row heights on the memory host", async () => {
    const book = new MemoryWorkbook();
    const host = createMemoryHost(book);
    await host.transaction((io) => io.write(SETUP([10, 20])));
    expect(book.pageLayout("表")).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      margins: { top: 50, bottom: 50, left: 72, right: 36, header: 22, footer: 22 },
      printArea: "A1:N30",
      printTitleRows: "$4:$4",
      footer: { left: "", center: "第&P页 共&N页", right: "截至2022年1月20日" },
      rowBreaks: [10, 20],
    });
    expect([1, 2, 3, 4].map((r) => book.rowHeight("表", r))).toEqual([27, 18, 18, undefined]);
  });

  it("replaces the page breaks on a re-run instead of adding to them", async () => {
    const book = new MemoryWorkbook();
    const host = createMemoryHost(book);
    await host.transaction((io) => io.write(SETUP([10, 20])));
    await host.transaction((io) => io.write(SETUP([15])));
    expect(book.pageLayout("表").rowBreaks).toEqual([15]);
  });

  it("writes the same set-up into an .xlsx file", async () => {
    const workbook = new ExcelJS.Workbook();
    const host = createXlsxHost(workbook);
    await host.transaction((io) => io.write(SETUP([10, 20])));
    await host.transaction((io) => io.write(SETUP([15])));
    const ws = workbook.getWorksheet("表") as ExcelJS.Worksheet;
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printArea: "A$1:N$30",
      printTitlesRow: "4:4",
      margins: { top: 0.694, bottom: 0.694, left: 1, right: 0.5, header: 0.306, footer: 0.306 },
    });
    expect(ws.headerFooter.oddFooter).toBe("&C第&P页 共&N页&R截至2022年1月20日");
    // A break is stored under the last row of the page before it.
    expect((ws as unknown as { rowBreaks: { id: number }[] }).rowBreaks.map((b) => b.id)).toEqual([
      14,
    ]);
    expect([1, 2, 3].map((r) => ws.getRow(r).height)).toEqual([27, 18, 18]);
  });
});
