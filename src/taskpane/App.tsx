/**
 * The task pane. It receives its actions (run a command, select a cell) as a
 * prop and never calls Excel itself: taskpane.tsx passes actions on the
 * Office host, preview.tsx on the in-memory host, tests pass `jest.fn()`.
 */
import { useState, type ComponentType } from "react";
import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Command, CommandResult } from "../workbook/command";
import { COMMANDS } from "../workbook/commands";
import { HostError } from "../workbook/host";
import type { CellIssue } from "../workbook/issues";
import type { CommandOptions, TaskpaneActions } from "./actions";
import { UI, tr } from "./i18n";
import { IssueList } from "./IssueList";
import { Section } from "./Section";
import {
  SECTIONS,
  SECTION_COMMANDS,
  SECTION_PANELS,
  sectionCommands,
  type SectionId,
} from "./sections";
import type { SectionPanelProps } from "./sectionPanel";
import { StatusLine, type RunStatus } from "./StatusLine";

export const INIT_COMMAND_ID = "initWorkbook";

export interface AppProps {
  actions: TaskpaneActions;
  /** The commands to offer; the registry by default (tests pass their own). */
  registry?: readonly Command[];
  /** Per-section option controls; SECTION_PANELS by default. */
  panels?: Partial<Record<SectionId, ComponentType<SectionPanelProps>>>;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: "260px",
    boxSizing: "border-box",
  },
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  title: { color: tokens.colorBrandForeground1, margin: 0 },
  init: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** The whole task pane. */
export function App({ actions, registry = COMMANDS, panels = SECTION_PANELS }: AppProps) {
  const styles = useStyles();
  const { lang } = actions;
  const [status, setStatus] = useState<RunStatus>({ kind: "idle" });
  const [issues, setIssues] = useState<readonly CellIssue[]>([]);
  const [lastResults, setLastResults] = useState<
    Partial<Record<SectionId, { commandId: string; result: CommandResult }>>
  >({});
  const busy = status.kind === "running";
  const init = registry.find((c) => c.id === INIT_COMMAND_ID);

  const select = async (sheet: string, cell: string) => {
    try {
      await actions.select(sheet, cell);
    } catch (e) {
      setStatus({ kind: "crashed", message: errorMessage(e, lang) });
    }
  };

  const run = async (command: Command, options: CommandOptions, section?: SectionId) => {
    const label = command.label;
    setStatus({ kind: "running", label });
    setIssues([]);
    let outcome;
    try {
      outcome = await actions.run(command.id, options, (done, total) =>
        setStatus({ kind: "running", label, progress: { done, total } })
      );
    } catch (e) {
      setStatus({ kind: "crashed", message: errorMessage(e, lang) });
      return;
    }
    setStatus({ kind: "finished", label, outcome });
    if (!outcome.ok) return;
    const { result } = outcome;
    setIssues(result.issues);
    if (section)
      setLastResults((prev) => ({ ...prev, [section]: { commandId: command.id, result } }));
    if (result.focus) await select(result.focus.sheet, result.focus.cell);
  };

  return (
    <main className={styles.root} lang={lang === "zh" ? "zh-CN" : "en"} data-testid="taskpane">
      <header className={styles.header}>
        <Text as="h1" block size={600} weight="semibold" className={styles.title}>
          {tr(lang, UI.appName)}
        </Text>
        <Caption1 block>{tr(lang, UI.tagline)}</Caption1>
      </header>
      {init ? (
        <div className={styles.init}>
          <Button
            appearance="primary"
            data-testid={`command-${init.id}`}
            disabled={busy}
            onClick={() => void run(init, {})}
          >
            {tr(lang, init.label)}
          </Button>
          <Caption1 block className={styles.hint}>
            {tr(lang, UI.initHint)}
          </Caption1>
        </div>
      ) : null}
      <StatusLine status={status} lang={lang} />
      <IssueList issues={issues} lang={lang} onSelect={(sheet, cell) => void select(sheet, cell)} />
      {SECTIONS.map((spec) => (
        <Section
          key={spec.id}
          spec={spec}
          commands={sectionCommands(spec.id, registry, SECTION_COMMANDS)}
          Panel={panels[spec.id]}
          lang={lang}
          busy={busy}
          lastResult={lastResults[spec.id]}
          createWorkbook={actions.createWorkbook}
          onRun={(command, options) => void run(command, options, spec.id)}
        />
      ))}
    </main>
  );
}

/** The user's words for a thrown error: a host's own message when it has one, else the raw message. */
function errorMessage(e: unknown, lang: "zh" | "en"): string {
  if (e instanceof HostError) return e.userMessage[lang];
  if (e instanceof Error) return e.message;
  return String(e);
}
