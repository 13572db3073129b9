/**
 * Prints the computed sample's leader sheets as LibreOffice prints them: the
 * demo workbook through the .xlsx host, every input sheet hidden (hidden
 * sheets do not print), one `soffice --convert-to pdf` for the whole book,
 * then poppler's `pdfinfo` (page sizes) and `pdftotext -bbox-layout` (word
 * boxes) to check it.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { runCli } from "../../src/cli/main";
import { HEADER_FILL } from "../../src/workbook/styles";
import { makeEnv, sofficePath, tempDir } from "../xlsx/helpers";

export const LEADER_SHEETS = ["物资汇总", "隔离床位汇总", "隔离需求预测", "接种排名", "报送情况"];

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PrintedPage {
  number: number;
  width: number;
  height: number;
  words: Word[];
  /** The leader sheet the page belongs to (by the title last seen). */
  sheet: string;
}

export interface Printed {
  pdf: string;
  pages: PrintedPage[];
  /** Per sheet, the first two cells of each header row (header-filled, bold). */
  headers: Map<string, string[][]>;
  /** Per sheet, its title (A1). */
  titles: Map<string, string>;
  /** Per sheet, the text of its merged cells (title, summary, notes, 通报). */
  mergedTexts: Map<string, string[]>;
}

export function popplerPresent(): boolean {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  }
}

/** Builds the demo workbook, hides every sheet but the leader sheets, and prints it to PDF with LibreOffice. */
export async function printLeaderSheets(): Promise<Printed> {
  const soffice = sofficePath();
  if (!soffice) throw new Error("soffice not found");
  const env = makeEnv();
  const code = await runCli(["demo", "-o", "demo.xlsx"], env);
  if (code !== 0) throw new Error(`demo exited ${code}: ${env.err.join("")}`);
  const demo = path.join(env.cwd, "demo.xlsx");
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(demo);
  const headers = new Map<string, string[][]>();
  const titles = new Map<string, string>();
  const mergedTexts = new Map<string, string[]>();
  const fill = `FF${HEADER_FILL.slice(1).toUpperCase()}`;
  for (const ws of book.worksheets) {
    if (!LEADER_SHEETS.includes(ws.name)) continue;
    titles.set(ws.name, String(ws.getCell("A1").value ?? ""));
    const rows: string[][] = [];
    ws.eachRow((row) => {
      const { fill: cellFill, font } = row.getCell(1).style;
      const argb = (cellFill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
      if (argb === fill && font?.bold)
        rows.push([1, 2].map((c) => String(row.getCell(c).value ?? "")));
    });
    headers.set(ws.name, rows);
    mergedTexts.set(ws.name, mergedTextsOf(ws));
  }
  // Hidden sheets do not print. Only workbook.xml is edited (a round trip through exceljs would
  // drop page breaks); LibreOffice prints the active sheet even when hidden, so a leader sheet is made active.
  const zip = await JSZip.loadAsync(readFileSync(demo));
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  const names = [...xml.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1]);
  const first = names.findIndex((n) => LEADER_SHEETS.includes(n));
  const patched = xml
    .replace(/<sheet [^>]*\/>/g, (tag) => {
      const name = /name="([^"]*)"/.exec(tag)?.[1] ?? "";
      if (LEADER_SHEETS.includes(name)) return tag;
      const bare = tag.replace(/ state="[^"]*"/, "");
      return bare.replace(/\/>$/, ' state="hidden"/>');
    })
    .replace(/<bookViews>.*?<\/bookViews>/, "")
    .replace(
      "<sheets>",
      `<bookViews><workbookView activeTab="${first}" firstSheet="${first}"/></bookViews><sheets>`
    );
  zip.file("xl/workbook.xml", patched);
  for (const name of Object.keys(zip.files).filter((n) =>
    /^xl\/worksheets\/sheet\d+\.xml$/.test(n)
  )) {
    const sheetXml = await zip.file(name)!.async("string");
    zip.file(name, sheetXml.replace(/ tabSelected="1"/g, ""));
  }
  const file = path.join(env.cwd, "leaders.xlsx");
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
  const profile = path.join(env.cwd, "profile");
  mkdirSync(profile, { recursive: true });
  execFileSync(
    soffice,
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "pdf",
      "--outdir",
      env.cwd,
      file,
    ],
    { stdio: "pipe", timeout: 300_000 }
  );
  const pdf = path.join(env.cwd, "leaders.pdf");
  if (!existsSync(pdf)) throw new Error("LibreOffice wrote no PDF");
  return { pdf, pages: readPages(pdf, titles), headers, titles, mergedTexts };
}

/** Pages with their sizes (pdfinfo) and word boxes (pdftotext -bbox-layout). */
export function readPages(pdf: string, titles: ReadonlyMap<string, string>): PrintedPage[] {
  const info = execFileSync("pdfinfo", ["-f", "1", "-l", "10000", pdf], { encoding: "utf8" });
  const sizes = [...info.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => ({
    number: Number(m[1]),
    width: Number(m[2]),
    height: Number(m[3]),
  }));
  const out = path.join(tempDir("epi-ledger-bbox-"), "words.html");
  execFileSync("pdftotext", ["-bbox-layout", pdf, out]);
  const html = readFileSync(out, "utf8");
  const pages = html.split(/<page /).slice(1);
  let sheet = "";
  return pages.map((page, i) => {
    const words = [
      ...page.matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g
      ),
    ].map((m) => ({
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
      text: unescape(m[5]),
    }));
    const text = words.map((w) => w.text).join("");
    for (const [name, title] of titles) if (title && text.includes(title)) sheet = name;
    return { ...sizes[i], number: i + 1, words, sheet };
  });
}

/** Pairs of word boxes on a page that overlap by more than half a point both ways. */
export function overlaps(page: PrintedPage): [Word, Word][] {
  const out: [Word, Word][] = [];
  const w = [...page.words].sort((a, b) => a.xMin - b.xMin);
  for (let i = 0; i < w.length; i++)
    for (let j = i + 1; j < w.length && w[j].xMin < w[i].xMax; j++) {
      const dx = Math.min(w[i].xMax, w[j].xMax) - Math.max(w[i].xMin, w[j].xMin);
      const dy = Math.min(w[i].yMax, w[j].yMax) - Math.max(w[i].yMin, w[j].yMin);
      if (dx > 0.5 && dy > 0.5) out.push([w[i], w[j]]);
    }
  return out;
}

/** True when one line of the page (words on the same baseline) holds a header row's first two cells side by side. */
export function hasHeaderRow(page: PrintedPage, headers: readonly string[][]): boolean {
  return headers.some(([a, b]) =>
    page.words.some(
      (wa) =>
        wa.text === a &&
        page.words.some(
          (wb) => wb.text === b && Math.abs(wb.yMin - wa.yMin) < 3 && wb.xMin > wa.xMin
        )
    )
  );
}

/** The strings in the top-left cells of a sheet's merged areas. */
export function mergedTextsOf(ws: ExcelJS.Worksheet): string[] {
  const merges = (ws.model as { merges?: string[] }).merges ?? [];
  return merges
    .map((m) => ws.getCell(m.split(":")[0]).value)
    .filter((v): v is string => typeof v === "string" && v.trim() !== "");
}

/** A sheet's printed text, words joined without the spaces and line breaks between them. */
export function printedText(pages: readonly PrintedPage[], sheet: string): string {
  return pages
    .filter((p) => p.sheet === sheet)
    .map((p) => p.words.map((w) => w.text).join(""))
    .join("")
    .replace(/\s+/g, "");
}

/** Words that are figures: counts, rates, decimals. */
export function isFigure(text: string): boolean {
  return /^[\d,.]+(%|张|间|人)?$/.test(text) && /\d/.test(text);
}

/** Writes PNGs of some pages (pdftoppm, 60 dpi) to `dir` as `<prefix>-<n>.png`. */
export function pagePngs(
  pdf: string,
  pages: readonly number[],
  dir: string,
  prefix: string
): string[] {
  mkdirSync(dir, { recursive: true });
  return pages.map((p, i) => {
    const base = path.join(dir, `${prefix}${i === 0 ? "" : `-${i + 1}`}`);
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "60",
      "-f",
      String(p),
      "-l",
      String(p),
      "-singlefile",
      pdf,
      base,
    ]);
    return `${base}.png`;
  });
}

function unescape(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}
