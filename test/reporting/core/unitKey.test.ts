import { unitKey } from "../../../src/core/reporting/unitKey";

describe("unitKey", () => {
  it.each([
    ["spaces inside and around", " 县 交通运输局 ", "县交通运输局"],
    ["an ideographic space", "县\u3000教育局", "县教育局"],
    ["full-width brackets", "城关镇（中心）", "城关镇(中心)"],
    ["full-width Latin letters", "ＣＤＣ", "cdc"],
  ])("folds %s", (_what, name, key) => {
    expect(unitKey(name)).toBe(key);
  });
});
