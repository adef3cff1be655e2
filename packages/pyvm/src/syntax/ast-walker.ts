// The AST traversal shared by the post-parse checks (symtable-check.ts and
// codegen-check.ts): it visits the children of every node whose children
// both checks visit in the same order. Each check overrides `stmt`/`expr`
// for the nodes it inspects or visits in its own order, and defers to the
// walker (`super`) for the rest.

import type { Arguments, ExceptHandler, Expr, Keyword, Located, Stmt } from "./ast.js";
import type { PySyntaxError } from "./errors.js";
import type { SourceText } from "./source.js";

/**
 * Base class of the post-parse checks. Its `stmt` and `expr` visit the
 * children of the nodes the checks walk alike. It leaves alone the nodes
 * each check must visit itself because the order differs between
 * CPython's symtable.c and compile.c: FunctionDef, ClassDef, Assign,
 * AnnAssign and For statements; Lambda, Dict and comprehension
 * expressions. Leaves (names, constants, imports, global/nonlocal,
 * pass/break/continue) have no children to visit.
 */
export abstract class AstWalker {
  constructor(protected readonly src: SourceText) {}

  /** A SyntaxError spanning node `n`, located as CPython's compiler locates it. */
  protected error(msg: string, n: Located): PySyntaxError {
    return this.src.errorAtNode(msg, n);
  }

  /** A plain binding of `name` at `at`: a def/class name or an except-handler's `as` name. */
  protected abstract bindName(name: string, at: Located): void;

  /** Visits the statements of a block in order. */
  protected stmts(body: Stmt[]): void {
    for (const s of body) this.stmt(s);
  }

  /** Visits the children of the statements both checks walk alike. */
  protected stmt(s: Stmt): void {
    switch (s._type) {
      case "Return":
        if (s.value) this.expr(s.value);
        return;
      case "Delete":
        this.exprs(s.targets);
        return;
      case "AugAssign":
        this.expr(s.target);
        this.expr(s.value);
        return;
      case "While":
      case "If":
        this.expr(s.test);
        this.stmts(s.body);
        this.stmts(s.orelse);
        return;
      case "With":
        for (const item of s.items) {
          this.expr(item.context_expr);
          if (item.optional_vars) this.expr(item.optional_vars);
        }
        this.stmts(s.body);
        return;
      case "Raise":
        if (s.exc) this.expr(s.exc);
        if (s.cause) this.expr(s.cause);
        return;
      case "Try":
        this.stmts(s.body);
        this.stmts(s.orelse);
        s.handlers.forEach((h, i) => this.handler(h, i === s.handlers.length - 1));
        this.stmts(s.finalbody);
        return;
      case "Assert":
        this.expr(s.test);
        if (s.msg) this.expr(s.msg);
        return;
      case "Expr":
        this.expr(s.value);
        return;
    }
  }

  /** One `except` clause of a try statement (`last`: it is the final clause). */
  protected handler(h: ExceptHandler, last: boolean): void {
    if (h.type) this.expr(h.type);
    if (h.name !== null) this.bindName(h.name, h);
    this.stmts(h.body);
  }

  /** Default values of parameters: positional ones, then keyword-only ones. */
  protected defaults(a: Arguments): void {
    this.exprs(a.defaults);
    for (const d of a.kw_defaults) if (d) this.expr(d);
  }

  /** Parameter annotations in CPython's order, then the return annotation. */
  protected annotations(a: Arguments, returns: Expr | null): void {
    for (const arg of [...a.posonlyargs, ...a.args]) if (arg.annotation) this.expr(arg.annotation);
    const star = a.vararg?.annotation;
    // `*args: *Ts` is the one place a bare starred annotation is allowed.
    if (star) this.expr(star._type === "Starred" ? star.value : star);
    for (const arg of a.kwonlyargs) if (arg.annotation) this.expr(arg.annotation);
    if (a.kwarg?.annotation) this.expr(a.kwarg.annotation);
    if (returns) this.expr(returns);
  }

  /** Call-like argument lists (calls and class bases): positional items, then keyword values. */
  protected callArgs(args: Expr[], keywords: Keyword[], at: Located): void {
    this.elements(args);
    for (const k of keywords) this.expr(k.value);
  }

  /** Elements of a display or argument list, where `*x` is allowed. */
  protected elements(elts: Expr[]): void {
    for (const e of elts) this.expr(e._type === "Starred" ? e.value : e);
  }

  /** Visits expressions in order. */
  protected exprs(es: Expr[]): void {
    for (const e of es) this.expr(e);
  }

  /** Visits the children of the expressions both checks walk alike. */
  protected expr(e: Expr): void {
    switch (e._type) {
      case "Yield":
      case "YieldFrom":
        if (e.value) this.expr(e.value);
        return;
      case "NamedExpr":
        this.expr(e.value);
        this.expr(e.target);
        return;
      case "BoolOp":
        this.exprs(e.values);
        return;
      case "BinOp":
        this.expr(e.left);
        this.expr(e.right);
        return;
      case "UnaryOp":
        this.expr(e.operand);
        return;
      case "IfExp":
        this.expr(e.test);
        this.expr(e.body);
        this.expr(e.orelse);
        return;
      case "Compare":
        this.expr(e.left);
        this.exprs(e.comparators);
        return;
      case "Call":
        this.expr(e.func);
        this.callArgs(e.args, e.keywords, e);
        return;
      case "FormattedValue":
        this.expr(e.value);
        if (e.format_spec) this.expr(e.format_spec);
        return;
      case "JoinedStr":
        this.exprs(e.values);
        return;
      case "Attribute":
      case "Starred":
        this.expr(e.value);
        return;
      case "Subscript":
        this.expr(e.value);
        this.expr(e.slice);
        return;
      case "Slice":
        if (e.lower) this.expr(e.lower);
        if (e.upper) this.expr(e.upper);
        if (e.step) this.expr(e.step);
        return;
      case "List":
      case "Tuple":
      case "Set":
        this.elements(e.elts);
        return;
    }
  }
}
