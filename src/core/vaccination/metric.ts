/**
 * The figures a township can be ranked on. The default is 全程完成率, the
 * full-course rate the notice's township ranking is about.
 */
import type { Message } from "../issue";

export type Metric = "first" | "full" | "booster" | "due";

export const METRICS: readonly Metric[] = ["first", "full", "booster", "due"];

export const DEFAULT_METRIC: Metric = "full";

/** The column header of each metric's rate on the ranking sheet. */
export const METRIC_LABEL: Readonly<Record<Metric, Message>> = {
  first: { zh: "第一剂完成率", en: "First-dose rate" },
  full: { zh: "全程完成率", en: "Full-course rate" },
  booster: { zh: "加强完成率", en: "Booster rate" },
  due: { zh: "当日完成率", en: "Due-today rate" },
};

/**
 * Reads a metric from a task-pane or command-line choice: its code or its
 * Chinese or English label. Returns undefined for anything else.
 *
 * @example
 * metricFromText("全程完成率") //=> "full"
 * metricFromText("booster")   //=> "booster"
 * metricFromText("速度")       //=> undefined
 */
export function metricFromText(text: unknown): Metric | undefined {
  if (typeof text !== "string") return undefined;
  const t = text.trim().toLowerCase();
  return METRICS.find(
    (m) => m === t || METRIC_LABEL[m].zh === t || METRIC_LABEL[m].en.toLowerCase() === t
  );
}
