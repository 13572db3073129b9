/**
 * The installed command: bin/epi-ledger.js builds dist/cli when it is missing
 * or stale and runs it, so `npx epi-ledger` works after `npm install`.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { tempDir } from "../xlsx/helpers";

jest.setTimeout(120_000);

const BIN = path.resolve(__dirname, "../../bin/epi-ledger.js");

describe("bin/epi-ledger.js", () => {
  it("prints English help and exits 0 when LANG is English", () => {
    const run = spawnSync(process.execPath, [BIN, "--help"], {
      encoding: "utf8",
      env: { ...process.env, LANG: "en_US.UTF-8" },
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Usage: epi-ledger/);
  });

  it("exits 2 with a Chinese message and no stack trace for a file that is not .xlsx", () => {
    const cwd = tempDir();
    const run = spawnSync(process.execPath, [BIN, "compute", "/etc/hostname"], {
      encoding: "utf8",
      cwd,
      env: { ...process.env, LANG: "zh_CN.UTF-8" },
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/不是 \.xlsx 文件/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
