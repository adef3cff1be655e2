// The code-generation checks of CPython 3.11 (compile.c): return/yield
// outside functions, break/continue outside loops, starred expressions in
// the wrong place, repeated keywords, __debug__ assignments, late future
// imports and a misplaced bare except.

import type { Arguments, Comprehension, Expr, ExprContext, Keyword, Located, Module, Stmt } from "./ast.js";
import type { PySyntaxError } from "./errors.js";
import type { SourceText } from "./source.js";

type Unit = "module" | "function" | "class";

/** The errors CPython's code generator raises, visited in its order. */
export class CodegenCheck {
  private unit: Unit = "module";
  /** Number of enclosing loops whose body is being compiled (reset per function/class). */
  private loops = 0;

  constructor(
    private readonly src: SourceText,
    private readonly futureLine: number,
  ) {}

  run(mod: Module): void {
    this.stmts(mod.body);
  }

  private error(msg: string, n: Located): PySyntaxError {
    return this.src.errorAtNode(msg, n);
  }

  private inUnit(unit: Unit, f: () => void): void {
    const saved = [this.unit, this.loops] as const;
    this.unit = unit;
    this.loops = 0;
    f();
    [this.unit, this.loops] = saved;
  }

  private forbidden(name: string, ctx: ExprContext, loc: Located): void {
    if (name !== "__debug__" || ctx === "Load") return;
    throw this.error(ctx === "Del" ? "cannot delete __debug__" : "cannot assign to __debug__", loc);
  }

  private stmts(body: Stmt[]): void {
    for (const s of body) this.stmt(s);
  }

  private loopBody(body: Stmt[]): void {
    this.loops++;
    this.stmts(body);
    this.loops--;
  }

  private stmt(s: Stmt): void {
    switch (s._type) {
      case "FunctionDef":
        this.debugArgs(s.args, s);
        this.exprs(s.decorator_list);
        this.defaults(s.args);
        this.annotations(s.args, s.returns);
        this.inUnit("function", () => this.stmts(s.body));
        this.forbidden(s.name, "Store", s);
        return;
      case "ClassDef":
        this.exprs(s.decorator_list);
        this.inUnit("class", () => this.stmts(s.body));
        this.callArgs(s.bases, s.keywords, s);
        this.forbidden(s.name, "Store", s);
        return;
      case "Return":
        if (this.unit !== "function") throw this.error("'return' outside function", s);
        if (s.value) this.expr(s.value);
        return;
      case "Delete":
        this.exprs(s.targets);
        return;
      case "Assign":
        this.expr(s.value);
        this.exprs(s.targets);
        return;
      case "AugAssign":
        this.expr(s.target);
        this.expr(s.value);
        return;
      case "AnnAssign":
        if (s.value) this.expr(s.value);
        this.expr(s.target);
        this.expr(s.annotation);
        return;
      case "For":
        this.expr(s.iter);
        this.expr(s.target);
        this.loopBody(s.body);
        this.stmts(s.orelse);
        return;
      case "While":
        this.expr(s.test);
        this.loopBody(s.body);
        this.stmts(s.orelse);
        return;
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
        s.handlers.forEach((h, i) => {
          if (h.type === null && i < s.handlers.length - 1) throw this.error("default 'except:' must be last", h);
          if (h.type) this.expr(h.type);
          if (h.name !== null) this.forbidden(h.name, "Store", h);
          this.stmts(h.body);
        });
        this.stmts(s.finalbody);
        return;
      case "Assert":
        this.expr(s.test);
        if (s.msg) this.expr(s.msg);
        return;
      case "Import":
        for (const a of s.names) this.forbidden(a.asname ?? a.name.split(".")[0], "Store", s);
        return;
      case "ImportFrom":
        if (s.lineno > this.futureLine && s.module === "__future__") {
          throw this.error("from __future__ imports must occur at the beginning of the file", s);
        }
        for (const a of s.names) if (a.name !== "*") this.forbidden(a.asname ?? a.name, "Store", s);
        return;
      case "Global":
      case "Nonlocal":
      case "Pass":
        return;
      case "Break":
        if (this.loops === 0) throw this.error("'break' outside loop", s);
        return;
      case "Continue":
        if (this.loops === 0) throw this.error("'continue' not properly in loop", s);
        return;
      case "Expr":
        this.expr(s.value);
        return;
    }
  }

  /** compiler_check_debug_args: no parameter may be called __debug__ (reported at the definition). */
  private debugArgs(a: Arguments, at: Located): void {
    const all = [...a.posonlyargs, ...a.args, ...(a.vararg ? [a.vararg] : []), ...a.kwonlyargs, ...(a.kwarg ? [a.kwarg] : [])];
    for (const arg of all) this.forbidden(arg.arg, "Store", at);
  }

  private defaults(a: Arguments): void {
    this.exprs(a.defaults);
    for (const d of a.kw_defaults) if (d) this.expr(d);
  }

  private annotations(a: Arguments, returns: Expr | null): void {
    for (const arg of [...a.posonlyargs, ...a.args]) if (arg.annotation) this.expr(arg.annotation);
    const star = a.vararg?.annotation;
    // `*args: *Ts` is the one place a bare starred annotation is allowed.
    if (star) this.expr(star._type === "Starred" ? star.value : star);
    for (const arg of a.kwonlyargs) if (arg.annotation) this.expr(arg.annotation);
    if (a.kwarg?.annotation) this.expr(a.kwarg.annotation);
    if (returns) this.expr(returns);
  }

  /** Call-like argument lists: starred items are allowed; keywords are validated first. */
  private callArgs(args: Expr[], keywords: Keyword[], at: Located): void {
    keywords.forEach((k, i) => {
      if (k.arg === null) return;
      this.forbidden(k.arg, "Store", at);
      for (const other of keywords.slice(i + 1)) {
        if (other.arg === k.arg) throw this.error(`keyword argument repeated: ${k.arg}`, other);
      }
    });
    this.elements(args);
    for (const k of keywords) this.expr(k.value);
  }

  /** Elements of a display or argument list, where `*x` is allowed. */
  private elements(elts: Expr[]): void {
    for (const e of elts) this.expr(e._type === "Starred" ? e.value : e);
  }

  private exprs(es: Expr[]): void {
    for (const e of es) this.expr(e);
  }

  private expr(e: Expr): void {
    switch (e._type) {
      case "Yield":
      case "YieldFrom":
        if (this.unit !== "function") throw this.error("'yield' outside function", e);
        if (e.value) this.expr(e.value);
        return;
      case "Starred":
        throw this.error(
          e.ctx === "Store" ? "starred assignment target must be in a list or tuple" : "can't use starred expression here",
          e,
        );
      case "Name":
        this.forbidden(e.id, e.ctx, e);
        return;
      case "Attribute":
        this.expr(e.value);
        this.forbidden(e.attr, e.ctx, e);
        return;
      case "List":
      case "Tuple":
        if (e.ctx === "Store") {
          if (e.elts.filter((x) => x._type === "Starred").length > 1) {
            throw this.error("multiple starred expressions in assignment", e);
          }
        }
        this.elements(e.elts);
        return;
      case "Set":
        this.elements(e.elts);
        return;
      case "Call":
        this.expr(e.func);
        this.callArgs(e.args, e.keywords, e);
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
      case "Lambda":
        this.debugArgs(e.args, e);
        this.defaults(e.args);
        this.inUnit("function", () => this.expr(e.body));
        return;
      case "IfExp":
        this.expr(e.test);
        this.expr(e.body);
        this.expr(e.orelse);
        return;
      case "Dict":
        e.keys.forEach((k, i) => {
          if (k) this.expr(k);
          this.expr(e.values[i]);
        });
        return;
      case "ListComp":
      case "SetComp":
      case "GeneratorExp":
        this.comprehension(e.generators, [e.elt]);
        return;
      case "DictComp":
        this.comprehension(e.generators, [e.key, e.value]);
        return;
      case "Compare":
        this.expr(e.left);
        this.exprs(e.comparators);
        return;
      case "FormattedValue":
        this.expr(e.value);
        if (e.format_spec) this.expr(e.format_spec);
        return;
      case "JoinedStr":
        this.exprs(e.values);
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
      case "Constant":
        return;
    }
  }

  /** The first iterable is compiled in the enclosing unit, the rest in the comprehension's function. */
  private comprehension(generators: Comprehension[], elts: Expr[]): void {
    this.expr(generators[0].iter);
    this.inUnit("function", () => {
      generators.forEach((g, i) => {
        if (i > 0) this.expr(g.iter);
        this.expr(g.target);
        this.exprs(g.ifs);
      });
      this.exprs(elts);
    });
  }
}
