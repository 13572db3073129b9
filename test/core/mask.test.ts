import { maskIdNumber, maskName, maskPhone } from "../../src/core/privacy/mask";

describe("masking personal data", () => {
  it.each([
    ["320102199001011234", "3201**********1234"],
    ["32010219900101123X", "3201**********123X"],
    [" 320102199001011234 ", "3201**********1234"],
    ["12345678", "********"],
    ["", ""],
  ])("masks the ID number %p as %p", (id, expected) => {
    expect(maskIdNumber(id)).toBe(expected);
  });

  it.each([
    ["13812345678", "138****5678"],
    ["138 1234 5678", "138****5678"],
    ["0512-66881234", "********1234"],
    ["110", "***"],
  ])("masks the phone %p as %p", (phone, expected) => {
    expect(maskPhone(phone)).toBe(expected);
  });

  it("never leaves eleven mobile digits in a row", () => {
    expect(maskPhone("13812345678")).not.toMatch(/\d{11}/);
  });

  it("keeps only the family name", () => {
    expect(maskName("张三丰")).toBe("张**");
    expect(maskName("李")).toBe("李");
  });

  it("keeps a family name outside the Basic Multilingual Plane whole", () => {
    expect(maskName("𠮷野家")).toBe("𠮷**");
  });
});
