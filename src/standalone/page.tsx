/**
 * Entry of the 工作簿计算页 (dist/workbook.html): the page of
 * taskpane/workbookPage.tsx with the .xlsx reader of workbookFile.ts, loaded
 * lazily so exceljs stays out of the initial bundle.
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { UI, langFromQuery, tr } from "../taskpane/i18n";
import { WorkbookPage, clockFromQuery } from "../taskpane/workbookPage";

const lang = langFromQuery(window.location.search);
document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
document.title = `${lang === "zh" ? "工作簿计算页" : "Workbook page"} · ${tr(lang, UI.appName)}`;
const clock = clockFromQuery(window.location.search);
const loadReader = async () =>
  (await import(/* webpackChunkName: "workbook-file" */ "./workbookFile")).reader;
const root = document.getElementById("root");
if (root)
  createRoot(root).render(
    <StrictMode>
      <FluentProvider theme={webLightTheme}>
        <WorkbookPage lang={lang} clock={clock} loadReader={loadReader} />
      </FluentProvider>
    </StrictMode>
  );
