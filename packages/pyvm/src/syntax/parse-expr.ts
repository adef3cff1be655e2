// Expression layer of the recursive-descent parser: Python 3.11's expression
// grammar (precedence levels, atoms, calls, subscripts, comprehensions,
// lambdas, parameters, targets) plus the specialised error messages CPython
// derives from its invalid_* rules.

import { Ellipsis } from "./ast.js";
import type {
  Arguments,
  BoolOpKind,
  CmpOpKind,
  Comprehension,
  Constant,
  Expr,
  ExprContext,
  Keyword,
  Name,
  OperatorKind,
  Starred,
} from "./ast.js";
import { PySyntaxError } from "./errors.js";
import { parseNumber } from "./literals.js";
import { ParserBase, relocateToField } from "./parser-base.js";
import type { FieldContext, Spanned } from "./parser-base.js";
import { concatenateStrings } from "./strings.js";
import type { StringHost } from "./strings.js";
import { exprName, invalidTarget, setContext } from "./targets.js";
import type { TargetKind } from "./targets.js";
import { Tokenizer } from "./tokenizer.js";
import { KEYWORDS } from "./tokens.js";
import type { Token } from "./tokens.js";

/**
 * CPython's soft-keyword test in invalid_expression: it compares only as many
 * characters as the name has, so any prefix of a soft keyword (`c`, `ma`)
 * counts as one.
 */
function looksLikeSoftKeyword(name: string): boolean {
  return name.length > 0 && (("match".startsWith(name)) || "case".startsWith(name) || name === "_");
}

const COMPARE_OPS: Readonly<Record<string, CmpOpKind | undefined>> = {
  "==": "Eq",
  "!=": "NotEq",
  "<": "Lt",
  "<=": "LtE",
  ">": "Gt",
  ">=": "GtE",
  in: "In",
  is: "Is",
};

/**
 * Binary operators with their binding power (loosest first: `|`, `^`, `&`,
 * shifts, `+ -`, `* / // % @`); all are left-associative. `**` binds
 * tighter and is handled by `power`.
 */
const BINARY_OPS: ReadonlyMap<string, readonly [number, OperatorKind]> = new Map([
  ["|", [1, "BitOr"]],
  ["^", [2, "BitXor"]],
  ["&", [3, "BitAnd"]],
  ["<<", [4, "LShift"]],
  [">>", [4, "RShift"]],
  ["+", [5, "Add"]],
  ["-", [5, "Sub"]],
  ["*", [6, "Mult"]],
  ["/", [6, "Div"]],
  ["//", [6, "FloorDiv"]],
  ["%", [6, "Mod"]],
  ["@", [6, "MatMult"]],
] as const);

/** Which parameter list is being parsed. */
export type ParamsKind = "def" | "lambda";

/** True for NAME tokens that are identifiers (not hard keywords). */
export function isIdentifier(t: Token): boolean {
  return t.type === "NAME" && !KEYWORDS.has(t.value);
}

/**
 * Parses expressions. Argument and parameter lists come from the ArgsParser
 * layer (parse-args.ts) and statements from StmtParser (parse-stmt.ts).
 */
export abstract class ExprParser extends ParserBase implements StringHost {
  get sourceText(): string {
    return this.src.text;
  }

  // ---- token classification -----------------------------------------------------

  /** True if `t` can start an expression (CPython's expression_without_invalid). */
  protected startsExpression(t: Token): boolean {
    switch (t.type) {
      case "NUMBER":
      case "STRING":
        return true;
      case "NAME":
        return !KEYWORDS.has(t.value) || t.value === "True" || t.value === "False" || t.value === "None" ||
          t.value === "not" || t.value === "lambda" || t.value === "await";
      case "OP":
        return t.value === "(" || t.value === "[" || t.value === "{" || t.value === "-" || t.value === "+" ||
          t.value === "~" || t.value === "...";
      default:
        return false;
    }
  }

  /** True if `t` can start a star_expression / star_named_expression. */
  protected startsStarExpression(t: Token): boolean {
    return (t.type === "OP" && t.value === "*") || this.startsExpression(t);
  }

  // ---- tuples and top-level expression lists ------------------------------------

  /** star_expressions: `a`, or a Tuple for `a, *b, c` (trailing comma allowed). */
  starExpressions(): Expr {
    const start = this.tok;
    const first = this.starExpression();
    if (!this.at(",")) return first;
    const elts = [first];
    while (this.eat(",")) {
      if (!this.startsStarExpression(this.tok)) break;
      elts.push(this.starExpression());
    }
    return this.finish({ _type: "Tuple", elts, ctx: "Load" as ExprContext }, start);
  }

  /** star_expression: `*bitwise_or` or expression. */
  starExpression(): Expr {
    if (this.at("*")) return this.starred(() => this.bitwiseOr());
    return this.expression();
  }

  /** star_named_expression: `*bitwise_or` or named_expression. */
  starNamedExpression(): Expr {
    if (this.at("*")) return this.starred(() => this.bitwiseOr());
    return this.namedExpression();
  }

  /**
   * The first element of a display or comprehension. CPython's
   * invalid_comprehension reads a leading `*x` as `'*' expression`, where a
   * juxtaposed expression gets the missing-comma hint.
   */
  private firstElement(): Expr {
    const star = this.pos;
    let first: Expr;
    try {
      first = this.starNamedExpression();
    } catch (e) {
      if (this.isGeneric(e) && this.tokens[star].value === "*") this.starredComprehension(star);
      throw e;
    }
    if (this.invalidRules && first._type === "Starred" && this.startsExpression(this.tok)) {
      this.probe(() => {
        this.reset(star + 1);
        this.expression();
      });
    }
    return first;
  }

  /**
   * invalid_comprehension (second pass): `'*' expression for_if_clauses`
   * starting at token `star` is "iterable unpacking cannot be used in
   * comprehension". Throws that error if the tokens read so; otherwise
   * returns with the cursor unchanged.
   */
  protected starredComprehension(star: number): void {
    if (!this.invalidRules) return;
    const save = this.pos;
    this.reset(star);
    const starred = this.speculate(() => {
      const e = this.starred(() => this.expression());
      if (!this.at("for") || this.speculate(() => this.forIfClauses()) === null) throw this.invalidSyntax();
      return e;
    });
    this.reset(save);
    if (starred !== null) throw this.errorSpan("iterable unpacking cannot be used in comprehension", starred);
  }

  /** `*` followed by `operand` (the cursor is at the '*'). */
  protected starred(operand: () => Expr): Starred {
    const start = this.next();
    const value = operand();
    return this.finish({ _type: "Starred", value, ctx: "Load" as ExprContext }, start);
  }

  /** yield_expr: `yield from e`, `yield [star_expressions]`. */
  yieldExpr(): Expr {
    const start = this.expect("yield");
    if (this.eat("from")) {
      const value = this.expression();
      return this.finish({ _type: "YieldFrom", value }, start);
    }
    const value = this.startsStarExpression(this.tok) ? this.starExpressions() : null;
    return this.finish({ _type: "Yield", value }, start);
  }

  // ---- expression levels ----------------------------------------------------------

  /** expression: conditional expression, lambda or disjunction. */
  expression(): Expr {
    if (this.at("lambda")) return this.lambdef();
    const start = this.tok;
    const startPos = this.pos;
    const body = this.disjunction();
    if (this.at("if")) {
      const ifPos = this.pos;
      try {
        this.next();
        const test = this.disjunction();
        if (!this.at("else")) {
          if (this.invalidRules && !this.at(":")) throw this.errorSpan("expected 'else' after 'if' expression", body, test);
          throw this.invalidSyntax();
        }
        this.next();
        const orelse = this.expression();
        return this.finish({ _type: "IfExp", test, body, orelse }, start);
      } catch (e) {
        if (!this.isGeneric(e)) throw e;
        // CPython's PEG parser falls back to `body` alone.
        this.reset(ifPos);
        return body;
      }
    }
    this.checkJuxtaposed(startPos, body);
    return body;
  }

  /**
   * CPython's invalid_expression / invalid_legacy_expression: an expression
   * directly followed by another one. Only reachable in invalid code.
   */
  private checkJuxtaposed(startPos: number, a: Expr): void {
    if (!this.invalidRules || !this.startsStarExpression(this.tok)) return;
    const first = this.tokens[startPos];
    const save = this.pos;
    const isLegacy = a._type === "Name" && (a.id === "print" || a.id === "exec");
    // invalid_expression: `a b` inside brackets suggests a missing comma.
    const excluded = isIdentifier(first) && (this.tokens[startPos + 1]?.type === "STRING" || looksLikeSoftKeyword(first.value));
    if (!excluded && this.startsExpression(this.tok)) {
      const b = this.withoutInvalidRules(() => this.expression());
      if (b !== null && !isLegacy && this.prev.level > 0) {
        throw this.errorSpan("invalid syntax. Perhaps you forgot a comma?", a, b);
      }
      this.reset(save);
    }
    // invalid_legacy_expression: `NAME <expressions>` is read (with the
    // invalid rules active) for any name, then reported for print/exec.
    if (a._type === "Name" && isIdentifier(first) && startPos + 1 === save && !this.at("(")) {
      let b: Expr | null = null;
      this.probe(() => {
        b = this.starExpressions();
      });
      if (b !== null && isLegacy) {
        throw this.errorSpan(`Missing parentheses in call to '${a.id}'. Did you mean ${a.id}(...)?`, a, b);
      }
    }
  }

  /** named_expression: `NAME := expression` or expression. */
  namedExpression(): Expr {
    const t = this.tok;
    if (isIdentifier(t) && this.peek().value === ":=") {
      this.next();
      this.next();
      const value = this.expression();
      const target: Name = this.span({ _type: "Name", id: t.value, ctx: "Store" as ExprContext }, t, t);
      return this.finish({ _type: "NamedExpr", target, value }, t);
    }
    const startPos = this.pos;
    const e = this.expression();
    if (this.invalidRules) {
      if (this.at(":=")) this.checkWalrusTarget(e);
      if (this.at("=")) this.checkEqualsForComparison(e, startPos);
    }
    return e;
  }

  /** `expr := value` with a non-name target: CPython's message needs a value to follow. */
  protected checkWalrusTarget(e: Expr): void {
    const save = this.pos;
    const value = this.speculate(() => {
      this.next();
      return this.expression();
    });
    this.reset(save);
    if (value !== null) throw this.errorSpan(`cannot use assignment expressions with ${exprName(e)}`, e);
  }

  /**
   * CPython's invalid_named_expression: `x = y` where an expression (not an
   * assignment) is expected usually meant `x == y`.
   */
  protected checkEqualsForComparison(e: Expr, startPos: number): void {
    const eq = this.tok;
    const first = this.tokens[startPos];
    const isBareName = e._type === "Name" && isIdentifier(first) && this.tokens[startPos + 1] === eq;
    if (!isBareName && !this.isBitwiseOr(e, startPos)) return;
    if (!isBareName) {
      // The grammar excludes expressions that start with a list or tuple
      // display, a generator expression or True/None/False.
      if (first.value === "True" || first.value === "None" || first.value === "False") return;
      const lead = this.leadingAtom(e);
      if (lead._type === "List" || lead._type === "GeneratorExp") return;
      if (lead._type === "Tuple" && this.parenthesized.has(lead)) return;
    }
    const save = this.pos;
    const rhs = this.speculate(() => {
      this.next();
      return this.bitwiseOr();
    });
    const fires = rhs !== null && !this.at("=") && !this.at(":=");
    this.reset(save);
    if (!fires) return;
    if (isBareName) throw this.errorSpan("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", e, rhs);
    throw this.errorSpan(`cannot assign to ${exprName(e)} here. Maybe you meant '==' instead of '='?`, e);
  }

  /** The atom an expression starts with (following left operands, not entering parentheses). */
  private leadingAtom(e: Expr): Expr {
    for (;;) {
      if (this.parenthesized.has(e)) return e;
      switch (e._type) {
        case "BinOp":
        case "Compare":
          e = e.left;
          break;
        case "BoolOp":
          e = e.values[0];
          break;
        case "IfExp":
          e = e.body;
          break;
        case "Attribute":
        case "Subscript":
          e = e.value;
          break;
        case "Call":
          e = e.func;
          break;
        default:
          return e;
      }
    }
  }

  /**
   * True if expression `e`, which was parsed from token `startPos`, is
   * syntactically a bitwise_or (not a comparison, boolean operation,
   * conditional, lambda, ... unless parenthesized).
   */
  protected isBitwiseOr(e: Expr, startPos: number): boolean {
    if (this.tokens[startPos].value === "(" && this.parenthesized.has(e)) return true;
    switch (e._type) {
      case "Compare":
      case "BoolOp":
      case "IfExp":
      case "Lambda":
      case "NamedExpr":
      case "Starred":
      case "Yield":
      case "YieldFrom":
        return false;
      case "UnaryOp":
        return e.op !== "Not";
      case "Tuple":
        return this.parenthesized.has(e);
      default:
        return true;
    }
  }

  /** disjunction: `a or b or ...` (a BoolOp only if there are several operands). */
  disjunction(): Expr {
    return this.boolOp("or");
  }

  /**
   * disjunction (`or`) and conjunction (`and`): operands of `or` are
   * conjunctions, operands of `and` are inversions. An operand that fails
   * to parse ends the list at its operator (see orBacktrack).
   */
  private boolOp(word: "or" | "and"): Expr {
    const start = this.tok;
    const first = word === "or" ? this.boolOp("and") : this.inversion();
    if (!this.at(word)) return first;
    const values = [first];
    while (this.at(word)) {
      const from = this.pos;
      this.next();
      const v = this.orBacktrack(from, () => (word === "or" ? this.boolOp("and") : this.inversion()));
      if (v === null) break;
      values.push(v);
    }
    if (values.length === 1) return first;
    const op: BoolOpKind = word === "or" ? "Or" : "And";
    return this.finish({ _type: "BoolOp", op, values }, start);
  }

  private inversion(): Expr {
    if (this.at("not")) {
      const start = this.next();
      const operand = this.inversion();
      return this.finish({ _type: "UnaryOp", op: "Not" as const, operand }, start);
    }
    return this.comparison();
  }

  private comparison(): Expr {
    const start = this.tok;
    const left = this.bitwiseOr();
    const ops: CmpOpKind[] = [];
    const comparators: Expr[] = [];
    for (;;) {
      const t = this.tok;
      const from = this.pos;
      let op: CmpOpKind | undefined;
      if (t.type === "OP" || t.type === "NAME") op = COMPARE_OPS[t.value];
      if (op !== undefined) {
        this.next();
        if (op === "Is" && this.eat("not")) op = "IsNot";
      } else if (t.value === "not" && t.type === "NAME" && this.peek().value === "in") {
        this.next();
        this.next();
        op = "NotIn";
      } else break;
      let right: Expr;
      try {
        right = this.bitwiseOr();
      } catch (e) {
        if (!this.isGeneric(e)) throw e;
        this.reset(from); // PEG fallback, see orBacktrack
        break;
      }
      ops.push(op);
      comparators.push(right);
    }
    if (ops.length === 0) return left;
    return this.finish({ _type: "Compare", left, ops, comparators }, start);
  }

  /** bitwise_or: the binary operators from `|` down to `* / // % @`. */
  bitwiseOr(): Expr {
    return this.binary(1);
  }

  /** Precedence climbing over BINARY_OPS: operands bind tighter than `minPower`. */
  private binary(minPower: number): Expr {
    const start = this.tok;
    let left = this.factor();
    for (;;) {
      const t = this.tok;
      if (t.type !== "OP") break;
      const entry = BINARY_OPS.get(t.value);
      if (entry === undefined || entry[0] < minPower) break;
      const from = this.pos;
      this.next();
      let right: Expr;
      try {
        right = this.binary(entry[0] + 1);
      } catch (e) {
        if (!this.isGeneric(e)) throw e;
        this.reset(from); // PEG fallback, see orBacktrack
        break;
      }
      left = this.finish({ _type: "BinOp", left, op: entry[1], right }, start);
    }
    return left;
  }

  private factor(): Expr {
    const t = this.tok;
    if (t.type === "OP" && (t.value === "+" || t.value === "-" || t.value === "~")) {
      this.next();
      const operand = this.factor();
      const op = t.value === "+" ? "UAdd" : t.value === "-" ? "USub" : "Invert";
      return this.finish({ _type: "UnaryOp", op, operand }, t);
    }
    return this.power();
  }

  private power(): Expr {
    const start = this.tok;
    if (this.at("await")) throw this.errorHere("await is not supported");
    const left = this.primary();
    if (!this.at("**")) return left;
    const from = this.pos;
    this.next();
    const right = this.orBacktrack(from, () => this.factor());
    if (right === null) return left;
    return this.finish({ _type: "BinOp", left, op: "Pow" as OperatorKind, right }, start);
  }

  /** primary: atom followed by attribute, call and subscript trailers. */
  primary(): Expr {
    const start = this.tok;
    let e = this.atom();
    for (;;) {
      const t = this.tok;
      if (t.type !== "OP" || (t.value !== "." && t.value !== "(" && t.value !== "[")) break;
      const from = this.pos;
      try {
        e = this.trailer(e, start);
      } catch (err) {
        if (!this.isGeneric(err)) throw err;
        this.reset(from); // PEG fallback, see orBacktrack
        break;
      }
    }
    return e;
  }

  /** One `.name`, `(args)` or `[slices]` trailer applied to `value`. */
  private trailer(value: Expr, start: Spanned): Expr {
    const t = this.tok;
    if (t.value === "(") return this.call(value, start);
    this.next();
    if (t.value === ".") {
      const name = this.tok;
      if (!isIdentifier(name)) throw this.invalidSyntax();
      this.next();
      return this.finish({ _type: "Attribute", value, attr: name.value, ctx: "Load" as ExprContext }, start);
    }
    const slice = this.slices();
    this.expect("]");
    return this.finish({ _type: "Subscript", value, slice, ctx: "Load" as ExprContext }, start);
  }

  // ---- atoms ------------------------------------------------------------------

  atom(): Expr {
    const t = this.tok;
    switch (t.type) {
      case "NAME": {
        if (t.value === "True" || t.value === "False" || t.value === "None") {
          this.next();
          const value = t.value === "None" ? null : t.value === "True";
          return this.span({ _type: "Constant", value, kind: null } as Constant, t, t);
        }
        if (KEYWORDS.has(t.value)) throw this.invalidSyntax();
        this.next();
        return this.span({ _type: "Name", id: t.value, ctx: "Load" as ExprContext }, t, t);
      }
      case "NUMBER":
        this.next();
        return this.span({ _type: "Constant", value: parseNumber(t.value), kind: null } as Constant, t, t);
      case "STRING":
        return this.strings();
      case "OP":
        switch (t.value) {
          case "(":
            return this.parenAtom();
          case "[":
            return this.listAtom();
          case "{":
            return this.braceAtom();
          case "...":
            this.next();
            return this.span({ _type: "Constant", value: Ellipsis, kind: null } as Constant, t, t);
        }
        break;
    }
    throw this.invalidSyntax();
  }

  /** Adjacent STRING tokens: concatenated literal or f-string. */
  private strings(): Expr {
    const parts: Token[] = [];
    while (this.tok.type === "STRING") parts.push(this.next());
    try {
      return concatenateStrings(parts, this);
    } catch (e) {
      if (e instanceof PySyntaxError) this.literalErrors.add(e);
      throw e;
    }
  }

  /** `( ... )`: empty tuple, group, tuple, generator expression or parenthesized yield. */
  private parenAtom(): Expr {
    const open = this.next();
    const start = this.pos;
    if (this.at(")")) {
      this.next();
      return this.finish({ _type: "Tuple", elts: [], ctx: "Load" as ExprContext }, open);
    }
    if (this.at("yield")) {
      const y = this.yieldExpr();
      this.expect(")");
      return this.markParens(y);
    }
    if (this.at("**")) {
      if (!this.invalidRules) throw this.invalidSyntax();
      const stars = this.next();
      this.expression();
      if (!this.at(")")) throw this.invalidSyntax();
      throw this.errorSpan("cannot use double starred expression here", stars);
    }
    const first = this.firstElement();
    const generators = this.comprehensionClauses(first, start, ")");
    if (generators !== null) return this.markParens(this.finish({ _type: "GeneratorExp", elt: first, generators }, open));
    if (this.at(",")) {
      const elts = [first];
      while (this.eat(",")) {
        if (!this.startsStarExpression(this.tok)) break;
        elts.push(this.starNamedExpression());
      }
      this.expect(")");
      return this.markParens(this.finish({ _type: "Tuple", elts, ctx: "Load" as ExprContext }, open));
    }
    if (!this.at(")")) throw this.invalidSyntax();
    if (first._type === "Starred") throw this.orGeneric(this.errorSpan("cannot use starred expression here", first));
    this.next();
    return this.markParens(first);
  }

  /** `[ ... ]`: list display or list comprehension. */
  private listAtom(): Expr {
    const open = this.next();
    const start = this.pos;
    if (this.eat("]")) return this.finish({ _type: "List", elts: [], ctx: "Load" as ExprContext }, open);
    const first = this.firstElement();
    const generators = this.comprehensionClauses(first, start, "]");
    if (generators !== null) return this.finish({ _type: "ListComp", elt: first, generators }, open);
    const elts = this.displayRest(first);
    this.expect("]");
    return this.finish({ _type: "List", elts, ctx: "Load" as ExprContext }, open);
  }

  /**
   * The `for ... if ...` clauses and closing bracket `close` of a generator
   * expression or list/set comprehension whose element `first` starts at
   * token index `start`; null (nothing consumed) if no clause follows.
   * A starred element gets CPython's error.
   */
  private comprehensionClauses(first: Expr, start: number, close: string): Comprehension[] | null {
    if (!this.at("for") && !this.at("async")) return null;
    if (first._type === "Starred") {
      this.starredComprehension(start);
      throw this.invalidSyntax();
    }
    const generators = this.forIfClauses();
    this.expect(close);
    return generators;
  }

  /**
   * Remaining elements of a list or set display after `first`. A
   * comprehension clause after several elements gets CPython's hint about
   * parenthesizing the target.
   */
  private displayRest(first: Expr): Expr[] {
    const elts = [first];
    while (this.at(",")) {
      const comma = this.next();
      if (this.at("for")) this.checkUnparenthesizedTarget(first, comma);
      if (!this.startsStarExpression(this.tok)) break;
      elts.push(this.starNamedExpression());
    }
    if (elts.length > 1 && this.at("for")) this.checkUnparenthesizedTarget(first, elts[elts.length - 1]);
    return elts;
  }

  /** invalid_comprehension: `[a, b for ...]` where complete clauses follow. */
  private checkUnparenthesizedTarget(first: Expr, last: Spanned): void {
    if (!this.invalidRules) return;
    if (this.speculate(() => this.forIfClauses()) === null) return;
    throw this.errorSpan("did you forget parentheses around the comprehension target?", first, last);
  }

  /** `{ ... }`: dict or set display, dict or set comprehension. */
  private braceAtom(): Expr {
    const open = this.next();
    const start = this.pos;
    if (this.eat("}")) return this.finish({ _type: "Dict", keys: [], values: [] }, open);
    if (this.at("**")) {
      const stars = this.next();
      const value = this.bitwiseOr();
      if (this.at("for")) throw this.orGeneric(this.errorSpan("dict unpacking cannot be used in dict comprehension", stars));
      return this.dictRest(open, [null], [value]);
    }
    const first = this.firstElement();
    if (this.at(":") && first._type !== "Starred") {
      const colon = this.next();
      const value = this.dictValue(colon);
      if (this.at("for") || this.at("async")) {
        const generators = this.forIfClauses();
        this.expect("}");
        return this.finish({ _type: "DictComp", key: first, value, generators }, open);
      }
      return this.dictRest(open, [first], [value]);
    }
    const generators = this.comprehensionClauses(first, start, "}");
    if (generators !== null) return this.finish({ _type: "SetComp", elt: first, generators }, open);
    const elts = this.displayRest(first);
    this.expect("}");
    return this.finish({ _type: "Set", elts }, open);
  }

  /** The value after `key:` in a dict display, with CPython's messages for the usual mistakes. */
  private dictValue(colon: Token): Expr {
    if (this.at("}") || this.at(",")) throw this.orGeneric(this.errorSpan("expression expected after dictionary key and ':'", colon));
    if (this.at("*")) {
      if (!this.invalidRules) throw this.invalidSyntax();
      const star = this.next();
      const v = this.bitwiseOr();
      throw this.errorSpan("cannot use a starred expression in a dictionary value", star, v);
    }
    return this.expression();
  }

  private dictRest(open: Token, keys: (Expr | null)[], values: Expr[]): Expr {
    while (this.eat(",")) {
      if (this.at("}")) break;
      if (this.at("**")) {
        this.next();
        keys.push(null);
        values.push(this.bitwiseOr());
        continue;
      }
      // CPython re-reads this key without its invalid_* rules (it is
      // memoized from invalid_kvpair), so only the missing ':' is reported.
      this.noInvalidRules++;
      let key: Expr;
      try {
        key = this.expression();
      } finally {
        this.noInvalidRules--;
      }
      if (!this.at(":")) {
        // CPython points just before the end of the key and gives no end.
        const col = this.src.charColOfByteCol(key.end_lineno, key.end_col_offset);
        throw this.orGeneric(this.makeError("SyntaxError", "':' expected after dictionary key", key.lineno, col, key.end_lineno, 0));
      }
      const colon = this.next();
      keys.push(key);
      values.push(this.dictValue(colon));
    }
    this.expect("}");
    return this.finish({ _type: "Dict", keys, values }, open);
  }

  // ---- comprehensions -----------------------------------------------------------

  /** One or more `for target in iter [if cond]*` clauses. */
  protected forIfClauses(): Comprehension[] {
    const generators: Comprehension[] = [];
    while (this.at("for") || this.at("async")) {
      if (this.at("async")) throw this.errorHere("async is not supported");
      this.next();
      const target = this.forTarget();
      const iter = this.disjunction();
      const ifs: Expr[] = [];
      while (this.eat("if")) ifs.push(this.disjunction());
      generators.push({ _type: "comprehension", target, iter, ifs, is_async: 0 });
    }
    return generators;
  }

  /**
   * `star_targets 'in'` of a for loop or comprehension (consumes the 'in').
   * Otherwise CPython re-reads the target as star_expressions (its
   * invalid_for_target rule), which may explain the error better.
   */
  protected forTarget(): Expr {
    const start = this.pos;
    let err: PySyntaxError;
    try {
      const target = this.starTargets("for");
      if (this.eat("in")) return target;
      err = this.invalidSyntax();
    } catch (e) {
      if (!this.isGeneric(e) && !(e instanceof PySyntaxError && this.targetErrors.has(e))) throw e;
      err = e;
    }
    if (this.invalidRules) {
      this.probe(() => {
        this.reset(start);
        const e = this.starExpressions();
        const bad = invalidTarget(e, "for");
        if (bad !== null) throw this.errorSpan(`cannot assign to ${exprName(bad)}`, bad);
      });
    }
    throw err;
  }

  // ---- targets --------------------------------------------------------------------

  /**
   * star_targets for `for` loops and comprehensions: a target or an
   * unparenthesized tuple of them, returned with Store context.
   */
  protected starTargets(kind: TargetKind): Expr {
    const start = this.tok;
    const first = this.starTarget(kind);
    if (!this.at(",")) return first;
    const elts = [first];
    while (this.eat(",")) {
      if (!this.startsStarExpression(this.tok)) break;
      elts.push(this.starTarget(kind));
    }
    return this.finish({ _type: "Tuple", elts, ctx: "Store" as ExprContext }, start);
  }

  /**
   * A single (possibly starred) target. Targets are primaries in CPython's
   * grammar (no operators), which matters for where parsing stops.
   */
  protected starTarget(kind: TargetKind): Expr {
    const e = this.at("*") ? this.starred(() => this.starTargetInner()) : this.primary();
    this.toTarget(e, kind);
    return e;
  }

  private starTargetInner(): Expr {
    if (this.at("*")) throw this.invalidSyntax();
    return this.primary();
  }

  /** Validates `e` as an assignment/deletion target and sets its context. */
  protected toTarget(e: Expr, kind: TargetKind): void {
    const bad = invalidTarget(e, kind);
    if (bad !== null) {
      if (!this.invalidRules) throw this.invalidSyntax();
      const err = this.errorSpan(`${kind === "del" ? "cannot delete" : "cannot assign to"} ${exprName(bad)}`, bad);
      this.targetErrors.add(err);
      throw err;
    }
    setContext(e, kind === "del" ? "Del" : "Store");
  }

  /**
   * Errors from `toTarget`. Where CPython first re-reads a failed target as
   * an expression (for loops, del), other messages may take precedence.
   */
  protected readonly targetErrors = new Set<PySyntaxError>();

  // ---- calls ------------------------------------------------------------------------

  /** Call trailer starting at '('. */
  private call(func: Expr, start: Spanned): Expr {
    const { args, keywords } = this.callArguments(true);
    return this.finish({ _type: "Call", func, args, keywords }, start);
  }

  // ---- subscripts ---------------------------------------------------------------------

  /** The inside of `[...]` after a primary: one slice, or a Tuple of slices/starred items. */
  private slices(): Expr {
    const start = this.tok;
    const first = this.at("*") ? this.starred(() => this.expression()) : this.slice();
    if (!this.at(",") && first._type !== "Starred") return first;
    const elts = [first];
    while (this.eat(",")) {
      if (this.at("]")) break;
      elts.push(this.at("*") ? this.starred(() => this.expression()) : this.slice());
    }
    return this.finish({ _type: "Tuple", elts, ctx: "Load" as ExprContext }, start);
  }

  /** slice: `[lower]:[upper][:[step]]` or a named expression. */
  private slice(): Expr {
    const start = this.tok;
    let lower: Expr | null = null;
    if (!this.at(":")) {
      if (isIdentifier(this.tok) && this.peek().value === ":=") return this.namedExpression();
      const lowerPos = this.pos;
      lower = this.expression();
      if (!this.at(":")) {
        if (this.invalidRules && this.at(":=")) this.checkWalrusTarget(lower);
        if (this.invalidRules && this.at("=")) this.checkEqualsForComparison(lower, lowerPos);
        return lower;
      }
    }
    this.next();
    const upper = this.startsExpression(this.tok) ? this.expression() : null;
    let step: Expr | null = null;
    if (this.eat(":")) step = this.startsExpression(this.tok) ? this.expression() : null;
    return this.finish({ _type: "Slice", lower, upper, step }, start);
  }

  // ---- lambda ------------------------------------------------------------------------

  private lambdef(): Expr {
    const start = this.next();
    const args = this.parameters("lambda", ":");
    this.expect(":");
    const body = this.expression();
    return this.finish({ _type: "Lambda", args, body }, start);
  }

  /** A parameter list up to (not including) `close` (see ArgsParser). */
  protected abstract parameters(kind: ParamsKind, close: string): Arguments;

  /** `( arguments )` of a call or class definition (see ArgsParser). */
  protected abstract callArguments(allowGenexp: boolean): { args: Expr[]; keywords: Keyword[] };

  /** A parser of the same kind as this one, for an f-string replacement field. */
  protected abstract fieldParser(tokens: Token[], invalidRules: boolean, field: FieldContext): ExprParser;

  // ---- f-string replacement fields -------------------------------------------------------

  /**
   * Parses the expression of an f-string replacement field in place: the
   * source range is tokenized as if wrapped in parentheses, like CPython's
   * "(expr)" re-parse, so node positions are true source positions.
   */
  parseField(brace: number, exprStart: number, exprEnd: number, token: Token): Expr {
    const src = this.src;
    const braceLine = src.lineAt(brace);
    const braceCol = src.byteCol(braceLine, brace);
    const exprLine = src.lineAt(exprStart);
    const endLine = src.lineAt(exprEnd);
    const fieldText = `(${src.text.slice(exprStart, exprEnd)})`;
    // CPython's starting column: the '{' column, or the token's column (or
    // 0 on a later line) when only whitespace follows the '{' on its line.
    let k = exprStart;
    while (k < exprEnd && (src.text[k] === " " || src.text[k] === "\t" || src.text[k] === "\f")) k++;
    const newlineAfterBrace = k === exprEnd || src.text[k] === "\n";
    let startCol = braceCol;
    if (newlineAfterBrace) startCol = braceLine === token.lineno ? token.col_offset : 0;
    const field: FieldContext = { text: fieldText, braceLine, startCol };
    const paren = (value: string, at: number, line: number, level: number): Token => {
      const col = src.byteCol(line, at);
      return { type: "OP", value, lineno: line, col_offset: col, end_lineno: line, end_col_offset: col + 1, start: at, end: at + 1, level };
    };
    const inner = new Tokenizer(src, { start: exprStart, end: exprEnd, line: exprLine, nested: true }).run();
    const eof = inner.pop() as Token;
    // CPython tokenizes the "(expr)" text before parsing it.
    if (eof.error !== undefined) throw relocateToField(src, eof.error, field, false);
    const tokens = [paren("(", brace, braceLine, 1), ...inner, paren(")", exprEnd, endLine, 0), eof];
    // Like CPython's parser for "(expr)", a first pass and, on failure, a
    // second pass with the invalid_* rules for a better message.
    const parseWith = (invalidRules: boolean): { parser: ExprParser; result: Expr | PySyntaxError } => {
      const parser = this.fieldParser(tokens, invalidRules, field);
      try {
        const e = parser.starExpressions();
        if (parser.tok.type !== "ENDMARKER") throw parser.invalidSyntax();
        return { parser, result: e };
      } catch (err) {
        if (err instanceof PySyntaxError) return { parser, result: err };
        throw err;
      }
    };
    const first = parseWith(false);
    if (!(first.result instanceof PySyntaxError)) return first.result;
    if (!first.parser.isGeneric(first.result)) throw first.result;
    const second = parseWith(true);
    if (second.result instanceof PySyntaxError && !second.parser.isGeneric(second.result)) throw second.result;
    throw first.result;
  }

  /** StringHost: an error spanning one token. */
  errorAtToken(msg: string, t: Token): PySyntaxError {
    return this.errorSpan(msg, t);
  }

}
