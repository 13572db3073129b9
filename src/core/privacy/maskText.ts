/**
 * Keeps personal numbers out of everything the add-in says: issue messages,
 * summaries, `--json` data and status text. A clerk's cell can hold a mobile
 * or an ID number anywhere (a row pasted one column off, `张三13812345678` in
 * 联系人, a footer's 联系电话), and messages quote cells; so every text that
 * leaves a command is masked as the leader sheets mask them.
 */
import type { Message } from "../issue";
import { maskIdNumber, maskPhone } from "./mask";

// Digits after a decimal point (6.752295620355001e-294) are a fraction, not a number to mask.
/** An 18-character ID number (17 digits and a digit or X) or a retired 15-digit one, not inside a longer run of digits. */
const ID_RUN = /(?<![\d.．])(?:\d{17}[\dXx]|\d{15})(?![\dXx])/g;
/** An 11-digit number (a mobile, or an area code and number written together), not inside a longer run of digits. */
const PHONE_RUN = /(?<![\d.．])\d{11}(?!\d)/g;
/** A mobile written in groups: 138-1234-5678, 138 1234 5678. */
const GROUPED_MOBILE = /(?<!\d)1[3-9]\d[-\s\u00A0]\d{4}[-\s\u00A0]\d{4}(?!\d)/g;

/**
 * Masks every ID number and 11-digit phone number inside a text; other text
 * is returned unchanged. Full-width digits count as digits.
 *
 * @example
 * maskPersonalText("乡镇“999999199001010016”不在“隔离床位”表中") //=> "乡镇“9999**********0016”不在“隔离床位”表中"
 * maskPersonalText("“张三13812345678”不在名单中")                 //=> "“张三138****5678”不在名单中"
 * maskPersonalText("联系电话：138-1234-5678")                      //=> "联系电话：138****5678"
 * maskPersonalText("马场乡")                                       //=> "马场乡"
 */
export function maskPersonalText(text: string): string {
  if (!/[0-9\uFF10-\uFF19]{3}/.test(text)) return text;
  return text
    .replace(/[\uFF10-\uFF19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(ID_RUN, (id) => maskIdNumber(id))
    .replace(PHONE_RUN, (phone) => maskPhone(phone))
    .replace(GROUPED_MOBILE, (phone) => maskPhone(phone));
}

/**
 * A message with {@link maskPersonalText} applied to both languages; the same
 * object when nothing needed masking.
 *
 * @example
 * maskPersonalMessage({ zh: "“13812345678”", en: "\"13812345678\"" }) //=> { zh: "“138****5678”", en: "\"138****5678\"" }
 */
export function maskPersonalMessage(message: Message): Message {
  const zh = maskPersonalText(message.zh);
  const en = maskPersonalText(message.en);
  return zh === message.zh && en === message.en ? message : { zh, en };
}

/**
 * Every string inside plain objects and arrays masked with
 * {@link maskPersonalText}; typed arrays, numbers and other values are left
 * as they are. Returns the same object where nothing needed masking, so a
 * large result costs one walk and no copy.
 *
 * @example
 * maskPersonalData({ issues: [{ message: { zh: "“13812345678”", en: "" } }], rows: 3 })
 * //=> { issues: [{ message: { zh: "“138****5678”", en: "" } }], rows: 3 }
 */
export function maskPersonalData<T>(value: T): T {
  return walk(value, new Map()) as T;
}

/** `done` maps each object visited to its masked form, so an object listed twice is masked in both places. */
function walk(value: unknown, done: Map<object, unknown>): unknown {
  if (typeof value === "string") return maskPersonalText(value);
  if (value === null || typeof value !== "object" || ArrayBuffer.isView(value)) return value;
  if (done.has(value)) return done.get(value);
  done.set(value, value);
  let out: unknown = value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((v, i) => {
      const m = walk(v, done);
      if (m !== v) (copy ??= [...value])[i] = m;
    });
    out = copy ?? value;
  } else if (value instanceof Map) {
    let changed = false;
    const copy = new Map<unknown, unknown>();
    for (const [k, v] of value) {
      const m = walk(v, done);
      changed ||= m !== v;
      copy.set(k, m);
    }
    out = changed ? copy : value;
  } else {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto === Object.prototype || proto === null) {
      let copy: Record<string, unknown> | undefined;
      for (const [k, v] of Object.entries(value)) {
        const m = walk(v, done);
        if (m !== v) (copy ??= { ...(value as Record<string, unknown>) })[k] = m;
      }
      out = copy ?? value;
    }
  }
  done.set(value, out);
  return out;
}
