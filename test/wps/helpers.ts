/**
 * The sample county on the WPS host over the fake ET, and its whole-workbook
 * state in the shape the robustness suites compare (test/helpers/robustness.ts).
 */
import { FakeEt, type FakeEtOptions } from "../../src/hosts/wps/fake/fakeEt";
import { createWpsHost, type WpsHost } from "../../src/hosts/wps/wpsHost";
import { sampleWorkbookSheets } from "../../src/workbook/sample/workbook";
import type { BookState } from "../helpers/robustness";

/** The sample county (values only, as the other host suites open it) on the WPS host. */
export function sampleWpsBook(options: FakeEtOptions & { formats?: boolean } = {}): {
  et: FakeEt;
  host: WpsHost;
} {
  const sheets = sampleWorkbookSheets().map((s) =>
    options.formats ? s : { name: s.name, values: s.values }
  );
  const et = new FakeEt(sheets, options);
  return { et, host: wpsHostOn(et) };
}

/** The WPS host on a fake ET, taking the engine's values for formula cells (the fake does not calculate). */
export function wpsHostOn(et: FakeEt): WpsHost {
  return createWpsHost(et.application, { refreshFormulaValues: et.refreshFormulaValues });
}

export function wpsState(et: FakeEt): BookState {
  const state: BookState = {
    sheetNames: et.sheetNames(),
    names: et.names(),
    sheets: {},
    rules: {},
    charts: {},
  };
  for (const name of state.sheetNames) {
    const sheet = et.sheet(name);
    state.sheets[name] = { values: et.values(name), formulas: et.formulas(name) };
    state.rules[name] = sheet.rules.length;
    state.charts[name] = sheet.charts.length;
  }
  return state;
}
