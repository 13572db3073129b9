/**
 * 生成报送情况 through executeCommand on the memory host (the Office host on
 * the in-memory Excel), after 初始化工作簿: on the sample county and on a
 * workbook with nothing but 初始化工作簿's empty sheets. The sample's design
 * (src/workbook/reporting/sample.ts) gives the expected figures: on 2022-01-20,
 * 35 units due, 县交通运输局 (3 days), 马场乡 (2) and 白云乡 (1) missing,
 * 县商务局 and 青石镇 late, five zero reports, 县档案馆 not due daily.
 */
import { MemoryWorkbook } from "../../src/hosts/memory/memoryExcel";
import { createMemoryHost } from "../../src/hosts/memory/memoryHost";
import type { CellValue } from "../../src/workbook/cells";
import type { Command, Lang } from "../../src/workbook/command";
import { executeCommand, type ExecuteOutcome } from "../../src/workbook/execute";
import { initWorkbook } from "../../src/workbook/init/initWorkbook";
import { reportStatus, type ReportStatusData } from "../../src/workbook/reporting/reportStatus";
import { SAMPLE_REPORT_DATE } from "../../src/workbook/sample/county";
import { sampleUnits } from "../../src/workbook/reporting/sample";
import { sampleWorkbookSheets } from "../../src/workbook/sample/workbook";
import { importReturns } from "../../src/workbook/stockpile/import";
import { BAD_FILL, GOOD_FILL, HEADER_FILL, WARN_FILL } from "../../src/workbook/styles";
import { returnedTemplate, snapshotOfSheets } from "./returnedTemplate";
import { expectPrintSetUp } from "../hosts/excelApi";

const SHEET = "报送情况";
const DAY = SAMPLE_REPORT_DATE;

/** The preview's clock: the sample report date at 17:00, after the 10:00 deadline. */
function clock(lang: Lang = "zh", options?: Record<string, unknown>) {
  return { today: DAY, now: DAY + 17 / 24, lang, options };
}

/** Layout for 35 units: title 1, summary 2, header 3, units 4–38, a blank row, rates from 40. */
const FIRST_UNIT = 4;
const LAST_UNIT = 38;
const RATE_HEADER = 40;
const TOTAL = 45;

async function runOk(
  host: ReturnType<typeof createMemoryHost>,
  command: Command,
  run = clock()
): Promise<Extract<ExecuteOutcome, { ok: true }>> {
  const outcome = await executeCommand(host, command, run);
  if (!outcome.ok) throw new Error(`${command.id} failed: ${outcome.error.message.en}`);
  return outcome;
}

/** The sample county after 初始化工作簿, with the sync counter at zero. */
async function sampleBook() {
  const book = new MemoryWorkbook(sampleWorkbookSheets());
  const host = createMemoryHost(book);
  await runOk(host, initWorkbook);
  book.resetStats();
  return { book, host };
}

function column(book: MemoryWorkbook, letter: string, first = FIRST_UNIT, last = LAST_UNIT) {
  const c = letter.charCodeAt(0) - 65;
  return book
    .values(SHEET)
    .slice(first - 1, last)
    .map((row) => row[c] ?? null);
}

function cell(book: MemoryWorkbook, address: string): CellValue {
  const c = address.charCodeAt(0) - 65;
  const r = Number(address.slice(1)) - 1;
  return book.values(SHEET)[r]?.[c] ?? null;
}

function formula(book: MemoryWorkbook, address: string): CellValue {
  const c = address.charCodeAt(0) - 65;
  const r = Number(address.slice(1)) - 1;
  return book.formulas(SHEET)[r]?.[c] ?? null;
}

/** The text rule of a conditional format for `text`. */
function textRule(rules: ReturnType<MemoryWorkbook["conditionalFormats"]>, text: string) {
  return rules.find(
    (r): r is Extract<typeof r, { type: "containsText" }> =>
      r.type === "containsText" && r.text === text
  );
}

/** "11/12" → 11 ÷ 12. */
function fraction(text: string): number {
  const [a, b] = text.split("/").map(Number);
  return a / b;
}

/** Roster name → [contact, phone] as typed in 填报单位 (title row, header row, then units). */
function rosterContacts(book: MemoryWorkbook): Map<string, [string, string]> {
  return new Map(
    book
      .values("填报单位")
      .slice(2)
      .map((r) => [String(r[0]), [String(r[3]), String(r[4])]])
  );
}

describe("生成报送情况 on the memory host with the sample county", () => {
  let book: MemoryWorkbook;
  let first: Extract<ExecuteOutcome, { ok: true }>;

  beforeAll(async () => {
    const sample = await sampleBook();
    book = sample.book;
    first = await runOk(sample.host, reportStatus);
  });

  it("writes the dated title in A1, merged and bold across the table", () => {
    expect(cell(book, "A1")).toBe("截至2022年1月20日防疫日报告报送情况");
    expect(book.cellFormat(SHEET, "A1")).toMatchObject({ merged: true, bold: true });
    expect(book.cellFormat(SHEET, "J1").merged).toBe(true);
  });

  it("writes the one-line summary in A2 as the issue's official style, merged and wrapped", () => {
    expect(cell(book, "A2")).toBe(
      "截至1月20日17时，应报单位35个，已报32个（其中零报告5个），未报3个：县交通运输局、马场乡、白云乡；迟报2个。"
    );
    expect(book.cellFormat(SHEET, "A2")).toMatchObject({ merged: true, wrap: true });
  });

  it("returns the same summary in the result's data for the task pane's copy button", () => {
    const data = first.result.data as ReportStatusData;
    expect(data.summary.zh).toBe(cell(book, "A2"));
    expect(data.missing).toEqual(["县交通运输局", "马场乡", "白云乡"]);
    expect(data.late).toEqual(["县商务局", "青石镇"]);
  });

  it("writes the header in row 3", () => {
    expect(book.values(SHEET)[2]).toEqual([
      "序号",
      "单位",
      "单位类别",
      "上级",
      "报送情况",
      "报送时间",
      "是否按时",
      "连续未报天数",
      "联系人",
      "联系电话",
    ]);
  });

  it("lists the 未报 units first, most days missing first, then 迟报, then the rest in roster order", () => {
    const first5 = ["县交通运输局", "马场乡", "白云乡", "县商务局", "青石镇"];
    const rest = sampleUnits()
      .filter((u) => u.daily === "是" && !first5.includes(u.name))
      .map((u) => u.name);
    expect(column(book, "B")).toEqual([...first5, ...rest]);
    expect(column(book, "A")).toEqual(Array.from({ length: 35 }, (_, i) => i + 1));
  });

  it("marks the three missing units 未报 with their days in a row and no time", () => {
    const rows = book.values(SHEET).slice(FIRST_UNIT - 1, FIRST_UNIT + 2);
    expect(rows.map((r) => [r[1], r[4], r[5], r[6], r[7]])).toEqual([
      ["县交通运输局", "未报", null, null, 3],
      ["马场乡", "未报", null, null, 2],
      ["白云乡", "未报", null, null, 1],
    ]);
  });

  it("marks the two late units 已报 and 迟报 with their time received", () => {
    const rows = book.values(SHEET).slice(FIRST_UNIT + 2, FIRST_UNIT + 4);
    expect(rows.map((r) => [r[1], r[4], r[6], r[5]])).toEqual([
      ["县商务局", "已报", "迟报", DAY + (10 * 60 + 25) / 1440],
      ["青石镇", "已报", "迟报", DAY + (11 * 60 + 40) / 1440],
    ]);
  });

  it("counts 红旗镇, received exactly at 10:00, as 按时", () => {
    const row = book.values(SHEET).find((r) => r[1] === "红旗镇");
    expect([row?.[4], row?.[6], row?.[5]]).toEqual(["已报", "按时", DAY + 10 / 24]);
  });

  it("shows the zero reports as 零报告", () => {
    const zero = book
      .values(SHEET)
      .filter((r) => r[4] === "零报告")
      .map((r) => r[1]);
    expect(zero).toEqual(["县民政局", "县住建局", "县农业农村局", "石桥乡", "望江乡"]);
  });

  it("shows each unit's contact with only the family name and the phone masked as 139****1234", () => {
    const roster = rosterContacts(book);
    const rows = book.values(SHEET).slice(FIRST_UNIT - 1, LAST_UNIT);
    for (const r of rows) {
      const [contact, phone] = roster.get(String(r[1])) ?? ["", ""];
      expect([r[1], r[8], r[9]]).toEqual([
        r[1],
        `${[...contact][0]}${"*".repeat([...contact].length - 1)}`,
        `${phone.slice(0, 3)}****${phone.slice(-4)}`,
      ]);
    }
  });

  it("shows no full phone number of the roster anywhere on the sheet", () => {
    const phones = [...rosterContacts(book).values()].map(([, phone]) => phone);
    const text = book.values(SHEET).flat().map(String);
    expect(phones.filter((p) => text.some((t) => t.includes(p)))).toEqual([]);
  });

  it("formats 序号 and days as whole numbers, 报送时间 as date and time and phones as text", () => {
    const formats = book.numberFormats(SHEET)[FIRST_UNIT - 1];
    expect([formats[0], formats[5], formats[7], formats[9]]).toEqual([
      "0",
      "mm-dd hh:mm",
      "0",
      "@",
    ]);
    expect(book.numberFormats(SHEET)[LAST_UNIT - 1][5]).toBe("mm-dd hh:mm");
  });

  it("writes the rates header under the units after one blank row", () => {
    expect(book.values(SHEET)[RATE_HEADER - 2].every((v) => v === null)).toBe(true);
    expect(book.values(SHEET)[RATE_HEADER - 1].slice(1)).toEqual([
      "单位类别",
      "报告率",
      "及时率",
      "应报",
      "已报",
      "其中零报告",
      "未报",
      "迟报",
      "按时",
    ]);
  });

  // Counts from the sample's design: 12 departments due (县档案馆 is not), 18
  // townships, 4 clinics; 及时率 = on time ÷ expected.
  it.each([
    [41, "县应急物资储备库", [1, 1, 0, 0, 0, 1], "1/1", "1/1"],
    [42, "县直部门", [12, 11, 3, 1, 1, 10], "11/12", "10/12"],
    [43, "乡镇", [18, 16, 2, 2, 1, 15], "16/18", "15/18"],
    [44, "医疗机构", [4, 4, 0, 0, 0, 4], "4/4", "4/4"],
  ])(
    "writes row %i for %s: counts %j, 报告率 %s and 及时率 %s as live formulas",
    (row, category, counts, report, timely) => {
      expect(cell(book, `B${row}`)).toBe(category);
      expect(book.values(SHEET)[row - 1].slice(4, 10)).toEqual(counts);
      expect([formula(book, `C${row}`), formula(book, `D${row}`)]).toEqual([
        `=IF(E${row}=0,"",F${row}/E${row})`,
        `=IF(E${row}=0,"",J${row}/E${row})`,
      ]);
      expect(cell(book, `C${row}`)).toBeCloseTo(fraction(report), 12);
      expect(cell(book, `D${row}`)).toBeCloseTo(fraction(timely), 12);
    }
  );

  it("sums the categories in the 合计 row and rates it 32/35 reported and 30/35 on time", () => {
    expect(cell(book, `B${TOTAL}`)).toBe("合计");
    expect(["E", "F", "G", "H", "I", "J"].map((c) => formula(book, `${c}${TOTAL}`))).toEqual(
      ["E", "F", "G", "H", "I", "J"].map((c) => `=SUM(${c}41:${c}44)`)
    );
    expect(book.values(SHEET)[TOTAL - 1].slice(4, 10)).toEqual([35, 32, 5, 3, 2, 30]);
    expect(cell(book, `C${TOTAL}`)).toBeCloseTo(32 / 35, 12);
    expect(cell(book, `D${TOTAL}`)).toBeCloseTo(30 / 35, 12);
    expect(book.cellFormat(SHEET, `B${TOTAL}`).bold).toBe(true);
  });

  it("formats the rates as percentages with one decimal and the counts as whole numbers", () => {
    const formats = book.numberFormats(SHEET)[TOTAL - 1];
    expect(formats.slice(2, 10)).toEqual(["0.0%", "0.0%", "0", "0", "0", "0", "0", "0"]);
  });

  it("notes the 10:00 deadline under the rates", () => {
    expect(String(cell(book, `B${TOTAL + 1}`))).toContain("报送截止时间10:00，恰好10:00报送为按时");
  });

  it("lists 县档案馆, not due daily, below the rates and not among the units", () => {
    expect(column(book, "B")).not.toContain("县档案馆");
    const rows = book.values(SHEET).slice(TOTAL + 1);
    expect(rows.find((r) => r[1] === "县档案馆")?.slice(1, 4)).toEqual([
      "县档案馆",
      "县直部门",
      "“是否需每日报送”为否",
    ]);
  });

  it("colours 报送情况 red for 未报 and green for 已报 and 零报告", () => {
    const rules = book
      .conditionalFormats(SHEET)
      .filter((r) => r.range === `E${FIRST_UNIT}:E${LAST_UNIT}`);
    expect(rules.map((r) => (r.type === "containsText" ? [r.text, r.fill] : r.type))).toEqual([
      ["未报", BAD_FILL],
      ["已报", GOOD_FILL],
      ["零报告", GOOD_FILL],
    ]);
  });

  it("colours 是否按时 amber for 迟报", () => {
    const rules = book
      .conditionalFormats(SHEET)
      .filter((r) => r.range === `G${FIRST_UNIT}:G${LAST_UNIT}`);
    expect(textRule(rules, "迟报")?.fill).toBe(WARN_FILL);
  });

  it("colours the rates against 达标线 (100%) and 预警线 (80%) from 参数", () => {
    const rules = book.conditionalFormats(SHEET).filter((r) => r.range === `C41:D${TOTAL}`);
    expect(
      rules.map((r) =>
        r.type === "cellValue" ? [r.operator, r.formula1, r.formula2 ?? null, r.fill] : null
      )
    ).toEqual([
      ["GreaterThanOrEqual", "1", null, GOOD_FILL],
      ["Between", "0.8", "1", WARN_FILL],
      ["LessThan", "0.8", null, BAD_FILL],
    ]);
  });

  it("charts 报告率 and 及时率 by category from the rates table", () => {
    expect(book.charts(SHEET).map((c) => [c.name, c.source, c.title])).toEqual([
      ["报送情况_报告率", `B${RATE_HEADER}:D44`, "各类单位报告率、及时率"],
    ]);
  });

  it("sets the page up for printing: landscape, one page wide, rows 1 to 3 on every page", () => {
    expectPrintSetUp(book, SHEET, {
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1 },
      printTitleRows: "$1:$3",
    });
  });

  it("gives the header cells the header fill and borders, and the unit rows borders", () => {
    expect(book.cellFormat(SHEET, "B3")).toMatchObject({
      bold: true,
      border: true,
      fill: HEADER_FILL,
    });
    expect(book.cellFormat(SHEET, `J${LAST_UNIT}`).border).toBe(true);
  });

  it("reads in one sync and writes in one sync", () => {
    expect(first.readSyncs).toBe(1);
    expect(first.report.syncs).toBe(1);
    expect(book.stats.syncs).toBe(2);
  });

  it("names the duplicate report of 城关镇 as its only issue, on 报送记录", () => {
    expect(first.result.issues.map((i) => [i.code, i.sheet])).toEqual([
      ["duplicateReport", "报送记录"],
    ]);
  });
});

describe("生成报送情况 run again on the memory host", () => {
  it("changes no value, formula, format, rule or chart, and sends no write", async () => {
    const { book, host } = await sampleBook();
    await runOk(host, reportStatus);
    const before = {
      values: book.values(SHEET),
      formulas: book.formulas(SHEET),
      formats: book.numberFormats(SHEET),
      rules: book.conditionalFormats(SHEET),
      charts: book.charts(SHEET),
      page: book.pageLayout(SHEET),
    };
    book.resetStats();
    const second = await runOk(host, reportStatus);
    expect(second.result.ops).toEqual([]);
    expect(second.report.syncs).toBe(0);
    expect(second.readSyncs).toBe(1);
    expect(book.stats.syncs).toBe(1);
    expect({
      values: book.values(SHEET),
      formulas: book.formulas(SHEET),
      formats: book.numberFormats(SHEET),
      rules: book.conditionalFormats(SHEET),
      charts: book.charts(SHEET),
      page: book.pageLayout(SHEET),
    }).toEqual(before);
  });

  it("leaves the input sheets 填报单位 and 报送记录 as they were", async () => {
    const { book, host } = await sampleBook();
    const before = [book.formulas("填报单位"), book.formulas("报送记录")];
    await runOk(host, reportStatus);
    expect([book.formulas("填报单位"), book.formulas("报送记录")]).toEqual(before);
  });
});

describe("生成报送情况 with options and other clocks", () => {
  it("reports on the chosen day: on 1月19日 县交通运输局 (2 days) and 马场乡 (1) were missing", async () => {
    const { book, host } = await sampleBook();
    await runOk(host, reportStatus, clock("zh", { reportDate: DAY - 1 }));
    expect(cell(book, "A1")).toBe("截至2022年1月19日防疫日报告报送情况");
    const missing = book
      .values(SHEET)
      .filter((r) => r[4] === "未报")
      .map((r) => [r[1], r[7]]);
    expect(missing).toEqual([
      ["县交通运输局", 2],
      ["马场乡", 1],
    ]);
  });

  it("writes the English summary under the Chinese one when the pane is in English", async () => {
    const { book, host } = await sampleBook();
    await runOk(host, reportStatus, clock("en"));
    const summary = String(cell(book, "A2"));
    expect(summary.split("\n")).toEqual([
      "截至1月20日17时，应报单位35个，已报32个（其中零报告5个），未报3个：县交通运输局、马场乡、白云乡；迟报2个。",
      expect.stringContaining("35 units were due to report"),
    ]);
  });
});

describe("生成报送情况 after 初始化工作簿 on an empty workbook", () => {
  it("writes the sheet with no unit, a 合计 row of zeros and blank rates, and says no unit was due", async () => {
    const book = new MemoryWorkbook();
    const host = createMemoryHost(book);
    await runOk(host, initWorkbook);
    book.resetStats();
    const outcome = await runOk(host, reportStatus);
    expect(outcome.result.issues).toEqual([]);
    expect(cell(book, "A2")).toBe("截至1月20日17时，无应报单位。");
    expect(book.values(SHEET)[4].slice(1)).toEqual([
      "单位类别",
      "报告率",
      "及时率",
      "应报",
      "已报",
      "其中零报告",
      "未报",
      "迟报",
      "按时",
    ]);
    expect(book.values(SHEET)[5].slice(1)).toEqual(["合计", "", "", 0, 0, 0, 0, 0, 0]);
    expect(formula(book, "C6")).toBe('=IF(E6=0,"",F6/E6)');
    expect(book.charts(SHEET)).toEqual([]);
    expect([outcome.readSyncs, outcome.report.syncs]).toEqual([1, 1]);
  });
});

describe("生成报送情况 after a returned supply template is imported", () => {
  async function importFor(unit: string) {
    const { book, host } = await sampleBook();
    await runOk(host, reportStatus);
    const snapshot = snapshotOfSheets(
      book.sheetNames().map((name) => ({ name, values: book.values(name) }))
    );
    const returns = [returnedTemplate(snapshot, unit)];
    await runOk(host, importReturns, clock("zh", { returns, confirm: true }));
    const again = await runOk(host, reportStatus);
    return { book, again };
  }

  it("shows 县交通运输局 as 已报, late since the import came at 17:00", async () => {
    const { book } = await importFor("县交通运输局");
    const row = book.values(SHEET).find((r) => r[1] === "县交通运输局");
    expect([row?.[4], row?.[6], row?.[5], row?.[7]]).toEqual(["已报", "迟报", DAY + 17 / 24, 0]);
  });

  it("moves 县交通运输局 from the 未报 group to the 迟报 group and updates the summary", async () => {
    const { book, again } = await importFor("县交通运输局");
    expect(column(book, "B").slice(0, 5)).toEqual([
      "马场乡",
      "白云乡",
      "县交通运输局",
      "县商务局",
      "青石镇",
    ]);
    expect(cell(book, "A2")).toBe(
      "截至1月20日17时，应报单位35个，已报33个（其中零报告5个），未报2个：马场乡、白云乡；迟报3个。"
    );
    expect((again.result.data as ReportStatusData).missing).toEqual(["马场乡", "白云乡"]);
  });
});
