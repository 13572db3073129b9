/**
 * Bundled by test/browser/wps.test.ts and injected into the built WPS task
 * pane before it loads: the fake ET with the sample county, as
 * `window.Application`, so the pane finds it as it finds WPS's. The test
 * reads the fake's cells through `window.epiLedgerFakeEt`.
 */
import { FakeEt } from "../../src/hosts/wps/fake/fakeEt";
import { sampleWorkbookSheets } from "../../src/workbook/sample/workbook";

const et = new FakeEt(sampleWorkbookSheets());
Object.assign(window, { Application: et.application, epiLedgerFakeEt: et });
