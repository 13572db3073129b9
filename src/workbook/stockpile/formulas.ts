/**
 * The live formulas of 物资储备's output columns. Classic functions only (IF,
 * AND, OR, ISNUMBER, IFERROR, INDEX, MATCH, TRIM, N, ROUNDUP, MAX), so Excel
 * 2010, WPS and LibreOffice compute them, and recipients without the add-in
 * see the figures follow when they edit a number. Each formula gives "" rather
 * than an error for a row with bad input. The engine computes the same values
 * (reserveLines.ts) from the cells as these formulas see them (sheetValues.ts).
 */
import { quoteSheet } from "../a1";
import { paramSpec } from "../params";

export const OUTPUT_KEYS = [
  "standard",
  "days",
  "norm",
  "dailyNeed",
  "target",
  "gap",
  "daysOfCover",
  "rate",
  "status",
] as const;

export type OutputKey = (typeof OUTPUT_KEYS)[number];

/** Column letters of the cells the formulas reference. */
export interface ReserveFormulaLayout {
  input: {
    category: string;
    item: string;
    persons: string;
    stock: string;
    normOverride?: string;
    standardOverride?: string;
    inTransit?: string;
  };
  output: Record<OutputKey, string>;
  catalogue: { sheet: string; name: string; kind: string; routine: string; wartime: string };
}

/**
 * Returns the nine output formulas of one sheet row.
 *
 * @example
 * reserveFormulas(layout, 3).days
 * //=> '=IF(J3="战时",战时储备天数,IF(J3="日常",日常储备天数,""))'
 */
export function reserveFormulas(
  layout: ReserveFormulaLayout,
  row: number
): Record<OutputKey, string> {
  const { input, output, catalogue } = layout;
  const at = (column: string) => `${column}${row}`;
  const cat = quoteSheet(catalogue.sheet);
  const column = (c: string) => `${cat}!$${c}:$${c}`;
  const position = `MATCH(TRIM(${at(input.item)}),${column(catalogue.name)},0)`;
  const lookup = (c: string) => `INDEX(${column(c)},${position})`;
  const durable = `TRIM(${lookup(catalogue.kind)})="耐用类"`;
  const numberOrBlank = (expr: string) => `IF(ISNUMBER(${expr}),${expr},"")`;

  const S = output.standard;
  const category = `TRIM(${at(input.category)})`;
  const byCategory = `IF(${category}="县应急物资储备库","战时",IF(OR(${category}="县直部门",${category}="乡镇",${category}="医疗机构"),"日常",""))`;
  const standard = input.standardOverride
    ? (() => {
        const typed = `TRIM(${at(input.standardOverride)})`;
        return `=IFERROR(IF(${typed}<>"",IF(OR(${typed}="战时",${typed}="日常"),${typed},""),${byCategory}),"")`;
      })()
    : `=IFERROR(${byCategory},"")`;

  const days = `=IF(${at(S)}="战时",${paramSpec("wartimeDays").name},IF(${at(S)}="日常",${paramSpec("routineDays").name},""))`;

  const fromCatalogue = `IF(${at(S)}="战时",${numberOrBlank(lookup(catalogue.wartime))},IF(${at(S)}="日常",${numberOrBlank(lookup(catalogue.routine))},""))`;
  const norm = input.normOverride
    ? (() => {
        const typed = at(input.normOverride);
        return `=IFERROR(IF(ISNUMBER(${typed}),IF(${typed}>=0,${typed},""),${fromCatalogue}),"")`;
      })()
    : `=IFERROR(${fromCatalogue},"")`;

  const P = at(input.persons);
  const X = at(output.norm);
  const valid = `AND(ISNUMBER(${P}),ISNUMBER(${X}))`;
  const dailyNeed = `=IFERROR(IF(${valid},IF(${P}>=0,IF(${durable},"",${P}*${X}),""),""),"")`;

  const D = at(output.days);
  const Y = at(output.dailyNeed);
  const target = `=IFERROR(IF(${valid},IF(${P}>=0,IF(${durable},ROUNDUP(${P}*${X},0),IF(ISNUMBER(${D}),ROUNDUP(${Y}*${D},0),"")),""),""),"")`;

  const M = at(output.target);
  const H = at(input.stock);
  const known = (a: string) => `AND(ISNUMBER(${a}),ISNUMBER(${H}))`;
  const gap = input.inTransit
    ? (() => {
        const T = `N(${at(input.inTransit)})`;
        return `=IFERROR(IF(${known(M)},IF(AND(${H}>=0,${T}>=0),MAX(0,${M}-${H}-${T}),""),""),"")`;
      })()
    : `=IFERROR(IF(${known(M)},IF(${H}>=0,MAX(0,${M}-${H}),""),""),"")`;

  const daysOfCover = `=IFERROR(IF(${known(Y)},IF(AND(${Y}>0,${H}>=0),${H}/${Y},""),""),"")`;
  const rate = `=IFERROR(IF(${known(M)},IF(AND(${M}>0,${H}>=0),${H}/${M},""),""),"")`;

  const R = at(output.rate);
  const status = `=IFERROR(IF(ISNUMBER(${R}),IF(${R}>=${paramSpec("targetLine").name},"达标",IF(${R}>=${paramSpec("warningLine").name},"预警","不足")),IF(${known(M)},IF(AND(${M}=0,${H}>=0),"达标",""),"")),"")`;

  return { standard, days, norm, dailyNeed, target, gap, daysOfCover, rate, status };
}

/** A row number no sheet has, used to cut the formulas into pieces around the row. */
const PLACEHOLDER_ROW = 1_048_577;

/**
 * Returns a fast builder of the output formulas for any row: the formulas are
 * laid out once and the row number is joined in, so 100,000 rows cost one
 * join per cell.
 *
 * @example
 * reserveFormulaBuilder(layout)(7).days === reserveFormulas(layout, 7).days //=> true
 */
export function reserveFormulaBuilder(
  layout: ReserveFormulaLayout
): (row: number) => Record<OutputKey, string> {
  const template = reserveFormulas(layout, PLACEHOLDER_ROW);
  const pieces = OUTPUT_KEYS.map((key) => template[key].split(String(PLACEHOLDER_ROW)));
  return (row) => {
    const text = String(row);
    const out = {} as Record<OutputKey, string>;
    OUTPUT_KEYS.forEach((key, i) => {
      out[key] = pieces[i].join(text);
    });
    return out;
  };
}
