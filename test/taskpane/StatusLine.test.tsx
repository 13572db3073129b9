/** @jest-environment jsdom */
import "./jsdomShims";
import { render, screen } from "@testing-library/react";
import { StatusLine, partialRows } from "../../src/taskpane/StatusLine";
import type { Lang } from "../../src/workbook/command";
import type { PartialWrite } from "../../src/workbook/host";
import { makeFailure } from "./fixtures";

const LABEL = { zh: "计算储备", en: "Compute stockpile" };
const PARTIAL: PartialWrite = { sheet: "物资储备", rows: 120, ofRows: 500 };

/** The status line's text after a failure with these written ops and partial block. */
function failureText(lang: Lang, writtenOps: number, partial?: PartialWrite): string {
  const outcome = makeFailure({ kind: "connectionLost", writtenOps, partial });
  render(<StatusLine status={{ kind: "finished", label: LABEL, outcome }} lang={lang} />);
  const status = screen.getByTestId("status");
  expect(status.getAttribute("data-state")).toBe("error");
  return status.textContent ?? "";
}

describe("StatusLine after a failure", () => {
  it("names the sheet and the rows of a block cut short after whole ops, in Chinese", () => {
    const text = failureText("zh", 4, PARTIAL);
    expect(text).toContain("出错前已执行 4 项写入操作");
    expect(text).toContain("“物资储备”表的下一块数据已写入前 120 行（共 500 行）");
    expect(text).not.toContain("工作簿未作任何改动");
  });

  it("names the sheet and the rows of a block cut short after whole ops, in English", () => {
    const text = failureText("en", 4, PARTIAL);
    expect(text).toContain("4 write operations had already been carried out");
    expect(text).toContain("the first 120 of 500 rows of the next block on sheet 物资储备");
    expect(text).toContain("run the command again. Also,");
    // The only Chinese left is the sheet's name.
    expect(text.replace("物资储备", "")).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it("reports the rows of a block cut short, not 'nothing changed', when no whole op came before it", () => {
    const zh = failureText("zh", 0, PARTIAL);
    expect(zh).toContain("出错前“物资储备”表的一块数据已写入前 120 行（共 500 行），其余未写入");
    expect(zh).not.toContain("工作簿未作任何改动");
    expect(zh).not.toContain("0 项");
  });

  it("says the English of the same case without a count of zero ops", () => {
    const en = failureText("en", 0, PARTIAL);
    expect(en).toContain("the first 120 of 500 rows of a block on sheet 物资储备 had been written");
    expect(en).not.toContain("Nothing in the workbook was changed");
    expect(en).not.toContain("0 write operations");
  });

  it("still says nothing was changed when neither an op nor a row was written", () => {
    expect(failureText("zh", 0)).toContain("工作簿未作任何改动");
  });

  it("says no more than the op count when no block was cut short", () => {
    const text = failureText("zh", 3);
    expect(text).toContain("出错前已执行 3 项写入操作");
    expect(text).not.toContain("行（共");
  });
});

describe("partialRows", () => {
  it.each([true, false])(
    "gives the same rows in both languages and different text (alone: %s)",
    (alone) => {
      const message = partialRows({ sheet: "接种排名", rows: 8, ofRows: 23 }, alone);
      for (const text of [message.zh, message.en]) {
        expect(text).toContain("接种排名");
        expect(text).toMatch(/\b8\b/);
        expect(text).toMatch(/\b23\b/);
      }
      expect(message.zh).not.toBe(message.en);
    }
  );
});
