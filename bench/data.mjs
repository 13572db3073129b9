/**
 * Realistic input tables of any size for the bench, deterministic (seeded),
 * laid out as a clerk keeps them: title in row 1, header in row 2, data from
 * row 3, the same headers as the sample workbook (src/workbook/sample/).
 * Every generator takes the number of data rows.
 *
 * Strings repeat by reference (one string per township, group, unit…), as
 * the in-memory and .xlsx hosts hand them over (shared strings).
 */
import { lib } from "./build.mjs";

/** The sample's report date, 2022-01-20: every table ends on or around it. */
export const REPORT_DATE = 44581;

const SYLLABLES =
  "东西南北中新青白红金石龙凤桃柳松梅兰竹云河湖山岭坪桥沟湾塘田林川源泉溪安平宁康福寿".split("");
const SUFFIXES = ["镇", "乡", "街道"];
const AGE_GROUPS = [
  { group: "18岁以上", share: 0.78, full: [0.74, 0.95], booster: [0.3, 0.55] },
  { group: "12-17岁", share: 0.075, full: [0.82, 0.97], booster: null },
  { group: "3-11岁", share: 0.095, full: [0.55, 0.85], booster: null },
  { group: "60岁以上", share: 0.19, full: [0.62, 0.9], booster: [0.2, 0.45] },
];
const SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂";

/**
 * `count` distinct township names (three syllables and 镇/乡/街道), each with
 * its county (25 townships a county) and a population.
 */
export function townships(count, seed = 11) {
  const rand = seededRandom(seed);
  const n = SYLLABLES.length;
  const out = [];
  for (let i = 0; i < count; i++) {
    const a = SYLLABLES[i % n];
    const b = SYLLABLES[Math.floor(i / n) % n];
    const c = Math.floor(i / (n * n));
    const name = `${a}${b}${c === 0 ? "" : SYLLABLES[c % n] + (c >= n ? Math.floor(c / n) : "")}${SUFFIXES[i % 3]}`;
    const county = `${SYLLABLES[Math.floor(i / 25) % n]}${SYLLABLES[(Math.floor(i / 25) * 7 + 3) % n]}县${i >= 25 * n ? Math.floor(i / (25 * n)) : ""}`;
    out.push({ county, township: name, population: 8_000 + Math.round(rand() * 80_000) });
  }
  return out;
}

/** Townships a 接种进度 table of `rows` rows covers: a city, a prefecture, a province. */
export function vaccinationTownships(rows) {
  return rows <= 20_000 ? 100 : rows <= 200_000 ? 250 : 1_000;
}

/**
 * 接种进度: one row per date, township and age group, dates ascending and
 * ending on REPORT_DATE; cumulative figures that never fall; boosters blank
 * for the groups not offered them. The oldest day is cut short to make
 * exactly `rows` rows.
 */
export function vaccinationSheet(rows) {
  const { PROGRESS_TABLE } = lib("workbook/vaccination/spec");
  const rand = seededRandom(20220120);
  const places = townships(vaccinationTownships(rows));
  const perDay = places.length * AGE_GROUPS.length;
  const days = Math.ceil(rows / perDay);
  const series = places.flatMap((t) =>
    AGE_GROUPS.map((g) => {
      const target = Math.round(t.population * g.share);
      const fullRate = between(rand, g.full);
      return {
        t,
        g,
        target,
        fullRate,
        firstRate: Math.min(0.999, fullRate + between(rand, [0.015, 0.05])),
        boosterRate: g.booster ? between(rand, g.booster) : null,
      };
    })
  );
  const header = ["date", "county", "township", "group", "target", "first", "full", "booster"].map(
    (key) => PROGRESS_TABLE.columns.find((c) => c.key === key).zh
  );
  const values = [["示例省新冠疫苗接种进度表"], header];
  let skip = days * perDay - rows;
  for (let d = 0; d < days; d++) {
    const date = REPORT_DATE - days + 1 + d;
    for (const s of series) {
      if (skip > 0) {
        skip--;
        continue;
      }
      const first = Math.round(s.target * s.firstRate * progress(d, days));
      // Full courses follow first doses by the 21-day interval, so 当日到期 and 当日全程 agree.
      const full = Math.round(s.target * s.fullRate * progress(d - 21, days));
      values.push([
        date,
        s.t.county,
        s.t.township,
        s.g.group,
        s.target,
        first,
        Math.min(first, full),
        s.boosterRate === null
          ? null
          : Math.round(s.target * s.boosterRate * progress(d, days) ** 3),
      ]);
    }
  }
  return { name: PROGRESS_TABLE.sheet, values };
}

/**
 * 物资储备: every unit lists the ten catalogue items, so `rows` rows are
 * rows ÷ 10 units: the county reserve (wartime), departments, clinics and
 * townships; stock from 35% to 130% of the target, some goods in transit.
 */
export function stockpileSheet(rows) {
  const { STOCKPILE_TABLE } = lib("workbook/stockpile/specs");
  const { DEFAULT_CATALOGUE } = lib("core/stockpile/catalogue");
  const rand = seededRandom(3);
  const unitCount = Math.ceil(rows / DEFAULT_CATALOGUE.length);
  const places = townships(unitCount);
  const header = STOCKPILE_TABLE.columns.filter((c) => c.role === "input").map((c) => c.zh);
  const values = [[STOCKPILE_TABLE.title ?? STOCKPILE_TABLE.sheet], header];
  for (let u = 0; u < unitCount && values.length - 2 < rows; u++) {
    const kind = u === 0 ? 0 : u % 20 === 1 ? 1 : u % 10 === 2 ? 2 : 3;
    const [unit, category] = [
      ["县应急物资储备库", "县应急物资储备库"],
      [`${places[u].county}卫生健康局${u}`, "县直部门"],
      [`${places[u].township}卫生院`, "医疗机构"],
      [places[u].township, "乡镇"],
    ][kind];
    const persons = kind === 0 ? 1200 : 20 + Math.round(rand() * 600);
    const wartime = kind === 0;
    for (const item of DEFAULT_CATALOGUE) {
      if (values.length - 2 >= rows) break;
      const norm = (wartime ? item.wartime : item.routine) ?? 0;
      const target =
        item.kind === "耐用类"
          ? Math.ceil(persons * norm)
          : Math.ceil(persons * norm * (wartime ? 60 : 30));
      const factor = rand() < 0.2 ? 0.35 + rand() * 0.5 : 1 + rand() * 0.3;
      const stock =
        item.unit === "升" ? Math.round(target * factor * 10) / 10 : Math.round(target * factor);
      values.push([
        unit,
        category,
        item.name,
        item.unit,
        persons,
        null,
        null,
        stock,
        factor < 1 && rand() < 0.5 ? Math.round(target * 0.2) : null,
      ]);
    }
  }
  return { name: STOCKPILE_TABLE.sheet, values };
}

/** 隔离床位: one row per township, a tenth of them short of the 20-per-10,000 norm. */
export function bedsSheet(rows) {
  const { BEDS_SHEET } = lib("workbook/isolation/specs");
  const rand = seededRandom(404);
  const values = [
    ["示例省隔离床位情况表"],
    ["序号", "县(区)", "乡镇", "常住人口", "现有床位", "备用床位"],
  ];
  townships(rows).forEach((t, i) => {
    const required = Math.ceil((t.population * 20) / 10_000);
    const total = Math.round(required * (i % 10 === 3 ? 0.6 + 0.3 * rand() : 1.05 + 0.5 * rand()));
    const existing = Math.round(total * (0.65 + 0.2 * rand()));
    values.push([i + 1, t.county, t.township, t.population, existing, total - existing]);
  });
  return { name: BEDS_SHEET, values };
}

/**
 * 返乡人员: `rows` returnees spread over the townships of a `townshipCount`
 * 隔离床位 table, arriving from 12 days before to 9 days after the report
 * date; fake ID numbers that belong to nobody (region 999999), all distinct.
 */
export function returneesSheet(rows, townshipCount) {
  const { RETURNEES_SHEET } = lib("workbook/isolation/specs");
  const { fakeIdNumber } = lib("core/privacy/idNumber");
  const { serialFromYmd } = lib("core/dates");
  const rand = seededRandom(4004);
  const places = townships(townshipCount);
  const firstBirth = serialFromYmd(1950, 1, 1);
  const values = [
    ["示例省返乡人员登记表"],
    ["序号", "姓名", "身份证号", "联系电话", "乡镇", "来源地风险等级", "抵达日期", "隔离方式"],
  ];
  for (let i = 0; i < rows; i++) {
    const r = rand();
    const risk = r < 0.25 ? "高风险" : r < 0.45 ? "中风险" : r < 0.8 ? "其他涉疫地区" : "低风险";
    const method = risk === "低风险" ? null : rand() < 0.7 ? "集中" : "居家";
    const name = `${pick(rand, SURNAMES)}${pick(rand, GIVEN)}${rand() < 0.5 ? pick(rand, GIVEN) : ""}`;
    // Birth days and sequence numbers that never repeat: 20,000 days × 1,000 sequences.
    const id = fakeIdNumber({
      birth: firstBirth + (i % 20_000),
      sequence: Math.floor(i / 20_000) % 1000,
    });
    const phone = rand() < 0.85 ? `100${String(Math.floor(rand() * 1e8)).padStart(8, "0")}` : null;
    const arrival = REPORT_DATE - 12 + Math.floor(rand() * 22);
    values.push([
      i + 1,
      name,
      id,
      phone,
      places[i % places.length].township,
      risk,
      arrival,
      method,
    ]);
  }
  return { name: RETURNEES_SHEET, values };
}

/** 隔离床位 townships that go with `rows` returnees. */
export function forecastTownships(rows) {
  return Math.min(1_000, Math.max(18, Math.ceil(rows / 100)));
}

/**
 * 填报单位 and 报送记录 with `rows` report records: units × days, ending on
 * the report date; about 3% of reports missing, 6% late, 15% zero reports.
 */
export function reportingSheets(rows) {
  const { ROSTER_SPEC, RECORDS_SPEC } = lib("workbook/reporting/specs");
  const rand = seededRandom(60);
  const unitCount = Math.max(1, Math.min(5_000, Math.floor(rows / 10)));
  const days = Math.ceil(rows / unitCount);
  const places = townships(unitCount);
  const roster = [
    [ROSTER_SPEC.title ?? ROSTER_SPEC.sheet],
    ["单位", "单位类别", "上级", "联系人", "联系电话", "是否需每日报送"],
    ...places.map((t) => [
      t.township,
      "乡镇",
      t.county,
      `${pick(rand, SURNAMES)}${pick(rand, GIVEN)}`,
      `139${String(Math.floor(rand() * 1e8)).padStart(8, "0")}`,
      "是",
    ]),
  ];
  const records = [
    [RECORDS_SPEC.title ?? RECORDS_SPEC.sheet],
    RECORDS_SPEC.columns.map((c) => c.zh),
  ];
  for (let d = days - 1; d >= 0 && records.length - 2 < rows; d--) {
    const day = REPORT_DATE - d;
    for (const t of places) {
      if (records.length - 2 >= rows) break;
      if (rand() < 0.03) continue;
      const minutes =
        rand() < 0.06
          ? 10 * 60 + 1 + Math.floor(rand() * 119)
          : 7 * 60 + 30 + Math.floor(rand() * 149);
      const zero = rand() < 0.15;
      records.push([
        day,
        t.township,
        day + minutes / 1440,
        zero ? "零报告" : "正常",
        zero ? "今日无新增情况" : null,
      ]);
    }
  }
  return [
    { name: ROSTER_SPEC.sheet, values: roster },
    { name: RECORDS_SPEC.sheet, values: records },
  ];
}

/**
 * Returned fill-in templates for `count` units of a 物资储备 snapshot, laid
 * out by the add-in's own template planner, each with the first two items'
 * stock changed (so the import has changes to write).
 */
export function returnedTemplates(snapshot, count) {
  const { planTemplates } = lib("workbook/stockpile/template");
  const { applyOps } = lib("workbook/applyOps");
  const { templates, ops } = planTemplates(snapshot, { units: firstUnits(snapshot, count) });
  const cellOps = ops.filter((op) => op.kind === "block" || op.kind === "ensureSheet");
  const book = applyOps({ sheetNames: [], sheets: {}, names: {} }, cellOps);
  return templates.map((t) => {
    const values = book.sheets[t.sheetName].values.map((line) => [...line]);
    const stockColumn = t.header.indexOf("现有库存");
    for (let r = t.headerRow; r < t.headerRow + 2 && r < values.length; r++) {
      const v = values[r][stockColumn];
      if (typeof v === "number") values[r][stockColumn] = v + 10;
    }
    return { fileName: `${t.unit}.xlsx`, sheets: [{ name: t.sheetName, values }] };
  });
}

/** The first `count` units of a snapshot's 物资储备, in sheet order. */
export function firstUnits(snapshot, count) {
  const { STOCKPILE_SHEET } = lib("workbook/stockpile/specs");
  const units = [];
  for (const line of snapshot.sheets[STOCKPILE_SHEET].values.slice(2)) {
    if (!units.includes(line[0])) units.push(line[0]);
    if (units.length >= count) break;
  }
  return units;
}

/** The sample's mulberry32 generator, so every run generates the same tables. */
export function seededRandom(seed) {
  return lib("workbook/sample/county").seededRandom(seed);
}

/** Share of the final first doses given by day `d` of `days`: 60% on the first day, 100% on the last, linear. */
function progress(d, days) {
  return days === 1 ? 1 : Math.max(0, 0.6 + (0.4 * d) / (days - 1));
}

function between(rand, [low, high]) {
  return low + (high - low) * rand();
}

function pick(rand, list) {
  return list[Math.floor(rand() * list.length)];
}
