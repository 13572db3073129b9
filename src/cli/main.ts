/**
 * `epi-ledger`: the command line. Parses arguments with commander, in
 * Chinese or English help following LANG, and hands each command to its
 * module. Returns the exit code instead of exiting, so tests run it in-process.
 */
import { Command as Program, CommanderError } from "commander";
import type { Message } from "../core/issue";
import type { Lang } from "../workbook/command";
import { computeCommand } from "./compute";
import { DEMO_FILE, demoCommand } from "./demo";
import { processEnv, type CliEnv } from "./env";
import { EXIT_CLEAN, EXIT_UNUSABLE } from "./failure";
import { mergeCommand } from "./merge";
import { HELP_TITLES, t } from "./texts";

export const VERSION = "0.1.0";

/**
 * Runs the command line with the arguments after `epi-ledger` and returns the
 * exit code.
 *
 * @example
 * await runCli(["demo", "-o", "示例.xlsx"], env) //=> 0
 * await runCli(["compute", "报表.csv"], env)     //=> 2 (not an .xlsx file)
 */
export async function runCli(argv: readonly string[], env: CliEnv = processEnv()): Promise<number> {
  const lang = env.lang;
  let code = EXIT_CLEAN;
  const program = buildProgram(lang, env, (c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    if (e.code === "commander.helpDisplayed" || e.code === "commander.version") return EXIT_CLEAN;
    if (e.code === "commander.help") return EXIT_UNUSABLE;
    env.stderr(`${t(lang, "error")}: ${usageMessage(e)[lang]}\n`);
    return EXIT_UNUSABLE;
  }
  return code;
}

function buildProgram(lang: Lang, env: CliEnv, done: (code: number) => void): Program {
  const program = new Program();
  const configure = (cmd: Program) =>
    cmd
      .exitOverride()
      .helpOption("-h, --help", t(lang, "help"))
      .configureHelp({ styleTitle: (title) => HELP_TITLES[title]?.[lang] ?? title })
      .configureOutput({
        writeOut: (s) => env.stdout(s),
        writeErr: (s) => env.stderr(s),
        outputError: () => undefined,
      });
  configure(program)
    .name("epi-ledger")
    .description(t(lang, "description"))
    .version(VERSION, "-V, --version", t(lang, "version"))
    .helpCommand("help [command]", t(lang, "helpCommand"));

  configure(program.command("demo"))
    .description(t(lang, "demo"))
    .option("-o, --output <file>", t(lang, "demoOutput"), DEMO_FILE)
    .option("--json", t(lang, "json"))
    .action(async (opts: { output: string; json?: boolean }) => {
      done(await demoCommand({ output: opts.output, json: opts.json }, env));
    });

  configure(program.command("compute"))
    .description(t(lang, "compute"))
    .argument("<input>", t(lang, "computeInput"))
    .option("-o, --output <file>", t(lang, "computeOutput"))
    .option("--date <YYYY-MM-DD>", t(lang, "date"))
    .option("--only <list>", t(lang, "only"))
    .option("--in-place", t(lang, "inPlace"))
    .option("--json", t(lang, "json"))
    .action(
      async (
        input: string,
        opts: { output?: string; date?: string; only?: string; inPlace?: boolean; json?: boolean }
      ) => {
        done(await computeCommand({ input, ...opts }, env));
      }
    );

  configure(program.command("merge"))
    .description(t(lang, "merge"))
    .argument("<returns...>", t(lang, "mergeReturns"))
    .requiredOption("--into <ledger>", t(lang, "mergeInto"))
    .option("-o, --output <file>", t(lang, "mergeOutput"))
    .option("--in-place", t(lang, "inPlace"))
    .option("--json", t(lang, "json"))
    .action(
      async (
        returns: string[],
        opts: { into: string; output?: string; inPlace?: boolean; json?: boolean }
      ) => {
        done(await mergeCommand({ returns, ...opts }, env));
      }
    );
  return program;
}

/** commander's usage errors, in the user's language. */
function usageMessage(e: CommanderError): Message {
  const detail = e.message.replace(/^error:\s*/, "");
  const zh: Record<string, string> = {
    "commander.missingArgument": "缺少必需的参数",
    "commander.optionMissingArgument": "选项缺少取值",
    "commander.missingMandatoryOptionValue": "缺少必需的选项",
    "commander.unknownOption": "未知的选项",
    "commander.unknownCommand": "未知的命令",
    "commander.excessArguments": "参数过多",
  };
  const hint = { zh: "（用 --help 查看用法）", en: " (see --help)" };
  return {
    zh: `${zh[e.code] ?? "命令行有误"}：${detail}${hint.zh}`,
    en: `${detail}${hint.en}`,
  };
}
