import { fakeIdNumber } from "../../src/core/privacy/idNumber";
import { serialFromYmd } from "../../src/core/dates";
import {
  planForecastIsolation,
  type IsolationForecastData,
} from "../../src/workbook/isolation/forecastIsolation";
import { maskPersonalMessage, maskPersonalText } from "../../src/workbook/isolation/privacy";
import type { CellValue } from "../../src/workbook/cells";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";
import { applyOps } from "../../src/workbook/applyOps";
import {
  allText,
  bedGrid,
  bedRow,
  commandInput,
  initialisedWorkbook,
  returneeGrid,
  returneeRow,
  withSheet,
} from "./fixtures";

/** A fake ID number (region 999999) born 1990-01-01, sequence 1. */
const ID = fakeIdNumber({ birth: serialFromYmd(1990, 1, 1), sequence: 1 });
/** A fake ID number whose check character is X. */
const ID_X = fakeIdNumber({ birth: serialFromYmd(1990, 1, 1), sequence: 1 + 17 });
const PHONE = "10012345678";
const FULL_ID = /(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])/i;
const FULL_PHONE = /(?<!\d)\d{11}(?!\d)/;

describe("maskPersonalText", () => {
  it.each([
    [
      "an ID number inside quotes",
      `乡镇“${ID}”不在表中`,
      `乡镇“9999**********${ID.slice(-4)}”不在表中`,
    ],
    ["a mobile number", `“13812345678”不是有效值`, "“138****5678”不是有效值"],
    ["an 11-digit number not starting with 1", "05126688123", "*******8123"],
    ["a retired 15-digit ID number", "999999900101001", "9999*******1001"],
    ["an ID number alone", ID, `9999**********${ID.slice(-4)}`],
  ])("masks %s", (_case, text, expected) => {
    expect(maskPersonalText(text)).toBe(expected);
  });

  it("masks an ID number whose check character is a lower-case x", () => {
    expect(ID_X.endsWith("X")).toBe(true);
    const lower = ID_X.toLowerCase();
    expect(maskPersonalText(lower)).toBe(`9999**********${lower.slice(-4)}`);
  });

  it("masks an ID number typed with full-width digits", () => {
    const fullWidth = ID.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    expect(maskPersonalText(fullWidth)).toBe(`9999**********${ID.slice(-4)}`);
  });

  it.each([
    ["a township name", "马场乡"],
    ["a count with grouping", "1,309张"],
    ["a 10-digit number", "1234567890"],
    ["a 12-digit number", "123456789012"],
    ["a 16-digit number", "1234567890123456"],
    ["an empty text", ""],
  ])("leaves %s unchanged", (_case, text) => {
    expect(maskPersonalText(text)).toBe(text);
  });
});

describe("maskPersonalMessage", () => {
  it("returns the same object when neither language holds personal data", () => {
    const message = { zh: "请填写", en: "Fill it in" };
    expect(maskPersonalMessage(message)).toBe(message);
  });

  it("masks both languages", () => {
    expect(maskPersonalMessage({ zh: `“${PHONE}”`, en: `"${PHONE}"` })).toEqual({
      zh: "“100****5678”",
      en: '"100****5678"',
    });
  });
});

/** 城关镇 is the only township of 隔离床位; the returnee rows vary. */
function workbook(rows: CellValue[][]): WorkbookSnapshot {
  return withSheet(
    withSheet(
      initialisedWorkbook(),
      "隔离床位",
      bedGrid([bedRow({ township: "城关镇", population: 10_000, existing: 100 })])
    ),
    "返乡人员",
    returneeGrid(rows)
  );
}

function forecast(rows: CellValue[][]) {
  const snapshot = workbook(rows);
  const result = planForecastIsolation(commandInput(snapshot));
  return { result, after: applyOps(snapshot, result.ops) };
}

describe("预测隔离需求 with personal data in the wrong column", () => {
  it("masks an ID number pasted into 乡镇 in the issue, the data and 隔离需求预测", () => {
    const { result, after } = forecast([returneeRow({ township: ID })]);
    const issue = result.issues.find((i) => i.code === "townshipNotInBeds");
    expect(issue?.cell).toBe("D3");
    expect(issue?.message.zh).toContain(`9999**********${ID.slice(-4)}`);
    const data = result.data as IsolationForecastData;
    expect(data.townships.map((t) => t.township)).toContain(`9999**********${ID.slice(-4)}`);
    const shown = [
      ...allText(after, "隔离需求预测"),
      ...result.issues.flatMap((i) => [i.message.zh, i.message.en]),
      result.summary.zh,
      result.summary.en,
      JSON.stringify(result.data),
    ];
    expect(shown.filter((t) => FULL_ID.test(t))).toEqual([]);
  });

  it("masks a phone number pasted into 来源地风险等级 in the issue", () => {
    const { result } = forecast([returneeRow({ risk: PHONE })]);
    const issue = result.issues.find((i) => i.cell === "E3");
    expect(issue?.message.zh).toContain("100****5678");
    expect(issue?.message.zh).not.toMatch(FULL_PHONE);
    expect(issue?.message.en).not.toMatch(FULL_PHONE);
  });

  it("masks an ID number pasted into 抵达日期 in the issue", () => {
    const { result } = forecast([returneeRow({ arrival: ID })]);
    const issue = result.issues.find((i) => i.cell === "F3");
    expect(issue?.message.zh).toContain(`9999**********${ID.slice(-4)}`);
    expect(issue?.message.zh).not.toMatch(FULL_ID);
  });

  it("masks a phone number pasted into 隔离方式 in the issue", () => {
    const { result } = forecast([returneeRow({ method: PHONE })]);
    const issue = result.issues.find((i) => i.cell === "G3");
    expect(issue?.message.zh).toContain("100****5678");
  });

  it("still reports the township as absent from 隔离床位 when it is masked", () => {
    const { result } = forecast([returneeRow({ township: PHONE })]);
    expect(result.issues.map((i) => `${i.cell} ${i.code}`)).toContain("D3 townshipNotInBeds");
  });

  it("keeps a township that is not personal data as typed", () => {
    const { result } = forecast([returneeRow({ township: "城关镇" })]);
    const data = result.data as IsolationForecastData;
    expect(data.townships.map((t) => t.township)).toEqual(["城关镇"]);
    expect(result.issues).toEqual([]);
  });
});
