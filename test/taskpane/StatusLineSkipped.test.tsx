/** @jest-environment jsdom */
import "./jsdomShims";
import { render, screen } from "@testing-library/react";
import { StatusLine } from "../../src/taskpane/StatusLine";
import type { ExecuteOutcome } from "../../src/workbook/execute";
import { makeSuccess } from "./fixtures";

const LABEL = { zh: "生成接种排名", en: "Rank vaccination" };
const SKIPPED = {
  zh: "已生成；此版本 Excel 不支持打印设置，请手动设置（“页面布局”选项卡：纸张方向、缩放、打印标题、页眉）：“接种排名”。",
  en: "Done; this version of Excel cannot set up printing (that needs ExcelApi 1.9), so set it by hand on the Page Layout tab (orientation, scaling, print titles, header) for “接种排名”.",
};

function statusAfter(outcome: ExecuteOutcome, lang: "zh" | "en") {
  render(<StatusLine status={{ kind: "finished", label: LABEL, outcome }} lang={lang} />);
  return screen.getByTestId("status");
}

describe("StatusLine when the host skipped what this Excel lacks", () => {
  it("says in Chinese that print set-up is to be done by hand, as a warning", () => {
    const outcome = makeSuccess({}, 12);
    outcome.report.skipped = [SKIPPED];
    const status = statusAfter(outcome, "zh");
    expect(status.getAttribute("data-state")).toBe("warning");
    expect(screen.getByTestId("skipped").textContent).toBe(SKIPPED.zh);
    expect(status.textContent).toContain("已完成计算");
  });

  it("says it in English when the pane is in English", () => {
    const outcome = makeSuccess();
    outcome.report.skipped = [SKIPPED];
    statusAfter(outcome, "en");
    expect(screen.getByTestId("skipped").textContent).toBe(SKIPPED.en);
  });

  it("stays a success with no skipped line when nothing was skipped", () => {
    const status = statusAfter(makeSuccess(), "zh");
    expect(status.getAttribute("data-state")).toBe("success");
    expect(screen.queryByTestId("skipped")).toBeNull();
  });
});
