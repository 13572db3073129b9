/**
 * The WPS host on the fake ET: errors translated into the HostError kinds,
 * screen updating and calculation restored (also on error), one undo
 * transaction per command, the accessor over both kinds of build, a re-run
 * that writes nothing, and features ET names differently.
 */
import { FakeEt, CALCULATION_AUTOMATIC, type Fake } from "../../src/hosts/wps/fake/fakeEt";
import { detectEtApplication, read } from "../../src/hosts/wps/et";
import { translateEtError } from "../../src/hosts/wps/errors";
import { bgr, charactersFromPoints, createWpsHost, formatRuns } from "../../src/hosts/wps/wpsHost";
import { COMMANDS } from "../../src/workbook/commands";
import { executeCommand } from "../../src/workbook/execute";
import { HostError } from "../../src/workbook/host";
import { initWorkbook } from "../../src/workbook/init/initWorkbook";
import type { WriteBlock } from "../../src/workbook/plan";
import { STOCKPILE_SHEET } from "../../src/workbook/stockpile/specs";
import { optionsFor, RUN, runOk } from "../helpers/robustness";
import { sampleWpsBook, wpsHostOn } from "./helpers";

const computeStockpile = COMMANDS.find((c) => c.id === "computeStockpile")!;
const generateTemplates = COMMANDS.find((c) => c.id === "generateTemplates")!;

describe("the fake ET's types", () => {
  it("refuse a member et-jsapi-declare does not have", () => {
    // @ts-expect-error Value3 is not a member of Et.Range
    const misspelled: Fake<Et.Range, "Value3"> = { Value3: 1 };
    // @ts-expect-error Names.Add takes its name as a string (or a Range), never a boolean
    const wrongType: Fake<Et.Names, "Add"> = { Add: (name: boolean) => name };
    expect([misspelled, wrongType]).toHaveLength(2);
  });
});

describe("the accessor", () => {
  it.each(["property", "method"] as const)(
    "reads the active workbook's sheets in a %s build",
    (build) => {
      const et = new FakeEt([{ name: "参数", values: [["参数", "值"]] }], { build });
      const book = read(et.application, "ActiveWorkbook");
      const sheet = read(book, "Worksheets").Item(1) as Et.Worksheet;
      expect(read(sheet, "Name")).toBe("参数");
      expect(read(read(sheet, "UsedRange"), "Value2")).toEqual([["参数", "值"]]);
    }
  );

  it("finds the application as window.Application, or through wps.EtApplication in either form", () => {
    const et = new FakeEt();
    expect(detectEtApplication({ Application: et.application })).toBe(et.application);
    expect(detectEtApplication({ wps: { EtApplication: () => et.application } })).toBe(
      et.application
    );
    expect(detectEtApplication({ wps: { EtApplication: et.application } })).toBe(et.application);
    expect(detectEtApplication({})).toBeUndefined();
    expect(detectEtApplication({ Application: { Office: true } })).toBeUndefined();
  });
});

describe("ET errors", () => {
  it.each([
    [new Error("下标越界"), "missingSheet"],
    [Object.assign(new Error("x"), { number: 0x8002000b | 0 }), "missingSheet"],
    [new Error("您试图更改的单元格或图表位于受保护的工作表中"), "protectedSheet"],
    [
      Object.assign(new Error("Call was rejected by callee."), { number: 0x800ac472 | 0 }),
      "cellEditMode",
    ],
    [new Error("something else"), "unknown"],
  ])("translate %p into %s", (error, kind) => {
    const translated = translateEtError(error, 3);
    expect(translated.kind).toBe(kind);
    expect(translated.writtenOps).toBe(3);
    expect(translated.cause).toBe(error);
    expect(translated.userMessage.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it("pass a HostError through as it is", () => {
    const error = new HostError("payloadTooLarge", { zh: "大", en: "big" });
    expect(translateEtError(error, 0)).toBe(error);
  });
});

describe("a command on the WPS host", () => {
  it("is one undo transaction, with screen updating and automatic calculation back afterwards", async () => {
    const { et, host } = sampleWpsBook();
    await runOk(host, initWorkbook);
    expect(et.undoGroups).toEqual(["防疫台账助手"]);
    expect(et.undoOpen).toBe(false);
    expect(et.screenUpdating).toBe(true);
    expect(et.calculation).toBe(CALCULATION_AUTOMATIC);
    // Read, switched off, restored.
    expect(et.stats.members.get("Application.ScreenUpdating")).toBe(3);
    expect(et.stats.members.get("Application.Calculation")).toBe(3);
  });

  it("on a protected ledger sheet fails as protectedSheet, says what was written, and restores screen updating and calculation", async () => {
    const { et, host } = sampleWpsBook();
    await runOk(host, initWorkbook);
    const before = et.formulas(STOCKPILE_SHEET);
    et.protectSheet(STOCKPILE_SHEET);
    const outcome = await executeCommand(host, computeStockpile, RUN);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.kind).toBe("protectedSheet");
    expect(outcome.error.message.zh).toContain("撤消工作表保护");
    expect(outcome.error.writtenOps).toBeGreaterThanOrEqual(0);
    expect(et.formulas(STOCKPILE_SHEET)).toEqual(before);
    expect(et.screenUpdating).toBe(true);
    expect(et.calculation).toBe(CALCULATION_AUTOMATIC);
    expect(et.undoOpen).toBe(false);
  });

  it("while a cell is being edited fails as cellEditMode before touching anything", async () => {
    const { et, host } = sampleWpsBook();
    et.editing = true;
    const outcome = await executeCommand(host, initWorkbook, RUN);
    expect(outcome.ok ? "ok" : outcome.error.kind).toBe("cellEditMode");
    expect([...et.stats.members.keys()]).toEqual(["Application.Ready"]);
  });

  it("writing to a sheet that is gone fails as missingSheet", async () => {
    const { host } = sampleWpsBook();
    const block: WriteBlock = { kind: "block", sheet: "不存在", row: 1, column: 1, cells: [[1]] };
    await expect(host.transaction((io) => io.write([block]))).rejects.toMatchObject({
      kind: "missingSheet",
      writtenOps: 0,
    });
  });

  it("run a second time enters no write phase at all", async () => {
    const { et, host } = sampleWpsBook();
    await runOk(host, initWorkbook);
    await runOk(host, computeStockpile);
    et.resetStats();
    const again = await runOk(host, computeStockpile);
    expect(again.result.ops).toEqual([]);
    expect(et.stats.members.get("Application.ScreenUpdating")).toBeUndefined();
    expect(et.stats.members.get("Range.Formula")).toBe(again.result.ops.length + countReads(et));
  });

  it("re-protects a template it made before, leaving only the plan's ranges unlocked", async () => {
    const { et, host } = sampleWpsBook();
    await runOk(host, initWorkbook);
    await runOk(host, generateTemplates, optionsFor(generateTemplates));
    const template = et.sheetNames().find((n) => n.startsWith("填报_"))!;
    expect(et.sheet(template).protected).toBe(true);
    et.setValues(STOCKPILE_SHEET, "A3", [[null]]);
    const again = await executeCommand(host, generateTemplates, optionsFor(generateTemplates));
    expect(again.ok).toBe(true);
    expect(et.sheet(template).protected).toBe(true);
    expect(et.sheet(template).validations.length).toBeGreaterThan(0);
  });

  it("writes charts, rules, page set-up and frozen panes through ET's own members", async () => {
    const { et, host } = sampleWpsBook();
    await runOk(host, initWorkbook);
    const runs = COMMANDS.filter((c) => c.id !== "initWorkbook" && c.id !== "importReturns");
    const outcomes = [];
    for (const command of runs) outcomes.push(await runOk(host, command));
    const ops = outcomes.flatMap((o) => o.result.ops);
    for (const chart of ops.filter((o) => o.kind === "chart")) {
      const made = et.sheet(chart.sheet).charts.filter((c) => c.name === chart.name);
      expect(made).toMatchObject([
        {
          title: chart.title,
          hasTitle: true,
          source: `${chart.sheet}!${chart.dataRange.replace(/\$/g, "")}`,
        },
      ]);
    }
    for (const rule of ops.filter((o) => o.kind === "conditionalFormat"))
      expect(et.sheet(rule.sheet).rules.length).toBeGreaterThanOrEqual(rule.rules.length);
    const setups = ops.filter((o) => o.kind === "pageSetup");
    expect(setups.length).toBeGreaterThan(0);
    for (const setup of setups)
      expect(et.sheet(setup.sheet).pageSetup.orientation).toBe(
        setup.orientation === "Landscape" ? 2 : 1
      );
    for (const freeze of ops.filter((o) => o.kind === "freeze"))
      expect(et.sheet(freeze.sheet).frozen).toEqual({
        rows: freeze.rows,
        columns: freeze.columns ?? 0,
      });
    // The clerk's sheet is shown again after the panes were frozen on other sheets.
    expect(et.active?.name).toBe(et.sheetNames()[0]);
  });
});

describe("a block", () => {
  it("is one Formula call when its rows are of one length, and a short row leaves the cells past its end alone", async () => {
    const et = new FakeEt([
      {
        name: "表",
        values: [
          [null, null],
          [null, "留"],
        ],
      },
    ]);
    const host = createWpsHost(et.application);
    const rectangle: WriteBlock = {
      kind: "block",
      sheet: "表",
      row: 4,
      column: 1,
      cells: [
        [1, "=A4+1"],
        [2, "x"],
      ],
    };
    const ragged: WriteBlock = {
      kind: "block",
      sheet: "表",
      row: 1,
      column: 1,
      cells: [["a", "b"], ["c"]],
    };
    await host.transaction(async (io) => {
      await io.read(["表"]);
      et.resetStats();
      await io.write([rectangle]);
      expect(et.stats.members.get("Range.Formula")).toBe(1);
      await io.write([ragged]);
    });
    expect(et.formulas("表")).toEqual([
      ["a", "b"],
      ["c", "留"],
      [null, null],
      [1, "=A4+1"],
      [2, "x"],
    ]);
  });
});

describe("what a build lacks", () => {
  it("a chart the build refuses is left out, said in the report, and the rest is written", async () => {
    const { et, host } = sampleWpsBook();
    await runOk(host, initWorkbook);
    et.refused.add("Chart.SetSourceData");
    const outcome = await runOk(host, computeStockpile);
    expect(outcome.report.skipped?.map((m) => m.zh)).toEqual([
      expect.stringMatching(/^图表“.+”（.+）未能生成：/),
    ]);
    expect(outcome.report.cells).toBeGreaterThan(0);
  });

  it("without an undo transaction the write goes on, and the report says Undo takes several steps", async () => {
    const { et, host } = sampleWpsBook({ undoTransactions: false });
    const outcome = await runOk(host, initWorkbook);
    expect(outcome.report.skipped?.map((m) => m.en)).toEqual([
      expect.stringContaining("no undo transaction"),
    ]);
    expect(et.sheetNames()).toContain("参数");
  });

  it("a protected sheet is never taken for a refused chart", async () => {
    const { et, host } = sampleWpsBook();
    await runOk(host, initWorkbook);
    const first = await runOk(host, computeStockpile);
    const chart = first.result.ops.find((o) => o.kind === "chart")!;
    et.protectSheet(chart.sheet);
    await expect(host.transaction((io) => io.write([chart]))).rejects.toMatchObject({
      kind: "protectedSheet",
    });
  });
});

describe("restoring after the write", () => {
  it("tells the clerk when ET refuses to restore calculation, and still restores the rest", async () => {
    const { et, host } = sampleWpsBook();
    const writes: unknown[] = [];
    const app = et.application as unknown as { Calculation: unknown };
    const proto = Object.getPrototypeOf(app) as object;
    const descriptor = Object.getOwnPropertyDescriptor(proto, "Calculation")!;
    Object.defineProperty(app, "Calculation", {
      get: () => descriptor.get!.call(app),
      set: (v: unknown) => {
        writes.push(v);
        if (writes.length > 1) throw new Error("拒绝 refused");
        descriptor.set!.call(app, v);
      },
    });
    const outcome = await runOk(host, initWorkbook);
    expect(outcome.report.skipped?.map((m) => m.zh)).toEqual([
      expect.stringContaining("未能完全恢复"),
    ]);
    expect(et.screenUpdating).toBe(true);
    expect(et.undoOpen).toBe(false);
  });
});

describe("select", () => {
  it("shows the sheet and selects the cell", async () => {
    const { et, host } = sampleWpsBook();
    await host.select(STOCKPILE_SHEET, "F7");
    expect(et.selection).toEqual({ sheet: STOCKPILE_SHEET, address: "F7" });
  });

  it("of a sheet that is gone fails as missingSheet", async () => {
    const host = createWpsHost(new FakeEt().application);
    await expect(host.select("无", "A1")).rejects.toMatchObject({ kind: "missingSheet" });
  });
});

describe("formatRuns", () => {
  const block = (over: Partial<WriteBlock>): WriteBlock => ({
    kind: "block",
    sheet: "s",
    row: 1,
    column: 1,
    cells: [
      ["a", 1, 2],
      ["b", 3, 4],
    ],
    ...over,
  });

  it("sets adjacent columns of one format with one call", () => {
    expect(formatRuns(block({ numberFormats: { byColumn: [null, "0", "0"] } }), 3)).toEqual([
      { from: 1, to: 2, format: "0" },
    ]);
  });

  it("sets a text that Excel would reinterpret as text, and the rest of its column as its format", () => {
    const runs = formatRuns(
      block({
        cells: [
          ["=1", 1],
          ["x", 2],
        ],
        numberFormats: { byColumn: [null, "0"] },
      }),
      2
    );
    expect(runs).toEqual([
      { from: 0, to: 0, format: [["@"], ["General"]] },
      { from: 1, to: 1, format: "0" },
    ]);
  });

  it("sets nothing when the plan gives no format and no cell needs text", () => {
    expect(formatRuns(block({}), 3)).toEqual([]);
  });
});

describe("units", () => {
  it.each([
    ["#FF0000", 0x0000ff],
    ["#00B050", 0x50b000],
    ["#DDEBF7", 0xf7ebdd],
  ])("colour %s is BGR %i", (hex, n) => expect(bgr(hex)).toBe(n));

  it("gives the default 48 pt column as 8.43 characters", () => {
    expect(charactersFromPoints(48)).toBe(8.43);
  });
});

/** Range.Formula reads of the read phase: one per sheet read. */
function countReads(et: FakeEt): number {
  return et.stats.members.get("Worksheet.UsedRange") ?? 0;
}

it("wpsHostOn builds a host of kind wps", () => {
  expect(wpsHostOn(new FakeEt()).kind).toBe("wps");
});
