// Statement layer of the recursive-descent parser: simple statements,
// compound statements and blocks of Python 3.11 (without async and match,
// which are rejected with a SyntaxError).

import type {
  Alias,
  Arguments,
  ExceptHandler,
  Expr,
  ExprContext,
  Keyword,
  Module,
  OperatorKind,
  Stmt,
  WithItem,
} from "./ast.js";
import { PySyntaxError } from "./errors.js";
import { ArgsParser } from "./parse-args.js";
import { isIdentifier } from "./parse-expr.js";
import type { Spanned } from "./parser-base.js";
import { exprName, invalidTarget, setContext } from "./targets.js";
import type { Token } from "./tokens.js";

const AUG_OPS: Readonly<Record<string, OperatorKind>> = {
  "+=": "Add",
  "-=": "Sub",
  "*=": "Mult",
  "@=": "MatMult",
  "/=": "Div",
  "%=": "Mod",
  "&=": "BitAnd",
  "|=": "BitOr",
  "^=": "BitXor",
  "<<=": "LShift",
  ">>=": "RShift",
  "**=": "Pow",
  "//=": "FloorDiv",
};

/** True if error `a` is located before error `b`. */
function isBefore(a: PySyntaxError, b: PySyntaxError): boolean {
  return a.lineno < b.lineno || (a.lineno === b.lineno && a.offset < b.offset);
}

/** The full parser: a Module from a token stream. */
export class StmtParser extends ArgsParser {
  /** file: statements until ENDMARKER. */
  file(): Module {
    const body: Stmt[] = [];
    while (this.tok.type !== "ENDMARKER") this.statement(body);
    return { _type: "Module", body, type_ignores: [] };
  }

  /** Index of the furthest token examined outside speculation (where a failed first pass stopped). */
  failurePoint(): number {
    return this.furthestNormal;
  }


  /** One statement (a compound statement or a line of simple statements), appended to `out`. */
  private statement(out: Stmt[]): void {
    const t = this.tok;
    if (t.type === "NAME") {
      switch (t.value) {
        case "def":
          out.push(this.functionDef([]));
          return;
        case "class":
          out.push(this.classDef([]));
          return;
        case "if":
          out.push(this.ifStmt());
          return;
        case "while":
          out.push(this.whileStmt());
          return;
        case "for":
          out.push(this.forStmt());
          return;
        case "with":
          out.push(this.withStmt());
          return;
        case "try":
          out.push(this.tryStmt());
          return;
        case "async": {
          const n = this.peek().value;
          if (n === "def" || n === "for" || n === "with") throw this.errorSpan("async is not supported", t);
          break;
        }
        case "match":
          this.rejectMatch();
          break;
      }
    } else if (t.type === "OP" && t.value === "@") {
      out.push(this.decorated());
      return;
    }
    this.simpleStmts(out);
  }

  /**
   * `match subject:` followed by a block is a match statement, which is not
   * supported. In the second pass, `match <subject>` + NEWLINE (a call such
   * as `match(x)`) is CPython 3.11's invalid_match_stmt: "expected ':'",
   * reported wherever the first pass failed.
   */
  private rejectMatch(): void {
    const save = this.pos;
    const matchTok = this.next();
    if (this.startsStarExpression(this.tok)) {
      // CPython tries match_stmt in both passes; this read counts toward
      // the furthest token.
      let subject: Expr | null = null;
      try {
        subject = this.subjectExpr();
      } catch (e) {
        if (!this.isGeneric(e)) throw e;
      }
      if (subject !== null && this.at(":") && this.peek().type === "NEWLINE") {
        throw this.errorSpan("match statements are not supported", matchTok);
      }
      if (subject !== null && this.invalidRules && this.tok.type === "NEWLINE") throw this.errorHere("expected ':'");
    }
    this.reset(save);
  }

  /** subject_expr of a match statement. */
  private subjectExpr(): Expr {
    const first = this.starNamedExpression();
    if (!this.at(",")) {
      if (first._type === "Starred") throw this.invalidSyntax();
      return first;
    }
    while (this.eat(",")) {
      if (!this.startsStarExpression(this.tok)) break;
      this.starNamedExpression();
    }
    return first;
  }

  /** simple_stmts: `;`-separated simple statements ending with NEWLINE. */
  private simpleStmts(out: Stmt[]): void {
    try {
      out.push(this.simpleStmt());
      while (this.eat(";")) {
        if (this.tok.type === "NEWLINE") break;
        out.push(this.simpleStmt());
      }
      if (this.tok.type !== "NEWLINE") throw this.invalidSyntax();
    } catch (e) {
      // CPython's second pass first re-reads a statement that is not an
      // assignment through invalid_assignment (see invalidAssignmentScan).
      const start = this.exprStmtStart;
      if (this.invalidRules && start >= 0 && !this.assignmentMatched && this.isGeneric(e)) {
        this.probe(() => this.invalidAssignmentScan(start));
      }
      throw e;
    }
    this.next();
  }

  private simpleStmt(): Stmt {
    const t = this.tok;
    this.exprStmtStart = -1;
    if (t.type === "NAME") {
      switch (t.value) {
        case "pass":
          this.next();
          return this.finish({ _type: "Pass" }, t);
        case "break":
          this.next();
          return this.finish({ _type: "Break" }, t);
        case "continue":
          this.next();
          return this.finish({ _type: "Continue" }, t);
        case "return": {
          this.next();
          const value = this.startsStarExpression(this.tok) ? this.starExpressions() : null;
          return this.finish({ _type: "Return", value }, t);
        }
        case "raise":
          return this.raiseStmt();
        case "global":
        case "nonlocal": {
          this.next();
          const names = [this.identifier()];
          while (this.eat(",")) names.push(this.identifier());
          return this.finish({ _type: t.value === "global" ? "Global" : "Nonlocal", names }, t);
        }
        case "del":
          return this.delStmt();
        case "assert": {
          this.next();
          const test = this.expression();
          const msg = this.eat(",") ? this.expression() : null;
          return this.finish({ _type: "Assert", test, msg }, t);
        }
        case "import":
          return this.importName();
        case "from":
          return this.importFrom();
      }
    }
    this.exprStmtStart = this.pos;
    this.assignmentMatched = false;
    return this.exprStmt();
  }

  /** Token index where the current expression statement starts (-1 for keyword statements). */
  private exprStmtStart = -1;
  /**
   * True once the current statement has a valid assignment prefix (target
   * and '=', ':' or an augmented operator): CPython's assignment rule then
   * succeeds on some right-hand side and its invalid_assignment never runs.
   */
  private assignmentMatched = false;

  /**
   * CPython's invalid_assignment re-reads a failed statement as
   * `star_named_expression ',' star_named_expressions*`, where each element
   * may trigger a named-expression message (`a, b = c` read as `b == c`).
   */
  private invalidAssignmentScan(start: number): void {
    this.reset(start);
    this.starNamedExpression();
    this.expect(",");
    while (this.startsStarExpression(this.tok)) {
      this.starNamedExpression();
      while (this.eat(",")) {
        if (!this.startsStarExpression(this.tok)) break;
        this.starNamedExpression();
      }
    }
  }

  private identifier(): string {
    const t = this.tok;
    if (!isIdentifier(t)) throw this.invalidSyntax();
    this.next();
    return t.value;
  }

  private raiseStmt(): Stmt {
    const start = this.next();
    let exc: Expr | null = null;
    let cause: Expr | null = null;
    if (this.startsExpression(this.tok)) {
      exc = this.expression();
      if (this.eat("from")) cause = this.expression();
    }
    return this.finish({ _type: "Raise", exc, cause }, start);
  }

  /**
   * `del` targets are primaries in CPython's grammar; when they do not parse
   * as such, its invalid_del_stmt re-reads them as expressions to name the
   * offending one.
   */
  private delStmt(): Stmt {
    const start = this.next();
    const first = this.pos;
    const targets: Expr[] = [];
    try {
      do {
        if (this.tok.type === "NEWLINE" || this.at(";")) break;
        const e = this.at("*") ? this.starred(() => this.primary()) : this.primary();
        this.toTarget(e, "del");
        targets.push(e);
      } while (this.eat(","));
      if (targets.length === 0 || (this.tok.type !== "NEWLINE" && !this.at(";"))) throw this.invalidSyntax();
    } catch (e) {
      if (!this.isGeneric(e) && !(e instanceof PySyntaxError && this.targetErrors.has(e))) throw e;
      if (this.invalidRules) {
        this.probe(() => {
          this.reset(first);
          const all = this.starExpressions();
          const bad = invalidTarget(all, "del");
          if (bad !== null) throw this.errorSpan(`cannot delete ${exprName(bad)}`, bad);
        });
      }
      throw e;
    }
    return this.finish({ _type: "Delete", targets }, start);
  }

  // ---- imports --------------------------------------------------------------------

  private dottedName(): string {
    const parts = [this.identifier()];
    while (this.eat(".")) parts.push(this.identifier());
    return parts.join(".");
  }

  private importName(): Stmt {
    const start = this.next();
    const names: Alias[] = [];
    do {
      const first = this.tok;
      const name = this.dottedName();
      const asname = this.eat("as") ? this.identifier() : null;
      names.push(this.finish({ _type: "alias", name, asname }, first));
    } while (this.eat(","));
    return this.finish({ _type: "Import", names }, start);
  }

  private importFrom(): Stmt {
    const start = this.next();
    let level = 0;
    for (;;) {
      if (this.eat(".")) level += 1;
      else if (this.eat("...")) level += 3;
      else break;
    }
    const module = level > 0 && this.at("import") ? null : this.dottedName();
    this.expect("import");
    const names: Alias[] = [];
    if (this.at("*")) {
      const star = this.next();
      names.push(this.finish({ _type: "alias", name: "*", asname: null }, star));
    } else {
      const parens = this.eat("(");
      do {
        if (parens && this.at(")")) break;
        if (!parens && names.length > 0 && this.tok.type === "NEWLINE") {
          throw this.orGeneric(this.errorHere("trailing comma not allowed without surrounding parentheses"));
        }
        const first = this.tok;
        const name = this.identifier();
        const asname = this.eat("as") ? this.identifier() : null;
        names.push(this.finish({ _type: "alias", name, asname }, first));
      } while (this.eat(","));
      if (parens) {
        if (names.length === 0) throw this.invalidSyntax();
        this.expect(")");
      }
    }
    return this.finish({ _type: "ImportFrom", module, names, level }, start);
  }

  // ---- expression statements and assignments ---------------------------------------

  /** Expression statement, assignment, augmented or annotated assignment. */
  private exprStmt(): Stmt {
    const start = this.tok;
    const startPos = this.pos;
    if (isIdentifier(start) && this.peek().value === ":") {
      this.assignmentMatched = true;
      this.next();
      this.next();
      const target = this.span({ _type: "Name", id: start.value, ctx: "Store" as ExprContext }, start, start);
      const annotation = this.expression();
      const value = this.eat("=") ? this.annotatedRhs() : null;
      return this.finish({ _type: "AnnAssign", target, annotation, value, simple: 1 }, start);
    }
    const first = this.at("yield") ? this.yieldExpr() : this.starExpressions();
    // A statement starting with `yield` can only be a plain or chained
    // assignment; no annotation or augmented-assignment rule applies.
    const yieldFirst = first._type === "Yield" || first._type === "YieldFrom";
    if (this.at(":")) {
      if (yieldFirst) throw this.invalidSyntax();
      return this.annAssign(first, start);
    }
    if (this.at("=")) return this.assign(first, start, startPos);
    const t = this.tok;
    const aug = t.type === "OP" ? AUG_OPS[t.value] : undefined;
    if (aug !== undefined) {
      if (yieldFirst) throw this.invalidSyntax();
      if (first._type !== "Name" && first._type !== "Attribute" && first._type !== "Subscript") {
        throw this.orGeneric(this.errorSpan(`'${exprName(first)}' is an illegal expression for augmented assignment`, first));
      }
      this.assignmentMatched = true;
      this.next();
      const value = this.annotatedRhs();
      setContext(first, "Store");
      return this.finish({ _type: "AugAssign", target: first, op: aug, value }, start);
    }
    return this.finish({ _type: "Expr", value: first }, start);
  }

  private annotatedRhs(): Expr {
    return this.at("yield") ? this.yieldExpr() : this.starExpressions();
  }

  /** `target: annotation [= value]` for targets other than a bare name. */
  private annAssign(target: Expr, start: Spanned): Stmt {
    const valid = target._type === "Name" || target._type === "Attribute" || target._type === "Subscript";
    if (!valid) {
      // A starred target matches none of CPython's annotation error rules.
      if (!this.invalidRules || target._type === "Starred") throw this.invalidSyntax();
      // CPython only explains a bad target when an annotation follows.
      const save = this.pos;
      const annotation = this.speculate(() => {
        this.next();
        return this.expression();
      });
      this.reset(save);
      if (annotation === null) throw this.invalidSyntax();
    }
    if (target._type === "Tuple") {
      const where = this.parenthesized.has(target) ? target : (target.elts[0] ?? target);
      throw this.errorSpan("only single target (not tuple) can be annotated", where);
    }
    if (target._type === "List") throw this.errorSpan("only single target (not list) can be annotated", target);
    if (target._type !== "Name" && target._type !== "Attribute" && target._type !== "Subscript") {
      throw this.errorSpan("illegal target for annotation", target);
    }
    this.assignmentMatched = true;
    this.next();
    const annotation = this.expression();
    const value = this.eat("=") ? this.annotatedRhs() : null;
    setContext(target, "Store");
    return this.finish({ _type: "AnnAssign", target, annotation, value, simple: 0 }, start);
  }

  /** `t1 = t2 = ... = value`, with CPython's messages for invalid targets. */
  private assign(first: Expr, start: Spanned, startPos: number): Stmt {
    const targets = [first];
    const firstEq = this.pos;
    let value: Expr;
    for (;;) {
      // CPython's first pass stops at an invalid target, before its '=';
      // its second pass names the target on seeing the '='.
      if (targets.some((t) => invalidTarget(t, "star") !== null || this.isBareYield(t))) {
        if (!this.invalidRules) throw this.invalidSyntax();
        this.explainInvalidAssignment(targets, firstEq, startPos);
      }
      this.next(); // '='
      // CPython's assignment rule matches once a right-hand side can start
      // after valid targets (a shorter right-hand side is then accepted).
      this.assignmentMatched = this.at("yield") || this.startsStarExpression(this.tok);
      const rhs = this.annotatedRhs();
      if (!this.at("=")) {
        value = rhs;
        break;
      }
      targets.push(rhs);
    }
    for (const t of targets) setContext(t, "Store");
    return this.finish({ _type: "Assign", targets, value, type_comment: null }, start);
  }

  /** An unparenthesized yield expression. */
  private isBareYield(e: Expr): boolean {
    return (e._type === "Yield" || e._type === "YieldFrom") && !this.parenthesized.has(e);
  }

  /**
   * Raises the error CPython reports for an assignment with an invalid
   * target. CPython first re-reads the text before the first '=' as
   * expressions, where `x = y` suggests '=='; then it names the first
   * invalid target.
   */
  private explainInvalidAssignment(targets: Expr[], firstEq: number, startPos: number): never {
    const first = targets[0];
    const last = first._type === "Tuple" && !this.parenthesized.has(first) ? first.elts[first.elts.length - 1] : first;
    if (last !== undefined && last._type !== "Starred") {
      const lastStart = last === first ? startPos : this.tokenIndexAt(last);
      this.reset(firstEq);
      this.checkEqualsForComparison(last, lastStart);
    }
    for (const t of targets) {
      if (this.isBareYield(t)) throw this.errorSpan("assignment to yield expression not possible", t);
      const bad = invalidTarget(t, "star");
      if (bad !== null) throw this.errorSpan(`cannot assign to ${exprName(bad)}`, bad);
    }
    throw this.invalidSyntax();
  }

  /** Index of the token where node `e` starts. */
  private tokenIndexAt(e: Expr): number {
    let lo = 0;
    let hi = this.tokens.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const t = this.tokens[mid];
      if (t.lineno < e.lineno || (t.lineno === e.lineno && t.col_offset < e.col_offset)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  // ---- blocks --------------------------------------------------------------------------

  /**
   * block: NEWLINE INDENT statements DEDENT, or simple statements on the
   * same line. `what` names the header for CPython's indentation error.
   */
  private block(what: string, header: Token): Stmt[] {
    const body: Stmt[] = [];
    if (this.tok.type !== "NEWLINE") {
      this.simpleStmts(body);
      return body;
    }
    this.next();
    // (Re-read through a helper: TypeScript would keep the NEWLINE narrowing across next().)
    if (this.current().type !== "INDENT") {
      throw this.orGeneric(this.errorHere(`expected an indented block after ${what} on line ${header.lineno}`, "IndentationError"));
    }
    this.next();
    for (let t = this.current(); t.type !== "DEDENT" && t.type !== "ENDMARKER"; t = this.current()) this.statement(body);
    this.next();
    return body;
  }

  /**
   * The ':' ending a compound statement header. CPython says "expected ':'"
   * when the line ends instead (or always, for `forced` headers).
   */
  private colon(forced: boolean): void {
    if (this.at(":")) {
      this.next();
      return;
    }
    // A forced token is reported at the token found, otherwise at the last token read.
    if (forced) throw this.errorSpan("expected ':'", this.tok);
    if (this.tok.type === "NEWLINE") throw this.orGeneric(this.errorHere("expected ':'"));
    throw this.invalidSyntax();
  }

  // ---- compound statements ---------------------------------------------------------------

  private ifStmt(): Stmt {
    const start = this.next();
    const test = this.namedExpression();
    this.colon(false);
    const body = this.block(`'${start.value}' statement`, start);
    let orelse: Stmt[] = [];
    if (this.at("elif")) orelse = [this.ifStmt()];
    else if (this.at("else")) orelse = this.elseBlock();
    return this.finish({ _type: "If", test, body, orelse }, start);
  }

  private elseBlock(): Stmt[] {
    const t = this.next();
    this.colon(true);
    return this.block("'else' statement", t);
  }

  private whileStmt(): Stmt {
    const start = this.next();
    const test = this.namedExpression();
    this.colon(false);
    const body = this.block("'while' statement", start);
    const orelse = this.at("else") ? this.elseBlock() : [];
    return this.finish({ _type: "While", test, body, orelse }, start);
  }

  private forStmt(): Stmt {
    const start = this.next();
    const target = this.forTarget();
    const iter = this.starExpressions();
    this.colon(false);
    const body = this.block("'for' statement", start);
    const orelse = this.at("else") ? this.elseBlock() : [];
    return this.finish({ _type: "For", target, iter, body, orelse, type_comment: null }, start);
  }

  private withStmt(): Stmt {
    const start = this.next();
    let items: WithItem[] | null = null;
    let firstFailure: PySyntaxError | null = null;
    if (this.at("(")) {
      // `with (a as b, c):` lists items in parentheses; otherwise the
      // parenthesis belongs to the first item's expression. Like CPython's
      // PEG parser, try the first reading, then the second.
      const save = this.pos;
      try {
        this.next();
        items = [this.withItem()];
        while (this.eat(",")) {
          if (this.at(")")) break;
          items.push(this.withItem());
        }
        this.expect(")");
        if (this.tok.type === "NEWLINE") throw this.orGeneric(this.errorHere("expected ':'"));
        if (!this.at(":")) throw this.invalidSyntax();
      } catch (e) {
        // A specific message from the first reading is what CPython reports.
        if (!this.isGeneric(e)) throw e;
        firstFailure = e;
        items = null;
        this.reset(save);
      }
    }
    if (items === null) {
      try {
        items = [this.withItem()];
        while (this.eat(",")) items.push(this.withItem());
      } catch (e) {
        // A generic error is reported where parsing got furthest.
        if (firstFailure !== null && this.isGeneric(e) && isBefore(e, firstFailure)) {
          throw firstFailure;
        }
        throw e;
      }
    }
    this.colon(false);
    const body = this.block("'with' statement", start);
    return this.finish({ _type: "With", items, body, type_comment: null }, start);
  }

  private withItem(): WithItem {
    const contextExpr = this.expression();
    let optionalVars: Expr | null = null;
    if (this.eat("as")) {
      const start = this.pos;
      let err: PySyntaxError | null = null;
      try {
        optionalVars = this.starTarget("star");
        if (!this.at(",") && !this.at(")") && !this.at(":") && this.tok.type !== "NEWLINE") err = this.invalidSyntax();
      } catch (e) {
        if (!this.isGeneric(e) && !(e instanceof PySyntaxError && this.targetErrors.has(e))) throw e;
        err = e;
      }
      if (err !== null) {
        // CPython's invalid_with_item re-reads the target as an expression.
        if (!this.invalidRules) throw err;
        this.probe(() => {
          this.reset(start);
          const e = this.expression();
          const bad = invalidTarget(e, "star");
          if (bad !== null && (this.at(",") || this.at(")") || this.at(":"))) {
            throw this.errorSpan(`cannot assign to ${exprName(bad)}`, bad);
          }
        });
        throw this.targetErrors.has(err) ? this.invalidSyntax() : err;
      }
    }
    return { _type: "withitem", context_expr: contextExpr, optional_vars: optionalVars };
  }

  private tryStmt(): Stmt {
    const start = this.next();
    this.colon(true);
    const body = this.block("'try' statement", start);
    const handlers: ExceptHandler[] = [];
    while (this.at("except")) handlers.push(this.exceptHandler());
    let orelse: Stmt[] = [];
    if (handlers.length > 0 && this.at("else")) orelse = this.elseBlock();
    let finalbody: Stmt[] = [];
    if (this.at("finally")) {
      const fin = this.next();
      this.colon(true);
      finalbody = this.block("'finally' statement", fin);
    }
    if (handlers.length === 0 && finalbody.length === 0) throw this.orGeneric(this.errorHere("expected 'except' or 'finally' block"));
    return this.finish({ _type: "Try", body, handlers, orelse, finalbody }, start);
  }

  private exceptHandler(): ExceptHandler {
    const start = this.next();
    if (this.at("*")) throw this.errorSpan("except* is not supported", start, this.tok);
    let type: Expr | null = null;
    let name: string | null = null;
    if (this.tok.type === "NEWLINE") throw this.orGeneric(this.errorHere("expected ':'"));
    if (!this.at(":")) {
      type = this.expression();
      if (this.at(",")) throw this.invalidRules ? this.unparenthesizedExceptTypes(type) : this.invalidSyntax();
      if (this.eat("as")) name = this.identifier();
    }
    this.colon(false);
    const body = this.block("'except' statement", start);
    return this.finish({ _type: "ExceptHandler", type, name, body }, start);
  }

  /** `except A, B:` (Python 2 syntax): CPython's message, ending where its tokenizer stopped. */
  private unparenthesizedExceptTypes(type: Expr): Error {
    let more = 0;
    while (this.eat(",")) {
      if (!this.startsExpression(this.tok)) break;
      this.expression();
      more++;
    }
    if (more === 0) return this.invalidSyntax();
    if (this.eat("as") && isIdentifier(this.tok)) this.next();
    if (!this.at(":")) return this.invalidSyntax();
    const colon = this.tok;
    return this.errorEndingAt("multiple exception types must be parenthesized", type, colon);
  }

  private functionDef(decorators: Expr[]): Stmt {
    const start = this.next();
    const name = this.identifier();
    if (!this.at("(")) throw this.errorHere("expected '('");
    this.next();
    const args: Arguments = this.parameters("def", ")");
    this.expect(")");
    let returns: Expr | null = null;
    if (this.at("->")) {
      // If no annotation follows, CPython backtracks and wants the ':' here.
      const arrow = this.tok;
      const save = this.pos;
      try {
        this.next();
        returns = this.expression();
      } catch (e) {
        if (!this.isGeneric(e)) throw e;
        this.reset(save);
        throw this.errorSpan("expected ':'", arrow);
      }
    }
    this.colon(true);
    const body = this.block("function definition", start);
    return this.finish(
      { _type: "FunctionDef", name, args, body, decorator_list: decorators, returns, type_comment: null },
      start,
    );
  }

  private classDef(decorators: Expr[]): Stmt {
    const start = this.next();
    const name = this.identifier();
    let bases: Expr[] = [];
    let keywords: Keyword[] = [];
    if (this.at("(")) ({ args: bases, keywords } = this.callArguments(false));
    this.colon(false);
    const body = this.block("class definition", start);
    return this.finish({ _type: "ClassDef", name, bases, keywords, body, decorator_list: decorators }, start);
  }

  private decorated(): Stmt {
    const decorators: Expr[] = [];
    while (this.eat("@")) {
      decorators.push(this.namedExpression());
      if (this.tok.type !== "NEWLINE") throw this.invalidSyntax();
      this.next();
    }
    if (this.at("def")) return this.functionDef(decorators);
    if (this.at("class")) return this.classDef(decorators);
    if (this.at("async") && this.peek().value === "def") throw this.errorSpan("async is not supported", this.tok);
    throw this.invalidSyntax();
  }
}
