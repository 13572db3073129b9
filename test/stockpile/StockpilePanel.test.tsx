/** @jest-environment jsdom */
import "../taskpane/jsdomShims";
import { useState } from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { StockpilePanel, type StockpilePanelProps } from "../../src/taskpane/panels/StockpilePanel";
import type { FileLike, ReadResult } from "../../src/taskpane/panels/readXlsxFiles";
import type { SectionPanelProps } from "../../src/taskpane/sections";
import type { CommandResult } from "../../src/workbook/command";
import { HostError } from "../../src/workbook/host";
import {
  TEMPLATE_UNITS_NEED,
  type GenerateTemplatesData,
  type TemplateFile,
} from "../../src/workbook/stockpile/generateTemplates";
import type {
  ImportData,
  ImportIssue,
  ReturnedFile,
  UnitImport,
} from "../../src/workbook/stockpile/import";
import { makeActions, makeResult, makeSuccess } from "../taskpane/fixtures";

type HarnessProps = Partial<StockpilePanelProps> & {
  initialOptions?: Record<string, unknown>;
  onOptions?: (options: Readonly<Record<string, unknown>>) => void;
};

/** The panel as a section holds it: the options live in the section's state. */
function Harness({ initialOptions = {}, onOptions, ...props }: HarnessProps) {
  const [options, setOptions] = useState<Readonly<Record<string, unknown>>>(initialOptions);
  return (
    <StockpilePanel
      lang="zh"
      disabled={false}
      {...props}
      options={options}
      onOptionsChange={(next) => {
        setOptions(next);
        onOptions?.(next);
      }}
    />
  );
}

function last(commandId: string, result: Partial<CommandResult>): SectionPanelProps["lastResult"] {
  return { commandId, result: makeResult(result) };
}

function makeUnit(overrides: Partial<UnitImport> = {}): UnitImport {
  return {
    unit: "城关镇",
    category: "乡镇",
    file: "城关镇.xlsx",
    sheet: "填报_城关镇",
    blocked: false,
    rows: [
      {
        kind: "changed",
        item: "医用外科口罩",
        sourceRow: 5,
        targetRow: 7,
        fields: [{ field: "stock", header: "现有库存", old: 2400, new: 9999 }],
      },
      { kind: "unchanged", item: "红外体温计", sourceRow: 6, targetRow: 8, fields: [] },
    ],
    counts: { added: 0, changed: 1, unchanged: 1, removed: 0 },
    ...overrides,
  };
}

function makeImportIssue(overrides: Partial<ImportIssue> = {}): ImportIssue {
  return {
    code: "belowMin",
    severity: "error",
    file: "青石镇.xlsx",
    sheet: "填报_青石镇",
    cell: "F6",
    message: {
      zh: "【青石镇.xlsx】“现有库存”不能小于 0",
      en: "[青石镇.xlsx] Stock cannot be negative",
    },
    ...overrides,
  };
}

const RETURNED: ReturnedFile = {
  fileName: "城关镇.xlsx",
  sheets: [{ name: "填报_城关镇", values: [["城关镇防疫物资储备填报表"]] }],
};

function fakeFile(name: string): File {
  return new File(["PK"], name);
}

function reader(result: Partial<ReadResult> = {}) {
  return jest.fn<Promise<ReadResult>, [readonly FileLike[]]>(async () => ({
    returns: [RETURNED],
    problems: [],
    ...result,
  }));
}

async function chooseFiles(...names: string[]) {
  await act(async () => {
    fireEvent.change(screen.getByTestId("import-file-input"), {
      target: { files: names.map(fakeFile) },
    });
  });
}

function templateFile(unit: string): TemplateFile {
  return { unit, sheetName: `填报_${unit}`, fileName: `${unit}_物资储备填报.xlsx`, ops: [] };
}

function templatesResult(overrides: Partial<GenerateTemplatesData> = {}) {
  const data: GenerateTemplatesData = {
    mode: "workbooks",
    units: [],
    templates: [],
    files: [],
    ...overrides,
  };
  return last("generateTemplates", { data });
}

describe("StockpilePanel: template choices", () => {
  it("shows a missing choice beside the category control, not as a cell issue, until one is made", () => {
    const lastResult = last("generateTemplates", {
      issues: [],
      missing: [TEMPLATE_UNITS_NEED],
    });
    render(<Harness lastResult={lastResult} />);
    const message = screen.getByText("请先在任务窗格中选择单位类别或勾选单位");
    expect(message.closest("[data-testid='stockpile-templates']")).not.toBeNull();
    fireEvent.change(screen.getByTestId("template-category"), { target: { value: "乡镇" } });
    expect(screen.queryByText("请先在任务窗格中选择单位类别或勾选单位")).toBeNull();
  });

  it("sets the category option when a category is chosen", () => {
    const onOptions = jest.fn();
    render(<Harness onOptions={onOptions} />);
    fireEvent.change(screen.getByTestId("template-category"), { target: { value: "乡镇" } });
    expect(onOptions).toHaveBeenLastCalledWith({ category: "乡镇" });
  });

  it("asks for the unit list with generateTemplates in list mode when 读取单位名单 is clicked", () => {
    const run = jest.fn();
    render(<Harness run={run} />);
    fireEvent.click(screen.getByRole("radio", { name: "勾选单位" }));
    fireEvent.click(screen.getByRole("button", { name: "读取单位名单" }));
    expect(run).toHaveBeenCalledWith("generateTemplates", { mode: "list" });
  });

  it("lists the units of a list result and sets the ticked ones as the units option", () => {
    const onOptions = jest.fn();
    const { rerender } = render(<Harness onOptions={onOptions} />);
    fireEvent.click(screen.getByRole("radio", { name: "勾选单位" }));
    const units = templatesResult({
      mode: "list",
      units: [
        { name: "城关镇", category: "乡镇", items: 4 },
        { name: "县教育局", category: "县直部门", items: 4 },
      ],
    });
    rerender(<Harness onOptions={onOptions} lastResult={units} />);
    fireEvent.click(screen.getByRole("checkbox", { name: "县教育局（县直部门，4项物资）" }));
    expect(onOptions).toHaveBeenLastCalledWith({ units: ["县教育局"] });
    fireEvent.click(screen.getByRole("checkbox", { name: "城关镇（乡镇，4项物资）" }));
    expect(onOptions).toHaveBeenLastCalledWith({ units: ["县教育局", "城关镇"] });
  });

  it("sets mode workbooks, offering downloads when Excel cannot open workbooks", () => {
    const onOptions = jest.fn();
    render(<Harness onOptions={onOptions} />);
    const radio = screen.getByRole("radio", { name: /单独的工作簿文件.*下载/ });
    fireEvent.click(radio);
    expect(onOptions).toHaveBeenLastCalledWith({ mode: "workbooks" });
  });

  it("offers to open the workbooks in Excel when createWorkbook is given", () => {
    render(<Harness createWorkbook={jest.fn()} />);
    expect(screen.getByRole("radio", { name: /在 Excel 中打开/ })).toBeTruthy();
  });
});

describe("StockpilePanel: templates as separate workbooks", () => {
  const created = jest.fn(() => "blob:template");
  beforeAll(() => {
    Object.defineProperty(URL, "createObjectURL", { value: created, configurable: true });
    Object.defineProperty(URL, "revokeObjectURL", { value: jest.fn(), configurable: true });
  });

  const files = [templateFile("城关镇"), templateFile("青石镇")];

  it("builds each file and opens it in Excel through createWorkbook, as base64", async () => {
    const createWorkbook = jest.fn<Promise<void>, [string]>(async () => undefined);
    const buildWorkbook = jest.fn(async () => new Uint8Array([80, 75]));
    const props = { createWorkbook, buildWorkbook };
    const { rerender } = render(<Harness {...props} />);
    rerender(<Harness {...props} lastResult={templatesResult({ files })} />);
    await waitFor(() => expect(screen.getByTestId("template-opened")).toBeTruthy());
    expect(buildWorkbook.mock.calls.map((c) => (c as unknown as [TemplateFile])[0].unit)).toEqual([
      "城关镇",
      "青石镇",
    ]);
    expect(createWorkbook.mock.calls).toEqual([["UEs="], ["UEs="]]);
    expect(screen.getByTestId("template-opened").textContent).toContain("2个模板工作簿");
  });

  it("offers each file as a download named for its unit when createWorkbook is missing", async () => {
    const buildWorkbook = jest.fn(async () => new Uint8Array([80, 75]));
    const { rerender } = render(<Harness buildWorkbook={buildWorkbook} />);
    rerender(<Harness buildWorkbook={buildWorkbook} lastResult={templatesResult({ files })} />);
    await waitFor(() => expect(screen.getAllByTestId("template-download")).toHaveLength(2));
    expect(
      screen.getAllByTestId("template-download").map((a) => a.getAttribute("download"))
    ).toEqual(["城关镇_物资储备填报.xlsx", "青石镇_物资储备填报.xlsx"]);
  });

  it("shows Excel's message when a workbook cannot be opened", async () => {
    const createWorkbook = jest.fn(async () => {
      throw new HostError("unsupported", {
        zh: "当前版本的 Excel 不支持此操作",
        en: "Unsupported",
      });
    });
    const props = { createWorkbook, buildWorkbook: async () => new Uint8Array([1]) };
    const { rerender } = render(<Harness {...props} />);
    rerender(<Harness {...props} lastResult={templatesResult({ files })} />);
    await waitFor(() => expect(screen.getByRole("alert").textContent).toContain("不支持此操作"));
  });

  it("builds nothing for a sheets-mode result", async () => {
    const buildWorkbook = jest.fn(async () => new Uint8Array([1]));
    const { rerender } = render(<Harness buildWorkbook={buildWorkbook} />);
    rerender(
      <Harness buildWorkbook={buildWorkbook} lastResult={templatesResult({ mode: "sheets" })} />
    );
    await act(async () => undefined);
    expect(buildWorkbook).not.toHaveBeenCalled();
  });
});

describe("StockpilePanel: 导入填报", () => {
  it("reads the chosen files and runs importReturns as a preview", async () => {
    const run = jest.fn();
    const readFiles = reader();
    render(<Harness run={run} readFiles={readFiles} />);
    await chooseFiles("城关镇.xlsx", "青石镇.xlsx");
    expect(readFiles.mock.calls[0][0].map((f) => f.name)).toEqual(["城关镇.xlsx", "青石镇.xlsx"]);
    expect(run).toHaveBeenCalledWith("importReturns", { returns: [RETURNED], confirm: false });
  });

  it("accepts several .xlsx files at once", () => {
    render(<Harness />);
    const input = screen.getByTestId("import-file-input") as HTMLInputElement;
    expect([input.type, input.multiple, input.accept]).toEqual(["file", true, ".xlsx"]);
  });

  it("shows the files that could not be read and runs nothing when none could", async () => {
    const run = jest.fn();
    const readFiles = reader({
      returns: [],
      problems: [
        {
          fileName: "旧.xls",
          severity: "error",
          message: { zh: "“旧.xls”不是 .xlsx 文件", en: "not xlsx" },
        },
      ],
    });
    render(<Harness run={run} readFiles={readFiles} />);
    await chooseFiles("旧.xls");
    expect(run).not.toHaveBeenCalled();
    expect(screen.getByTestId("import-problems").textContent).toContain(
      "旧.xls：“旧.xls”不是 .xlsx 文件"
    );
  });

  it("shows per unit the counts and the rows that change, and each issue with its file, sheet and cell", async () => {
    const readFiles = reader();
    const { rerender } = render(<Harness run={jest.fn()} readFiles={readFiles} />);
    await chooseFiles("城关镇.xlsx");
    const preview = last("importReturns", {
      data: {
        units: [
          makeUnit(),
          makeUnit({ unit: "青石镇", file: "青石镇.xlsx", sheet: "填报_青石镇", blocked: true }),
        ],
        confirmed: false,
      } satisfies ImportData,
      issues: [makeImportIssue()],
    });
    rerender(<Harness run={jest.fn()} readFiles={readFiles} lastResult={preview} />);
    const units = screen.getAllByTestId("import-unit");
    expect(within(units[0]).getByText("城关镇（城关镇.xlsx · 填报_城关镇）")).toBeTruthy();
    expect(within(units[0]).getByTestId("import-counts").textContent).toBe(
      "新增 0 · 修改 1 · 未变 1 · 删除 0"
    );
    expect(
      within(units[0])
        .getAllByTestId("import-row")
        .map((li) => li.textContent)
    ).toEqual(["修改 医用外科口罩（物资储备第 7 行）：现有库存 2400 → 9999"]);
    expect(units[1].textContent).toContain("有错误，此单位不会导入");
    expect(screen.getByTestId("import-issues").textContent).toContain(
      "青石镇.xlsx · 填报_青石镇!F6 【青石镇.xlsx】“现有库存”不能小于 0"
    );
  });

  it("runs importReturns with confirm when 确认导入 is clicked", async () => {
    const run = jest.fn();
    const readFiles = reader();
    const { rerender } = render(<Harness run={run} readFiles={readFiles} />);
    await chooseFiles("城关镇.xlsx");
    const preview = last("importReturns", { data: { units: [makeUnit()], confirmed: false } });
    rerender(<Harness run={run} readFiles={readFiles} lastResult={preview} />);
    fireEvent.click(screen.getByTestId("import-confirm"));
    expect(run).toHaveBeenLastCalledWith("importReturns", { returns: [RETURNED], confirm: true });
  });

  it("disables 确认导入 when every unit has errors", async () => {
    const readFiles = reader();
    const { rerender } = render(<Harness run={jest.fn()} readFiles={readFiles} />);
    await chooseFiles("城关镇.xlsx");
    const preview = last("importReturns", {
      data: { units: [makeUnit({ blocked: true })], confirmed: false },
    });
    rerender(<Harness run={jest.fn()} readFiles={readFiles} lastResult={preview} />);
    expect((screen.getByTestId("import-confirm") as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText("没有可以导入的单位。")).toBeTruthy();
  });

  it("shows the summary after a confirmed import and drops the change list", async () => {
    const readFiles = reader();
    const { rerender } = render(<Harness run={jest.fn()} readFiles={readFiles} />);
    await chooseFiles("城关镇.xlsx");
    rerender(
      <Harness
        run={jest.fn()}
        readFiles={readFiles}
        lastResult={last("importReturns", { data: { units: [makeUnit()], confirmed: false } })}
      />
    );
    rerender(
      <Harness
        run={jest.fn()}
        readFiles={readFiles}
        lastResult={last("importReturns", {
          data: { units: [makeUnit()], confirmed: true },
          summary: {
            zh: "已导入1个单位的填报。城关镇：新增0、修改1、未变1、删除0",
            en: "Imported",
          },
        })}
      />
    );
    expect(screen.getByTestId("import-summary").textContent).toContain("已导入1个单位的填报");
    expect(screen.queryByTestId("import-preview")).toBeNull();
  });

  it("shows no change list for the result of another command", () => {
    render(
      <Harness
        lastResult={last("computeStockpile", { data: { units: [makeUnit()], confirmed: false } })}
      />
    );
    expect(screen.queryByTestId("import-preview")).toBeNull();
  });
});

describe("StockpilePanel in the task pane", () => {
  it("runs the preview and then the confirmed import through the pane's actions", async () => {
    const preview = makeSuccess({ data: { units: [makeUnit()], confirmed: false } });
    const actions = makeActions({
      run: jest.fn(async (_id: string, options?: Readonly<Record<string, unknown>>) =>
        options?.confirm ? makeSuccess({ data: { units: [makeUnit()], confirmed: true } }) : preview
      ),
    });
    const readFiles = reader();
    render(
      <App
        actions={actions}
        panels={{ stockpile: (p) => <StockpilePanel {...p} readFiles={readFiles} /> }}
      />
    );
    expect(screen.getByRole("button", { name: "生成填报模板" })).toBeTruthy();
    await chooseFiles("城关镇.xlsx");
    await waitFor(() => expect(screen.getByTestId("import-preview")).toBeTruthy());
    await act(async () => {
      fireEvent.click(screen.getByTestId("import-confirm"));
    });
    expect(actions.run.mock.calls.map((c) => [c[0], c[1]])).toEqual([
      ["importReturns", { returns: [RETURNED], confirm: false }],
      ["importReturns", { returns: [RETURNED], confirm: true }],
    ]);
    await waitFor(() => expect(screen.getByTestId("import-summary")).toBeTruthy());
  });
});
