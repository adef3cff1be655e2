// The code-generation checks of CPython 3.11 (compile.c): return/yield
// outside functions, break/continue outside loops, starred expressions in
// the wrong place, repeated keywords, __debug__ assignments, late future
// imports and a misplaced bare except. The traversal shared with the
// symbol-table checks lives in ast-walker.ts.

import type { Arguments, Comprehension, ExceptHandler, Expr, ExprContext, Keyword, Located, Module, Stmt } from "./ast.js";
import { AstWalker } from "./ast-walker.js";
import type { SourceText } from "./source.js";

type Unit = "module" | "function" | "class";

/** The errors CPython's code generator raises, visited in its order. */
export class CodegenCheck extends AstWalker {
  private unit: Unit = "module";
  /** Number of enclosing loops whose body is being compiled (reset per function/class). */
  private loops = 0;

  constructor(
    src: SourceText,
    private readonly futureLine: number,
  ) {
    super(src);
  }

  run(mod: Module): void {
    this.stmts(mod.body);
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

  protected override bindName(name: string, at: Located): void {
    this.forbidden(name, "Store", at);
  }

  private loopBody(body: Stmt[]): void {
    this.loops++;
    this.stmts(body);
    this.loops--;
  }

  protected override stmt(s: Stmt): void {
    switch (s._type) {
      case "FunctionDef":
        this.debugArgs(s.args, s);
        this.exprs(s.decorator_list);
        this.defaults(s.args);
        this.annotations(s.args, s.returns);
        this.inUnit("function", () => this.stmts(s.body));
        this.bindName(s.name, s);
        return;
      case "ClassDef":
        this.exprs(s.decorator_list);
        this.inUnit("class", () => this.stmts(s.body));
        this.callArgs(s.bases, s.keywords, s);
        this.bindName(s.name, s);
        return;
      case "Return":
        if (this.unit !== "function") throw this.error("'return' outside function", s);
        break;
      case "Assign":
        this.expr(s.value);
        this.exprs(s.targets);
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
      case "Import":
        for (const a of s.names) this.forbidden(a.asname ?? a.name.split(".")[0], "Store", s);
        return;
      case "ImportFrom":
        if (s.lineno > this.futureLine && s.module === "__future__") {
          throw this.error("from __future__ imports must occur at the beginning of the file", s);
        }
        for (const a of s.names) if (a.name !== "*") this.forbidden(a.asname ?? a.name, "Store", s);
        return;
      case "Break":
        if (this.loops === 0) throw this.error("'break' outside loop", s);
        return;
      case "Continue":
        if (this.loops === 0) throw this.error("'continue' not properly in loop", s);
        return;
    }
    super.stmt(s);
  }

  protected override handler(h: ExceptHandler, last: boolean): void {
    if (h.type === null && !last) throw this.error("default 'except:' must be last", h);
    super.handler(h, last);
  }

  /** compiler_check_debug_args: no parameter may be called __debug__ (reported at the definition). */
  private debugArgs(a: Arguments, at: Located): void {
    const all = [...a.posonlyargs, ...a.args, ...(a.vararg ? [a.vararg] : []), ...a.kwonlyargs, ...(a.kwarg ? [a.kwarg] : [])];
    for (const arg of all) this.forbidden(arg.arg, "Store", at);
  }

  /** Keywords are validated (no __debug__, no repeats) before any argument is visited. */
  protected override callArgs(args: Expr[], keywords: Keyword[], at: Located): void {
    keywords.forEach((k, i) => {
      if (k.arg === null) return;
      this.forbidden(k.arg, "Store", at);
      for (const other of keywords.slice(i + 1)) {
        if (other.arg === k.arg) throw this.error(`keyword argument repeated: ${k.arg}`, other);
      }
    });
    super.callArgs(args, keywords, at);
  }

  protected override expr(e: Expr): void {
    switch (e._type) {
      case "Yield":
      case "YieldFrom":
        if (this.unit !== "function") throw this.error("'yield' outside function", e);
        break;
      case "Starred":
        throw this.error(
          e.ctx === "Store" ? "starred assignment target must be in a list or tuple" : "can't use starred expression here",
          e,
        );
      case "Name":
        this.forbidden(e.id, e.ctx, e);
        return;
      case "Attribute":
        super.expr(e);
        this.forbidden(e.attr, e.ctx, e);
        return;
      case "List":
      case "Tuple":
        if (e.ctx === "Store") {
          if (e.elts.filter((x) => x._type === "Starred").length > 1) {
            throw this.error("multiple starred expressions in assignment", e);
          }
        }
        break;
      case "Lambda":
        this.debugArgs(e.args, e);
        this.defaults(e.args);
        this.inUnit("function", () => this.expr(e.body));
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
    }
    super.expr(e);
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
