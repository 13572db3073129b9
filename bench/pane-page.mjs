/**
 * A diagnostic page for the bench: the task pane alone (App on the memory
 * host, empty workbook, no sample and no workbook tables), built with the
 * blank page. Between blank.html and preview.html, it shows how much of the
 * preview's first render is the pane itself and how much is the sample
 * workbook and its tables.
 */
import { StrictMode, createElement } from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { MemoryWorkbook } from "../src/hosts/memory/memoryExcel.ts";
import { createMemoryHost } from "../src/hosts/memory/memoryHost.ts";
import { createActions } from "../src/taskpane/actions.ts";
import { App } from "../src/taskpane/App.tsx";

const actions = createActions({ host: createMemoryHost(new MemoryWorkbook()), lang: "zh" });
const root = globalThis.document.getElementById("root");
createRoot(root).render(
  createElement(
    StrictMode,
    null,
    createElement(FluentProvider, { theme: webLightTheme }, createElement(App, { actions }))
  )
);
