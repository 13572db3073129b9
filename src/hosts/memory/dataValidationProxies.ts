/** Data validation of the in-memory Excel. */
import { invalidArgument, propertyNotLoaded } from "./errors";
import {
  FakeObject,
  RangeProxy,
  guard,
  type Fake,
  type RangeTarget,
  type ProxyContext,
} from "./fake";
import {
  Journal,
  SheetModel,
  intersects,
  subtractRect,
  type Rect,
  type ValidationData,
} from "./model";

/**
 * `Range.dataValidation`. Setting `rule` replaces the validation of the
 * range's cells; `errorAlert` and `ignoreBlanks` then apply to the rules lying
 * within the range. Reading is not modelled (no load).
 */
export class MemoryDataValidation
  extends FakeObject
  implements Fake<Excel.DataValidation, "rule" | "errorAlert" | "ignoreBlanks" | "clear">
{
  static readonly excelClass = "DataValidation";

  constructor(
    ctx: ProxyContext,
    path: string,
    private readonly locate: () => RangeTarget | null
  ) {
    super(ctx, path);
  }

  get rule(): Excel.DataValidationRule {
    throw propertyNotLoaded("rule");
  }

  set rule(rule: Excel.DataValidationRule) {
    const stored = storedRule(rule, `${this.path}.rule`);
    this.queue("rule", stored, () => {
      const target = this.locate();
      if (!target) return;
      guard(target, "structure", `${this.path}.rule`);
      removeValidation(this.ctx.journal, target.sheet, target.rect);
      target.sheet.validations.push({ rect: { ...target.rect }, rule: stored, ignoreBlanks: true });
    });
  }

  get errorAlert(): Excel.DataValidationErrorAlert {
    throw propertyNotLoaded("errorAlert");
  }

  set errorAlert(alert: Excel.DataValidationErrorAlert) {
    this.edit("errorAlert", alert, (v) => {
      v.errorAlert = { ...alert };
    });
  }

  get ignoreBlanks(): boolean {
    throw propertyNotLoaded("ignoreBlanks");
  }

  set ignoreBlanks(ignore: boolean) {
    this.edit("ignoreBlanks", ignore, (v) => {
      v.ignoreBlanks = ignore;
    });
  }

  clear(): void {
    this.queue("clear", null, () => {
      const target = this.locate();
      if (!target) return;
      guard(target, "structure", `${this.path}.clear`);
      removeValidation(this.ctx.journal, target.sheet, target.rect);
    });
  }

  private edit(member: string, args: unknown, change: (v: ValidationData) => void): void {
    this.queue(member, args, () => {
      const target = this.locate();
      if (!target) return;
      guard(target, "structure", `${this.path}.${member}`);
      this.ctx.journal.meta(target.sheet);
      for (const v of target.sheet.validations)
        if (subtractRect(v.rect, target.rect).length === 0) change(v);
    });
  }
}

/** Removes data validation from the cells of `rect`; rules partly outside keep their other cells. */
export function removeValidation(journal: Journal, sheet: SheetModel, rect: Rect): void {
  if (!sheet.validations.some((v) => intersects(v.rect, rect))) return;
  journal.meta(sheet);
  sheet.validations = sheet.validations.flatMap((v) =>
    subtractRect(v.rect, rect).map((piece) => ({ ...structuredClone(v), rect: piece }))
  );
}

/**
 * A rule as the model keeps it: exactly one kind of criteria, a Range
 * operand replaced by its address, and the checks Excel makes when the rule
 * is set (an operator and its operands, a list source).
 */
function storedRule(rule: Excel.DataValidationRule, location: string): Excel.DataValidationRule {
  const kinds = Object.entries(rule).filter(([, v]) => v !== undefined && v !== null);
  if (kinds.length !== 1)
    throw invalidArgument(location, "A data validation rule holds exactly one kind of criteria.");
  const [kind, criteria] = kinds[0] as [string, Record<string, unknown>];
  const operand = (v: unknown) =>
    v instanceof RangeProxy ? `=${v.path.slice(v.path.lastIndexOf("!") + 1)}` : v;
  if (kind === "list") {
    const source = operand(criteria.source);
    if (typeof source !== "string" || source.trim() === "")
      throw invalidArgument(location, "A list rule needs a source.");
    return { list: { inCellDropDown: criteria.inCellDropDown !== false, source } };
  }
  if (kind === "custom") return { custom: { formula: String(criteria.formula) } };
  const operator = String(criteria.operator ?? "");
  const between = operator === "Between" || operator === "NotBetween";
  if (
    !operator ||
    criteria.formula1 === undefined ||
    (between && (criteria.formula2 === undefined || criteria.formula2 === null))
  )
    throw invalidArgument(location, `The ${kind} rule needs an operator and its operands.`);
  const basic = {
    operator,
    formula1: operand(criteria.formula1),
    ...(between ? { formula2: operand(criteria.formula2) } : {}),
  };
  return { [kind]: basic } as Excel.DataValidationRule;
}
