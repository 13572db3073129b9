/**
 * Round trips of every registered command on the in-memory Office host, at
 * one size, in its own process (scripts/bench.mjs starts one per size):
 *
 *   node bench/roundtrips-child.mjs 10000
 *
 * Each command gets a fresh in-memory workbook holding its input sheets at
 * that size; 初始化工作簿 is run first (except when it is the command
 * measured), then the statistics are reset and the command is run once
 * through executeCommand, as the task pane runs it. Prints one line:
 * RESULT [{ command, counts, syncs, readSyncs, writeSyncs, largest, total, writeBytes, limit, … }].
 */
import process from "node:process";
import { lib } from "./build.mjs";
import { CLOCK, commandOptions, initializedSnapshot, inputSheets } from "./workloads.mjs";

const rows = Number(process.argv[2]);
const { COMMANDS, commandById } = lib("workbook/commands");
const { executeCommand } = lib("workbook/execute");
const { MemoryWorkbook, EXCEL_WEB_REQUEST_LIMIT } = lib("hosts/memory/memoryExcel");
const { createMemoryHost } = lib("hosts/memory/memoryHost");
const { DEFAULT_MAX_REQUEST_BYTES } = lib("hosts/excel/officeHost");

const results = [];
for (const command of COMMANDS) {
  const { sheets, counts } = inputSheets(command.id, rows);
  const options = commandOptions(command.id, initializedSnapshot(sheets));
  const book = new MemoryWorkbook(sheets);
  const host = createMemoryHost(book);
  if (command.id !== "initWorkbook") {
    const setup = await executeCommand(host, commandById("initWorkbook"), CLOCK);
    if (!setup.ok) throw new Error(`初始化工作簿 failed: ${setup.error.message.en}`);
  }
  book.resetStats();
  const outcome = await executeCommand(host, command, { ...CLOCK, options });
  const batches = book.stats.batches.map((b) => b.bytes);
  const writeBytes = batches.slice(1).reduce((s, b) => s + b, 0);
  const writeLimit =
    writeBytes === 0
      ? 0
      : writeBytes <= EXCEL_WEB_REQUEST_LIMIT
        ? 1
        : Math.ceil(writeBytes / DEFAULT_MAX_REQUEST_BYTES);
  results.push({
    command: command.id,
    label: command.label.zh,
    counts,
    ok: outcome.ok,
    error: outcome.ok ? null : `${outcome.error.kind}: ${outcome.error.message.en}`,
    syncs: book.stats.syncs,
    readSyncs: outcome.ok ? outcome.readSyncs : null,
    writeSyncs: book.stats.syncs - 1,
    largest: Math.max(0, ...batches),
    total: batches.reduce((s, b) => s + b, 0),
    writeBytes,
    writeCommands: book.stats.batches.slice(1).reduce((n, b) => n + b.operations, 0),
    // The Office host splits by its own estimate of each command's size (src/hosts/excel/payload.ts).
    estimatedWriteBytes: outcome.ok ? outcome.report.totalBytes : null,
    limit: 1 + writeLimit,
    chunk: DEFAULT_MAX_REQUEST_BYTES,
  });
}
process.stdout.write(`RESULT ${JSON.stringify(results)}\n`);
