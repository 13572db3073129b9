/**
 * Renders docs/workbook-contract.md from the TableSpecs and parameters, so the
 * published contract can never drift from what the code reads and writes. A
 * test fails when the committed file differs from this rendering.
 */
import { formatDefault, PARAMS } from "./params";
import type { ColumnSpec, TableSpec } from "./schema";
import { BAD_DATA_POLICY, LEDGER_LAYOUT_RULES } from "./ledgerRules";

const TYPE_NAMES: Record<ColumnSpec["type"], string> = {
  text: "文本 text",
  enum: "选项 choice",
  number: "数字 number",
  date: "日期 date",
  datetime: "日期时间 date-time",
  time: "时间 time",
};

export interface ContractSection {
  /** Heading of a group of tables, e.g. `物资储备 Stockpile`. */
  title: string;
  /** Tables people fill in (inputs, with the add-in's output columns). */
  tables: readonly TableSpec[];
  /** Sheets the add-in writes for leaders, described in prose. */
  outputs?: readonly { sheet: string; description: string }[];
}

/**
 * Renders the whole contract document.
 *
 * @example
 * renderContract([{ title: "参数", tables: [PARAMS_TABLE] }]).startsWith("# 工作簿约定") //=> true
 */
export function renderContract(sections: readonly ContractSection[]): string {
  const lines: string[] = [
    "# 工作簿约定 Workbook contract",
    "",
    "<!-- Generated from src/workbook (TableSpecs and PARAMS) by `UPDATE_DOCS=1 npx jest test/docs`. Do not edit by hand. -->",
    "",
    "这是防疫台账助手读写的工作表的公开约定：各部门、乡镇和其他系统按此填表。",
    "This is the public contract of the sheets Epi Ledger reads and writes: departments, townships and other systems fill tables to it.",
    "",
    "## 通用规则 General rules",
    "",
    "- 表头按中文名称匹配，也接受英文名和列出的别名；忽略前后空格、全角/半角括号和空白。English headers and listed aliases are accepted; spaces and bracket width are ignored.",
    "- 表头可位于标题行之下（在前 20 行内查找）。The header row may sit below title rows (searched in the first 20 rows).",
    "- 多出的列（如 序号、备注）被保留，不会改动。Extra user columns (序号, 备注…) are kept untouched.",
    "- 空行跳过；数字可含千分位和全角数字；日期可写 `2022/1/9`、`2022-01-09`、`2022年1月9日` 或 Excel 日期。Blank rows are skipped; numbers may carry thousands separators or full-width digits; dates as shown or Excel serials.",
    "- 每个问题都指明工作表和单元格（如 `物资储备!F7`）并说明如何改正；有效行照常计算。Every problem names sheet and cell and says what to fix; valid rows are still computed.",
    "- 输入列由人填写，助手从不改动；输出列由助手写入（公式），表头底色不同。Input columns are never changed by the add-in; output columns (formulas) have their own header fill.",
    "",
    "## 县里现有的台账 Ledgers as county offices keep them",
    "",
    ...LEDGER_LAYOUT_RULES,
    "",
    "## 问题数据的处理 Bad-data policy",
    "",
    ...BAD_DATA_POLICY,
    "",
    "## 参数 Parameters",
    "",
    "工作表 `参数`，由“初始化工作簿”创建；每项参数的值单元格有同名的名称（Defined Name），公式按名称引用。The 参数 sheet; each value cell carries a defined name of the same text, which formulas use.",
    "",
    "| 参数 Parameter | 默认值 Default | 单位 Unit | 说明 Note |",
    "| --- | --- | --- | --- |",
    ...PARAMS.map(
      (p) =>
        `| ${p.name} (${p.en}) | ${formatDefault(p)} | ${p.unit} | ${p.note.zh} / ${p.note.en} |`
    ),
    "",
  ];
  for (const section of sections) {
    lines.push(`## ${section.title}`, "");
    for (const table of section.tables) lines.push(...renderTable(table));
    for (const out of section.outputs ?? [])
      lines.push(`### ${out.sheet} (输出 output)`, "", out.description, "");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

function renderTable(table: TableSpec): string[] {
  const lines = [`### ${table.sheet} (${table.en})`, ""];
  if (table.note) lines.push(table.note, "");
  lines.push(
    "| 列 Column | English | 类型 Type | 角色 Role | 必填 Required | 说明 Note |",
    "| --- | --- | --- | --- | --- | --- |"
  );
  for (const c of table.columns) {
    const type =
      c.type === "enum" && c.values
        ? `${TYPE_NAMES.enum}: ${c.values.join(" / ")}`
        : TYPE_NAMES[c.type];
    const aliases = c.aliases?.length ? ` (别名 aliases: ${c.aliases.join(", ")})` : "";
    const min =
      (c.min !== undefined ? ` ≥ ${c.min}` : "") +
      (c.max !== undefined ? ` ≤ ${c.max.toLocaleString("en-US")}` : "");
    const unit = c.unit
      ? `, 单位 unit: ${[c.unit.base, ...(c.unit.accepts ?? [])].join("/")}${c.unit.tenThousand ? `（万${c.unit.base} × 10,000）` : ""}`
      : "";
    const role =
      c.role === "input"
        ? "输入 input"
        : `输出 output${c.sum ? "（合计/小计行写 SUM sum on summary rows）" : ""}`;
    lines.push(
      `| ${c.zh} | ${c.en}${aliases} | ${type}${min}${unit} | ${role} | ${c.required ? "是 yes" : ""} | ${c.note ?? ""} |`
    );
  }
  lines.push("");
  return lines;
}
