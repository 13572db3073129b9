import { maskPersonalData, maskPersonalText } from "../../src/core/privacy/maskText";

describe("maskPersonalText", () => {
  it.each([
    ["“张三13812345678”不在名单中", "“张三138****5678”不在名单中"],
    ["身份证320102199001011234号", "身份证3201**********1234号"],
    ["32010219900101123X", "3201**********123X"],
    ["联系电话：138-1234-5678", "联系电话：138****5678"],
    ["１３８１２３４５６７８", "138****5678"],
    ["马场乡 1200 人", "马场乡 1200 人"],
    ["12345678901234567890", "12345678901234567890"],
  ])("masks %p as %p", (text, expected) => {
    expect(maskPersonalText(text)).toBe(expected);
  });
});

describe("maskPersonalData", () => {
  it("masks strings inside objects, arrays and maps, and an object listed twice in both places", () => {
    const unit = { township: "张三13812345678" };
    const data = { best: [unit], worst: [unit], byName: new Map([["a", unit]]), rows: 3 };
    const out = maskPersonalData(data);
    expect(out.best[0].township).toBe("张三138****5678");
    expect(out.worst[0].township).toBe("张三138****5678");
    expect(out.byName.get("a")?.township).toBe("张三138****5678");
    expect(out.rows).toBe(3);
  });

  it("returns the same object when nothing needs masking, and leaves typed arrays alone", () => {
    const data = { names: ["城关镇"], figures: new Float64Array([13812345678]) };
    expect(maskPersonalData(data)).toBe(data);
  });
});
