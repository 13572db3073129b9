/**
 * The whole host suite again on a memory Excel that offers only ExcelApi 1.8
 * (Excel 2019): the Office host's tests (test/hosts) and each capability's
 * Office-host tests (test/<capability>/host.test.ts), so every fallback path
 * (no Range.autoFill, no page layout) runs. Every MemoryWorkbook those files
 * make plays Excel 2019 unless a test names another set.
 */
import { existsSync, readdirSync } from "fs";
import path from "path";
import { MemoryWorkbook } from "../../src/hosts/memory/memoryExcel";

jest.mock("../../src/hosts/memory/memoryExcel", () => {
  const actual = jest.requireActual<typeof import("../../src/hosts/memory/memoryExcel")>(
    "../../src/hosts/memory/memoryExcel"
  );
  class MemoryWorkbookAt18 extends actual.MemoryWorkbook {
    constructor(...[sheets, options]: ConstructorParameters<typeof actual.MemoryWorkbook>) {
      super(sheets, { excelApi: "1.8", ...options });
    }
  }
  return { ...actual, MemoryWorkbook: MemoryWorkbookAt18 };
});

const TEST = path.resolve(__dirname, "..");
const SELF = path.basename(__filename);

/** Files that are not about one Excel: this one, the static walk, and the tests of the levels themselves. */
const NOT_RERUN = new Set([SELF, "requirementSets.test.ts", "excelApiLevels.test.ts"]);

/** test/hosts/*.test.ts, then test/<capability>/host.test.ts. */
const HOST_SUITE: string[] = [
  ...readdirSync(__dirname)
    .filter((f) => /\.test\.tsx?$/.test(f) && !NOT_RERUN.has(f))
    .sort()
    .map((f) => path.join(__dirname, f)),
  ...readdirSync(TEST)
    .map((dir) => path.join(TEST, dir, "host.test.ts"))
    .filter((f) => existsSync(f))
    .sort(),
];

describe("at ExcelApi 1.8 (Excel 2019)", () => {
  it("plays Excel 2019 in every file it runs, which include each capability's host tests", () => {
    expect(new MemoryWorkbook().isSetSupported("ExcelApi", "1.8")).toBe(true);
    expect(new MemoryWorkbook().isSetSupported("ExcelApi", "1.9")).toBe(false);
    const names = HOST_SUITE.map((f) => path.relative(TEST, f));
    expect(names).toEqual(
      expect.arrayContaining([
        "hosts/officeHost.test.ts",
        "hosts/fillDown.test.ts",
        "isolation/host.test.ts",
        "reporting/host.test.ts",
        "stockpile/host.test.ts",
        "vaccination/host.test.ts",
      ])
    );
  });

  for (const file of HOST_SUITE)
    describe(path.relative(TEST, file), () => {
      // Registers that file's tests here, under the mock above.
      require(file);
    });
});
