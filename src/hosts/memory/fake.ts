/**
 * What every proxy of the in-memory Excel shares: the `Fake` type that keeps
 * Excel's member names, the queued command, the context a proxy queues on,
 * loaded slots, null objects and the `load` argument. The proxies themselves
 * live by Office object family: workbookProxies (context, workbook),
 * worksheetProxies, rangeProxies, conditionalFormatProxies,
 * dataValidationProxies, chartProxies, pageLayoutProxies, nameProxies.
 */
import { apiNotFound, invalidArgument, propertyNotLoaded, protectedSheet } from "./errors";
import {
  editBlocked,
  type BookModel,
  type EditKind,
  type Journal,
  type Rect,
  type SheetModel,
} from "./model";
import { MEMBER_SETS, offers, type ExcelApiVersion } from "./requirementSets";

/**
 * The members K of an Office.js class as a fake provides them: the same
 * names, property types and parameters, so a misspelled or non-existent
 * member fails to compile. Where Excel returns a proxy, the fake returns its
 * own proxy (a fake cannot be a whole Excel.Range), so those types are loosened.
 */
export type Fake<T, K extends keyof T> = {
  [P in K]: T[P] extends (...args: infer A) => infer R
    ? (...args: A) => FakeValue<R>
    : FakeValue<T[P]>;
};
type FakeValue<V> = V extends OfficeExtension.ClientObject
  ? object
  : V extends readonly OfficeExtension.ClientObject[]
    ? readonly object[]
    : V;

/** A queued command: `apply` changes the model during the sync and may return what to deliver to proxies after it. */
export interface Action {
  bytes: number;
  apply(): (() => void) | void;
}

export interface Engine {
  model: BookModel;
  journal(): Journal;
  process(actions: readonly Action[]): void;
}

export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

/** `isNullObject` of each proxy, once a sync has told it. */
export const nullStates = new WeakMap<object, boolean>();

/** What a proxy queues its commands on (the request context). */
export interface ProxyContext {
  readonly model: BookModel;
  readonly journal: Journal;
  /** The ExcelApi set this Excel offers, or undefined for every member the memory Excel has. */
  readonly excelApi: ExcelApiVersion | undefined;
  enqueue(path: string, member: string, args: unknown, apply: Action["apply"]): void;
  enqueueNullCheck(proxy: object, path: string, isNull: () => boolean): void;
}

/** What every proxy shares: its context, a path (for request sizes and error locations) and `isNullObject`. */
export abstract class FakeObject {
  constructor(
    protected readonly ctx: ProxyContext,
    readonly path: string
  ) {
    // Below the newest set, members of newer sets fail at the sync as in an older Excel.
    if (ctx.excelApi !== undefined) return limitToRequirementSet(this, ctx);
  }

  get isNullObject(): boolean {
    const state = nullStates.get(this);
    if (state === undefined) throw propertyNotLoaded("isNullObject");
    return state;
  }

  protected queue(member: string, args: unknown, apply: Action["apply"]): void {
    this.ctx.enqueue(this.path, member, args, apply);
  }
}

/** A loaded property: readable only after a sync delivered it. */
export class Slot<T> {
  private box?: { value: T };

  constructor(private readonly name: string) {}

  set(value: T): void {
    this.box = { value };
  }

  get(): T {
    if (!this.box) throw propertyNotLoaded(this.name);
    return this.box.value;
  }
}

/** A range proxy, whatever its file: what other proxies take as a Range argument. */
export abstract class RangeProxy extends FakeObject {
  /** The cells, null for a null object; throws for a missing sheet or a bad address. */
  abstract readonly locate: () => RangeTarget | null;
}

export type LoadArgument = string | string[] | OfficeExtension.LoadOption | Record<string, unknown>;

/** The property names a `load` argument asks for: "a, b", ["a", "b"], { select: "a,b" } or { a: true }. */
export function loadList(argument: LoadArgument | undefined): string[] {
  if (argument === undefined) return [];
  if (typeof argument === "string")
    return argument
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
  if (Array.isArray(argument)) return argument.flatMap((a) => loadList(a));
  if ("select" in argument && typeof argument.select === "string") return loadList(argument.select);
  return Object.entries(argument)
    .filter(([, v]) => v === true)
    .map(([k]) => k);
}

export function checkLoadable(
  wanted: readonly string[],
  known: readonly string[],
  path: string
): void {
  const unknown = wanted.filter((p) => !known.includes(p));
  if (unknown.length > 0)
    throw invalidArgument(`${path}.load`, `The memory Excel cannot load: ${unknown.join(", ")}.`);
}

export function throwError(error: Error): never {
  throw error;
}

/** Throws Excel's AccessDenied when the sheet's protection forbids the change. */
export function guard(target: RangeTarget, kind: EditKind, location: string): void {
  if (editBlocked(target.sheet, target.rect, kind)) throw protectedSheet(location);
}

/** The address part of a range proxy's path, for arguments that take a range or an address. */
export function rangePath(range: Excel.Range): string {
  if (!(range instanceof RangeProxy))
    throw invalidArgument("range", "Not a range of this workbook.");
  return range.path.slice(range.path.lastIndexOf("!") + 1);
}

/**
 * The proxy as an Excel that offers only the set `ctx.excelApi`: reading,
 * setting or calling a member of a newer set queues a command that fails the
 * next sync with ApiNotFound, as an older Excel answers a request for a
 * member it lacks (Office.js itself knows every member).
 * https://learn.microsoft.com/office/dev/add-ins/testing/troubleshoot-development-errors
 */
function limitToRequirementSet<T extends FakeObject>(proxy: T, ctx: ProxyContext): T {
  const excelClass = (proxy.constructor as { excelClass?: string }).excelClass;
  if (excelClass === undefined)
    throw new Error(`${proxy.constructor.name} does not say which Excel class it fakes`);
  const sets: Readonly<Record<string, ExcelApiVersion>> = MEMBER_SETS[excelClass] ?? {};
  const refuse = (key: string | symbol) => {
    const needed = typeof key === "string" ? sets[key] : undefined;
    if (needed === undefined || ctx.excelApi === undefined || offers(ctx.excelApi, needed)) return;
    const location = `${proxy.path}.${String(key)}`;
    ctx.enqueue(proxy.path, String(key), null, () => {
      throw apiNotFound(location, excelClass, needed);
    });
  };
  return new Proxy(proxy, {
    get(target, key, receiver) {
      refuse(key);
      return Reflect.get(target, key, receiver) as unknown;
    },
    set(target, key, value, receiver) {
      refuse(key);
      return Reflect.set(target, key, value, receiver);
    },
  });
}
