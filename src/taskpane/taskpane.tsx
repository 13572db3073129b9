/**
 * The task pane inside Excel: renders once Office is ready, with actions on
 * the Office.js host. All Excel calls go through that host (src/hosts/excel).
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createOfficeHost } from "../hosts/excel/officeHost";
import { createActions } from "./actions";
import { App } from "./App";
import { ErrorBoundary } from "./ErrorBoundary";
import { UI, langFromDisplayLanguage, tr } from "./i18n";

Office.onReady(() => {
  const lang = langFromDisplayLanguage(Office.context.displayLanguage);
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  document.title = tr(lang, UI.appName);
  const actions = createActions({ host: createOfficeHost({ run: Excel.run }), lang });
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
});
