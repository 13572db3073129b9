import { MemoryWorkbook } from "../../src/hosts/memory/memoryExcel";
import { sampleWorkbookSheets } from "../../src/workbook/sample/workbook";

describe("the sample workbook's date formats", () => {
  const sheets = sampleWorkbookSheets();

  it.each([
    ["接种进度", "日期", "yyyy-mm-dd"],
    ["返乡人员", "抵达日期", "yyyy-mm-dd"],
    ["库存日志", "日期", "yyyy-mm-dd"],
    ["报送记录", "报送时间", "yyyy-mm-dd hh:mm"],
  ])("formats %s's %s column as %s", (name, header, format) => {
    const sheet = sheets.find((s) => s.name === name);
    const headerRow = sheet?.values.find((r) => r.includes(header)) ?? [];
    expect(sheet?.columnFormats?.[headerRow.indexOf(header)]).toBe(format);
  });

  it("leaves number columns in the general format", () => {
    const sheet = sheets.find((s) => s.name === "接种进度");
    const headerRow = sheet?.values.find((r) => r.includes("目标人数")) ?? [];
    expect(sheet?.columnFormats?.[headerRow.indexOf("目标人数")] ?? null).toBeNull();
  });

  it("carries the formats into the in-memory workbook, down to the last row", () => {
    const book = new MemoryWorkbook(sheets);
    const formats = book.numberFormats("接种进度");
    const last = formats.length - 1;
    expect(formats[last][0]).toBe("yyyy-mm-dd");
  });
});
