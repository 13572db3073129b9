/** A small piece both isolation commands use. */

/**
 * A list of names for a sentence, cut after `max` with 等.
 *
 * @example
 * listNames(["甲", "乙", "丙"], 2) //=> "甲、乙等3个"
 */
export function listNames(names: readonly string[], max = 8): string {
  return names.length <= max
    ? names.join("、")
    : `${names.slice(0, max).join("、")}等${names.length}个`;
}
