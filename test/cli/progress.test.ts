import { createProgress, PROGRESS_DELAY_MS } from "../../src/cli/progress";
import { makeEnv } from "../xlsx/helpers";

function clockAt(times: number[]) {
  let now = 0;
  return { set: (t: number) => (now = t), clock: () => now, times };
}

describe("progress on stderr", () => {
  it("prints nothing during the first second of a run", () => {
    const c = clockAt([]);
    const env = makeEnv({ clock: c.clock });
    const p = createProgress(env);
    c.set(PROGRESS_DELAY_MS - 1);
    p.step("读取 a.xlsx");
    p.update(5, 10);
    p.finish();
    expect(env.err).toEqual([]);
  });

  it("prints one plain line per step when stderr is not a terminal", () => {
    const c = clockAt([]);
    const env = makeEnv({ clock: c.clock, stderrIsTTY: false });
    const p = createProgress(env);
    c.set(PROGRESS_DELAY_MS);
    p.step("计算：生成接种排名");
    p.update(1, 10);
    p.update(9, 10);
    p.step("写入 b.xlsx");
    p.finish();
    expect(env.err).toEqual(["计算：生成接种排名\n", "写入 b.xlsx\n"]);
  });

  it("redraws a bar in place on a terminal and ends its line when finished", () => {
    const c = clockAt([]);
    const env = makeEnv({ clock: c.clock, stderrIsTTY: true });
    const p = createProgress(env);
    c.set(PROGRESS_DELAY_MS);
    p.step("写入");
    p.update(5, 10);
    p.finish();
    expect(env.err[env.err.length - 2]).toMatch(/^\r█{12}░{12}\s+50% 写入/);
    expect(env.err[env.err.length - 1]).toBe("\n");
  });

  it("counts instead of drawing a bar when the total is unknown (0)", () => {
    const c = clockAt([]);
    const env = makeEnv({ clock: c.clock, stderrIsTTY: true });
    const p = createProgress(env);
    c.set(PROGRESS_DELAY_MS);
    p.step("读取 a.xlsx");
    p.update(120_000, 0);
    expect(env.err[env.err.length - 1]).toMatch(/^\r读取 a\.xlsx 120,000/);
  });
});
