/**
 * The browser preview: the real task pane on the in-memory Excel, loaded with
 * the built-in sample workbook, beside plain HTML tables of its sheets. No
 * office.js and no request outside the page's own origin, so it runs with no
 * Excel and no network (`npm start`, then open /preview.html).
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { MemoryWorkbook } from "../hosts/memory/memoryExcel";
import { ymdFromSerial } from "../core/dates";
import { SAMPLE_REPORT_DATE } from "../workbook/sample/county";
import { sampleWorkbookSheets } from "../workbook/sample/workbook";
import { UI, langFromQuery, tr } from "./i18n";
import { PreviewPage } from "./PreviewPage";

const lang = langFromQuery(window.location.search);
document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
document.title = tr(lang, UI.appName);
const workbook = new MemoryWorkbook(sampleWorkbookSheets());
// The sample is dated (SAMPLE_REPORT_DATE): the preview's clock stands on that
// day at 17:00, after the daily-report deadline, so the sample's figures make sense.
const sampleDay = ymdFromSerial(SAMPLE_REPORT_DATE);
const clock = () => new Date(sampleDay.year, sampleDay.month - 1, sampleDay.day, 17, 0, 0);
// A handle for the browser test and the devtools console, e.g. to type a bad
// value: epiLedgerPreview.workbook.setValues("参数", "B4", [["abc"]]).
Object.assign(window, { epiLedgerPreview: { workbook } });
const root = document.getElementById("root");
if (root)
  createRoot(root).render(
    <StrictMode>
      <FluentProvider theme={webLightTheme}>
        <PreviewPage workbook={workbook} lang={lang} clock={clock} />
      </FluentProvider>
    </StrictMode>
  );
