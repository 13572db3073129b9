/**
 * `epi-ledger` as the bench runs it: bin/epi-ledger.js without its staleness
 * check, on the bench's own build of src/cli (.tmp/bench-build/lib, compiled
 * as bin/build-cli.js compiles dist/cli). So a source edited during a run
 * never makes a measured run rebuild the CLI first.
 */
import process from "node:process";
import { lib } from "./build.mjs";

const { runCli } = lib("cli/main");
runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`epi-ledger: internal error\n${error && error.stack}\n`);
    process.exitCode = 3;
  }
);
