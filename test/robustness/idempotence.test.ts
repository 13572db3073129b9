/**
 * Re-runs change nothing: every command run twice in a row on the sample
 * county (after 初始化工作簿) leaves every value and formula of every sheet,
 * the sheets, the names, the conditional-format rules and the charts as the
 * first run left them; on the memory host the second run's write phase sends
 * no request at all.
 */
import { COMMANDS } from "../../src/workbook/commands";
import type { WorkbookHost } from "../../src/workbook/host";
import { initWorkbook } from "../../src/workbook/init/initWorkbook";
import {
  memoryState,
  runOk,
  sampleMemoryBook,
  sampleXlsxBook,
  stateDifferences,
  xlsxState,
  type BookState,
} from "../helpers/robustness";
import { sampleWpsBook, wpsState } from "../wps/helpers";

jest.setTimeout(60_000);

const HOSTS: Record<string, () => { host: WorkbookHost; state: () => BookState }> = {
  memory: () => {
    const { book, host } = sampleMemoryBook();
    return { host, state: () => memoryState(book) };
  },
  xlsx: () => {
    const { workbook, host } = sampleXlsxBook();
    return { host, state: () => xlsxState(workbook) };
  },
  wps: () => {
    const { et, host } = sampleWpsBook();
    return { host, state: () => wpsState(et) };
  },
};

const ids = COMMANDS.map((c) => c.id);

describe.each(Object.keys(HOSTS))("on the %s host", (hostName) => {
  it.each(ids)("%s run a second time changes no cell, sheet, name, rule or chart", async (id) => {
    const command = COMMANDS.find((c) => c.id === id)!;
    const { host, state } = HOSTS[hostName]();
    if (command !== initWorkbook) await runOk(host, initWorkbook);
    const first = await runOk(host, command);
    expect(first.result.ops.length).toBeGreaterThan(0);
    const once = state();
    await runOk(host, command);
    expect(stateDifferences(once, state()).slice(0, 10)).toEqual([]);
  });
});

describe("on the memory host", () => {
  it.each(ids)("%s run a second time makes no write sync and plans no write", async (id) => {
    const command = COMMANDS.find((c) => c.id === id)!;
    const { book, host } = sampleMemoryBook();
    if (command !== initWorkbook) await runOk(host, initWorkbook);
    await runOk(host, command);
    book.resetStats();
    const second = await runOk(host, command);
    expect(second.result.ops).toEqual([]);
    expect(second.report.syncs).toBe(0);
    // One Excel.run: the read sync only.
    expect(second.readSyncs).toBe(1);
    expect(book.stats.syncs).toBe(1);
  });
});

describe("every command in turn", () => {
  it("run a second time in the same order changes nothing", async () => {
    const { book, host } = sampleMemoryBook();
    // 导入填报 right after 初始化工作簿: it changes 物资储备, which the templates and sums are made from.
    const first = ["initWorkbook", "importReturns"];
    const order = [
      ...first.flatMap((id) => COMMANDS.filter((c) => c.id === id)),
      ...COMMANDS.filter((c) => !first.includes(c.id)),
    ];
    for (const command of order) await runOk(host, command);
    const once = memoryState(book);
    const planned: string[] = [];
    for (const command of order) {
      const again = await runOk(host, command);
      planned.push(
        ...again.result.ops.map((o) => `${command.id}: ${o.kind} ${"sheet" in o ? o.sheet : ""}`)
      );
    }
    expect(planned).toEqual([]);
    expect(stateDifferences(once, memoryState(book)).slice(0, 10)).toEqual([]);
  });
});
