/**
 * Hosts that cannot calculate must still show right figures after a parameter
 * edit: the formulas do not change (so the runner rewrites nothing), but
 * their values must follow the new norm.
 */
import { MemoryWorkbook } from "../../src/hosts/memory/memoryExcel";
import { createMemoryHost } from "../../src/hosts/memory/memoryHost";
import { executeCommand } from "../../src/workbook/execute";
import { initWorkbook } from "../../src/workbook/init/initWorkbook";
import { computeIsolation } from "../../src/workbook/isolation/computeIsolation";
import type { CellValue } from "../../src/workbook/cells";

const RUN = { today: 44581, now: 44581.7, lang: "zh" as const };

function cell(values: CellValue[][], rowLabel: string, header: string): CellValue {
  const headerRow = values.findIndex((r) => r.includes("应配床位"));
  const col = values[headerRow].indexOf(header);
  const row = values.find((r) => r.includes(rowLabel));
  return row ? row[col] : null;
}

describe("formula values after a parameter edit (memory host)", () => {
  it("shows 应配床位 at the new norm although no formula was rewritten", async () => {
    const book = new MemoryWorkbook([
      {
        name: "隔离床位",
        values: [
          ["示例县隔离床位情况表"],
          ["乡镇", "常住人口", "现有床位", "备用床位"],
          ["城关镇", 86_400, 150, 23],
        ],
      },
    ]);
    const host = createMemoryHost(book);
    expect((await executeCommand(host, initWorkbook, RUN)).ok).toBe(true);
    expect((await executeCommand(host, computeIsolation, RUN)).ok).toBe(true);
    expect(cell(book.values("隔离床位"), "城关镇", "应配床位")).toBe(173);
    expect(cell(book.values("隔离床位"), "城关镇", "状态")).toBe("达标");

    const row = book.values("参数").findIndex((r) => r[0] === "每万人隔离床位标准") + 1;
    book.setValues("参数", `B${row}`, [[40]]);
    const formulasBefore = book.formulas("隔离床位");
    const again = await executeCommand(host, computeIsolation, RUN);
    expect(again.ok).toBe(true);
    expect(book.formulas("隔离床位")).toEqual(formulasBefore);
    expect(cell(book.values("隔离床位"), "城关镇", "应配床位")).toBe(346);
    expect(cell(book.values("隔离床位"), "城关镇", "缺口")).toBe(173);
    expect(cell(book.values("隔离床位"), "城关镇", "状态")).toBe("不足");
  });
});
