/**
 * The status line: progress while a command runs, then its summary, the
 * host's error message (with what was already written), or an unexpected
 * exception's message. Nothing is hidden from the user.
 */
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Message } from "../core/issue";
import type { Lang } from "../workbook/command";
import type { ExecuteOutcome } from "../workbook/execute";
import { UI, UI_FORMAT, tr } from "./i18n";

export type RunStatus =
  | { kind: "idle" }
  | { kind: "running"; label: Message; progress?: { done: number; total: number } }
  | { kind: "finished"; label: Message; outcome: ExecuteOutcome }
  | { kind: "crashed"; message: string };

export interface StatusLineProps {
  status: RunStatus;
  lang: Lang;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    minHeight: "24px",
  },
  body: { whiteSpace: "pre-wrap" },
});

/** Shows what the last command did, or is doing. */
export function StatusLine({ status, lang }: StatusLineProps) {
  const styles = useStyles();
  return (
    <div
      className={styles.root}
      role="status"
      aria-live="polite"
      aria-label={tr(lang, UI.statusRegion)}
      data-testid="status"
      data-state={stateOf(status)}
    >
      {renderStatus(status, lang, styles.body)}
    </div>
  );
}

function renderStatus(status: RunStatus, lang: Lang, bodyClass: string) {
  switch (status.kind) {
    case "idle":
      return null;
    case "running": {
      const { progress } = status;
      const fraction = progress && progress.total > 0 ? progress.done / progress.total : undefined;
      return (
        <>
          <Text block>{tr(lang, UI_FORMAT.running(status.label))}</Text>
          <ProgressBar value={fraction} thickness="large" data-testid="progress" />
          {progress && progress.total > 0 ? (
            <Text block size={200}>
              {tr(lang, UI_FORMAT.progress(progress.done, progress.total))}
            </Text>
          ) : null}
        </>
      );
    }
    case "finished": {
      const { outcome } = status;
      if (outcome.ok) {
        const warn = outcome.result.issues.length > 0;
        return (
          <MessageBar intent={warn ? "warning" : "success"}>
            <MessageBarBody className={bodyClass}>
              <div>{tr(lang, outcome.result.summary)}</div>
              {outcome.report.cells > 0 ? (
                <div>{tr(lang, UI_FORMAT.cellsWritten(outcome.report.cells))}</div>
              ) : null}
            </MessageBarBody>
          </MessageBar>
        );
      }
      const { error } = outcome;
      return (
        <MessageBar intent="error">
          <MessageBarBody className={bodyClass}>
            <MessageBarTitle>{tr(lang, UI.failedTitle)}</MessageBarTitle>
            {tr(lang, error.message)}{" "}
            {error.writtenOps > 0
              ? tr(lang, UI_FORMAT.writtenOps(error.writtenOps))
              : tr(lang, UI.nothingWritten)}
          </MessageBarBody>
        </MessageBar>
      );
    }
    case "crashed":
      return (
        <MessageBar intent="error">
          <MessageBarBody className={bodyClass}>
            <MessageBarTitle>{tr(lang, UI.unexpectedTitle)}</MessageBarTitle>
            {status.message}
          </MessageBarBody>
        </MessageBar>
      );
  }
}

function stateOf(status: RunStatus): string {
  if (status.kind !== "finished") return status.kind;
  if (!status.outcome.ok) return "error";
  return status.outcome.result.issues.length > 0 ? "warning" : "success";
}
