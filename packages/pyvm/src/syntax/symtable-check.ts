// The symbol-table checks of CPython 3.11 (symtable.c): duplicate
// parameters, global/nonlocal misuse, yield in comprehensions, assignment
// expressions in comprehensions, and import * outside modules. The
// traversal shared with the code-generation checks lives in ast-walker.ts.

import type { Arguments, Comprehension, Expr, Located, Module, Stmt } from "./ast.js";
import { AstWalker } from "./ast-walker.js";

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
export class SymbolTableCheck extends AstWalker {
  private cur!: Scope;

  run(mod: Module): void {
    const top = new Scope("module", null);
    this.cur = top;
    this.stmts(mod.body);
    this.analyze(top);
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

  protected override bindName(name: string, at: Located): void {
    this.addDef(name, DEF_LOCAL, at);
  }

  private enter(type: ScopeType): Scope {
    const parent = this.cur;
    this.cur = new Scope(type, parent);
    return parent;
  }

  // -- statements

  protected override stmt(s: Stmt): void {
    switch (s._type) {
      case "FunctionDef": {
        this.bindName(s.name, s);
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
        this.bindName(s.name, s);
        this.callArgs(s.bases, s.keywords, s);
        this.exprs(s.decorator_list);
        const parent = this.enter("class");
        this.stmts(s.body);
        this.cur = parent;
        return;
      }
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
      case "For":
        this.expr(s.target);
        this.expr(s.iter);
        this.stmts(s.body);
        this.stmts(s.orelse);
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
    }
    super.stmt(s);
  }

  /** Parameters in CPython's order: positional-only, positional, keyword-only, *args, **kwargs. */
  private params(a: Arguments): void {
    for (const arg of [...a.posonlyargs, ...a.args, ...a.kwonlyargs]) this.addDef(arg.arg, DEF_PARAM, arg);
    if (a.vararg) this.addDef(a.vararg.arg, DEF_PARAM, a.vararg);
    if (a.kwarg) this.addDef(a.kwarg.arg, DEF_PARAM, a.kwarg);
  }

  // -- expressions

  protected override expr(e: Expr): void {
    switch (e._type) {
      case "NamedExpr":
        this.namedExpr(e);
        return;
      case "Lambda": {
        this.defaults(e.args);
        const parent = this.enter("function");
        this.params(e.args);
        this.expr(e.body);
        this.cur = parent;
        return;
      }
      case "Dict":
        for (const k of e.keys) if (k) this.expr(k);
        this.exprs(e.values);
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
        super.expr(e);
        if (this.cur.comprehension !== null) throw this.error(`'yield' inside ${this.cur.comprehension}`, e);
        return;
      case "Name":
        this.addDef(e.id, e.ctx === "Load" ? USE : DEF_LOCAL, e);
        return;
    }
    super.expr(e);
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
    super.expr(e);
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
