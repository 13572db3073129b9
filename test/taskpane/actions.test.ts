import { clockSerials, createActions } from "../../src/taskpane/actions";
import type { WorkbookHost, HostIO } from "../../src/workbook/host";
import { HostError } from "../../src/workbook/host";
import type { CommandInput } from "../../src/workbook/command";
import { makeCommand, makeResult } from "./fixtures";

/** A host with an empty workbook that records what it was asked to do. */
function makeHost(overrides: Partial<WorkbookHost> = {}) {
  const selected: [string, string][] = [];
  const io: HostIO = {
    read: async () => ({ sheetNames: [], sheets: {}, names: {} }),
    write: async (ops, onProgress) => {
      onProgress?.(ops.length, ops.length);
      return { syncs: 1, cells: 0, maxRequestBytes: 0, totalBytes: 0 };
    },
    syncCount: () => 1,
  };
  const host: WorkbookHost = {
    kind: "memory",
    transaction: (work) => work(io),
    select: async (sheet, cell) => {
      selected.push([sheet, cell]);
    },
    ...overrides,
  };
  return { host, selected };
}

describe("clockSerials", () => {
  it("returns the serial day and noon as half a day", () => {
    expect(clockSerials(new Date(2022, 0, 20, 12, 0, 0))).toEqual({ today: 44581, now: 44581.5 });
  });

  it("returns now equal to today at midnight", () => {
    expect(clockSerials(new Date(2022, 0, 20, 0, 0, 0))).toEqual({ today: 44581, now: 44581 });
  });

  it("puts 10:00 at ten twenty-fourths of the day", () => {
    expect(clockSerials(new Date(2022, 0, 20, 10, 0, 0)).now).toBe(44581 + 10 / 24);
  });
});

describe("createActions", () => {
  it("runs the command with today, now, lang and the options", async () => {
    let seen: CommandInput | undefined;
    const command = makeCommand({
      id: "probe",
      run: (input) => {
        seen = input;
        return makeResult();
      },
    });
    const { host } = makeHost();
    const actions = createActions({
      host,
      lang: "en",
      clock: () => new Date(2022, 0, 20, 18, 0, 0),
      lookup: (id) => (id === "probe" ? command : undefined),
    });
    const outcome = await actions.run("probe", { reportDate: 44580 });
    expect(outcome.ok).toBe(true);
    expect(seen?.today).toBe(44581);
    expect(seen?.now).toBe(44581.75);
    expect(seen?.lang).toBe("en");
    expect(seen?.options).toEqual({ reportDate: 44580 });
  });

  it("passes the progress listener to the host's write phase", async () => {
    const command = makeCommand({
      run: () => makeResult({ ops: [{ kind: "ensureSheet", sheet: "参数" }] }),
    });
    const { host } = makeHost();
    const actions = createActions({ host, lang: "zh", lookup: () => command });
    const progress: [number, number][] = [];
    await actions.run(command.id, {}, (done, total) => progress.push([done, total]));
    expect(progress).toEqual([[1, 1]]);
  });

  it("rejects with the id when no command is registered under it", async () => {
    const { host } = makeHost();
    const actions = createActions({ host, lang: "zh", lookup: () => undefined });
    await expect(actions.run("nope")).rejects.toThrow('"nope"');
  });

  it("returns a host failure as data", async () => {
    const { host } = makeHost({
      transaction: async () => {
        throw new HostError(
          "protectedSheet",
          { zh: "工作表受保护", en: "The sheet is protected" },
          2
        );
      },
    });
    const actions = createActions({ host, lang: "zh", lookup: () => makeCommand() });
    expect(await actions.run("computeStockpile")).toEqual({
      ok: false,
      error: {
        kind: "protectedSheet",
        message: { zh: "工作表受保护", en: "The sheet is protected" },
        writtenOps: 2,
      },
    });
  });

  it("selects through the host", async () => {
    const { host, selected } = makeHost();
    await createActions({ host, lang: "zh" }).select("物资储备", "F7");
    expect(selected).toEqual([["物资储备", "F7"]]);
  });

  it("resolves select when the host cannot select", async () => {
    const { host } = makeHost({ select: undefined });
    await expect(createActions({ host, lang: "zh" }).select("参数", "B3")).resolves.toBeUndefined();
  });

  it("finds initWorkbook in the registry by default", async () => {
    const { host } = makeHost();
    const outcome = await createActions({ host, lang: "zh" }).run("initWorkbook");
    expect(outcome.ok && outcome.result.summary.zh).toContain("已创建“参数”工作表，共 14 项参数");
  });
});
