/**
 * The issues of the last command, each naming its cell (`物资储备!F7`) and
 * saying what to fix. Clicking one selects that cell.
 */
import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../workbook/command";
import { sheetRef } from "../workbook/a1";
import type { CellIssue } from "../workbook/issues";
import { UI, UI_FORMAT, tr } from "./i18n";

export interface IssueListProps {
  issues: readonly CellIssue[];
  lang: Lang;
  onSelect(sheet: string, cell: string): void;
}

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  title: { margin: 0 },
  hint: { marginTop: 0, marginBottom: tokens.spacingVerticalXS },
  entry: {
    justifyContent: "flex-start",
    fontWeight: tokens.fontWeightRegular,
    textAlign: "start",
    width: "100%",
    height: "auto",
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  text: { display: "flex", flexDirection: "column", alignItems: "flex-start" },
  ref: { fontWeight: tokens.fontWeightSemibold, fontFamily: tokens.fontFamilyMonospace },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/** The clickable list of issues; nothing when there are none. */
export function IssueList({ issues, lang, onSelect }: IssueListProps) {
  const styles = useStyles();
  if (issues.length === 0) return null;
  return (
    <section aria-labelledby="issues-title" data-testid="issues">
      <Text as="h2" block id="issues-title" weight="semibold" size={300} className={styles.title}>
        {tr(lang, UI.issuesTitle)} · {tr(lang, UI_FORMAT.issueCount(issues.length))}
      </Text>
      <Caption1 as="p" block className={styles.hint}>
        {tr(lang, UI.issuesHint)}
      </Caption1>
      <ul className={styles.list}>
        {issues.map((issue, i) => (
          <li key={`${issue.sheet}!${issue.cell}:${issue.code}:${i}`}>
            <Button
              appearance="subtle"
              className={styles.entry}
              data-testid="issue"
              onClick={() => onSelect(issue.sheet, issue.cell)}
            >
              <span className={styles.text}>
                <span>
                  <span className={styles.ref}>{sheetRef(issue.sheet, issue.cell)}</span>{" "}
                  <Caption1 className={issue.severity === "error" ? styles.error : styles.warning}>
                    {tr(lang, issue.severity === "error" ? UI.severityError : UI.severityWarning)}
                  </Caption1>
                </span>
                <span>{tr(lang, issue.message)}</span>
              </span>
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
