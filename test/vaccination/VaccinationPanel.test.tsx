/** @jest-environment jsdom */
import "../taskpane/jsdomShims";
import { useState } from "react";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { VaccinationPanel } from "../../src/taskpane/panels/VaccinationPanel";
import type { SectionPanelProps } from "../../src/taskpane/sectionPanel";
import type { CellValue } from "../../src/workbook/cells";
import type { CommandResult, Lang } from "../../src/workbook/command";
import { initWorkbook } from "../../src/workbook/init/initWorkbook";
import {
  planRankVaccination,
  rankVaccination,
  type RankVaccinationData,
} from "../../src/workbook/vaccination/rankVaccination";
import { makeActions, makeSuccess } from "../taskpane/fixtures";
import { D, makeRow, progressGrid, snapshotOf } from "./fixtures";

type LastResult = NonNullable<SectionPanelProps["lastResult"]>;

/** Two townships and two groups on D − 1 and D (2022-01-19 and 2022-01-20). */
function progressRows(): CellValue[][] {
  return [D - 1, D].flatMap((date) =>
    ["18岁以上", "60岁以上"].flatMap((group) => [
      makeRow({ date, group, township: "东城镇", full: date === D ? 800 : 780 }),
      makeRow({ date, group, township: "西城镇", full: date === D ? 700 : 690 }),
    ])
  );
}

/** The data of a real 生成接种排名 run on the rows above, with the given options. */
function rankData(options: Record<string, unknown> = {}): RankVaccinationData {
  const result = planRankVaccination({
    snapshot: snapshotOf({ 接种进度: progressGrid(progressRows()) }),
    today: D,
    now: D + 0.4,
    lang: "zh",
    options,
  });
  return result.data as RankVaccinationData;
}

function makeLastResult(overrides: Partial<CommandResult> = {}): LastResult {
  return {
    commandId: "rankVaccination",
    result: {
      ops: [],
      issues: [],
      summary: { zh: "已生成", en: "Done" },
      data: rankData(),
      ...overrides,
    },
  };
}

interface HarnessProps {
  lang?: Lang;
  options?: Record<string, unknown>;
  disabled?: boolean;
  lastResult?: LastResult;
}

/** The panel with the section's options held in state, as Section holds them; every change is recorded. */
function renderPanel({
  lang = "zh",
  options = {},
  disabled = false,
  lastResult,
}: HarnessProps = {}) {
  const changes: Readonly<Record<string, unknown>>[] = [];
  function Harness() {
    const [current, setCurrent] = useState<Readonly<Record<string, unknown>>>(options);
    return (
      <VaccinationPanel
        lang={lang}
        options={current}
        disabled={disabled}
        lastResult={lastResult}
        onOptionsChange={(next) => {
          changes.push(next);
          setCurrent(next);
        }}
      />
    );
  }
  const view = render(<Harness />);
  return { ...view, changes, last: () => changes[changes.length - 1] };
}

function optionTexts(select: HTMLElement): string[] {
  return Array.from((select as HTMLSelectElement).options).map((o) => o.textContent ?? "");
}

function noticeBox(): HTMLTextAreaElement {
  return screen.getByTestId("vaccination-notice") as HTMLTextAreaElement;
}

async function clickCopy() {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "复制通报" }));
  });
}

/** Installs (or removes, with undefined) navigator.clipboard and document.execCommand for one test. */
function stubClipboard(
  clipboard: { writeText: jest.Mock } | undefined,
  execCommand: jest.Mock | undefined
) {
  Object.defineProperty(navigator, "clipboard", { value: clipboard, configurable: true });
  Object.defineProperty(document, "execCommand", { value: execCommand, configurable: true });
}

afterEach(() => stubClipboard(undefined, undefined));

describe("VaccinationPanel before any run", () => {
  it("offers only the latest date and says the ranking goes to 接种排名", () => {
    renderPanel();
    expect(optionTexts(screen.getByLabelText("报告日期"))).toEqual(["最新日期"]);
    expect(screen.getByTestId("vaccination-target").textContent).toBe("将写入工作表“接种排名”。");
  });

  it("offers the four metrics with 全程完成率 chosen", () => {
    renderPanel();
    const metric = screen.getByLabelText("排名指标") as HTMLSelectElement;
    expect(optionTexts(metric)).toEqual(["第一剂完成率", "全程完成率", "加强完成率", "当日完成率"]);
    expect(metric.value).toBe("full");
  });

  it("says every group is in the notice and shows no notice box", () => {
    renderPanel();
    expect(screen.getByTestId("vaccination-groups-all").textContent).toBe(
      "全部人群（生成一次后可逐个选择）"
    );
    expect(screen.queryByTestId("vaccination-notice")).toBeNull();
  });

  it("shows English labels when lang is en", () => {
    renderPanel({ lang: "en" });
    expect(optionTexts(screen.getByLabelText("Report date"))).toEqual(["Latest"]);
    expect(optionTexts(screen.getByLabelText("Rank on"))).toEqual([
      "First-dose rate",
      "Full-course rate",
      "Booster rate",
      "Due-today rate",
    ]);
    expect(screen.getByTestId("vaccination-target").textContent).toBe("Writes the sheet 接种排名.");
  });
});

describe("VaccinationPanel report date", () => {
  it("offers the last run's dates, latest first, the latest marked 最新", () => {
    renderPanel({ lastResult: makeLastResult() });
    expect(optionTexts(screen.getByLabelText("报告日期"))).toEqual([
      "2022年1月20日（最新）",
      "2022年1月19日",
    ]);
  });

  it("sets reportDate to the serial of an older date and names its own sheet before running", () => {
    const { last } = renderPanel({ lastResult: makeLastResult() });
    fireEvent.change(screen.getByLabelText("报告日期"), { target: { value: String(D - 1) } });
    expect(last()).toEqual({ reportDate: D - 1 });
    const warning = screen.getByTestId("vaccination-not-latest");
    expect(warning.textContent).toContain("接种排名_1月19日");
    expect(warning.textContent).toContain("（最新为2022年1月20日）");
    expect(warning.textContent).toContain("“接种排名”保持不变");
    expect(screen.queryByTestId("vaccination-target")).toBeNull();
  });

  it("removes reportDate when 改用最新日期 is clicked", () => {
    const { last } = renderPanel({
      lastResult: makeLastResult(),
      options: { reportDate: D - 1, metric: "first" },
    });
    fireEvent.click(screen.getByRole("button", { name: "改用最新日期" }));
    expect(last()).toEqual({ metric: "first" });
    expect(screen.queryByTestId("vaccination-not-latest")).toBeNull();
    expect(screen.getByTestId("vaccination-target").textContent).toContain("“接种排名”");
  });

  it("removes reportDate when the latest date is chosen in the list", () => {
    const { last } = renderPanel({ lastResult: makeLastResult(), options: { reportDate: D - 1 } });
    fireEvent.change(screen.getByLabelText("报告日期"), { target: { value: "latest" } });
    expect(last()).toEqual({});
  });

  it("keeps a chosen date the last run did not list, so the list shows what will be sent", () => {
    renderPanel({ lastResult: makeLastResult(), options: { reportDate: D - 5 } });
    const select = screen.getByLabelText("报告日期") as HTMLSelectElement;
    expect(optionTexts(select)).toContain("2022年1月15日");
    expect(select.value).toBe(String(D - 5));
  });
});

describe("VaccinationPanel metric and groups", () => {
  it("sets metric to the chosen code, keeping the other options", () => {
    const { last } = renderPanel({ options: { reportDate: D - 1 } });
    fireEvent.change(screen.getByLabelText("排名指标"), { target: { value: "due" } });
    expect(last()).toEqual({ reportDate: D - 1, metric: "due" });
  });

  it("ticks every group of the last run by default", () => {
    renderPanel({ lastResult: makeLastResult() });
    const boxes = within(screen.getByTestId("vaccination-groups")).getAllByRole("checkbox");
    expect(boxes.map((b) => (b as HTMLInputElement).checked)).toEqual([true, true]);
    expect(screen.getByLabelText("18岁以上")).toBeTruthy();
    expect(screen.getByLabelText("60岁以上")).toBeTruthy();
  });

  it("sets groups to the ticked ones when a group is unticked", () => {
    const { last } = renderPanel({ lastResult: makeLastResult() });
    fireEvent.click(screen.getByLabelText("18岁以上"));
    expect(last()).toEqual({ groups: ["60岁以上"] });
  });

  it("removes groups when every group is ticked again", () => {
    const { last } = renderPanel({
      lastResult: makeLastResult(),
      options: { groups: ["60岁以上"] },
    });
    fireEvent.click(screen.getByLabelText("18岁以上"));
    expect(last()).toEqual({});
  });

  it("does not let the last ticked group be unticked", () => {
    renderPanel({ lastResult: makeLastResult(), options: { groups: ["60岁以上"] } });
    expect((screen.getByLabelText("60岁以上") as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText("18岁以上") as HTMLInputElement).disabled).toBe(false);
  });

  it("disables every choice while a command runs", () => {
    renderPanel({ lastResult: makeLastResult(), disabled: true });
    expect((screen.getByLabelText("报告日期") as HTMLSelectElement).disabled).toBe(true);
    expect((screen.getByLabelText("排名指标") as HTMLSelectElement).disabled).toBe(true);
    expect((screen.getByLabelText("18岁以上") as HTMLInputElement).disabled).toBe(true);
  });
});

describe("VaccinationPanel notice", () => {
  it("shows the run's Chinese notice in a read-only box", () => {
    const lastResult = makeLastResult();
    renderPanel({ lastResult });
    const data = lastResult.result.data as RankVaccinationData;
    expect(noticeBox().value).toBe(data.notice.text.zh);
    expect(noticeBox().value).toMatch(
      /^截至1月20日，18岁以上人群目标任务2,000人，第一剂已接种1,800人/
    );
    expect(noticeBox().readOnly).toBe(true);
  });

  it("shows the English notice when lang is en", () => {
    const lastResult = makeLastResult();
    renderPanel({ lastResult, lang: "en" });
    const data = lastResult.result.data as RankVaccinationData;
    expect(noticeBox().value).toBe(data.notice.text.en);
    expect(noticeBox().value).toMatch(/^As of 20 January/);
  });

  it("shows no notice for a result without data (a run that stopped on bad input)", () => {
    renderPanel({ lastResult: makeLastResult({ data: undefined }) });
    expect(screen.queryByTestId("vaccination-notice")).toBeNull();
    expect(optionTexts(screen.getByLabelText("报告日期"))).toEqual(["最新日期"]);
  });

  it("ignores the last result of another command", () => {
    renderPanel({ lastResult: { ...makeLastResult(), commandId: "reportStatus" } });
    expect(screen.queryByTestId("vaccination-notice")).toBeNull();
  });

  it("says so instead of an empty box when the notice has no paragraph", () => {
    const data = rankData();
    const empty = { ...data, notice: { paragraphs: [], text: { zh: "", en: "" } } };
    renderPanel({ lastResult: makeLastResult({ data: empty }) });
    expect(screen.queryByTestId("vaccination-notice")).toBeNull();
    expect(screen.getByTestId("vaccination-notice-empty").textContent).toBe(
      "所选人群没有可通报的内容。"
    );
  });

  it("says the notice is out of date when the metric changed after the run", () => {
    renderPanel({ lastResult: makeLastResult() });
    expect(screen.queryByTestId("vaccination-stale")).toBeNull();
    fireEvent.change(screen.getByLabelText("排名指标"), { target: { value: "first" } });
    expect(screen.getByTestId("vaccination-stale").textContent).toContain("再次点击“生成接种排名”");
  });

  it("says the notice is out of date when a group was unticked after the run", () => {
    renderPanel({ lastResult: makeLastResult() });
    fireEvent.click(screen.getByLabelText("60岁以上"));
    expect(screen.getByTestId("vaccination-stale")).toBeTruthy();
  });

  it("does not call the notice out of date when it was made with the chosen groups", () => {
    const lastResult = makeLastResult({ data: rankData({ groups: ["60岁以上"] }) });
    renderPanel({ lastResult, options: { groups: ["60岁以上"] } });
    expect(screen.queryByTestId("vaccination-stale")).toBeNull();
  });
});

describe("VaccinationPanel copy button", () => {
  it("writes the notice to the clipboard and says 已复制", async () => {
    const writeText = jest.fn(async () => undefined);
    stubClipboard({ writeText }, undefined);
    const lastResult = makeLastResult();
    renderPanel({ lastResult });
    await clickCopy();
    expect(writeText).toHaveBeenCalledWith(
      (lastResult.result.data as RankVaccinationData).notice.text.zh
    );
    expect(screen.getByTestId("copy-notice-status").textContent).toBe("已复制");
  });

  it("selects the whole box and runs the copy command when there is no Clipboard API", async () => {
    const execCommand = jest.fn(() => true);
    stubClipboard(undefined, execCommand);
    renderPanel({ lastResult: makeLastResult() });
    await clickCopy();
    expect(execCommand).toHaveBeenCalledWith("copy");
    expect(noticeBox().selectionStart).toBe(0);
    expect(noticeBox().selectionEnd).toBe(noticeBox().value.length);
    expect(screen.getByTestId("copy-notice-status").textContent).toBe("已复制");
  });

  it("falls back to the copy command when the Clipboard API refuses", async () => {
    const writeText = jest.fn(async () => {
      throw new Error("NotAllowedError: Write permission denied.");
    });
    const execCommand = jest.fn(() => true);
    stubClipboard({ writeText }, execCommand);
    renderPanel({ lastResult: makeLastResult() });
    await clickCopy();
    expect(execCommand).toHaveBeenCalledWith("copy");
    expect(screen.getByTestId("copy-notice-status").textContent).toBe("已复制");
  });

  it("tells the clerk to copy by hand when both ways fail", async () => {
    stubClipboard(
      undefined,
      jest.fn(() => false)
    );
    renderPanel({ lastResult: makeLastResult() });
    await clickCopy();
    expect(screen.getByTestId("copy-notice-status").textContent).toBe(
      "未能复制，请选中上方文字后按 Ctrl+C"
    );
  });

  it("says Copied in English when lang is en", async () => {
    stubClipboard({ writeText: jest.fn(async () => undefined) }, undefined);
    renderPanel({ lastResult: makeLastResult(), lang: "en" });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Copy notice" }));
    });
    expect(screen.getByTestId("copy-notice-status").textContent).toBe("Copied");
  });

  it("stays usable while a command runs", () => {
    renderPanel({ lastResult: makeLastResult(), disabled: true });
    expect(screen.getByRole("button", { name: "复制通报" }).hasAttribute("disabled")).toBe(false);
  });

  it("clears 已复制 when a new notice arrives", async () => {
    stubClipboard({ writeText: jest.fn(async () => undefined) }, undefined);
    const first = makeLastResult();
    const props = { lang: "zh" as const, options: {}, disabled: false, onOptionsChange: jest.fn() };
    const { rerender } = render(<VaccinationPanel {...props} lastResult={first} />);
    await clickCopy();
    expect(screen.getByTestId("copy-notice-status").textContent).toBe("已复制");
    const second = makeLastResult({ data: rankData({ groups: ["60岁以上"] }) });
    rerender(<VaccinationPanel {...props} lastResult={second} />);
    expect(screen.getByTestId("copy-notice-status").textContent).toBe("");
  });
});

describe("the 疫苗接种 section in the task pane", () => {
  it("runs 生成接种排名 with the panel's choices", async () => {
    const actions = makeActions();
    render(<App actions={actions} registry={[initWorkbook, rankVaccination]} />);
    const section = screen.getByTestId("section-vaccination");
    fireEvent.change(within(section).getByLabelText("排名指标"), { target: { value: "first" } });
    await act(async () => {
      fireEvent.click(within(section).getByRole("button", { name: "生成接种排名" }));
    });
    expect(actions.run.mock.calls[0][0]).toBe("rankVaccination");
    expect(actions.run.mock.calls[0][1]).toEqual({ metric: "first" });
  });

  it("shows the notice of the run in the section", async () => {
    const data = rankData();
    const actions = makeActions({ run: jest.fn(async () => makeSuccess({ data })) });
    render(<App actions={actions} registry={[initWorkbook, rankVaccination]} />);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "生成接种排名" }));
    });
    const section = screen.getByTestId("section-vaccination");
    const box = within(section).getByTestId("vaccination-notice") as HTMLTextAreaElement;
    expect(box.value).toBe(data.notice.text.zh);
  });
});
