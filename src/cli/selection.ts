/**
 * Which commands `compute` runs: all of COMMANDS, or those named by `--only`
 * with a short Chinese word (物资, 隔离, 接种, 报送) or a command id.
 */
import type { Message } from "../core/issue";
import type { Command } from "../workbook/command";
import { COMMANDS } from "../workbook/commands";

/** The short words of `--only` and the commands each one means. */
export const CAPABILITY_WORDS: Readonly<Record<string, readonly string[]>> = {
  物资: ["computeStockpile"],
  隔离: ["computeIsolation", "forecastIsolation"],
  接种: ["rankVaccination"],
  报送: ["reportStatus"],
};

/** The command that only sets up the workbook; `compute` always runs it first. */
export const SETUP_COMMAND_ID = "initWorkbook";

/** True when the command needs files a person picks (导入填报): `merge` runs it, never `compute` or `demo`. */
export function needsFiles(command: Command): boolean {
  return (command.needs ?? []).some((n) => n.kind === "files");
}

/** The ids of the registered commands that need files (see needsFiles). */
export const NEEDS_FILES: ReadonlySet<string> = new Set(
  COMMANDS.filter(needsFiles).map((c) => c.id)
);

/**
 * The commands `compute` runs by default: every command of COMMANDS but
 * 初始化工作簿 (run first anyway) and those that need files a person picks.
 * A command that needs a pane choice stays in the list: the runner skips
 * it and says so (runCommands).
 */
export function defaultCommands(all: readonly Command[]): Command[] {
  return all.filter((c) => c.id !== SETUP_COMMAND_ID && !needsFiles(c));
}

export type Selection =
  | {
      ok: true;
      commands: Command[];
      /** Commands the user asked for by name: their input sheet must be there (the first command of a word). */
      required: Set<string>;
    }
  | { ok: false; error: Message };

/**
 * Picks the commands named in an `--only` list (comma, 、 or ， separated),
 * in the order of COMMANDS. Without a list, every command but those that
 * need files (see defaultCommands).
 *
 * @example
 * selectCommands(COMMANDS, "接种,报送").commands.map(c => c.id) //=> ["rankVaccination", "reportStatus"]
 * selectCommands(COMMANDS, "隔离").commands.map(c => c.id)      //=> ["computeIsolation", "forecastIsolation"]
 * selectCommands(COMMANDS, "疫苗")  //=> { ok: false, error: { zh: "未知的计算项“疫苗”…" } }
 */
export function selectCommands(all: readonly Command[], only: string | undefined): Selection {
  if (only === undefined) return { ok: true, commands: defaultCommands(all), required: new Set() };
  const words = only
    .split(/[,，、\s]+/)
    .map((w) => w.trim())
    .filter(Boolean);
  if (words.length === 0) return { ok: false, error: unknownWord(only) };
  const ids = new Set<string>();
  const required = new Set<string>();
  for (const word of words) {
    const named = CAPABILITY_WORDS[word];
    if (named) {
      const present = named.filter((id) => all.some((c) => c.id === id));
      if (present.length === 0) {
        return {
          ok: false,
          error: {
            zh: `“${word}”（${named.join("、")}）的计算尚未提供`,
            en: `"${word}" (${named.join(", ")}) is not available yet`,
          },
        };
      }
      present.forEach((id) => ids.add(id));
      required.add(present[0]);
      continue;
    }
    const command = all.find((c) => sameId(c, word));
    if (!command) return { ok: false, error: unknownWord(word) };
    ids.add(command.id);
    required.add(command.id);
  }
  return { ok: true, commands: all.filter((c) => ids.has(c.id)), required };
}

function sameId(command: Command, word: string): boolean {
  const w = word.toLowerCase();
  return command.id.toLowerCase() === w || command.label.zh === word;
}

function unknownWord(word: string): Message {
  const choices = Object.keys(CAPABILITY_WORDS).join("、");
  return {
    zh: `未知的计算项“${word}”，可选：${choices}（或命令编号，如 rankVaccination）`,
    en: `Unknown item "${word}"; use ${Object.keys(CAPABILITY_WORDS).join(", ")} (or a command id such as rankVaccination)`,
  };
}
