/**
 * The 隔离床位 section's own controls: the report date both commands use
 * (the forecast window starts on it; empty means today), and after a run the
 * townships that matter: those short of beds after 计算隔离床位, those where
 * demand will exceed capacity (and from which day) after 预测隔离需求, each
 * with its summary sentence to copy. The commands return counts by township
 * only; every text shown here is masked again (maskPersonalText) so an ID
 * number or phone pasted into a township cell never shows in full.
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
import type {
  IsolationBedsData,
  IsolationTownshipFigure,
} from "../../workbook/isolation/computeIsolation";
import type {
  ForecastTownshipFigure,
  IsolationForecastData,
} from "../../workbook/isolation/forecastIsolation";
import { maskPersonalText } from "../../core/privacy/maskText";
import { tr } from "../i18n";
import type { SectionPanelProps } from "../sectionPanel";
import { copyText } from "./clipboard";
import { ReportDateField } from "./ReportDateField";

export const COMPUTE_ISOLATION_COMMAND = "computeIsolation";
export const FORECAST_ISOLATION_COMMAND = "forecastIsolation";

export const ISOLATION_TEXT = {
  reportDateHint: {
    zh: "不选则为今天（按本机时钟）；汇总表标题和需求预测都从这一天算起。",
    en: "Leave it empty for today (the computer's clock); both sheets are dated, and the forecast starts, on this day.",
  },
  bedsTitle: { zh: "床位缺口", en: "Bed shortfalls" },
  forecastTitle: { zh: "需求超出床位的乡镇", en: "Townships where demand exceeds beds" },
  summaryLabel: { zh: "摘要（可复制到工作群）", en: "Summary (to paste into the work group)" },
  copy: { zh: "复制", en: "Copy" },
  copied: { zh: "已复制", en: "Copied" },
  copyFailed: {
    zh: "未能复制，请选中上方文字后按 Ctrl+C",
    en: "Could not copy; select the text above and press Ctrl+C",
  },
  unregistered: { zh: "未登记床位", en: "no beds registered" },
} satisfies Record<string, Message>;

export const ISOLATION_FORMAT = {
  resultDate: (serial: DateSerial): Message => ({
    zh: `报告日期：${chineseDate(serial)}`,
    en: `Report date: ${isoFromSerial(serial)}`,
  }),
  allMet: (norm: number, unit: string): Message => ({
    zh: `各乡镇均已达到每万人${norm}${unit}的标准。`,
    en: `Every township meets the norm of ${norm} per 10,000.`,
  }),
  shortfall: (t: IsolationTownshipFigure, unit: string): Message => ({
    zh: `缺${t.gap ?? 0}${unit}（应配${t.required ?? 0}${unit}，现有${t.total ?? 0}${unit}）`,
    en: `${t.gap ?? 0} short (${t.required ?? 0} required, ${t.total ?? 0} held)`,
  }),
  pending: (count: number): Message => ({
    zh: `另有${count}个乡镇数据待核实，见上方问题列表。`,
    en: `${count} more ${count === 1 ? "township has" : "townships have"} figures to check; see the issues above.`,
  }),
  noRisk: (days: number): Message => ({
    zh: `未来${days}天各乡镇床位均可满足。`,
    en: `Beds suffice in every township for the next ${days} days.`,
  }),
  atRisk: (t: ForecastTownshipFigure, unit: string): Message => {
    const from = t.firstExceed === null ? "" : chineseDate(t.firstExceed, false);
    const fromEn = t.firstExceed === null ? "" : isoFromSerial(t.firstExceed);
    const beds =
      t.capacity === null
        ? ISOLATION_TEXT.unregistered
        : {
            zh: `床位${grouped(t.capacity)}${unit}`,
            en: `${grouped(t.capacity)} ${unitWord(unit)}`,
          };
    return {
      zh: `${from}起超出（${beds.zh}，峰值${t.peak}人）`,
      en: `from ${fromEn} (${beds.en}, peak ${t.peak})`,
    };
  },
  county: (data: IsolationForecastData): Message => {
    const c = data.county;
    const peakDay = c.peakDate === null ? "" : chineseDate(c.peakDate, false);
    const peakDayEn = c.peakDate === null ? "" : isoFromSerial(c.peakDate);
    const capacity = grouped(c.capacity ?? 0);
    return {
      zh:
        `全县：需求峰值${c.peak}人（${peakDay}），床位合计${capacity}${data.unit}` +
        (c.firstExceed === null ? "。" : `，${chineseDate(c.firstExceed, false)}起总量不足。`),
      en:
        `County: peak ${c.peak} (${peakDayEn}) against ${capacity} ${unitWord(data.unit)}` +
        (c.firstExceed === null ? "." : `; short in total from ${isoFromSerial(c.firstExceed)}.`),
    };
  },
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  result: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  title: { margin: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  place: { fontWeight: tokens.fontWeightSemibold },
  bad: { color: tokens.colorPaletteRedForeground1 },
  copyRow: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  copied: { color: tokens.colorPaletteGreenForeground1 },
  copyFailed: { color: tokens.colorPaletteRedForeground1 },
});

/** The report date, and what the section's last runs found. */
export function IsolationPanel({
  lang,
  options,
  onOptionsChange,
  disabled,
  lastResult,
}: SectionPanelProps) {
  const styles = useStyles();
  // lastResult holds only the latest command of the section; keep each command's own.
  const [beds, setBeds] = useState<IsolationBedsData | null>(null);
  const [forecast, setForecast] = useState<IsolationForecastData | null>(null);
  useEffect(() => {
    if (!lastResult) return;
    const data = lastResult.result.data;
    if (lastResult.commandId === COMPUTE_ISOLATION_COMMAND && isBedsData(data)) setBeds(data);
    if (lastResult.commandId === FORECAST_ISOLATION_COMMAND && isForecastData(data))
      setForecast(data);
  }, [lastResult]);

  return (
    <div className={styles.root} data-testid="isolation-panel">
      <ReportDateField
        lang={lang}
        options={options}
        onOptionsChange={onOptionsChange}
        disabled={disabled}
        hint={ISOLATION_TEXT.reportDateHint}
        testId="isolation-report-date"
      />
      {beds ? <BedsResult data={beds} lang={lang} /> : null}
      {forecast ? <ForecastResult data={forecast} lang={lang} /> : null}
    </div>
  );
}

function BedsResult({ data, lang }: { data: IsolationBedsData; lang: Lang }) {
  const styles = useStyles();
  return (
    <section className={styles.result} data-testid="isolation-beds-result">
      <Text as="h3" block weight="semibold" size={300} className={styles.title}>
        {tr(lang, ISOLATION_TEXT.bedsTitle)}
      </Text>
      <Caption1 block className={styles.hint}>
        {tr(lang, ISOLATION_FORMAT.resultDate(data.reportDate))}
      </Caption1>
      {data.shortfalls.length === 0 ? (
        <Caption1 block data-testid="isolation-all-met">
          {tr(lang, ISOLATION_FORMAT.allMet(data.bedsPer10k, data.unit))}
        </Caption1>
      ) : (
        <ul className={styles.list}>
          {data.shortfalls.map((t) => (
            <li key={t.row} data-testid="isolation-shortfall">
              <span className={styles.place}>{placeName(t)}</span>{" "}
              <Caption1 className={styles.bad}>
                {tr(lang, ISOLATION_FORMAT.shortfall(t, data.unit))}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
      {data.pending.length > 0 ? (
        <Caption1 block className={styles.hint} data-testid="isolation-pending">
          {tr(lang, ISOLATION_FORMAT.pending(data.pending.length))}
        </Caption1>
      ) : null}
      <SummaryCopy text={data.summaryText} lang={lang} testId="isolation-beds-summary" />
    </section>
  );
}

function ForecastResult({ data, lang }: { data: IsolationForecastData; lang: Lang }) {
  const styles = useStyles();
  return (
    <section className={styles.result} data-testid="isolation-forecast-result">
      <Text as="h3" block weight="semibold" size={300} className={styles.title}>
        {tr(lang, ISOLATION_TEXT.forecastTitle)}
      </Text>
      <Caption1 block className={styles.hint}>
        {tr(lang, ISOLATION_FORMAT.resultDate(data.reportDate))}
      </Caption1>
      {data.atRisk.length === 0 ? (
        <Caption1 block data-testid="isolation-no-risk">
          {tr(lang, ISOLATION_FORMAT.noRisk(data.dates.length))}
        </Caption1>
      ) : (
        <ul className={styles.list}>
          {data.atRisk.map((t) => (
            <li key={`${t.parent ?? ""}|${t.township}`} data-testid="isolation-at-risk">
              <span className={styles.place}>{placeName(t)}</span>{" "}
              <Caption1 className={styles.bad}>
                {tr(lang, ISOLATION_FORMAT.atRisk(t, data.unit))}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
      <Caption1 block data-testid="isolation-county">
        {tr(lang, ISOLATION_FORMAT.county(data))}
      </Caption1>
      <SummaryCopy text={data.summaryText} lang={lang} testId="isolation-forecast-summary" />
    </section>
  );
}

/** A summary sentence in a read-only box, with a copy button. */
function SummaryCopy({ text, lang, testId }: { text: string; lang: Lang; testId: string }) {
  const styles = useStyles();
  const shown = maskPersonalText(text);
  const box = useRef<HTMLTextAreaElement>(null);
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => setCopy("idle"), [shown]);
  return (
    <>
      <Field label={tr(lang, ISOLATION_TEXT.summaryLabel)}>
        <Textarea
          ref={box}
          readOnly
          resize="vertical"
          rows={3}
          value={shown}
          data-testid={testId}
        />
      </Field>
      <div className={styles.copyRow}>
        <Button
          size="small"
          data-testid={`${testId}-copy`}
          onClick={() =>
            void copyText(shown, box.current).then((ok) => setCopy(ok ? "copied" : "failed"))
          }
        >
          {tr(lang, ISOLATION_TEXT.copy)}
        </Button>
        <Caption1
          role="status"
          aria-live="polite"
          data-testid={`${testId}-copy-status`}
          className={copy === "failed" ? styles.copyFailed : styles.copied}
        >
          {copy === "copied"
            ? tr(lang, ISOLATION_TEXT.copied)
            : copy === "failed"
              ? tr(lang, ISOLATION_TEXT.copyFailed)
              : ""}
        </Caption1>
      </div>
    </>
  );
}

/** A count with thousands separators, as the leader sheets show it. */
function grouped(n: number): string {
  return n.toLocaleString("en-US");
}

/** The English word for 隔离床位计量单位: 张 beds, 间 rooms. */
function unitWord(unit: string): string {
  return unit === "间" ? "rooms" : "beds";
}

/** 县(区) and township as shown, masked in case a personal number sits in either cell. */
function placeName(t: { parent: string | null; township: string }): string {
  return maskPersonalText(t.parent ? `${t.parent} ${t.township}` : t.township);
}

function isBedsData(data: unknown): data is IsolationBedsData {
  const d = data as Partial<IsolationBedsData> | undefined;
  return (
    typeof d === "object" &&
    d !== null &&
    Array.isArray(d.shortfalls) &&
    Array.isArray(d.pending) &&
    typeof d.summaryText === "string"
  );
}

function isForecastData(data: unknown): data is IsolationForecastData {
  const d = data as Partial<IsolationForecastData> | undefined;
  return (
    typeof d === "object" &&
    d !== null &&
    Array.isArray(d.atRisk) &&
    Array.isArray(d.dates) &&
    typeof d.county === "object" &&
    typeof d.summaryText === "string"
  );
}
