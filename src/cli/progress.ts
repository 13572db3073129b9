/**
 * Progress on stderr for long runs: nothing for the first second (a small
 * workbook finishes before anyone waits), then a bar redrawn in place on a
 * terminal, or one plain line per step when stderr is a file or a pipe.
 */
import type { CliEnv } from "./env";

/** How long a run goes quietly before progress is shown, in milliseconds. */
export const PROGRESS_DELAY_MS = 1000;

const BAR_WIDTH = 24;

export interface Progress {
  /** A new step, e.g. `计算：生成接种排名`. */
  step(label: string): void;
  /** How far the current step is; a total of 0 means unknown (a count is shown). */
  update(done: number, total: number): void;
  /** Ends the bar's line, if one is drawn. */
  finish(): void;
}

/**
 * Creates the progress reporter for a run that starts now.
 *
 * @example
 * const p = createProgress(env); p.step("读取 台账.xlsx"); p.update(5, 10); p.finish();
 */
export function createProgress(env: CliEnv): Progress {
  const started = env.clock();
  let label = "";
  let shownLabel = "";
  let drawn = false;
  let lastPercent = -1;
  const late = () => env.clock() - started >= PROGRESS_DELAY_MS;
  const draw = (done: number, total: number) => {
    if (total <= 0) {
      // An unknown total (a sheet without a <dimension>): count instead of a bar.
      env.stderr(`\r${label} ${done.toLocaleString("en-US")}\u001b[K`);
      drawn = true;
      return;
    }
    const ratio = total > 0 ? Math.min(1, done / total) : 0;
    const percent = Math.floor(ratio * 100);
    if (percent === lastPercent && drawn) return;
    lastPercent = percent;
    const filled = Math.round(ratio * BAR_WIDTH);
    const bar = `${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)}`;
    env.stderr(`\r${bar} ${String(percent).padStart(3)}% ${label}\u001b[K`);
    drawn = true;
  };
  return {
    step(next) {
      label = next;
      lastPercent = -1;
      if (!late()) return;
      if (env.stderrIsTTY) draw(0, 1);
      else if (shownLabel !== label) {
        env.stderr(`${label}\n`);
        shownLabel = label;
      }
    },
    update(done, total) {
      if (!late()) return;
      if (env.stderrIsTTY) draw(done, total);
      else if (shownLabel !== label) {
        env.stderr(`${label}\n`);
        shownLabel = label;
      }
    },
    finish() {
      if (drawn) env.stderr("\n");
      drawn = false;
    },
  };
}
