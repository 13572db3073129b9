/** Conditional formats of the in-memory Excel: text and cell-value rules with a fill and a font colour. */
import { invalidArgument, propertyNotLoaded } from "./errors";
import { FakeObject, guard, type Fake, type RangeTarget, type ProxyContext } from "./fake";
import {
  SheetModel,
  intersects,
  parseAddress,
  rectAddress,
  type ConditionalFormatData,
} from "./model";

interface RuleTarget {
  sheet: SheetModel;
  data: ConditionalFormatData;
}

export class MemoryConditionalFormatCollection
  extends FakeObject
  implements Fake<Excel.ConditionalFormatCollection, "add" | "clearAll">
{
  static readonly excelClass = "ConditionalFormatCollection";

  constructor(
    ctx: ProxyContext,
    path: string,
    private readonly locate: () => RangeTarget | null
  ) {
    super(ctx, path);
  }

  add(
    type:
      | Excel.ConditionalFormatType
      | "Custom"
      | "DataBar"
      | "ColorScale"
      | "IconSet"
      | "TopBottom"
      | "PresetCriteria"
      | "ContainsText"
      | "CellValue"
  ): MemoryConditionalFormat {
    const created: { target?: RuleTarget } = {};
    this.queue("add", type, () => {
      const target = this.locate();
      if (!target) return;
      guard(target, "format", `${this.path}.add`);
      const range = rectAddress(target.rect);
      const data: ConditionalFormatData =
        type === "ContainsText"
          ? { type: "containsText", range, operator: "Contains", text: "" }
          : type === "CellValue"
            ? { type: "cellValue", range, operator: "Between", formula1: "" }
            : { type: "other", range, kind: String(type) };
      this.ctx.journal.meta(target.sheet);
      target.sheet.conditionalFormats.push(data);
      created.target = { sheet: target.sheet, data };
    });
    return new MemoryConditionalFormat(
      this.ctx,
      `${this.path}.add(${type})`,
      () => created.target ?? null
    );
  }

  clearAll(): void {
    this.queue("clearAll", null, () => {
      const target = this.locate();
      if (!target) return;
      guard(target, "format", `${this.path}.clearAll`);
      const { sheet, rect } = target;
      this.ctx.journal.meta(sheet);
      sheet.conditionalFormats = sheet.conditionalFormats.filter((c) => {
        const area = parseAddress(c.range);
        return !area || !intersects(area, rect);
      });
    });
  }
}

class MemoryConditionalFormat
  extends FakeObject
  implements Fake<Excel.ConditionalFormat, "textComparison" | "cellValue">
{
  static readonly excelClass = "ConditionalFormat";

  constructor(
    ctx: ProxyContext,
    path: string,
    private readonly locate: () => RuleTarget | null
  ) {
    super(ctx, path);
  }

  get textComparison(): MemoryTextConditionalFormat {
    return new MemoryTextConditionalFormat(
      this.ctx,
      `${this.path}.textComparison`,
      this.ofType("containsText")
    );
  }

  get cellValue(): MemoryCellValueConditionalFormat {
    return new MemoryCellValueConditionalFormat(
      this.ctx,
      `${this.path}.cellValue`,
      this.ofType("cellValue")
    );
  }

  /** The rule, checked to be of the type the property asks for (Excel errors otherwise). */
  private ofType(type: ConditionalFormatData["type"]): () => RuleTarget | null {
    return () => {
      const target = this.locate();
      if (target && target.data.type !== type)
        throw invalidArgument(this.path, `The conditional format is not of type ${type}.`);
      return target;
    };
  }
}

class MemoryTextConditionalFormat
  extends FakeObject
  implements Fake<Excel.TextConditionalFormat, "format" | "rule">
{
  static readonly excelClass = "TextConditionalFormat";

  constructor(
    ctx: ProxyContext,
    path: string,
    private readonly locate: () => RuleTarget | null
  ) {
    super(ctx, path);
  }

  get format(): MemoryConditionalRangeFormat {
    return new MemoryConditionalRangeFormat(this.ctx, `${this.path}.format`, this.locate);
  }

  get rule(): Excel.ConditionalTextComparisonRule {
    throw propertyNotLoaded("rule");
  }

  set rule(rule: Excel.ConditionalTextComparisonRule) {
    this.queue("rule", rule, () => {
      const target = this.locate();
      if (!target || target.data.type !== "containsText") return;
      this.ctx.journal.meta(target.sheet);
      target.data.operator = String(rule.operator);
      target.data.text = rule.text;
    });
  }
}

class MemoryCellValueConditionalFormat
  extends FakeObject
  implements Fake<Excel.CellValueConditionalFormat, "format" | "rule">
{
  static readonly excelClass = "CellValueConditionalFormat";

  constructor(
    ctx: ProxyContext,
    path: string,
    private readonly locate: () => RuleTarget | null
  ) {
    super(ctx, path);
  }

  get format(): MemoryConditionalRangeFormat {
    return new MemoryConditionalRangeFormat(this.ctx, `${this.path}.format`, this.locate);
  }

  get rule(): Excel.ConditionalCellValueRule {
    throw propertyNotLoaded("rule");
  }

  set rule(rule: Excel.ConditionalCellValueRule) {
    this.queue("rule", rule, () => {
      const target = this.locate();
      if (!target || target.data.type !== "cellValue") return;
      this.ctx.journal.meta(target.sheet);
      target.data.operator = String(rule.operator);
      target.data.formula1 = rule.formula1;
      if (rule.formula2 !== undefined) target.data.formula2 = rule.formula2;
    });
  }
}

class MemoryConditionalRangeFormat
  extends FakeObject
  implements Fake<Excel.ConditionalRangeFormat, "fill" | "font">
{
  static readonly excelClass = "ConditionalRangeFormat";

  constructor(
    ctx: ProxyContext,
    path: string,
    private readonly locate: () => RuleTarget | null
  ) {
    super(ctx, path);
  }

  get fill(): MemoryConditionalColor {
    return new MemoryConditionalColor(this.ctx, `${this.path}.fill`, this.locate, "fill");
  }

  get font(): MemoryConditionalColor {
    return new MemoryConditionalColor(this.ctx, `${this.path}.font`, this.locate, "fontColor");
  }
}

/** The fill or the font of a conditional format: only their colour is modelled. */
class MemoryConditionalColor
  extends FakeObject
  implements Fake<Excel.ConditionalRangeFill, "color">, Fake<Excel.ConditionalRangeFont, "color">
{
  static readonly excelClass = "ConditionalRangeFill";

  constructor(
    ctx: ProxyContext,
    path: string,
    private readonly locate: () => RuleTarget | null,
    private readonly field: "fill" | "fontColor"
  ) {
    super(ctx, path);
  }

  get color(): string {
    throw propertyNotLoaded("color");
  }

  set color(color: string) {
    this.queue("color", color, () => {
      const target = this.locate();
      if (!target) return;
      this.ctx.journal.meta(target.sheet);
      Object.assign(target.data, { [this.field]: color });
    });
  }
}
