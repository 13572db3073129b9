/**
 * The supply catalogue (物资目录): each item's unit of measure, whether it is
 * consumed daily or is a durable per-person quantity, and its per-person norms
 * for routine and wartime protection.
 *
 * Sources of the defaults:
 * - routine norms: the county emergency plan (县应急预案), one month of routine protection;
 * - wartime norms: WHO COVID-19 Essential Supplies Forecasting Tool (ESFT), the
 *   daily use of one inpatient health worker
 *   (https://www.who.int/publications/i/item/WHO-2019-nCoV-Tools-Essential_forecasting-2022.1).
 */

/** 消耗类 is used up every day; 耐用类 is a per-person quantity, not multiplied by days. */
export type ItemKind = "消耗类" | "耐用类";

/** The two reserve standards of the county emergency plan. */
export type ReserveStandard = "战时" | "日常";

export const ITEM_KINDS: readonly ItemKind[] = ["消耗类", "耐用类"];
export const RESERVE_STANDARDS: readonly ReserveStandard[] = ["战时", "日常"];

export interface CatalogueItem {
  /** 物资名称, as written in the catalogue. */
  name: string;
  /** 计量单位, e.g. 只. */
  unit: string;
  kind: ItemKind;
  /** Per-person daily use (per-person quantity for 耐用类) under the routine standard; null when not given. */
  routine: number | null;
  /** Per-person daily use (per-person quantity for 耐用类) under the wartime standard; null when not given. */
  wartime: number | null;
  /** 说明: where the norm comes from. */
  note: string;
}

const PLAN = "日常：县应急预案（日常防护储备一个月）";
const ESFT = "战时：WHO ESFT 住院医务人员每人每日用量";

/** The ten default items written into 物资目录 by 初始化工作簿. */
export const DEFAULT_CATALOGUE: readonly CatalogueItem[] = [
  item("医用外科口罩", "只", "消耗类", 2, 4, `${PLAN}，每人每日2只；${ESFT}，每4小时更换，每日4只`),
  item("医用防护口罩(N95)", "只", "消耗类", 0, 1, `${PLAN}，日常不配；${ESFT}，每人每日1只`),
  item("医用防护服", "套", "消耗类", 0, 1, `${PLAN}，日常不配；${ESFT}，每人每日1套`),
  item("隔离衣", "件", "消耗类", 0, 1, `${PLAN}，日常不配；${ESFT}，每人每日1件`),
  item("医用检查手套", "副", "消耗类", 0, 8, `${PLAN}，日常不配；${ESFT}，每人每日8副`),
  item(
    "防护面屏/护目镜",
    "个",
    "消耗类",
    0,
    0.1,
    `${PLAN}，日常不配；${ESFT}，可重复使用，折合每人每日0.1个`
  ),
  item(
    "速干手消毒剂",
    "升",
    "消耗类",
    0.01,
    0.03,
    `${PLAN}，每人每日0.01升；${ESFT}，每人每日0.03升`
  ),
  item(
    "含氯消毒剂",
    "升",
    "消耗类",
    0.02,
    0.05,
    `${PLAN}，每人每日0.02升；${ESFT}，每人每日0.05升`
  ),
  item(
    "红外体温计",
    "把",
    "耐用类",
    0.05,
    0.1,
    "耐用类：按保障人数配置，不乘储备天数；日常每20人1把（县应急预案），战时每10人1把（WHO ESFT）"
  ),
  item("核酸检测试剂", "人份", "消耗类", 0, 1, `${PLAN}，日常不配；${ESFT}，每人每日1人份`),
];

function item(
  name: string,
  unit: string,
  kind: ItemKind,
  routine: number,
  wartime: number,
  note: string
): CatalogueItem {
  return { name, unit, kind, routine, wartime, note };
}
