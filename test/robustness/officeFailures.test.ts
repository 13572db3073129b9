/**
 * Office failures on the memory host (failNextSync): for each kind Excel can
 * fail with, on each command, at the read sync and at the first write sync,
 * the workbook is untouched and the outcome says what failed in Chinese and
 * English. With a small request limit, so that the writes take several syncs,
 * a failure at the second write sync leaves exactly the ops that
 * `error.writtenOps` counts written.
 */
import type { InjectedFailure } from "../../src/hosts/memory/errors";
import type { MemoryWorkbook } from "../../src/hosts/memory/memoryExcel";
import { createMemoryHost } from "../../src/hosts/memory/memoryHost";
import type { Command } from "../../src/workbook/command";
import { COMMANDS } from "../../src/workbook/commands";
import { executeCommand, type ExecuteOutcome } from "../../src/workbook/execute";
import type { WorkbookHost } from "../../src/workbook/host";
import { initWorkbook } from "../../src/workbook/init/initWorkbook";
import {
  memoryState,
  optionsFor,
  runOk,
  sampleMemoryBook,
  stateDifferences,
} from "../helpers/robustness";

jest.setTimeout(60_000);

const KINDS: readonly InjectedFailure[] = [
  "cellEditMode",
  "protectedSheet",
  "payloadTooLarge",
  "connectionLost",
];
const ids = COMMANDS.map((c) => c.id);
const commandOf = (id: string) => COMMANDS.find((c) => c.id === id) as Command;

/** The sample after 初始化工作簿 (before it, for 初始化工作簿 itself), so the command has writes to make. */
async function ready(command: Command, maxRequestBytes?: number) {
  const { book, host } = sampleMemoryBook({ maxRequestBytes });
  if (command !== initWorkbook) await runOk(host, initWorkbook);
  book.resetStats();
  return { book, host };
}

function expectFailure(outcome: ExecuteOutcome, kind: InjectedFailure) {
  expect(outcome.ok).toBe(false);
  if (outcome.ok) return;
  expect(outcome.error.kind).toBe(kind);
  expect(outcome.error.message.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(outcome.error.message.en).toMatch(/[A-Za-z]{3}/);
  expect(outcome.error.message.zh).not.toBe(outcome.error.message.en);
}

describe.each(KINDS)("when Excel fails with %s", (kind) => {
  it.each(ids)("%s at the read sync leaves the workbook untouched", async (id) => {
    const command = commandOf(id);
    const { book, host } = await ready(command);
    const before = memoryState(book);
    book.failNextSync(kind);
    const outcome = await executeCommand(host, command, optionsFor(command));
    expectFailure(outcome, kind);
    expect(outcome.ok || outcome.error.writtenOps).toBe(0);
    expect(book.stats.syncs).toBe(1);
    expect(stateDifferences(before, memoryState(book))).toEqual([]);
  });

  it.each(ids)("%s at the first write sync leaves the workbook untouched", async (id) => {
    const command = commandOf(id);
    const { book, host } = await ready(command);
    const before = memoryState(book);
    book.failNextSync(kind, { afterSyncs: 1 });
    const outcome = await executeCommand(host, command, optionsFor(command));
    expectFailure(outcome, kind);
    expect(outcome.ok || outcome.error.writtenOps).toBe(0);
    // The read sync, then the write sync that failed.
    expect(book.stats.syncs).toBe(2);
    expect(stateDifferences(before, memoryState(book))).toEqual([]);
  });
});

/** Small enough that every command's writes on the sample take at least three syncs. */
const SMALL_REQUEST = 10_000;

/** A host that carries out only the first `count` ops of whatever it is asked to write. */
function firstOpsHost(book: MemoryWorkbook, count: number): WorkbookHost {
  const inner = createMemoryHost(book, { maxRequestBytes: SMALL_REQUEST });
  return {
    kind: "memory",
    transaction: (work) =>
      inner.transaction((io) =>
        work({ ...io, read: io.read, write: (ops, p) => io.write(ops.slice(0, count), p) })
      ),
  };
}

describe("a failure at the second of several write syncs", () => {
  it.each(ids)("%s: error.writtenOps counts exactly the ops the workbook holds", async (id) => {
    const command = commandOf(id);
    const { book, host } = await ready(command, SMALL_REQUEST);
    book.failNextSync("connectionLost", { afterSyncs: 2 });
    const outcome = await executeCommand(host, command, optionsFor(command));
    expectFailure(outcome, "connectionLost");
    if (outcome.ok) return;
    const written = outcome.error.writtenOps;
    expect(written).toBeGreaterThan(0);

    const replay = await ready(command, SMALL_REQUEST);
    const complete = await executeCommand(
      firstOpsHost(replay.book, written),
      command,
      optionsFor(command)
    );
    expect(complete.ok).toBe(true);
    expect(stateDifferences(memoryState(replay.book), memoryState(book)).slice(0, 10)).toEqual([]);
  });
});
