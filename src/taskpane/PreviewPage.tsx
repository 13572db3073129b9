/**
 * The browser preview page: the real task pane on the in-memory host, on the
 * left, and the workbook's sheets as HTML tables on the right. Clicking an
 * issue selects the cell in the memory workbook and scrolls to it here.
 */
import { useMemo, useState } from "react";
import { Caption1, Text } from "@fluentui/react-components";
import { chineseDate, isoFromSerial } from "../core/dates";
import { createMemoryHost } from "../hosts/memory/memoryHost";
import type { MemoryWorkbook } from "../hosts/memory/memoryExcel";
import type { Lang } from "../workbook/command";
import { clockSerials, createActions, type TaskpaneActions } from "./actions";
import { App } from "./App";
import { ErrorBoundary } from "./ErrorBoundary";
import { UI, UI_FORMAT, tr } from "./i18n";
import { usePageLayoutStyles } from "./pageLayout.styles";
import { WorkbookView, type WorkbookViewProps } from "./WorkbookView";

/** The preview page: the pane on the left, the workbook on the right. */
export interface PreviewPageProps {
  workbook: MemoryWorkbook;
  lang: Lang;
  /** The clock commands see: the sample's report day, so the sample's figures make sense. */
  clock: () => Date;
}

export function PreviewPage({ workbook, lang, clock }: PreviewPageProps) {
  const styles = usePageLayoutStyles();
  const [selection, setSelection] = useState<WorkbookViewProps["selection"]>();
  const actions = useMemo<TaskpaneActions>(() => {
    const base = createActions({ host: createMemoryHost(workbook), lang, clock });
    return {
      ...base,
      async select(sheet, cell) {
        await base.select(sheet, cell);
        setSelection((prev) => ({ sheet, cell, seq: (prev?.seq ?? 0) + 1 }));
      },
    };
  }, [workbook, lang, clock]);
  const at = clock();
  const { today } = clockSerials(at);
  const time = `${String(at.getHours()).padStart(2, "0")}:${String(at.getMinutes()).padStart(2, "0")}`;
  return (
    <div className={styles.page}>
      <aside className={styles.pane} data-testid="pane">
        <ErrorBoundary lang={lang}>
          <App actions={actions} />
        </ErrorBoundary>
      </aside>
      <section className={styles.workbook} data-testid="workbook" aria-labelledby="workbook-title">
        <Text as="h2" id="workbook-title" weight="semibold" size={400}>
          {tr(lang, UI.previewTitle)}
        </Text>
        <Caption1 block>
          {tr(lang, UI_FORMAT.previewClock(chineseDate(today), isoFromSerial(today), time))}
        </Caption1>
        <ErrorBoundary lang={lang}>
          <WorkbookView source={workbook} lang={lang} selection={selection} />
        </ErrorBoundary>
      </section>
    </div>
  );
}
