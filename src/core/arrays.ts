/**
 * Appends every item of `items` to `target` with a loop. `target.push(...items)`
 * passes each item as a call argument and overflows the stack past roughly
 * 100,000 items, which a million-row sheet full of issues reaches.
 *
 * @example
 * const a = [1]; pushAll(a, [2, 3]); a //=> [1, 2, 3]
 */
export function pushAll<T>(target: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) target.push(items[i]);
  return target;
}
