// After the browser tests: stop the static server started by globalSetup.js.
module.exports = async function globalTeardown() {
  await globalThis.__EPI_LEDGER_SERVER__?.close();
};
