/**
 * Fixture builders: the same figures in the contract layout and in the
 * layouts county offices keep (merged title, 填报单位/截至/单位 meta rows,
 * two- and three-level merged headers with units in brackets, 合计/小计 rows
 * with SUM formulas, footers with a phone, numbers as text with thousands
 * separators and full-width digits, hidden rows). A merged cell is given as
 * hosts give it: the top-left holds the text, the others are blank.
 *
 * A cell written `{ formula, value }` is a formula with its cached value.
 */
import { serialFromYmd } from "../../src/core/dates";
import type { CellValue } from "../../src/workbook/cells";

export type FixtureCell = CellValue | { formula: string; value: CellValue };
export interface FixtureSheet {
  name: string;
  rows: FixtureCell[][];
  /** 1-based rows hidden in the file. */
  hidden?: number[];
}

export const LEDGER_DATE = serialFromYmd(2022, 1, 20);
export const FOOTER_PHONE = "13812345678";

const TOWNSHIPS = [
  { county: "东湖县", township: "城关镇", population: 86_400, existing: 150, backup: 30 },
  { county: "东湖县", township: "马场乡", population: 9_800, existing: 1, backup: 0 },
  { county: "东湖县", township: "石桥乡", population: 12_400, existing: 36, backup: null },
  { county: "西岭县", township: "城关镇", population: 40_200, existing: 60, backup: 10 },
];

/** 隔离床位 in the contract layout: title, one header row, one row per township. */
export function bedsContract(): FixtureSheet {
  return {
    name: "隔离床位",
    rows: [
      ["隔离床位情况表"],
      ["县(区)", "乡镇", "常住人口", "现有床位", "备用床位"],
      ...TOWNSHIPS.map((t) => [t.county, t.township, t.population, t.existing, t.backup]),
    ],
  };
}

/**
 * 隔离床位 as a clerk keeps it (issue 12): merged title, meta row with 填报单位
 * and 截至, a two-level header `隔离床位（张）` over 现有床位/备用床位, 序号, a
 * 小计 per county and a 合计 with SUM formulas, a footer with a phone. With
 * `tenThousand` the population is in 万人 (`常住人口（万人）`).
 */
export function bedsLedger(options: { tenThousand?: boolean } = {}): FixtureSheet {
  const scale = options.tenThousand ? 10_000 : 1;
  const rows: FixtureCell[][] = [
    ["XX市集中隔离场所床位统计表"],
    ["填报单位：XX市卫健委", null, null, "截至2022年1月20日"],
    [
      "序号",
      "县(区)",
      "乡镇（街道）",
      options.tenThousand ? "常住人口（万人）" : "常住人口（人）",
      "隔离床位（张）",
      null,
    ],
    [null, null, null, null, "现有床位", "备用床位"],
  ];
  const first = rows.length + 1;
  // SUM formulas over sheet rows, their cached values from those rows (D 常住人口, E 现有床位, F 备用床位).
  const sums = (from: number, to: number): FixtureCell[] =>
    ["D", "E", "F"].map((c, i) => {
      const value = rows
        .slice(from - 1, to)
        .reduce((s, l) => s + (typeof l[3 + i] === "number" ? (l[3 + i] as number) : 0), 0);
      return { formula: `=SUM(${c}${from}:${c}${to})`, value };
    });
  let n = 0;
  const east = TOWNSHIPS.filter((t) => t.county === "东湖县");
  for (const t of east) rows.push(line(t));
  rows.push([null, "东湖县小计", null, ...sums(first, first + east.length - 1)]);
  const westFirst = rows.length + 1;
  for (const t of TOWNSHIPS.filter((x) => x.county === "西岭县")) rows.push(line(t));
  rows.push([null, "西岭县小计", null, ...sums(westFirst, rows.length)]);
  const total = TOWNSHIPS.reduce(
    (s, t) => [s[0] + t.population / scale, s[1] + t.existing, s[2] + (t.backup ?? 0)],
    [0, 0, 0]
  );
  rows.push(["合计", null, null, ...total]);
  rows.push([]);
  rows.push(["填表人：张三", null, `联系电话：${FOOTER_PHONE}`, null, "填报日期：2022年1月20日"]);
  rows.push(["注：床位按张统计。"]);
  return { name: "隔离床位", rows };

  function line(t: (typeof TOWNSHIPS)[number]): FixtureCell[] {
    n += 1;
    return [n, t.county, t.township, t.population / scale, t.existing, t.backup];
  }
}

const PROGRESS = [
  {
    county: "东湖县",
    township: "城关镇",
    group: "18岁以上",
    local: 900,
    floating: 100,
    first: 960,
    full: 900,
    booster: 300,
    dFirst: 5,
    dFull: 8,
    dBooster: 20,
  },
  {
    county: "东湖县",
    township: "马场乡",
    group: "18岁以上",
    local: 1_100,
    floating: 100,
    first: 1_000,
    full: 800,
    booster: 100,
    dFirst: 3,
    dFull: 4,
    dBooster: 6,
  },
  {
    county: "西岭县",
    township: "城关镇",
    group: "18岁以上",
    local: 2_000,
    floating: 0,
    first: 1_900,
    full: 1_700,
    booster: 900,
    dFirst: 1,
    dFull: 2,
    dBooster: 3,
  },
  {
    county: "西岭县",
    township: "白沙镇",
    group: "18岁以上",
    local: 1_500,
    floating: 500,
    first: 1_200,
    full: 1_150,
    booster: 400,
    dFirst: 9,
    dFull: 0,
    dBooster: 1,
  },
];

/** 接种进度 in the contract layout. */
export function progressContract(): FixtureSheet {
  return {
    name: "接种进度",
    rows: [
      ["新冠疫苗接种进度表"],
      [
        "日期",
        "县(区)",
        "乡镇",
        "人群",
        "目标人数",
        "第一剂累计",
        "全程累计",
        "加强针累计",
        "当日第一剂",
        "当日全程",
        "当日加强",
      ],
      ...PROGRESS.map((p) => [
        LEDGER_DATE,
        p.county,
        p.township,
        p.group,
        p.local + p.floating,
        p.first,
        p.full,
        p.booster,
        p.dFirst,
        p.dFull,
        p.dBooster,
      ]),
    ],
  };
}

/**
 * 接种进度 as a city office keeps it: title with 截至, `单位：人`, a three-level
 * header (`应种人数` over 本地/流动/合计; `接种情况` over 累计 and 当日, each over
 * 第一剂/第二剂/加强针), a 小计 per county and a 合计 row, numbers as text with
 * thousands separators and full-width digits, a hidden township row, a footer.
 */
export function progressLedger(): FixtureSheet {
  const rows: FixtureCell[][] = [
    ["XX市新冠疫苗接种进度统计表（截至2022年1月20日）"],
    ["单位：人"],
    [
      "日期",
      "县(区)",
      "乡镇（街道）",
      "人群",
      "应种人数",
      null,
      null,
      "接种情况",
      null,
      null,
      null,
      null,
      null,
    ],
    [null, null, null, null, "本地", "流动", "合计", "累计", null, null, "当日", null, null],
    [
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      "第一剂",
      "第二剂",
      "加强针",
      "第一剂",
      "第二剂",
      "加强针",
    ],
  ];
  const hidden: number[] = [];
  const text = (n: number, i: number) =>
    i % 2 === 0
      ? n.toLocaleString("en-US")
      : String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
  for (const county of ["东湖县", "西岭县"]) {
    const list = PROGRESS.filter((p) => p.county === county);
    list.forEach((p, i) => {
      rows.push([
        LEDGER_DATE,
        p.county,
        p.township,
        p.group,
        p.local,
        p.floating,
        p.local + p.floating,
        text(p.first, i),
        p.full,
        p.booster,
        p.dFirst,
        p.dFull,
        p.dBooster,
      ]);
      if (county === "西岭县" && i === 1) hidden.push(rows.length);
    });
    const sum = (k: keyof (typeof PROGRESS)[number]) =>
      list.reduce((s, p) => s + (p[k] as number), 0);
    rows.push([
      LEDGER_DATE,
      county,
      `${county}小计`,
      "18岁以上",
      sum("local"),
      sum("floating"),
      sum("local") + sum("floating"),
      sum("first"),
      sum("full"),
      sum("booster"),
      sum("dFirst"),
      sum("dFull"),
      sum("dBooster"),
    ]);
  }
  rows.push([
    "合计",
    null,
    null,
    null,
    null,
    null,
    PROGRESS.reduce((s, p) => s + p.local + p.floating, 0),
  ]);
  rows.push(["填表人：李四", null, null, `联系电话：${FOOTER_PHONE}`]);
  return { name: "接种进度", rows, hidden };
}

const RESERVES = [
  {
    unit: "县卫生健康局",
    category: "县直部门",
    item: "医用外科口罩",
    spec: "17.5×9.5cm",
    uom: "只",
    persons: 120,
    stock: 2_000,
  },
  {
    unit: "县卫生健康局",
    category: "县直部门",
    item: "医用防护服",
    spec: "170/XL",
    uom: "套",
    persons: 120,
    stock: 40,
  },
  {
    unit: "城关镇",
    category: "乡镇",
    item: "医用外科口罩",
    spec: "17.5×9.5cm",
    uom: "只",
    persons: 300,
    stock: 5_000,
  },
  {
    unit: "城关镇",
    category: "乡镇",
    item: "医用防护服",
    spec: "170/XL",
    uom: "套",
    persons: 300,
    stock: 10,
  },
];

/** 物资储备 in the contract layout. */
export function reservesContract(): FixtureSheet {
  return {
    name: "物资储备",
    rows: [
      ["物资储备情况表"],
      ["单位", "单位类别", "物资名称", "计量单位", "保障人数", "现有库存"],
      ...RESERVES.map((r) => [r.unit, r.category, r.item, r.uom, r.persons, r.stock]),
    ],
  };
}

/** 物资储备 as a county keeps it: meta row, `保障人数（人）`, `现有库存（数量）`, `规格型号`, an `XX 小计` after each unit, footer. */
export function reservesLedger(): FixtureSheet {
  const rows: FixtureCell[][] = [
    ["XX县防疫物资储备情况统计表"],
    ["填报单位：XX县卫健局", null, null, null, "填报日期：2022年1月20日"],
    [
      "序号",
      "单位名称",
      "单位类别",
      "物资名称",
      "规格型号",
      "计量单位",
      "保障人数（人）",
      "现有库存（数量）",
      "备注",
    ],
  ];
  let n = 0;
  for (const unit of ["县卫生健康局", "城关镇"]) {
    const list = RESERVES.filter((r) => r.unit === unit);
    const start = rows.length + 1;
    for (const r of list)
      rows.push([++n, r.unit, r.category, r.item, r.spec, r.uom, r.persons, r.stock, null]);
    rows.push([
      null,
      `${unit} 小计`,
      null,
      null,
      null,
      null,
      null,
      { formula: `=SUM(H${start}:H${rows.length})`, value: list.reduce((s, r) => s + r.stock, 0) },
      null,
    ]);
  }
  rows.push(["填表人：王五", null, "审核人：赵六", null, `联系电话：${FOOTER_PHONE}`]);
  return { name: "物资储备", rows };
}

const ROSTER = [
  { unit: "县卫生健康局", category: "县直部门", contact: "张伟", phone: "13900001111" },
  { unit: "城关镇", category: "乡镇", contact: "李丽", phone: "13900002222" },
  { unit: "马场乡", category: "乡镇", contact: "王芳", phone: "13900003333" },
];
const RECORDS = [
  { unit: "县卫生健康局", time: LEDGER_DATE + 9 / 24 },
  { unit: "城关镇", time: LEDGER_DATE + 11 / 24 },
];

/** 填报单位 and 报送记录 in the contract layout. */
export function reportingContract(): FixtureSheet[] {
  return [
    {
      name: "填报单位",
      rows: [
        ["填报单位名单"],
        ["单位", "单位类别", "联系人", "联系电话"],
        ...ROSTER.map((r) => [r.unit, r.category, r.contact, r.phone]),
      ],
    },
    {
      name: "报送记录",
      rows: [
        ["报送记录"],
        ["日期", "单位", "报送时间"],
        ...RECORDS.map((r) => [LEDGER_DATE, r.unit, r.time]),
      ],
    },
  ];
}

/** The same with the layouts clerks use: meta rows, `单位名称`, 序号, a 合计 count row and a footer. */
export function reportingLedger(): FixtureSheet[] {
  return [
    {
      name: "填报单位",
      rows: [
        ["XX县疫情日报告填报单位名单"],
        ["制表单位：县卫健局"],
        ["序号", "单位名称", "单位类别", "联系人", "联系电话"],
        ...ROSTER.map((r, i) => [i + 1, r.unit, r.category, r.contact, r.phone]),
        ["合计", `${ROSTER.length}个单位`],
        ["负责人：张三", null, `电话：${FOOTER_PHONE}`],
      ],
    },
    {
      name: "报送记录",
      rows: [
        ["报送记录"],
        ["序号", "报告日期", "报送单位", "报送时间", "备注"],
        ...RECORDS.map((r, i) => [i + 1, LEDGER_DATE, r.unit, r.time, null]),
        ["说明：迟报以10:00为准。"],
      ],
    },
  ];
}

/** The values of a fixture sheet (a formula shows its cached value). */
export function valuesOf(sheet: FixtureSheet): CellValue[][] {
  return sheet.rows.map((line) => line.map((c) => (isFormula(c) ? c.value : c)));
}

export function isFormula(c: FixtureCell): c is { formula: string; value: CellValue } {
  return typeof c === "object" && c !== null;
}
