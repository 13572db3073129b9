/**
 * The command line, run in-process through runCli with a recording
 * environment: exit codes, what is printed, and the files written.
 */
import { existsSync, writeFileSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import { runCli } from "../../src/cli/main";
import { loadXlsx } from "../../src/hosts/xlsx/files";
import { sheetSnapshot } from "../../src/hosts/xlsx/xlsxHost";
import { writeZipBomb } from "../helpers/robustnessFiles";
import { BAD_ROWS, sampleSheetsWith, writeSheetsXlsx } from "../xlsx/fixtures";
import { makeEnv, type RecordedEnv } from "../xlsx/helpers";

jest.setTimeout(120_000);

const text = (lines: string[]) => lines.join("");

async function demoIn(env: RecordedEnv, name = "demo.xlsx"): Promise<string> {
  expect(await runCli(["demo", "-o", name], env)).toBe(0);
  return path.join(env.cwd, name);
}

describe("epi-ledger demo", () => {
  it("writes the sample workbook with every command's output sheet", async () => {
    const env = makeEnv();
    const file = await demoIn(env);
    const workbook = await loadXlsx(file);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(["参数", "接种进度", "接种排名", "报送记录"]));
    expect(text(env.out)).toContain("【初始化工作簿】");
  });

  it("writes the same cells on every run (deterministic sample and clock)", async () => {
    const env = makeEnv();
    const a = await loadXlsx(await demoIn(env, "a.xlsx"));
    const b = await loadXlsx(await demoIn(env, "b.xlsx"));
    const dump = (w: typeof a) =>
      w.worksheets.map((ws) => {
        const cells: string[] = [];
        ws.eachRow((row) =>
          row.eachCell((c) => void cells.push(`${c.address}=${JSON.stringify(c.value)}`))
        );
        return [ws.name, cells];
      });
    expect(dump(b)).toEqual(dump(a));
  });
});

describe("epi-ledger compute", () => {
  it("exits 0 and writes <input>_计算结果.xlsx when the input has no issues", async () => {
    const env = makeEnv();
    await writeSheetsXlsx(
      sampleSheetsWith([]).filter((s) => s.name === "隔离床位"),
      path.join(env.cwd, "clean.xlsx")
    );
    const code = await runCli(
      ["compute", "clean.xlsx", "--date", "2022-01-20", "--only", "隔离"],
      env
    );
    expect(text(env.err)).toBe("");
    expect(code).toBe(0);
    expect(existsSync(path.join(env.cwd, "clean_计算结果.xlsx"))).toBe(true);
  });

  it("exits 1 and prints each issue as `文件 工作表!单元格: message` when rows are bad", async () => {
    const env = makeEnv();
    await writeSheetsXlsx(sampleSheetsWith(BAD_ROWS), path.join(env.cwd, "bad.xlsx"));
    const code = await runCli(["compute", "bad.xlsx", "--date", "2022-01-20"], env);
    expect(code).toBe(1);
    const lines = text(env.out).split("\n");
    expect(lines.filter((l) => /^bad\.xlsx 物资储备!H3: /.test(l))).toHaveLength(1);
    expect(lines.some((l) => /^bad\.xlsx 物资储备!H4: .*约100/.test(l))).toBe(true);
  });

  it("prints issues in English when LANG is English", async () => {
    const env = makeEnv({ lang: "en" });
    await writeSheetsXlsx(sampleSheetsWith(BAD_ROWS), path.join(env.cwd, "bad.xlsx"));
    await runCli(["compute", "bad.xlsx", "--date", "2022-01-20", "--only", "物资"], env);
    const line = text(env.out)
      .split("\n")
      .find((l) => l.startsWith("bad.xlsx 物资储备!H4: "));
    expect(line).toMatch(/not a number/);
  });

  it("prints every command's data and issues as JSON with --json, and nothing else on stdout", async () => {
    const env = makeEnv();
    await writeSheetsXlsx(sampleSheetsWith([]), path.join(env.cwd, "sample.xlsx"));
    const code = await runCli(["compute", "sample.xlsx", "--date", "2022-01-20", "--json"], env);
    const report = JSON.parse(text(env.out));
    expect(report.command).toBe("compute");
    expect(report.reportDate).toBe("2022-01-20");
    expect(report.exitCode).toBe(code);
    const ranking = report.commands.find((c: { id: string }) => c.id === "rankVaccination");
    expect(ranking.status).toBe("ran");
    expect(ranking.data.notice.text.zh).toMatch(/^截至1月20日/);
    expect(report.notes.map((n: { zh: string }) => n.zh).join()).toMatch(/图表只能在 Excel 中/);
  });

  it("changes nothing when run again on its own output", async () => {
    const env = makeEnv();
    await writeSheetsXlsx(sampleSheetsWith(BAD_ROWS), path.join(env.cwd, "in.xlsx"));
    const args = ["--date", "2022-01-20"];
    await runCli(["compute", "in.xlsx", ...args, "-o", "once.xlsx"], env);
    await runCli(["compute", "once.xlsx", ...args, "-o", "twice.xlsx"], env);
    const dump = async (file: string) =>
      (await loadXlsx(path.join(env.cwd, file))).worksheets.map((ws) => [
        ws.name,
        sheetSnapshot(ws),
      ]);
    expect(await dump("twice.xlsx")).toEqual(await dump("once.xlsx"));
  });

  it("refuses to overwrite the input without --in-place (exit 2) and leaves it untouched", async () => {
    const env = makeEnv();
    const file = await demoIn(env);
    const before = readFileSync(file);
    const code = await runCli(["compute", "demo.xlsx", "-o", "demo.xlsx"], env);
    expect(code).toBe(2);
    expect(text(env.err)).toMatch(/--in-place/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("overwrites the input with --in-place", async () => {
    const env = makeEnv();
    await writeSheetsXlsx(
      sampleSheetsWith([]).filter((s) => s.name === "隔离床位"),
      path.join(env.cwd, "l.xlsx")
    );
    const before = statSync(path.join(env.cwd, "l.xlsx")).size;
    expect(await runCli(["compute", "l.xlsx", "--in-place", "--date", "2022-01-20"], env)).toBe(0);
    expect(statSync(path.join(env.cwd, "l.xlsx")).size).not.toBe(before);
    expect(existsSync(path.join(env.cwd, "l_计算结果.xlsx"))).toBe(false);
  });

  it("leaves the file byte for byte as it was with --in-place when nothing changes", async () => {
    const env = makeEnv();
    await writeSheetsXlsx(
      sampleSheetsWith([]).filter((s) => s.name === "隔离床位"),
      path.join(env.cwd, "l.xlsx")
    );
    const again = ["compute", "done.xlsx", "--in-place", "--date", "2022-01-20"];
    expect(
      await runCli(["compute", "l.xlsx", "--date", "2022-01-20", "-o", "done.xlsx"], env)
    ).toBe(0);
    // The first run created the other input sheets; the second computes from them.
    expect(await runCli(again, env)).toBeLessThan(2);
    const file = path.join(env.cwd, "done.xlsx");
    const before = readFileSync(file);
    env.out.length = 0;
    expect(await runCli(again, env)).toBeLessThan(2);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(text(env.out)).toMatch(/注: “done\.xlsx”没有需要写入的内容，未改写/);
    expect(text(env.out)).not.toMatch(/已写出/);
  });

  it("refuses a zip bomb (exit 2), naming it, before inflating it", async () => {
    const env = makeEnv();
    await writeZipBomb(path.join(env.cwd, "bomb.xlsx"), 300 * 1024 * 1024);
    expect(await runCli(["compute", "bomb.xlsx", "--date", "2022-01-20"], env)).toBe(2);
    expect(text(env.err)).toMatch(/“bomb\.xlsx”中的“xl\/worksheets\/sheet1\.xml”解压后过大/);
    expect(existsSync(path.join(env.cwd, "bomb_计算结果.xlsx"))).toBe(false);
  });

  it("notes the charts of the input that the output cannot keep, and refuses --in-place for it", async () => {
    const env = makeEnv();
    const file = path.join(env.cwd, "charts.xlsx");
    await writeSheetsXlsx(
      sampleSheetsWith([]).filter((s) => s.name === "隔离床位"),
      file
    );
    const zip = await JSZip.loadAsync(readFileSync(file));
    zip.file("xl/charts/chart1.xml", "<c:chartSpace/>");
    writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
    expect(await runCli(["compute", "charts.xlsx", "--date", "2022-01-20"], env)).toBe(0);
    expect(text(env.out)).toMatch(/注: “charts\.xlsx”中的图表无法由命令行保留/);
    const before = readFileSync(file);
    expect(await runCli(["compute", "charts.xlsx", "--in-place"], env)).toBe(2);
    expect(text(env.err)).toMatch(/--in-place 不可用/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it.each([
    ["a CSV file", "data.csv", "日期,乡镇\n2022-01-20,城关镇\n", /不是 \.xlsx 文件/],
    [
      "an old .xls file",
      "old.xls",
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]),
      /旧版 \.xls/,
    ],
    ["a truncated workbook", "cut.xlsx", Buffer.from("PK\u0003\u0004garbage"), /无法读取/],
    ["a missing file", "nothing.xlsx", null, /找不到文件/],
  ])("exits 2 with a message and no stack trace for %s", async (_name, file, content, message) => {
    const env = makeEnv();
    if (content !== null) writeFileSync(path.join(env.cwd, file), content);
    expect(await runCli(["compute", file], env)).toBe(2);
    expect(text(env.err)).toMatch(message);
    expect(text(env.err)).not.toMatch(/\n\s+at /);
  });

  it("exits 2 when a sheet asked for with --only is missing", async () => {
    const env = makeEnv();
    await writeSheetsXlsx(
      sampleSheetsWith([]).filter((s) => s.name === "隔离床位"),
      path.join(env.cwd, "x.xlsx")
    );
    expect(await runCli(["compute", "x.xlsx", "--only", "接种"], env)).toBe(2);
    expect(text(env.err)).toMatch(/接种进度/);
  });

  it("skips, with a note, a calculation whose sheet the file does not have when running all", async () => {
    const env = makeEnv();
    await writeSheetsXlsx(
      sampleSheetsWith([]).filter((s) => s.name === "隔离床位"),
      path.join(env.cwd, "x.xlsx")
    );
    expect(await runCli(["compute", "x.xlsx", "--date", "2022-01-20"], env)).toBe(0);
    // 初始化工作簿 made the sheet empty just before: the note says so rather than contradict it.
    expect(text(env.out)).toMatch(
      /【生成接种排名】文件中原本没有“接种进度”工作表（“初始化工作簿”已新建空表，请填写后再计算）/
    );
    // A command that needs a task-pane choice is skipped with a note, not an input issue.
    expect(text(env.out)).toMatch(
      /【生成填报模板】未运行“生成填报模板”：请先在任务窗格中选择单位类别或勾选单位/
    );
  });

  it.each([
    ["an unknown --only word", ["--only", "疫苗"], /未知的计算项“疫苗”/],
    ["a bad --date", ["--date", "2022-02-30"], /--date/],
  ])("exits 2 for %s", async (_name, args, message) => {
    const env = makeEnv();
    await demoIn(env);
    expect(await runCli(["compute", "demo.xlsx", ...args], env)).toBe(2);
    expect(text(env.err)).toMatch(message);
  });
});

describe("help", () => {
  it.each([
    ["zh", ["--help"], /用法：[\s\S]*命令：[\s\S]*生成示例县防疫台账/],
    ["en", ["--help"], /Usage:[\s\S]*Commands:[\s\S]*sample county workbook/],
    ["zh", ["compute", "--help"], /--in-place\s+直接改写输入文件/],
    ["en", ["compute", "--help"], /--in-place\s+overwrite the input file/],
    ["zh", ["merge", "--help"], /--into <ledger>\s+要写入的台账/],
    ["en", ["demo", "--help"], /-o, --output <file>\s+output file/],
  ] as const)("is in %s for %j", async (lang, args, expected) => {
    const env = makeEnv({ lang });
    expect(await runCli([...args], env)).toBe(0);
    expect(text(env.out)).toMatch(expected);
  });

  it("exits 2 with a translated message for an unknown option", async () => {
    const env = makeEnv();
    expect(await runCli(["compute", "a.xlsx", "--frobnicate"], env)).toBe(2);
    expect(text(env.err)).toMatch(/未知的选项/);
  });
});
