/**
 * 初始化工作簿: creates the 参数 sheet with one named cell per norm, and the
 * empty input sheets of every capability (物资目录 with its default items).
 * Run again, it keeps every value the user edited and adds only what is
 * missing: absent parameter rows (appended below the last used row), absent
 * names and absent sheets. Only 参数 is read: the other sheets' existence is
 * known from the sheet list, so a huge 接种进度 is never loaded here.
 */
import { cellAddress } from "../a1";
import { defineCommand, type CommandInput, type CommandResult } from "../command";
import { parseNoOptions } from "../options";
import { PARAMS, PARAMS_HEADER_ROW, PARAMS_SHEET, PARAM_VALUE_COLUMN } from "../params";
import { setupIsolationSheets } from "../isolation/setup";
import { setupReportingSheets } from "../reporting/setup";
import { setupStockpileSheets } from "../stockpile/setup";
import { setupVaccinationSheets } from "../vaccination/setup";
import { planParamsSheet } from "./paramsSheet";

export const initWorkbook = defineCommand({
  id: "initWorkbook",
  label: { zh: "初始化工作簿", en: "Set up workbook" },
  reads: () => [PARAMS_SHEET],
  parseOptions: parseNoOptions,
  run: planInitWorkbook,
});

/**
 * Plans the 参数 sheet.
 *
 * @example
 * planInitWorkbook({ snapshot: emptyWorkbook, ... }).ops[0]
 * //=> { kind: "ensureSheet", sheet: "参数" }
 */
export function planInitWorkbook(input: CommandInput<unknown>): CommandResult {
  const { ops, added, issues } = planParamsSheet(input.snapshot, input.lang);
  const setup = [
    ...setupStockpileSheets(input.snapshot),
    ...setupIsolationSheets(input.snapshot),
    ...setupVaccinationSheets(input.snapshot),
    ...setupReportingSheets(input.snapshot),
  ];
  ops.push(...setup);
  const createdSheets = setup.filter((o) => o.kind === "ensureSheet").map((o) => o.sheet);
  const paramSummary =
    added.length === PARAMS.length
      ? {
          zh: `已创建“参数”工作表，共 ${added.length} 项参数`,
          en: `Created the 参数 sheet with ${added.length} parameters`,
        }
      : added.length > 0
        ? {
            zh: `已补充 ${added.length} 项缺失参数，已有的值保持不变`,
            en: `Added ${added.length} missing parameters; existing values kept`,
          }
        : { zh: "参数表已完整", en: "The 参数 sheet is complete" };
  const summary =
    createdSheets.length > 0
      ? {
          zh: `${paramSummary.zh}；已创建输入表：${createdSheets.join("、")}`,
          en: `${paramSummary.en}; created input sheets: ${createdSheets.join(", ")}`,
        }
      : added.length === 0
        ? { zh: "工作簿已完整，未作改动", en: "The workbook is complete; nothing changed" }
        : paramSummary;
  return {
    ops,
    issues,
    summary,
    focus: { sheet: PARAMS_SHEET, cell: cellAddress(PARAMS_HEADER_ROW + 1, PARAM_VALUE_COLUMN) },
  };
}
