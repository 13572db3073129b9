import fc from "fast-check";
import { serialFromYmd } from "../../src/core/dates";
import {
  FAKE_REGION_CODE,
  checkIdNumber,
  fakeIdNumber,
  idCheckDigit,
} from "../../src/core/privacy/idNumber";
import { maskIdNumber } from "../../src/core/privacy/mask";

// Every number here is generated with the unassigned region code 999999:
// none belongs to a real person.
const birthArb = fc
  .record({
    year: fc.integer({ min: 1900, max: 2021 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ year, month, day }) => serialFromYmd(year, month, day));
const fakeArb = fc
  .record({ birth: birthArb, sequence: fc.integer({ min: 0, max: 999 }) })
  .map(fakeIdNumber);

describe("idCheckDigit (ISO 7064 MOD 11-2)", () => {
  // Worked by hand: Σ digit × weight (7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2), mod 11, mapped through 1 0 X 9 8 7 6 5 4 3 2.
  it.each([
    ["99999919900101001", "6"], // 387 + 81 = 468; 468 mod 11 = 6 → "6"
    ["99999919900101018", "X"], // 387 + 99 = 486; 486 mod 11 = 2 → "X"
    ["99999919900101004", "0"], // 387 + 87 = 474; 474 mod 11 = 1 → "0"
  ])("returns the check character of %s as %s", (body, expected) => {
    expect(idCheckDigit(body)).toBe(expected);
  });

  it("returns undefined when the body is not 17 digits", () => {
    expect(idCheckDigit("9999991990010100")).toBeUndefined();
    expect(idCheckDigit("9999991990010100A")).toBeUndefined();
  });
});

describe("fakeIdNumber", () => {
  it("makes a number with region 999999, the birth date, the sequence and a valid check character", () => {
    const id = fakeIdNumber({ birth: serialFromYmd(1990, 1, 1), sequence: 1 });
    expect(id).toBe("999999199001010016");
  });

  it("always passes the check, with the birth date it was given", () => {
    fc.assert(
      fc.property(birthArb, fc.integer({ min: 0, max: 999 }), (birth, sequence) => {
        const id = fakeIdNumber({ birth, sequence });
        const check = checkIdNumber(id);
        return id.startsWith(FAKE_REGION_CODE) && check.ok && check.birth === birth;
      })
    );
  });

  it("throws for a sequence outside 0–999, a programmer's mistake", () => {
    expect(() => fakeIdNumber({ birth: serialFromYmd(1990, 1, 1), sequence: 1000 })).toThrow();
  });
});

describe("checkIdNumber", () => {
  it("accepts a generated number and returns its birth date", () => {
    expect(checkIdNumber("999999199001010016")).toEqual({
      ok: true,
      id: "999999199001010016",
      birth: serialFromYmd(1990, 1, 1),
    });
  });

  it("accepts a lower-case x as the check character and stores it upper-case", () => {
    const check = checkIdNumber("99999919900101018x");
    expect(check).toEqual(expect.objectContaining({ ok: true, id: "99999919900101018X" }));
  });

  it("accepts full-width digits and surrounding spaces", () => {
    expect(checkIdNumber(" ９９９９９９１９９００１０１００１６ ").ok).toBe(true);
  });

  it("rejects any single changed digit", () => {
    fc.assert(
      fc.property(
        fakeArb,
        fc.integer({ min: 0, max: 17 }),
        fc.integer({ min: 1, max: 9 }),
        (id, at, delta) => {
          const chars = id.split("");
          if (at === 17) chars[17] = "10X98765432"[("10X98765432".indexOf(chars[17]) + delta) % 11];
          else chars[at] = String((Number(chars[at]) + delta) % 10);
          const check = checkIdNumber(chars.join(""));
          return !check.ok && (check.reason === "checkDigit" || check.reason === "birthDate");
        }
      )
    );
  });

  it("rejects two swapped neighbouring digits of the body", () => {
    fc.assert(
      fc.property(fakeArb, fc.integer({ min: 0, max: 15 }), (id, at) => {
        fc.pre(id[at] !== id[at + 1]);
        const chars = id.split("");
        [chars[at], chars[at + 1]] = [chars[at + 1], chars[at]];
        return !checkIdNumber(chars.join("")).ok;
      })
    );
  });

  it.each([
    ["", "blank"],
    ["999999900101001", "legacy15"],
    ["99999919900101001", "length"],
    ["9999991990010100161", "length"],
    ["99999919900101A016", "format"],
    ["999999199002300010", "birthDate"], // 30 February
    ["999999189912310011", "birthDate"], // before 1900
    ["999999199001010017", "checkDigit"],
  ])("rejects %p as %s", (id, reason) => {
    const check = checkIdNumber(id);
    expect(check.ok).toBe(false);
    expect(check.ok ? undefined : check.reason).toBe(reason);
  });

  it("rejects a birth date after today when today is given", () => {
    const tomorrowBorn = fakeIdNumber({ birth: serialFromYmd(2022, 1, 21), sequence: 5 });
    expect(checkIdNumber(tomorrowBorn).ok).toBe(true);
    expect(checkIdNumber(tomorrowBorn, { today: serialFromYmd(2022, 1, 20) })).toEqual(
      expect.objectContaining({ ok: false, reason: "birthDate" })
    );
  });

  it("says in both languages what to check", () => {
    const check = checkIdNumber("999999199001010017");
    expect(check.ok ? undefined : check.message.zh).toContain("校验位");
    expect(check.ok ? undefined : check.message.en).toContain("check character");
  });
});

describe("masking a generated ID number", () => {
  it("keeps only the first 4 and last 4 characters", () => {
    expect(maskIdNumber("99999919900101018X")).toBe("9999**********018X");
  });
});
