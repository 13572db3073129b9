/// <reference types="et-jsapi-declare" />
/**
 * The one place that touches ET (WPS Spreadsheets) members by name. WPS
 * builds differ: `ActiveWorkbook`, `UsedRange`, `Value2`… are properties in
 * one build and zero-argument methods in another, and the application is
 * `window.Application` in one and `wps.EtApplication()` in another. Every
 * read goes through `read`, every property write through `assign`, so a
 * build difference is handled here once and the host sees plain values.
 * Calls stay bound to their owner (`member.call(owner)`): ET's methods need it.
 */

/** The keys of T that are properties (not methods) in et-jsapi-declare. */
export type PropertyOf<T> = {
  [P in keyof T]-?: T[P] extends (...args: never[]) => unknown ? never : P;
}[keyof T];

/** The keys of T that et-jsapi-declare lets one assign (not `readonly`). */
export type WritableOf<T> = {
  [P in PropertyOf<T>]-?: IfEquals<{ [Q in P]: T[P] }, { -readonly [Q in P]: T[P] }, P, never>;
}[PropertyOf<T>];

type IfEquals<X, Y, A, B> =
  (<U>() => U extends X ? 1 : 2) extends <U>() => U extends Y ? 1 : 2 ? A : B;

/**
 * Reads a property of an ET object, whichever form this build gives it.
 *
 * @example
 * read(app, "ActiveWorkbook")  //=> the workbook, from `app.ActiveWorkbook` or `app.ActiveWorkbook()`
 */
export function read<T extends object, K extends PropertyOf<T>>(owner: T, key: K): T[K] {
  const member: unknown = owner[key];
  return (typeof member === "function" ? (member as () => unknown).call(owner) : member) as T[K];
}

/**
 * Sets a property of an ET object. Every build takes a property put as an
 * assignment, also where it reads the member as a method.
 */
export function assign<T extends object, K extends WritableOf<T>>(
  owner: T,
  key: K,
  value: T[K]
): void {
  owner[key] = value;
}

/** The Range members that take a 2-D array for a multi-cell range. */
export type GridMember = "Value2" | "Formula" | "NumberFormat";

/**
 * Writes a whole 2-D block in one call. et-jsapi-declare types `Formula` and
 * `NumberFormat` as strings (a one-cell range); ET, like Excel, takes a 2-D
 * array of the range's shape for a multi-cell range.
 */
export function assignGrid(
  range: Et.Range,
  key: GridMember,
  grid: readonly (readonly unknown[])[]
): void {
  (range as unknown as Record<GridMember, unknown>)[key] = grid;
}

/**
 * Whether this build has `owner[name]` as a method, for members some builds
 * lack (`DebugTools.UndoTransBegin`). Looks without calling.
 */
export function hasMethod<T extends object>(
  owner: T | null | undefined,
  name: keyof T & string
): boolean {
  return typeof owner === "object" && owner !== null && typeof owner[name] === "function";
}

/** Whether this build has the member at all, property or method. */
export function hasMember(owner: object, name: string): boolean {
  return name in owner;
}

/** Where WPS puts its globals: `Application` and `wps` on the task pane's window. */
export interface EtGlobals {
  Application?: unknown;
  wps?: unknown;
}

/**
 * Finds the ET application once, at start-up: `window.Application` where
 * this build defines it, else `wps.EtApplication` (a property in one build,
 * a method in another). Undefined outside WPS Spreadsheets.
 *
 * @example
 * detectEtApplication(window) //=> Application inside WPS 表格, undefined in a browser
 */
export function detectEtApplication(globals: EtGlobals): Et.Application | undefined {
  if (isEtApplication(globals.Application)) return globals.Application;
  const wpsRoot = globals.wps;
  if (typeof wpsRoot !== "object" || wpsRoot === null || !("EtApplication" in wpsRoot))
    return undefined;
  const app = read(wpsRoot as { EtApplication: unknown }, "EtApplication");
  return isEtApplication(app) ? app : undefined;
}

function isEtApplication(value: unknown): value is Et.Application {
  return typeof value === "object" && value !== null && "ActiveWorkbook" in value;
}
