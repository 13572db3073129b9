/**
 * Fixture builders for the isolation tests. Every ID number here is made by
 * fakeIdNumber (region code 999999, assigned to nobody).
 */
import type { BedRecord } from "../../src/core/isolation/bedCapacity";
import { serialFromYmd } from "../../src/core/dates";
import { fakeIdNumber } from "../../src/core/privacy/idNumber";
import type { CellValue, Grid } from "../../src/workbook/cells";
import type { CommandInput } from "../../src/workbook/command";
import { planInitWorkbook } from "../../src/workbook/init/initWorkbook";
import { sheetFromValues, type WorkbookSnapshot } from "../../src/workbook/snapshot";
import { applyOps, emptySnapshot } from "../../src/workbook/applyOps";

/** 2022-01-20, the report date of every test. */
export const REPORT_DATE = serialFromYmd(2022, 1, 20);

export function makeBedRecord(overrides: Partial<BedRecord> = {}): BedRecord {
  return {
    row: 3,
    parent: null,
    township: "城关镇",
    population: 86_400,
    existingBeds: 150,
    backupBeds: 30,
    ...overrides,
  };
}

/** A workbook with the 参数 sheet and every defined name, as 初始化工作簿 leaves it (its empty input sheets left out). */
export function initialisedWorkbook(): WorkbookSnapshot {
  const result = planInitWorkbook({
    snapshot: emptySnapshot(),
    today: REPORT_DATE,
    now: REPORT_DATE + 0.4,
    lang: "zh",
  });
  // 初始化工作簿 also creates every empty input sheet; these fixtures want the 参数 sheet and its names only.
  return applyOps(
    emptySnapshot(),
    result.ops.filter((op) => op.sheet === "参数")
  );
}

/** Sets a parameter's value on the 参数 sheet, as a clerk would type it. */
export function setParam(
  snapshot: WorkbookSnapshot,
  name: string,
  value: CellValue
): WorkbookSnapshot {
  const sheet = snapshot.sheets["参数"];
  const i = sheet.values.findIndex((r) => r[0] === name);
  if (i < 0) throw new Error(`no parameter ${name}`);
  sheet.values[i][1] = value;
  sheet.formulas[i][1] = value;
  return snapshot;
}

/** Adds (or replaces) a sheet of plain values. */
export function withSheet(
  snapshot: WorkbookSnapshot,
  name: string,
  values: Grid
): WorkbookSnapshot {
  snapshot.sheets[name] = sheetFromValues(name, values);
  if (!snapshot.sheetNames.includes(name)) snapshot.sheetNames.push(name);
  return snapshot;
}

export const BED_HEADER = ["乡镇", "常住人口", "现有床位", "备用床位"];

/** One 隔离床位 row: 乡镇, 常住人口, 现有床位, 备用床位. */
export function bedRow(
  overrides: Partial<Record<"township" | "population" | "existing" | "backup", CellValue>> = {}
): CellValue[] {
  const r = { township: "城关镇", population: 86_400, existing: 150, backup: 30, ...overrides };
  return [r.township, r.population, r.existing, r.backup];
}

/** A 隔离床位 sheet: title in row 1, header in row 2, data from row 3 (columns A–D). */
export function bedGrid(rows: CellValue[][], header: CellValue[] = BED_HEADER): Grid {
  return [["示例县隔离床位情况表"], header, ...rows];
}

export const RETURNEE_HEADER = [
  "姓名",
  "身份证号",
  "联系电话",
  "乡镇",
  "来源地风险等级",
  "抵达日期",
  "隔离方式",
];

let sequence = 0;
/** A fresh checksum-valid fake ID number. */
export function nextFakeId(): string {
  sequence = (sequence + 7) % 1000;
  return fakeIdNumber({ birth: serialFromYmd(1985, 6, 15), sequence });
}

type ReturneeField = "name" | "id" | "phone" | "township" | "risk" | "arrival" | "method";

/** One 返乡人员 row (columns A–G). */
export function returneeRow(
  overrides: Partial<Record<ReturneeField, CellValue>> = {}
): CellValue[] {
  const r: Record<ReturneeField, CellValue> = {
    name: "王某",
    id: nextFakeId(),
    phone: "10012345678",
    township: "城关镇",
    risk: "高风险",
    arrival: REPORT_DATE - 2,
    method: "集中",
    ...overrides,
  };
  return [r.name, r.id, r.phone, r.township, r.risk, r.arrival, r.method];
}

export function returneeGrid(rows: CellValue[][]): Grid {
  return [["返乡人员登记表"], RETURNEE_HEADER, ...rows];
}

export function commandInput(
  snapshot: WorkbookSnapshot,
  options?: Record<string, unknown>
): CommandInput {
  return { snapshot, today: REPORT_DATE, now: REPORT_DATE + 0.5, lang: "zh", options };
}

/** Every cell of a sheet as text, for scanning what a leader sheet shows. */
export function allText(snapshot: WorkbookSnapshot, sheet: string): string[] {
  return (snapshot.sheets[sheet]?.values ?? [])
    .flat()
    .filter((v) => v !== null)
    .map(String);
}
