import {
  DEFAULT_PARAMS,
  PARAMS,
  formatDefault,
  paramSpec,
  readParamValue,
  readParams,
} from "../../src/workbook/params";
import { sheetFromValues } from "../../src/workbook/snapshot";

const paramsSheet = (rows: (string | number | null)[][]) =>
  sheetFromValues("参数", [["防疫台账参数"], ["参数", "值", "单位", "说明", "默认值"], ...rows]);

describe("the parameter defaults", () => {
  it.each([
    ["战时储备天数", 60],
    ["日常储备天数", 30],
    ["每万人隔离床位标准", 20],
    ["高中风险地区隔离天数", 14],
    ["其他涉疫地区隔离天数", 7],
    ["第二剂接种间隔天数", 21],
    ["加强针间隔天数", 180],
    ["达标线", 1],
    ["预警线", 0.8],
    ["排名方式", "并列占位"],
  ])("%s defaults to %p", (name, value) => {
    expect(PARAMS.find((p) => p.name === name)?.default).toBe(value);
  });

  it("sets the report deadline to 10:00", () => {
    expect(formatDefault(paramSpec("reportDeadline"))).toBe("10:00");
    expect(DEFAULT_PARAMS.reportDeadline * 24).toBeCloseTo(10, 12);
  });

  it("gives every parameter a unique name and a note in both languages", () => {
    expect(new Set(PARAMS.map((p) => p.name)).size).toBe(PARAMS.length);
    for (const p of PARAMS) {
      expect(p.note.zh.length).toBeGreaterThan(4);
      expect(p.note.en.length).toBeGreaterThan(4);
    }
  });
});

describe("readParams", () => {
  it("returns the defaults when there is no 参数 sheet", () => {
    expect(readParams(undefined)).toMatchObject({ params: DEFAULT_PARAMS, issues: [] });
  });

  it("reads edited values by label, whatever the row order", () => {
    const { params, issues } = readParams(
      paramsSheet([
        ["每万人隔离床位标准", 40],
        ["战时储备天数", "45"],
        ["排名方式", "并列不占位"],
        ["预警线", "75%"],
        ["报送截止时间", "9:30"],
      ])
    );
    expect(issues).toEqual([]);
    expect(params.bedsPer10k).toBe(40);
    expect(params.wartimeDays).toBe(45);
    expect(params.tieRule).toBe("并列不占位");
    expect(params.warningLine).toBeCloseTo(0.75, 12);
    expect(params.reportDeadline * 24).toBeCloseTo(9.5, 12);
    expect(params.routineDays).toBe(30);
  });

  it("uses the default and names the cell when a value is invalid", () => {
    const { params, issues } = readParams(
      paramsSheet([
        ["日常储备天数", null],
        ["战时储备天数", -5],
        ["排名方式", "随便"],
      ])
    );
    expect(params.routineDays).toBe(30);
    expect(params.wartimeDays).toBe(60);
    expect(params.tieRule).toBe("并列占位");
    expect(issues.map((i) => `${i.sheet}!${i.cell}`)).toEqual(["参数!B3", "参数!B4", "参数!B5"]);
    expect(issues[1].message.zh).toContain("默认值 60");
  });

  it.each([
    ["wartimeDays", 1.5, false],
    ["wartimeDays", 0, true],
    ["bedsPer10k", 0, false],
    ["bedsPer10k", 0.5, true],
    ["targetLine", "100%", true],
    ["reportDeadline", "25:00", false],
    ["bedUnit", "间", true],
    ["bedUnit", "个", false],
  ] as const)("checks %s = %p (valid: %p)", (key, raw, valid) => {
    expect(readParamValue(paramSpec(key), raw).ok).toBe(valid);
  });
});
