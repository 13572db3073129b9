/**
 * The task pane inside Excel: renders once Office is ready, with actions on
 * the Office.js host. All Excel calls go through that host (src/hosts/excel).
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { translateOfficeError } from "../hosts/excel/errors";
import { createOfficeHost } from "../hosts/excel/officeHost";
import { createActions, type TaskpaneActions } from "./actions";
import { App } from "./App";
import { ErrorBoundary } from "./ErrorBoundary";
import { clearOfficeLoadNotice, showOfficeLoadNotice } from "./officeLoad";
import { UI, langFromDisplayLanguage, tr } from "./i18n";

// office.js is loaded by the <script id="office-js"> before this bundle; without it the pane says why (officeLoad.ts).
const officeJs = document.getElementById("office-js")?.getAttribute("src") ?? "office.js";
if (typeof Office === "undefined") showOfficeLoadNotice(document, officeJs, "failed");
else Office.onReady(start);

function start() {
  clearOfficeLoadNotice(document);
  const lang = langFromDisplayLanguage(Office.context.displayLanguage);
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  document.title = tr(lang, UI.appName);
  const actions: TaskpaneActions = {
    ...createActions({
      host: createOfficeHost({ run: Excel.run, requirements: Office.context.requirements }),
      lang,
    }),
    createWorkbook: Office.context.requirements.isSetSupported("ExcelApi", "1.8")
      ? async (base64) => {
          try {
            await Excel.createWorkbook(base64);
          } catch (error) {
            throw translateOfficeError(error, 0);
          }
        }
      : undefined,
  };
  const root = document.getElementById("root");
  if (root)
    createRoot(root).render(
      <StrictMode>
        <FluentProvider theme={webLightTheme}>
          <ErrorBoundary lang={lang}>
            <App actions={actions} />
          </ErrorBoundary>
        </FluentProvider>
      </StrictMode>
    );
}
