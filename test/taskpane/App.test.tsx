/** @jest-environment jsdom */
import "./jsdomShims";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { ErrorBoundary } from "../../src/taskpane/ErrorBoundary";
import { initWorkbook } from "../../src/workbook/init/initWorkbook";
import type { SectionPanelProps } from "../../src/taskpane/sectionPanel";
import { makeActions, makeCommand, makeFailure, makeIssue, makeSuccess } from "./fixtures";

/** A promise the test settles by hand, to look at the pane while a command runs. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

async function click(name: string | RegExp) {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name }));
  });
}

describe("App", () => {
  it("calls run with initWorkbook when 初始化工作簿 is clicked", async () => {
    const actions = makeActions();
    render(<App actions={actions} />);
    await click("初始化工作簿");
    expect(actions.run).toHaveBeenCalledTimes(1);
    expect(actions.run.mock.calls[0][0]).toBe("initWorkbook");
  });

  it("shows the Chinese name, the init button and the four section titles by default", () => {
    render(<App actions={makeActions()} />);
    expect(screen.getByRole("heading", { level: 1, name: "防疫台账助手" })).toBeTruthy();
    for (const title of ["物资储备", "隔离床位", "疫苗接种", "日报告"])
      expect(screen.getByRole("heading", { level: 2, name: title })).toBeTruthy();
  });

  it("shows English strings when lang is en", () => {
    render(<App actions={makeActions({ lang: "en" })} />);
    expect(screen.getByRole("heading", { level: 1, name: "Epi Ledger" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Set up workbook" })).toBeTruthy();
    for (const title of ["Supplies", "Isolation beds", "Vaccination", "Daily reports"])
      expect(screen.getByRole("heading", { level: 2, name: title })).toBeTruthy();
    expect(screen.queryByText("物资储备")).toBeNull();
  });

  it("shows the summary of a successful command in the status line", async () => {
    const actions = makeActions({
      run: jest.fn(async () =>
        makeSuccess({ summary: { zh: "已创建“参数”工作表，共 14 项参数", en: "Created" } }, 75)
      ),
    });
    render(<App actions={actions} />);
    await click("初始化工作簿");
    const status = screen.getByTestId("status");
    expect(status.textContent).toContain("已创建“参数”工作表，共 14 项参数");
    expect(status.textContent).toContain("写入 75 个单元格");
    expect(status.getAttribute("data-state")).toBe("success");
  });

  it("calls select with the sheet and cell when an issue is clicked", async () => {
    const issue = makeIssue({ sheet: "物资储备", cell: "F7" });
    const actions = makeActions({ run: jest.fn(async () => makeSuccess({ issues: [issue] })) });
    render(<App actions={actions} />);
    await click("初始化工作簿");
    const entry = screen.getByTestId("issue");
    expect(entry.textContent).toContain("物资储备!F7");
    expect(entry.textContent).toContain("现有库存不能为负数");
    await act(async () => {
      fireEvent.click(entry);
    });
    expect(actions.select).toHaveBeenCalledWith("物资储备", "F7");
  });

  it("lists one entry per issue and marks the status as a warning when there are issues", async () => {
    const issues = [makeIssue({ cell: "F7" }), makeIssue({ cell: "G9", severity: "warning" })];
    const actions = makeActions({ run: jest.fn(async () => makeSuccess({ issues })) });
    render(<App actions={actions} />);
    await click("初始化工作簿");
    expect(screen.getAllByTestId("issue").map((e) => e.textContent)).toEqual([
      expect.stringContaining("物资储备!F7"),
      expect.stringContaining("物资储备!G9"),
    ]);
    expect(screen.getByTestId("status").getAttribute("data-state")).toBe("warning");
  });

  it("selects the command's focus cell after it succeeds", async () => {
    const actions = makeActions({
      run: jest.fn(async () => makeSuccess({ focus: { sheet: "参数", cell: "B3" } })),
    });
    render(<App actions={actions} />);
    await click("初始化工作簿");
    expect(actions.select).toHaveBeenCalledWith("参数", "B3");
  });

  it("shows the host error message and that nothing was written when no op was written", async () => {
    const actions = makeActions({ run: jest.fn(async () => makeFailure({ writtenOps: 0 })) });
    render(<App actions={actions} />);
    await click("初始化工作簿");
    const status = screen.getByTestId("status");
    expect(status.getAttribute("data-state")).toBe("error");
    expect(status.textContent).toContain("请先退出单元格编辑（按 Enter 或 Esc）后重试");
    expect(status.textContent).toContain("工作簿未作任何改动");
  });

  it("says exactly how many write operations were carried out when the error came after some writes", async () => {
    const actions = makeActions({
      run: jest.fn(async () =>
        makeFailure({
          kind: "connectionLost",
          message: { zh: "与 Excel 的连接中断，请重试", en: "Lost the connection to Excel" },
          writtenOps: 3,
        })
      ),
    });
    render(<App actions={actions} />);
    await click("初始化工作簿");
    const status = screen.getByTestId("status");
    expect(status.textContent).toContain("与 Excel 的连接中断，请重试");
    expect(status.textContent).toContain("出错前已执行 3 项写入操作");
    expect(status.textContent).not.toContain("工作簿未作任何改动");
  });

  it("shows the message of an unexpected exception thrown by run", async () => {
    const actions = makeActions({
      run: jest.fn(async () => {
        throw new Error("Cannot read properties of undefined (reading 'values')");
      }),
    });
    render(<App actions={actions} />);
    await click("初始化工作簿");
    const status = screen.getByTestId("status");
    expect(status.getAttribute("data-state")).toBe("crashed");
    expect(status.textContent).toContain("意外错误");
    expect(status.textContent).toContain("Cannot read properties of undefined (reading 'values')");
  });

  it("shows the message when selecting an issue's cell fails", async () => {
    const actions = makeActions({
      run: jest.fn(async () => makeSuccess({ issues: [makeIssue()] })),
      select: jest.fn(async () => {
        throw new Error("The sheet 物资储备 was deleted");
      }),
    });
    render(<App actions={actions} />);
    await click("初始化工作簿");
    await act(async () => {
      fireEvent.click(screen.getByTestId("issue"));
    });
    expect(screen.getByTestId("status").textContent).toContain("The sheet 物资储备 was deleted");
  });

  it("shows progress and disables the buttons while a command runs", async () => {
    const pending = deferred<ReturnType<typeof makeSuccess>>();
    let report: ((done: number, total: number) => void) | undefined;
    const actions = makeActions({
      run: jest.fn((_id, _options, onProgress) => {
        report = onProgress;
        return pending.promise;
      }),
    });
    render(<App actions={actions} />);
    await click("初始化工作簿");
    act(() => report?.(3, 10));
    expect(screen.getByTestId("status").textContent).toContain("正在运行：初始化工作簿");
    expect(screen.getByTestId("status").textContent).toContain("已写入 3 / 10 项");
    expect(screen.getByRole("progressbar")).toBeTruthy();
    expect(screen.getByRole("button", { name: "初始化工作簿" }).hasAttribute("disabled")).toBe(
      true
    );
    await act(async () => pending.resolve(makeSuccess()));
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.getByRole("button", { name: "初始化工作簿" }).hasAttribute("disabled")).toBe(
      false
    );
  });

  it("shows a note in a section whose commands are not registered", () => {
    render(<App actions={makeActions()} registry={[initWorkbook]} />);
    const section = screen.getByTestId("section-stockpile");
    expect(within(section).getByTestId("section-empty").textContent).toBe("本部分的功能尚未提供。");
    expect(within(section).queryByRole("button")).toBeNull();
  });

  it("shows a button for a registered section command and runs it with the section's options", async () => {
    const command = makeCommand({ id: "computeStockpile" });
    function ReportDate({ onOptionsChange }: SectionPanelProps) {
      return (
        <button type="button" onClick={() => onOptionsChange({ reportDate: 44581 })}>
          choose date
        </button>
      );
    }
    const actions = makeActions();
    render(
      <App
        actions={actions}
        registry={[initWorkbook, command]}
        panels={{ stockpile: ReportDate }}
      />
    );
    const section = screen.getByTestId("section-stockpile");
    fireEvent.click(within(section).getByRole("button", { name: "choose date" }));
    await act(async () => {
      fireEvent.click(within(section).getByRole("button", { name: "计算物资储备" }));
    });
    expect(actions.run.mock.calls[0][0]).toBe("computeStockpile");
    expect(actions.run.mock.calls[0][1]).toEqual({ reportDate: 44581 });
  });

  it("gives a section's panel the last result of that section's command", async () => {
    const command = makeCommand({
      id: "reportStatus",
      label: { zh: "生成报送情况", en: "Report status" },
    });
    const seen: SectionPanelProps["lastResult"][] = [];
    function Copy({ lastResult }: SectionPanelProps) {
      seen.push(lastResult);
      return null;
    }
    const actions = makeActions({
      run: jest.fn(async () => makeSuccess({ data: { summaryLine: "应报单位35个" } })),
    });
    render(
      <App actions={actions} registry={[initWorkbook, command]} panels={{ dailyReport: Copy }} />
    );
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "生成报送情况" }));
    });
    expect(seen.at(-1)?.commandId).toBe("reportStatus");
    expect(seen.at(-1)?.result.data).toEqual({ summaryLine: "应报单位35个" });
  });
});

describe("ErrorBoundary", () => {
  it("shows the message of an exception thrown while rendering", () => {
    function Broken(): never {
      throw new Error("gridFromA1 is not defined");
    }
    const quiet = jest.spyOn(console, "error").mockImplementation(() => undefined);
    render(
      <ErrorBoundary lang="zh">
        <Broken />
      </ErrorBoundary>
    );
    quiet.mockRestore();
    const shown = screen.getByTestId("render-error");
    expect(shown.textContent).toContain("意外错误");
    expect(shown.textContent).toContain("gridFromA1 is not defined");
  });
});
