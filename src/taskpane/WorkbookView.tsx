/**
 * The browser preview's stand-in for Excel's grid: a tab per sheet and the
 * sheet's display values as a plain HTML table, re-rendered whenever the
 * in-memory workbook changes. The selected cell is highlighted and scrolled
 * into view.
 */
import { useEffect, useRef, useState } from "react";
import { Button, Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { cellAddress, columnLetters, parseCellAddress } from "../workbook/a1";
import type { CellValue } from "../workbook/cells";
import type { Lang } from "../workbook/command";
import { formattedText } from "./formattedText";
import { UI, UI_FORMAT, tr } from "./i18n";

/** What the view reads from a workbook (MemoryWorkbook provides it). */
export interface WorkbookViewSource {
  sheetNames(): string[];
  /** Display values: a formula cell shows its value. */
  values(sheet: string): CellValue[][];
  numberFormats?(sheet: string): (string | null | undefined)[][];
  /** Column width in points, when the sheet sets one. */
  columnWidth?(sheet: string, column: number): number | undefined;
  /** Calls the listener after every change; returns a function that stops it. */
  subscribe(listener: () => void): () => void;
}

export interface WorkbookViewProps {
  source: WorkbookViewSource;
  lang: Lang;
  /** The cell the task pane asked to show. */
  selection?: { sheet: string; cell: string; seq: number };
}

/** Excel's default column width (8.43 characters of Calibri 11), in CSS pixels. */
const DEFAULT_COLUMN_PX = 64;
const ROW_HEADER_PX = 40;

/** Rows rendered before the "show all" button (a sheet may hold many thousands). */
export const ROW_LIMIT = 500;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minHeight: 0, height: "100%" },
  tabs: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    paddingBottom: tokens.spacingVerticalS,
  },
  tab: { minWidth: "auto" },
  grid: {
    overflow: "auto",
    flexGrow: 1,
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  table: {
    borderCollapse: "collapse",
    tableLayout: "fixed",
    fontSize: tokens.fontSizeBase200,
    fontFamily: tokens.fontFamilyBase,
  },
  head: {
    position: "sticky",
    top: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 6px",
  },
  rowHead: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 6px",
    textAlign: "right",
  },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 6px",
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  number: { textAlign: "right" },
  selected: {
    outline: `2px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-2px",
    backgroundColor: tokens.colorBrandBackground2,
  },
  note: { color: tokens.colorNeutralForeground3, padding: tokens.spacingVerticalS },
});

/** Tabs and tables of a workbook. */
export function WorkbookView({ source, lang, selection }: WorkbookViewProps) {
  const styles = useStyles();
  const [, setVersion] = useState(0);
  const [active, setActive] = useState<string | undefined>(undefined);
  const [showAll, setShowAll] = useState(false);
  const selectedRef = useRef<HTMLTableCellElement>(null);

  useEffect(() => source.subscribe(() => setVersion((v) => v + 1)), [source]);
  useEffect(() => {
    if (selection) setActive(selection.sheet);
  }, [selection]);
  useEffect(() => {
    selectedRef.current?.scrollIntoView?.({ block: "center", inline: "nearest" });
  }, [selection, active]);

  const names = source.sheetNames();
  if (names.length === 0)
    return (
      <Caption1 as="p" block className={styles.note} data-testid="workbook-empty">
        {tr(lang, UI.previewEmpty)}
      </Caption1>
    );
  const sheet = active !== undefined && names.includes(active) ? active : names[0];
  const values = source.values(sheet);
  const formats = source.numberFormats?.(sheet);
  const width = values.reduce((w, row) => Math.max(w, row.length), 0);
  const target = selection?.sheet === sheet ? parseCellAddress(selection.cell) : undefined;
  const limit = showAll ? values.length : Math.max(ROW_LIMIT, (target?.row ?? 0) + 20);
  const shown = values.slice(0, limit);
  const columnPx = Array.from({ length: width }, (_, c) => {
    const points = source.columnWidth?.(sheet, c + 1);
    // 1 pt = 4/3 CSS px.
    return points === undefined ? DEFAULT_COLUMN_PX : Math.round((points * 4) / 3);
  });
  const tableWidth = ROW_HEADER_PX + columnPx.reduce((sum, px) => sum + px, 0);

  return (
    <div className={styles.root}>
      <div role="tablist" aria-label={tr(lang, UI.sheetTabs)} className={styles.tabs}>
        {names.map((name) => (
          <Button
            key={name}
            role="tab"
            size="small"
            className={styles.tab}
            appearance={name === sheet ? "primary" : "secondary"}
            aria-selected={name === sheet}
            data-testid="sheet-tab"
            data-sheet={name}
            onClick={() => setActive(name)}
          >
            {name}
          </Button>
        ))}
      </div>
      <div role="tabpanel" aria-label={sheet} className={styles.grid}>
        {width === 0 ? (
          <Caption1 as="p" block className={styles.note}>
            {tr(lang, UI.emptySheet)}
          </Caption1>
        ) : (
          <table
            className={styles.table}
            style={{ width: `${tableWidth}px` }}
            data-testid="sheet-table"
            data-sheet={sheet}
          >
            <colgroup>
              <col style={{ width: `${ROW_HEADER_PX}px` }} />
              {columnPx.map((px, c) => (
                <col key={c} style={{ width: `${px}px` }} />
              ))}
            </colgroup>
            <thead>
              <tr>
                <th className={styles.head} />
                {Array.from({ length: width }, (_, c) => (
                  <th key={c} scope="col" className={styles.head}>
                    {columnLetters(c + 1)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((row, r) => (
                <tr key={r}>
                  <th scope="row" className={styles.rowHead}>
                    {r + 1}
                  </th>
                  {Array.from({ length: width }, (_, c) => {
                    const value = row[c] ?? null;
                    const isSelected = target?.row === r + 1 && target.column === c + 1;
                    const text = formattedText(value, formats?.[r]?.[c]);
                    return (
                      <td
                        key={c}
                        ref={isSelected ? selectedRef : undefined}
                        data-cell={cellAddress(r + 1, c + 1)}
                        aria-selected={isSelected || undefined}
                        title={text.length > 12 ? text : undefined}
                        className={mergeClasses(
                          styles.cell,
                          typeof value === "number" && styles.number,
                          isSelected && styles.selected
                        )}
                      >
                        {text}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {shown.length < values.length ? (
          <Button appearance="subtle" onClick={() => setShowAll(true)}>
            {tr(lang, UI_FORMAT.moreRows(values.length - shown.length))}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
