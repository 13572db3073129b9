/**
 * One duplicate rule for every table, chosen to be safe for leaders: rows
 * that repeat a key (the same township, the same unit and item, the same
 * date, township and group) count once when their figures agree; when they
 * disagree nobody can tell which is right, so the key is held out of every
 * total, ranking and notice as 待核实 until the clerk deletes the wrong row.
 */

/** unique: the key appears once; kept: the first of agreeing copies; copy: a later agreeing copy; disputed: copies disagree. */
export type DuplicateRole = "unique" | "kept" | "copy" | "disputed";

export interface DuplicateRoles {
  role: DuplicateRole[];
  /** For every record, the index of the first record with its key (itself when unique or first). */
  first: number[];
}

/**
 * Sorts records by the duplicate rule. Records whose key is null take no part.
 *
 * @example
 * duplicateRoles([{ k: "甲", n: 1 }, { k: "甲", n: 1 }, { k: "乙", n: 2 }, { k: "乙", n: 3 }], (r) => r.k, (r) => [r.n]).role
 * //=> ["kept", "copy", "disputed", "disputed"]
 */
export function duplicateRoles<T>(
  records: readonly T[],
  key: (record: T) => string | null,
  figures: (record: T) => readonly unknown[]
): DuplicateRoles {
  const role: DuplicateRole[] = records.map(() => "unique");
  const first = records.map((_, i) => i);
  const groups = new Map<string, number[]>();
  records.forEach((r, i) => {
    const k = key(r);
    if (k === null) return;
    const list = groups.get(k);
    if (list) list.push(i);
    else groups.set(k, [i]);
  });
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    const base = figures(records[list[0]]);
    const agree = list.every((i) => sameFigures(base, figures(records[i])));
    list.forEach((i, n) => {
      first[i] = list[0];
      role[i] = agree ? (n === 0 ? "kept" : "copy") : "disputed";
    });
  }
  return { role, first };
}

function sameFigures(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]) || v === b[i]);
}
