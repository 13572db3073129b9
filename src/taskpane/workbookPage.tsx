/**
 * 工作簿计算页: the real task pane on the clerk's own workbook, in any browser,
 * with no Office and no network. The file is opened with a file picker or by
 * dropping it on the page, read by the command line's reader (workbookFile.ts,
 * loaded lazily with exceljs), and 下载计算结果 saves what `epi-ledger compute`
 * writes from the same file with the clerk's edits. Nothing leaves the browser.
 */
import { useMemo, useRef, useState, type DragEvent } from "react";
import { Button, Caption1, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import type ExcelJS from "exceljs";
import type { Message } from "../core/issue";
import type { CellValue } from "../workbook/cells";
import type { Lang } from "../workbook/command";
import { HostError } from "../workbook/host";
import { createActions, type TaskpaneActions } from "./actions";
import { App } from "./App";
import { ErrorBoundary } from "./ErrorBoundary";
import { UI, tr } from "./i18n";
import { WorkbookView, type WorkbookViewSource } from "./WorkbookView";
import type { WorkbookHost } from "../workbook/host";
import { HISTORY_SHEET } from "../workbook/history";
import { usePageLayoutStyles } from "./pageLayout.styles";

/** A cell typed on the page: sheet, A1 address and the value as stored. */
export interface CellEdit {
  sheet: string;
  cell: string;
  value: CellValue;
}

export interface OpenedBook {
  host: WorkbookHost;
  workbook: ExcelJS.Workbook;
}

/**
 * What the page needs of the .xlsx reader (src/standalone/workbookFile.ts,
 * loaded lazily with exceljs): opening with the CLI's checks, typing into a
 * cell, the sheets' values, and the file `epi-ledger compute` would write.
 */
export interface BookReader {
  openBook(bytes: Uint8Array, name: string): Promise<OpenedBook>;
  applyEdit(workbook: ExcelJS.Workbook, edit: CellEdit): void;
  typedValue(text: string): CellValue;
  sheetValues(workbook: ExcelJS.Workbook, sheet: string): CellValue[][];
  sheetFormats(workbook: ExcelJS.Workbook, sheet: string): (string | undefined)[][];
  computedFile(
    bytes: Uint8Array,
    name: string,
    edits: readonly CellEdit[],
    at: Date,
    lang: Lang
  ): Promise<Uint8Array>;
}

const T = {
  title: { zh: "工作簿计算页", en: "Workbook page" },
  privacy: {
    zh: "文件只在本浏览器中读取和计算，不会上传到任何地方。",
    en: "Your file is read and computed in this browser only; nothing is uploaded.",
  },
  open: { zh: "打开台账（.xlsx）", en: "Open a ledger (.xlsx)" },
  drop: { zh: "或把 .xlsx 文件拖到此页", en: "or drop an .xlsx file on this page" },
  reading: { zh: "正在读取", en: "Reading" },
  download: { zh: "下载计算结果", en: "Download the computed workbook" },
  computing: { zh: "正在生成计算结果…", en: "Computing the result file…" },
  cell: { zh: "单元格", en: "Cell" },
  value: { zh: "值（回车写入）", en: "Value (Enter writes it)" },
  notInput: {
    zh: "此表由命令生成，不在此编辑；请修改输入表后重新运行命令",
    en: "Commands make this sheet; edit the input sheets instead and run the command again",
  },
  editHint: {
    zh: "点击表中单元格，在下方输入新值并按回车；再次运行命令即按新值计算。",
    en: "Click a cell, type its new value below and press Enter; the next command uses it.",
  },
} satisfies Record<string, Message>;

const useStyles = makeStyles({
  bar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  error: { color: tokens.colorPaletteRedForeground1 },
});

interface Loaded {
  book: OpenedBook;
  bytes: Uint8Array;
  name: string;
  edits: CellEdit[];
}

function messageOf(e: unknown, lang: Lang): string {
  if (e instanceof HostError) return e.userMessage[lang];
  return e instanceof Error ? e.message : String(e);
}

export interface WorkbookPageProps {
  lang: Lang;
  clock: () => Date;
  /** Loads the reader (and exceljs) on first use. */
  loadReader: () => Promise<BookReader>;
}

/** ?date=YYYY-MM-DD fixes the page's clock on that day at 17:00 (for tests and back-dated work). */
export function clockFromQuery(search: string): () => Date {
  const m = /[?&]date=(\d{4})-(\d{2})-(\d{2})/.exec(search);
  if (!m) return () => new Date();
  const at = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 17, 0, 0);
  return () => at;
}

export function WorkbookPage({ lang, clock, loadReader }: WorkbookPageProps) {
  const styles = { ...usePageLayoutStyles(), ...useStyles() };
  const [loaded, setLoaded] = useState<Loaded>();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  const [target, setTarget] = useState<{ sheet: string; cell: string }>();
  const [text, setText] = useState("");
  const listeners = useRef(new Set<() => void>());
  // Sheets a command has made (cleared and rewritten): the rest are the clerk's input sheets.
  const made = useRef(new Set<string>([HISTORY_SHEET]));
  const editable = (sheet: string) => !made.current.has(sheet);
  const changed = () => listeners.current.forEach((l) => l());
  const reader = useRef<BookReader>();
  const fileModule = async () => (reader.current ??= await loadReader());

  const open = async (file: File) => {
    setError(undefined);
    setBusy(`${tr(lang, T.reading)} ${file.name}…`);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const { openBook } = await fileModule();
      const book = await openBook(bytes, file.name);
      made.current = new Set([HISTORY_SHEET]);
      setLoaded({ book, bytes, name: file.name, edits: [] });
      setTarget(undefined);
    } catch (e) {
      setError(messageOf(e, lang));
    } finally {
      setBusy(undefined);
    }
  };

  const source = useMemo<WorkbookViewSource | undefined>(() => {
    if (!loaded) return undefined;
    const wb = loaded.book.workbook;
    let cache = new Map<string, unknown>();
    listeners.current.add(() => (cache = new Map()));
    const memo = <V,>(key: string, make: () => V): V => {
      if (!cache.has(key)) cache.set(key, make());
      return cache.get(key) as V;
    };
    return {
      sheetNames: () => wb.worksheets.map((ws) => ws.name),
      values: (sheet) => memo(`v:${sheet}`, () => reader.current?.sheetValues(wb, sheet) ?? []),
      numberFormats: (sheet) =>
        memo(`f:${sheet}`, () => reader.current?.sheetFormats(wb, sheet) ?? []),
      subscribe: (listener) => {
        listeners.current.add(listener);
        return () => listeners.current.delete(listener);
      },
    };
  }, [loaded]);

  const actions = useMemo<TaskpaneActions | undefined>(() => {
    if (!loaded) return undefined;
    const base = createActions({ host: loaded.book.host, lang, clock });
    return {
      ...base,
      async run(id, options, onProgress) {
        const outcome = await base.run(id, options, onProgress);
        if (outcome.ok)
          for (const op of outcome.result.ops)
            if (op.kind === "clearSheet") made.current.add(op.sheet);
        changed();
        return outcome;
      },
      async select(sheet, cell) {
        setTarget({ sheet, cell });
      },
    };
  }, [loaded, lang, clock]);

  const write = async () => {
    if (!loaded || !target || !editable(target.sheet)) return;
    const { applyEdit, typedValue } = await fileModule();
    const edit: CellEdit = { ...target, value: typedValue(text) };
    applyEdit(loaded.book.workbook, edit);
    loaded.edits.push(edit);
    changed();
  };

  const download = async () => {
    if (!loaded) return;
    setBusy(tr(lang, T.computing));
    try {
      const { computedFile } = await fileModule();
      const result = await computedFile(loaded.bytes, loaded.name, loaded.edits, clock(), lang);
      const blob = new Blob([result as Uint8Array<ArrayBuffer>], {
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      });
      const a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = `${loaded.name.replace(/\.xlsx$/i, "")}_计算结果.xlsx`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    } catch (e) {
      setError(messageOf(e, lang));
    } finally {
      setBusy(undefined);
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    const file = e.dataTransfer.files[0];
    if (file) void open(file);
  };

  return (
    <div className={styles.page} onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <aside className={styles.pane} data-testid="pane">
        {actions ? (
          <ErrorBoundary lang={lang}>
            <App key={loaded?.name} actions={actions} />
          </ErrorBoundary>
        ) : (
          <Caption1 block style={{ padding: tokens.spacingHorizontalM }}>
            {tr(lang, UI.appName)}
          </Caption1>
        )}
      </aside>
      <section className={styles.workbook} data-testid="workbook" aria-labelledby="workbook-title">
        <Text as="h2" id="workbook-title" weight="semibold" size={400}>
          {tr(lang, T.title)}
          {loaded ? `：${loaded.name}` : ""}
        </Text>
        <Caption1 block data-testid="privacy">
          {tr(lang, T.privacy)}
        </Caption1>
        <div className={styles.bar}>
          <label>
            {tr(lang, T.open)}{" "}
            <input
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              data-testid="file-input"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void open(file);
                e.target.value = "";
              }}
            />
          </label>
          <Caption1>{tr(lang, T.drop)}</Caption1>
          {loaded ? (
            <Button
              appearance="primary"
              onClick={() => void download()}
              disabled={busy !== undefined}
            >
              {tr(lang, T.download)}
            </Button>
          ) : null}
        </div>
        {busy ? (
          <Caption1 block role="status" data-testid="page-busy">
            {busy}
          </Caption1>
        ) : null}
        {error ? (
          <Text block role="alert" className={styles.error} data-testid="page-error">
            {error}
          </Text>
        ) : null}
        {loaded && source ? (
          <>
            <Caption1 block>{tr(lang, T.editHint)}</Caption1>
            <div className={styles.bar}>
              <Caption1 data-testid="edit-cell">
                {tr(lang, T.cell)} {target ? `${target.sheet}!${target.cell}` : "—"}
              </Caption1>
              <Input
                aria-label={tr(lang, T.value)}
                placeholder={tr(lang, T.value)}
                data-testid="edit-value"
                disabled={!target || !editable(target.sheet)}
                value={text}
                onChange={(_, d) => setText(d.value)}
                onKeyDown={(e) => {
                  if (e.key === "Enter") void write();
                }}
              />
              {target && !editable(target.sheet) ? (
                <Caption1 data-testid="edit-refused">{tr(lang, T.notInput)}</Caption1>
              ) : null}
            </div>
            <div
              style={{ display: "contents" }}
              onClick={(e) => {
                const td = (e.target as HTMLElement).closest("td[data-cell]");
                const table = td?.closest("table[data-sheet]");
                if (!td || !table) return;
                setTarget({
                  sheet: table.getAttribute("data-sheet") ?? "",
                  cell: td.getAttribute("data-cell") ?? "",
                });
                setText(td.textContent ?? "");
              }}
            >
              <ErrorBoundary lang={lang}>
                <WorkbookView
                  source={source}
                  lang={lang}
                  selection={target ? { ...target, seq: loaded.edits.length } : undefined}
                />
              </ErrorBoundary>
            </div>
          </>
        ) : null}
      </section>
    </div>
  );
}
