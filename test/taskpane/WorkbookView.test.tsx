/** @jest-environment jsdom */
import "./jsdomShims";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { ROW_LIMIT, WorkbookView, type WorkbookViewSource } from "../../src/taskpane/WorkbookView";
import type { CellValue } from "../../src/workbook/cells";

/** A workbook the test changes by hand; listeners are told as MemoryWorkbook tells them. */
function makeSource(
  sheets: Record<string, CellValue[][]> = {},
  formats: Record<string, string[][]> = {}
) {
  const listeners = new Set<() => void>();
  const source: WorkbookViewSource & { change(next: Record<string, CellValue[][]>): void } = {
    sheetNames: () => Object.keys(sheets),
    values: (sheet) => sheets[sheet] ?? [],
    numberFormats: (sheet) => formats[sheet] ?? [],
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    change(next) {
      sheets = next;
      listeners.forEach((l) => l());
    },
  };
  return source;
}

function cellText(address: string): string | null {
  return document.querySelector(`[data-cell="${address}"]`)?.textContent ?? null;
}

describe("WorkbookView", () => {
  it("says the workbook is empty when it has no sheet", () => {
    render(<WorkbookView source={makeSource()} lang="zh" />);
    expect(screen.getByTestId("workbook-empty").textContent).toContain("初始化工作簿");
  });

  it("shows a tab per sheet and the first sheet's values in a table", () => {
    const source = makeSource({
      参数: [
        ["参数", "值"],
        ["战时储备天数", 60],
      ],
      物资储备: [["单位"]],
    });
    render(<WorkbookView source={source} lang="zh" />);
    expect(screen.getAllByRole("tab").map((t) => t.textContent)).toEqual(["参数", "物资储备"]);
    expect(screen.getByTestId("sheet-table").getAttribute("data-sheet")).toBe("参数");
    expect(cellText("A2")).toBe("战时储备天数");
    expect(cellText("B2")).toBe("60");
  });

  it("shows another sheet when its tab is clicked", () => {
    const source = makeSource({ 参数: [["参数"]], 物资储备: [["单位", "物资名称"]] });
    render(<WorkbookView source={source} lang="zh" />);
    fireEvent.click(screen.getByRole("tab", { name: "物资储备" }));
    expect(screen.getByTestId("sheet-table").getAttribute("data-sheet")).toBe("物资储备");
    expect(cellText("B1")).toBe("物资名称");
  });

  it("shows values under their number formats", () => {
    const source = makeSource({ 参数: [["达标线", 0.8]] }, { 参数: [["General", "0%"]] });
    render(<WorkbookView source={source} lang="zh" />);
    expect(cellText("B1")).toBe("80%");
  });

  it("re-renders when the workbook tells it that it changed", () => {
    const source = makeSource({});
    render(<WorkbookView source={source} lang="zh" />);
    act(() => source.change({ 参数: [["战时储备天数", 45]] }));
    expect(cellText("B1")).toBe("45");
  });

  it("switches to the selected cell's sheet and marks the cell", () => {
    const source = makeSource({
      参数: [["x"]],
      物资储备: [
        ["a", "b"],
        ["c", "d"],
      ],
    });
    render(
      <WorkbookView
        source={source}
        lang="zh"
        selection={{ sheet: "物资储备", cell: "B2", seq: 1 }}
      />
    );
    expect(screen.getByTestId("sheet-table").getAttribute("data-sheet")).toBe("物资储备");
    const selected = document.querySelectorAll('[aria-selected="true"][data-cell]');
    expect(Array.from(selected).map((e) => e.getAttribute("data-cell"))).toEqual(["B2"]);
  });

  it("renders rows down to a selected cell beyond the row limit", () => {
    const rows: CellValue[][] = Array.from({ length: ROW_LIMIT + 100 }, (_, i) => [i + 1]);
    const source = makeSource({ 日报: rows });
    render(
      <WorkbookView
        source={source}
        lang="zh"
        selection={{ sheet: "日报", cell: `A${ROW_LIMIT + 50}`, seq: 1 }}
      />
    );
    expect(cellText(`A${ROW_LIMIT + 50}`)).toBe(String(ROW_LIMIT + 50));
  });

  it("shows the first rows of a long sheet and the rest on request", () => {
    const rows: CellValue[][] = Array.from({ length: ROW_LIMIT + 30 }, (_, i) => [i + 1]);
    render(<WorkbookView source={makeSource({ 日报: rows })} lang="en" />);
    expect(cellText(`A${ROW_LIMIT}`)).toBe(String(ROW_LIMIT));
    expect(cellText(`A${ROW_LIMIT + 1}`)).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Show the other 30 rows" }));
    expect(cellText(`A${ROW_LIMIT + 30}`)).toBe(String(ROW_LIMIT + 30));
  });

  it("sizes columns from the sheet's widths in points and others at Excel's default", () => {
    const source = {
      ...makeSource({ 参数: [["参数", "值"]] }),
      columnWidth: (_s: string, c: number) => (c === 1 ? 150 : undefined),
    };
    render(<WorkbookView source={source} lang="zh" />);
    const widths = Array.from(document.querySelectorAll("col")).map((c) => c.style.width);
    // 150 pt = 200 px; column B has no width: 64 px; the first <col> is the row numbers'.
    expect(widths.slice(1)).toEqual(["200px", "64px"]);
  });
});
