/**
 * Shows the message of an exception thrown while rendering, instead of a
 * blank pane: nothing that fails is hidden from the user.
 * https://react.dev/reference/react/Component#catching-rendering-errors-with-an-error-boundary
 */
import { Component, type ReactNode } from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { Lang } from "../workbook/command";
import { UI, tr } from "./i18n";

export interface ErrorBoundaryProps {
  lang: Lang;
  children: ReactNode;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, { error?: Error }> {
  override state: { error?: Error } = {};

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <MessageBar intent="error" data-testid="render-error">
        <MessageBarBody>
          <MessageBarTitle>{tr(this.props.lang, UI.unexpectedTitle)}</MessageBarTitle>
          {error.message}
        </MessageBarBody>
      </MessageBar>
    );
  }
}
