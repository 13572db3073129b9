import { UI, UI_FORMAT, langFromDisplayLanguage, langFromQuery, tr } from "../../src/taskpane/i18n";

describe("langFromDisplayLanguage", () => {
  it.each([
    ["en-US", "en"],
    ["en-GB", "en"],
    ["EN-us", "en"],
    ["zh-CN", "zh"],
    ["zh-TW", "zh"],
    ["fr-FR", "zh"],
    ["", "zh"],
    [undefined, "zh"],
  ] as const)("returns %p → %p", (tag, expected) => {
    expect(langFromDisplayLanguage(tag)).toBe(expected);
  });
});

describe("langFromQuery", () => {
  it("returns en when the query has lang=en", () => {
    expect(langFromQuery("?lang=en")).toBe("en");
  });

  it("returns zh when the query has no lang", () => {
    expect(langFromQuery("?x=1")).toBe("zh");
  });

  it("returns zh when lang is another language", () => {
    expect(langFromQuery("?lang=de")).toBe("zh");
  });
});

describe("UI strings", () => {
  it.each(Object.entries(UI))("has both a Chinese and an English text for %s", (_key, message) => {
    expect(message.zh.trim()).not.toBe("");
    expect(message.en.trim()).not.toBe("");
    expect(/[\u4e00-\u9fff]/.test(message.zh)).toBe(true);
  });

  it("puts the count of already written operations into both languages", () => {
    expect(UI_FORMAT.writtenOps(3).zh).toContain("3 项");
    expect(UI_FORMAT.writtenOps(3).en).toContain("3 write operations");
  });

  it("uses the singular in English for one issue", () => {
    expect(tr("en", UI_FORMAT.issueCount(1))).toBe("1 issue found");
    expect(tr("en", UI_FORMAT.issueCount(2))).toBe("2 issues found");
  });
});
