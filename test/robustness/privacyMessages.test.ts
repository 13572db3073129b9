/**
 * No message quotes a full mobile or ID number: on the sample county with
 * phones and ID numbers typed into every text column of every input table
 * (`张三13812345678` as a township, an ID as a unit, a phone as a date or a
 * count, a footer's 联系电话) and given as option values, every command's
 * issues, option issues, summary and `--json` data are scanned.
 */
import { sampleWorkbookSheets } from "../../src/workbook/sample/workbook";
import { MemoryWorkbook } from "../../src/hosts/memory/memoryExcel";
import { createMemoryHost } from "../../src/hosts/memory/memoryHost";
import type { CellValue } from "../../src/workbook/cells";
import { COMMANDS } from "../../src/workbook/commands";
import { executeCommand } from "../../src/workbook/execute";
import { detectHeader } from "../../src/workbook/headers";
import { INPUT_TABLES, optionsFor } from "../helpers/robustness";

jest.setTimeout(60_000);

const ID_NUMBER = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])/;
const MOBILE = /(?<![0-9])1[3-9][0-9]{9}(?![0-9])/;
const MOBILE_GROUPED = /(?<![0-9])1[3-9][0-9][-\s][0-9]{4}[-\s][0-9]{4}(?![0-9])/;
const PHONE = "13812345678";
const ID = "320102199001011234";

/** The sample with personal numbers planted in the first data rows of every input table. */
function hostileSheets() {
  const sheets = sampleWorkbookSheets().map((s) => ({ ...s, values: s.values.map((r) => [...r]) }));
  let planted = 0;
  for (const spec of INPUT_TABLES) {
    const sheet = sheets.find((s) => s.name === spec.sheet);
    const header = sheet && detectHeader(spec, sheet.values as CellValue[][]);
    if (!sheet || !header) continue;
    const hostile = [`张三${PHONE}`, ID, PHONE, `138-1234-5678`, `${ID}号`, `联系人${PHONE}`];
    let k = 0;
    for (const col of spec.columns) {
      const column = header.columns.get(col.key);
      if (column === undefined || col.role !== "input") continue;
      const row = header.headerRow + 1 + (k % 3);
      sheet.values[row - 1][column - 1] = hostile[k % hostile.length];
      k += 1;
      planted += 1;
    }
    sheet.values.push([`联系电话：${PHONE}`, `身份证号：${ID}`]);
  }
  return { sheets, planted };
}

function personal(text: string): string[] {
  return [ID_NUMBER, MOBILE, MOBILE_GROUPED].flatMap((re) => {
    const m = re.exec(text);
    return m ? [m[0]] : [];
  });
}

describe("every message of every command on hostile inputs", () => {
  it("quotes no full mobile or ID number, in issues, summaries or --json data", async () => {
    const { sheets, planted } = hostileSheets();
    expect(planted).toBeGreaterThan(30);
    const host = createMemoryHost(new MemoryWorkbook(sheets));
    const found: string[] = [];
    let messages = 0;
    for (const command of COMMANDS) {
      for (const options of [
        optionsFor(command),
        {
          ...optionsFor(command),
          options: {
            ...optionsFor(command).options,
            reportDate: PHONE,
            units: [ID],
            groups: [PHONE],
          },
        },
      ]) {
        const outcome = await executeCommand(host, command, options);
        const said = outcome.ok
          ? {
              summary: outcome.result.summary,
              issues: outcome.result.issues,
              optionIssues: outcome.result.optionIssues ?? [],
              data: outcome.result.data ?? null,
            }
          : { error: outcome.error.message };
        if (outcome.ok) messages += outcome.result.issues.length + 1;
        const text = JSON.stringify(said);
        found.push(...personal(text).map((p) => `${command.id}: ${p}`));
      }
    }
    // The planted numbers do reach messages (masked), so the scan looks where they are.
    expect(messages).toBeGreaterThan(50);
    expect(found).toEqual([]);
  });

  it("would find what it looks for", () => {
    expect(personal(`“张三${PHONE}”不在名单中`)).toEqual([PHONE]);
    expect(personal(`ID ${ID}`)).toEqual([ID]);
    expect(personal("138-1234-5678")).toEqual(["138-1234-5678"]);
    expect(personal("138****5678 3201**********1234")).toEqual([]);
  });
});
