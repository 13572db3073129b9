/**
 * fast-check arbitraries for the fuzz suites (test/robustness/fuzz*.test.ts):
 * cells of every kind a clerk or a host can produce (huge and tiny numbers,
 * NaN-like and full-width text, dates in every accepted form and broken
 * ones), and whole tables built from a TableSpec: title rows, shuffled and
 * duplicated headers in any accepted spelling, user columns, valid rows,
 * garbage rows and blank rows.
 */
import fc from "fast-check";
import { serialFromYmd, type DateSerial } from "../../src/core/dates";
import type { CellValue, Grid } from "../../src/workbook/cells";
import { headerLookup, normalizeHeader } from "../../src/workbook/headers";
import type { ColumnSpec, TableSpec } from "../../src/workbook/schema";

/** The seed of every property: FUZZ_SEED from the environment, else this constant. */
export const FUZZ_SEED = seedFrom(process.env.FUZZ_SEED);

/** FUZZ_SCALE multiplies every property's runs (default 1), for a longer local hunt. */
export const FUZZ_SCALE = Math.max(1, Number(process.env.FUZZ_SCALE ?? 1) || 1);

/** fast-check parameters: the suite seed and `numRuns` × FUZZ_SCALE. */
export function fuzz(numRuns: number): { seed: number; numRuns: number } {
  return { seed: FUZZ_SEED, numRuns: Math.round(numRuns * FUZZ_SCALE) };
}

/** Text that has tripped up parsers somewhere: not-quite numbers, dates and times, odd code points. */
export const TRICKY_TEXT: readonly string[] = [
  "",
  " ",
  "\u3000",
  "\t",
  "\n",
  "NaN",
  "nan",
  "Infinity",
  "-Infinity",
  "1e309",
  "-1e309",
  "1e-400",
  "0x1F",
  "0b11",
  "1_000",
  "1,2,3",
  "--1",
  "+-1",
  "+",
  "-",
  ".",
  "..",
  "%",
  "1%%",
  "%1",
  "1.2.3",
  "null",
  "undefined",
  "TRUE",
  "false",
  "#N/A",
  "#DIV/0!",
  "#VALUE!",
  "=1+1",
  "@SUM(1)",
  "+1+1",
  "-1+1",
  "１２３",
  "－５",
  "１，２００",
  "１２．５％",
  "约100",
  "十张",
  "100人",
  "1 000",
  "١٢٣",
  "\u0000",
  "\uFEFF1",
  "𠀀",
  "\uD800",
  "2022/2/30",
  "2022-13-01",
  "20221301",
  "2022年1月32日",
  "1899/12/31",
  "10000/1/1",
  "2022/1/9 25:00",
  "2022/1/9 9:61",
  "24:01",
  "99:99",
  "10时70分",
  "   2022-01-09   ",
  "2022/01/09T10:00",
  "明天",
  "待定",
  "/",
  "——",
];

/** Full-width form of ASCII text, as Chinese input methods type it. */
export function toFullWidth(text: string): string {
  return text
    .replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0))
    .replace(/ /g, "\u3000");
}

export const trickyText = fc.constantFrom(...TRICKY_TEXT);

/** Finite numbers of every size, negative zero included (what a host can hold). */
export const finiteNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -1_000_000, max: 10_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(
    0,
    -0,
    1e308,
    -1e308,
    5e-324,
    -5e-324,
    Number.MAX_SAFE_INTEGER,
    2 ** 53 + 2,
    0.1 + 0.2,
    1e-7,
    123_456_789_012
  )
);

/** Numbers typed as text, in the forms clerks use (thousands separators, full width, %, +). */
export function numberText(n: number): fc.Arbitrary<string> {
  return fc.constantFrom(
    String(n),
    n.toLocaleString("en-US", { maximumFractionDigits: 20 }),
    toFullWidth(String(n)),
    ` +${n} `,
    `${n}%`
  );
}

export const ymdText = (y: number, m: number, d: number) => {
  const p = (x: number) => String(x).padStart(2, "0");
  return fc.constantFrom(
    `${y}/${m}/${d}`,
    `${y}-${p(m)}-${p(d)}`,
    `${y}.${m}.${d}`,
    `${y}年${m}月${d}日`,
    `${y}${p(m)}${p(d)}`,
    toFullWidth(`${y}/${m}/${d}`),
    ` ${y} - ${m} - ${d} `
  );
};

/** A calendar day that exists, as [year, month, day]. */
export function realDay(minYear = 1900, maxYear = 9999): fc.Arbitrary<[number, number, number]> {
  return fc
    .tuple(
      fc.integer({ min: minYear, max: maxYear }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 31 })
    )
    .filter(([y, m, d]) => !Number.isNaN(serialFromYmd(y, m, d)));
}

/** A time of day as text: `9:30`, `09:30:15`, `10时`, `10时30分`, full width. */
export const timeText: fc.Arbitrary<{ text: string; fraction: number }> = fc
  .tuple(
    fc.integer({ min: 0, max: 23 }),
    fc.integer({ min: 0, max: 59 }),
    fc.integer({ min: 0, max: 59 })
  )
  .chain(([h, m, s]) =>
    fc.constantFrom(
      { text: `${h}:${String(m).padStart(2, "0")}`, fraction: (h * 60 + m) / 1440 },
      { text: `${h}:${m}:${s}`, fraction: (h * 3600 + m * 60 + s) / 86400 },
      { text: `${h}时`, fraction: h / 24 },
      { text: `${h}时${m}分`, fraction: (h * 60 + m) / 1440 },
      { text: toFullWidth(`${h}:${m}`), fraction: (h * 60 + m) / 1440 }
    )
  );

/** Dates as hosts hand them over: serials (with or without a time), text in every accepted form, and broken dates. */
export const dateCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.integer({ min: -5, max: 2_958_470 }),
  fc.double({ min: 0, max: 2_958_470, noNaN: true }),
  realDay().chain(([y, m, d]) => ymdText(y, m, d)),
  fc
    .tuple(
      fc.integer({ min: 0, max: 10_100 }),
      fc.integer({ min: 0, max: 14 }),
      fc.integer({ min: 0, max: 33 })
    )
    .chain(([y, m, d]) => ymdText(y, m, d)),
  realDay(2020, 2023).chain(([y, m, d]) => timeText.map((t) => `${y}/${m}/${d} ${t.text}`))
);

/** Any cell a host can hand over (no NaN or Infinity: no workbook holds them). */
export const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 3 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: finiteNumber, weight: 4 },
  { arbitrary: finiteNumber.chain(numberText), weight: 2 },
  { arbitrary: dateCell, weight: 2 },
  { arbitrary: timeText.map((t) => t.text), weight: 1 },
  { arbitrary: trickyText, weight: 4 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 2 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 6 }), weight: 1 }
);

/** Any cell, NaN and ±Infinity included, for the single-cell readers. */
export const anyCellOrNaN: fc.Arbitrary<CellValue> = fc.oneof(
  anyCell,
  fc.constantFrom(NaN, Infinity, -Infinity)
);

/** A serial date within `days` days before `end`. */
export function recentDay(end: DateSerial, days: number): fc.Arbitrary<number> {
  return fc.integer({ min: end - days, max: end });
}

/** Every spelling that finds this column: its Chinese and English header and aliases, and full-width or spaced variants. */
export function spellingsOf(spec: TableSpec, column: ColumnSpec): string[] {
  const lookup = headerLookup(spec);
  const names = [column.zh, column.en, ...(column.aliases ?? [])];
  const variants = names.flatMap((n) => [n, ` ${n} `, toFullWidth(n), n.split("").join(" ")]);
  const found = [...new Set(variants)].filter((v) => lookup.get(normalizeHeader(v)) === column.key);
  if (found.length === 0)
    throw new Error(`fixture: no header spelling finds ${spec.id}.${column.key}`);
  return found;
}

/** What goes in a cell of each column on a valid row, by column key. */
export type ValidCells = Readonly<Record<string, fc.Arbitrary<CellValue>>>;

export interface TableOptions {
  valid: ValidCells;
  /** Most data rows (default 8). */
  maxRows?: number;
  /** Probability weight of a garbage row against a valid one (default 1 : 3). */
  garbage?: number;
  /** Leave out required columns sometimes (default false: every required input column is present). */
  dropRequired?: boolean;
  /** Offer output columns in the header (garbage rows type over their cells). */
  outputs?: boolean;
  /** Optional input columns always in the header (the ones a command cannot compute without). */
  include?: readonly string[];
}

/** A generated table: its cells and where its header is. */
export interface GeneratedTable {
  grid: Grid;
  /** 1-based header row. */
  headerRow: number;
  /** Spec column key → first 1-based column with its header. */
  columns: Map<string, number>;
  titleRows: number;
}

/**
 * A table for a spec: 0–3 title rows, a header with the spec's columns
 * shuffled (required ones always, others sometimes; any accepted spelling;
 * sometimes a duplicate), user columns such as 序号 and 备注, then valid,
 * garbage and blank rows.
 */
export function tableOf(spec: TableSpec, options: TableOptions): fc.Arbitrary<GeneratedTable> {
  const inputs = spec.columns.filter((c) => c.role === "input");
  const outputs = options.outputs ? spec.columns.filter((c) => c.role === "output") : [];
  const chosen = fc.tuple(
    ...inputs.map((c) =>
      (c.required && !options.dropRequired) || options.include?.includes(c.key)
        ? fc.constant(true)
        : fc.boolean()
    ),
    ...outputs.map(() => fc.boolean())
  );
  const columnsArb = chosen.chain((flags) => {
    const picked = [...inputs, ...outputs].filter((_, i) => flags[i]);
    return fc.tuple(
      fc.constant(picked),
      fc.shuffledSubarray(picked, { minLength: picked.length, maxLength: picked.length }),
      fc.tuple(...picked.map((c) => fc.constantFrom(...spellingsOf(spec, c)))),
      fc.subarray(["序号", "备注", "审核人"]),
      picked.length === 0
        ? fc.constant(undefined)
        : fc.oneof(
            { arbitrary: fc.constant(undefined), weight: 5 },
            { arbitrary: fc.constantFrom(...picked), weight: 1 }
          )
    );
  });
  return columnsArb.chain(([picked, order, spellingList, extras, duplicate]) => {
    const spelling = new Map(picked.map((c, i) => [c.key, spellingList[i]]));
    // Header cells: spec columns in their shuffled order, then user columns, then a duplicate.
    const header: { key: string | null; text: string }[] = [
      ...order.map((c) => ({ key: c.key, text: spelling.get(c.key) as string })),
      ...extras.map((e) => ({ key: null, text: e })),
    ];
    if (duplicate) header.push({ key: duplicate.key, text: duplicate.zh });
    const rowArb = fc.oneof(
      { arbitrary: validRow(header, spec, options.valid), weight: 3 },
      {
        arbitrary: fc.array(anyCell, { minLength: header.length, maxLength: header.length }),
        weight: options.garbage ?? 1,
      },
      { arbitrary: fc.constant(header.map(() => null as CellValue)), weight: 1 }
    );
    return fc
      .record({
        titles: fc.array(
          fc.array(fc.oneof(fc.constant(spec.title ?? spec.sheet), trickyText, fc.constant(null)), {
            minLength: 1,
            maxLength: 3,
          }),
          { maxLength: 3 }
        ),
        rows: fc.array(rowArb, { maxLength: options.maxRows ?? 8 }),
      })
      .map(({ titles, rows }): GeneratedTable => {
        const lookup = headerLookup(spec);
        const safeTitles = titles.map((line) =>
          line.map((v) => (lookup.has(normalizeHeader(v)) ? null : v))
        );
        const columns = new Map<string, number>();
        header.forEach((h, i) => {
          if (h.key && !columns.has(h.key)) columns.set(h.key, i + 1);
        });
        return {
          grid: [...safeTitles, header.map((h) => h.text), ...rows.map((r) => [...r])],
          headerRow: safeTitles.length + 1,
          columns,
          titleRows: safeTitles.length,
        };
      });
  });
}

function validRow(
  header: readonly { key: string | null; text: string }[],
  spec: TableSpec,
  valid: ValidCells
): fc.Arbitrary<CellValue[]> {
  return fc.tuple(
    ...header.map((h) => {
      if (h.key === null)
        return fc.oneof(
          fc.constant(null),
          fc.integer({ min: 1, max: 99 }),
          fc.constantFrom("已核", "见附件")
        );
      const col = spec.columns.find((c) => c.key === h.key) as ColumnSpec;
      if (col.role === "output") return fc.constant(null);
      return valid[h.key] ?? fc.constant(null);
    })
  );
}

/** A copy of a grid with the given 1-based rows emptied (kept in place, so other rows keep their numbers). */
export function blankRows(grid: Grid, rows: ReadonlySet<number>): Grid {
  return grid.map((line, i) => (rows.has(i + 1) ? line.map(() => null) : [...line]));
}

/** The 1-based row of an A1 address. */
export function rowOf(cell: string): number {
  return Number(/\d+$/.exec(cell)?.[0] ?? NaN);
}

/** True when text holds a Chinese character (a message's zh half must). */
export function hasChinese(text: string): boolean {
  return /[\u3400-\u9fff]/.test(text);
}

function seedFrom(text: string | undefined): number {
  const n = Number(text);
  return text !== undefined && text.trim() !== "" && Number.isInteger(n) ? n : 20_220_120;
}
