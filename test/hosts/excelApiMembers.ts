/**
 * Reads, with the TypeScript compiler API, which Excel API members a set of
 * source files uses and which ExcelApi requirement set each belongs to (its
 * `[Api set: ExcelApi 1.x]` tag in @types/office-js), and whether each use
 * of a member newer than a given set is dominated by a check for its set:
 * `isSetSupported("ExcelApi", "1.x")`, or a wrapper whose name says so
 * (`supportsExcelApi("1.x")`, `hasExcelApi1_9()`).
 *
 * A use counts as checked when it lies
 * - in the `then` branch of an `if`, the true arm of `?:` or the right of
 *   `&&` whose condition holds such a check (or in the `else` of its negation);
 * - after `if (!check) return;` (or throw, break, continue) in an enclosing block;
 * - in a function or method whose every call is itself checked.
 */
import path from "path";
import ts from "typescript";

export interface MemberUse {
  /** Excel class or interface, e.g. "Range". */
  owner: string;
  member: string;
  /** "1.9"; undefined when the declaration carries no ExcelApi tag. */
  set: string | undefined;
  file: string;
  line: number;
  /** True when the use is dominated by a check for `set` (computed for every use). */
  checked: boolean;
}

const ROOT = path.resolve(__dirname, "../..");

/** A program over `files` (absolute paths) with the project's compiler options. */
export function programOf(files: readonly string[]): ts.Program {
  return ts.createProgram({ rootNames: [...files], options: projectOptions() });
}

/** Library files parsed once for every program of source texts (@types/office-js alone is 8 MB). */
const parsed = new Map<string, ts.SourceFile>();
let lastProgram: ts.Program | undefined;

/** A program over source texts given by absolute path (files that exist nowhere), for testing the walk itself. */
export function programOfSources(sources: Readonly<Record<string, string>>): ts.Program {
  const options = projectOptions();
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, language, ...rest) => {
    if (name in sources) return ts.createSourceFile(name, sources[name], language, true);
    let file = parsed.get(name);
    if (!file) {
      file = getSourceFile(name, language, ...rest);
      if (file) parsed.set(name, file);
    }
    return file;
  };
  host.fileExists = (name) => name in sources || fileExists(name);
  host.readFile = (name) => sources[name] ?? readFile(name);
  lastProgram = ts.createProgram({
    rootNames: Object.keys(sources),
    options,
    host,
    oldProgram: lastProgram,
  });
  return lastProgram;
}

function projectOptions(): ts.CompilerOptions {
  const config = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile);
  const options = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT).options;
  return { ...options, noEmit: true, types: ["office-js"] };
}

/** The ExcelApi set of a declaration from @types/office-js, from its JSDoc remarks. */
export function excelApiSetOf(declaration: ts.Declaration): string | undefined {
  const text = declaration.getSourceFile().text;
  const ranges = ts.getLeadingCommentRanges(text, declaration.getFullStart()) ?? [];
  for (const range of ranges) {
    const match = /\[Api set: ExcelApi (1\.\d+)/.exec(text.slice(range.pos, range.end));
    if (match) return match[1];
  }
  return undefined;
}

/** Every use, in `files`, of a member declared in Office.js's Excel namespace. */
export function excelMemberUses(program: ts.Program, files: readonly string[]): MemberUse[] {
  const checker = program.getTypeChecker();
  const uses: MemberUse[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`not in the program: ${file}`);
    const visit = (node: ts.Node): void => {
      const found = memberAt(node, checker);
      if (found) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        uses.push({
          ...found,
          file: path.relative(ROOT, file),
          line: line + 1,
          checked: found.set === undefined || isChecked(node, found.set, checker, new Set()),
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}

/** ExcelApi sets compared as numbers: "1.10" is newer than "1.9". */
export function newerSet(a: string, b: string): boolean {
  return Number(a.split(".")[1]) > Number(b.split(".")[1]);
}

/** The Excel member a property access or an object-literal property names, with its set. */
function memberAt(
  node: ts.Node,
  checker: ts.TypeChecker
): { owner: string; member: string; set: string | undefined } | undefined {
  let symbol: ts.Symbol | undefined;
  if (ts.isPropertyAccessExpression(node)) symbol = checker.getSymbolAtLocation(node.name);
  else if (
    (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) &&
    ts.isObjectLiteralExpression(node.parent)
  ) {
    const contextual = checker.getContextualType(node.parent);
    const name = node.name.getText();
    symbol = contextual && propertyOf(contextual, name);
  }
  const declarations = symbol?.declarations ?? [];
  const excel = declarations.filter(inExcelNamespace);
  if (excel.length === 0) return undefined;
  const sets = excel.map(excelApiSetOf).filter((s): s is string => s !== undefined);
  // Overloads (a method taking an enum or its string literals) share one set; take the oldest.
  const set = sets.sort((a, b) => (newerSet(a, b) ? 1 : newerSet(b, a) ? -1 : 0))[0];
  const ownerNode = excel[0].parent;
  const owner =
    ownerNode && (ts.isClassDeclaration(ownerNode) || ts.isInterfaceDeclaration(ownerNode))
      ? (ownerNode.name?.text ?? "?")
      : "?";
  return { owner, member: symbol!.name, set };
}

/** A property of a type, looking into each member of a union (`Excel.DataValidationRule | …`). */
function propertyOf(type: ts.Type, name: string): ts.Symbol | undefined {
  const direct = type.getProperty(name);
  if (direct) return direct;
  if (type.isUnion())
    for (const t of type.types) if (t.getProperty(name)) return t.getProperty(name);
  return undefined;
}

function inExcelNamespace(declaration: ts.Declaration): boolean {
  for (let n: ts.Node | undefined = declaration.parent; n; n = n.parent)
    if (ts.isModuleDeclaration(n) && n.name.getText() === "Excel") return true;
  return false;
}

/** Whether the use at `node` only runs when ExcelApi `set` was found supported. */
function isChecked(
  node: ts.Node,
  set: string,
  checker: ts.TypeChecker,
  visiting: Set<ts.Node>
): boolean {
  let child = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent)) {
      if (child === parent.thenStatement && holds(parent.expression, set, true)) return true;
      if (child === parent.elseStatement && holds(parent.expression, set, false)) return true;
    } else if (ts.isConditionalExpression(parent)) {
      if (child === parent.whenTrue && holds(parent.condition, set, true)) return true;
      if (child === parent.whenFalse && holds(parent.condition, set, false)) return true;
    } else if (ts.isBinaryExpression(parent) && child === parent.right) {
      const op = parent.operatorToken.kind;
      if (op === ts.SyntaxKind.AmpersandAmpersandToken && holds(parent.left, set, true))
        return true;
      if (op === ts.SyntaxKind.BarBarToken && holds(parent.left, set, false)) return true;
    } else if (ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isCaseClause(parent)) {
      const statements = parent.statements;
      for (const earlier of statements.slice(0, statements.indexOf(child as ts.Statement)))
        if (
          ts.isIfStatement(earlier) &&
          !earlier.elseStatement &&
          exits(earlier.thenStatement) &&
          holds(earlier.expression, set, false)
        )
          return true;
    }
    if (isNamedFunction(parent)) return callsChecked(parent, set, checker, visiting);
    if (ts.isFunctionLike(parent)) return false;
  }
  return false;
}

/** Methods and named functions: checked when every call of them is. */
function isNamedFunction(
  node: ts.Node
): node is ts.MethodDeclaration | ts.FunctionDeclaration | ts.ArrowFunction {
  if (ts.isMethodDeclaration(node) || ts.isFunctionDeclaration(node))
    return node.name !== undefined;
  return (
    (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) &&
    ts.isVariableDeclaration(node.parent) &&
    ts.isIdentifier(node.parent.name)
  );
}

function callsChecked(
  fn: ts.MethodDeclaration | ts.FunctionDeclaration | ts.ArrowFunction,
  set: string,
  checker: ts.TypeChecker,
  visiting: Set<ts.Node>
): boolean {
  // The functions on this call path: recursion is not a check.
  if (visiting.has(fn)) return false;
  const path = new Set(visiting).add(fn);
  const nameNode = ts.isArrowFunction(fn)
    ? (fn.parent as ts.VariableDeclaration).name
    : (fn as ts.MethodDeclaration | ts.FunctionDeclaration).name!;
  const symbol = checker.getSymbolAtLocation(nameNode);
  if (!symbol) return false;
  const calls: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    if (node !== nameNode && ts.isIdentifier(node) && node.text === symbol.name) {
      const at = checker.getSymbolAtLocation(node);
      if (at === symbol) calls.push(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(fn.getSourceFile());
  return calls.length > 0 && calls.every((call) => isChecked(call, set, checker, path));
}

/** Whether `condition` being `truth` means ExcelApi `set` is supported. */
function holds(condition: ts.Expression, set: string, truth: boolean): boolean {
  const e = skipParens(condition);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken)
    return holds(e.operand, set, !truth);
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    // a && b true: both hold; a || b false: both fail.
    if (op === ts.SyntaxKind.AmpersandAmpersandToken && truth)
      return holds(e.left, set, true) || holds(e.right, set, true);
    if (op === ts.SyntaxKind.BarBarToken && !truth)
      return holds(e.left, set, false) || holds(e.right, set, false);
    return false;
  }
  return truth && ts.isCallExpression(e) && checksSet(e, set);
}

/** `….isSetSupported("ExcelApi", "1.x")`, or a call whose name says it checks ExcelApi 1.x. */
function checksSet(call: ts.CallExpression, set: string): boolean {
  const callee = skipParens(call.expression);
  const name = ts.isPropertyAccessExpression(callee)
    ? callee.name.text
    : ts.isIdentifier(callee)
      ? callee.text
      : "";
  const literals = call.arguments.filter(ts.isStringLiteralLike).map((a) => a.text);
  const covers = (version: string) => !newerSet(set, version);
  if (name === "isSetSupported")
    return literals.length === 2 && literals[0] === "ExcelApi" && covers(literals[1]);
  if (!/ExcelApi/.test(name)) return false;
  const inName = /ExcelApi_?(\d+)_(\d+)$/.exec(name);
  if (inName) return covers(`${inName[1]}.${inName[2]}`);
  return literals.length === 1 && /^1\.\d+$/.test(literals[0]) && covers(literals[0]);
}

function skipParens(e: ts.Expression): ts.Expression {
  return ts.isParenthesizedExpression(e) ? skipParens(e.expression) : e;
}

/** A statement that never falls through: return, throw, break, continue, or a block ending in one. */
function exits(statement: ts.Statement): boolean {
  if (ts.isBlock(statement))
    return statement.statements.length > 0 && exits(statement.statements.at(-1)!);
  return (
    ts.isReturnStatement(statement) ||
    ts.isThrowStatement(statement) ||
    ts.isBreakStatement(statement) ||
    ts.isContinueStatement(statement)
  );
}

/** What a fake of the memory Excel implements: `Fake<Excel.X, "a" | "b">` clauses, with each member's set. */
export function fakeMembers(
  program: ts.Program,
  files: readonly string[]
): { fake: string; owner: string; member: string; set: string | undefined }[] {
  const checker = program.getTypeChecker();
  const out: { fake: string; owner: string; member: string; set: string | undefined }[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`not in the program: ${file}`);
    for (const statement of source.statements) {
      if (!ts.isClassDeclaration(statement) || !statement.name) continue;
      for (const clause of statement.heritageClauses ?? []) {
        if (clause.token !== ts.SyntaxKind.ImplementsKeyword) continue;
        for (const implemented of clause.types) {
          if (implemented.expression.getText() !== "Fake") continue;
          const [excelType, keys] = implemented.typeArguments ?? [];
          if (!excelType || !keys) continue;
          const owner = excelType.getText().replace(/^Excel\./, "");
          const type = checker.getTypeFromTypeNode(excelType);
          const keyType = checker.getTypeFromTypeNode(keys);
          const names = (keyType.isUnion() ? keyType.types : [keyType])
            .filter((t): t is ts.StringLiteralType => t.isStringLiteral())
            .map((t) => t.value);
          for (const member of names) {
            const declarations = type.getProperty(member)?.declarations ?? [];
            const sets = declarations.map(excelApiSetOf).filter((s) => s !== undefined);
            out.push({ fake: statement.name.text, owner, member, set: sets[0] });
          }
        }
      }
    }
  }
  return out;
}
