/** @jest-environment jsdom */
import "../taskpane/jsdomShims";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { serialFromYmd } from "../../src/core/dates";
import { fakeIdNumber } from "../../src/core/privacy/idNumber";
import { App } from "../../src/taskpane/App";
import { IsolationPanel } from "../../src/taskpane/panels/IsolationPanel";
import type { SectionPanelProps } from "../../src/taskpane/sections";
import type { CommandResult, Lang } from "../../src/workbook/command";
import {
  planComputeIsolation,
  type IsolationBedsData,
  type IsolationTownshipFigure,
} from "../../src/workbook/isolation/computeIsolation";
import {
  planForecastIsolation,
  type ForecastTownshipFigure,
  type IsolationForecastData,
} from "../../src/workbook/isolation/forecastIsolation";
import { SAMPLE_REPORT_DATE } from "../../src/workbook/sample/county";
import { isolationSampleSheets } from "../../src/workbook/sample/isolation";
import { applyOps } from "../../src/workbook/applyOps";
import { makeActions, makeSuccess } from "../taskpane/fixtures";
import { REPORT_DATE, initialisedWorkbook, withSheet } from "./fixtures";

type LastResult = NonNullable<SectionPanelProps["lastResult"]>;

const JAN_18 = serialFromYmd(2022, 1, 18);
const JAN_22 = serialFromYmd(2022, 1, 22);
const JAN_24 = serialFromYmd(2022, 1, 24);

function makeTownship(overrides: Partial<IsolationTownshipFigure> = {}): IsolationTownshipFigure {
  return {
    row: 15,
    parent: null,
    township: "马场乡",
    population: 9_800,
    required: 20,
    total: 12,
    gap: 8,
    per10k: 12.2,
    rank: 18,
    status: "不足",
    ...overrides,
  };
}

function makeBedsData(overrides: Partial<IsolationBedsData> = {}): IsolationBedsData {
  const shortfalls = overrides.shortfalls ?? [makeTownship()];
  return {
    reportDate: REPORT_DATE,
    bedsPer10k: 20,
    unit: "张",
    tieRule: "并列占位",
    grouped: false,
    totals: {
      townships: 1,
      population: 9_800,
      required: 20,
      total: 12,
      gap: 8,
      per10k: 12.2,
      short: shortfalls.length,
    },
    groups: [],
    townships: shortfalls,
    shortfalls,
    pending: [],
    summaryText: "按每万人20张标准，1个乡镇应配床位20张；1个乡镇不足，共缺8张：马场乡（缺8张）。",
    ...overrides,
  };
}

function makeForecastTownship(
  overrides: Partial<ForecastTownshipFigure> = {}
): ForecastTownshipFigure {
  return {
    parent: null,
    township: "马场乡",
    capacity: 12,
    daily: [12, 12, 13],
    peak: 18,
    peakDate: JAN_24,
    firstExceed: JAN_22,
    status: "不足",
    ...overrides,
  };
}

function makeForecastData(overrides: Partial<IsolationForecastData> = {}): IsolationForecastData {
  const atRisk = overrides.atRisk ?? [makeForecastTownship()];
  return {
    reportDate: REPORT_DATE,
    dates: Array.from({ length: 21 }, (_, i) => REPORT_DATE + i),
    unit: "张",
    returnees: 60,
    centralized: 42,
    excluded: 0,
    county: {
      capacity: 1_309,
      daily: [28, 30, 29],
      peak: 33,
      peakDate: JAN_24,
      firstExceed: null,
      status: "充足",
    },
    townships: atRisk,
    atRisk,
    summaryText: "已登记返乡人员60人；未来21天有1个乡镇床位不足：马场乡（1月22日起）。",
    ...overrides,
  };
}

function lastResultOf(commandId: string, data: unknown): LastResult {
  const result: CommandResult = { ops: [], issues: [], summary: { zh: "完成", en: "Done" }, data };
  return { commandId, result };
}

interface PanelProps {
  lang?: Lang;
  options?: Record<string, unknown>;
  disabled?: boolean;
  lastResult?: LastResult;
}

function renderPanel({ lang = "zh", options = {}, disabled = false, lastResult }: PanelProps = {}) {
  const onOptionsChange = jest.fn<void, [Readonly<Record<string, unknown>>]>();
  const props = (p: PanelProps) => ({
    lang: p.lang ?? lang,
    options: p.options ?? options,
    disabled: p.disabled ?? disabled,
    lastResult: p.lastResult,
    onOptionsChange,
  });
  const view = render(<IsolationPanel {...props({ lastResult })} />);
  return {
    onOptionsChange,
    rerender: (next: PanelProps) => view.rerender(<IsolationPanel {...props(next)} />),
  };
}

const dateInput = () => screen.getByTestId("isolation-report-date") as HTMLInputElement;
/** 18 characters ending in a digit or X, or 11 digits, not inside a longer run. */
const FULL_ID = /(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])/i;
const FULL_PHONE = /(?<!\d)\d{11}(?!\d)/;

describe("IsolationPanel: the report date", () => {
  it("shows an empty date before one is chosen (the commands then use today)", () => {
    renderPanel();
    expect(dateInput().value).toBe("");
    expect(screen.getByText(/不选则为今天/)).toBeTruthy();
  });

  it("passes the chosen day as a serial date", () => {
    const { onOptionsChange } = renderPanel();
    fireEvent.change(dateInput(), { target: { value: "2022-01-18" } });
    expect(onOptionsChange).toHaveBeenLastCalledWith({ reportDate: JAN_18 });
  });

  it("keeps the section's other options when a date is chosen", () => {
    const { onOptionsChange } = renderPanel({ options: { other: 1 } });
    fireEvent.change(dateInput(), { target: { value: "2022-01-18" } });
    expect(onOptionsChange).toHaveBeenLastCalledWith({ other: 1, reportDate: JAN_18 });
  });

  it("shows the chosen date in the input", () => {
    renderPanel({ options: { reportDate: JAN_18 } });
    expect(dateInput().value).toBe("2022-01-18");
  });

  it("drops the date when 改为今天 is clicked", () => {
    const { onOptionsChange } = renderPanel({ options: { reportDate: JAN_18, other: 1 } });
    fireEvent.click(screen.getByRole("button", { name: "改为今天" }));
    expect(onOptionsChange).toHaveBeenLastCalledWith({ other: 1 });
  });

  it("offers no 改为今天 when no date is chosen", () => {
    renderPanel();
    expect(screen.queryByRole("button", { name: "改为今天" })).toBeNull();
  });

  it("drops the date when the input is cleared", () => {
    const { onOptionsChange } = renderPanel({ options: { reportDate: JAN_18 } });
    fireEvent.change(dateInput(), { target: { value: "" } });
    expect(onOptionsChange).toHaveBeenLastCalledWith({});
  });

  it("disables the date while a command runs", () => {
    renderPanel({ disabled: true });
    expect(dateInput().disabled).toBe(true);
  });
});

describe("IsolationPanel: after 计算隔离床位", () => {
  it("shows no result before any run", () => {
    renderPanel();
    expect(screen.queryByTestId("isolation-beds-result")).toBeNull();
    expect(screen.queryByTestId("isolation-forecast-result")).toBeNull();
  });

  it("lists each township short of beds with its gap", () => {
    const data = makeBedsData({
      shortfalls: [
        makeTownship({
          row: 7,
          parent: "康宁县",
          township: "龙泉镇",
          required: 81,
          total: 73,
          gap: 8,
        }),
        makeTownship({
          row: 5,
          parent: "平安县",
          township: "松林乡",
          required: 38,
          total: 30,
          gap: 8,
        }),
      ],
    });
    renderPanel({ lastResult: lastResultOf("computeIsolation", data) });
    expect(screen.getAllByTestId("isolation-shortfall").map((li) => li.textContent)).toEqual([
      "康宁县 龙泉镇 缺8张（应配81张，现有73张）",
      "平安县 松林乡 缺8张（应配38张，现有30张）",
    ]);
  });

  it("says every township meets the norm when none is short", () => {
    renderPanel({
      lastResult: lastResultOf(
        "computeIsolation",
        makeBedsData({ shortfalls: [], bedsPer10k: 40 })
      ),
    });
    expect(screen.getByTestId("isolation-all-met").textContent).toBe(
      "各乡镇均已达到每万人40张的标准。"
    );
    expect(screen.queryByTestId("isolation-shortfall")).toBeNull();
  });

  it("counts the townships whose figures need checking", () => {
    const pending = [
      makeTownship({ status: "待核实" }),
      makeTownship({ row: 9, status: "待核实" }),
    ];
    renderPanel({ lastResult: lastResultOf("computeIsolation", makeBedsData({ pending })) });
    expect(screen.getByTestId("isolation-pending").textContent).toContain("另有2个乡镇数据待核实");
  });

  it("uses the unit of 隔离床位计量单位", () => {
    const data = makeBedsData({ unit: "间" });
    renderPanel({ lastResult: lastResultOf("computeIsolation", data) });
    expect(screen.getByTestId("isolation-shortfall").textContent).toBe(
      "马场乡 缺8间（应配20间，现有12间）"
    );
  });

  it("shows the report date the command used", () => {
    renderPanel({ lastResult: lastResultOf("computeIsolation", makeBedsData()) });
    expect(
      within(screen.getByTestId("isolation-beds-result")).getByText("报告日期：2022年1月20日")
    ).toBeTruthy();
  });

  it("shows the summary sentence in a read-only box", () => {
    renderPanel({ lastResult: lastResultOf("computeIsolation", makeBedsData()) });
    const box = screen.getByTestId("isolation-beds-summary") as HTMLTextAreaElement;
    expect(box.value).toBe(makeBedsData().summaryText);
    expect(box.readOnly).toBe(true);
  });
});

describe("IsolationPanel: after 预测隔离需求", () => {
  it("lists the townships at risk with the first day demand exceeds capacity", () => {
    renderPanel({ lastResult: lastResultOf("forecastIsolation", makeForecastData()) });
    expect(screen.getAllByTestId("isolation-at-risk").map((li) => li.textContent)).toEqual([
      "马场乡 1月22日起超出（床位12张，峰值18人）",
    ]);
  });

  it("says 未登记床位 for a township whose capacity is unknown", () => {
    const atRisk = [makeForecastTownship({ township: "新村乡", capacity: null, peak: 2 })];
    renderPanel({ lastResult: lastResultOf("forecastIsolation", makeForecastData({ atRisk })) });
    expect(screen.getByTestId("isolation-at-risk").textContent).toBe(
      "新村乡 1月22日起超出（未登记床位，峰值2人）"
    );
  });

  it("says beds suffice for the window's days when no township is at risk", () => {
    const data = makeForecastData({
      atRisk: [],
      dates: Array.from({ length: 14 }, (_, i) => REPORT_DATE + i),
    });
    renderPanel({ lastResult: lastResultOf("forecastIsolation", data) });
    expect(screen.getByTestId("isolation-no-risk").textContent).toBe(
      "未来14天各乡镇床位均可满足。"
    );
  });

  it("shows the county's peak against its beds", () => {
    renderPanel({ lastResult: lastResultOf("forecastIsolation", makeForecastData()) });
    expect(screen.getByTestId("isolation-county").textContent).toBe(
      "全县：需求峰值33人（1月24日），床位合计1,309张。"
    );
  });

  it("shows the day the county as a whole runs short", () => {
    const base = makeForecastData();
    const data = makeForecastData({
      county: { ...base.county, firstExceed: JAN_22, status: "不足" },
    });
    renderPanel({ lastResult: lastResultOf("forecastIsolation", data) });
    expect(screen.getByTestId("isolation-county").textContent).toContain("1月22日起总量不足");
  });

  it("keeps the 计算隔离床位 result when 预测隔离需求 runs next", () => {
    const { rerender } = renderPanel({
      lastResult: lastResultOf("computeIsolation", makeBedsData()),
    });
    rerender({ lastResult: lastResultOf("forecastIsolation", makeForecastData()) });
    expect(screen.getByTestId("isolation-beds-result")).toBeTruthy();
    expect(screen.getByTestId("isolation-forecast-result")).toBeTruthy();
  });

  it("ignores a result whose data is not the isolation command's", () => {
    renderPanel({ lastResult: lastResultOf("forecastIsolation", { summaryLine: "应报单位35个" }) });
    expect(screen.queryByTestId("isolation-forecast-result")).toBeNull();
  });

  it("shows English with the unit word when lang is en", () => {
    renderPanel({
      lang: "en",
      lastResult: lastResultOf("forecastIsolation", makeForecastData({ unit: "间" })),
    });
    expect(screen.getByTestId("isolation-at-risk").textContent).toBe(
      "马场乡 from 2022-01-22 (12 rooms, peak 18)"
    );
    expect(screen.getByText("Report date")).toBeTruthy();
  });
});

describe("IsolationPanel: copying the summary", () => {
  const clipboard = Object.getOwnPropertyDescriptor(navigator, "clipboard");
  const execCommand = document.execCommand;
  afterEach(() => {
    if (clipboard) Object.defineProperty(navigator, "clipboard", clipboard);
    else delete (navigator as { clipboard?: unknown }).clipboard;
    document.execCommand = execCommand;
  });

  function setClipboard(writeText: ((text: string) => Promise<void>) | undefined) {
    Object.defineProperty(navigator, "clipboard", {
      value: writeText ? { writeText } : undefined,
      configurable: true,
    });
  }

  async function clickCopy() {
    await act(async () => {
      fireEvent.click(screen.getByTestId("isolation-forecast-summary-copy"));
    });
  }

  it("writes the summary to the clipboard and says 已复制", async () => {
    const writeText = jest.fn(async () => undefined);
    setClipboard(writeText);
    renderPanel({ lastResult: lastResultOf("forecastIsolation", makeForecastData()) });
    await clickCopy();
    expect(writeText).toHaveBeenCalledWith(makeForecastData().summaryText);
    expect(screen.getByTestId("isolation-forecast-summary-copy-status").textContent).toBe("已复制");
  });

  it("selects the box and copies with execCommand when there is no Clipboard API", async () => {
    setClipboard(undefined);
    const exec = jest.fn(() => true);
    document.execCommand = exec;
    renderPanel({ lastResult: lastResultOf("forecastIsolation", makeForecastData()) });
    await clickCopy();
    expect(exec).toHaveBeenCalledWith("copy");
    const box = screen.getByTestId("isolation-forecast-summary") as HTMLTextAreaElement;
    expect(box.selectionEnd - box.selectionStart).toBe(box.value.length);
    expect(screen.getByTestId("isolation-forecast-summary-copy-status").textContent).toBe("已复制");
  });

  it("falls back to execCommand when the Clipboard API refuses", async () => {
    setClipboard(async () => {
      throw new Error("NotAllowedError");
    });
    const exec = jest.fn(() => true);
    document.execCommand = exec;
    renderPanel({ lastResult: lastResultOf("forecastIsolation", makeForecastData()) });
    await clickCopy();
    expect(exec).toHaveBeenCalledWith("copy");
  });

  it("tells the clerk to copy by hand when both ways fail", async () => {
    setClipboard(undefined);
    document.execCommand = jest.fn(() => false);
    renderPanel({ lastResult: lastResultOf("forecastIsolation", makeForecastData()) });
    await clickCopy();
    expect(screen.getByTestId("isolation-forecast-summary-copy-status").textContent).toContain(
      "未能复制"
    );
  });
});

describe("IsolationPanel: personal data", () => {
  const id = fakeIdNumber({ birth: serialFromYmd(1990, 1, 1), sequence: 1 });

  it("masks an ID number that sits in a township name", () => {
    const atRisk = [makeForecastTownship({ township: id })];
    const data = makeForecastData({ atRisk, summaryText: `${id}（1月22日起）` });
    renderPanel({ lastResult: lastResultOf("forecastIsolation", data) });
    const text = screen.getByTestId("isolation-panel").textContent ?? "";
    expect(text).toContain(`9999**********${id.slice(-4)}`);
    expect(text).not.toMatch(FULL_ID);
    const box = screen.getByTestId("isolation-forecast-summary") as HTMLTextAreaElement;
    expect(box.value).not.toMatch(FULL_ID);
  });

  it("shows no name, full ID number or phone after both commands on the sample", () => {
    let snapshot = initialisedWorkbook();
    const sheets = isolationSampleSheets();
    for (const s of sheets) withSheet(snapshot, s.name, s.values);
    const input = () => ({
      snapshot,
      today: SAMPLE_REPORT_DATE,
      now: SAMPLE_REPORT_DATE + 0.5,
      lang: "zh" as const,
    });
    const beds = planComputeIsolation(input());
    snapshot = applyOps(snapshot, beds.ops);
    const forecast = planForecastIsolation(input());
    const { rerender } = renderPanel({
      lastResult: { commandId: "computeIsolation", result: beds },
    });
    rerender({ lastResult: { commandId: "forecastIsolation", result: forecast } });
    expect(screen.getAllByTestId("isolation-at-risk")).toHaveLength(1);
    const panel = screen.getByTestId("isolation-panel");
    const shown = [
      panel.textContent ?? "",
      ...Array.from(panel.querySelectorAll("textarea"), (t) => t.value),
    ].join("\n");
    expect(shown).not.toMatch(FULL_ID);
    expect(shown).not.toMatch(FULL_PHONE);
    const names = sheets[1].values.slice(2).map((r) => String(r[1]));
    expect(names.filter((n) => shown.includes(n))).toEqual([]);
  });
});

describe("the 隔离床位 section in the task pane", () => {
  it("offers 计算隔离床位 and 预测隔离需求 below the panel", () => {
    render(<App actions={makeActions()} />);
    const section = screen.getByTestId("section-isolation");
    expect(within(section).getByTestId("isolation-panel")).toBeTruthy();
    expect(within(section).getByRole("button", { name: "计算隔离床位" })).toBeTruthy();
    expect(within(section).getByRole("button", { name: "预测隔离需求" })).toBeTruthy();
  });

  it("runs 预测隔离需求 with the chosen report date and then lists the township at risk", async () => {
    const actions = makeActions();
    actions.run.mockImplementation(async () => makeSuccess({ data: makeForecastData() }));
    render(<App actions={actions} />);
    const section = screen.getByTestId("section-isolation");
    fireEvent.change(within(section).getByTestId("isolation-report-date"), {
      target: { value: "2022-01-18" },
    });
    await act(async () => {
      fireEvent.click(within(section).getByRole("button", { name: "预测隔离需求" }));
    });
    expect(actions.run.mock.calls[0][0]).toBe("forecastIsolation");
    expect(actions.run.mock.calls[0][1]).toEqual({ reportDate: JAN_18 });
    expect(within(section).getByTestId("isolation-at-risk").textContent).toContain("马场乡");
  });

  it("runs 计算隔离床位 with no report date when none is chosen", async () => {
    const actions = makeActions();
    actions.run.mockImplementation(async () => makeSuccess({ data: makeBedsData() }));
    render(<App actions={actions} />);
    const section = screen.getByTestId("section-isolation");
    await act(async () => {
      fireEvent.click(within(section).getByRole("button", { name: "计算隔离床位" }));
    });
    expect(actions.run.mock.calls[0][0]).toBe("computeIsolation");
    expect(actions.run.mock.calls[0][1]).toEqual({});
    expect(within(section).getByTestId("isolation-shortfall").textContent).toContain("马场乡");
  });
});
