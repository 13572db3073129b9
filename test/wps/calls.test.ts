/**
 * ET calls per command are constant in the number of rows: every command,
 * on the sample county with 10 and with 10,000 rows added to each input
 * table it reads, makes exactly as many ET calls (member reads, writes and method
 * calls, counted by the fake ET) at both sizes. No timing is measured.
 */
import { FakeEt } from "../../src/hosts/wps/fake/fakeEt";
import type { CellValue } from "../../src/workbook/cells";
import { COMMANDS } from "../../src/workbook/commands";
import { detectHeader } from "../../src/workbook/headers";
import { initWorkbook } from "../../src/workbook/init/initWorkbook";
import { PARAMS_TABLE } from "../../src/workbook/params";
import { sampleWorkbookSheets } from "../../src/workbook/sample/workbook";
import { CATALOGUE_TABLE } from "../../src/workbook/stockpile/specs";
import { INPUT_TABLES, RUN, runOk } from "../helpers/robustness";
import { RETURNEES_TABLE } from "../../src/workbook/isolation/specs";
import { wpsHostOn } from "./helpers";

jest.setTimeout(300_000);

const GROWN = INPUT_TABLES.filter((t) => t !== PARAMS_TABLE && t !== CATALOGUE_TABLE);

/**
 * The sample county with `extra` rows appended to every growing input table:
 * copies of its last data row. A copy is a duplicate record, held out as an
 * issue of that one unit, so every leader sheet has the same units and the
 * plan the same ops at every size (checked below); only the rows read and
 * the output columns written into the input tables grow.
 */
function grownSample(extra: number) {
  return sampleWorkbookSheets().map((sheet) => {
    const spec = GROWN.find((t) => t.sheet === sheet.name);
    if (!spec) return sheet;
    const header = detectHeader(spec, sheet.values as CellValue[][]);
    if (!header) throw new Error(`no header on ${sheet.name}`);
    const data = sheet.values.slice(header.headerRow).filter((r) => r.some((v) => v !== null));
    const values = [...sheet.values];
    const copy = [...data[data.length - 1]];
    // A returnee counts in the forecast whatever the duplicate: the copies arrived a year before, long released.
    const arrival = header.columns.get("arrival");
    if (spec === RETURNEES_TABLE && arrival !== undefined) copy[arrival - 1] = RUN.today - 400;
    for (let i = 0; i < extra; i++) values.push([...copy]);
    return { ...sheet, values };
  });
}

interface Measured {
  calls: number;
  /** The plan's op kinds, counted: the same at both sizes, or the comparison would be unfair. */
  ops: string;
}

async function callsPerCommand(rows: number): Promise<Map<string, Measured>> {
  const out = new Map<string, Measured>();
  for (const command of COMMANDS) {
    const et = new FakeEt(grownSample(rows));
    const host = wpsHostOn(et);
    if (command !== initWorkbook) await runOk(host, initWorkbook);
    et.resetStats();
    const outcome = await runOk(host, command);
    const kinds: Record<string, number> = {};
    for (const op of outcome.result.ops) kinds[op.kind] = (kinds[op.kind] ?? 0) + 1;
    out.set(command.id, { calls: et.stats.calls, ops: JSON.stringify(kinds) });
  }
  return out;
}

describe("ET calls per command", () => {
  let small: Map<string, Measured>;
  let large: Map<string, Measured>;

  beforeAll(async () => {
    small = await callsPerCommand(10);
    large = await callsPerCommand(10_000);
    // For the bench and the notes: the figures themselves.
    console.log(
      [...small]
        .map(
          ([id, m]) =>
            `${id}: ${m.calls} ET calls with 10 rows added, ${large.get(id)?.calls} with 10,000`
        )
        .join("\n")
    );
  });

  it.each(COMMANDS.map((c) => c.id))(
    "%s makes as many ET calls with 10,000 rows added as with 10",
    (id) => {
      expect(large.get(id)?.ops).toBe(small.get(id)?.ops);
      expect(small.get(id)?.calls).toBeGreaterThan(0);
      expect(large.get(id)?.calls).toBe(small.get(id)?.calls);
    }
  );
});
