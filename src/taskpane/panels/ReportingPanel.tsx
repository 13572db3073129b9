/**
 * The 日报告 section's own controls: the report date, and after 生成报送情况
 * the one-line summary in a read-only box with a copy button, and the units
 * that have not reported (未报) or reported late (迟报). Phones come masked
 * from the command (ReportStatusData); the panel never calls Excel.
 */
import { useEffect, useRef, useState } from "react";
import {
  Button,
  Caption1,
  Field,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { chineseDate, isoFromSerial, type DateSerial } from "../../core/dates";
import type { Message } from "../../core/issue";
import type { Lang } from "../../workbook/command";
import type { ReportStatusData, ReportStatusUnit } from "../../workbook/reporting/reportStatus";
import { tr } from "../i18n";
import type { SectionPanelProps } from "../sectionPanel";
import { copyText } from "./clipboard";
import { ReportDateField } from "./ReportDateField";

/** The command whose result the panel shows. */
export const REPORT_STATUS_COMMAND = "reportStatus";

export const REPORTING_TEXT = {
  reportDateHint: {
    zh: "不选则为今天（按本机时钟）。",
    en: "Leave it empty for today (the computer's clock).",
  },
  summary: { zh: "报送情况摘要（可复制到工作群）", en: "Summary (to paste into the work group)" },
  copy: { zh: "复制", en: "Copy" },
  copied: { zh: "已复制", en: "Copied" },
  copyFailed: {
    zh: "未能复制，请选中上方文字后按 Ctrl+C",
    en: "Could not copy; select the text above and press Ctrl+C",
  },
  missingTitle: { zh: "未报", en: "Not reported" },
  lateTitle: { zh: "迟报", en: "Late" },
  none: { zh: "无", en: "None" },
} satisfies Record<string, Message>;

export const REPORTING_FORMAT = {
  resultDate: (serial: DateSerial): Message => ({
    zh: `报告日期：${chineseDate(serial)}`,
    en: `Report date: ${isoFromSerial(serial)}`,
  }),
  listTitle: (title: Message, count: number): Message => ({
    zh: `${title.zh}（${count}个）`,
    en: `${title.en} (${count})`,
  }),
  daysMissing: (days: number): Message => ({
    zh: `连续未报${days}天`,
    en: days === 1 ? "1 day missing" : `${days} days in a row missing`,
  }),
  receivedAt: (time: string): Message => ({
    zh: `${time}报送`,
    en: `received ${time}`,
  }),
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  result: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  copyRow: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  copied: { color: tokens.colorPaletteGreenForeground1 },
  copyFailed: { color: tokens.colorPaletteRedForeground1 },
  hint: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  detail: { color: tokens.colorNeutralForeground3 },
  missingTitle: { color: tokens.colorPaletteRedForeground1, margin: 0 },
  lateTitle: { color: tokens.colorPaletteDarkOrangeForeground1, margin: 0 },
});

/** The report date, and the last 生成报送情况's summary and lists. */
export function ReportingPanel({
  lang,
  options,
  onOptionsChange,
  disabled,
  lastResult,
}: SectionPanelProps) {
  const styles = useStyles();
  const data = lastResult?.commandId === REPORT_STATUS_COMMAND ? statusData(lastResult) : null;

  return (
    <div className={styles.root}>
      <ReportDateField
        lang={lang}
        options={options}
        onOptionsChange={onOptionsChange}
        disabled={disabled}
        hint={REPORTING_TEXT.reportDateHint}
        testId="report-date"
      />
      {data ? <StatusResult data={data} lang={lang} /> : null}
    </div>
  );
}

function StatusResult({ data, lang }: { data: ReportStatusData; lang: Lang }) {
  const styles = useStyles();
  const text = tr(lang, data.summary);
  const box = useRef<HTMLTextAreaElement>(null);
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => setCopy("idle"), [text]);
  const byName = new Map(data.units.map((u) => [u.unit, u]));
  const missing = data.missing.map((name) => byName.get(name)).filter(isUnit);
  const late = data.late.map((name) => byName.get(name)).filter(isUnit);

  return (
    <div className={styles.result} data-testid="report-result">
      <Caption1 block className={styles.hint} data-testid="report-result-date">
        {tr(lang, REPORTING_FORMAT.resultDate(data.reportDate))}
      </Caption1>
      <Field label={tr(lang, REPORTING_TEXT.summary)}>
        <Textarea
          ref={box}
          readOnly
          resize="vertical"
          rows={4}
          value={text}
          data-testid="report-summary"
        />
      </Field>
      <div className={styles.copyRow}>
        <Button
          size="small"
          data-testid="copy-summary"
          onClick={() =>
            void copyText(text, box.current).then((ok) => setCopy(ok ? "copied" : "failed"))
          }
        >
          {tr(lang, REPORTING_TEXT.copy)}
        </Button>
        <Caption1
          role="status"
          aria-live="polite"
          data-testid="copy-status"
          className={copy === "failed" ? styles.copyFailed : styles.copied}
        >
          {copy === "copied"
            ? tr(lang, REPORTING_TEXT.copied)
            : copy === "failed"
              ? tr(lang, REPORTING_TEXT.copyFailed)
              : ""}
        </Caption1>
      </div>
      <UnitList
        testId="missing-list"
        title={REPORTING_FORMAT.listTitle(REPORTING_TEXT.missingTitle, missing.length)}
        titleClass={styles.missingTitle}
        units={missing}
        lang={lang}
        detail={(u) =>
          [tr(lang, REPORTING_FORMAT.daysMissing(u.consecutiveMissing)), u.contact, u.phone]
            .filter(Boolean)
            .join(" · ")
        }
      />
      <UnitList
        testId="late-list"
        title={REPORTING_FORMAT.listTitle(REPORTING_TEXT.lateTitle, late.length)}
        titleClass={styles.lateTitle}
        units={late}
        lang={lang}
        detail={(u) =>
          [
            u.receivedAt === null
              ? null
              : tr(lang, REPORTING_FORMAT.receivedAt(clockTime(u.receivedAt))),
            u.contact,
            u.phone,
          ]
            .filter(Boolean)
            .join(" · ")
        }
      />
    </div>
  );
}

interface UnitListProps {
  testId: string;
  title: Message;
  titleClass: string;
  units: readonly ReportStatusUnit[];
  lang: Lang;
  detail(unit: ReportStatusUnit): string;
}

function UnitList({ testId, title, titleClass, units, lang, detail }: UnitListProps) {
  const styles = useStyles();
  return (
    <section data-testid={testId} aria-label={tr(lang, title)}>
      <Text as="h3" block weight="semibold" size={300} className={titleClass}>
        {tr(lang, title)}
      </Text>
      {units.length === 0 ? (
        <Caption1 block className={styles.hint}>
          {tr(lang, REPORTING_TEXT.none)}
        </Caption1>
      ) : (
        <ul className={styles.list}>
          {units.map((u) => (
            <li key={u.unit} data-testid="report-unit" data-unit={u.unit}>
              <Text>{u.unit}</Text> <Caption1 className={styles.detail}>{detail(u)}</Caption1>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** hh:mm of a serial date-time. */
function clockTime(serial: DateSerial): string {
  const minutes = Math.round((serial - Math.floor(serial)) * 1440) % 1440;
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** The result's data when it is a 生成报送情况 result (a failed read returns none). */
function statusData(last: NonNullable<SectionPanelProps["lastResult"]>): ReportStatusData | null {
  const data = last.result.data as Partial<ReportStatusData> | undefined;
  if (!data || !data.summary || !Array.isArray(data.units) || typeof data.reportDate !== "number")
    return null;
  return data as ReportStatusData;
}

function isUnit(u: ReportStatusUnit | undefined): u is ReportStatusUnit {
  return u !== undefined;
}
