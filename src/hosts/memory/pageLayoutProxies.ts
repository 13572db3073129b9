/** Page layout of the in-memory Excel: paper, orientation, zoom, margins, print area and titles, header and footer, manual page breaks. */
import { invalidArgument, propertyNotLoaded } from "./errors";
import { FakeObject, rangePath, type Fake, type ProxyContext } from "./fake";
import { SheetModel, type PageLayoutData } from "./model";

export class MemoryPageLayout
  extends FakeObject
  implements
    Fake<
      Excel.PageLayout,
      | "orientation"
      | "zoom"
      | "setPrintTitleRows"
      | "headersFooters"
      | "paperSize"
      | "topMargin"
      | "bottomMargin"
      | "leftMargin"
      | "rightMargin"
      | "headerMargin"
      | "footerMargin"
      | "setPrintArea"
    >
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

  get paperSize(): Excel.PageLayout["paperSize"] {
    throw propertyNotLoaded("paperSize");
  }

  set paperSize(size: Excel.PageLayout["paperSize"]) {
    this.change("paperSize", size, (page) => {
      page.paperSize = String(size);
    });
  }

  get topMargin(): number {
    throw propertyNotLoaded("topMargin");
  }

  set topMargin(points: number) {
    this.margin("top", points);
  }

  get bottomMargin(): number {
    throw propertyNotLoaded("bottomMargin");
  }

  set bottomMargin(points: number) {
    this.margin("bottom", points);
  }

  get leftMargin(): number {
    throw propertyNotLoaded("leftMargin");
  }

  set leftMargin(points: number) {
    this.margin("left", points);
  }

  get rightMargin(): number {
    throw propertyNotLoaded("rightMargin");
  }

  set rightMargin(points: number) {
    this.margin("right", points);
  }

  get headerMargin(): number {
    throw propertyNotLoaded("headerMargin");
  }

  set headerMargin(points: number) {
    this.margin("header", points);
  }

  get footerMargin(): number {
    throw propertyNotLoaded("footerMargin");
  }

  set footerMargin(points: number) {
    this.margin("footer", points);
  }

  setPrintArea(area: Excel.Range | Excel.RangeAreas | string): void {
    const address = typeof area === "string" ? area : rangePath(area as Excel.Range);
    this.change("setPrintArea", address, (page) => {
      page.printArea = address;
    });
  }

  private margin(edge: keyof PageLayoutData["margins"], points: number): void {
    this.change(`${edge}Margin`, points, (page) => {
      page.margins = { ...page.margins, [edge]: points };
    });
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

class MemoryHeaderFooter
  extends FakeObject
  implements
    Fake<Excel.HeaderFooter, "centerHeader" | "leftFooter" | "centerFooter" | "rightFooter">
{
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

  get leftFooter(): string {
    throw propertyNotLoaded("leftFooter");
  }

  set leftFooter(text: string) {
    this.footer("left", text);
  }

  get centerFooter(): string {
    throw propertyNotLoaded("centerFooter");
  }

  set centerFooter(text: string) {
    this.footer("center", text);
  }

  get rightFooter(): string {
    throw propertyNotLoaded("rightFooter");
  }

  set rightFooter(text: string) {
    this.footer("right", text);
  }

  private footer(part: "left" | "center" | "right", text: string): void {
    this.queue(`${part}Footer`, text, () => {
      const sheet = this.locate();
      if (!sheet) return;
      this.ctx.journal.meta(sheet);
      sheet.page.footer = { ...sheet.page.footer, [part]: text };
    });
  }
}

/** Manual page breaks above rows (Worksheet.horizontalPageBreaks, ExcelApi 1.9). */
export class MemoryPageBreakCollection
  extends FakeObject
  implements Fake<Excel.PageBreakCollection, "add" | "removePageBreaks">
{
  static readonly excelClass = "PageBreakCollection";

  constructor(
    ctx: ProxyContext,
    path: string,
    private readonly locate: () => SheetModel | null
  ) {
    super(ctx, path);
  }

  add(pageBreakRange: Excel.Range | string): Excel.PageBreak {
    const address = typeof pageBreakRange === "string" ? pageBreakRange : rangePath(pageBreakRange);
    const row = Number(/(\d+)/.exec(address.split("!").pop() ?? "")?.[1]);
    if (!Number.isInteger(row) || row < 1) throw invalidArgument(`${this.path}.add(${address})`);
    this.queue("add", address, () => {
      const sheet = this.locate();
      if (!sheet) return;
      this.ctx.journal.meta(sheet);
      if (!sheet.page.rowBreaks.includes(row)) sheet.page.rowBreaks.push(row);
    });
    // Nothing reads the PageBreak a leader sheet adds.
    return undefined as unknown as Excel.PageBreak;
  }

  removePageBreaks(): void {
    this.queue("removePageBreaks", null, () => {
      const sheet = this.locate();
      if (!sheet) return;
      this.ctx.journal.meta(sheet);
      sheet.page.rowBreaks = [];
    });
  }
}
