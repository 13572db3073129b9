import { SETUP_READS, setupIsolationSheets } from "../../src/workbook/isolation/setup";
import { parseTable } from "../../src/workbook/parse";
import { BEDS_TABLE, RETURNEES_TABLE } from "../../src/workbook/isolation/specs";
import type { WriteBlock } from "../../src/workbook/plan";
import { applyOps, emptySnapshot } from "../../src/workbook/applyOps";
import { withSheet } from "./fixtures";

describe("setupIsolationSheets", () => {
  it("creates 隔离床位 and 返乡人员 with a title and a header the parser finds", () => {
    const after = applyOps(emptySnapshot(), setupIsolationSheets(emptySnapshot()));
    expect(after.sheetNames).toEqual(["隔离床位", "返乡人员"]);
    expect(after.sheets["隔离床位"].values[0][0]).toBe("隔离床位情况表");
    expect(parseTable(BEDS_TABLE, after.sheets["隔离床位"].values).header?.headerRow).toBe(2);
    expect(parseTable(RETURNEES_TABLE, after.sheets["返乡人员"].values).header?.headerRow).toBe(2);
  });

  it("formats the ID number and phone columns as text so Excel keeps every digit", () => {
    const ops = setupIsolationSheets(emptySnapshot());
    const formats = ops.find(
      (op): op is WriteBlock => op.kind === "block" && op.sheet === "返乡人员" && op.row === 3
    )?.numberFormats;
    expect(formats).toEqual({ byColumn: expect.arrayContaining(["@"]) });
    const byColumn = (formats as { byColumn: (string | null)[] }).byColumn;
    expect([byColumn[1], byColumn[2]]).toEqual(["@", "@"]);
  });

  it("styles the header as input and freezes it", () => {
    const ops = setupIsolationSheets(emptySnapshot());
    expect(ops).toContainEqual(
      expect.objectContaining({ kind: "style", sheet: "隔离床位", range: "A2:D2", fill: "#DDEBF7" })
    );
    expect(ops).toContainEqual({ kind: "freeze", sheet: "隔离床位", rows: 2 });
  });

  it("creates nothing when both sheets exist", () => {
    const snapshot = withSheet(withSheet(emptySnapshot(), "隔离床位", [["乡镇"]]), "返乡人员", [
      ["姓名"],
    ]);
    expect(setupIsolationSheets(snapshot)).toEqual([]);
  });

  it("creates only the missing sheet", () => {
    const snapshot = withSheet(emptySnapshot(), "隔离床位", [["乡镇"]]);
    const sheets = new Set(
      setupIsolationSheets(snapshot).map((op) => ("sheet" in op ? op.sheet : ""))
    );
    expect([...sheets]).toEqual(["返乡人员"]);
  });

  it("lists the sheets it looks at", () => {
    expect(SETUP_READS).toEqual(expect.arrayContaining(["隔离床位", "返乡人员"]));
  });
});
