/**
 * The 疫苗接种 section's own controls: the report date (the dates of the last
 * 生成接种排名, latest first), the ranking metric and the groups the notice
 * covers; after a run, the notice (通报) in a read-only box with a copy
 * button. A date other than the latest writes its own sheet
 * (`接种排名_M月D日`), and the panel names that sheet before the clerk runs.
 * The panel never calls Excel: it only changes the section's options.
 */
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Label,
  MessageBar,
  MessageBarBody,
  Select,
  makeStyles,
  tokens,
  useId,
} from "@fluentui/react-components";
import { chineseDate, isoFromSerial, type DateSerial } from "../../core/dates";
import type { Message } from "../../core/issue";
import {
  DEFAULT_METRIC,
  METRICS,
  METRIC_LABEL,
  metricFromText,
  type Metric,
} from "../../core/vaccination/metric";
import type { Lang } from "../../workbook/command";
import type { RankVaccinationData } from "../../workbook/vaccination/rankVaccination";
import { RANKING_SHEET, rankingSheetName } from "../../workbook/vaccination/spec";
import { tr } from "../i18n";
import type { SectionPanelProps } from "../sectionPanel";
import { VaccinationNotice } from "./VaccinationNotice";

/** The command whose result the panel shows. */
export const RANK_VACCINATION_COMMAND = "rankVaccination";

/** The select's value for "the latest date in 接种进度" (no reportDate option). */
export const LATEST = "latest";

export const VACCINATION_TEXT = {
  reportDate: { zh: "报告日期", en: "Report date" },
  latest: { zh: "最新日期", en: "Latest" },
  metric: { zh: "排名指标", en: "Rank on" },
  groups: { zh: "通报包含的人群", en: "Groups in the notice" },
  allGroups: {
    zh: "全部人群（生成一次后可逐个选择）",
    en: "All groups (pick them after the first run)",
  },
  groupsHint: {
    zh: "排名表始终包含全部人群；至少保留一个人群。",
    en: "The sheet always has every group; keep at least one.",
  },
  useLatest: { zh: "改用最新日期", en: "Use the latest date" },
  stale: {
    zh: "选项已更改：请再次点击“生成接种排名”，排名表和通报才会按新选项更新。",
    en: "The options changed: click Rank vaccination again to update the sheet and the notice.",
  },
} satisfies Record<string, Message>;

export const VACCINATION_FORMAT = {
  dateChoice: (serial: DateSerial, latest: boolean): Message => ({
    zh: latest ? `${chineseDate(serial)}（最新）` : chineseDate(serial),
    en: latest ? `${isoFromSerial(serial)} (latest)` : isoFromSerial(serial),
  }),
  writesTo: (sheet: string): Message => ({
    zh: `将写入工作表“${sheet}”。`,
    en: `Writes the sheet ${sheet}.`,
  }),
  notLatest: (sheet: string, latest: DateSerial | null): Message => ({
    zh: `所选日期不是最新日期${latest === null ? "" : `（最新为${chineseDate(latest)}）`}：排名将写入单独的工作表“${sheet}”，“${RANKING_SHEET}”保持不变。`,
    en: `This is not the latest date${latest === null ? "" : ` (${isoFromSerial(latest)})`}: the ranking goes to its own sheet, ${sheet}, and ${RANKING_SHEET} stays as it is.`,
  }),
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  groups: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3 },
  choice: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  useLatest: { alignSelf: "flex-start" },
});

/** The report date, metric and notice groups, and the last 生成接种排名's notice. */
export function VaccinationPanel({
  lang,
  options,
  onOptionsChange,
  disabled,
  lastResult,
}: SectionPanelProps) {
  const styles = useStyles();
  const data = lastResult?.commandId === RANK_VACCINATION_COMMAND ? rankingData(lastResult) : null;
  const picked = typeof options.reportDate === "number" ? options.reportDate : undefined;
  const metric = metricFromText(options.metric) ?? DEFAULT_METRIC;
  const chosenGroups = Array.isArray(options.groups)
    ? options.groups.filter((g): g is string => typeof g === "string")
    : undefined;
  const latest = data?.latestDate ?? null;
  const target =
    picked === undefined ? RANKING_SHEET : rankingSheetName(picked, latest ?? Number.NaN);
  const notLatest = picked !== undefined && target !== RANKING_SHEET;

  const set = (key: string, value: unknown) => {
    const next: Record<string, unknown> = { ...options };
    if (value === undefined) delete next[key];
    else next[key] = value;
    onOptionsChange(next);
  };
  const toggleGroup = (group: string, checked: boolean) => {
    if (!data) return;
    const before = new Set(chosenGroups ?? data.groups);
    if (checked) before.add(group);
    else before.delete(group);
    const after = data.groups.filter((g) => before.has(g));
    // Every group chosen is the default: a group added to 接种进度 later is then included too.
    set("groups", after.length === data.groups.length ? undefined : after);
  };

  return (
    <div className={styles.root} data-testid="vaccination-panel">
      <Field label={tr(lang, VACCINATION_TEXT.reportDate)}>
        <Select
          data-testid="vaccination-date"
          value={picked === undefined ? LATEST : String(picked)}
          disabled={disabled}
          onChange={(_e, d) => set("reportDate", d.value === LATEST ? undefined : Number(d.value))}
        >
          {dateChoices(data, picked).map((c) => (
            <option key={c.value} value={c.value}>
              {tr(lang, c.label)}
            </option>
          ))}
        </Select>
      </Field>
      {notLatest ? (
        <MessageBar intent="warning" data-testid="vaccination-not-latest">
          <MessageBarBody className={styles.choice}>
            <span>{tr(lang, VACCINATION_FORMAT.notLatest(target, latest))}</span>
            <Button
              size="small"
              className={styles.useLatest}
              disabled={disabled}
              onClick={() => set("reportDate", undefined)}
            >
              {tr(lang, VACCINATION_TEXT.useLatest)}
            </Button>
          </MessageBarBody>
        </MessageBar>
      ) : (
        <Caption1 block className={styles.hint} data-testid="vaccination-target">
          {tr(lang, VACCINATION_FORMAT.writesTo(target))}
        </Caption1>
      )}
      <Field label={tr(lang, VACCINATION_TEXT.metric)}>
        <Select
          data-testid="vaccination-metric"
          value={metric}
          disabled={disabled}
          onChange={(_e, d) => set("metric", d.value)}
        >
          {METRICS.map((m) => (
            <option key={m} value={m}>
              {tr(lang, METRIC_LABEL[m])}
            </option>
          ))}
        </Select>
      </Field>
      <GroupChoice
        lang={lang}
        groups={data?.groups ?? null}
        chosen={chosenGroups}
        disabled={disabled}
        onToggle={toggleGroup}
      />
      {data ? (
        <>
          {ranWithOtherChoices(data, picked, metric, chosenGroups) ? (
            <Caption1 block className={styles.hint} data-testid="vaccination-stale">
              {tr(lang, VACCINATION_TEXT.stale)}
            </Caption1>
          ) : null}
          <VaccinationNotice lang={lang} text={tr(lang, data.notice.text)} />
        </>
      ) : null}
    </div>
  );
}

interface GroupChoiceProps {
  lang: Lang;
  /** Every group of the last run; null before any run. */
  groups: readonly string[] | null;
  /** The chosen groups; undefined for all. */
  chosen: readonly string[] | undefined;
  disabled: boolean;
  onToggle(group: string, checked: boolean): void;
}

function GroupChoice({ lang, groups, chosen, disabled, onToggle }: GroupChoiceProps) {
  const styles = useStyles();
  const labelId = useId("vaccination-groups-");
  if (!groups)
    return (
      <Field label={tr(lang, VACCINATION_TEXT.groups)}>
        <Caption1 block className={styles.hint} data-testid="vaccination-groups-all">
          {tr(lang, VACCINATION_TEXT.allGroups)}
        </Caption1>
      </Field>
    );
  const isChosen = (g: string) => !chosen || chosen.includes(g);
  const count = groups.filter(isChosen).length;
  // Not a Field: a Field gives its one id to every control inside it, and there is a checkbox per group.
  return (
    <div
      className={styles.choice}
      role="group"
      aria-labelledby={labelId}
      data-testid="vaccination-groups"
    >
      <Label id={labelId}>{tr(lang, VACCINATION_TEXT.groups)}</Label>
      <div className={styles.groups}>
        {groups.map((g) => (
          <Checkbox
            key={g}
            label={g}
            checked={isChosen(g)}
            // The notice needs a group: the last one chosen cannot be unticked.
            disabled={disabled || (isChosen(g) && count === 1)}
            onChange={(_e, d) => onToggle(g, d.checked === true)}
          />
        ))}
      </div>
      <Caption1 block className={styles.hint}>
        {tr(lang, VACCINATION_TEXT.groupsHint)}
      </Caption1>
    </div>
  );
}

interface DateChoice {
  value: string;
  label: Message;
}

/**
 * The report date's choices: "latest" alone before any run; after one, the
 * run's dates, latest first, the latest standing for "latest" so that a new
 * day typed into 接种进度 is picked up. A picked date the run did not list is
 * kept, so the select always shows what will be sent.
 */
function dateChoices(data: RankVaccinationData | null, picked: DateSerial | undefined) {
  const choices: DateChoice[] = data
    ? data.dates.map((d) =>
        d === data.latestDate
          ? { value: LATEST, label: VACCINATION_FORMAT.dateChoice(d, true) }
          : { value: String(d), label: VACCINATION_FORMAT.dateChoice(d, false) }
      )
    : [{ value: LATEST, label: VACCINATION_TEXT.latest }];
  if (!choices.some((c) => c.value === LATEST))
    choices.unshift({ value: LATEST, label: VACCINATION_TEXT.latest });
  if (picked !== undefined && !choices.some((c) => c.value === String(picked)))
    choices.push({ value: String(picked), label: VACCINATION_FORMAT.dateChoice(picked, false) });
  return choices;
}

/** True when the shown notice was made with other choices than those now in the panel. */
function ranWithOtherChoices(
  data: RankVaccinationData,
  picked: DateSerial | undefined,
  metric: Metric,
  chosen: readonly string[] | undefined
): boolean {
  if ((picked ?? data.latestDate) !== data.reportDate) return true;
  if (metric !== data.metric) return true;
  const inNotice = new Set(data.notice.paragraphs.map((p) => p.group));
  const ranked = new Set(data.report.groups.map((g) => g.group));
  const wanted = (chosen ?? data.groups).filter((g) => ranked.has(g));
  return wanted.length !== inNotice.size || wanted.some((g) => !inNotice.has(g));
}

/** The result's data when it is a 生成接种排名 result (a run that stopped on bad input has none). */
function rankingData(last: NonNullable<SectionPanelProps["lastResult"]>) {
  const data = last.result.data as Partial<RankVaccinationData> | undefined;
  if (
    !data ||
    !data.notice ||
    !data.report ||
    !Array.isArray(data.dates) ||
    !Array.isArray(data.groups) ||
    typeof data.latestDate !== "number"
  )
    return null;
  return data as RankVaccinationData;
}
