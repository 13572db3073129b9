/**
 * 生成接种排名: reads 接种进度 and 参数, computes the report date's figures,
 * writes the ranking sheet with the notice above the tables, and hands the
 * notice and the figures to the task pane in `data`.
 *
 * The task pane offers the report date as a list of `data.dates` (latest
 * first). The latest date writes 接种排名; any other date writes its own sheet
 * `接种排名_M月D日`, so looking back never replaces the current ranking.
 */
import { chineseDate, isoFromSerial, type DateSerial } from "../../core/dates";
import type { Message } from "../../core/issue";
import { indexProgress } from "../../core/vaccination/indexProgress";
import { DEFAULT_METRIC, metricFromText, type Metric } from "../../core/vaccination/metric";
import { vaccinationNotice, type Notice } from "../../core/vaccination/notice";
import { vaccinationReport, type VaccinationReport } from "../../core/vaccination/report";
import {
  defineCommand,
  type CommandInput,
  type CommandResult,
  type OptionIssue,
  type OptionsResult,
  type RawOptions,
} from "../command";
import { toCellIssue, type CellIssue } from "../issues";
import { optionsResult, reportDateOption, textListOption } from "../options";
import { PARAMS_SHEET } from "../params";
import { commandPrelude } from "../prelude";
import { rankingSheetOps, type RankingLayout } from "./rankingSheet";
import { readProgress } from "./readProgress";
import { PROGRESS_SHEET, RANKING_SHEET, rankingSheetName } from "./spec";
import { pushAll } from "../../core/arrays";

/** The choices the task pane (or the command line) passes, parsed. */
export interface RankVaccinationOptions {
  /** Serial date (a date text such as 2022/1/19 is parsed to one); default the latest date in 接种进度. */
  reportDate?: DateSerial;
  /** What townships are ranked on: first, full (default), booster or due, or their Chinese labels. */
  metric?: Metric;
  /** Age groups the notice covers, in order (default all). The sheet always has every group. */
  groups?: string[];
  /** Counties the notice covers (default all). */
  counties?: string[];
}

/** What the task pane shows: the notice for the copy button, the date picker's dates, the figures. */
export interface RankVaccinationData {
  sheet: string;
  reportDate: DateSerial;
  latestDate: DateSerial;
  /** Every date in 接种进度, latest first. */
  dates: DateSerial[];
  /** Every age group and county in 接种进度, for the notice's choices. */
  groups: string[];
  counties: string[];
  metric: Metric;
  notice: Notice;
  report: VaccinationReport;
  layout: RankingLayout;
}

export const rankVaccination = defineCommand({
  id: "rankVaccination",
  label: { zh: "生成接种排名", en: "Rank vaccination" },
  reads: (options?: RankVaccinationOptions) => {
    const date = options?.reportDate;
    const dated = date === undefined ? [] : [`${RANKING_SHEET}_${chineseDate(date, false)}`];
    return [PROGRESS_SHEET, PARAMS_SHEET, RANKING_SHEET, ...dated];
  },
  parseOptions: parseRankOptions,
  run: planRankVaccination,
});

/**
 * Plans the ranking.
 *
 * @example
 * planRankVaccination({ snapshot, today: 44581, now: 44581.4, lang: "zh" }).data.sheet
 * //=> "接种排名"
 */
export function planRankVaccination(
  input: CommandInput<RankVaccinationOptions>
): CommandResult<RankVaccinationData> {
  // The report date defaults to the latest date of 接种进度, not today. 参数 is not
  // created here: 初始化工作簿 makes it before there is any 接种进度 to rank.
  const prelude = commandPrelude({ ...input, options: undefined }, { createParams: false });
  const { params } = prelude;
  const issues: CellIssue[] = [...prelude.issues];
  const options = { metric: DEFAULT_METRIC, ...input.options };
  const sheet = input.snapshot.sheets[PROGRESS_SHEET];
  if (!sheet) {
    issues.push(
      at("missingSheet", "error", {
        zh: `未找到“${PROGRESS_SHEET}”工作表，请先运行“初始化工作簿”并填写接种数据`,
        en: `No ${PROGRESS_SHEET} sheet; run 初始化工作簿 (Set up workbook) and fill in the vaccination figures`,
      })
    );
    return stop(issues);
  }

  const read = readProgress(sheet.values, PROGRESS_SHEET, sheet.formulas);
  pushAll(issues, read.issues);
  const columns = read.header?.columns ?? new Map<string, number>();
  const indexed = indexProgress(read.columns);
  pushAll(
    issues,
    indexed.issues.map((i) => toCellIssue(i, PROGRESS_SHEET, columns))
  );
  const index = indexed.value;
  const latest = index.dates[index.dates.length - 1];
  if (latest === undefined) {
    if (read.header)
      issues.push(
        at("noData", "error", {
          zh: `“${PROGRESS_SHEET}”中没有可用的数据行，请填写日期、乡镇、人群和接种数`,
          en: `${PROGRESS_SHEET} has no usable rows; fill in the date, township, group and doses`,
        })
      );
    return stop(issues);
  }
  const reportDate = options.reportDate ?? latest;
  if (!index.dates.includes(reportDate)) {
    issues.push(
      at("noDataForDate", "error", {
        zh: `“${PROGRESS_SHEET}”中没有${chineseDate(reportDate)}的数据，请选择其他日期（最近为${chineseDate(latest)}）`,
        en: `${PROGRESS_SHEET} has no rows for ${chineseDate(reportDate)}; pick another date (the latest is ${chineseDate(latest)})`,
      })
    );
    return stop(issues);
  }

  const report = vaccinationReport(index, {
    reportDate,
    intervalDays: params.secondDoseIntervalDays,
    metric: options.metric,
    tieRule: params.tieRule,
  });
  pushAll(
    issues,
    report.issues.map((i) => toCellIssue(i, PROGRESS_SHEET, columns))
  );
  for (const g of options.groups ?? [])
    if (!index.groups.includes(g))
      issues.push(
        at("unknownGroup", "warning", {
          zh: `“${PROGRESS_SHEET}”中没有人群“${g}”，通报中未包含`,
          en: `${PROGRESS_SHEET} has no group "${g}"; it is left out of the notice`,
        })
      );
  const notice = vaccinationNotice(report.value, {
    groups: options.groups,
    counties: options.counties,
  });
  const target = rankingSheetName(reportDate, latest);
  const { ops, layout } = rankingSheetOps(target, report.value, notice);

  const data: RankVaccinationData = {
    sheet: target,
    reportDate,
    latestDate: latest,
    dates: [...index.dates].reverse(),
    groups: index.groups,
    counties: index.counties,
    metric: report.value.metric,
    notice,
    report: report.value,
    layout,
  };
  return {
    ops,
    issues,
    summary: summaryOf(report.value, target),
    data,
    focus: { sheet: target, cell: "A1" },
  };
}

function summaryOf(report: VaccinationReport, sheet: string): Message {
  const units = report.groups.flatMap((g) => g.areas.flatMap((a) => a.units));
  const townships = new Set(units.map((u) => `${u.county ?? ""}\u0000${u.township}`));
  const missing = new Set(
    units
      .filter((u) => u.status === "notReported")
      .map((u) => `${u.county ?? ""}\u0000${u.township}`)
  );
  const date = chineseDate(report.reportDate);
  return {
    zh: `已生成${date}接种排名（${sheet}）：${report.groups.length}个人群，${townships.size}个乡镇${missing.size > 0 ? `，其中${missing.size}个有未报送的人群` : ""}`,
    en: `Ranked vaccination for ${isoFromSerial(report.reportDate)} on ${sheet}: ${report.groups.length} groups, ${townships.size} townships${missing.size > 0 ? `, ${missing.size} of them with a group not reported` : ""}`,
  };
}

/**
 * Parses the ranking's choices: an unknown metric is a warning (the
 * full-course rate is used); an unreadable report date is an error.
 *
 * @example
 * parseRankOptions({ metric: "第一剂完成率" }) //=> { ok: true, value: { metric: "first" }, issues: [] }
 */
export function parseRankOptions(raw: RawOptions): OptionsResult<RankVaccinationOptions> {
  const issues: OptionIssue[] = [];
  let metric = DEFAULT_METRIC;
  if (raw.metric !== undefined) {
    const m = metricFromText(raw.metric);
    if (m) metric = m;
    else
      issues.push({
        code: "badOption",
        severity: "warning",
        option: "metric",
        message: {
          zh: `排名指标“${String(raw.metric)}”无效，已按全程完成率排名`,
          en: `Unknown ranking metric "${String(raw.metric)}"; ranked on the full-course rate`,
        },
      });
  }
  const value: RankVaccinationOptions = { metric };
  const reportDate = reportDateOption(raw, issues);
  if (reportDate !== undefined) value.reportDate = reportDate;
  const groups = textListOption(raw.groups);
  if (groups) value.groups = groups;
  const counties = textListOption(
    raw.counties ?? (typeof raw.county === "string" ? [raw.county] : undefined)
  );
  if (counties) value.counties = counties;
  return optionsResult(value, issues);
}

function at(code: string, severity: "error" | "warning", message: Message): CellIssue {
  return { code, severity, sheet: PROGRESS_SHEET, cell: "A1", message };
}

function stop(issues: CellIssue[]): CommandResult<RankVaccinationData> {
  const first = issues.find((i) => i.severity === "error");
  return {
    ops: [],
    issues,
    summary: {
      zh: `未生成接种排名：${first?.message.zh ?? "没有数据"}`,
      en: `No ranking written: ${first?.message.en ?? "no data"}`,
    },
  };
}
