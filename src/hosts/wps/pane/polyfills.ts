/**
 * What the task pane uses beyond Chromium 69, the engine it is built for
 * (see README, 在 WPS 中使用): added only where the browser lacks it, before
 * anything else runs. Syntax is lowered at build time (webpack.config.js);
 * these are the library functions a build cannot lower.
 */

const g = globalThis as unknown as Record<string, unknown>;

if (typeof Object.fromEntries !== "function") {
  Object.defineProperty(Object, "fromEntries", {
    configurable: true,
    writable: true,
    value: (entries: Iterable<readonly [PropertyKey, unknown]>) => {
      const out: Record<PropertyKey, unknown> = {};
      for (const [k, v] of entries) out[k] = v;
      return out;
    },
  });
}

if (typeof Array.prototype.flat !== "function") {
  Object.defineProperty(Array.prototype, "flat", {
    configurable: true,
    writable: true,
    value(this: unknown[], depth = 1): unknown[] {
      const out: unknown[] = [];
      for (const v of this)
        if (Array.isArray(v) && depth > 0) out.push(...(v.flat(depth - 1) as unknown[]));
        else out.push(v);
      return out;
    },
  });
}

if (typeof Array.prototype.flatMap !== "function") {
  Object.defineProperty(Array.prototype, "flatMap", {
    configurable: true,
    writable: true,
    value(this: unknown[], fn: (v: unknown, i: number, a: unknown[]) => unknown): unknown[] {
      return this.map(fn).flat(1);
    },
  });
}

if (typeof Array.prototype.at !== "function") {
  Object.defineProperty(Array.prototype, "at", {
    configurable: true,
    writable: true,
    value(this: unknown[], index: number): unknown {
      const i = Math.trunc(index) || 0;
      return this[i < 0 ? this.length + i : i];
    },
  });
}

if (typeof String.prototype.replaceAll !== "function") {
  Object.defineProperty(String.prototype, "replaceAll", {
    configurable: true,
    writable: true,
    value(this: string, search: string | RegExp, replacement: string): string {
      if (search instanceof RegExp) return this.replace(search, replacement);
      return this.split(search).join(replacement);
    },
  });
}

if (typeof Promise.allSettled !== "function") {
  Object.defineProperty(Promise, "allSettled", {
    configurable: true,
    writable: true,
    value: (promises: Iterable<unknown>) =>
      Promise.all(
        Array.from(promises, (p) =>
          Promise.resolve(p).then(
            (value) => ({ status: "fulfilled", value }),
            (reason: unknown) => ({ status: "rejected", reason })
          )
        )
      ),
  });
}

if (typeof g.structuredClone !== "function") {
  // The pane clones plain data only (cells, options): JSON keeps it whole, Infinity and dates excepted.
  g.structuredClone = (value: unknown) =>
    value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
}

const cryptoObject = g.crypto as
  { randomUUID?: () => string; getRandomValues?: (a: Uint8Array) => Uint8Array } | undefined;
if (cryptoObject && typeof cryptoObject.randomUUID !== "function" && cryptoObject.getRandomValues) {
  const getRandomValues = cryptoObject.getRandomValues.bind(cryptoObject);
  cryptoObject.randomUUID = () => {
    const b = getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
}

export {};
