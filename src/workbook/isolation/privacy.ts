/**
 * Keeps personal data of 返乡人员 out of what the clerk's colleagues see. The
 * name, ID number and phone columns are never echoed, but a row pasted one
 * column off puts an ID number into 乡镇 or a phone into 来源地风险等级, and
 * those values are echoed by issue messages (shown in the task pane) and by
 * township labels (shown on 隔离需求预测). Such runs of digits are masked
 * before they leave the reader.
 */
import type { Message } from "../../core/issue";
import { maskIdNumber, maskPhone } from "../../core/privacy/mask";

/** An 18-character ID number (17 digits and a digit or X) or a retired 15-digit one, standing alone. */
const ID_RUN = /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;
/** An 11-digit phone number (mobile or area code + number written together), standing alone. */
const PHONE_RUN = /(?<!\d)\d{11}(?!\d)/g;

/**
 * Masks every ID number and 11-digit phone number inside a text; other text
 * is returned unchanged. Full-width digits count as digits.
 *
 * @example
 * maskPersonalText("乡镇“999999199001010016”不在“隔离床位”表中") //=> "乡镇“9999**********0016”不在“隔离床位”表中"
 * maskPersonalText("“13812345678”不是有效值")                     //=> "“138****5678”不是有效值"
 * maskPersonalText("马场乡")                                       //=> "马场乡"
 */
export function maskPersonalText(text: string): string {
  if (!/[0-9\uFF10-\uFF19]{11}/.test(text)) return text;
  return text
    .replace(/[\uFF10-\uFF19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(ID_RUN, (id) => maskIdNumber(id))
    .replace(PHONE_RUN, (phone) => maskPhone(phone));
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
