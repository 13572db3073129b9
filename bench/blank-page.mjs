/**
 * The task pane's baseline page for the bench: React and FluentProvider and
 * nothing else, rendering one button with the same text as the task pane's
 * first button, so "first interactive render" is detected the same way on
 * both pages. Built by bench/build.mjs with the project's webpack config.
 * Plain createElement (no JSX) keeps it free of any loader of its own.
 */
import { StrictMode, createElement } from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";

const root = globalThis.document.getElementById("root");
createRoot(root).render(
  createElement(
    StrictMode,
    null,
    createElement(
      FluentProvider,
      { theme: webLightTheme },
      createElement("button", { type: "button" }, "初始化工作簿")
    )
  )
);
