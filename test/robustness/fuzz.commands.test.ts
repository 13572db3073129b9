/**
 * Property-based fuzzing of every registered command's `run` on random
 * workbooks built from its TableSpecs (title rows, shuffled and duplicated
 * headers, user columns, valid, garbage and blank rows, broken 参数 values).
 *
 * For every command: `run` never throws; it is deterministic; every issue
 * names a sheet that exists (or that the command reads or writes) and a cell
 * inside it (one column past the last on a header row), with a message in
 * Chinese and English; every written number is finite and every formula
 * uses only the allowed functions, with balanced quotes and brackets.
 * Per command, valid rows compute the same whether the rows with issues are
 * there or emptied.
 */
import fc from "fast-check";
import { isDeepStrictEqual } from "node:util";
import type { DateSerial } from "../../src/core/dates";
import { fakeIdNumber } from "../../src/core/privacy/idNumber";
import { DEFAULT_CATALOGUE, ITEM_KINDS } from "../../src/core/stockpile/catalogue";
import { UNIT_CATEGORIES } from "../../src/core/stockpile/reserveStandard";
import { parseCellAddress } from "../../src/workbook/a1";
import type { CellValue, Grid } from "../../src/workbook/cells";
import {
  runCommand,
  type Command,
  type CommandInput,
  type CommandResult,
} from "../../src/workbook/command";
import { COMMANDS } from "../../src/workbook/commands";
import { disallowedFunctions } from "../../src/workbook/formulaFunctions";
import { detectHeader, normalizeHeader } from "../../src/workbook/headers";
import { planInitWorkbook } from "../../src/workbook/init/initWorkbook";
import { BEDS_TABLE, RETURNEES_TABLE } from "../../src/workbook/isolation/specs";
import { PARAMS, PARAMS_SHEET } from "../../src/workbook/params";
import { isFormulaCell, type CellWrite, type WriteOp } from "../../src/workbook/plan";
import type { ReportStatusData } from "../../src/workbook/reporting/reportStatus";
import { RECORDS_SPEC, ROSTER_SPEC } from "../../src/workbook/reporting/specs";
import { SAMPLE_REPORT_DATE, SAMPLE_TOWNSHIPS } from "../../src/workbook/sample/county";
import { SAMPLE_GROUPS } from "../../src/workbook/sample/vaccination";
import type { TableSpec } from "../../src/workbook/schema";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";
import { planImport, type ReturnedFile } from "../../src/workbook/stockpile/import";
import { applyOps } from "../../src/workbook/applyOps";
import {
  CATALOGUE_TABLE,
  STOCKPILE_TABLE,
  STOCK_LOG_TABLE,
} from "../../src/workbook/stockpile/specs";
import { templateSheetName } from "../../src/workbook/stockpile/template";
import { TEMPLATE_TABLE } from "../../src/workbook/stockpile/templateSpec";
import type { RankVaccinationData } from "../../src/workbook/vaccination/rankVaccination";
import { PROGRESS_TABLE } from "../../src/workbook/vaccination/spec";
import { returnedTemplate, type ReturnRow } from "../helpers/robustness";
import {
  FUZZ_SEED,
  anyCell,
  blankRows,
  fuzz,
  hasChinese,
  realDay,
  recentDay,
  rowOf,
  tableOf,
  timeText,
  trickyText,
  ymdText,
  type GeneratedTable,
  type ValidCells,
} from "../helpers/robustnessArbitraries";

jest.setTimeout(180_000);

const D: DateSerial = SAMPLE_REPORT_DATE;
const RUNS = { invariants: 220, validRows: 150 };
/** Each "valid rows" property must have compared at least this many rows or units, or it proved nothing. */
const MIN_COMPARED = 25;

/** Every command of the registry must have a world to run in here. */
const WORLDS: Record<string, fc.Arbitrary<World>> = {};

interface World {
  snapshot: WorkbookSnapshot;
  options?: Record<string, unknown>;
  /** The input table whose valid rows are compared, when the command has per-row results. */
  table?: { sheet: string; spec: TableSpec };
}

beforeAll(() => {
  const total =
    Object.keys(WORLDS).length * RUNS.invariants + VALID_ROW_PROPERTIES * RUNS.validRows;
  console.log(`fuzz (commands): FUZZ_SEED=${FUZZ_SEED}, ${total} cases × FUZZ_SCALE`);
});

// ---------------------------------------------------------------------------
// Valid cells, by table
// ---------------------------------------------------------------------------

const UNITS = ["城关镇", "青石镇", "县卫生健康局", "县应急物资储备库", "城关镇卫生院", "县公安局"];
const TOWNSHIPS = SAMPLE_TOWNSHIPS.map((t) => t.township);
const COUNTIES = ["平安县", "康宁县"];
const GROUPS = SAMPLE_GROUPS.map((g) => g.group);
const ITEMS = DEFAULT_CATALOGUE.map((c) => c.name);
const PEOPLE = ["张伟", "王芳", "李娜", "刘洋", "陈静"];

const maybe = <T>(a: fc.Arbitrary<T>) => fc.oneof(a, fc.constant(null));
const mobile = fc.stringMatching(/^1[3-9][0-9]{9}$/);
const dateIn = (days: number) =>
  fc.oneof(
    { arbitrary: recentDay(D, days), weight: 3 },
    { arbitrary: recentDay(D, days).chain((s) => ymdText(...ymdOf(s))), weight: 1 }
  );

const VALID: Record<string, ValidCells> = {
  [STOCKPILE_TABLE.id]: {
    unit: fc.constantFrom(...UNITS),
    category: fc.constantFrom(...UNIT_CATEGORIES),
    item: fc.constantFrom(...ITEMS),
    measure: maybe(fc.constantFrom("只", "套", "升")),
    persons: fc.integer({ min: 0, max: 500 }),
    normOverride: fc.oneof(
      { arbitrary: fc.constant(null), weight: 4 },
      { arbitrary: fc.double({ min: 0, max: 5, noNaN: true }), weight: 1 }
    ),
    standardOverride: fc.constantFrom(null, null, "战时", "日常"),
    stock: maybe(fc.integer({ min: 0, max: 50_000 })),
    inTransit: maybe(fc.integer({ min: 0, max: 5_000 })),
  },
  [CATALOGUE_TABLE.id]: {
    name: fc.constantFrom(...ITEMS),
    unit: fc.constantFrom("只", "套"),
    kind: fc.constantFrom(...ITEM_KINDS),
    routine: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.double({ min: 0, max: 4, noNaN: true })),
    wartime: fc.integer({ min: 0, max: 8 }),
    note: maybe(fc.constant("县应急预案")),
  },
  [STOCK_LOG_TABLE.id]: {
    date: dateIn(14),
    unit: fc.constantFrom(...UNITS),
    item: fc.constantFrom(...ITEMS),
    stock: fc.integer({ min: 0, max: 9_000 }),
    received: maybe(fc.integer({ min: 0, max: 500 })),
  },
  [BEDS_TABLE.id]: {
    parent: maybe(fc.constantFrom(...COUNTIES)),
    township: fc.constantFrom(...TOWNSHIPS),
    population: fc.integer({ min: 0, max: 100_000 }),
    existingBeds: fc.integer({ min: 0, max: 400 }),
    backupBeds: maybe(fc.integer({ min: 0, max: 100 })),
  },
  [RETURNEES_TABLE.id]: {
    name: fc.constantFrom(...PEOPLE),
    idNumber: maybe(
      fc
        .record({
          birth: fc.integer({ min: 20_000, max: 40_000 }),
          sequence: fc.integer({ min: 0, max: 999 }),
        })
        .map(fakeIdNumber)
    ),
    phone: maybe(mobile),
    township: fc.constantFrom(...TOWNSHIPS),
    risk: fc.constantFrom("高风险", "中风险", "其他涉疫地区", "低风险", "高风险地区"),
    arrival: dateIn(20),
    method: fc.constantFrom("集中", "居家", "集中隔离"),
  },
  [PROGRESS_TABLE.id]: {
    date: dateIn(2),
    county: fc.constantFrom(...COUNTIES),
    township: fc.constantFrom(...TOWNSHIPS.slice(0, 6)),
    group: fc.constantFrom(...GROUPS),
    target: fc.integer({ min: 1_000, max: 5_000 }),
    first: fc.integer({ min: 0, max: 1_000 }),
    full: fc.integer({ min: 0, max: 1_000 }),
    booster: maybe(fc.integer({ min: 0, max: 1_000 })),
    dayFirst: maybe(fc.integer({ min: 0, max: 50 })),
    dayFull: maybe(fc.integer({ min: 0, max: 50 })),
    dayBooster: maybe(fc.integer({ min: 0, max: 50 })),
  },
  [ROSTER_SPEC.id]: {
    unit: fc.constantFrom(...UNITS),
    category: fc.constantFrom(...UNIT_CATEGORIES, "卫生院", "街道"),
    parent: maybe(fc.constantFrom("县卫生健康局", "县人民政府")),
    contact: maybe(fc.constantFrom(...PEOPLE)),
    phone: maybe(mobile),
    daily: fc.constantFrom("是", "否", null, "Y"),
    startDate: maybe(recentDay(D, 30)),
  },
  [RECORDS_SPEC.id]: {
    date: dateIn(5),
    unit: fc.constantFrom(...UNITS),
    time: fc.oneof(
      recentDay(D, 5).chain((d) => fc.double({ min: d, max: d + 0.99, noNaN: true })),
      fc.tuple(realDay(2022, 2022), timeText).map(([[y, m, d], t]) => `${y}/${m}/${d} ${t.text}`)
    ),
    type: fc.constantFrom("正常", "零报告", "零报", null),
    note: maybe(fc.constant("电话报告")),
  },
};

const table = (
  spec: TableSpec,
  options: { outputs?: boolean; maxRows?: number; include?: string[] } = {}
) => tableOf(spec, { valid: VALID[spec.id], ...options });

// ---------------------------------------------------------------------------
// Worlds: one random workbook per command
// ---------------------------------------------------------------------------

const EMPTY: WorkbookSnapshot = { sheetNames: [], sheets: {}, names: {} };
/** 参数 and its names, as 初始化工作簿 makes them. */
const INITIALIZED = applyOps(
  EMPTY,
  planInitWorkbook({ snapshot: EMPTY, today: D, now: D + 0.5, lang: "zh" }).ops
);

/** 参数 as made, with some values typed over, or no 参数 (and no names) at all. */
const paramsState: fc.Arbitrary<WorkbookSnapshot | null> = fc.oneof(
  { arbitrary: fc.constant(INITIALIZED), weight: 3 },
  {
    arbitrary: fc
      .array(fc.tuple(fc.integer({ min: 0, max: PARAMS.length - 1 }), anyCell), {
        minLength: 1,
        maxLength: 4,
      })
      .map((edits) => {
        const values = INITIALIZED.sheets[PARAMS_SHEET].values.map((r) => [...r]);
        for (const [i, v] of edits) values[2 + i][1] = v;
        return withSheet(INITIALIZED, PARAMS_SHEET, values);
      }),
    weight: 1,
  },
  { arbitrary: fc.constant(null), weight: 1 }
);

function worldOf(
  sheets: fc.Arbitrary<([string, Grid] | null)[]>,
  options: fc.Arbitrary<Record<string, unknown> | undefined> = fc.constant(undefined),
  compared?: { sheet: string; spec: TableSpec }
): fc.Arbitrary<World> {
  return fc.tuple(paramsState, sheets, options).map(([base, list, opts]) => {
    let snapshot = base ?? EMPTY;
    for (const entry of list) if (entry) snapshot = withSheet(snapshot, entry[0], entry[1]);
    return { snapshot, options: opts, table: compared };
  });
}

const sheetOf = (name: string, t: fc.Arbitrary<GeneratedTable>) =>
  t.map((g): [string, Grid] => [name, g.grid]);
const optionalSheet = (name: string, t: fc.Arbitrary<GeneratedTable>) =>
  fc.option(sheetOf(name, t), { nil: null });
const reportDateOption = fc.constantFrom<Record<string, unknown> | undefined>(
  undefined,
  { reportDate: D },
  { reportDate: D - 1 },
  { reportDate: "2022/1/19" }
);

WORLDS.initWorkbook = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc
          .constantFrom(...PARAMS)
          .chain((p) => fc.tuple(fc.constantFrom(p.name, ` ${p.name}`), anyCell)),
        fc.tuple(trickyText, anyCell)
      ),
      { maxLength: 20 }
    ),
    fc.boolean()
  )
  .map(([lines, present]) => ({
    snapshot: present
      ? withSheet(EMPTY, PARAMS_SHEET, [
          ["防疫台账参数"],
          ["参数", "值"],
          ...lines.map((l) => [...l]),
        ])
      : EMPTY,
  }));

WORLDS.computeStockpile = worldOf(
  fc.tuple(
    sheetOf("物资储备", table(STOCKPILE_TABLE, { outputs: true, include: ["persons", "stock"] })),
    optionalSheet("物资目录", table(CATALOGUE_TABLE, { include: ["routine", "wartime"] })),
    optionalSheet("库存日志", table(STOCK_LOG_TABLE))
  ),
  reportDateOption,
  { sheet: "物资储备", spec: STOCKPILE_TABLE }
);

WORLDS.computeIsolation = fc.constantFrom("隔离床位", "Isolation beds").chain((name) =>
  worldOf(fc.tuple(sheetOf(name, table(BEDS_TABLE, { outputs: true }))), reportDateOption, {
    sheet: name,
    spec: BEDS_TABLE,
  })
);

/** 隔离床位 listing every township the returnees may come to, so they are known. */
const ALL_TOWNSHIP_BEDS: [string, Grid] = [
  "隔离床位",
  [["乡镇", "常住人口", "现有床位"], ...TOWNSHIPS.map((t, i) => [t, 10_000 + i, 20 + i])],
];

WORLDS.forecastIsolation = worldOf(
  fc.tuple(
    sheetOf("返乡人员", table(RETURNEES_TABLE, { outputs: true })),
    fc.oneof(
      { arbitrary: fc.constant(ALL_TOWNSHIP_BEDS), weight: 3 },
      { arbitrary: optionalSheet("隔离床位", table(BEDS_TABLE)), weight: 1 }
    )
  ),
  reportDateOption,
  { sheet: "返乡人员", spec: RETURNEES_TABLE }
);

WORLDS.rankVaccination = worldOf(
  fc.tuple(sheetOf("接种进度", table(PROGRESS_TABLE, { maxRows: 14 }))),
  fc.oneof(
    reportDateOption,
    fc.record({
      reportDate: fc.constant(D),
      metric: fc.oneof(
        fc.constantFrom("first", "full", "booster", "due", "全程", "加强针"),
        anyCell
      ),
      groups: fc.subarray([...GROUPS, "不存在的人群"]),
      counties: fc.subarray([...COUNTIES, "外县"]),
    })
  ),
  { sheet: "接种进度", spec: PROGRESS_TABLE }
);

WORLDS.reportStatus = worldOf(
  fc.tuple(
    optionalSheet("填报单位", table(ROSTER_SPEC)),
    optionalSheet("报送记录", table(RECORDS_SPEC, { maxRows: 12 }))
  ),
  reportDateOption
);

/** A returned template with random rows, or a random table under template headers. */
const returnedFile: fc.Arbitrary<ReturnedFile> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(...UNITS.slice(1)),
      fc.array(
        fc.record({
          item: fc.oneof(fc.constantFrom(...ITEMS), anyCell),
          persons: fc.oneof(fc.integer({ min: 0, max: 300 }), anyCell),
          stock: fc.oneof(fc.integer({ min: 0, max: 9_000 }), anyCell),
          inTransit: maybe(fc.integer({ min: 0, max: 100 })),
          note: maybe(trickyText),
        }),
        { maxLength: 6 }
      ),
      fc.constantFrom(".xlsx", ".XLSX", ".xls", ".csv")
    )
    .map(([unit, rows, ext]) =>
      returnedTemplate(rows as ReturnRow[], { unit, fileName: `${unit}${ext}` })
    ),
  fc
    .tuple(
      tableOf(TEMPLATE_TABLE, { valid: VALID[STOCKPILE_TABLE.id] }),
      fc.constantFrom(...UNITS.slice(1))
    )
    .map(([t, unit]) => ({
      fileName: `${unit}.xlsx`,
      sheets: [{ name: `填报-${unit}`, values: t.grid }],
    }))
);

/** Unit names a sheet name cannot hold as they are: forbidden characters, case twins, more than 31 characters. */
const AWKWARD_UNITS = [
  "城关镇",
  "县卫生健康局[监督所]",
  "东区/西区:联合*点?",
  "'引号'单位",
  "ABC诊所",
  "abc诊所",
  "平安县人民医院新冠肺炎发热门诊第一临时分诊点东院区第一组甲",
  "平安县人民医院新冠肺炎发热门诊第一临时分诊点东院区第一组乙",
];

WORLDS.generateTemplates = worldOf(
  fc.tuple(
    sheetOf(
      "物资储备",
      tableOf(STOCKPILE_TABLE, {
        valid: { ...VALID[STOCKPILE_TABLE.id], unit: fc.constantFrom(...AWKWARD_UNITS) },
        include: ["persons", "stock"],
      })
    ),
    optionalSheet("填报单位", table(ROSTER_SPEC)),
    fc.option(
      fc
        .tuple(
          fc.constantFrom(...AWKWARD_UNITS),
          fc.array(fc.array(anyCell, { maxLength: 8 }), { maxLength: 8 })
        )
        .map(([unit, grid]): [string, Grid] => [templateSheetName(unit), grid]),
      { nil: null }
    )
  ),
  fc.oneof(
    fc.constant({ mode: "list" }),
    fc.record({ category: fc.constantFrom(...UNIT_CATEGORIES, "不存在的类别", "") }),
    fc.record({
      units: fc.subarray([...AWKWARD_UNITS, "名单外单位", ""]),
      mode: fc.constantFrom("sheets", "workbooks", undefined),
    })
  )
);

WORLDS.importReturns = worldOf(
  fc.tuple(optionalSheet("物资储备", table(STOCKPILE_TABLE, { outputs: true }))),
  fc.record({
    // Files picked in one import have different names (issues name the file).
    returns: fc
      .array(returnedFile, { minLength: 1, maxLength: 3 })
      .map((files) =>
        files.map((f, i) => ({ ...f, fileName: f.fileName.replace(/(\.\w+)$/, `_${i + 1}$1`) }))
      ),
    confirm: fc.boolean(),
  })
);

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

const input = (w: World): CommandInput => ({
  snapshot: w.snapshot,
  today: D,
  now: D + 17 / 24,
  lang: "zh",
  options: w.options,
});

describe.each(COMMANDS.map((c) => [c.id, c] as const))("%s on random workbooks", (id, command) => {
  it("has a random world to run in", () => {
    expect(WORLDS[id]).toBeDefined();
  });

  it("never throws, is deterministic, places every issue on a real cell and writes only finite numbers and allowed formulas", () => {
    fc.assert(
      fc.property(WORLDS[id], (w) => {
        const result = runCommand(command, input(w));
        const again = runCommand(command, input(w));
        // isDeepStrictEqual first: jest's diffing deep equality costs 100 ms on 初始化工作簿's plan.
        if (!isDeepStrictEqual(again, result)) expect(again).toEqual(result);
        const files = (w.options?.returns as ReturnedFile[] | undefined) ?? [];
        expect(issueProblems(command, input(w), result, files)).toEqual([]);
        expect(writeProblems(result.ops)).toEqual([]);
        expect(hasChinese(result.summary.zh)).toBe(true);
        expect(result.summary.en.length).toBeGreaterThan(0);
        if (id === "initWorkbook") expect(overwrittenParams(w.snapshot, result.ops)).toEqual([]);
      }),
      fuzz(RUNS.invariants)
    );
  });
});

/** A township group's figures that depend on its own rows only (not its rank, which depends on the others). */
const UNIT_FIGURES = [
  "row",
  "status",
  "target",
  "first",
  "full",
  "booster",
  "firstRate",
  "fullRate",
  "boosterRate",
  "newFirst",
  "newFull",
  "newBooster",
  "due",
  "dueUnknown",
  "dueRate",
  "value",
  "overTarget",
] as const;

/** How many per-command "valid rows" properties run (for the logged case count). */
const VALID_ROW_PROPERTIES = 6;

describe("valid rows compute the same whether the rows with issues are there or emptied", () => {
  it.each(["computeStockpile", "computeIsolation", "forecastIsolation"])(
    "%s writes the same output cells on each valid row",
    (id) => {
      const command = COMMANDS.find((c) => c.id === id);
      if (!command) return;
      let compared = 0;
      fc.assert(
        fc.property(WORLDS[id], (w) => {
          const { sheet, spec } = w.table as { sheet: string; spec: TableSpec };
          const grid = w.snapshot.sheets[sheet].values;
          const header = detectHeader(spec, grid);
          const a = runCommand(command, input(w));
          if (!header || a.ops.length === 0) return;
          // Rows with errors are emptied; rows with any issue are not compared.
          const errors = flaggedRows(a, sheet, header.headerRow, "error");
          const flagged = flaggedRows(a, sheet, header.headerRow);
          const b = runCommand(
            command,
            input({ ...w, snapshot: withSheet(w.snapshot, sheet, blankRows(grid, errors)) })
          );
          const outA = rowCells(a.ops, sheet, header.headerRow);
          const outB = rowCells(b.ops, sheet, header.headerRow);
          for (const [row, cells] of outA) {
            // Blank rows between data rows are written back as they are; only data rows are compared.
            if (flagged.has(row) || grid[row - 1]?.every((v) => v === null || v === "")) continue;
            compared++;
            expect({ row, cells: outB.get(row) }).toEqual({ row, cells });
          }
        }),
        fuzz(RUNS.validRows)
      );
      expect(compared).toBeGreaterThan(MIN_COMPARED);
    }
  );

  it("rankVaccination gives each township's group the same figures", () => {
    const command = COMMANDS.find((c) => c.id === "rankVaccination");
    if (!command) return;
    let compared = 0;
    fc.assert(
      fc.property(WORLDS.rankVaccination, (w) => {
        const sheet = "接种进度";
        const grid = w.snapshot.sheets[sheet].values;
        const header = detectHeader(PROGRESS_TABLE, grid);
        const world = { ...w, options: { reportDate: D } };
        const a = runCommand(command, input(world));
        if (!header) return;
        const flagged = flaggedRows(a, sheet, header.headerRow, "error");
        const keyAt = (r: number) =>
          ["township", "group"]
            .map((k) => fold(grid[r - 1][(header.columns.get(k) ?? 0) - 1]))
            .join("|");
        const tainted = new Set([...flagged].map(keyAt));
        const b = runCommand(
          command,
          input({ ...world, snapshot: withSheet(world.snapshot, sheet, blankRows(grid, flagged)) })
        );
        const figures = (r: CommandResult) => {
          const data = r.data as RankVaccinationData | undefined;
          const out = new Map<string, unknown>();
          for (const g of data?.report.groups ?? [])
            for (const area of g.areas)
              for (const u of area.units) {
                const key = [u.county, u.township, u.group].map(fold).join("|");
                if (u.row === null || tainted.has([u.township, u.group].map(fold).join("|")))
                  continue;
                // The unit's own figures; its rank depends on the others by design.
                out.set(key, Object.fromEntries(UNIT_FIGURES.map((f) => [f, u[f]])));
              }
          return out;
        };
        const fa = figures(a);
        const fb = figures(b);
        for (const [key, value] of fa) {
          compared++;
          expect({ key, value: fb.get(key) }).toEqual({ key, value });
        }
      }),
      fuzz(RUNS.validRows)
    );
    expect(compared).toBeGreaterThan(MIN_COMPARED);
  });

  it("reportStatus gives each unit with valid rows the same status", () => {
    const command = COMMANDS.find((c) => c.id === "reportStatus");
    if (!command) return;
    let compared = 0;
    fc.assert(
      fc.property(WORLDS.reportStatus, (w) => {
        const a = runCommand(command, input(w));
        let snapshot = w.snapshot;
        const tainted = new Set<string>();
        for (const [sheet, spec] of [
          ["填报单位", ROSTER_SPEC],
          ["报送记录", RECORDS_SPEC],
        ] as const) {
          const grid = w.snapshot.sheets[sheet]?.values;
          const header = grid && detectHeader(spec, grid);
          if (!grid || !header) continue;
          const flagged = flaggedRows(a, sheet, header.headerRow, "error");
          for (const r of flagged)
            tainted.add(fold(grid[r - 1][(header.columns.get("unit") ?? 0) - 1]));
          snapshot = withSheet(snapshot, sheet, blankRows(grid, flagged));
        }
        const b = runCommand(command, input({ ...w, snapshot }));
        const statuses = (r: CommandResult) =>
          new Map(
            ((r.data as ReportStatusData | undefined)?.units ?? [])
              .filter((u) => !tainted.has(fold(u.unit)))
              .map((u) => [
                fold(u.unit),
                [u.state, u.timeliness, u.receivedAt, u.consecutiveMissing],
              ])
          );
        const sa = statuses(a);
        const sb = statuses(b);
        for (const [unit, status] of sa) {
          compared++;
          expect({ unit, status: sb.get(unit) }).toEqual({ unit, status });
        }
      }),
      fuzz(RUNS.validRows)
    );
    expect(compared).toBeGreaterThan(MIN_COMPARED);
  });

  it("importReturns plans a clean return the same whatever other returns come with it", () => {
    const clean = fc
      .uniqueArray(fc.constantFrom(...ITEMS), { minLength: 1, maxLength: 5 })
      .chain((items) =>
        fc.tuple(
          ...items.map((item) =>
            fc.record({
              item: fc.constant(item),
              persons: fc.integer({ min: 1, max: 300 }),
              stock: fc.integer({ min: 0, max: 9_000 }),
            })
          )
        )
      )
      .map((rows) => returnedTemplate(rows, { unit: "城关镇" }));
    fc.assert(
      fc.property(WORLDS.importReturns, clean, (w, mine) => {
        const others = (w.options?.returns as ReturnedFile[]).filter(
          (f) => !f.sheets.some((s) => s.values.flat().includes("城关镇"))
        );
        const clock = { today: D, now: D + 0.5 };
        const together = planImport([mine, ...others], w.snapshot, clock);
        const alone = planImport([mine], w.snapshot, clock);
        const unit = (p: typeof alone) => p.units.find((u) => u.unit === "城关镇");
        expect(unit(alone)?.blocked).toBe(false);
        expect(unit(together)).toEqual(unit(alone));
      }),
      fuzz(RUNS.validRows)
    );
  });
});

// ---------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------

/** Issues that name no real sheet or cell, or lack a bilingual message. */
function issueProblems(
  command: Command,
  inp: CommandInput,
  result: CommandResult,
  files: readonly ReturnedFile[]
): string[] {
  const after = applyOps(inp.snapshot, result.ops);
  const reads = command.reads(inp.options);
  const problems: string[] = [];
  const gridsOf = (sheet: string, file: string | undefined): Grid[] | undefined => {
    if (file) {
      const s = files.find((f) => f.fileName === file)?.sheets.find((x) => x.name === sheet);
      return s ? [s.values] : undefined;
    }
    // Excel compares sheet names without case: 填报_abc and 填报_ABC are one sheet.
    const same = (names: readonly string[]) =>
      names.find((n) => n.toLowerCase() === sheet.toLowerCase());
    const actual = same(inp.snapshot.sheetNames) ?? same(after.sheetNames) ?? same(reads);
    if (actual === undefined) return undefined;
    return [inp.snapshot.sheets[actual]?.values ?? [], after.sheets[actual]?.values ?? []];
  };
  for (const issue of result.issues) {
    const file = (issue as { file?: string }).file || undefined;
    const where = `${file ? `${file} ` : ""}${issue.sheet}!${issue.cell} (${issue.code})`;
    const grids = gridsOf(issue.sheet, file);
    if (!grids) problems.push(`${where}: no such sheet`);
    else problems.push(...outside(grids, issue.cell).map((p) => `${where}: ${p}`));
    if (!hasChinese(issue.message.zh) || issue.message.en.trim() === "")
      problems.push(`${where}: message not bilingual`);
    if (issue.severity !== "error" && issue.severity !== "warning")
      problems.push(`${where}: severity`);
    for (const ref of issue.related ?? []) {
      const at = ref.lastIndexOf("!");
      const sheet = ref
        .slice(0, at)
        .replace(/^'(.*)'$/, "$1")
        .replace(/''/g, "'");
      const refGrids = gridsOf(sheet, file);
      if (!refGrids) problems.push(`${where}: related ${ref} names no sheet`);
      else
        problems.push(...outside(refGrids, ref.slice(at + 1)).map((p) => `${where}: related ${p}`));
    }
  }
  return problems;
}

/**
 * Whether an A1 address lies within the largest of the grids. A1 is always
 * allowed; so is one column past the last (the end of a header row, where a
 * missing column goes) and one row past the last (the first row to fill in
 * under a header with no data).
 */
function outside(grids: readonly Grid[], cell: string): string[] {
  const at = parseCellAddress(cell);
  if (!at) return [`${cell} is not an A1 address`];
  if (at.row === 1 && at.column === 1) return [];
  const height = Math.max(1, ...grids.map((g) => g.length));
  const width = Math.max(1, ...grids.flatMap((g) => g.map((r) => r.length)));
  return at.row <= height + 1 && at.column <= width + 1
    ? []
    : [`${cell} is outside ${height}×${width}`];
}

/**
 * Written cells Excel could not hold, formulas with functions outside the
 * allowed list or unbalanced, bad sheet names, and a sheet cleared twice in
 * one plan (two things written to one sheet, the second wiping the first).
 */
function writeProblems(ops: readonly WriteOp[]): string[] {
  const problems: string[] = [];
  const cleared = new Set<string>();
  for (const op of ops) {
    if (op.kind === "clearSheet") {
      if (cleared.has(op.sheet.toLowerCase())) problems.push(`${op.sheet} cleared twice`);
      cleared.add(op.sheet.toLowerCase());
    }
    if ("sheet" in op && !/^[^[\]:*?/\\]{1,31}$/.test(op.sheet))
      problems.push(`sheet name ${op.sheet}`);
    if (op.kind !== "block") continue;
    if (op.row < 1 || op.column < 1) problems.push(`${op.sheet} block at R${op.row}C${op.column}`);
    op.cells.forEach((line) =>
      line.forEach((cell: CellWrite) => {
        const value = isFormulaCell(cell) ? cell.value : cell;
        if (typeof value === "number" && !Number.isFinite(value))
          problems.push(`${op.sheet}: ${value}`);
        if (!isFormulaCell(cell)) return;
        const bad = disallowedFunctions(cell.formula);
        if (bad.length) problems.push(`${cell.formula}: ${bad.join(",")}`);
        if (!balanced(cell.formula)) problems.push(`${cell.formula}: unbalanced`);
      })
    );
  }
  return problems;
}

function balanced(formula: string): boolean {
  let depth = 0;
  let quoted = false;
  for (const ch of formula) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "(") depth++;
    else if (!quoted && ch === ")" && --depth < 0) return false;
  }
  return depth === 0 && !quoted;
}

/** Blocks 初始化工作簿 plans over rows of an existing 参数 sheet (it must only append). */
function overwrittenParams(snapshot: WorkbookSnapshot, ops: readonly WriteOp[]): string[] {
  const sheet = snapshot.sheets[PARAMS_SHEET];
  if (!sheet) return [];
  return ops
    .filter((o) => o.kind === "block" && o.sheet === PARAMS_SHEET && o.row <= sheet.values.length)
    .map((o) => JSON.stringify(o));
}

/** Data rows of a sheet that an issue (of the given severity, or any) points at. */
function flaggedRows(
  result: CommandResult,
  sheet: string,
  headerRow: number,
  severity?: "error"
): Set<number> {
  return new Set(
    result.issues
      .filter((i) => i.sheet === sheet && !(i as { file?: string }).file)
      .filter((i) => severity === undefined || i.severity === severity)
      .map((i) => rowOf(i.cell))
      .filter((r) => r > headerRow)
  );
}

/** Cells the ops write on each data row of a sheet: row → [column, cell] in column order. */
function rowCells(
  ops: readonly WriteOp[],
  sheet: string,
  headerRow: number
): Map<number, [number, CellWrite][]> {
  const out = new Map<number, [number, CellWrite][]>();
  for (const op of ops) {
    if (op.kind !== "block" || op.sheet !== sheet) continue;
    op.cells.forEach((line, i) => {
      const row = op.row + i;
      if (row <= headerRow) return;
      const cells = out.get(row) ?? [];
      line.forEach((cell, j) => cells.push([op.column + j, cell]));
      out.set(
        row,
        cells.sort((x, y) => x[0] - y[0])
      );
    });
  }
  return out;
}

function withSheet(snapshot: WorkbookSnapshot, name: string, values: Grid): WorkbookSnapshot {
  return {
    sheetNames: snapshot.sheetNames.includes(name)
      ? snapshot.sheetNames
      : [...snapshot.sheetNames, name],
    sheets: { ...snapshot.sheets, [name]: { name, values, formulas: values.map((r) => [...r]) } },
    names: snapshot.names,
  };
}

/** A generous folding of names (width, spaces, case), so no row of a tainted unit slips through. */
function fold(value: CellValue | undefined): string {
  return normalizeHeader(value ?? "");
}

function ymdOf(serial: number): [number, number, number] {
  const d = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}
