/**
 * docs/workbook-contract.md is a public interface: departments fill tables to
 * it. It is generated from the TableSpecs, and this test fails when the
 * committed file differs. Regenerate with `UPDATE_DOCS=1 npx jest test/docs`.
 */
import fs from "node:fs";
import path from "node:path";
import { CONTRACT_SECTIONS } from "../../src/workbook/contract";
import { renderContract } from "../../src/workbook/contractDoc";
import { PARAMS } from "../../src/workbook/params";

const file = path.resolve(__dirname, "../../docs/workbook-contract.md");

describe("docs/workbook-contract.md", () => {
  const rendered = renderContract(CONTRACT_SECTIONS);
  if (process.env.UPDATE_DOCS === "1") fs.writeFileSync(file, rendered);

  it("matches what the code reads and writes", () => {
    expect(fs.readFileSync(file, "utf8")).toBe(rendered);
  });

  it("lists every parameter and every input column", () => {
    for (const p of PARAMS) expect(rendered).toContain(`| ${p.name} (`);
    for (const section of CONTRACT_SECTIONS)
      for (const table of section.tables) {
        expect(rendered).toContain(`### ${table.sheet} (`);
        for (const c of table.columns) expect(rendered).toContain(`| ${c.zh} | ${c.en}`);
      }
  });
});
