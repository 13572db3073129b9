/**
 * Property-based fuzzing of the parsers and shared calculations: the cell
 * readers, header matching and table parsing, the 参数 reader, ranking with
 * ties and masking. Every property runs with the seed printed below
 * (FUZZ_SEED overrides it; FUZZ_SCALE multiplies the runs).
 */
import fc from "fast-check";
import { serialFromYmd } from "../../src/core/dates";
import { maskIdNumber, maskName, maskPhone } from "../../src/core/privacy/mask";
import { bestAndWorst, rankWithTies } from "../../src/core/rank";
import { parseCellAddress } from "../../src/workbook/a1";
import {
  isBlank,
  readDate,
  readDateTime,
  readNumber,
  readTime,
  type CellValue,
  type Grid,
} from "../../src/workbook/cells";
import { detectHeader, normalizeHeader } from "../../src/workbook/headers";
import {
  PARAMS,
  PARAMS_SHEET,
  readParams,
  readParamValue,
  type ParamSpec,
} from "../../src/workbook/params";
import { HEADER_SEARCH_ROWS } from "../../src/workbook/headers";
import { parseTable } from "../../src/workbook/parse";
import { labelColumns, type ColumnSpec, type TableSpec } from "../../src/workbook/schema";
import { sheetFromValues } from "../../src/workbook/snapshot";
import { TEMPLATE_TABLE } from "../../src/workbook/stockpile/templateSpec";
import { readProgress } from "../../src/workbook/vaccination/readProgress";
import { PROGRESS_TABLE } from "../../src/workbook/vaccination/spec";
import { INPUT_TABLES } from "../helpers/robustness";
import {
  FUZZ_SEED,
  anyCell,
  anyCellOrNaN,
  blankRows,
  finiteNumber,
  fuzz,
  hasChinese,
  realDay,
  rowOf,
  tableOf,
  timeText,
  toFullWidth,
  trickyText,
  ymdText,
  type ValidCells,
} from "../helpers/robustnessArbitraries";

jest.setTimeout(120_000);

/** Cases per property; the sum is logged with the seed. */
const RUNS = {
  readNumberAny: 2000,
  readNumberFinite: 1000,
  readNumberText: 1000,
  readDateAny: 1500,
  readDateForms: 1000,
  readDateTime: 800,
  readTime: 800,
  normalizeIdempotent: 800,
  normalizeVariants: 500,
  parseTable: 1000,
  parseTableAlone: 400,
  parseTableLedger: 600,
  readProgressLedger: 400,
  readParams: 600,
  rankCompetition: 800,
  rankDense: 500,
  bestAndWorst: 500,
  maskIdNumber: 500,
  maskPhone: 500,
  maskName: 500,
};

beforeAll(() => {
  const total = Object.values(RUNS).reduce((a, b) => a + b, 0);
  console.log(`fuzz (parsers): FUZZ_SEED=${FUZZ_SEED}, ${total} cases × FUZZ_SCALE`);
});

/** A reader's result is ok with a value, or an error message in Chinese and English. */
function wellFormed(
  r: { ok: true; value: unknown } | { ok: false; error: { zh: string; en: string } }
) {
  if (r.ok) return;
  expect(hasChinese(r.error.zh)).toBe(true);
  expect(r.error.en.length).toBeGreaterThan(0);
}

describe("readNumber", () => {
  it("never throws, and gives null, a finite number (never −0) or a bilingual error", () => {
    fc.assert(
      fc.property(anyCellOrNaN, (cell) => {
        const r = readNumber(cell);
        wellFormed(r);
        if (r.ok && r.value !== null) {
          expect(Number.isFinite(r.value)).toBe(true);
          expect(Object.is(r.value, -0)).toBe(false);
        }
        if (isBlank(cell)) expect(r).toEqual({ ok: true, value: null });
      }),
      fuzz(RUNS.readNumberAny)
    );
  });

  it("reads every finite number as itself, and negative zero as 0", () => {
    fc.assert(
      fc.property(finiteNumber, (n) => {
        expect(readNumber(n)).toEqual({ ok: true, value: n === 0 ? 0 : n });
      }),
      fuzz(RUNS.readNumberFinite)
    );
  });

  it("reads whole numbers typed as text with separators, full-width digits, a plus sign or a percent", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        const value = (text: string) => {
          const r = readNumber(text);
          return r.ok ? r.value : r.error.en;
        };
        expect(value(String(n))).toBe(n === 0 ? 0 : n);
        expect(value(n.toLocaleString("en-US"))).toBe(n === 0 ? 0 : n);
        expect(value(toFullWidth(String(n)))).toBe(n === 0 ? 0 : n);
        if (n >= 0) expect(value(` +${n} `)).toBe(n);
        expect(value(`${n}%`)).toBeCloseTo(n / 100, 9);
      }),
      fuzz(RUNS.readNumberText)
    );
  });
});

describe("readDate", () => {
  it("never throws, and gives null, a whole serial day from 1 to 2958465, or a bilingual error", () => {
    fc.assert(
      fc.property(anyCellOrNaN, (cell) => {
        const r = readDate(cell);
        wellFormed(r);
        if (r.ok && r.value !== null) {
          expect(Number.isInteger(r.value)).toBe(true);
          expect(r.value).toBeGreaterThanOrEqual(1);
          expect(r.value).toBeLessThanOrEqual(2_958_465);
        }
      }),
      fuzz(RUNS.readDateAny)
    );
  });

  it("reads a real day the same in every accepted written form and as its serial", () => {
    fc.assert(
      fc.property(
        realDay().chain(([y, m, d]) => fc.tuple(fc.constant([y, m, d] as const), ymdText(y, m, d))),
        ([[y, m, d], text]) => {
          const serial = serialFromYmd(y, m, d);
          expect(readDate(text)).toEqual({ ok: true, value: serial });
          expect(readDate(serial)).toEqual({ ok: true, value: serial });
          expect(readDate(serial + 0.75)).toEqual({ ok: true, value: serial });
        }
      ),
      fuzz(RUNS.readDateForms)
    );
  });
});

describe("readDateTime", () => {
  it("reads a day and a time typed after it as the serial plus the time's fraction", () => {
    fc.assert(
      fc.property(realDay(2000, 2030), timeText, ([y, m, d], time) => {
        const r = readDateTime(`${y}/${m}/${d} ${time.text}`);
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.value).toBeCloseTo(serialFromYmd(y, m, d) + time.fraction, 9);
        const any = readDateTime(time.text);
        wellFormed(any);
      }),
      fuzz(RUNS.readDateTime)
    );
  });
});

describe("readTime", () => {
  it("never throws, gives a fraction of a day within [0, 1], and reads a typed time as typed", () => {
    fc.assert(
      fc.property(anyCellOrNaN, timeText, (cell, time) => {
        const r = readTime(cell);
        wellFormed(r);
        if (r.ok && r.value !== null) {
          expect(r.value).toBeGreaterThanOrEqual(0);
          expect(r.value).toBeLessThanOrEqual(1);
        }
        const typed = readTime(time.text);
        expect(typed.ok && typed.value).toBeCloseTo(time.fraction, 9);
      }),
      fuzz(RUNS.readTime)
    );
  });
});

describe("normalizeHeader", () => {
  it("never throws and is idempotent on any text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), trickyText, anyCell), (text) => {
        const once = normalizeHeader(text);
        expect(normalizeHeader(once)).toBe(once);
      }),
      fuzz(RUNS.normalizeIdempotent)
    );
  });

  const headers = [...INPUT_TABLES, TEMPLATE_TABLE].flatMap((spec) =>
    spec.columns.flatMap((c) => [c.zh, c.en, ...(c.aliases ?? [])])
  );
  it("ignores spaces, full width, bracket style and case in every header the add-in knows", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...headers),
        fc.array(fc.constantFrom(" ", "\u3000", "\t", "_", "-"), { maxLength: 3 }),
        fc.boolean(),
        fc.boolean(),
        (header, spaces, wide, upper) => {
          let text = header.replace(/\(/g, "（").replace(/\)/g, "）");
          if (wide) text = toFullWidth(text);
          if (upper) text = text.toUpperCase();
          text = `${spaces.join("")}${text}${spaces.join("")}`;
          expect(normalizeHeader(text)).toBe(normalizeHeader(header));
        }
      ),
      fuzz(RUNS.normalizeVariants)
    );
  });
});

/** Valid cells by column type, for tables of any spec. */
function validByType(spec: TableSpec): ValidCells {
  const out: Record<string, fc.Arbitrary<CellValue>> = {};
  for (const c of spec.columns) out[c.key] = validCell(c);
  return out;
}

function validCell(c: ColumnSpec): fc.Arbitrary<CellValue> {
  switch (c.type) {
    case "text":
      return fc.constantFrom("城关镇", "县卫生健康局", "医用外科口罩", "张三", "见附件");
    case "enum":
      return fc.constantFrom(...(c.values ?? []), ...Object.keys(c.valueAliases ?? {}));
    case "number":
      return fc.oneof(fc.integer({ min: c.min ?? -1000, max: 100_000 }), fc.constant(null));
    case "date":
      return fc.oneof(
        fc.integer({ min: 44_000, max: 45_000 }),
        realDay(2020, 2023).chain(([y, m, d]) => ymdText(y, m, d))
      );
    case "datetime":
      return fc.double({ min: 44_000, max: 45_000, noNaN: true });
    case "time":
      return timeText.map((t) => t.text);
  }
}

const SPECS = [...INPUT_TABLES, TEMPLATE_TABLE];
const anyTable = fc
  .constantFrom(...SPECS)
  .chain((spec) =>
    tableOf(spec, { valid: validByType(spec), outputs: true }).map((t) => ({ spec, t }))
  );

/** Problems with an issue's place: the cell must parse and lie inside the grid (one column past it on the header row). */
function placeProblems(grid: Grid, cell: string): string[] {
  const at = parseCellAddress(cell);
  if (!at) return [`${cell} is not an A1 address`];
  const width = Math.max(0, ...grid.map((r) => r.length));
  if (at.row === 1 && at.column === 1) return [];
  if (at.row > grid.length || at.column > width + 1)
    return [`${cell} is outside ${grid.length}×${width}`];
  return [];
}

describe("detectHeader and parseTable on random tables", () => {
  it("find the header under any title rows, return exactly the non-blank data rows and place every issue inside the table", () => {
    fc.assert(
      fc.property(anyTable, ({ spec, t }) => {
        const header = detectHeader(spec, t.grid);
        expect(header?.headerRow).toBe(t.headerRow);
        for (const [key, column] of t.columns) expect(header?.columns.get(key)).toBe(column);
        const parsed = parseTable(spec, t.grid, { sheet: "表" });
        for (const i of parsed.issues) {
          expect(i.sheet).toBe("表");
          expect(placeProblems(t.grid, i.cell)).toEqual([]);
          expect(hasChinese(i.message.zh)).toBe(true);
        }
        const inputKeys = spec.columns.filter((c) => c.role === "input" && t.columns.has(c.key));
        const expected: number[] = [];
        for (let r = t.headerRow + 1; r <= t.grid.length; r++) {
          const line = t.grid[r - 1];
          if (!inputKeys.every((c) => isBlank(line[(t.columns.get(c.key) as number) - 1])))
            expected.push(r);
        }
        expect(parsed.rows.map((r) => r.row)).toEqual(expected);
        for (const row of parsed.rows) {
          const bad = parsed.issues.some(
            (i) => i.severity === "error" && rowOf(i.cell) === row.row && i.code !== "missingColumn"
          );
          expect(row.ok).toBe(!bad);
          for (const c of spec.columns) {
            const column = t.columns.get(c.key);
            const cell = column === undefined ? undefined : t.grid[row.row - 1][column - 1];
            if (
              c.role === "input" &&
              c.type === "number" &&
              typeof cell === "number" &&
              cell >= (c.min ?? -Infinity) &&
              cell <= (c.max ?? Infinity)
            )
              expect(row.values[c.key]).toBe(cell === 0 ? 0 : cell);
            // Past the column's believable maximum the figure is an error at its cell.
            if (c.role === "input" && typeof cell === "number" && cell > (c.max ?? Infinity))
              expect(row.values[c.key] ?? null).toBeNull();
          }
        }
      }),
      fuzz(RUNS.parseTable)
    );
  });

  it("read each data row the same whether the other data rows are there or not", () => {
    fc.assert(
      fc.property(anyTable, ({ spec, t }) => {
        const all = parseTable(spec, t.grid);
        for (const row of all.rows) {
          const others = new Set<number>();
          for (let r = t.headerRow + 1; r <= t.grid.length; r++) if (r !== row.row) others.add(r);
          const alone = parseTable(spec, blankRows(t.grid, others));
          expect(alone.rows).toEqual([row]);
          const mine = (issues: typeof all.issues) =>
            issues.filter((i) => rowOf(i.cell) === row.row);
          expect(mine(alone.issues)).toEqual(mine(all.issues));
        }
      }),
      fuzz(RUNS.parseTableAlone)
    );
  });
});

/**
 * A random table dressed as a county keeps it: title and meta rows above,
 * 小计 rows between its data rows and a 合计 row under them (label in a label
 * column, random figures), footers with a phone below.
 */
const ledgerDress = fc.record({
  titles: fc.subarray(["XX县防疫台账统计表", "XX县统计表（截至2022年1月20日）"]),
  meta: fc.subarray([
    "填报单位：XX县卫健局",
    "单位：人",
    "填报日期：2022年1月20日",
    "截至2022年1月20日",
  ]),
  subtotalEvery: fc.integer({ min: 0, max: 3 }),
  total: fc.boolean(),
  figure: fc.integer({ min: 0, max: 99_999 }),
  footers: fc.subarray([
    "填表人：张三",
    "联系电话：13812345678",
    "审核人：李四",
    "注：本表按日报送。",
  ]),
});

function dressed(
  spec: TableSpec,
  t: { grid: Grid; headerRow: number; columns: Map<string, number> },
  d: typeof ledgerDress extends fc.Arbitrary<infer D> ? D : never
): Grid | undefined {
  const label = labelColumns(spec).find((k) => t.columns.has(k));
  if (label === undefined) return undefined;
  const room = HEADER_SEARCH_ROWS - t.headerRow;
  const above = [...d.titles.map((x) => [x]), ...d.meta.map((x) => [x])].slice(
    0,
    Math.max(0, room)
  );
  const width = Math.max(0, ...t.grid.map((r) => r.length));
  const summary = (text: string): CellValue[] => {
    const line: CellValue[] = Array.from({ length: width }, () => null);
    for (const c of spec.columns)
      if (c.role === "input" && c.type === "number" && t.columns.has(c.key))
        line[(t.columns.get(c.key) as number) - 1] = d.figure;
    line[(t.columns.get(label) as number) - 1] = text;
    return line;
  };
  const body: Grid = [];
  t.grid.slice(t.headerRow).forEach((line, i) => {
    body.push(line);
    if (d.subtotalEvery > 0 && (i + 1) % d.subtotalEvery === 0)
      body.push(summary(`第${i + 1}组 小计`));
  });
  if (d.total) body.push(summary("合计"));
  return [...above, ...t.grid.slice(0, t.headerRow), ...body, [], ...d.footers.map((x) => [x])];
}

describe("parseTable on random tables in a county's own layout", () => {
  it("reads the same data rows, values and row errors with title, meta, 小计/合计 and footer rows around them", () => {
    let compared = 0;
    fc.assert(
      fc.property(anyTable, ledgerDress, ({ spec, t }, d) => {
        const grid = dressed(spec, t, d);
        if (!grid) return;
        const plain = parseTable(spec, t.grid);
        const ledger = parseTable(spec, grid);
        const rows = (p: typeof plain) => p.rows.map((r) => ({ values: r.values, ok: r.ok }));
        expect(rows(ledger)).toEqual(rows(plain));
        expect(ledger.issues.map((i) => i.message.zh).join("\n")).not.toContain("13812345678");
        compared += 1;
      }),
      fuzz(RUNS.parseTableLedger)
    );
    expect(compared).toBeGreaterThan(50);
  });
});

describe("readProgress on random 接种进度 tables in a county's own layout", () => {
  it("follows parseTable's rules cell for cell: the same issues, and the same rows read", () => {
    const progress = tableOf(PROGRESS_TABLE, { valid: validByType(PROGRESS_TABLE) });
    let compared = 0;
    fc.assert(
      fc.property(progress, ledgerDress, (t, d) => {
        const grid = dressed(PROGRESS_TABLE, t, d) ?? t.grid;
        const fast = readProgress(grid);
        const reference = parseTable(PROGRESS_TABLE, grid);
        expect(fast.issues).toEqual(reference.issues);
        expect(Array.from(fast.columns.row)).toEqual(reference.rows.map((r) => r.row));
        compared += 1;
      }),
      fuzz(RUNS.readProgressLedger)
    );
    expect(compared).toBeGreaterThan(100);
  });
});

describe("readParams on random 参数 sheets", () => {
  const label = fc
    .constantFrom(...PARAMS)
    .chain((p) =>
      fc
        .constantFrom(p.name, ` ${p.name} `, toFullWidth(p.name), `${p.name}\u3000`)
        .map((text) => ({ p, text }))
    );
  const valueFor = (p: ParamSpec): fc.Arbitrary<CellValue> =>
    fc.oneof(
      fc.constant(p.default),
      p.kind === "choice" ? fc.constantFrom(...(p.choices ?? [])) : finiteNumber,
      anyCell
    );
  const line = fc.oneof(
    label.chain(({ p, text }) => fc.tuple(fc.constant<CellValue>(text), valueFor(p), anyCell)),
    fc.tuple(anyCell, anyCell, anyCell)
  );
  const sheet = fc.tuple(
    fc.array(fc.tuple(trickyText), { maxLength: 2 }),
    fc.array(line, { maxLength: 24 })
  );

  it("never throws, gives a valid value for every parameter, and points each issue at the value cell of a labelled row", () => {
    fc.assert(
      fc.property(sheet, ([titles, lines]) => {
        const grid: Grid = [...titles, ["参数", "值", "单位", "说明", "默认值"], ...lines];
        const { params, found, issues } = readParams(sheetFromValues(PARAMS_SHEET, grid));
        for (const p of PARAMS) {
          const value = params[p.key];
          expect(readParamValue(p, value).ok).toBe(true);
          const byName = grid.findIndex((l) => normalizeHeader(l[0]) === normalizeHeader(p.name));
          if (byName < 0) {
            expect(value).toBe(p.default);
            continue;
          }
          expect(found.get(p.key)?.row).toBe(byName + 1);
          const read = readParamValue(p, grid[byName][1] ?? null);
          expect(value).toEqual(read.ok ? read.value : p.default);
        }
        for (const i of issues) {
          expect(i.sheet).toBe(PARAMS_SHEET);
          expect(i.cell).toMatch(/^B\d+$/);
          const row = grid[rowOf(i.cell) - 1];
          expect(PARAMS.some((p) => normalizeHeader(row[0]) === normalizeHeader(p.name))).toBe(
            true
          );
          expect(hasChinese(i.message.zh)).toBe(true);
        }
      }),
      fuzz(RUNS.readParams)
    );
  });
});

describe("rankWithTies", () => {
  const values = fc.array(
    fc.oneof(
      { arbitrary: fc.integer({ min: -5, max: 5 }), weight: 4 },
      { arbitrary: fc.constantFrom(null, undefined, NaN, Infinity, -Infinity), weight: 1 }
    ),
    { maxLength: 30 }
  );

  it("gives 1 + the number of strictly better values (并列占位), null for values that are not finite", () => {
    fc.assert(
      fc.property(values, fc.constantFrom("desc" as const, "asc" as const), (vs, order) => {
        const ranks = rankWithTies(vs, { order });
        expect(ranks).toHaveLength(vs.length);
        vs.forEach((v, i) => {
          if (typeof v !== "number" || !Number.isFinite(v)) return expect(ranks[i]).toBeNull();
          const better = vs.filter(
            (w) => typeof w === "number" && Number.isFinite(w) && (order === "desc" ? w > v : w < v)
          ).length;
          expect(ranks[i]).toBe(better + 1);
        });
      }),
      fuzz(RUNS.rankCompetition)
    );
  });

  it("gives 1 + the number of distinct better values (并列不占位)", () => {
    fc.assert(
      fc.property(values, (vs) => {
        const ranks = rankWithTies(vs, { tieRule: "并列不占位" });
        const finite = vs.filter((w): w is number => typeof w === "number" && Number.isFinite(w));
        vs.forEach((v, i) => {
          if (typeof v !== "number" || !Number.isFinite(v)) return expect(ranks[i]).toBeNull();
          expect(ranks[i]).toBe(new Set(finite.filter((w) => w > v)).size + 1);
        });
      }),
      fuzz(RUNS.rankDense)
    );
  });
});

describe("bestAndWorst", () => {
  it("takes the best and worst `count` items and every item tied at a cut-off, and no item without a value", () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }), { maxLength: 20 }),
        fc.integer({ min: 1, max: 5 }),
        (vs, count) => {
          const items = vs.map((v, i) => ({ i, v }));
          const { best, worst, bestTied, worstTied } = bestAndWorst(items, (x) => x.v, count);
          const valued = items.filter((x) => x.v !== null).map((x) => x.v as number);
          const check = (
            list: typeof items,
            tied: boolean,
            better: (a: number, b: number) => boolean
          ) => {
            for (const x of list) expect(x.v).not.toBeNull();
            if (valued.length <= count) {
              expect(list).toHaveLength(valued.length);
              expect(tied).toBe(false);
              return;
            }
            const cut = [...valued].sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0))[
              count - 1
            ];
            const expected = items.filter((x) => x.v !== null && (better(x.v, cut) || x.v === cut));
            expect(new Set(list.map((x) => x.i))).toEqual(new Set(expected.map((x) => x.i)));
            expect(tied).toBe(list.length > count);
          };
          check(best, bestTied, (a, b) => a > b);
          check(worst, worstTied, (a, b) => a < b);
        }
      ),
      fuzz(RUNS.bestAndWorst)
    );
  });
});

/** Half of a surrogate pair on its own: text that is not well-formed UTF-16. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("masking", () => {
  it("maskIdNumber keeps at most the first 4 and last 4 characters of any text, and its length", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "binary-ascii", maxLength: 24 }),
          fc.stringMatching(/^\d{17}[\dX]$/)
        ),
        (id) => {
          const masked = maskIdNumber(id);
          const s = id.trim();
          expect(masked).toHaveLength(s.length);
          expect(masked.replace(/\*/g, "").length).toBeLessThanOrEqual(8);
          if (s.length > 8) {
            expect(masked.slice(0, 4)).toBe(s.slice(0, 4));
            expect(masked.slice(-4)).toBe(s.slice(-4));
          }
          expect(masked).not.toMatch(/\d{17}[\dXx]/);
        }
      ),
      fuzz(RUNS.maskIdNumber)
    );
  });

  it("maskPhone never leaves a mobile number readable, whatever separators it was typed with", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.stringMatching(/^1[3-9]\d{9}$/),
          fc
            .tuple(
              fc.stringMatching(/^1[3-9]\d$/),
              fc.stringMatching(/^\d{4}$/),
              fc.stringMatching(/^\d{4}$/),
              fc.constantFrom(" ", "-", "", "　")
            )
            .map(([a, b, c, sep]) => `${a}${sep}${b}${sep}${c}`),
          fc.string({ unit: "binary-ascii", maxLength: 20 })
        ),
        (phone) => {
          const masked = maskPhone(phone);
          expect(masked).not.toMatch(/1[3-9]\d{9}/);
          expect(masked.replace(/\D/g, "").length).toBeLessThanOrEqual(7);
        }
      ),
      fuzz(RUNS.maskPhone)
    );
  });

  it("maskName shows only the family name's first character, a star for every other one, in well-formed text", () => {
    const hanzi = fc.constantFrom(
      "张",
      "王",
      "李",
      "欧",
      "阳",
      "司",
      "马",
      "𠮷",
      "𡈽",
      "䶮",
      "三",
      "丰"
    );
    fc.assert(
      fc.property(fc.array(hanzi, { minLength: 1, maxLength: 4 }), (chars) => {
        const name = chars.join("");
        const masked = maskName(name);
        expect(masked).not.toMatch(LONE_SURROGATE);
        expect([...masked]).toEqual([chars[0], ...chars.slice(1).map(() => "*")]);
      }),
      fuzz(RUNS.maskName)
    );
  });

  it("maskName keeps a family name outside the Basic Multilingual Plane whole (𠮷)", () => {
    expect(maskName("𠮷野家")).toBe("𠮷**");
  });
});
