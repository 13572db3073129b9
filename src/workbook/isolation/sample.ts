/**
 * Sample isolation sheets for the fictional 示例市: 隔离床位 for the 18
 * sample townships (three short of the 20-per-10,000 norm, one with a blank
 * 备用床位), and 60 returnees arriving around the report date, with ID
 * numbers that belong to nobody (region code 999999, valid check character)
 * and phone numbers in the unassigned 100 prefix. 马场乡, short of beds,
 * receives a cluster of centralized arrivals, so the forecast shows it at
 * risk. A few deliberate edge cases: arrival dates typed as text in the three
 * common forms, one ID number with a wrong check character, one ID number
 * listed twice, 低风险 rows without an isolation method.
 */
import { serialFromYmd } from "../../core/dates";
import { fakeIdNumber } from "../../core/privacy/idNumber";
import type { CellValue } from "../cells";
import { BEDS_SHEET, RETURNEES_SHEET } from "./specs";
import { SAMPLE_CITY, SAMPLE_REPORT_DATE, SAMPLE_TOWNSHIPS, seededRandom } from "../sample/county";

/** Townships short of beds in the sample, and the share of the norm they hold. */
const SHORT: Readonly<Record<string, number>> = { 马场乡: 0.6, 松林乡: 0.8, 龙泉镇: 0.9 };
/** The township that receives the cluster of centralized returnees. */
export const SAMPLE_AT_RISK_TOWNSHIP = "马场乡";
const NORM = 20;

const SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂";

/**
 * The sample 隔离床位 and 返乡人员 sheets (title row, header row, data).
 *
 * @example
 * isolationSampleSheets().map((s) => s.name) //=> ["隔离床位", "返乡人员"]
 */
export function isolationSampleSheets(): { name: string; values: CellValue[][] }[] {
  return [
    { name: BEDS_SHEET, values: sampleBeds() },
    { name: RETURNEES_SHEET, values: sampleReturnees() },
  ];
}

function sampleBeds(): CellValue[][] {
  const rand = seededRandom(404);
  const rows: CellValue[][] = SAMPLE_TOWNSHIPS.map((t, i) => {
    const required = Math.ceil((t.population * NORM) / 10_000);
    const share = SHORT[t.township] ?? 1.05 + 0.5 * rand();
    const total = Math.round(required * share);
    const blankBackup = t.township === "石桥乡";
    const existing = blankBackup ? total : Math.round(total * (0.65 + 0.2 * rand()));
    return [
      i + 1,
      t.county,
      t.township,
      t.population,
      existing,
      blankBackup ? null : total - existing,
    ];
  });
  return [
    [`${SAMPLE_CITY}隔离床位情况表`],
    ["序号", "县(区)", "乡镇", "常住人口", "现有床位", "备用床位"],
    ...rows,
  ];
}

function sampleReturnees(): CellValue[][] {
  const rand = seededRandom(4004);
  const pick = <T>(list: readonly T[] | string): T | string =>
    list[Math.floor(rand() * list.length)];
  const others = SAMPLE_TOWNSHIPS.map((t) => t.township).filter(
    (t) => t !== SAMPLE_AT_RISK_TOWNSHIP
  );
  const rows: CellValue[][] = [];
  for (let i = 0; i < 60; i++) {
    const cluster = i % 4 === 1 || i < 4;
    const township = cluster ? SAMPLE_AT_RISK_TOWNSHIP : (pick(others) as string);
    const r = rand();
    const risk = cluster
      ? r < 0.6
        ? "高风险"
        : "中风险"
      : r < 0.25
        ? "高风险"
        : r < 0.45
          ? "中风险"
          : r < 0.8
            ? "其他涉疫地区"
            : "低风险";
    // The cluster arrives from 6 days before the report date to 4 days after,
    // so every stay overlaps around the report date; the others from 12 days
    // before to 9 days after.
    const arrival = cluster
      ? SAMPLE_REPORT_DATE - 6 + Math.floor(rand() * 11)
      : SAMPLE_REPORT_DATE - 12 + Math.floor(rand() * 22);
    const method = risk === "低风险" ? null : cluster || rand() < 0.7 ? "集中" : "居家";
    const birth = serialFromYmd(
      1950 + Math.floor(rand() * 58),
      1 + Math.floor(rand() * 12),
      1 + Math.floor(rand() * 28)
    );
    const id = fakeIdNumber({ birth, sequence: Math.floor(rand() * 1000) });
    const phone = rand() < 0.85 ? `100${String(Math.floor(rand() * 1e8)).padStart(8, "0")}` : null;
    const name = `${pick(SURNAMES)}${pick(GIVEN)}${rand() < 0.5 ? pick(GIVEN) : ""}`;
    rows.push([i + 1, name, id, phone, township, risk, arrival, method]);
  }
  // Arrival dates typed as text, in the three common written forms.
  rows[6][6] = "2022/1/18";
  rows[18][6] = "2022-01-19";
  rows[34][6] = "2022年1月21日";
  // One mistyped ID number: its check character no longer matches.
  const wrong = String(rows[40][2]);
  rows[40][2] = `${wrong.slice(0, 17)}${wrong[17] === "1" ? "2" : "1"}`;
  // One ID number registered twice.
  rows[57][2] = rows[12][2];
  return [
    [`${SAMPLE_CITY}返乡人员登记表`],
    ["序号", "姓名", "身份证号", "联系电话", "乡镇", "来源地风险等级", "抵达日期", "隔离方式"],
    ...rows,
  ];
}
