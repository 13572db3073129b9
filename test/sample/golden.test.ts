/**
 * The sample county's computed workbook, cell by cell with styles, on the
 * memory and .xlsx hosts, against the golden taken before the refactor of
 * issue 17 (test/sample/golden.json). `UPDATE_GOLDEN=1` rewrites the golden:
 * only for a change of behaviour that is meant, named in the commit.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { memoryDump, xlsxDump, type BookDump } from "./golden";

const FILE = path.join(__dirname, "golden.json");

describe("the sample's computed workbook", () => {
  let golden: { memory: BookDump; xlsx: BookDump };
  let now: { memory: BookDump; xlsx: BookDump };

  beforeAll(async () => {
    now = { memory: await memoryDump(), xlsx: await xlsxDump() };
    if (process.env.UPDATE_GOLDEN === "1" || !existsSync(FILE))
      writeFileSync(FILE, `${JSON.stringify(now)}\n`);
    golden = JSON.parse(readFileSync(FILE, "utf8")) as typeof golden;
  }, 120_000);

  it.each(["memory", "xlsx"] as const)(
    "on the %s host has the golden sheets, names and summaries",
    (host) => {
      expect(now[host].styles).toEqual(golden[host].styles);
      expect(now[host].sheetNames).toEqual(golden[host].sheetNames);
      expect(now[host].names).toEqual(golden[host].names);
      expect(now[host].summaries).toEqual(golden[host].summaries);
    }
  );

  it.each(["memory", "xlsx"] as const)("on the %s host matches the golden cell by cell", (host) => {
    for (const name of golden[host].sheetNames) {
      const want = golden[host].sheets[name];
      const got = now[host].sheets[name];
      if (want.grid)
        expect({ sheet: name, grid: got.grid }).toEqual({ sheet: name, grid: want.grid });
      expect({ sheet: name, cells: got.cells, hash: got.hash }).toEqual({
        sheet: name,
        cells: want.cells,
        hash: want.hash,
      });
      expect({ sheet: name, layout: got.layout }).toEqual({ sheet: name, layout: want.layout });
    }
  });
});
