/**
 * `epi-ledger demo`: writes the sample county workbook (the same sheets the
 * browser preview shows) with every command already run on it, for the
 * sample's report date, so a person without Excel can see every result.
 */
import * as path from "node:path";
import { isoFromSerial } from "../core/dates";
import { newXlsxWorkbook } from "../hosts/xlsx/open";
import { COMMANDS } from "../workbook/commands";
import type { WriteOp } from "../workbook/plan";
import { SAMPLE_REPORT_DATE } from "../workbook/sample/county";
import { sampleWorkbookSheets } from "../workbook/sample/workbook";
import { emptyReport, failed, printRuns } from "./compute";
import type { CliEnv } from "./env";
import { CliFailure, EXIT_CLEAN } from "./failure";
import { createProgress } from "./progress";
import { jsonCommand } from "./report";
import { runCommands, type CommandRun } from "./run";
import { NEEDS_FILES, SETUP_COMMAND_ID } from "./selection";
import { t } from "./texts";

export interface DemoArgs {
  output?: string;
  json?: boolean;
}

export const DEMO_FILE = "示例县防疫台账.xlsx";

/** The clock of the demo: 17:00 on the sample's report date, so the file is the same on every run. */
export const DEMO_NOW = SAMPLE_REPORT_DATE + 17 / 24;

/**
 * Writes the demo workbook and returns the exit code (0, or 2 when the file
 * cannot be written). The sample's deliberate input issues are printed but do
 * not change the exit code: they are part of the demonstration.
 */
export async function demoCommand(args: DemoArgs, env: CliEnv): Promise<number> {
  const output = path.resolve(env.cwd, args.output ?? DEMO_FILE);
  const report = emptyReport("demo", null);
  report.output = output;
  report.reportDate = isoFromSerial(SAMPLE_REPORT_DATE);
  try {
    const progress = createProgress(env);
    const book = newXlsxWorkbook();
    const context = {
      today: SAMPLE_REPORT_DATE,
      now: DEMO_NOW,
      lang: env.lang,
      options: { reportDate: SAMPLE_REPORT_DATE },
      progress,
      required: new Set<string>(),
    };
    const setup = COMMANDS.filter((c) => c.id === SETUP_COMMAND_ID);
    const first = await runCommands(book.host, setup, context);
    if (!first.ok) throw new CliFailure(first.kind, first.message);
    await book.host.transaction((io) => io.write(sampleOps()));
    const rest = await runCommands(
      book.host,
      COMMANDS.filter((c) => c.id !== SETUP_COMMAND_ID && !NEEDS_FILES.has(c.id)),
      context
    );
    if (!rest.ok) throw new CliFailure(rest.kind, rest.message);
    const runs: CommandRun[] = [...first.runs, ...rest.runs];
    progress.step(`${t(env.lang, "writing")} ${path.basename(output)}`);
    await book.save(output);
    progress.finish();
    report.commands = runs.map(jsonCommand);
    report.notes = book.host.notes();
    if (args.json) env.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else printRuns(env, path.basename(output), runs, report.notes, output);
    return EXIT_CLEAN;
  } catch (e) {
    return failed(e, env, report, args.json === true);
  }
}

/** The sample's input sheets as write ops: each sheet, its cells from A1. */
export function sampleOps(): WriteOp[] {
  return sampleWorkbookSheets().flatMap((sheet): WriteOp[] => [
    { kind: "ensureSheet", sheet: sheet.name },
    ...(sheet.values.length > 0
      ? [
          {
            kind: "block" as const,
            sheet: sheet.name,
            row: 1,
            column: 1,
            cells: sheet.values,
            numberFormats: sheet.columnFormats ? { byColumn: sheet.columnFormats } : undefined,
          },
        ]
      : []),
  ]);
}
