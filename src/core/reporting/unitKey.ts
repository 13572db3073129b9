/**
 * Returns the key under which a unit name is matched between the roster and
 * the report log: full-width letters and digits folded to half-width, white
 * space removed, case folded. `县交通运输局 ` and `县 交通运输局` are one unit.
 *
 * @example
 * unitKey(" 县 交通运输局 ") //=> "县交通运输局"
 * unitKey("城关镇（中心）")   //=> "城关镇(中心)"
 * unitKey("ＣＤＣ")          //=> "cdc"
 */
export function unitKey(name: string): string {
  return name
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, "")
    .toLowerCase();
}
