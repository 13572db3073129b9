/** Charts of the in-memory Excel: added from a range, named, titled, placed and deleted. */
import { quoteSheet } from "../../workbook/a1";
import { invalidArgument, itemNotFound, propertyNotLoaded } from "./errors";
import {
  FakeObject,
  RangeProxy,
  Slot,
  checkLoadable,
  loadList,
  nullStates,
  rangePath,
  throwError,
  type Fake,
  type LoadArgument,
  type ProxyContext,
} from "./fake";
import { SheetModel, rectAddress, type ChartData } from "./model";

interface ChartTarget {
  sheet: SheetModel;
  chart: ChartData;
}

export class MemoryChartCollection
  extends FakeObject
  implements
    Fake<Excel.ChartCollection, "items" | "load" | "add" | "getItem" | "getItemOrNullObject">
{
  static readonly excelClass = "ChartCollection";

  private readonly loadedItems = new Slot<MemoryChart[]>("items");

  constructor(
    ctx: ProxyContext,
    path: string,
    private readonly locate: () => SheetModel | null
  ) {
    super(ctx, path);
  }

  get items(): MemoryChart[] {
    return this.loadedItems.get();
  }

  load(properties?: LoadArgument): this {
    const wanted = loadList(properties).map((p) => p.replace(/^items\//, ""));
    checkLoadable(wanted, ["name"], this.path);
    this.queue("load", wanted, () => {
      const sheet = this.locate();
      const charts = sheet ? [...sheet.charts] : [];
      return () =>
        this.loadedItems.set(
          charts.map((chart) => {
            const proxy = new MemoryChart(this.ctx, `${this.path}(${chart.name})`, () =>
              sheet && sheet.charts.includes(chart)
                ? { sheet, chart }
                : throwError(itemNotFound(chart.name))
            );
            proxy.deliver(chart.name);
            return proxy;
          })
        );
    });
    return this;
  }

  add(
    type: Excel.ChartType | string,
    sourceData: Excel.Range,
    seriesBy?: Excel.ChartSeriesBy | "Auto" | "Columns" | "Rows"
  ): MemoryChart {
    if (!(sourceData instanceof RangeProxy))
      throw invalidArgument(`${this.path}.add`, "sourceData is not a range.");
    const created: { target?: ChartTarget } = {};
    this.queue("add", [type, sourceData.path, seriesBy ?? "Auto"], () => {
      const sheet = this.locate();
      if (!sheet) return;
      const source = sourceData.locate();
      if (!source) throw invalidArgument(`${this.path}.add`, "sourceData is a null object.");
      this.ctx.journal.meta(sheet);
      const address = rectAddress(source.rect);
      const chart: ChartData = {
        name: `Chart ${sheet.charts.length + 1}`,
        type: String(type),
        source: source.sheet === sheet ? address : `${quoteSheet(source.sheet.name)}!${address}`,
        seriesBy: String(seriesBy ?? "Auto"),
        title: "",
        position: null,
      };
      sheet.charts.push(chart);
      created.target = { sheet, chart };
    });
    return new MemoryChart(this.ctx, `${this.path}.add`, () => created.target ?? null);
  }

  getItem(name: string): MemoryChart {
    return new MemoryChart(this.ctx, `${this.path}(${name})`, () => {
      const found = this.find(name);
      if (!found) throw itemNotFound(`${this.path}.getItem(${name})`);
      return found;
    });
  }

  getItemOrNullObject(name: string): MemoryChart {
    const proxy = new MemoryChart(this.ctx, `${this.path}(${name})`, () => this.find(name));
    this.ctx.enqueueNullCheck(proxy, proxy.path, () => this.find(name) === null);
    return proxy;
  }

  private find(name: string): ChartTarget | null {
    const sheet = this.locate();
    const chart = sheet?.charts.find((c) => c.name.toLowerCase() === name.toLowerCase());
    return sheet && chart ? { sheet, chart } : null;
  }
}

class MemoryChart
  extends FakeObject
  implements Fake<Excel.Chart, "name" | "title" | "setPosition" | "delete" | "isNullObject">
{
  static readonly excelClass = "Chart";

  private readonly loadedName = new Slot<string>("name");

  constructor(
    ctx: ProxyContext,
    path: string,
    private readonly locate: () => ChartTarget | null
  ) {
    super(ctx, path);
  }

  get name(): string {
    return this.loadedName.get();
  }

  set name(name: string) {
    this.change("name", name, (chart) => {
      chart.name = name;
    });
  }

  get title(): MemoryChartTitle {
    return new MemoryChartTitle(this.ctx, `${this.path}.title`, this.locate);
  }

  /** Sets what a collection load delivered (internal to the memory Excel). */
  deliver(name: string): void {
    nullStates.set(this, false);
    this.loadedName.set(name);
  }

  setPosition(startCell: Excel.Range | string, endCell?: Excel.Range | string): void {
    const start = typeof startCell === "string" ? startCell : rangePath(startCell);
    const end =
      endCell === undefined
        ? undefined
        : typeof endCell === "string"
          ? endCell
          : rangePath(endCell);
    this.change("setPosition", [start, end ?? null], (chart) => {
      chart.position = end === undefined ? { start } : { start, end };
    });
  }

  delete(): void {
    this.queue("delete", null, () => {
      const target = this.locate();
      if (!target) return;
      this.ctx.journal.meta(target.sheet);
      target.sheet.charts = target.sheet.charts.filter((c) => c !== target.chart);
    });
  }

  private change(member: string, args: unknown, edit: (chart: ChartData) => void): void {
    this.queue(member, args, () => {
      const target = this.locate();
      if (!target) return;
      this.ctx.journal.meta(target.sheet);
      edit(target.chart);
    });
  }
}

class MemoryChartTitle extends FakeObject implements Fake<Excel.ChartTitle, "text"> {
  static readonly excelClass = "ChartTitle";

  constructor(
    ctx: ProxyContext,
    path: string,
    private readonly locate: () => ChartTarget | null
  ) {
    super(ctx, path);
  }

  get text(): string {
    throw propertyNotLoaded("text");
  }

  set text(title: string) {
    this.queue("text", title, () => {
      const target = this.locate();
      if (!target) return;
      this.ctx.journal.meta(target.sheet);
      target.chart.title = title;
    });
  }
}
