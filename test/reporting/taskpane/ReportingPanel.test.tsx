/** @jest-environment jsdom */
import "../../taskpane/jsdomShims";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../../src/taskpane/App";
import { ReportingPanel } from "../../../src/taskpane/panels/ReportingPanel";
import type { SectionPanelProps } from "../../../src/taskpane/sectionPanel";
import { initWorkbook } from "../../../src/workbook/init/initWorkbook";
import { makeActions, makeCommand, makeResult, makeSuccess } from "../../taskpane/fixtures";
import { makeLastResult, makeStatusData, makeStatusUnit, REPORT_DAY } from "./panelFixtures";

function renderPanel(overrides: Partial<SectionPanelProps> = {}) {
  const props: SectionPanelProps = {
    lang: "zh",
    options: {},
    onOptionsChange: jest.fn(),
    disabled: false,
    ...overrides,
  };
  render(<ReportingPanel {...props} />);
  return props;
}

function dateInput(): HTMLInputElement {
  return screen.getByTestId("report-date") as HTMLInputElement;
}

function unitsIn(list: string): string[] {
  return within(screen.getByTestId(list))
    .queryAllByTestId("report-unit")
    .map((li) => li.getAttribute("data-unit") ?? "");
}

/** Replaces navigator.clipboard (or removes it) for one test. */
function setClipboard(clipboard: { writeText(text: string): Promise<void> } | undefined) {
  Object.defineProperty(navigator, "clipboard", { value: clipboard, configurable: true });
}

/** jsdom has no document.execCommand: the fallback copy gets a stand-in. */
function setExecCommand(result: boolean | Error) {
  const exec = jest.fn<boolean, [string]>(() => {
    if (result instanceof Error) throw result;
    return result;
  });
  Object.defineProperty(document, "execCommand", { value: exec, configurable: true });
  return exec;
}

async function clickCopy() {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "复制" }));
  });
}

afterEach(() => {
  setClipboard(undefined);
  Object.defineProperty(document, "execCommand", { value: undefined, configurable: true });
});

describe("ReportingPanel: the report date", () => {
  it("shows an empty date, meaning today, when no date was chosen", () => {
    renderPanel();
    expect(dateInput().value).toBe("");
    expect(screen.getByText("不选则为今天（按本机时钟）。")).toBeTruthy();
  });

  it("labels the date field 报告日期", () => {
    renderPanel();
    expect(screen.getByLabelText("报告日期")).toBe(dateInput());
  });

  it("passes the chosen day as a serial date and keeps the other options", () => {
    const props = renderPanel({ options: { other: 1 } });
    fireEvent.change(dateInput(), { target: { value: "2022-01-19" } });
    expect(props.onOptionsChange).toHaveBeenCalledWith({ other: 1, reportDate: REPORT_DAY - 1 });
  });

  it("shows a chosen serial date as yyyy-mm-dd", () => {
    renderPanel({ options: { reportDate: REPORT_DAY } });
    expect(dateInput().value).toBe("2022-01-20");
  });

  it("removes the report date when the date is cleared", () => {
    const props = renderPanel({ options: { reportDate: REPORT_DAY, other: 1 } });
    fireEvent.change(dateInput(), { target: { value: "" } });
    expect(props.onOptionsChange).toHaveBeenCalledWith({ other: 1 });
  });

  it("removes the report date when 改为今天 is clicked", () => {
    const props = renderPanel({ options: { reportDate: REPORT_DAY } });
    fireEvent.click(screen.getByRole("button", { name: "改为今天" }));
    expect(props.onOptionsChange).toHaveBeenCalledWith({});
  });

  it("offers no 改为今天 button while the date is already today", () => {
    renderPanel();
    expect(screen.queryByRole("button", { name: "改为今天" })).toBeNull();
  });

  it("disables the date while a command runs", () => {
    renderPanel({ disabled: true });
    expect(dateInput().disabled).toBe(true);
  });
});

describe("ReportingPanel: the result of 生成报送情况", () => {
  it("shows nothing of a result before a run", () => {
    renderPanel();
    expect(screen.queryByTestId("report-result")).toBeNull();
  });

  it("shows the summary in a read-only box", () => {
    renderPanel({ lastResult: makeLastResult() });
    const box = screen.getByTestId("report-summary") as HTMLTextAreaElement;
    expect(box.value).toBe(
      "截至1月20日17时，应报单位3个，已报2个（其中零报告0个），未报1个：县交通运输局；迟报1个。"
    );
    expect(box.readOnly).toBe(true);
  });

  it("shows the English summary and headings when lang is en", () => {
    renderPanel({ lang: "en", lastResult: makeLastResult() });
    expect((screen.getByTestId("report-summary") as HTMLTextAreaElement).value).toContain(
      "As of 17:00 on 20 January"
    );
    expect(screen.getByRole("button", { name: "Copy" })).toBeTruthy();
    expect(screen.getByText("Not reported (1)")).toBeTruthy();
  });

  it("names the day the result is for", () => {
    renderPanel({ lastResult: makeLastResult(makeStatusData({ reportDate: REPORT_DAY - 1 })) });
    expect(screen.getByTestId("report-result-date").textContent).toBe("报告日期：2022年1月19日");
  });

  it("lists the 未报 units in the command's order with days missing, contact and masked phone", () => {
    const data = makeStatusData({
      missing: ["马场乡", "县交通运输局"],
      units: [
        makeStatusUnit({
          unit: "县交通运输局",
          state: "未报",
          consecutiveMissing: 1,
          contact: "张伟",
          phone: "138****1111",
        }),
        makeStatusUnit({
          unit: "马场乡",
          state: "未报",
          consecutiveMissing: 2,
          contact: "朱强",
          phone: "139****0721",
        }),
      ],
    });
    renderPanel({ lastResult: makeLastResult(data) });
    expect(unitsIn("missing-list")).toEqual(["马场乡", "县交通运输局"]);
    const first = within(screen.getByTestId("missing-list")).getAllByTestId("report-unit")[0];
    expect(first.textContent).toBe("马场乡 连续未报2天 · 朱强 · 139****0721");
    expect(screen.getByText("未报（2个）")).toBeTruthy();
  });

  it("lists the 迟报 units with the time their report came in", () => {
    renderPanel({ lastResult: makeLastResult() });
    expect(unitsIn("late-list")).toEqual(["青石镇"]);
    expect(within(screen.getByTestId("late-list")).getByTestId("report-unit").textContent).toBe(
      "青石镇 11:40报送 · 赵军"
    );
  });

  it("says 无 under a list with no unit", () => {
    renderPanel({ lastResult: makeLastResult(makeStatusData({ late: [] })) });
    expect(unitsIn("late-list")).toEqual([]);
    expect(within(screen.getByTestId("late-list")).getByText("无")).toBeTruthy();
    expect(screen.getByText("迟报（0个）")).toBeTruthy();
  });

  it("shows a unit without a contact by its name and days missing alone", () => {
    const data = makeStatusData({
      units: [
        makeStatusUnit({
          unit: "县交通运输局",
          state: "未报",
          consecutiveMissing: 1,
          contact: null,
          phone: null,
        }),
      ],
      late: [],
    });
    renderPanel({ lastResult: makeLastResult(data) });
    expect(within(screen.getByTestId("missing-list")).getByTestId("report-unit").textContent).toBe(
      "县交通运输局 连续未报1天"
    );
  });

  it("ignores the result of another command", () => {
    renderPanel({ lastResult: makeLastResult(makeStatusData(), "initWorkbook") });
    expect(screen.queryByTestId("report-result")).toBeNull();
  });

  it("shows no summary when the command returned no figures (no roster)", () => {
    renderPanel({ lastResult: { commandId: "reportStatus", result: makeResult() } });
    expect(screen.queryByTestId("report-result")).toBeNull();
  });
});

describe("ReportingPanel: the copy button", () => {
  it("copies the summary with the Clipboard API and says 已复制", async () => {
    const writeText = jest.fn<Promise<void>, [string]>(async () => undefined);
    setClipboard({ writeText });
    const exec = setExecCommand(true);
    renderPanel({ lastResult: makeLastResult() });
    await clickCopy();
    expect(writeText).toHaveBeenCalledWith(makeStatusData().summary.zh);
    expect(exec).not.toHaveBeenCalled();
    expect(screen.getByTestId("copy-status").textContent).toBe("已复制");
  });

  it("selects the box and copies with execCommand when there is no Clipboard API", async () => {
    setClipboard(undefined);
    let selected = "";
    const exec = jest.fn<boolean, [string]>(() => {
      const box = screen.getByTestId("report-summary") as HTMLTextAreaElement;
      selected = box.value.slice(box.selectionStart, box.selectionEnd);
      return true;
    });
    Object.defineProperty(document, "execCommand", { value: exec, configurable: true });
    renderPanel({ lastResult: makeLastResult() });
    await clickCopy();
    expect(exec).toHaveBeenCalledWith("copy");
    expect(selected).toBe(makeStatusData().summary.zh);
    expect(screen.getByTestId("copy-status").textContent).toBe("已复制");
  });

  it("falls back to execCommand when the Clipboard API refuses", async () => {
    setClipboard({
      writeText: jest.fn(async () => {
        throw new Error("Write permission denied.");
      }),
    });
    const exec = setExecCommand(true);
    renderPanel({ lastResult: makeLastResult() });
    await clickCopy();
    expect(exec).toHaveBeenCalledWith("copy");
    expect(screen.getByTestId("copy-status").textContent).toBe("已复制");
  });

  it("tells the clerk to copy by hand when both ways fail", async () => {
    setClipboard(undefined);
    setExecCommand(false);
    renderPanel({ lastResult: makeLastResult() });
    await clickCopy();
    expect(screen.getByTestId("copy-status").textContent).toBe(
      "未能复制，请选中上方文字后按 Ctrl+C"
    );
  });

  it("tells the clerk to copy by hand when execCommand throws", async () => {
    setClipboard(undefined);
    setExecCommand(new Error("execCommand is not supported"));
    renderPanel({ lastResult: makeLastResult() });
    await clickCopy();
    expect(screen.getByTestId("copy-status").textContent).toBe(
      "未能复制，请选中上方文字后按 Ctrl+C"
    );
  });

  it("clears 已复制 when a new summary arrives", async () => {
    setClipboard({ writeText: jest.fn(async () => undefined) });
    const props: SectionPanelProps = {
      lang: "zh",
      options: {},
      onOptionsChange: jest.fn(),
      disabled: false,
      lastResult: makeLastResult(),
    };
    const { rerender } = render(<ReportingPanel {...props} />);
    await clickCopy();
    expect(screen.getByTestId("copy-status").textContent).toBe("已复制");
    const next = makeStatusData({ summary: { zh: "截至1月20日18时，应报单位3个…", en: "…" } });
    rerender(<ReportingPanel {...props} lastResult={makeLastResult(next)} />);
    expect(screen.getByTestId("copy-status").textContent).toBe("");
  });
});

describe("ReportingPanel in the task pane", () => {
  const reportStatus = makeCommand({
    id: "reportStatus",
    label: { zh: "生成报送情况", en: "Reporting status" },
  });

  it("runs 生成报送情况 with the chosen date and then shows its summary", async () => {
    const actions = makeActions();
    actions.run.mockResolvedValue(makeSuccess({ data: makeStatusData() }));
    render(<App actions={actions} registry={[initWorkbook, reportStatus]} />);
    const section = screen.getByTestId("section-dailyReport");
    fireEvent.change(within(section).getByTestId("report-date"), {
      target: { value: "2022-01-20" },
    });
    await act(async () => {
      fireEvent.click(within(section).getByRole("button", { name: "生成报送情况" }));
    });
    expect(actions.run.mock.calls[0][0]).toBe("reportStatus");
    expect(actions.run.mock.calls[0][1]).toEqual({ reportDate: REPORT_DAY });
    expect((within(section).getByTestId("report-summary") as HTMLTextAreaElement).value).toContain(
      "未报1个：县交通运输局"
    );
  });

  it("runs 生成报送情况 with no report date when none was chosen", async () => {
    const actions = makeActions();
    render(<App actions={actions} registry={[initWorkbook, reportStatus]} />);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "生成报送情况" }));
    });
    expect(actions.run.mock.calls[0][1]).toEqual({});
  });
});
