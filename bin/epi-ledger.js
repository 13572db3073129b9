#!/usr/bin/env node
/**
 * `epi-ledger`: runs the command line from dist/cli/, building it first when
 * it is missing or older than the sources (see bin/build-cli.js), so
 * `npx epi-ledger …` works right after `npm install` with no build step to
 * remember.
 */
const path = require("node:path");
const { build, isStale, OUT } = require("./build-cli");

if (isStale()) build();

const { runCli } = require(path.join(OUT, "cli", "main.js"));
runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // Only programmer bugs reach here: user errors are printed as messages with exit code 2.
    process.stderr.write(`epi-ledger: internal error, please report it\n${error && error.stack}\n`);
    process.exitCode = 3;
  }
);
