// The symbol table: which names each scope binds, uses and declares, and the resulting scope of
// every name (local, global explicit/implicit, free, cell). A port of CPython 3.12's
// Python/symtable.c without type parameters: the same two passes (collect raw facts per block,
// then analyze blocks top-down passing the bindings visible to children), the same flag bits,
// the same symbol insertion order (the compiler depends on it for PEP 709 inlining), the same
// SyntaxErrors with the same locations.

import type * as ast from "../syntax/ast.js";
import { mangle } from "./mangle.js";
import { syntaxError } from "./errors.js";
import type { SourceInfo } from "./errors.js";

/** Raw definition flags of a symbol (CPython's DEF_*). */
export const DEF = {
  GLOBAL: 1,
  LOCAL: 2,
  PARAM: 4,
  NONLOCAL: 8,
  USE: 16,
  FREE: 32,
  FREE_CLASS: 64,
  IMPORT: 128,
  ANNOT: 256,
  COMP_ITER: 512,
  TYPE_PARAM: 1024,
  COMP_CELL: 2048,
} as const;

/** A binding operation: DEF_LOCAL | DEF_PARAM | DEF_IMPORT. */
export const DEF_BOUND = DEF.LOCAL | DEF.PARAM | DEF.IMPORT;

/** The scope of a name, stored in the flags above SCOPE_OFFSET (CPython's values). */
export const Scope = { NONE: 0, LOCAL: 1, GLOBAL_EXPLICIT: 2, GLOBAL_IMPLICIT: 3, FREE: 4, CELL: 5 } as const;
export type ScopeKind = (typeof Scope)[keyof typeof Scope];

export const SCOPE_OFFSET = 12;
const SCOPE_MASK = DEF.GLOBAL | DEF.LOCAL | DEF.PARAM | DEF.NONLOCAL;

/** The kind of a block (module, class, or function-like: functions, lambdas, comprehensions). */
export type BlockType = "module" | "class" | "function" | "annotation";

/** Which comprehension a function-like block implements, if any. */
export type ComprehensionKind = "none" | "list" | "set" | "dict" | "genexp";

interface Directive {
  name: string;
  lineno: number;
  col: number;
  endLineno: number;
  endCol: number;
}

/** One scope (CPython's PySTEntryObject). */
export class SymbolTableEntry {
  /** name → flags | scope << SCOPE_OFFSET, in order of first mention (a dict in CPython). */
  readonly symbols = new Map<string, number>();
  /** Parameter names in order: positional-only, positional, keyword-only, *args, **kwargs. */
  readonly varnames: string[] = [];
  readonly children: SymbolTableEntry[] = [];
  directives: Directive[] | null = null;
  /** Nested inside a function-like scope (directly or not). */
  nested = false;
  /** Has free variables (or implicit globals while nested). */
  free = false;
  childFree = false;
  generator = false;
  coroutine = false;
  comprehension: ComprehensionKind = "none";
  returnsValue = false;
  /** A class whose methods use `__class__` (or `super`): the class body creates a `__class__` cell. */
  needsClassClosure = false;
  /** A list/set/dict comprehension inlined into its parent (PEP 709). */
  compInlined = false;
  compIterTarget = false;
  compIterExpr = 0;
  varargs = false;
  varkeywords = false;

  constructor(
    readonly name: string,
    readonly type: BlockType,
    readonly node: object,
    readonly lineno: number,
    readonly colOffset: number,
  ) {}

  /** True for functions, lambdas and comprehensions (CPython's _PyST_IsFunctionLike). */
  get isFunctionLike(): boolean {
    return this.type === "function";
  }

  /** Raw flags of `name` (0 if unknown). */
  flags(name: string): number {
    return this.symbols.get(name) ?? 0;
  }

  /** Scope of `name` after analysis (0 if unknown). */
  scope(name: string): ScopeKind {
    return ((this.flags(name) >> SCOPE_OFFSET) & 7) as ScopeKind;
  }
}

/** The symbol tables of one module: the top entry and a lookup from AST nodes to entries. */
export class SymbolTable {
  constructor(
    readonly top: SymbolTableEntry,
    private readonly blocks: Map<object, SymbolTableEntry>,
  ) {}

  /** The entry created for a Module, FunctionDef, ClassDef, Lambda or comprehension node. */
  lookup(node: object): SymbolTableEntry {
    const e = this.blocks.get(node);
    if (e === undefined) throw new Error("internal error: no symbol table entry for node");
    return e;
  }
}

/** Options of the symbol table build. */
export interface SymtableOptions {
  /** `from __future__ import annotations` is in effect: annotations are not evaluated. */
  futureAnnotations: boolean;
}

/** Builds and analyzes the symbol table of a module; throws PySyntaxError like CPython. */
export function buildSymtable(mod: ast.Module, src: SourceInfo, options: SymtableOptions): SymbolTable {
  const builder = new Builder(src, options);
  const top = builder.run(mod);
  analyzeBlock(top, null, new Set(), new Set(), src);
  return new SymbolTable(top, builder.blocks);
}

type Loc = ast.Located;

const NAMED_EXPR_COMP_IN_CLASS = "assignment expression within a comprehension cannot be used in a class body";
const NAMED_EXPR_COMP_ITER_EXPR = "assignment expression cannot be used in a comprehension iterable expression";

/** First pass: visits the AST and records raw flags per block (symtable_visit_*). */
class Builder {
  readonly blocks = new Map<object, SymbolTableEntry>();
  private readonly stack: SymbolTableEntry[] = [];
  private cur!: SymbolTableEntry;
  private global!: Map<string, number>;
  private priv: string | null = null;

  constructor(
    private readonly src: SourceInfo,
    private readonly options: SymtableOptions,
  ) {}

  run(mod: ast.Module): SymbolTableEntry {
    this.enterBlock("top", "module", mod, { lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 });
    const top = this.cur;
    for (const s of mod.body) this.visitStmt(s);
    this.exitBlock();
    return top;
  }

  private error(msg: string, loc: Loc): never {
    throw syntaxError(this.src, msg, loc.lineno, loc.col_offset, loc.end_lineno, loc.end_col_offset);
  }

  private enterBlock(name: string, type: BlockType, node: object, loc: Loc): void {
    const prev = this.stack.length > 0 ? this.stack[this.stack.length - 1] : null;
    const ste = new SymbolTableEntry(name, type, node, loc.lineno, loc.col_offset);
    if (prev !== null && (prev.nested || prev.isFunctionLike)) ste.nested = true;
    // bpo-37757: assignment expressions are disallowed anywhere in a comprehension's outermost iterable.
    if (prev !== null) ste.compIterExpr = prev.compIterExpr;
    this.stack.push(ste);
    this.cur = ste;
    // Annotation blocks (future annotations) have no effect on the table: they are not children.
    if (type === "annotation") return;
    this.blocks.set(node, ste);
    if (type === "module") this.global = ste.symbols;
    if (prev !== null) prev.children.push(ste);
  }

  private exitBlock(): void {
    this.stack.pop();
    if (this.stack.length > 0) this.cur = this.stack[this.stack.length - 1];
  }

  private addDef(name: string, flag: number, loc: Loc, ste: SymbolTableEntry = this.cur): void {
    const mangled = mangle(this.priv, name);
    const dict = ste.symbols;
    let val = dict.get(mangled);
    if (val !== undefined) {
      if ((flag & DEF.PARAM) !== 0 && (val & DEF.PARAM) !== 0) {
        this.error(`duplicate argument '${name}' in function definition`, loc);
      }
      val |= flag;
    } else {
      val = flag;
    }
    if (ste.compIterTarget) {
      // An iteration variable of a comprehension: check for conflicts with named expressions.
      if ((val & (DEF.GLOBAL | DEF.NONLOCAL)) !== 0) {
        this.error(`comprehension inner loop cannot rebind assignment expression target '${name}'`, loc);
      }
      val |= DEF.COMP_ITER;
    }
    dict.set(mangled, val);
    if ((flag & DEF.PARAM) !== 0) {
      ste.varnames.push(mangled);
    } else if ((flag & DEF.GLOBAL) !== 0) {
      this.global.set(mangled, flag | (this.global.get(mangled) ?? 0));
    }
  }

  private lookup(name: string): number {
    return this.cur.flags(mangle(this.priv, name));
  }

  private recordDirective(name: string, loc: Loc): void {
    const ste = this.cur;
    if (ste.directives === null) ste.directives = [];
    ste.directives.push({
      name: mangle(this.priv, name),
      lineno: loc.lineno,
      col: loc.col_offset,
      endLineno: loc.end_lineno,
      endCol: loc.end_col_offset,
    });
  }

  // ---- statements ---------------------------------------------------------------------------

  private visitStmts(body: ast.Stmt[]): void {
    for (const s of body) this.visitStmt(s);
  }

  private visitStmt(s: ast.Stmt): void {
    switch (s._type) {
      case "FunctionDef":
        this.addDef(s.name, DEF.LOCAL, s);
        this.visitExprs(s.args.defaults);
        this.visitOptExprs(s.args.kw_defaults);
        this.visitExprs(s.decorator_list);
        this.visitAnnotations(s, s.args, s.returns);
        this.enterBlock(s.name, "function", s, s);
        this.visitArguments(s.args);
        this.visitStmts(s.body);
        this.exitBlock();
        break;
      case "ClassDef": {
        this.addDef(s.name, DEF.LOCAL, s);
        this.visitExprs(s.decorator_list);
        this.visitExprs(s.bases);
        for (const k of s.keywords) this.visitExpr(k.value);
        this.enterBlock(s.name, "class", s, s);
        const tmp = this.priv;
        this.priv = s.name;
        this.visitStmts(s.body);
        this.priv = tmp;
        this.exitBlock();
        break;
      }
      case "Return":
        if (s.value !== null) {
          this.visitExpr(s.value);
          this.cur.returnsValue = true;
        }
        break;
      case "Delete":
        this.visitExprs(s.targets);
        break;
      case "Assign":
        this.visitExprs(s.targets);
        this.visitExpr(s.value);
        break;
      case "AnnAssign":
        if (s.target._type === "Name") {
          const name = s.target;
          const cur = this.lookup(name.id);
          if ((cur & (DEF.GLOBAL | DEF.NONLOCAL)) !== 0 && this.cur.symbols !== this.global && s.simple) {
            const what = (cur & DEF.GLOBAL) !== 0 ? "global" : "nonlocal";
            this.error(`annotated name '${name.id}' can't be ${what}`, s);
          }
          if (s.simple) {
            this.addDef(name.id, DEF.ANNOT | DEF.LOCAL, name);
          } else if (s.value !== null) {
            this.addDef(name.id, DEF.LOCAL, name);
          }
        } else {
          this.visitExpr(s.target);
        }
        this.visitAnnotation(s.annotation);
        if (s.value !== null) this.visitExpr(s.value);
        break;
      case "AugAssign":
        this.visitExpr(s.target);
        this.visitExpr(s.value);
        break;
      case "For":
        this.visitExpr(s.target);
        this.visitExpr(s.iter);
        this.visitStmts(s.body);
        this.visitStmts(s.orelse);
        break;
      case "While":
        this.visitExpr(s.test);
        this.visitStmts(s.body);
        this.visitStmts(s.orelse);
        break;
      case "If":
        this.visitExpr(s.test);
        this.visitStmts(s.body);
        this.visitStmts(s.orelse);
        break;
      case "Raise":
        if (s.exc !== null) {
          this.visitExpr(s.exc);
          if (s.cause !== null) this.visitExpr(s.cause);
        }
        break;
      case "Try":
        this.visitStmts(s.body);
        for (const h of s.handlers) {
          if (h.type !== null) this.visitExpr(h.type);
          if (h.name !== null) this.addDef(h.name, DEF.LOCAL, h);
          this.visitStmts(h.body);
        }
        this.visitStmts(s.orelse);
        this.visitStmts(s.finalbody);
        break;
      case "Assert":
        this.visitExpr(s.test);
        if (s.msg !== null) this.visitExpr(s.msg);
        break;
      case "Import":
      case "ImportFrom":
        for (const a of s.names) this.visitAlias(a);
        break;
      case "Global":
      case "Nonlocal": {
        const isGlobal = s._type === "Global";
        const what = isGlobal ? "global" : "nonlocal";
        for (const name of s.names) {
          const cur = this.lookup(name);
          if ((cur & (DEF.PARAM | DEF.LOCAL | DEF.USE | DEF.ANNOT)) !== 0) {
            let msg: string;
            if ((cur & DEF.PARAM) !== 0) msg = `name '${name}' is parameter and ${what}`;
            else if ((cur & DEF.USE) !== 0) msg = `name '${name}' is used prior to ${what} declaration`;
            else if ((cur & DEF.ANNOT) !== 0) msg = `annotated name '${name}' can't be ${what}`;
            else msg = `name '${name}' is assigned to before ${what} declaration`;
            this.error(msg, s);
          }
          this.addDef(name, isGlobal ? DEF.GLOBAL : DEF.NONLOCAL, s);
          this.recordDirective(name, s);
        }
        break;
      }
      case "Expr":
        this.visitExpr(s.value);
        break;
      case "Pass":
      case "Break":
      case "Continue":
        break;
      case "With":
        for (const item of s.items) {
          this.visitExpr(item.context_expr);
          if (item.optional_vars !== null) this.visitExpr(item.optional_vars);
        }
        this.visitStmts(s.body);
        break;
    }
  }

  private visitAlias(a: ast.Alias): void {
    // The name actually bound: the first component of a dotted module name.
    const name = a.asname ?? a.name;
    const dot = name.indexOf(".");
    const storeName = dot >= 0 ? name.slice(0, dot) : name;
    if (name !== "*") {
      this.addDef(storeName, DEF.IMPORT, a);
    } else if (this.cur.type !== "module") {
      this.error("import * only allowed at module level", a);
    }
  }

  // ---- annotations and arguments --------------------------------------------------------------

  private visitAnnotation(annotation: ast.Expr): void {
    const future = this.options.futureAnnotations;
    if (future) this.enterBlock("_annotation", "annotation", annotation, annotation);
    this.visitExpr(annotation);
    if (future) this.exitBlock();
  }

  private visitArgAnnotations(args: ast.Arg[]): void {
    for (const a of args) if (a.annotation !== null) this.visitExpr(a.annotation);
  }

  private visitAnnotations(s: ast.FunctionDef, a: ast.Arguments, returns: ast.Expr | null): void {
    const future = this.options.futureAnnotations;
    if (future) this.enterBlock("_annotation", "annotation", s, s);
    this.visitArgAnnotations(a.posonlyargs);
    this.visitArgAnnotations(a.args);
    if (a.vararg?.annotation) this.visitExpr(a.vararg.annotation);
    if (a.kwarg?.annotation) this.visitExpr(a.kwarg.annotation);
    this.visitArgAnnotations(a.kwonlyargs);
    if (future) this.exitBlock();
    if (returns !== null) this.visitAnnotation(returns);
  }

  private visitArguments(a: ast.Arguments): void {
    for (const p of a.posonlyargs) this.addDef(p.arg, DEF.PARAM, p);
    for (const p of a.args) this.addDef(p.arg, DEF.PARAM, p);
    for (const p of a.kwonlyargs) this.addDef(p.arg, DEF.PARAM, p);
    if (a.vararg !== null) {
      this.addDef(a.vararg.arg, DEF.PARAM, a.vararg);
      this.cur.varargs = true;
    }
    if (a.kwarg !== null) {
      this.addDef(a.kwarg.arg, DEF.PARAM, a.kwarg);
      this.cur.varkeywords = true;
    }
  }

  // ---- expressions ------------------------------------------------------------------------------

  private visitExprs(es: ast.Expr[]): void {
    for (const e of es) this.visitExpr(e);
  }

  private visitOptExprs(es: (ast.Expr | null)[]): void {
    for (const e of es) if (e !== null) this.visitExpr(e);
  }

  private raiseIfAnnotationBlock(what: string, e: Loc): void {
    if (this.cur.type === "annotation") this.error(`${what} cannot be used within an annotation`, e);
  }

  private visitExpr(e: ast.Expr): void {
    switch (e._type) {
      case "NamedExpr":
        this.raiseIfAnnotationBlock("named expression", e);
        this.handleNamedExpr(e);
        break;
      case "BoolOp":
        this.visitExprs(e.values);
        break;
      case "BinOp":
        this.visitExpr(e.left);
        this.visitExpr(e.right);
        break;
      case "UnaryOp":
        this.visitExpr(e.operand);
        break;
      case "Lambda":
        this.visitExprs(e.args.defaults);
        this.visitOptExprs(e.args.kw_defaults);
        this.enterBlock("lambda", "function", e, e);
        this.visitArguments(e.args);
        this.visitExpr(e.body);
        this.exitBlock();
        break;
      case "IfExp":
        this.visitExpr(e.test);
        this.visitExpr(e.body);
        this.visitExpr(e.orelse);
        break;
      case "Dict":
        this.visitOptExprs(e.keys);
        this.visitExprs(e.values);
        break;
      case "Set":
        this.visitExprs(e.elts);
        break;
      case "GeneratorExp":
        this.handleComprehension(e, "genexpr", e.generators, e.elt, null);
        break;
      case "ListComp":
        this.handleComprehension(e, "listcomp", e.generators, e.elt, null);
        break;
      case "SetComp":
        this.handleComprehension(e, "setcomp", e.generators, e.elt, null);
        break;
      case "DictComp":
        this.handleComprehension(e, "dictcomp", e.generators, e.key, e.value);
        break;
      case "Yield":
      case "YieldFrom": {
        this.raiseIfAnnotationBlock("yield expression", e);
        const v = e.value;
        if (v !== null) this.visitExpr(v);
        this.cur.generator = true;
        if (this.cur.comprehension !== "none") {
          const kind = this.cur.comprehension;
          const where =
            kind === "list" ? "list comprehension" : kind === "set" ? "set comprehension" : kind === "dict" ? "dict comprehension" : "generator expression";
          this.error(`'yield' inside ${where}`, e);
        }
        break;
      }
      case "Compare":
        this.visitExpr(e.left);
        this.visitExprs(e.comparators);
        break;
      case "Call":
        this.visitExpr(e.func);
        this.visitExprs(e.args);
        for (const k of e.keywords) this.visitExpr(k.value);
        break;
      case "FormattedValue":
        this.visitExpr(e.value);
        if (e.format_spec !== null) this.visitExpr(e.format_spec);
        break;
      case "JoinedStr":
        this.visitExprs(e.values);
        break;
      case "Constant":
        break;
      case "Attribute":
        this.visitExpr(e.value);
        break;
      case "Subscript":
        this.visitExpr(e.value);
        this.visitExpr(e.slice);
        break;
      case "Starred":
        this.visitExpr(e.value);
        break;
      case "Slice":
        if (e.lower !== null) this.visitExpr(e.lower);
        if (e.upper !== null) this.visitExpr(e.upper);
        if (e.step !== null) this.visitExpr(e.step);
        break;
      case "Name":
        this.addDef(e.id, e.ctx === "Load" ? DEF.USE : DEF.LOCAL, e);
        // `super` counts as a use of __class__ (zero-argument super() needs the cell).
        if (e.ctx === "Load" && this.cur.isFunctionLike && e.id === "super") {
          this.addDef("__class__", DEF.USE, e);
        }
        break;
      case "List":
      case "Tuple":
        this.visitExprs(e.elts);
        break;
    }
  }

  private handleNamedExpr(e: ast.NamedExpr): void {
    if (this.cur.compIterExpr > 0) this.error(NAMED_EXPR_COMP_ITER_EXPR, e);
    if (this.cur.comprehension !== "none") this.extendNamedExprScope(e.target);
    this.visitExpr(e.value);
    this.visitExpr(e.target);
  }

  /** A walrus inside a comprehension binds in the nearest enclosing function or module. */
  private extendNamedExprScope(target: ast.Name): void {
    const name = target.id;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const ste = this.stack[i];
      if (ste.comprehension !== "none") {
        const f = ste.flags(name);
        if ((f & DEF.COMP_ITER) !== 0 && (f & DEF.LOCAL) !== 0) {
          this.error(`assignment expression cannot rebind comprehension iteration variable '${name}'`, target);
        }
        continue;
      }
      if (ste.type === "function") {
        const f = ste.flags(name);
        this.addDef(name, (f & DEF.GLOBAL) !== 0 ? DEF.GLOBAL : DEF.NONLOCAL, target);
        this.recordDirective(name, target);
        this.addDef(name, DEF.LOCAL, target, ste);
        return;
      }
      if (ste.type === "module") {
        this.addDef(name, DEF.GLOBAL, target);
        this.recordDirective(name, target);
        this.addDef(name, DEF.GLOBAL, target, ste);
        return;
      }
      if (ste.type === "class") this.error(NAMED_EXPR_COMP_IN_CLASS, target);
    }
    throw new Error("internal error: no scope for a named expression");
  }

  private handleComprehension(
    e: ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp,
    scopeName: string,
    generators: ast.Comprehension[],
    elt: ast.Expr,
    value: ast.Expr | null,
  ): void {
    const isGenerator = e._type === "GeneratorExp";
    const outermost = generators[0];
    // The outermost iterable is evaluated in the enclosing scope.
    this.cur.compIterExpr++;
    this.visitExpr(outermost.iter);
    this.cur.compIterExpr--;
    this.enterBlock(scopeName, "function", e, e);
    const ste = this.cur;
    ste.comprehension =
      e._type === "ListComp" ? "list" : e._type === "SetComp" ? "set" : e._type === "DictComp" ? "dict" : "genexp";
    // The outermost iterator is received as the implicit argument ".0".
    this.addDef(".0", DEF.PARAM, { lineno: ste.lineno, col_offset: ste.colOffset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset });
    ste.compIterTarget = true;
    this.visitExpr(outermost.target);
    ste.compIterTarget = false;
    this.visitExprs(outermost.ifs);
    for (let i = 1; i < generators.length; i++) {
      const g = generators[i];
      ste.compIterTarget = true;
      this.visitExpr(g.target);
      ste.compIterTarget = false;
      ste.compIterExpr++;
      this.visitExpr(g.iter);
      ste.compIterExpr--;
      this.visitExprs(g.ifs);
    }
    if (value !== null) this.visitExpr(value);
    this.visitExpr(elt);
    ste.generator = isGenerator;
    this.exitBlock();
  }
}

// ---- second pass: analysis ----------------------------------------------------------------------

function errorAtDirective(ste: SymbolTableEntry, name: string, msg: string, src: SourceInfo): never {
  for (const d of ste.directives ?? []) {
    if (d.name === name) throw syntaxError(src, msg, d.lineno, d.col, d.endLineno, d.endCol);
  }
  throw new Error("internal error: directive bookkeeping broken");
}

function analyzeName(
  ste: SymbolTableEntry,
  scopes: Map<string, ScopeKind>,
  name: string,
  flags: number,
  bound: Set<string> | null,
  local: Set<string>,
  free: Set<string>,
  global: Set<string>,
  src: SourceInfo,
): void {
  if ((flags & DEF.GLOBAL) !== 0) {
    if ((flags & DEF.NONLOCAL) !== 0) errorAtDirective(ste, name, `name '${name}' is nonlocal and global`, src);
    scopes.set(name, Scope.GLOBAL_EXPLICIT);
    global.add(name);
    if (bound !== null) bound.delete(name);
    return;
  }
  if ((flags & DEF.NONLOCAL) !== 0) {
    if (bound === null) errorAtDirective(ste, name, "nonlocal declaration not allowed at module level", src);
    if (!bound.has(name)) errorAtDirective(ste, name, `no binding for nonlocal '${name}' found`, src);
    scopes.set(name, Scope.FREE);
    ste.free = true;
    free.add(name);
    return;
  }
  if ((flags & DEF_BOUND) !== 0) {
    scopes.set(name, Scope.LOCAL);
    local.add(name);
    global.delete(name);
    return;
  }
  // An enclosing function binds the name: it is free here.
  if (bound !== null && bound.has(name)) {
    scopes.set(name, Scope.FREE);
    ste.free = true;
    free.add(name);
    return;
  }
  // A parent declared it global: implicit global (it could also be global explicit).
  if (global.has(name)) {
    scopes.set(name, Scope.GLOBAL_IMPLICIT);
    return;
  }
  if (ste.nested) ste.free = true;
  scopes.set(name, Scope.GLOBAL_IMPLICIT);
}

function isFreeInAnyChild(entry: SymbolTableEntry, key: string): boolean {
  return entry.children.some((c) => c.scope(key) === Scope.FREE);
}

/** Merges an inlined comprehension's symbols into its parent (PEP 709). */
function inlineComprehension(
  ste: SymbolTableEntry,
  comp: SymbolTableEntry,
  scopes: Map<string, ScopeKind>,
  compFree: Set<string>,
  inlinedCells: Set<string>,
): void {
  for (const [k, compFlags] of comp.symbols) {
    // Skip the comprehension's implicit parameter ".0".
    if ((compFlags & DEF.PARAM) !== 0) continue;
    const scope = ((compFlags >> SCOPE_OFFSET) & 7) as ScopeKind;
    const onlyFlags = compFlags & ((1 << SCOPE_OFFSET) - 1);
    if (scope === Scope.CELL || (onlyFlags & DEF.COMP_CELL) !== 0) inlinedCells.add(k);
    const existing = ste.symbols.get(k);
    if (existing === undefined) {
      // The name does not exist in the parent: copy it from the comprehension.
      ste.symbols.set(k, onlyFlags);
      scopes.set(k, scope);
    } else if ((existing & DEF_BOUND) !== 0) {
      // Free in the comprehension but local outside: just a local now, unless a child of the
      // comprehension needs it free or the parent is a class.
      if (!isFreeInAnyChild(comp, k) && ste.type !== "class") compFree.delete(k);
    }
  }
}

/** Locals that some child uses as free variables become cells (and leave the free set). */
function analyzeCells(scopes: Map<string, ScopeKind>, free: Set<string>, inlinedCells: Set<string>): void {
  for (const [name, scope] of scopes) {
    if (scope !== Scope.LOCAL) continue;
    if (!free.has(name) && !inlinedCells.has(name)) continue;
    scopes.set(name, Scope.CELL);
    free.delete(name);
  }
}

function dropClassFree(ste: SymbolTableEntry, free: Set<string>): void {
  if (free.delete("__class__")) ste.needsClassClosure = true;
  free.delete("__classdict__");
}

function updateSymbols(
  symbols: Map<string, number>,
  scopes: Map<string, ScopeKind>,
  bound: Set<string> | null,
  free: Set<string>,
  inlinedCells: Set<string>,
  classflag: boolean,
): void {
  for (const [name, v] of symbols) {
    let flags = v;
    if (inlinedCells.has(name)) flags |= DEF.COMP_CELL;
    const scope = scopes.get(name);
    if (scope === undefined) throw new Error(`internal error: no scope for ${name}`);
    symbols.set(name, flags | (scope << SCOPE_OFFSET));
  }
  // Record free variables of children that are not yet resolved here.
  for (const name of free) {
    const v = symbols.get(name);
    if (v !== undefined) {
      // A method's free variable with the same name as a class-level local or global.
      if (classflag) symbols.set(name, v | DEF.FREE_CLASS);
      continue;
    }
    if (bound !== null && !bound.has(name)) continue; // a global
    symbols.set(name, Scope.FREE << SCOPE_OFFSET);
  }
}

function analyzeBlock(
  ste: SymbolTableEntry,
  bound: Set<string> | null,
  free: Set<string>,
  global: Set<string>,
  src: SourceInfo,
): void {
  const local = new Set<string>();
  const scopes = new Map<string, ScopeKind>();
  const newglobal = new Set<string>();
  const newfree = new Set<string>();
  const newbound = new Set<string>();
  const inlinedCells = new Set<string>();

  // Class bindings are not visible in methods: children see the class's own bound/global sets.
  if (ste.type === "class") {
    for (const n of global) newglobal.add(n);
    if (bound !== null) for (const n of bound) newbound.add(n);
  }

  for (const [name, flags] of ste.symbols) {
    analyzeName(ste, scopes, name, flags, bound, local, free, global, src);
  }

  if (ste.type !== "class") {
    if (ste.isFunctionLike) for (const n of local) newbound.add(n);
    if (bound !== null) for (const n of bound) newbound.add(n);
    for (const n of global) newglobal.add(n);
  } else {
    newbound.add("__class__");
    newbound.add("__classdict__");
  }

  for (const entry of ste.children) {
    const inlineComp = entry.comprehension !== "none" && !entry.generator;
    const childFree = new Set(newfree);
    analyzeBlock(entry, new Set(newbound), childFree, new Set(newglobal), src);
    if (inlineComp) {
      inlineComprehension(ste, entry, scopes, childFree, inlinedCells);
      entry.compInlined = true;
    }
    for (const n of childFree) newfree.add(n);
    if (entry.free || entry.childFree) ste.childFree = true;
  }

  // Splice the children of inlined comprehensions into our children list.
  for (let i = ste.children.length - 1; i >= 0; i--) {
    const entry = ste.children[i];
    if (entry.compInlined) ste.children.splice(i, 1, ...entry.children);
  }

  if (ste.isFunctionLike) analyzeCells(scopes, newfree, inlinedCells);
  else if (ste.type === "class") dropClassFree(ste, newfree);
  updateSymbols(ste.symbols, scopes, bound, newfree, inlinedCells, ste.type === "class");
  for (const n of newfree) free.add(n);
}

/** The mask of raw definition flags (without the scope bits). */
export const DEF_MASK = (1 << SCOPE_OFFSET) - 1;
export { SCOPE_MASK };
