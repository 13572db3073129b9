/** Page layout of the in-memory Excel: orientation, zoom, print titles and the centre header. */
import { propertyNotLoaded } from "./errors";
import { FakeObject, rangePath, type Fake, type ProxyContext } from "./fake";
import { SheetModel, type PageLayoutData } from "./model";

export class MemoryPageLayout
  extends FakeObject
  implements Fake<Excel.PageLayout, "orientation" | "zoom" | "setPrintTitleRows" | "headersFooters">
{
  static readonly excelClass = "PageLayout";

  constructor(
    ctx: ProxyContext,
    path: string,
    private readonly locate: () => SheetModel | null
  ) {
    super(ctx, path);
  }

  get orientation(): Excel.PageLayout["orientation"] {
    throw propertyNotLoaded("orientation");
  }

  set orientation(orientation: Excel.PageLayout["orientation"]) {
    this.change("orientation", orientation, (page) => {
      page.orientation = String(orientation);
    });
  }

  get zoom(): Excel.PageLayoutZoomOptions {
    throw propertyNotLoaded("zoom");
  }

  set zoom(zoom: Excel.PageLayoutZoomOptions) {
    this.change("zoom", zoom, (page) => {
      page.zoom = { ...zoom };
    });
  }

  get headersFooters(): MemoryHeaderFooterGroup {
    return new MemoryHeaderFooterGroup(this.ctx, `${this.path}.headersFooters`, this.locate);
  }

  setPrintTitleRows(rows: Excel.Range | string): void {
    const address = typeof rows === "string" ? rows : rangePath(rows);
    this.change("setPrintTitleRows", address, (page) => {
      page.printTitleRows = address;
    });
  }

  private change(member: string, args: unknown, edit: (page: PageLayoutData) => void): void {
    this.queue(member, args, () => {
      const sheet = this.locate();
      if (!sheet) return;
      this.ctx.journal.meta(sheet);
      edit(sheet.page);
    });
  }
}

class MemoryHeaderFooterGroup
  extends FakeObject
  implements Fake<Excel.HeaderFooterGroup, "defaultForAllPages">
{
  static readonly excelClass = "HeaderFooterGroup";

  constructor(
    ctx: ProxyContext,
    path: string,
    private readonly locate: () => SheetModel | null
  ) {
    super(ctx, path);
  }

  get defaultForAllPages(): MemoryHeaderFooter {
    return new MemoryHeaderFooter(this.ctx, `${this.path}.defaultForAllPages`, this.locate);
  }
}

class MemoryHeaderFooter extends FakeObject implements Fake<Excel.HeaderFooter, "centerHeader"> {
  static readonly excelClass = "HeaderFooter";

  constructor(
    ctx: ProxyContext,
    path: string,
    private readonly locate: () => SheetModel | null
  ) {
    super(ctx, path);
  }

  get centerHeader(): string {
    throw propertyNotLoaded("centerHeader");
  }

  set centerHeader(text: string) {
    this.queue("centerHeader", text, () => {
      const sheet = this.locate();
      if (!sheet) return;
      this.ctx.journal.meta(sheet);
      sheet.page.centerHeader = text;
    });
  }
}
