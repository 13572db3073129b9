/** Defined names of the in-memory Excel. */
import { quoteSheet } from "../../workbook/a1";
import { invalidArgument, itemAlreadyExists, itemNotFound } from "./errors";
import {
  FakeObject,
  RangeProxy,
  Slot,
  checkLoadable,
  loadList,
  nullStates,
  rangePath,
  type Fake,
  type LoadArgument,
  type ProxyContext,
} from "./fake";
import { absoluteAddress } from "./model";

export class MemoryNamedItemCollection
  extends FakeObject
  implements
    Fake<Excel.NamedItemCollection, "items" | "load" | "add" | "getItem" | "getItemOrNullObject">
{
  static readonly excelClass = "NamedItemCollection";

  private readonly loadedItems = new Slot<MemoryNamedItem[]>("items");

  get items(): MemoryNamedItem[] {
    return this.loadedItems.get();
  }

  load(properties?: LoadArgument): this {
    const wanted = loadList(properties).map((p) => p.replace(/^items\//, ""));
    checkLoadable(wanted, ["name", "formula", "comment"], this.path);
    this.queue("load", wanted, () => {
      const names = [...this.ctx.model.names.values()].map((n) => ({ ...n }));
      return () =>
        this.loadedItems.set(
          names.map((n) => {
            const proxy = new MemoryNamedItem(this.ctx, `name(${n.name})`, () =>
              this.find(n.name, true)
            );
            proxy.deliver(n, wanted);
            return proxy;
          })
        );
    });
    return this;
  }

  add(name: string, reference: Excel.Range | string, comment?: string): MemoryNamedItem {
    const range = typeof reference === "string" ? undefined : reference;
    if (range !== undefined && !(range instanceof RangeProxy))
      throw invalidArgument(`${this.path}.add(${name})`, "reference is not a range.");
    this.queue(
      "add",
      [name, typeof reference === "string" ? reference : rangePath(reference), comment ?? null],
      () => {
        const model = this.ctx.model;
        if (!validName(name)) throw invalidArgument(`${this.path}.add(${name})`, "Bad name.");
        if (model.names.has(name.toLowerCase()))
          throw itemAlreadyExists(`${this.path}.add(${name})`);
        let formula: string;
        if (typeof reference === "string")
          formula = reference.startsWith("=") ? reference : `=${reference}`;
        else {
          const target = range instanceof RangeProxy ? range.locate() : null;
          if (!target)
            throw invalidArgument(`${this.path}.add(${name})`, "reference is a null object.");
          formula = `=${quoteSheet(target.sheet.name)}!${absoluteAddress(target.rect)}`;
        }
        this.ctx.journal.workbook();
        model.names.set(name.toLowerCase(), { name, formula, comment: comment ?? "" });
      }
    );
    return new MemoryNamedItem(this.ctx, `name(${name})`, () => this.find(name, true));
  }

  getItem(name: string): MemoryNamedItem {
    return new MemoryNamedItem(this.ctx, `name(${name})`, () => this.find(name, true));
  }

  getItemOrNullObject(name: string): MemoryNamedItem {
    const proxy = new MemoryNamedItem(this.ctx, `name(${name})`, () => this.find(name, false));
    this.ctx.enqueueNullCheck(proxy, proxy.path, () => this.find(name, false) === null);
    return proxy;
  }

  private find(
    name: string,
    required: boolean
  ): { name: string; formula: string; comment: string } | null {
    const found = this.ctx.model.names.get(name.toLowerCase());
    if (!found && required) throw itemNotFound(`names.getItem(${name})`);
    return found ?? null;
  }
}

class MemoryNamedItem
  extends FakeObject
  implements Fake<Excel.NamedItem, "name" | "formula" | "comment" | "delete" | "isNullObject">
{
  static readonly excelClass = "NamedItem";

  private readonly loaded = {
    name: new Slot<string>("name"),
    formula: new Slot<string>("formula"),
    comment: new Slot<string>("comment"),
  };

  constructor(
    ctx: ProxyContext,
    path: string,
    private readonly locate: () => { name: string; formula: string; comment: string } | null
  ) {
    super(ctx, path);
  }

  get name(): string {
    return this.loaded.name.get();
  }

  get formula(): string {
    return this.loaded.formula.get();
  }

  set formula(formula: string) {
    this.change("formula", formula, (item) => {
      item.formula = String(formula);
    });
  }

  get comment(): string {
    return this.loaded.comment.get();
  }

  set comment(comment: string) {
    this.change("comment", comment, (item) => {
      item.comment = comment;
    });
  }

  /** Sets what a collection load delivered (internal to the memory Excel). */
  deliver(
    item: { name: string; formula: string; comment: string },
    wanted: readonly string[]
  ): void {
    nullStates.set(this, false);
    const all = wanted.length === 0;
    if (all || wanted.includes("name")) this.loaded.name.set(item.name);
    if (all || wanted.includes("formula")) this.loaded.formula.set(item.formula);
    if (all || wanted.includes("comment")) this.loaded.comment.set(item.comment);
  }

  delete(): void {
    this.queue("delete", null, () => {
      const item = this.locate();
      if (!item) return;
      this.ctx.journal.workbook();
      this.ctx.model.names.delete(item.name.toLowerCase());
    });
  }

  private change(
    member: string,
    args: unknown,
    edit: (item: { name: string; formula: string; comment: string }) => void
  ): void {
    this.queue(member, args, () => {
      const item = this.locate();
      if (!item) return;
      this.ctx.journal.workbook();
      // The names map is restored from a copy on rollback, so edit a fresh entry.
      const next = { ...item };
      edit(next);
      this.ctx.model.names.set(item.name.toLowerCase(), next);
    });
  }
}

/** Excel names start with a letter, "_" or "\", hold no spaces, and must not look like a cell reference. */
function validName(name: string): boolean {
  return (
    /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^[RrCc]$/.test(name) &&
    name.length <= 255
  );
}
