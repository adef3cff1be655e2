// The code generator's core (CPython 3.12's Python/compile.c infrastructure): the stack of
// compilation units, instruction emission, constants and names, name resolution to
// LOAD_FAST/LOAD_DEREF/LOAD_GLOBAL/LOAD_NAME, closures, frame-block unwinding for
// return/break/continue, and the hand-off to the flow-graph passes and the assembler. Statement
// and expression code generation live in codegen-*.ts and call back into this class.

import type * as ast from "../syntax/ast.js";
import type { CodeObject, Constant } from "../vm/code.js";
import { CodeFlag } from "../vm/code.js";
import { assemble } from "./assemble.js";
import type { UnitMetadata } from "./assemble.js";
import { NONE } from "./constants.js";
import { syntaxError } from "./errors.js";
import type { SourceInfo } from "./errors.js";
import { optimizeCodeUnit, sequenceToCfg } from "./flowgraph.js";
import type { FutureFeatures } from "./future.js";
import type { Location } from "./instr.js";
import { NO_LOCATION, O, Pseudo, isJump, isBlockPush } from "./instr.js";
import { mangle } from "./mangle.js";
import type { SymbolTable, SymbolTableEntry } from "./symtable.js";
import { Scope } from "./symtable.js";
import { CompilerUnit, dictAdd } from "./unit.js";
import type { FBlock, FBlockType, ScopeType } from "./unit.js";
import { visitBody as visitModuleBody, visitStmts } from "./codegen-stmt.js";

/** Name-loading opcodes that CPython resolves into LOAD_ATTR / LOAD_SUPER_ATTR forms. */
export const NameOp = {
  LOAD_METHOD: 1000,
  LOAD_SUPER_METHOD: 1001,
  LOAD_ZERO_SUPER_METHOD: 1002,
  LOAD_ZERO_SUPER_ATTR: 1003,
  LOAD_SUPER_ATTR_2: 1004,
} as const;

export type NameDict = "names" | "varnames" | "cellvars" | "freevars";

/** A soft limit on values pushed at once before CPython switches to incremental building. */
export const STACK_USE_GUIDELINE = 30;

export class Compiler {
  private readonly stack: CompilerUnit[] = [];
  u!: CompilerUnit;
  /** Nesting level of units (1 for the module). */
  nestlevel = 0;

  constructor(
    readonly st: SymbolTable,
    readonly future: FutureFeatures,
    readonly src: SourceInfo,
  ) {}

  /** Compiles the module body to its code object. */
  compileModule(mod: ast.Module): CodeObject {
    this.enterScope("<module>", "module", mod, 1);
    visitModuleBody(this, mod.body);
    const co = this.optimizeAndAssemble(true);
    this.exitScope();
    return co;
  }

  // ---- errors -----------------------------------------------------------------------------------

  error(msg: string, loc: Location): never {
    throw syntaxError(this.src, msg, loc.lineno, loc.col, loc.endLineno, loc.endCol);
  }

  // ---- emission ---------------------------------------------------------------------------------

  addop(op: number, loc: Location): void {
    this.u.seq.add(op, 0, loc);
  }

  addopI(op: number, arg: number, loc: Location): void {
    this.u.seq.add(op, arg, loc);
  }

  addopJ(op: number, label: number, loc: Location): void {
    if (!isJump(op) && !isBlockPush(op)) throw new Error("internal error: not a jump");
    this.u.seq.add(op, label, loc);
  }

  newLabel(): number {
    return this.u.seq.newLabel();
  }

  useLabel(l: number): void {
    this.u.seq.useLabel(l);
  }

  addConst(c: Constant): number {
    return this.u.addConst(c);
  }

  loadConst(c: Constant, loc: Location): void {
    this.addopI(O.LOAD_CONST, this.addConst(c), loc);
  }

  private dict(which: NameDict): Map<string, number> {
    return this.u[which];
  }

  /** Emits an instruction naming `name` (mangled) in one of the unit's name tables. */
  addopName(op: number, name: string, which: NameDict, loc: Location): void {
    const mangled = mangle(this.u.priv, name);
    let arg = dictAdd(this.dict(which), mangled);
    switch (op) {
      case O.LOAD_ATTR:
        arg <<= 1;
        break;
      case NameOp.LOAD_METHOD:
        op = O.LOAD_ATTR;
        arg = (arg << 1) | 1;
        break;
      case NameOp.LOAD_SUPER_ATTR_2:
        op = O.LOAD_SUPER_ATTR;
        arg = (arg << 2) | 2;
        break;
      case NameOp.LOAD_SUPER_METHOD:
        op = O.LOAD_SUPER_ATTR;
        arg = (arg << 2) | 3;
        break;
      case NameOp.LOAD_ZERO_SUPER_ATTR:
        op = O.LOAD_SUPER_ATTR;
        arg <<= 2;
        break;
      case NameOp.LOAD_ZERO_SUPER_METHOD:
        op = O.LOAD_SUPER_ATTR;
        arg = (arg << 2) | 1;
        break;
      default:
        break;
    }
    this.addopI(op, arg, loc);
  }

  /** Emits an instruction on a name not subject to mangling (IMPORT_FROM of a dotted part). */
  addopNameRaw(op: number, name: string, which: NameDict, loc: Location): void {
    this.addopI(op, dictAdd(this.dict(which), name), loc);
  }

  // ---- scopes -------------------------------------------------------------------------------------

  /** Starts a new code unit for `node` (CPython's compiler_enter_scope); emits RESUME 0. */
  enterScope(name: string, scopeType: ScopeType, node: object, lineno: number): void {
    const ste = this.st.lookup(node);
    const u = new CompilerUnit(ste, scopeType, name, lineno);
    if (this.u !== undefined) {
      this.stack.push(this.u);
      u.priv = this.u.priv;
    }
    this.u = u;
    this.nestlevel++;
    let loc: Location = { lineno, endLineno: lineno, col: 0, endCol: 0 };
    if (scopeType === "module") loc = { ...loc, lineno: 0 };
    else this.setQualname();
    if (scopeType === "module") u.qualname = name;
    this.addopI(O.RESUME, 0, loc);
  }

  exitScope(): void {
    this.nestlevel--;
    const parent = this.stack.pop();
    this.u = parent as CompilerUnit;
  }

  private setQualname(): void {
    const u = this.u;
    let base: string | null = null;
    if (this.stack.length > 1) {
      const parent = this.stack[this.stack.length - 1];
      let forceGlobal = false;
      if (u.scopeType === "function" || u.scopeType === "class") {
        const mangled = mangle(parent.priv, u.name);
        if (parent.ste.scope(mangled) === Scope.GLOBAL_EXPLICIT) forceGlobal = true;
      }
      if (!forceGlobal) {
        base = parent.scopeType === "function" || parent.scopeType === "lambda" ? `${parent.qualname}.<locals>` : parent.qualname;
      }
    }
    u.qualname = base !== null ? `${base}.${u.name}` : u.name;
  }

  /** The symbol table entry of the current unit. */
  get ste(): SymbolTableEntry {
    return this.u.ste;
  }

  private codeFlags(): number {
    const ste = this.u.ste;
    let flags = 0;
    if (ste.isFunctionLike) {
      flags |= CodeFlag.NEWLOCALS | CodeFlag.OPTIMIZED;
      if (ste.nested) flags |= CodeFlag.NESTED;
      if (ste.generator) flags |= CodeFlag.GENERATOR;
      if (ste.varargs) flags |= CodeFlag.VARARGS;
      if (ste.varkeywords) flags |= CodeFlag.VARKEYWORDS;
    }
    if (this.future.annotations) flags |= CodeFlag.FUTURE_ANNOTATIONS;
    return flags;
  }

  /** Finishes the current unit: implicit return, flow-graph passes, assembly. */
  optimizeAndAssemble(addNone: boolean): CodeObject {
    const u = this.u;
    const flags = this.codeFlags();
    if (addNone) this.loadConst(NONE, NO_LOCATION);
    this.addop(O.RETURN_VALUE, NO_LOCATION);
    const g = sequenceToCfg(u.seq);
    const nparams = u.ste.varnames.length;
    const consts = optimizeCodeUnit(g, [...u.consts], u.varnames.size, nparams, u.firstlineno);
    const md: UnitMetadata = {
      name: u.name,
      qualname: u.qualname,
      filename: this.src.filename,
      source: this.src.source ?? "",
      firstlineno: u.firstlineno,
      argcount: u.argcount,
      posonlyargcount: u.posonlyargcount,
      kwonlyargcount: u.kwonlyargcount,
      flags,
      names: u.names,
      varnames: u.varnames,
      cellvars: u.cellvars,
      freevars: u.freevars,
      fasthidden: u.fasthidden,
    };
    return assemble(g, md, consts);
  }

  // ---- names --------------------------------------------------------------------------------------

  /** CPython's get_ref_type: the scope used to find a closure variable in the current unit. */
  refType(name: string): number {
    if (this.u.scopeType === "class" && (name === "__class__" || name === "__classdict__")) return Scope.CELL;
    const scope = this.u.ste.scope(name);
    if (scope === 0) throw new Error(`internal error: unknown scope for ${name} in ${this.u.name}`);
    return scope;
  }

  private forbiddenName(name: string, ctx: ast.ExprContext, loc: Location): void {
    if (name !== "__debug__") return;
    if (ctx === "Store") this.error("cannot assign to __debug__", loc);
    if (ctx === "Del") this.error("cannot delete __debug__", loc);
  }

  /** Checks an argument name against `__debug__`. */
  checkDebugName(name: string, ctx: ast.ExprContext, loc: Location): void {
    this.forbiddenName(name, ctx, loc);
  }

  /** Load, store or delete a variable, choosing the opcode family from its scope. */
  nameop(name: string, ctx: ast.ExprContext, loc: Location): void {
    this.forbiddenName(name, ctx, loc);
    const u = this.u;
    const mangled = mangle(u.priv, name);
    const scope = u.ste.scope(mangled);
    type OpType = "fast" | "global" | "deref" | "name";
    let optype: OpType = "name";
    let dict: NameDict = "names";
    switch (scope) {
      case Scope.FREE:
        dict = "freevars";
        optype = "deref";
        break;
      case Scope.CELL:
        dict = "cellvars";
        optype = "deref";
        break;
      case Scope.LOCAL:
        if (u.ste.isFunctionLike || u.fasthidden.get(mangled) === true) optype = "fast";
        break;
      case Scope.GLOBAL_IMPLICIT:
        if (u.ste.isFunctionLike) optype = "global";
        break;
      case Scope.GLOBAL_EXPLICIT:
        optype = "global";
        break;
      default:
        break;
    }
    let op: number;
    switch (optype) {
      case "deref":
        if (ctx === "Load") {
          if (u.ste.type === "class" && u.inInlinedComp === 0) {
            op = O.LOAD_FROM_DICT_OR_DEREF;
            this.addop(O.LOAD_LOCALS, loc);
          } else {
            op = O.LOAD_DEREF;
          }
        } else {
          op = ctx === "Store" ? O.STORE_DEREF : O.DELETE_DEREF;
        }
        break;
      case "fast":
        op = ctx === "Load" ? O.LOAD_FAST : ctx === "Store" ? O.STORE_FAST : O.DELETE_FAST;
        this.addopI(op, dictAdd(u.varnames, mangled), loc);
        return;
      case "global":
        op = ctx === "Load" ? O.LOAD_GLOBAL : ctx === "Store" ? O.STORE_GLOBAL : O.DELETE_GLOBAL;
        break;
      case "name":
        if (ctx === "Load") op = u.ste.type === "class" && u.inInlinedComp > 0 ? O.LOAD_GLOBAL : O.LOAD_NAME;
        else op = ctx === "Store" ? O.STORE_NAME : O.DELETE_NAME;
        break;
    }
    let arg = dictAdd(this.dict(dict), mangled);
    if (op === O.LOAD_GLOBAL) arg <<= 1;
    this.addopI(op, arg, loc);
  }

  // ---- closures -----------------------------------------------------------------------------------

  /** Pushes the function made from `co` (with its closure cells if it has free variables). */
  makeClosure(co: CodeObject, flags: number, loc: Location): void {
    const nfree = co.localsPlusKinds.reduce((n, k) => n + ((k & 0x80) !== 0 ? 1 : 0), 0);
    if (nfree > 0) {
      const first = co.localsPlusNames.length - nfree;
      for (let i = first; i < co.localsPlusNames.length; i++) {
        const name = co.localsPlusNames[i];
        // A name both local and free in a class (a method's free variable named like a class
        // attribute) is found through the cell.
        const reftype = this.refType(name);
        const arg = reftype === Scope.CELL ? this.u.cellvars.get(name) : this.u.freevars.get(name);
        if (arg === undefined) throw new Error(`internal error: no closure cell for ${name} in ${this.u.name}`);
        this.addopI(O.LOAD_CLOSURE, arg, loc);
      }
      flags |= 0x08;
      this.addopI(O.BUILD_TUPLE, nfree, loc);
    }
    this.loadConst({ kind: "code", code: co }, loc);
    this.addopI(O.MAKE_FUNCTION, flags, loc);
  }

  // ---- frame blocks -----------------------------------------------------------------------------

  pushFBlock(loc: Location, type: FBlockType, block: number, exit: number, datum: unknown): void {
    if (this.u.fblocks.length >= 20) this.error("too many statically nested blocks", loc);
    this.u.fblocks.push({ type, block, exit, datum });
  }

  popFBlock(type: FBlockType): void {
    const f = this.u.fblocks.pop();
    if (f === undefined || f.type !== type) throw new Error("internal error: bad frame block pop");
  }

  /** `exit(None, None, None)` through the CALL 2 form: [exit, None, None, None]. */
  callExitWithNones(loc: Location): void {
    this.loadConst(NONE, loc);
    this.loadConst(NONE, loc);
    this.loadConst(NONE, loc);
    this.addopI(O.CALL, 2, loc);
  }

  /** [exc_info, lasti, exc] → restore the exception state and re-raise. */
  popExceptAndReraise(loc: Location): void {
    this.addopI(O.COPY, 3, loc);
    this.addop(O.POP_EXCEPT, loc);
    this.addopI(O.RERAISE, 1, loc);
  }

  /**
   * Emits the cleanup of one frame block for a jump out of it. With `preserveTos` the value on
   * top of the stack (a return value) stays on top. Returns the location later instructions use.
   */
  unwindFBlock(loc: Location, info: FBlock, preserveTos: boolean): Location {
    switch (info.type) {
      case "WHILE_LOOP":
      case "EXCEPTION_HANDLER":
        return loc;
      case "FOR_LOOP":
        // Pop the iterator.
        if (preserveTos) this.addopI(O.SWAP, 2, loc);
        this.addop(O.POP_TOP, loc);
        return loc;
      case "TRY_EXCEPT":
        this.addop(Pseudo.POP_BLOCK, loc);
        return loc;
      case "FINALLY_TRY":
        // This POP_BLOCK gets the line number of the unwinding statement.
        this.addop(Pseudo.POP_BLOCK, loc);
        if (preserveTos) this.pushFBlock(loc, "POP_VALUE", -1, -1, null);
        visitStmts(this, info.datum as ast.Stmt[]);
        if (preserveTos) this.popFBlock("POP_VALUE");
        // The finally body appears to run after the unwinding statement: artificial location.
        return NO_LOCATION;
      case "FINALLY_END":
        if (preserveTos) this.addopI(O.SWAP, 2, loc);
        this.addop(O.POP_TOP, loc); // exc_value
        if (preserveTos) this.addopI(O.SWAP, 2, loc);
        this.addop(Pseudo.POP_BLOCK, loc);
        this.addop(O.POP_EXCEPT, loc);
        return loc;
      case "WITH": {
        const s = info.datum as ast.With;
        loc = { lineno: s.lineno, endLineno: s.end_lineno, col: s.col_offset, endCol: s.end_col_offset };
        this.addop(Pseudo.POP_BLOCK, loc);
        if (preserveTos) this.addopI(O.SWAP, 2, loc);
        this.callExitWithNones(loc);
        this.addop(O.POP_TOP, loc);
        return NO_LOCATION;
      }
      case "HANDLER_CLEANUP": {
        const name = info.datum as string | null;
        if (name !== null) this.addop(Pseudo.POP_BLOCK, loc);
        if (preserveTos) this.addopI(O.SWAP, 2, loc);
        this.addop(Pseudo.POP_BLOCK, loc);
        this.addop(O.POP_EXCEPT, loc);
        if (name !== null) {
          this.loadConst(NONE, loc);
          this.nameop(name, "Store", loc);
          this.nameop(name, "Del", loc);
        }
        return loc;
      }
      case "POP_VALUE":
        if (preserveTos) this.addopI(O.SWAP, 2, loc);
        this.addop(O.POP_TOP, loc);
        return loc;
    }
  }

  /**
   * Unwinds the frame-block stack for return (everything) or break/continue (up to the innermost
   * loop, which is returned). Blocks are popped while their cleanup is emitted, so code in a
   * finally body sees the enclosing blocks only, and restored afterwards.
   */
  unwindFBlockStack(loc: Location, preserveTos: boolean, stopAtLoop: boolean): { loc: Location; loop: FBlock | null } {
    const fb = this.u.fblocks;
    if (fb.length === 0) return { loc, loop: null };
    const top = fb[fb.length - 1];
    if (stopAtLoop && (top.type === "WHILE_LOOP" || top.type === "FOR_LOOP")) return { loc, loop: top };
    fb.pop();
    loc = this.unwindFBlock(loc, top, preserveTos);
    const r = this.unwindFBlockStack(loc, preserveTos, stopAtLoop);
    fb.push(top);
    return r;
  }
}
