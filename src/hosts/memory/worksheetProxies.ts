/**
 * The worksheets of the in-memory Excel: the collection, a sheet, its freeze
 * panes and its protection.
 */
import { MemoryChartCollection } from "./chartProxies";
import {
  invalidArgument,
  invalidOperation,
  itemAlreadyExists,
  itemNotFound,
  propertyNotLoaded,
} from "./errors";
import {
  FakeObject,
  Slot,
  checkLoadable,
  loadList,
  nullStates,
  rangePath,
  throwError,
  type Fake,
  type LoadArgument,
  type RangeTarget,
  type ProxyContext,
} from "./fake";
import { BookModel, SheetModel, parseAddress, usedRect, type ProtectionData } from "./model";
import { MemoryPageBreakCollection, MemoryPageLayout } from "./pageLayoutProxies";
import { MemoryRange } from "./rangeProxies";

export class MemoryWorksheetCollection
  extends FakeObject
  implements
    Fake<Excel.WorksheetCollection, "items" | "load" | "getItem" | "getItemOrNullObject" | "add">
{
  static readonly excelClass = "WorksheetCollection";

  private readonly loadedItems = new Slot<MemoryWorksheet[]>("items");

  get items(): MemoryWorksheet[] {
    return this.loadedItems.get();
  }

  load(properties?: LoadArgument): this {
    const wanted = loadList(properties).map((p) => p.replace(/^items\//, ""));
    checkLoadable(wanted, ["name"], this.path);
    this.queue("load", wanted, () => {
      const sheets = [...this.ctx.model.sheets].map((s) => ({ sheet: s, name: s.name }));
      return () =>
        this.loadedItems.set(
          sheets.map(({ sheet, name }) => {
            const proxy = new MemoryWorksheet(this.ctx, `worksheet(${name})`, () =>
              this.ctx.model.sheets.includes(sheet) ? sheet : throwError(itemNotFound(name))
            );
            proxy.deliver(wanted.length === 0 || wanted.includes("name") ? name : undefined);
            return proxy;
          })
        );
    });
    return this;
  }

  getItem(key: string): MemoryWorksheet {
    return new MemoryWorksheet(
      this.ctx,
      `worksheet(${key})`,
      () => this.ctx.model.sheet(key) ?? throwError(itemNotFound(`worksheets.getItem(${key})`))
    );
  }

  getItemOrNullObject(key: string): MemoryWorksheet {
    const proxy = new MemoryWorksheet(
      this.ctx,
      `worksheet(${key})`,
      () => this.ctx.model.sheet(key) ?? null
    );
    this.ctx.enqueueNullCheck(proxy, proxy.path, () => this.ctx.model.sheet(key) === undefined);
    return proxy;
  }

  add(name?: string): MemoryWorksheet {
    const created: { sheet?: SheetModel } = {};
    this.queue("add", name ?? null, () => {
      const model = this.ctx.model;
      const sheetName = name ?? nextSheetName(model);
      if (!validSheetName(sheetName))
        throw invalidArgument("worksheets.add", `Bad sheet name: ${sheetName}`);
      if (model.sheet(sheetName)) throw itemAlreadyExists(`worksheets.add(${sheetName})`);
      this.ctx.journal.workbook();
      created.sheet = new SheetModel(sheetName);
      model.sheets.push(created.sheet);
    });
    return new MemoryWorksheet(this.ctx, `worksheet(${name ?? "new"})`, () => {
      const sheet = created.sheet;
      if (!sheet || !this.ctx.model.sheets.includes(sheet))
        throw itemNotFound(`worksheet(${name})`);
      return sheet;
    });
  }
}

class MemoryWorksheet
  extends FakeObject
  implements
    Fake<
      Excel.Worksheet,
      | "name"
      | "tabColor"
      | "isNullObject"
      | "load"
      | "getRange"
      | "getUsedRangeOrNullObject"
      | "charts"
      | "freezePanes"
      | "pageLayout"
      | "horizontalPageBreaks"
      | "protection"
      | "activate"
    >
{
  static readonly excelClass = "Worksheet";

  private readonly loadedName = new Slot<string>("name");

  constructor(
    ctx: ProxyContext,
    path: string,
    /** The sheet, null for a null object; throws ItemNotFound for a missing `getItem`. */
    readonly locate: () => SheetModel | null
  ) {
    super(ctx, path);
  }

  get name(): string {
    return this.loadedName.get();
  }

  get tabColor(): string {
    throw propertyNotLoaded("tabColor");
  }

  set tabColor(color: string) {
    this.queue("tabColor", color, () => {
      const sheet = this.locate();
      if (!sheet) return;
      this.ctx.journal.meta(sheet);
      sheet.tabColor = color;
    });
  }

  get charts(): MemoryChartCollection {
    return new MemoryChartCollection(this.ctx, `${this.path}.charts`, this.locate);
  }

  get freezePanes(): MemoryFreezePanes {
    return new MemoryFreezePanes(this.ctx, `${this.path}.freezePanes`, this.locate);
  }

  get pageLayout(): MemoryPageLayout {
    return new MemoryPageLayout(this.ctx, `${this.path}.pageLayout`, this.locate);
  }

  get horizontalPageBreaks(): MemoryPageBreakCollection {
    return new MemoryPageBreakCollection(
      this.ctx,
      `${this.path}.horizontalPageBreaks`,
      this.locate
    );
  }

  get protection(): MemoryWorksheetProtection {
    return new MemoryWorksheetProtection(this.ctx, `${this.path}.protection`, this.locate);
  }

  /** Sets what a collection load delivered (internal to the memory Excel). */
  deliver(name: string | undefined): void {
    nullStates.set(this, false);
    if (name !== undefined) this.loadedName.set(name);
  }

  load(properties?: LoadArgument): this {
    const wanted = loadList(properties);
    checkLoadable(wanted, ["name"], this.path);
    this.queue("load", wanted, () => {
      const sheet = this.locate();
      return () => {
        nullStates.set(this, sheet === null);
        if (sheet) this.loadedName.set(sheet.name);
      };
    });
    return this;
  }

  getRange(address?: string): MemoryRange {
    return new MemoryRange(this.ctx, `${this.path}!${address ?? ""}`, () => {
      const sheet = this.locate();
      if (!sheet) return null;
      const rect = parseAddress(address);
      if (!rect) throw invalidArgument(`getRange(${address})`, "Not an A1 address.");
      return { sheet, rect };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): MemoryRange {
    const used = (): RangeTarget | null => {
      const sheet = this.locate();
      const rect = sheet && usedRect(sheet, valuesOnly ?? false);
      return sheet && rect ? { sheet, rect } : null;
    };
    const proxy = new MemoryRange(this.ctx, `${this.path}.usedRange`, used);
    this.ctx.enqueueNullCheck(proxy, proxy.path, () => used() === null);
    return proxy;
  }

  activate(): void {
    this.queue("activate", null, () => {
      const sheet = this.locate();
      if (!sheet) return;
      this.ctx.journal.workbook();
      this.ctx.model.activeSheet = sheet;
    });
  }
}

class MemoryFreezePanes
  extends FakeObject
  implements
    Fake<Excel.WorksheetFreezePanes, "freezeRows" | "freezeColumns" | "freezeAt" | "unfreeze">
{
  static readonly excelClass = "WorksheetFreezePanes";

  constructor(
    ctx: ProxyContext,
    path: string,
    private readonly locate: () => SheetModel | null
  ) {
    super(ctx, path);
  }

  freezeRows(count?: number): void {
    this.freeze("freezeRows", count ?? 1, 0);
  }

  freezeColumns(count?: number): void {
    this.freeze("freezeColumns", 0, count ?? 1);
  }

  /** Freezes the rows above and the columns left of the bottom-right corner of the range, as Excel does. */
  freezeAt(frozenRange: Excel.Range | string): void {
    const address = typeof frozenRange === "string" ? frozenRange : rangePath(frozenRange);
    const rect = parseAddress(address);
    if (!rect) throw invalidArgument(`${this.path}.freezeAt(${address})`);
    this.freeze("freezeAt", rect.row + rect.rows, rect.column + rect.columns);
  }

  unfreeze(): void {
    this.freeze("unfreeze", 0, 0);
  }

  private freeze(member: string, rows: number, columns: number): void {
    this.queue(member, [rows, columns], () => {
      const sheet = this.locate();
      if (!sheet) return;
      this.ctx.journal.meta(sheet);
      sheet.frozen = { rows, columns };
    });
  }
}

/**
 * `Worksheet.protection`. `protect` fails on a sheet that is already
 * protected, and `unprotect` does nothing on one that is not, as in Excel.
 */
class MemoryWorksheetProtection
  extends FakeObject
  implements
    Fake<Excel.WorksheetProtection, "protected" | "options" | "load" | "protect" | "unprotect">
{
  static readonly excelClass = "WorksheetProtection";

  private readonly loaded = {
    protected: new Slot<boolean>("protected"),
    options: new Slot<Excel.WorksheetProtectionOptions>("options"),
  };

  constructor(
    ctx: ProxyContext,
    path: string,
    private readonly locate: () => SheetModel | null
  ) {
    super(ctx, path);
  }

  get protected(): boolean {
    return this.loaded.protected.get();
  }

  get options(): Excel.WorksheetProtectionOptions {
    return this.loaded.options.get();
  }

  load(properties?: LoadArgument): this {
    const wanted = loadList(properties);
    checkLoadable(wanted, ["protected", "options"], this.path);
    this.queue("load", wanted, () => {
      const sheet = this.locate();
      const state: ProtectionData | null = sheet && structuredClone(sheet.protection);
      return () => {
        if (!state) return;
        const all = wanted.length === 0;
        if (all || wanted.includes("protected")) this.loaded.protected.set(state.protected);
        if (all || wanted.includes("options")) this.loaded.options.set(state.options);
      };
    });
    return this;
  }

  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    this.queue("protect", [options ?? null, password === undefined ? null : "*"], () => {
      const sheet = this.locate();
      if (!sheet) return;
      if (sheet.protection.protected)
        throw invalidOperation(`${this.path}.protect`, "The worksheet is already protected.");
      this.ctx.journal.meta(sheet);
      sheet.protection = { protected: true, options: { ...options }, password };
    });
  }

  unprotect(password?: string): void {
    this.queue("unprotect", password === undefined ? null : "*", () => {
      const sheet = this.locate();
      if (!sheet || !sheet.protection.protected) return;
      const expected = sheet.protection.password;
      if (expected !== undefined && expected !== "" && expected !== password)
        throw invalidArgument(`${this.path}.unprotect`, "The password is incorrect.");
      this.ctx.journal.meta(sheet);
      sheet.protection = { protected: false, options: {} };
    });
  }
}

function validSheetName(name: string): boolean {
  return name.length >= 1 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !/^'|'$/.test(name);
}

function nextSheetName(model: BookModel): string {
  let n = model.sheets.length + 1;
  while (model.sheet(`Sheet${n}`)) n++;
  return `Sheet${n}`;
}
