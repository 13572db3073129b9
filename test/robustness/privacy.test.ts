/**
 * Privacy of the leader sheets: after every command has run on the sample
 * county, no cell of a sheet the add-in writes for others to read (the sheets
 * its commands clear and rewrite: 物资汇总, 隔离床位汇总, 隔离需求预测,
 * 接种排名…, 报送情况, and the fill-in templates 填报_…) holds a full
 * 18-digit ID number or an 11-digit mobile number.
 */
import type { CellValue } from "../../src/workbook/cells";
import { COMMANDS } from "../../src/workbook/commands";
import { initWorkbook } from "../../src/workbook/init/initWorkbook";
import { clearedSheets, runOk, sampleMemoryBook } from "../helpers/robustness";

jest.setTimeout(60_000);

const ID_NUMBER = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])/;
const MOBILE = /(?<![0-9])1[3-9][0-9]{9}(?![0-9])/;

/**
 * A cell as a leader reads it: text as it is, whole numbers in full (an ID or
 * a phone typed as a number). Fractions are shown through a number format
 * (0.0%, 0.0), so their raw digits never reach the page.
 */
function shown(value: CellValue): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isInteger(value)) return value.toFixed(0);
  return "";
}

function personalData(grid: readonly (readonly CellValue[])[]): string[] {
  return grid
    .flat()
    .map(shown)
    .filter((t) => ID_NUMBER.test(t) || MOBILE.test(t));
}

async function everyCommandRun() {
  const { book, host } = sampleMemoryBook();
  const leaders = new Set<string>();
  for (const command of [initWorkbook, ...COMMANDS.filter((c) => c !== initWorkbook)]) {
    const outcome = await runOk(host, command);
    for (const sheet of clearedSheets(outcome.result.ops)) leaders.add(sheet);
  }
  return { book, leaders };
}

describe("the leader sheets of the sample county", () => {
  it("hold no full ID number and no mobile number in any cell", async () => {
    const { book, leaders } = await everyCommandRun();
    expect([...leaders]).toEqual(
      expect.arrayContaining(["物资汇总", "隔离床位汇总", "隔离需求预测", "接种排名", "报送情况"])
    );
    let scanned = 0;
    const found: string[] = [];
    for (const sheet of leaders) {
      const values = book.values(sheet);
      const width = Math.max(0, ...values.map((r) => r.length));
      scanned += values.length * width;
      found.push(...personalData(values).map((t) => `${sheet}: ${t}`));
    }
    console.log(
      `privacy scan: ${scanned} cells of the ${leaders.size} sheets the commands rewrite (${[...leaders].join("、")})`
    );
    expect(scanned).toBeGreaterThan(1000);
    expect(found).toEqual([]);
  });

  it("are scanned with patterns that do find the ID and mobile numbers of the input sheets", async () => {
    const { book } = await everyCommandRun();
    // 返乡人员 lists returnees with their ID and mobile numbers, 填报单位 the contacts' mobiles.
    expect(personalData(book.values("返乡人员")).length).toBeGreaterThan(20);
    expect(personalData(book.values("填报单位")).length).toBeGreaterThan(5);
  });

  it.each([
    ["an ID number", "320102199001011234", true],
    ["an ID number ending in X", "32010219900101123X", true],
    ["a mobile number", "13812345678", true],
    ["a mobile number typed as a number", 13812345678, true],
    ["a masked mobile number", "138****5678", false],
    ["a masked ID number", "3201**********1234", false],
    ["a landline", "0512-66881234", false],
    ["a rate", 0.13812345678, false],
  ])("treats %s as personal data: %p → %p", (_what, value, expected) => {
    expect(personalData([[value]]).length > 0).toBe(expected);
  });
});
