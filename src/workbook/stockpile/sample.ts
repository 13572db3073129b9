/**
 * Sample stockpile sheets for the fictional county: 物资储备 rows for the
 * county emergency reserve (wartime), several county departments, every
 * township and two clinics, with a few shortages; and about two weeks of
 * 库存日志 for some units (one too short to estimate from). 物资目录 is not
 * here: setup creates it with the defaults. Edge cases on purpose: the county
 * hospital follows the wartime standard by override, 城关镇卫生院 overrides the
 * mask norm, clinics list items whose routine norm is 0, the thermometer is a
 * durable item, and some rows have goods in transit.
 */
import type { CellValue } from "../cells";
import { DEFAULT_CATALOGUE } from "../../core/stockpile/catalogue";
import { roundUpWhole } from "../../core/stockpile/roundUp";
import { STOCKPILE_TABLE, STOCK_LOG_TABLE } from "./specs";
import { SAMPLE_REPORT_DATE, SAMPLE_TOWNSHIPS, seededRandom } from "../sample/county";

interface SampleRow {
  unit: string;
  category: string;
  item: string;
  persons: number;
  norm?: number;
  standard?: "战时" | "日常";
  stock: number;
  inTransit?: number;
}

const BASIC = ["医用外科口罩", "速干手消毒剂", "含氯消毒剂", "红外体温计"];
const ALL = DEFAULT_CATALOGUE.map((c) => c.name);
const DEPARTMENTS: readonly [string, number][] = [
  ["县卫生健康局", 120],
  ["县公安局", 380],
  ["县交通运输局", 160],
  ["县教育局", 240],
  ["县市场监督管理局", 90],
];

/**
 * The sample 物资储备 and 库存日志 sheets (title row, header row, data).
 *
 * @example
 * stockpileSampleSheets().map((s) => s.name) //=> ["物资储备", "库存日志"]
 */
export function stockpileSampleSheets(): { name: string; values: CellValue[][] }[] {
  const rand = seededRandom(20220120);
  const rows: SampleRow[] = [];
  const add = (
    unit: string,
    category: string,
    items: readonly string[],
    persons: number,
    options: {
      standard?: "战时" | "日常";
      short?: readonly string[];
      norms?: Record<string, number>;
    } = {}
  ) => {
    const standard = options.standard ?? (category === "县应急物资储备库" ? "战时" : "日常");
    for (const item of items) {
      const target = sampleTarget(item, persons, standard, options.norms?.[item]);
      const short = options.short?.includes(item);
      const factor = short ? 0.35 + rand() * 0.5 : 1 + rand() * 0.3;
      const litres = DEFAULT_CATALOGUE.find((c) => c.name === item)?.unit === "升";
      const stock = litres ? Math.round(target * factor * 10) / 10 : Math.round(target * factor);
      const inTransit = short && rand() < 0.5 ? Math.round(target * 0.2) : undefined;
      rows.push({
        unit,
        category,
        item,
        persons,
        norm: options.norms?.[item],
        standard: options.standard,
        stock,
        inTransit,
      });
    }
  };
  add("县应急物资储备库", "县应急物资储备库", ALL, 1200, { short: ["医用防护服", "核酸检测试剂"] });
  for (const [name, persons] of DEPARTMENTS) {
    add(name, "县直部门", BASIC, persons, {
      short: name === "县交通运输局" ? ["医用外科口罩"] : [],
    });
  }
  SAMPLE_TOWNSHIPS.forEach((t, i) => {
    const persons = Math.round(t.population / 200 / 10) * 10;
    const short =
      i === 8 ? ["医用外科口罩", "速干手消毒剂"] : i === 12 || i === 4 ? ["含氯消毒剂"] : [];
    add(t.township, "乡镇", BASIC, persons, { short });
  });
  add("县人民医院", "医疗机构", ALL, 600, { standard: "战时", short: ["医用检查手套"] });
  add("城关镇卫生院", "医疗机构", ALL, 80, { norms: { 医用外科口罩: 3 } });

  const header = STOCKPILE_TABLE.columns.filter((c) => c.role === "input").map((c) => c.zh);
  const reserve: CellValue[][] = [
    [`${STOCKPILE_TABLE.title}`],
    header,
    ...rows.map((r) => [
      r.unit,
      r.category,
      r.item,
      null,
      r.persons,
      r.norm ?? null,
      r.standard ?? null,
      r.stock,
      r.inTransit ?? null,
    ]),
  ];
  return [
    { name: STOCKPILE_TABLE.sheet, values: reserve },
    { name: STOCK_LOG_TABLE.sheet, values: stockLog(rows, rand) },
  ];
}

function sampleTarget(
  item: string,
  persons: number,
  standard: "战时" | "日常",
  override: number | undefined
): number {
  const c = DEFAULT_CATALOGUE.find((x) => x.name === item);
  if (!c) return 0;
  const norm = override ?? (standard === "战时" ? c.wartime : c.routine) ?? 0;
  if (c.kind === "耐用类") return roundUpWhole(persons * norm);
  return roundUpWhole(persons * norm * (standard === "战时" ? 60 : 30));
}

/** 14 days ending on the report date, worked backwards from today's stock; 石桥乡 has only 4 days. */
function stockLog(rows: readonly SampleRow[], rand: () => number): CellValue[][] {
  const logged: [string, string, number][] = [
    ["县应急物资储备库", "医用外科口罩", 14],
    ["县应急物资储备库", "医用防护口罩(N95)", 14],
    ["县应急物资储备库", "医用防护服", 14],
    ["城关镇", "医用外科口罩", 14],
    ["县人民医院", "医用外科口罩", 14],
    ["县人民医院", "医用检查手套", 14],
    ["石桥乡", "医用外科口罩", 4],
  ];
  const out: CellValue[][] = [
    [STOCK_LOG_TABLE.title ?? STOCK_LOG_TABLE.sheet],
    STOCK_LOG_TABLE.columns.map((c) => c.zh),
  ];
  for (const [unit, item, days] of logged) {
    const row = rows.find((r) => r.unit === unit && r.item === item);
    if (!row) continue;
    const dailyUse = Math.max(1, Math.round((row.stock / 40) * (0.6 + rand() * 0.8)));
    const receiptDay = 5 + Math.floor(rand() * 5);
    const receipt = Math.round(dailyUse * 6);
    const series: CellValue[][] = [];
    let stock = row.stock;
    for (let d = 0; d < days; d++) {
      const received = d === receiptDay ? receipt : 0;
      series.push([SAMPLE_REPORT_DATE - d, unit, item, stock, received || null]);
      const used = Math.round(dailyUse * (0.8 + rand() * 0.4));
      stock = stock + used - received;
    }
    out.push(...series.reverse());
  }
  return out;
}
