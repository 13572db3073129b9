/**
 * What each command is benchmarked on: the input sheets it reads at a given
 * size, the options it is run with, and the workbook around them (after
 * 初始化工作簿: 参数 with its defined names, 物资目录 with the default items).
 */
import { lib } from "./build.mjs";
import {
  REPORT_DATE,
  bedsSheet,
  firstUnits,
  forecastTownships,
  reportingSheets,
  returnedTemplates,
  returneesSheet,
  stockpileSheet,
  vaccinationSheet,
} from "./data.mjs";

/** The clerk's clock: the report date at 17:00. */
export const CLOCK = { today: REPORT_DATE, now: REPORT_DATE + 17 / 24, lang: "zh" };

/** Units 生成填报模板 makes templates for, and 导入填报 imports returns of, at every size. */
const TEMPLATE_UNITS = 20;

/**
 * The input sheets of one command at `rows` rows of the table that grows,
 * and what `rows` counts.
 * @returns {{ sheets: { name: string, values: unknown[][] }[], counts: string }}
 */
export function inputSheets(commandId, rows) {
  switch (commandId) {
    case "initWorkbook":
      // 初始化工作簿 reads only 参数; a big 接种进度 is there to show it is never loaded.
      return { sheets: [vaccinationSheet(rows)], counts: "接种进度 rows" };
    case "computeStockpile":
      return { sheets: [stockpileSheet(rows)], counts: "物资储备 rows" };
    case "generateTemplates":
      return {
        sheets: [stockpileSheet(rows)],
        counts: `物资储备 rows (${TEMPLATE_UNITS} templates)`,
      };
    case "importReturns":
      return {
        sheets: [stockpileSheet(rows)],
        counts: `物资储备 rows (${TEMPLATE_UNITS} returns)`,
      };
    case "computeIsolation":
      return { sheets: [bedsSheet(rows)], counts: "隔离床位 townships" };
    case "forecastIsolation":
      return {
        sheets: [returneesSheet(rows, forecastTownships(rows)), bedsSheet(forecastTownships(rows))],
        counts: `返乡人员 rows (${forecastTownships(rows)} townships)`,
      };
    case "rankVaccination":
      return { sheets: [vaccinationSheet(rows)], counts: "接种进度 rows" };
    case "reportStatus":
      return { sheets: reportingSheets(rows), counts: "报送记录 rows" };
    default:
      return { sheets: [], counts: "—" };
  }
}

/**
 * The options a command runs with: 生成填报模板 makes template sheets for a
 * batch of units, 导入填报 imports their returns, confirmed.
 */
export function commandOptions(commandId, snapshot) {
  if (commandId === "generateTemplates") return { units: firstUnits(snapshot, TEMPLATE_UNITS) };
  if (commandId === "importReturns")
    return { returns: returnedTemplates(snapshot, TEMPLATE_UNITS), confirm: true };
  return undefined;
}

/** A snapshot of the workbook after 初始化工作簿, with `sheets` in place of the empty input sheets. */
export function initializedSnapshot(sheets) {
  const { planInitWorkbook } = lib("workbook/init/initWorkbook");
  const { applyOps } = lib("workbook/applyOps");
  const { sheetFromValues } = lib("workbook/snapshot");
  const empty = { sheetNames: [], sheets: {}, names: {} };
  const snapshot = applyOps(empty, planInitWorkbook({ snapshot: empty, ...CLOCK }).ops);
  for (const s of sheets) {
    snapshot.sheets[s.name] = sheetFromValues(s.name, s.values);
    if (!snapshot.sheetNames.includes(s.name)) snapshot.sheetNames.push(s.name);
  }
  return snapshot;
}

/** Only the sheets a command asks for, as a host's read would return them. */
export function readView(snapshot, command, options) {
  const sheets = {};
  for (const name of command.reads(options))
    if (snapshot.sheets[name]) sheets[name] = snapshot.sheets[name];
  return { ...snapshot, sheets };
}
