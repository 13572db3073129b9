/**
 * One capability's part of the task pane: its title, its own option controls
 * (when it has any) and a button per registered command.
 */
import { useState, type ComponentType } from "react";
import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Command, Lang } from "../workbook/command";
import { commandById } from "../workbook/commands";
import type { CommandOptions } from "./actions";
import { UI, tr } from "./i18n";
import type { SectionPanelProps } from "./sectionPanel";
import type { SectionSpec } from "./sections";

export interface SectionProps {
  spec: SectionSpec;
  commands: readonly Command[];
  Panel?: ComponentType<SectionPanelProps>;
  lang: Lang;
  busy: boolean;
  lastResult?: SectionPanelProps["lastResult"];
  createWorkbook?: SectionPanelProps["createWorkbook"];
  onRun(command: Command, options: CommandOptions): void;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  title: { margin: 0 },
  note: { color: tokens.colorNeutralForeground3, margin: 0 },
});

/** A section of the task pane. */
export function Section({
  spec,
  commands,
  Panel,
  lang,
  busy,
  lastResult,
  createWorkbook,
  onRun,
}: SectionProps) {
  const styles = useStyles();
  const [options, setOptions] = useState<CommandOptions>({});
  const titleId = `section-title-${spec.id}`;
  return (
    <section className={styles.root} aria-labelledby={titleId} data-testid={`section-${spec.id}`}>
      <Text as="h2" block id={titleId} size={400} weight="semibold" className={styles.title}>
        {tr(lang, spec.title)}
      </Text>
      {/* A panel's controls serve its commands: none registered, no panel. */}
      {Panel && commands.length > 0 ? (
        <Panel
          lang={lang}
          options={options}
          onOptionsChange={setOptions}
          disabled={busy}
          lastResult={lastResult}
          createWorkbook={createWorkbook}
          run={(commandId, panelOptions) => {
            // A panel's own step (e.g. a confirmation) may run a command that has no button.
            const command = commands.find((c) => c.id === commandId) ?? commandById(commandId);
            if (command) onRun(command, panelOptions);
          }}
        />
      ) : null}
      {commands.length > 0 ? (
        <div className={styles.buttons}>
          {commands.map((command) => (
            <Button
              key={command.id}
              data-testid={`command-${command.id}`}
              disabled={busy}
              onClick={() => onRun(command, options)}
            >
              {tr(lang, command.label)}
            </Button>
          ))}
        </div>
      ) : (
        <Caption1 as="p" block className={styles.note} data-testid="section-empty">
          {tr(lang, UI.emptySection)}
        </Caption1>
      )}
    </section>
  );
}
