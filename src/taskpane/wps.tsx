/**
 * The task pane inside WPS 表格: the same App, with actions on the WPS host
 * over ET (src/hosts/wps). The ET application is found once, here, and the
 * UI never asks again. What the host leaves out (a chart this WPS build
 * refuses, an undo transaction it lacks) comes back in `report.skipped`,
 * which the status line shows.
 */
import "../hosts/wps/pane/polyfills";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { detectEtApplication, type EtGlobals } from "../hosts/wps/et";
import { createWpsHost } from "../hosts/wps/wpsHost";
import { createActions, type TaskpaneActions } from "./actions";
import { App } from "./App";
import { ErrorBoundary } from "./ErrorBoundary";
import { UI, tr } from "./i18n";

// WPS in China shows Chinese; the pane follows the page's language only where WPS runs in English.
const lang = /^en/i.test(navigator.language) ? "en" : "zh";
document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
document.title = tr(lang, UI.appName);

const app = detectEtApplication(window as unknown as EtGlobals);
const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <FluentProvider theme={webLightTheme}>
        <ErrorBoundary lang={lang}>
          {app ? <App actions={wpsActions(app)} /> : <NotInWps lang={lang} />}
        </ErrorBoundary>
      </FluentProvider>
    </StrictMode>
  );
}

function wpsActions(application: Et.Application): TaskpaneActions {
  return createActions({ host: createWpsHost(application), lang });
}

function NotInWps({ lang: language }: { lang: "zh" | "en" }) {
  return (
    <p data-testid="not-in-wps" style={{ margin: 16 }}>
      {language === "zh"
        ? "未找到 WPS 表格的对象模型。请在 WPS 表格中通过“防疫台账助手”选项卡打开本任务窗格。"
        : "WPS Spreadsheets' object model was not found. Open this pane from the 防疫台账助手 tab in WPS Spreadsheets."}
    </p>
  );
}
