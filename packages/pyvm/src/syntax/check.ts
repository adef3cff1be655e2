// Post-parse checks: the SyntaxErrors CPython raises after parsing, from its
// future-import scan, its symbol table and its code generator. They run in
// CPython's order (future → symbol table walk → symbol table analysis →
// code generation) so the first error reported is the one CPython reports.
//
// Not reproduced (left to the compiler): "too many expressions in
// star-unpacking assignment", errors about async/await (rejected by the
// parser) and private-name mangling in messages.

import type {
  Arguments,
  Comprehension,
  Expr,
  ExprContext,
  Keyword,
  Located,
  Module,
  Stmt,
} from "./ast.js";
import type { PySyntaxError } from "./errors.js";
import type { SourceText } from "./source.js";

/** Runs all post-parse checks on `mod`; throws the first PySyntaxError CPython would raise. */
export function checkModule(mod: Module, src: SourceText): void {
  const futureLine = checkFuture(mod, src);
  new SymbolTableCheck(src).run(mod);
  new CodegenCheck(src, futureLine).run(mod);
}

/**
 * An error located at a node. CPython's compiler and symbol table report
 * 1-based UTF-8 byte columns here (not character columns).
 */
function nodeError(src: SourceText, msg: string, n: Located): PySyntaxError {
  return src.error("SyntaxError", msg, n.lineno, n.col_offset + 1, n.end_lineno, n.end_col_offset + 1);
}

// ---- future imports -------------------------------------------------------------------

const FUTURE_FEATURES: ReadonlySet<string> = new Set([
  "nested_scopes", "generators", "division", "absolute_import", "with_statement", "print_function",
  "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations",
]);

/**
 * CPython's future.c: validates the leading `from __future__` imports and
 * returns the line of the last one (-1 if none). Late future imports are
 * reported later, by the code generator, as CPython does.
 */
function checkFuture(mod: Module, src: SourceText): number {
  let futureLine = -1;
  let done = false;
  mod.body.forEach((s, i) => {
    if (done) return;
    if (s._type === "ImportFrom") {
      if (s.module === "__future__") {
        for (const a of s.names) {
          if (FUTURE_FEATURES.has(a.name)) continue;
          const msg = a.name === "braces" ? "not a chance" : `future feature ${a.name} is not defined`;
          throw src.error("SyntaxError", msg, s.lineno, s.col_offset + 1, s.lineno, 0);
        }
        futureLine = s.lineno;
      } else done = true;
    } else if (!(i === 0 && s._type === "Expr" && s.value._type === "Constant" && typeof s.value.value === "string")) {
      done = true;
    }
  });
  return futureLine;
}

// ---- symbol table ---------------------------------------------------------------------

const DEF_GLOBAL = 1;
const DEF_LOCAL = 2;
const DEF_PARAM = 4;
const DEF_NONLOCAL = 8;
const USE = 16;
const DEF_IMPORT = 32;
const DEF_ANNOT = 64;
const DEF_COMP_ITER = 128;

type ScopeType = "module" | "function" | "class";

/** One symbol-table block (CPython's PySTEntryObject, reduced to what the checks need). */
class Scope {
  readonly symbols = new Map<string, number>();
  /** Location of the first global/nonlocal directive per name. */
  readonly directives = new Map<string, Located>();
  readonly children: Scope[] = [];
  /** Set for comprehension scopes: how error messages name them. */
  comprehension: string | null = null;
  /** Depth of comprehension iterable expressions being visited in this scope. */
  compIterExpr = 0;
  /** True while visiting a comprehension's iteration target. */
  compIterTarget = false;

  constructor(
    readonly type: ScopeType,
    readonly parent: Scope | null,
  ) {
    parent?.children.push(this);
  }
}

/** The symbol-table walk and analysis, raising CPython's symtable errors. */
class SymbolTableCheck {
  private cur!: Scope;

  constructor(private readonly src: SourceText) {}

  run(mod: Module): void {
    const top = new Scope("module", null);
    this.cur = top;
    for (const s of mod.body) this.stmt(s);
    this.analyze(top);
  }

  private error(msg: string, n: Located): PySyntaxError {
    return nodeError(this.src, msg, n);
  }

  private addDef(name: string, flag: number, loc: Located, scope: Scope = this.cur): void {
    const old = scope.symbols.get(name);
    let val = flag;
    if (old !== undefined) {
      if (flag & DEF_PARAM && old & DEF_PARAM) throw this.error(`duplicate argument '${name}' in function definition`, loc);
      val = old | flag;
    }
    if (scope.compIterTarget) {
      if (val & (DEF_GLOBAL | DEF_NONLOCAL)) {
        throw this.error(`comprehension inner loop cannot rebind assignment expression target '${name}'`, loc);
      }
      val |= DEF_COMP_ITER;
    }
    scope.symbols.set(name, val);
  }

  private enter(type: ScopeType): Scope {
    const parent = this.cur;
    this.cur = new Scope(type, parent);
    return parent;
  }

  // -- statements

  private stmts(body: Stmt[]): void {
    for (const s of body) this.stmt(s);
  }

  private stmt(s: Stmt): void {
    switch (s._type) {
      case "FunctionDef": {
        this.addDef(s.name, DEF_LOCAL, s);
        this.defaults(s.args);
        this.annotations(s.args, s.returns);
        this.exprs(s.decorator_list);
        const parent = this.enter("function");
        this.params(s.args);
        this.stmts(s.body);
        this.cur = parent;
        return;
      }
      case "ClassDef": {
        this.addDef(s.name, DEF_LOCAL, s);
        this.exprs(s.bases);
        this.keywords(s.keywords);
        this.exprs(s.decorator_list);
        const parent = this.enter("class");
        this.stmts(s.body);
        this.cur = parent;
        return;
      }
      case "Return":
        if (s.value) this.expr(s.value);
        return;
      case "Delete":
        this.exprs(s.targets);
        return;
      case "Assign":
        this.exprs(s.targets);
        this.expr(s.value);
        return;
      case "AnnAssign":
        if (s.target._type === "Name") {
          const name = s.target.id;
          const cur = this.cur.symbols.get(name) ?? 0;
          if (cur & (DEF_GLOBAL | DEF_NONLOCAL) && this.cur.type !== "module" && s.simple) {
            throw this.error(`annotated name '${name}' can't be ${cur & DEF_GLOBAL ? "global" : "nonlocal"}`, s);
          }
          if (s.simple) this.addDef(name, DEF_ANNOT | DEF_LOCAL, s.target);
          else if (s.value) this.addDef(name, DEF_LOCAL, s.target);
        } else {
          this.expr(s.target);
        }
        this.expr(s.annotation);
        if (s.value) this.expr(s.value);
        return;
      case "AugAssign":
        this.expr(s.target);
        this.expr(s.value);
        return;
      case "For":
        this.expr(s.target);
        this.expr(s.iter);
        this.stmts(s.body);
        this.stmts(s.orelse);
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
        for (const h of s.handlers) {
          if (h.type) this.expr(h.type);
          if (h.name !== null) this.addDef(h.name, DEF_LOCAL, h);
          this.stmts(h.body);
        }
        this.stmts(s.finalbody);
        return;
      case "Assert":
        this.expr(s.test);
        if (s.msg) this.expr(s.msg);
        return;
      case "Import":
      case "ImportFrom":
        for (const a of s.names) {
          if (a.name === "*") {
            if (this.cur.type !== "module") throw this.error("import * only allowed at module level", a);
            continue;
          }
          const store = a.asname ?? a.name.split(".")[0];
          this.addDef(store, DEF_IMPORT, a);
        }
        return;
      case "Global":
      case "Nonlocal": {
        const word = s._type === "Global" ? "global" : "nonlocal";
        for (const name of s.names) {
          const cur = this.cur.symbols.get(name) ?? 0;
          if (cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) {
            let msg: string;
            if (cur & DEF_PARAM) msg = `name '${name}' is parameter and ${word}`;
            else if (cur & USE) msg = `name '${name}' is used prior to ${word} declaration`;
            else if (cur & DEF_ANNOT) msg = `annotated name '${name}' can't be ${word}`;
            else msg = `name '${name}' is assigned to before ${word} declaration`;
            throw this.error(msg, s);
          }
          this.addDef(name, s._type === "Global" ? DEF_GLOBAL : DEF_NONLOCAL, s);
          if (!this.cur.directives.has(name)) this.cur.directives.set(name, s);
        }
        return;
      }
      case "Expr":
        this.expr(s.value);
        return;
      case "Pass":
      case "Break":
      case "Continue":
        return;
    }
  }

  private defaults(a: Arguments): void {
    this.exprs(a.defaults);
    for (const d of a.kw_defaults) if (d) this.expr(d);
  }

  private annotations(a: Arguments, returns: Expr | null): void {
    for (const arg of [...a.posonlyargs, ...a.args]) if (arg.annotation) this.expr(arg.annotation);
    if (a.vararg?.annotation) this.expr(a.vararg.annotation);
    for (const arg of a.kwonlyargs) if (arg.annotation) this.expr(arg.annotation);
    if (a.kwarg?.annotation) this.expr(a.kwarg.annotation);
    if (returns) this.expr(returns);
  }

  /** Parameters in CPython's order: positional-only, positional, keyword-only, *args, **kwargs. */
  private params(a: Arguments): void {
    for (const arg of [...a.posonlyargs, ...a.args, ...a.kwonlyargs]) this.addDef(arg.arg, DEF_PARAM, arg);
    if (a.vararg) this.addDef(a.vararg.arg, DEF_PARAM, a.vararg);
    if (a.kwarg) this.addDef(a.kwarg.arg, DEF_PARAM, a.kwarg);
  }

  private keywords(ks: Keyword[]): void {
    for (const k of ks) this.expr(k.value);
  }

  // -- expressions

  private exprs(es: Expr[]): void {
    for (const e of es) this.expr(e);
  }

  private expr(e: Expr): void {
    switch (e._type) {
      case "NamedExpr":
        this.namedExpr(e);
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
      case "Lambda": {
        this.defaults(e.args);
        const parent = this.enter("function");
        this.params(e.args);
        this.expr(e.body);
        this.cur = parent;
        return;
      }
      case "IfExp":
        this.expr(e.test);
        this.expr(e.body);
        this.expr(e.orelse);
        return;
      case "Dict":
        for (const k of e.keys) if (k) this.expr(k);
        this.exprs(e.values);
        return;
      case "Set":
        this.exprs(e.elts);
        return;
      case "ListComp":
        this.comprehension(e.generators, e.elt, null, "list comprehension");
        return;
      case "SetComp":
        this.comprehension(e.generators, e.elt, null, "set comprehension");
        return;
      case "GeneratorExp":
        this.comprehension(e.generators, e.elt, null, "generator expression");
        return;
      case "DictComp":
        this.comprehension(e.generators, e.key, e.value, "dict comprehension");
        return;
      case "Yield":
      case "YieldFrom":
        if (e.value) this.expr(e.value);
        if (this.cur.comprehension !== null) throw this.error(`'yield' inside ${this.cur.comprehension}`, e);
        return;
      case "Compare":
        this.expr(e.left);
        this.exprs(e.comparators);
        return;
      case "Call":
        this.expr(e.func);
        this.exprs(e.args);
        this.keywords(e.keywords);
        return;
      case "FormattedValue":
        this.expr(e.value);
        if (e.format_spec) this.expr(e.format_spec);
        return;
      case "JoinedStr":
        this.exprs(e.values);
        return;
      case "Constant":
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
      case "Name":
        this.addDef(e.id, e.ctx === "Load" ? USE : DEF_LOCAL, e);
        return;
      case "List":
      case "Tuple":
        this.exprs(e.elts);
        return;
    }
  }

  /** CPython's symtable_handle_comprehension: the first iterable belongs to the enclosing scope. */
  private comprehension(generators: Comprehension[], elt: Expr, value: Expr | null, what: string): void {
    const [outermost, ...rest] = generators;
    this.cur.compIterExpr++;
    this.expr(outermost.iter);
    this.cur.compIterExpr--;
    const parent = this.enter("function");
    this.cur.comprehension = what;
    this.cur.compIterTarget = true;
    this.expr(outermost.target);
    this.cur.compIterTarget = false;
    this.exprs(outermost.ifs);
    for (const g of rest) {
      this.cur.compIterTarget = true;
      this.expr(g.target);
      this.cur.compIterTarget = false;
      this.cur.compIterExpr++;
      this.expr(g.iter);
      this.cur.compIterExpr--;
      this.exprs(g.ifs);
    }
    if (value) this.expr(value);
    this.expr(elt);
    this.cur = parent;
  }

  private namedExpr(e: Extract<Expr, { _type: "NamedExpr" }>): void {
    if (this.cur.compIterExpr > 0) {
      throw this.error("assignment expression cannot be used in a comprehension iterable expression", e);
    }
    if (this.cur.comprehension !== null) this.bindWalrusTarget(e.target.id, e.target);
    this.expr(e.value);
    this.expr(e.target);
  }

  /** A walrus in a comprehension binds in the nearest enclosing function or module scope. */
  private bindWalrusTarget(name: string, loc: Located): void {
    for (let s: Scope | null = this.cur; s !== null; s = s.parent) {
      if (s.comprehension !== null) {
        if ((s.symbols.get(name) ?? 0) & DEF_COMP_ITER) {
          throw this.error(`assignment expression cannot rebind comprehension iteration variable '${name}'`, loc);
        }
        continue;
      }
      if (s.type === "function") {
        const global = (s.symbols.get(name) ?? 0) & DEF_GLOBAL;
        this.addDef(name, global ? DEF_GLOBAL : DEF_NONLOCAL, loc);
        if (!this.cur.directives.has(name)) this.cur.directives.set(name, loc);
        this.addDef(name, DEF_LOCAL, loc, s);
        return;
      }
      if (s.type === "module") {
        this.addDef(name, DEF_GLOBAL, loc);
        this.addDef(name, DEF_GLOBAL, loc, s);
        return;
      }
      throw this.error("assignment expression within a comprehension cannot be used in a class body", loc);
    }
  }

  // -- analysis

  /** CPython's analyze_block, reduced to the nonlocal/global consistency errors. */
  private analyze(scope: Scope): void {
    for (const [name, flags] of scope.symbols) {
      const at = scope.directives.get(name);
      if (at === undefined) continue;
      if (flags & DEF_GLOBAL && flags & DEF_NONLOCAL) throw this.error(`name '${name}' is nonlocal and global`, at);
      if (flags & DEF_NONLOCAL) {
        if (scope.type === "module") throw this.error("nonlocal declaration not allowed at module level", at);
        if (!this.boundOutside(name, scope)) throw this.error(`no binding for nonlocal '${name}' found`, at);
      }
    }
    for (const child of scope.children) this.analyze(child);
  }

  /** True if an enclosing function scope binds `name` (class scopes are skipped). */
  private boundOutside(name: string, scope: Scope): boolean {
    for (let s = scope.parent; s !== null && s.type !== "module"; s = s.parent) {
      if (s.type === "class") continue;
      const f = s.symbols.get(name) ?? 0;
      if (f & DEF_GLOBAL) return false;
      if (f & DEF_NONLOCAL) continue;
      if (f & (DEF_LOCAL | DEF_PARAM | DEF_IMPORT)) return true;
    }
    return false;
  }
}

// ---- code generation --------------------------------------------------------------------

type Unit = "module" | "function" | "class";

/** The errors CPython's code generator raises, visited in its order. */
class CodegenCheck {
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
    return nodeError(this.src, msg, n);
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
