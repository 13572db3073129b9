/**
 * The request context and the workbook of the in-memory Excel: the root of
 * every proxy. Setting a property or calling a method queues a command; the
 * engine (MemoryWorkbook) carries the queue out at `sync()`.
 */
import { invalidRequestContext } from "./errors";
import { nullStates, type Action, type Engine, type Fake, type ProxyContext } from "./fake";
import type { BookModel, Journal } from "./model";
import { MemoryNamedItemCollection } from "./nameProxies";
import type { ExcelApiVersion } from "./requirementSets";
import { MemoryWorksheetCollection } from "./worksheetProxies";

const encoder = new TextEncoder();

export class MemoryContext
  implements Fake<Excel.RequestContext, "workbook" | "sync">, ProxyContext
{
  readonly workbook: MemoryWorkbookProxy;
  private queue: Action[] = [];
  private closed = false;

  constructor(
    readonly engine: Engine,
    readonly excelApi: ExcelApiVersion | undefined = undefined
  ) {
    this.workbook = new MemoryWorkbookProxy(this);
  }

  get model(): BookModel {
    return this.engine.model;
  }

  get journal(): Journal {
    return this.engine.journal();
  }

  enqueue(path: string, member: string, args: unknown, apply: Action["apply"]): void {
    if (this.closed) throw invalidRequestContext();
    const bytes = encoder.encode(JSON.stringify([path, member, args]) ?? "").length;
    this.queue.push({ bytes, apply });
  }

  /** Queues a check whose answer becomes the proxy's `isNullObject` after the sync. */
  enqueueNullCheck(proxy: object, path: string, isNull: () => boolean): void {
    this.enqueue(path, "isNullObject", null, () => {
      const answer = isNull();
      return () => nullStates.set(proxy, answer);
    });
  }

  async sync<T>(passThroughValue?: T): Promise<T | undefined> {
    const actions = this.queue;
    this.queue = [];
    this.engine.process(actions);
    return passThroughValue;
  }

  hasQueued(): boolean {
    return this.queue.length > 0;
  }

  close(): void {
    this.closed = true;
  }
}

class MemoryWorkbookProxy implements Fake<Excel.Workbook, "worksheets" | "names"> {
  readonly worksheets: MemoryWorksheetCollection;
  readonly names: MemoryNamedItemCollection;

  constructor(ctx: ProxyContext) {
    this.worksheets = new MemoryWorksheetCollection(ctx, "worksheets");
    this.names = new MemoryNamedItemCollection(ctx, "names");
  }
}
