/**
 * 导入填报: choose the returned .xlsx files, see per unit what would change
 * (rows added, changed, unchanged, removed, and each problem with its file,
 * sheet and cell), then confirm. The files are read here (exceljs, loaded
 * lazily) into plain values; the import itself is the `importReturns`
 * command, run first as a preview and then, on confirmation, for real.
 */
import { useEffect, useRef, useState, type ChangeEvent } from "react";
import { Button, Caption1, Text } from "@fluentui/react-components";
import type { Message } from "../../core/issue";
import { sheetRef } from "../../workbook/a1";
import type { CellValue } from "../../workbook/cells";
import type { CommandResult, Lang } from "../../workbook/command";
import type {
  ImportData,
  ImportIssue,
  ReturnedFile,
  RowChange,
  UnitImport,
} from "../../workbook/stockpile/import";
import { MAX_IMPORT_BYTES } from "../../workbook/stockpile/import";
import { tr } from "../i18n";
import type { SectionPanelProps } from "../sectionPanel";
import { readXlsxFiles, type FileLike, type ReadProblem, type ReadResult } from "./readXlsxFiles";
import { useStockpileStyles } from "./StockpilePanel.styles";

export const IMPORT_COMMAND = "importReturns";

export const IMPORT_TEXT = {
  title: { zh: "导入填报", en: "Import returned templates" },
  hint: {
    zh: `选择各单位发回的填报文件（.xlsx，可多选，每个不超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB）。先显示将要修改的内容，确认后才写入。`,
    en: `Choose the returned template files (.xlsx, several at once, up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB each). You see what would change first; nothing is written until you confirm.`,
  },
  choose: { zh: "选择填报文件……", en: "Choose files…" },
  reading: { zh: "正在读取文件……", en: "Reading the files…" },
  changesTitle: { zh: "将要导入的内容", en: "What the import would change" },
  blocked: {
    zh: "有错误，此单位不会导入，请更正后重新选择文件",
    en: "Has errors: this unit will not be imported; fix the file and choose it again",
  },
  nothingToImport: { zh: "没有可以导入的单位。", en: "No unit can be imported." },
  issuesTitle: { zh: "文件中的问题", en: "Problems in the files" },
  confirm: { zh: "确认导入", en: "Confirm import" },
  cancel: { zh: "取消", en: "Cancel" },
  doneTitle: { zh: "导入完成", en: "Import done" },
  empty: { zh: "（空）", en: "(blank)" },
} satisfies Record<string, Message>;

export const IMPORT_FORMAT = {
  unit: (u: UnitImport): Message => ({
    zh: `${u.unit}（${u.file} · ${u.sheet}）`,
    en: `${u.unit} (${u.file} · ${u.sheet})`,
  }),
  counts: (c: UnitImport["counts"]): Message => ({
    zh: `新增 ${c.added} · 修改 ${c.changed} · 未变 ${c.unchanged} · 删除 ${c.removed}`,
    en: `${c.added} added · ${c.changed} changed · ${c.unchanged} unchanged · ${c.removed} removed`,
  }),
  row: (r: RowChange, fields: string): Message => {
    const where = { zh: `物资储备第 ${r.targetRow} 行`, en: `物资储备 row ${r.targetRow}` };
    switch (r.kind) {
      case "added":
        return { zh: `新增 ${r.item}（${where.zh}）`, en: `Add ${r.item} (${where.en})` };
      case "removed":
        return { zh: `删除 ${r.item}（${where.zh}）`, en: `Remove ${r.item} (${where.en})` };
      default:
        return {
          zh: `修改 ${r.item}（${where.zh}）：${fields}`,
          en: `Change ${r.item} (${where.en}): ${fields}`,
        };
    }
  },
};

export interface StockpileImportProps extends SectionPanelProps {
  /** Reads the chosen files; the exceljs reader by default (tests pass a fake). */
  readFiles?: (files: readonly FileLike[]) => Promise<ReadResult>;
}

interface Preview {
  units: UnitImport[];
  issues: ImportIssue[];
}

/** The file input, the change list, the confirm button and the summary. */
export function StockpileImport({
  lang,
  disabled,
  lastResult,
  run,
  readFiles = readXlsxFiles,
}: StockpileImportProps) {
  const styles = useStockpileStyles();
  const input = useRef<HTMLInputElement>(null);
  const seen = useRef(lastResult);
  const [reading, setReading] = useState(false);
  const [returns, setReturns] = useState<ReturnedFile[]>([]);
  const [problems, setProblems] = useState<ReadProblem[]>([]);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [done, setDone] = useState<{ summary: Message; units: UnitImport[] } | null>(null);

  useEffect(() => {
    if (!lastResult || lastResult === seen.current) return;
    seen.current = lastResult;
    if (lastResult.commandId !== IMPORT_COMMAND) return;
    const data = importData(lastResult.result);
    if (!data) return;
    if (data.confirmed) {
      setDone({ summary: lastResult.result.summary, units: data.units.filter((u) => !u.blocked) });
      setPreview(null);
      setReturns([]);
    } else {
      setPreview({ units: data.units, issues: lastResult.result.issues as ImportIssue[] });
    }
  }, [lastResult]);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    // Cleared so choosing the same file again (after fixing it) fires a change.
    event.target.value = "";
    if (files.length === 0) return;
    setReading(true);
    setPreview(null);
    setDone(null);
    try {
      const read = await readFiles(files);
      setProblems(read.problems);
      setReturns(read.returns);
      if (read.returns.length > 0) run?.(IMPORT_COMMAND, { returns: read.returns, confirm: false });
    } catch (error) {
      setProblems(
        files.map((f) => ({
          fileName: f.name,
          severity: "error",
          message: {
            zh: `读取失败：${error instanceof Error ? error.message : String(error)}`,
            en: `Could not be read: ${error instanceof Error ? error.message : String(error)}`,
          },
        }))
      );
      setReturns([]);
    } finally {
      setReading(false);
    }
  };

  const importable = preview?.units.filter((u) => !u.blocked) ?? [];
  const cancel = () => {
    setPreview(null);
    setReturns([]);
    setProblems([]);
  };

  return (
    <div className={styles.part} data-testid="stockpile-import">
      <Text as="h3" block weight="semibold" className={styles.title}>
        {tr(lang, IMPORT_TEXT.title)}
      </Text>
      <Caption1 block className={styles.hint}>
        {tr(lang, IMPORT_TEXT.hint)}
      </Caption1>
      <div className={styles.row}>
        <input
          ref={input}
          type="file"
          multiple
          accept=".xlsx"
          className={styles.fileInput}
          data-testid="import-file-input"
          aria-label={tr(lang, IMPORT_TEXT.choose)}
          disabled={disabled || reading}
          onChange={(e) => void choose(e)}
        />
        <Button disabled={disabled || reading} onClick={() => input.current?.click()}>
          {tr(lang, IMPORT_TEXT.choose)}
        </Button>
        {reading ? <Caption1>{tr(lang, IMPORT_TEXT.reading)}</Caption1> : null}
      </div>
      {problems.length > 0 ? (
        <ul className={styles.list} data-testid="import-problems">
          {problems.map((p, i) => (
            <li
              key={`${p.fileName}:${i}`}
              className={p.severity === "error" ? styles.error : styles.warning}
            >
              {p.fileName}：{tr(lang, p.message)}
            </li>
          ))}
        </ul>
      ) : null}
      {preview ? (
        <div className={styles.part} data-testid="import-preview">
          <Text block weight="semibold">
            {tr(lang, IMPORT_TEXT.changesTitle)}
          </Text>
          {preview.units.map((u) => (
            <UnitChanges key={`${u.file}:${u.sheet}:${u.unit}`} unit={u} lang={lang} />
          ))}
          {preview.issues.length > 0 ? <IssueLines issues={preview.issues} lang={lang} /> : null}
          {importable.length === 0 ? (
            <Caption1 block className={styles.error}>
              {tr(lang, IMPORT_TEXT.nothingToImport)}
            </Caption1>
          ) : null}
          <div className={styles.row}>
            <Button
              appearance="primary"
              data-testid="import-confirm"
              disabled={disabled || importable.length === 0 || returns.length === 0 || !run}
              onClick={() => run?.(IMPORT_COMMAND, { returns, confirm: true })}
            >
              {tr(lang, IMPORT_TEXT.confirm)}
            </Button>
            <Button disabled={disabled} onClick={cancel}>
              {tr(lang, IMPORT_TEXT.cancel)}
            </Button>
          </div>
        </div>
      ) : null}
      {done ? (
        <div className={styles.part} data-testid="import-summary" role="status">
          <Text block weight="semibold" className={styles.success}>
            {tr(lang, IMPORT_TEXT.doneTitle)}
          </Text>
          <Caption1 block>{tr(lang, done.summary)}</Caption1>
        </div>
      ) : null}
    </div>
  );
}

function UnitChanges({ unit, lang }: { unit: UnitImport; lang: Lang }) {
  const styles = useStockpileStyles();
  const shown = unit.rows.filter((r) => r.kind !== "unchanged");
  return (
    <div className={styles.unit} data-testid="import-unit">
      <Text block weight="semibold">
        {tr(lang, IMPORT_FORMAT.unit(unit))}
      </Text>
      <Caption1 block className={styles.counts} data-testid="import-counts">
        {tr(lang, IMPORT_FORMAT.counts(unit.counts))}
      </Caption1>
      {unit.blocked ? (
        <Caption1 block className={styles.blocked}>
          {tr(lang, IMPORT_TEXT.blocked)}
        </Caption1>
      ) : null}
      {shown.length > 0 ? (
        <ul className={styles.list}>
          {shown.map((r) => (
            <li key={`${r.kind}:${r.item}:${r.targetRow}`} data-testid="import-row">
              {tr(lang, IMPORT_FORMAT.row(r, fieldsText(r, lang)))}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function IssueLines({ issues, lang }: { issues: readonly ImportIssue[]; lang: Lang }) {
  const styles = useStockpileStyles();
  return (
    <div>
      <Text block weight="semibold">
        {tr(lang, IMPORT_TEXT.issuesTitle)}
      </Text>
      <ul className={styles.list} data-testid="import-issues">
        {issues.map((i, n) => (
          <li
            key={`${i.file}:${i.sheet}:${i.cell}:${n}`}
            className={i.severity === "error" ? styles.error : styles.warning}
          >
            <span className={styles.ref}>
              {i.file ? `${i.file} · ` : ""}
              {sheetRef(i.sheet, i.cell)}
            </span>{" "}
            {tr(lang, i.message)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function fieldsText(row: RowChange, lang: Lang): string {
  const show = (v: CellValue) => (v === null || v === "" ? tr(lang, IMPORT_TEXT.empty) : String(v));
  return row.fields
    .map((f) => `${f.header} ${show(f.old)} → ${show(f.new)}`)
    .join(lang === "zh" ? "；" : "; ");
}

function importData(result: CommandResult): ImportData | null {
  const data = result.data as Partial<ImportData> | undefined;
  return data && Array.isArray(data.units) && typeof data.confirmed === "boolean"
    ? (data as ImportData)
    : null;
}
