/**
 * 生成填报模板: one fill-in template per chosen unit (all of one category, or a
 * picked list of 物资储备 and 填报单位). By default each template is a
 * protected sheet `填报_<单位>` of the current workbook; in "workbooks" mode
 * nothing is written and the task pane builds each template as its own .xlsx
 * from the same ops; "list" mode only lists the units to choose from.
 *
 * A template sheet made before is replaced; what a clerk had typed into it is
 * kept in 历史记录 first. Only template sheets the command read can be
 * compared, so with a category the existing templates of that category are
 * left alone and named in a warning (pick the units to make them again).
 */
import type { Message } from "../../core/issue";
import { UNIT_CATEGORIES } from "../../core/stockpile/reserveStandard";
import { cellAddress, rangeAddress } from "../a1";
import type { CellValue } from "../cells";
import {
  defineCommand,
  type CommandInput,
  type CommandResult,
  type Need,
  type OptionsResult,
  type RawOptions,
} from "../command";
import { textListOption } from "../options";
import { HISTORY_SHEET, historyOps, type HistoryEntry } from "../history";
import type { CellIssue } from "../issues";
import type { WriteOp } from "../plan";
import { ROSTER_SHEET } from "../reporting/specs";
import { lastUsedColumn } from "./reserve";
import { applyOps } from "../applyOps";
import { CATALOGUE_SHEET, STOCKPILE_SHEET } from "./specs";
import {
  planTemplates,
  renderTemplateOps,
  reserveHeaderCell,
  templateSheetName,
  templateUnits,
  type TemplateLayout,
  type TemplateSelection,
} from "./template";

/** Where the templates go: sheets of this workbook, separate workbooks, or nowhere (list the units). */
export type TemplateMode = "sheets" | "workbooks" | "list";

/** The task pane's choices. `units` wins over `category` when both are given. */
export interface GenerateTemplatesOptions {
  category?: string;
  units?: readonly string[];
  mode?: TemplateMode;
}

/** A unit the clerk may choose. */
export interface TemplateUnitChoice {
  name: string;
  category: string;
  /** Item rows its template will hold. */
  items: number;
}

/** One template to build as a separate workbook: its sheet's ops, and a file name. */
export interface TemplateFile {
  unit: string;
  sheetName: string;
  /** e.g. `城关镇_物资储备填报.xlsx`. */
  fileName: string;
  ops: WriteOp[];
}

/** What the task pane shows after 生成填报模板. */
export interface GenerateTemplatesData {
  mode: TemplateMode;
  /** Every unit of 物资储备 and 填报单位. */
  units: TemplateUnitChoice[];
  /** The templates made (or to be built, in "workbooks" mode). */
  templates: { unit: string; category: string; sheetName: string }[];
  /** "workbooks" mode: the files to build. */
  files: TemplateFile[];
}

const COMMAND_NAME = "生成填报模板";

/** 生成填报模板 needs a category or units from the pane, except to list the units. */
export const TEMPLATE_UNITS_NEED: Need = {
  kind: "choice",
  option: "units",
  label: {
    zh: "请先在任务窗格中选择单位类别或勾选单位",
    en: "choose a unit category or tick units in the task pane",
  },
  given: (raw) =>
    raw.mode === "list" ||
    (textListOption(raw.units)?.length ?? 0) > 0 ||
    (typeof raw.category === "string" && raw.category !== ""),
};

export const generateTemplates = defineCommand({
  id: "generateTemplates",
  label: { zh: "生成填报模板", en: "Make fill-in templates" },
  needs: [TEMPLATE_UNITS_NEED],
  reads: (options?: GenerateTemplatesOptions) => [
    STOCKPILE_SHEET,
    CATALOGUE_SHEET,
    ROSTER_SHEET,
    HISTORY_SHEET,
    // Template sheets made before, to compare and keep what was typed into them.
    ...pickedUnits(options).map(templateSheetName),
  ],
  parseOptions: parseTemplateOptions,
  run: planGenerateTemplates,
});

/**
 * Plans 生成填报模板.
 *
 * @example
 * planGenerateTemplates({ snapshot, today, now, lang: "zh", options: { units: ["城关镇"] } }).ops.at(-1)
 * //=> { kind: "protect", sheet: "填报_城关镇", unlocked: ["E5:H16", "C12:C16"] }
 */
export function planGenerateTemplates(
  input: CommandInput<GenerateTemplatesOptions>
): CommandResult<GenerateTemplatesData> {
  const { snapshot } = input;
  const mode = modeOf(input.options);
  const choices: TemplateUnitChoice[] = templateUnits(snapshot).map((u) => ({
    name: u.name,
    category: u.category,
    items: u.items.length,
  }));
  const data = (
    templates: readonly TemplateLayout[] = [],
    files: TemplateFile[] = []
  ): GenerateTemplatesData => ({
    mode,
    units: choices,
    templates: templates.map((t) => ({
      unit: t.unit,
      category: t.category,
      sheetName: t.sheetName,
    })),
    files,
  });
  if (mode === "list") {
    return {
      ops: [],
      issues: [],
      summary: {
        zh: `物资储备和填报单位中共有${choices.length}个单位，请选择要生成填报模板的单位`,
        en: `物资储备 and 填报单位 list ${choices.length} units; choose those to make templates for`,
      },
      data: data(),
    };
  }
  const selection = selectionOf(input.options, reserveHeaderCell(snapshot, "category"));
  if ("issue" in selection) {
    return {
      ops: [],
      issues: [selection.issue],
      summary: selection.issue.message,
      data: data(),
    };
  }
  const plan = planTemplates(snapshot, selection.value);
  const issues: CellIssue[] = [...plan.issues];
  if ("category" in selection.value && plan.templates.length === 0) {
    issues.push({
      code: "noUnitsInCategory",
      severity: "warning",
      sheet: STOCKPILE_SHEET,
      cell: reserveHeaderCell(snapshot, "category"),
      message: {
        zh: `物资储备和填报单位中没有类别为“${selection.value.category}”的单位，未生成模板`,
        en: `No unit of 物资储备 or 填报单位 is of the category ${selection.value.category}; no template was made`,
      },
    });
  }

  if (mode === "workbooks") {
    const files = plan.templates.map((t) => ({
      unit: t.unit,
      sheetName: t.sheetName,
      fileName: templateFileName(t.unit),
      ops: renderTemplateOps(t),
    }));
    return {
      ops: [],
      issues,
      summary: {
        zh: `已准备${files.length}个单位的填报模板文件：${names(plan.templates, "、")}`,
        en: `Prepared template files for ${files.length} units: ${names(plan.templates, ", ")}`,
      },
      data: data(plan.templates, files),
    };
  }

  // With a category, template sheets made before were not read: leave them alone.
  const made: TemplateLayout[] = [];
  const skipped: string[] = [];
  for (const t of plan.templates) {
    const exists = snapshot.sheetNames.some((s) => s.toLowerCase() === t.sheetName.toLowerCase());
    if (exists && !snapshot.sheets[t.sheetName]) skipped.push(t.sheetName);
    else made.push(t);
  }
  if (skipped.length > 0) {
    issues.push({
      code: "templateExists",
      severity: "warning",
      sheet: skipped[0],
      cell: "A1",
      message: {
        zh: `已有模板工作表 ${skipped.join("、")}，按类别生成时不会覆盖；如需重新生成，请在任务窗格中勾选这些单位后再生成`,
        en: `Template sheets ${skipped.join(", ")} exist already and are not replaced when making templates by category; pick those units to make them again`,
      },
    });
  }
  const history = made.flatMap((t) => typedRows(t, input));
  const ops: WriteOp[] = [
    ...historyOps(snapshot, history, input.now),
    ...made.flatMap((t) => renderTemplateOps(t)),
  ];
  const first = made[0];
  return {
    ops,
    issues,
    summary: made.length
      ? {
          zh: `已生成${made.length}个单位的填报模板工作表（${made.map((t) => t.sheetName).join("、")}），已保护，只能在白色单元格中填写${history.length ? `；原模板中已填写的${history.length}行已存入历史记录` : ""}`,
          en: `Made template sheets for ${made.length} units (${made.map((t) => t.sheetName).join(", ")}), protected so only the white cells can be filled in${history.length ? `; ${history.length} filled-in rows of the old templates were kept in 历史记录` : ""}`,
        }
      : {
          zh: "未生成填报模板，请查看下方问题",
          en: "No template was made; see the issues below",
        },
    data: data(made),
    focus: first
      ? { sheet: first.sheetName, cell: cellAddress(first.headerRow + 1, 5) }
      : undefined,
  };
}

/**
 * The file name of a unit's separate template workbook, without the
 * characters file systems forbid.
 *
 * @example
 * templateFileName("县卫生健康局") //=> "县卫生健康局_物资储备填报.xlsx"
 * templateFileName("a/b")         //=> "a_b_物资储备填报.xlsx"
 */
export function templateFileName(unit: string): string {
  return `${unit.replace(/[\\/:*?"<>|]/g, "_").trim()}_物资储备填报.xlsx`;
}

/**
 * The pane's choices, typed: texts and lists of texts; what they mean is
 * checked when the command runs (an unknown category is an issue there).
 *
 * @example
 * parseTemplateOptions({ units: ["城关镇", 3] }) //=> { ok: true, value: { units: ["城关镇"] }, issues: [] }
 */
export function parseTemplateOptions(raw: RawOptions): OptionsResult<GenerateTemplatesOptions> {
  const value: GenerateTemplatesOptions = {};
  if (raw.mode === "workbooks" || raw.mode === "list" || raw.mode === "sheets")
    value.mode = raw.mode;
  const units = textListOption(raw.units);
  if (units) value.units = units;
  if (typeof raw.category === "string") value.category = raw.category;
  return { ok: true, value, issues: [] };
}

function modeOf(options: GenerateTemplatesOptions | undefined): TemplateMode {
  const mode = options?.mode;
  return mode === "workbooks" || mode === "list" ? mode : "sheets";
}

function pickedUnits(options: GenerateTemplatesOptions | undefined): string[] {
  const units = options?.units;
  if (!Array.isArray(units)) return [];
  return units.filter((u): u is string => typeof u === "string" && u.trim() !== "");
}

function selectionOf(
  options: GenerateTemplatesOptions | undefined,
  cell: string
): { value: TemplateSelection } | { issue: CellIssue } {
  const units = pickedUnits(options);
  if (units.length > 0) return { value: { units } };
  const category = options?.category;
  if (typeof category === "string" && category !== "") {
    if ((UNIT_CATEGORIES as readonly string[]).includes(category)) return { value: { category } };
    return {
      issue: choiceIssue("unknownCategory", cell, {
        zh: `“${category}”不是单位类别，请选择：${UNIT_CATEGORIES.join("、")}`,
        en: `"${category}" is not a unit category; choose one of: ${UNIT_CATEGORIES.join(", ")}`,
      }),
    };
  }
  return {
    issue: choiceIssue("noUnitsChosen", cell, {
      zh: "请先在任务窗格中选择单位类别或勾选单位，再生成填报模板",
      en: "Choose a unit category or tick units in the task pane, then make the templates",
    }),
  };
}

function choiceIssue(code: string, cell: string, message: Message): CellIssue {
  return { code, severity: "error", sheet: STOCKPILE_SHEET, cell, message };
}

/**
 * Rows of a template sheet made before that a clerk filled in differently
 * from what the new template holds: they are kept in 历史记录 before the
 * sheet is replaced.
 */
function typedRows(layout: TemplateLayout, input: CommandInput<unknown>): HistoryEntry[] {
  const old = input.snapshot.sheets[layout.sheetName];
  if (!old) return [];
  const fresh = applyOps(
    { sheetNames: [], sheets: {}, names: {} },
    renderTemplateOps(layout).filter((o) => o.kind === "block" || o.kind === "ensureSheet")
  ).sheets[layout.sheetName];
  const width = layout.header.length;
  const entries: HistoryEntry[] = [];
  for (let r = layout.headerRow + 1; r <= old.values.length; r++) {
    const before = (old.values[r - 1] ?? []).slice(0, width);
    const after = (fresh?.values[r - 1] ?? []).slice(0, width);
    if (lastUsedColumn(before) === 0 || sameRow(before, after)) continue;
    entries.push({
      command: COMMAND_NAME,
      sheet: layout.sheetName,
      where: `第${r}行`,
      old: before
        .slice(0, lastUsedColumn(before))
        .map((v) => (v === null || v === undefined ? "" : String(v)))
        .join(" | "),
      note: `重新生成模板前已填写的内容（${rangeAddress(r, 1, r, width)}）`,
    });
  }
  return entries;
}

function sameRow(a: readonly CellValue[], b: readonly CellValue[]): boolean {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x !== y && !(x === "" && y === null) && !(x === null && y === "")) return false;
  }
  return true;
}

function names(templates: readonly TemplateLayout[], separator: string): string {
  return templates.map((t) => t.unit).join(separator);
}
