/**
 * The rules every reader applies to a clerk's sheet, and the one bad-data
 * policy of the four capabilities, as the contract document states them
 * (docs/workbook-contract.md is rendered from these lines, so the document
 * cannot drift from what headers.ts, parse.ts and the capabilities do).
 */

/** How a sheet kept in a county office's own layout is read. */
export const LEDGER_LAYOUT_RULES: readonly string[] = [
  "- **标题与说明行 Title and meta rows.** 表头之上可有标题行和说明行：`填报单位：…`、`制表单位：…`、`填报日期：…`、`单位：人`/`单位：万人`、`截至2022年1月20日`（也可写在标题中，如 `XX县床位统计表（截至2022年1月20日）`）；它们不是数据。命令未指定报告日期时，以“截至”日期为报告日期，并在结果中说明（计算物资储备、计算隔离床位、生成接种排名；“填报单位”是常设名单，不带日期，报送情况仍按所选日期）。Title and meta rows above the header are never data; a 截至 date is the report date when the command is given none, and the summary says so (计算物资储备, 计算隔离床位, 生成接种排名; 填报单位 is a standing roster, not a dated return, so 报送情况 keeps the chosen date).",
  "- **多行表头 Multi-level headers.** 表头可为 1–3 行合并单元格，列名为其路径，如 `隔离床位（张）/现有床位`。按最下一级名称匹配；最下一级名称重复时（如 `累计/第一剂` 与 `当日/第一剂`）按整条路径匹配。合并单元格的值在左上角，其余为空（各宿主均如此给出），无需合并信息。A header may span 1–3 merged rows; a column matches by its leaf, or by its whole path where the leaf repeats.",
  "- **单位 Units in brackets.** 表头括号中的单位（`（人）`、`(张)`、`（间）`、`（个）`、`（数量）`、`（万人）`、`（%）`…）不是列名的一部分，而是该列的单位。与约定单位相同的直接读取；可安全换算的（如 `常住人口（万人）` × 10,000，公式同样换算）换算并在表头单元格提示一次；无法换算的（如 `常住人口（户）`）在表头单元格报错，该列不读取。`单位：万人` 说明行作用于没有自带单位、且可按万人换算的列。Units in header brackets are the column's declared unit: converted where safe (said once at the header cell), an issue at the header cell where not.",
  "- **合计、小计行 Summary rows.** 在名称列（乡镇、单位、县(区)）或其左侧的 序号 等列写有 `合计`、`总计`、`小计`、`XX小计`、`全县合计`、`全市合计`、`其中：…` 的行，带数字的分节行（`一、城关片区`），以及名称列为空而数字为上方各行之和（或 SUM 公式）的行，都是汇总行：不作数据读取，不报为错误，不参与排名，不被改动。小计汇总它与上一个汇总行之间的数据行（放在各行之上时汇总其下各行），合计汇总全部数据行；其数字（或公式的缓存值）与助手的求和不一致时，在该单元格给出警告。名称恰为“合计”“小计”而没有可汇总的行时报错（单位不能叫合计）。Summary rows are never data, never named bad, never ranked, never changed; their figures are checked against the rows they cover (a warning at the cell).",
  "- **表尾 Footers.** 首个非空单元格以 `填表人`、`填报人`、`审核人`、`负责人`、`联系电话`、`填报日期`、`注：`、`说明：` 等开头的行为表尾，表格到此结束；表尾之下如仍有数据行，给出警告。表尾中的电话号码不会出现在任何消息中。A footer row ends the table; data rows below it are warned about.",
  "- **空行、隐藏行和筛选 Blank, hidden and filtered rows.** 表内空行跳过，其后的行照常读取。隐藏行和被筛选隐藏的行照常读取和计算：隐藏或筛选只是查看方式，不能改变全县的合计。Blank separator rows are skipped; hidden and filtered-out rows are read like any other, since hiding is a view and must not change a county's totals.",
  "- **文本数字 Numbers as text.** 文本格式的数字可含千分位（`1,200`）和全角数字（`１２００`）；接种进度等只由助手读取的表直接读取；隔离床位的公式无法使用文本数字，报错提示改为数值。公式单元格若文件中没有计算结果（未经 Excel/WPS 保存），报“公式没有计算结果”，而不是“不能为空”。",
  "- **不可见字符 Invisible characters.** 名称中的零宽空格（U+200B）、BOM（U+FEFF）、不间断空格等在匹配时去除，并在单元格提示；同一乡镇不会因此变成既参与排名又“未报送”的两个乡镇。",
];

/** What happens to a row with bad data, the same in 物资储备, 隔离床位, 接种进度 and 日报告. */
export const BAD_DATA_POLICY: readonly string[] = [
  "- **错误行不计入 Error rows are held out.** 有错误级问题的行不计入任何合计、排名和通报；领导表和通报写明 `XX乡镇数据待核实，未参与排名` 或 `未计入`。接种进度中未通过检查的行（单元格无法读取、全程大于第一剂、累计数减少、当日数与累计差不符、重复行数字不一致）该乡镇该人群当日为“待核实”。A row with an error is held out of every total, ranking and notice, and the leader sheet says 待核实.",
  "- **警告不影响计算 Warnings never hold a row out.** 如完成率超过 100%、单位已换算、合计行与明细不符、名称含不可见字符。",
  "- **重复行 Duplicates.** 同一键（隔离床位：县(区)+乡镇；物资储备：单位+物资名称；接种进度：日期+县(区)+乡镇+人群）出现多行时：数字完全相同的只计一次并警告；数字不同的无法判断哪行正确，该键全部待核实、不计入，并报错。填报单位名单中重复的单位只计一次。One rule for every table: identical copies count once (a warning); copies that disagree hold the key out as 待核实 (an error).",
  "- **同名乡镇 The same name in two counties.** 有 县(区) 列时，不同县(区)的同名乡镇是两个乡镇，分别汇总、排名；隔离需求预测中标为 `城关镇（东湖县）`，返乡人员可写 `东湖县城关镇` 对应；只写 `城关镇` 时无法确定，报错且不计入。",
  "- **日期 Dates.** 晚于明天或早于 2020年1月1日 的日期视为笔误，在单元格报错，该行不计算，也不会成为报告日期。比较两个日期的消息在年份不同时写出年份。",
  "- **无法读取的输入 Unreadable inputs.** 某命令的输入表无法读取（找不到表头、缺少必需列）时，不写出依赖它的任何领导表数字，并说明原因（如“隔离床位”无法读取时，预测隔离需求不写出“床位合计0张”）。",
  "- **个人信息 Personal numbers.** 任何消息、结果摘要、`--json` 字段和状态栏都不会完整显示 11 位手机号或 18 位身份证号，无论它来自哪个单元格（按 138****5678、3201**********1234 遮盖）。",
];
