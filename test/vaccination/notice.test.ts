import { vaccinationNotice } from "../../src/core/vaccination/notice";
import { D, DUE, makeRecord, noticeRecords, oneDay, reportOf, series } from "./fixtures";

/*
 * Worked by hand from NOTICE_UNITS (fixtures.ts), 平安县, 18岁以上, 1月20日:
 *   target 10,000 + 5,000 + 5,000 + 4,000 + 5,000 + 2,500 + 2,000 + 4,000 = 37,500
 *     (白沙镇's target is 0 and 新安乡 did not report: both left out)
 *   first  9,900 + 4,950 + 5,150 + 3,400 + 4,300 + 2,450 + 1,800 + 3,600 = 35,550 → 94.8%
 *   full   9,700 + 4,810 + 5,100 + 3,000 + 4,000 + 2,405 + 1,700 + 3,400 = 34,115 → 90.97% → 91.0%
 *   due (first doses on 12月30日 − 12月29日) 120 + 50 + 40 + 20 + 30 + 25 + 20 + 40 + 10 = 355
 *   today's full courses (1月20日 − 1月19日) 100 + 50 + 40 + 10 + 30 + 20 + 10 + 40 + 10 = 310 → 87.3%
 * 康宁县: target 20,000, first 18,610 (93.1%), full 18,300 (91.5%), due 200, done 200 (100.0%).
 * So 平安县 is 1st on first doses, 2nd on today's rate, 2nd on full courses.
 * Townships by full-course rate: 南山乡 102.0%, 东城镇 97.0%, 西城镇 96.2% = 红星镇 96.2%
 * (tied at the third place), …, 青云乡 85.0% = 石门乡 85.0% (tied at the third place from the
 * bottom), 中和镇 80.0%, 北湖乡 75.0%.
 */
const PINGAN_ZH =
  "截至1月20日，18岁以上人群目标任务37,500人，第一剂已接种35,550人，完成率94.8%，全市第1位；" +
  "第二剂当日完成率87.3%，全市第2位；第二剂累计已接种34,115人，完成率91.0%，全市第2位。" +
  "各乡镇18岁以上人群第二针剂接种完成情况：最好的分别是南山乡(102.0%)、东城镇(97.0%)、西城镇和红星镇并列(96.2%)，" +
  "最差的分别是北湖乡(75.0%)、中和镇(80.0%)、青云乡和石门乡并列(85.0%)。" +
  "其中有1个乡镇完成超过100%。新安乡未报送，未参与排名。白沙镇目标人数缺失，未参与排名。";

const PINGAN_EN =
  "As of 20 January, 18岁以上 group: target 37,500 people; first dose given to 35,550, a rate of 94.8%, 1st in the city; " +
  "second doses due today completed at 87.3%, 2nd in the city; second dose given to 34,115 in all, a rate of 91.0%, 2nd in the city. " +
  "Townships, 18岁以上 group, second-dose completion: best 南山乡 (102.0%), 东城镇 (97.0%), 西城镇 and 红星镇 tied (96.2%); " +
  "worst 北湖乡 (75.0%), 中和镇 (80.0%), 青云乡 and 石门乡 tied (85.0%). " +
  "1 township is above 100%. 新安乡 did not report and is not ranked. 白沙镇 has no target and is not ranked.";

const KANGNING_ZH =
  "截至1月20日，康宁县18岁以上人群目标任务20,000人，第一剂已接种18,610人，完成率93.1%，全市第2位；" +
  "第二剂当日完成率100.0%，全市第1位；第二剂累计已接种18,300人，完成率91.5%，全市第1位。" +
  "各乡镇18岁以上人群第二针剂接种完成情况：依次为山前乡(94.0%)、河口镇(89.0%)。";

describe("vaccinationNotice", () => {
  const report = reportOf(noticeRecords());

  it("writes the notice fixture word for word in Chinese", () => {
    expect(vaccinationNotice(report, { counties: ["平安县"] }).text.zh).toBe(PINGAN_ZH);
  });

  it("writes the notice fixture word for word in English", () => {
    expect(vaccinationNotice(report, { counties: ["平安县"] }).text.en).toBe(PINGAN_EN);
  });

  it("splits the paragraph into lines for the sheet that join back into it", () => {
    const [p] = vaccinationNotice(report, { counties: ["平安县"] }).paragraphs;
    expect(p.zh.join("")).toBe(PINGAN_ZH);
    expect(p.zh[2]).toMatch(/^各乡镇.*，$/);
    expect(p.zh[3]).toMatch(/^最差的分别是/);
  });

  it("names each county when the notice covers more than one, one paragraph a line", () => {
    const text = vaccinationNotice(report).text.zh;
    expect(text).toBe(
      `${PINGAN_ZH.replace("截至1月20日，", "截至1月20日，平安县")}\n${KANGNING_ZH}`
    );
  });

  it("lists every ranked township in order when there are no more than three", () => {
    const text = vaccinationNotice(report, { counties: ["康宁县"] }).text.zh;
    expect(text).toContain("依次为山前乡(94.0%)、河口镇(89.0%)。");
    expect(text).not.toContain("最好的");
  });

  it("writes only the chosen groups, in the chosen order", () => {
    const twoGroups = reportOf([
      makeRecord({ group: "18岁以上" }),
      makeRecord({ group: "60岁以上" }),
      makeRecord({ group: "3-11岁" }),
    ]);
    const notice = vaccinationNotice(twoGroups, { groups: ["60岁以上", "18岁以上"] });
    expect(notice.paragraphs.map((p) => p.group)).toEqual(["60岁以上", "18岁以上"]);
  });

  it("leaves out 全市第x位 without a 县(区) column", () => {
    const text = vaccinationNotice(reportOf(oneDay([{ township: "甲镇", full: 900 }]))).text.zh;
    expect(text).not.toContain("全市");
    expect(text).toContain("第二剂累计已接种900人，完成率90.0%。");
  });

  it("writes 全市并列第1位 for counties tied on a rate", () => {
    const tied = reportOf(
      oneDay([
        { county: "甲县", township: "甲镇", full: 900 },
        { county: "乙县", township: "乙镇", full: 900 },
      ])
    );
    const text = vaccinationNotice(tied, { counties: ["甲县"] }).text;
    expect(text.zh).toContain("第二剂累计已接种900人，完成率90.0%，全市并列第1位。");
    expect(text.en).toContain("a rate of 90.0%, tied 1st in the city.");
  });

  it("says the due-today rate cannot be computed when the due count is unknown, rather than 0%", () => {
    const unknown = reportOf(
      series([
        [D - 1, 900, 800],
        [D, 910, 810],
      ])
    );
    const text = vaccinationNotice(unknown).text;
    expect(text.zh).toContain("第二剂当日完成率暂无法计算（当日到期人数未知）；");
    expect(text.en).toContain(
      "the second-dose rate for today cannot be computed (the number due today is unknown);"
    );
  });

  it("says nothing was due when the due count is 0", () => {
    const none = reportOf(
      series([
        [DUE - 1, 500, 400],
        [DUE, 500, 400],
        [D - 1, 900, 800],
        [D, 910, 810],
      ])
    );
    expect(vaccinationNotice(none).text.zh).toContain("第二剂当日无到期任务；");
  });

  it("adds the booster sentence when boosters are given", () => {
    const text = vaccinationNotice(reportOf([makeRecord({ target: 2_000, booster: 1_234 })])).text;
    expect(text.zh).toContain("加强针累计已接种1,234人，完成率61.7%。");
    expect(text.en).toContain("Boosters given to 1,234, a rate of 61.7%.");
  });

  it("names several townships that did not report in one sentence", () => {
    const report2 = reportOf([
      makeRecord({ date: D - 1, township: "甲镇" }),
      makeRecord({ date: D - 1, township: "乙镇" }),
      makeRecord({ date: D - 1, township: "丙镇" }),
      makeRecord({ date: D, township: "丙镇" }),
    ]);
    const text = vaccinationNotice(report2).text;
    expect(text.zh).toContain("甲镇、乙镇未报送，未参与排名。");
    expect(text.en).toContain("甲镇 and 乙镇 did not report and are not ranked.");
  });

  it("ties three townships with 和 before the last name", () => {
    const three = reportOf(
      oneDay([
        { township: "甲镇", full: 990 },
        { township: "乙镇", full: 900 },
        { township: "丙镇", full: 900 },
        { township: "丁镇", full: 900 },
        { township: "戊镇", full: 500 },
      ])
    );
    expect(vaccinationNotice(three).text.zh).toContain(
      "最好的分别是甲镇(99.0%)、乙镇、丙镇和丁镇并列(90.0%)，"
    );
  });

  it("says no township reported rather than giving sums of nothing", () => {
    const silent = reportOf([
      makeRecord({ date: D - 1, county: "平安县", township: "甲镇" }),
      makeRecord({ date: D, county: "康宁县", township: "乙镇" }),
    ]);
    const text = vaccinationNotice(silent, { counties: ["平安县"] }).text;
    expect(text).toEqual({
      zh: "截至1月20日，18岁以上人群各乡镇均未报送。",
      en: "As of 20 January, 18岁以上 group: no township has reported.",
    });
  });

  it("writes an empty notice for groups the report does not have", () => {
    expect(vaccinationNotice(report, { groups: ["80岁以上"] }).text).toEqual({ zh: "", en: "" });
  });
});
