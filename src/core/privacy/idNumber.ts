/**
 * Resident ID numbers (居民身份证号码) under GB 11643-1999: 6-digit region
 * code, 8-digit birth date, 3-digit sequence (odd for men), and a check
 * character computed with ISO 7064 MOD 11-2. The check catches almost every
 * single mistyped digit and swapped pair, which is what clerks get wrong.
 */
import { serialFromYmd, ymdFromSerial, type DateSerial } from "../dates";
import type { Message } from "../issue";

/** Why an ID number was rejected. */
export type IdProblem = "blank" | "legacy15" | "length" | "format" | "birthDate" | "checkDigit";

export type IdCheck =
  | {
      ok: true;
      /** The number as it should be stored: trimmed, a final `x` upper-cased. */
      id: string;
      /** The birth date embedded in the number. */
      birth: DateSerial;
    }
  | { ok: false; reason: IdProblem; message: Message };

export interface IdCheckOptions {
  /** When given, a birth date after this day is rejected. */
  today?: DateSerial;
}

/** ISO 7064 MOD 11-2 weights of the 17 body digits (2^(18−i) mod 11). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = "10X98765432";

/**
 * The region code of the generated sample numbers. Province code 99 is not
 * assigned in GB/T 2260 (nor used by the permanent-residence cards for
 * foreigners, whose second and third digits are a province code too), so no
 * person holds a number beginning 999999, and it reads as fake at a glance.
 */
export const FAKE_REGION_CODE = "999999";

/**
 * Returns the check character of the first 17 digits of an ID number, or
 * undefined when they are not 17 digits.
 *
 * @example
 * idCheckDigit("99999919900101001") //=> "6"
 * idCheckDigit("99999919900101018") //=> "X"
 * idCheckDigit("123")               //=> undefined
 */
export function idCheckDigit(body: string): string | undefined {
  if (!/^\d{17}$/.test(body)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/**
 * Checks an 18-character ID number: format, embedded birth date and check
 * character. Full-width digits and spaces are tolerated (clerks' input
 * methods produce them); a lower-case `x` is accepted as `X`.
 *
 * @example
 * checkIdNumber("99999919900101018x") //=> { ok: true, id: "99999919900101018X", birth: 32874 }
 * checkIdNumber("999999199001010017") //=> { ok: false, reason: "checkDigit", message: {...} }
 * checkIdNumber("999999900101001")    //=> { ok: false, reason: "legacy15", message: {...} }
 */
export function checkIdNumber(raw: string, options: IdCheckOptions = {}): IdCheck {
  const id = raw
    .replace(/[\s\u3000]/g, "")
    .replace(/[\uFF10-\uFF19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[xｘＸ]$/, "X");
  if (id === "") return fail("blank");
  if (/^\d{15}$/.test(id)) return fail("legacy15");
  if (id.length !== 18) return fail("length", id.length);
  if (!/^\d{17}[\dX]$/.test(id)) return fail("format");
  const birth = serialFromYmd(
    Number(id.slice(6, 10)),
    Number(id.slice(10, 12)),
    Number(id.slice(12, 14))
  );
  if (Number.isNaN(birth) || (options.today !== undefined && birth > options.today))
    return fail("birthDate", id.slice(6, 14));
  const expected = idCheckDigit(id.slice(0, 17)) as string;
  if (id[17] !== expected) return fail("checkDigit", expected);
  return { ok: true, id, birth };
}

export interface FakeIdOptions {
  /** Birth date (serial). */
  birth: DateSerial;
  /** Sequence number 0–999; odd for men, even for women, as in real numbers. */
  sequence: number;
  /** Region code (default {@link FAKE_REGION_CODE}); only for tests of other codes. */
  region?: string;
}

/**
 * Makes a checksum-valid ID number that belongs to nobody, for samples and
 * tests: region code 999999 (see {@link FAKE_REGION_CODE}), the given birth
 * date and sequence, and the right check character.
 *
 * @example
 * fakeIdNumber({ birth: 32874, sequence: 1 }) //=> "999999199001010016"
 */
export function fakeIdNumber(options: FakeIdOptions): string {
  const region = options.region ?? FAKE_REGION_CODE;
  if (!/^\d{6}$/.test(region)) throw new Error(`fakeIdNumber: region must be 6 digits: ${region}`);
  if (!Number.isInteger(options.sequence) || options.sequence < 0 || options.sequence > 999)
    throw new Error(`fakeIdNumber: sequence must be 0–999: ${options.sequence}`);
  const { year, month, day } = ymdFromSerial(options.birth);
  const body = `${region}${year}${pad(month, 2)}${pad(day, 2)}${pad(options.sequence, 3)}`;
  return `${body}${idCheckDigit(body) as string}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function fail(reason: IdProblem, detail?: string | number): IdCheck {
  return { ok: false, reason, message: problemMessage(reason, detail) };
}

function problemMessage(reason: IdProblem, detail?: string | number): Message {
  switch (reason) {
    case "blank":
      return { zh: "身份证号为空，请填写", en: "The ID number is blank; fill it in" };
    case "legacy15":
      return {
        zh: "这是15位旧身份证号，已停用，请填写18位身份证号",
        en: "This is a retired 15-digit ID number; enter the 18-digit number",
      };
    case "length":
      return {
        zh: `身份证号应为18位，现为${detail}位，请核对`,
        en: `An ID number has 18 characters, this one has ${detail}; check it`,
      };
    case "format":
      return {
        zh: "身份证号应为17位数字加1位数字或X，请核对",
        en: "An ID number is 17 digits followed by a digit or X; check it",
      };
    case "birthDate":
      return {
        zh: `身份证号中的出生日期“${detail}”不是有效日期，请核对`,
        en: `The birth date "${detail}" inside the ID number is not a valid date; check it`,
      };
    case "checkDigit":
      return {
        zh: `身份证号校验位不符（按前17位应为${detail}），可能有数字录错，请核对`,
        en: `The ID number's check character does not match (the first 17 digits give ${detail}); a digit is probably mistyped`,
      };
  }
}
