/**
 * The status line: progress while a command runs, then its summary, the
 * host's error message (with what was already written, down to the rows of
 * a block cut short), or an unexpected exception's message. Nothing is
 * hidden from the user.
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
import type { ExecuteError, ExecuteOutcome } from "../workbook/execute";
import type { PartialWrite } from "../workbook/host";
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
        const skipped = outcome.report.skipped ?? [];
        const warn = outcome.result.issues.length > 0 || skipped.length > 0;
        return (
          <MessageBar intent={warn ? "warning" : "success"}>
            <MessageBarBody className={bodyClass}>
              <div>{tr(lang, outcome.result.summary)}</div>
              {outcome.report.cells > 0 ? (
                <div>{tr(lang, UI_FORMAT.cellsWritten(outcome.report.cells))}</div>
              ) : null}
              {/* What this Excel could not do (print set-up below ExcelApi 1.9), for the clerk to do by hand. */}
              {skipped.map((message) => (
                <div key={message.en} data-testid="skipped">
                  {tr(lang, message)}
                </div>
              ))}
            </MessageBarBody>
          </MessageBar>
        );
      }
      const { error } = outcome;
      return (
        <MessageBar intent="error">
          <MessageBarBody className={bodyClass}>
            <MessageBarTitle>{tr(lang, UI.failedTitle)}</MessageBarTitle>
            {tr(lang, error.message)} {writtenText(error, lang)}
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

/** What a failed command had already written: whole ops, the rows of a block cut short, or nothing. */
function writtenText(error: ExecuteError, lang: Lang): string {
  const { writtenOps, partial } = error;
  if (partial) {
    const rows = tr(lang, partialRows(partial, writtenOps === 0));
    if (writtenOps === 0) return rows;
    // Chinese sentences run on without a space; English ones take one.
    return [tr(lang, UI_FORMAT.writtenOps(writtenOps)), rows].join(lang === "zh" ? "" : " ");
  }
  return writtenOps > 0 ? tr(lang, UI_FORMAT.writtenOps(writtenOps)) : tr(lang, UI.nothingWritten);
}

/**
 * The rows of a block the host wrote before it failed (only a block bigger
 * than one Excel request is written in several parts). `alone`: no whole op
 * was written before it, so the message also says what to do.
 *
 * @example
 * partialRows({ sheet: "物资储备", rows: 120, ofRows: 500 }, true).zh
 * //=> "出错前“物资储备”表的一块数据已写入前 120 行（共 500 行），其余未写入；请检查工作簿后重新运行。"
 */
export function partialRows(partial: PartialWrite, alone: boolean): Message {
  const { sheet, rows, ofRows } = partial;
  return alone
    ? {
        zh: `出错前“${sheet}”表的一块数据已写入前 ${rows} 行（共 ${ofRows} 行），其余未写入；请检查工作簿后重新运行。`,
        en: `Before the failure, the first ${rows} of ${ofRows} rows of a block on sheet ${sheet} had been written; the rest were not. Check the workbook and run the command again.`,
      }
    : {
        zh: `此外，“${sheet}”表的下一块数据已写入前 ${rows} 行（共 ${ofRows} 行）。`,
        en: `Also, the first ${rows} of ${ofRows} rows of the next block on sheet ${sheet} had been written.`,
      };
}

function stateOf(status: RunStatus): string {
  if (status.kind !== "finished") return status.kind;
  if (!status.outcome.ok) return "error";
  const { result, report } = status.outcome;
  return result.issues.length > 0 || (report.skipped?.length ?? 0) > 0 ? "warning" : "success";
}
