/**
 * The default branch of an exhaustive switch: a value of a new kind fails to
 * compile here until every switch handles it, and throws (a programmer bug)
 * if one ever arrives at run time.
 *
 * @example
 * switch (op.kind) { case "block": …; default: assertNever(op); }
 */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
