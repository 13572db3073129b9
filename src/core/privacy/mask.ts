/**
 * Masking personal data for sheets meant for leaders, which are printed and
 * screenshotted into chat groups. The full values stay only in the input sheet.
 */

/**
 * Masks an ID number: the first 4 and last 4 characters stay.
 *
 * @example
 * maskIdNumber("320102199001011234") //=> "3201**********1234"
 * maskIdNumber("")                   //=> ""
 */
export function maskIdNumber(id: string): string {
  const s = id.trim();
  if (s.length <= 8) return "*".repeat(s.length);
  return `${s.slice(0, 4)}${"*".repeat(s.length - 8)}${s.slice(-4)}`;
}

/**
 * Masks a phone number: a mobile keeps its first 3 and last 4 digits; other
 * numbers keep their last 4.
 *
 * @example
 * maskPhone("13812345678")   //=> "138****5678"
 * maskPhone("0512-6688 1234") //=> "********1234"
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length <= 4) return "*".repeat(digits.length);
  return `${"*".repeat(digits.length - 4)}${digits.slice(-4)}`;
}

/**
 * Masks a name for a leader sheet: keeps the family name.
 *
 * @example
 * maskName("张三丰") //=> "张**"
 * maskName("𠮷野家") //=> "𠮷**"
 */
export function maskName(name: string): string {
  // By code point, so a family name outside the Basic Multilingual Plane (𠮷) stays whole.
  const chars = [...name.trim()];
  return chars.length <= 1 ? chars.join("") : `${chars[0]}${"*".repeat(chars.length - 1)}`;
}
