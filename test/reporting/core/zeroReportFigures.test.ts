import { zeroReportFigures, type FigureCell } from "../../../src/core/reporting/zeroReportFigures";

function cell(overrides: Partial<FigureCell> = {}): FigureCell {
  return { field: "extra:6", header: "新增病例", value: null, ...overrides };
}

describe("zeroReportFigures", () => {
  it.each([
    ["no note", null],
    ["a note without digits", "今日无新增情况"],
    ["a date in the note", "1月20日无新增"],
    ["a time in the note", "10时前已报"],
    ["a zero count", "新增0例"],
    ["full-width zero count", "新增０例"],
  ])("finds nothing with %s", (_what, note) => {
    expect(zeroReportFigures(note)).toEqual([]);
  });

  it.each([["新增2例"], ["隔离 3 人"], ["发放口罩1.5箱"], ["新增２例"]])(
    "finds a counted figure in the note %s",
    (note) => {
      expect(zeroReportFigures(note)).toEqual([{ field: "note", text: `备注“${note}”` }]);
    }
  );

  it("finds a non-zero number in a user column", () => {
    expect(zeroReportFigures(null, [cell({ value: 3 })])).toEqual([
      { field: "extra:6", text: "新增病例：3" },
    ]);
  });

  it("finds a number typed as text in a user column", () => {
    expect(zeroReportFigures(null, [cell({ value: "12" })])).toHaveLength(1);
  });

  it.each([
    ["zero", 0],
    ["negative zero", -0],
    ["zero as text", "0"],
    ["blank", null],
    ["a word", "无"],
  ])("ignores a user column holding %s", (_what, value) => {
    expect(zeroReportFigures(null, [cell({ value })])).toEqual([]);
  });

  it.each([["序号"], ["填报日期"], ["联系电话"], ["No."]])(
    "ignores a number in a user column headed %s",
    (header) => {
      expect(zeroReportFigures(null, [cell({ header, value: 7 })])).toEqual([]);
    }
  );

  it("lists the note and each user column that carries a figure", () => {
    expect(
      zeroReportFigures("新增1例", [
        cell({ value: 1 }),
        cell({ field: "extra:7", header: "密接", value: 4 }),
      ])
    ).toEqual([
      { field: "note", text: "备注“新增1例”" },
      { field: "extra:6", text: "新增病例：1" },
      { field: "extra:7", text: "密接：4" },
    ]);
  });
});
