/**
 * Every leader sheet of the computed sample, printed by LibreOffice headless:
 * A4 pages, a header row on every page of a sheet built on the leader-sheet
 * builder, and no two words printed over each other (poppler word boxes).
 * One soffice conversion for the whole workbook. Skips, saying why, only when
 * soffice or poppler is missing (.ci/run installs both).
 */
import {
  LEADER_SHEETS,
  hasHeaderRow,
  isFigure,
  overlaps,
  pagePngs,
  popplerPresent,
  printedText,
  printLeaderSheets,
  type Printed,
} from "./render";
import { sofficePath } from "../xlsx/helpers";

jest.setTimeout(300_000);

const present = sofficePath() !== undefined && popplerPresent();
if (!present)
  console.warn(
    "leaderSheets render test skipped: LibreOffice (soffice) or poppler-utils (pdftotext) is not installed; apt-get install -y libreoffice-calc-nogui poppler-utils"
  );
const describePrinted = present ? describe : describe.skip;

/** Sheets already built on src/workbook/leaderSheet.ts, whose every table page repeats its header. */
const BUILT = ["物资汇总", "隔离床位汇总", "隔离需求预测", "接种排名"];

describePrinted("leader sheets printed through LibreOffice", () => {
  let printed: Printed;
  beforeAll(async () => {
    printed = await printLeaderSheets();
    // EPI_LEDGER_PRINT_PNG=docs/print writes the after-*.png of the note.
    const dir = process.env.EPI_LEDGER_PRINT_PNG;
    if (dir)
      for (const sheet of BUILT) {
        const pages = printed.pages.filter((p) => p.sheet === sheet).map((p) => p.number);
        pagePngs(printed.pdf, pages.slice(0, 2), dir, `after-${sheet}`);
      }
  });

  it("prints only the leader sheets, each starting with its title", () => {
    expect([...new Set(printed.pages.map((p) => p.sheet))]).toEqual(LEADER_SHEETS);
    expect(printed.pages.every((p) => p.sheet !== "")).toBe(true);
  });

  it("prints every page of every leader sheet on A4", () => {
    const pages = printed.pages;
    expect(pages.length).toBeGreaterThan(0);
    const sizes = pages.map((p) => [
      Math.round(Math.min(p.width, p.height)),
      Math.round(Math.max(p.width, p.height)),
    ]);
    expect(sizes.every(([w, h]) => w === 595 && h === 842)).toBe(true);
  });

  it("prints a header row on every page that holds table figures", () => {
    const tablePages = printed.pages.filter(
      (p) => BUILT.includes(p.sheet) && p.words.filter((w) => isFigure(w.text)).length >= 10
    );
    expect(tablePages.length).toBeGreaterThan(0);
    const without = tablePages.filter((p) => !hasHeaderRow(p, printed.headers.get(p.sheet) ?? []));
    expect(without.map((p) => `${p.sheet} page ${p.number}`)).toEqual([]);
  });

  it("prints no word over another on any page", () => {
    const found = printed.pages.flatMap((p) =>
      overlaps(p).map(([a, b]) => `${p.sheet} page ${p.number}: “${a.text}” over “${b.text}”`)
    );
    const words = printed.pages.reduce((n, p) => n + p.words.length, 0);
    console.log(
      `render: ${printed.pages.length} pages, ${words} word boxes, ${found.length} overlaps`
    );
    expect(found).toEqual([]);
  });

  it("prints every title, summary, note and 通报 paragraph whole: no text clipped by its row", () => {
    const clipped = BUILT.flatMap((sheet) => {
      const text = printedText(printed.pages, sheet);
      return (printed.mergedTexts.get(sheet) ?? [])
        .filter((t) => !text.includes(t.replace(/\s+/g, "")))
        .map((t) => `${sheet}: ${t.slice(0, 40)}…`);
    });
    expect(clipped).toEqual([]);
  });

  it("keeps chart data out of the print: no 图表数据 on paper", () => {
    const text = printed.pages.map((p) => p.words.map((w) => w.text).join("")).join("");
    expect(text).not.toContain("图表数据");
  });
});
