// Comprehensions. Generator expressions are nested generator functions called with the outermost
// iterator. List, set and dict comprehensions are inlined into the enclosing code as CPython 3.12
// does (PEP 709): the names they bind are saved with LOAD_FAST_AND_CLEAR, given comprehension
// scope while the loop runs, and restored afterwards (also on the exception path, through a
// SETUP_FINALLY handler).

import type * as ast from "../syntax/ast.js";
import type { Compiler } from "./compiler.js";
import { addYield, jumpIf, visitExpr } from "./codegen-expr.js";
import { wrapInStopIterationHandler } from "./codegen-def.js";
import type { Location } from "./instr.js";
import { NO_LOCATION, O, Pseudo, locOf } from "./instr.js";
import type { SymbolTableEntry } from "./symtable.js";
import { DEF, SCOPE_OFFSET, Scope } from "./symtable.js";

type Comp = ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp;

function comprehensionIter(c: Compiler, loc: Location, comp: ast.Comprehension): void {
  visitExpr(c, comp.iter);
  c.addop(O.GET_ITER, loc);
}

function generator(
  c: Compiler,
  loc: Location,
  e: Comp,
  generators: readonly ast.Comprehension[],
  genIndex: number,
  depth: number,
  elt: ast.Expr,
  val: ast.Expr | null,
  iterOnStack: boolean,
): void {
  let start: number | null = c.newLabel();
  const ifCleanup = c.newLabel();
  const anchor = c.newLabel();
  const gen = generators[genIndex];
  if (!iterOnStack) {
    if (genIndex === 0) {
      // The outermost iterator is the implicit argument .0.
      c.u.argcount = 1;
      c.addopI(O.LOAD_FAST, 0, loc);
    } else {
      // Fast path for the temporary-variable idiom `for y in [f(x)]`: no loop at all.
      const it = gen.iter;
      const elts = it._type === "List" || it._type === "Tuple" ? it.elts : null;
      if (elts !== null && elts.length === 1 && elts[0]._type !== "Starred") {
        visitExpr(c, elts[0]);
        start = null;
      }
      if (start !== null) {
        visitExpr(c, gen.iter);
        c.addop(O.GET_ITER, loc);
      }
    }
  }
  if (start !== null) {
    depth++;
    c.useLabel(start);
    c.addopJ(O.FOR_ITER, anchor, loc);
  }
  visitExpr(c, gen.target);
  for (const cond of gen.ifs) jumpIf(c, loc, cond, ifCleanup, false);
  if (++genIndex < generators.length) generator(c, loc, e, generators, genIndex, depth, elt, val, false);
  let eltLoc = locOf(elt);
  if (genIndex >= generators.length) {
    switch (e._type) {
      case "GeneratorExp":
        visitExpr(c, elt);
        addYield(c, eltLoc);
        c.addop(O.POP_TOP, eltLoc);
        break;
      case "ListComp":
        visitExpr(c, elt);
        c.addopI(O.LIST_APPEND, depth + 1, eltLoc);
        break;
      case "SetComp":
        visitExpr(c, elt);
        c.addopI(O.SET_ADD, depth + 1, eltLoc);
        break;
      case "DictComp":
        // {k: v}: the key is evaluated first.
        visitExpr(c, elt);
        visitExpr(c, val!);
        eltLoc = { lineno: elt.lineno, endLineno: val!.end_lineno, col: elt.col_offset, endCol: val!.end_col_offset };
        c.addopI(O.MAP_ADD, depth + 1, eltLoc);
        break;
    }
  }
  c.useLabel(ifCleanup);
  if (start !== null) {
    c.addopJ(Pseudo.JUMP, start, eltLoc);
    c.useLabel(anchor);
    c.addop(O.END_FOR, NO_LOCATION);
  }
}

interface InlinedState {
  pushedLocals: string[];
  tempSymbols: Map<string, number>;
  fastHidden: string[];
  cleanup: number;
  end: number;
}

function pushInlinedState(c: Compiler, loc: Location, entry: SymbolTableEntry): InlinedState {
  const u = c.u;
  const inClassBlock = u.ste.type === "class" && u.inInlinedComp === 0;
  u.inInlinedComp++;
  const state: InlinedState = { pushedLocals: [], tempSymbols: new Map(), fastHidden: [], cleanup: -1, end: -1 };
  for (const [k, symbol] of entry.symbols) {
    // Only names bound in the comprehension are isolated (a walrus to a nonlocal is not).
    if (!(((symbol & DEF.LOCAL) !== 0 && (symbol & DEF.NONLOCAL) === 0) || inClassBlock)) continue;
    if (!u.ste.isFunctionLike) {
      // In a module or class body the name becomes a fast local for the comprehension.
      if (u.fasthidden.get(k) !== true) {
        u.fasthidden.set(k, true);
        state.fastHidden.push(k);
      }
    }
    const scope = (symbol >> SCOPE_OFFSET) & 7;
    const outv = u.ste.symbols.get(k) ?? 0;
    const outsc = (outv >> SCOPE_OFFSET) & 7;
    if (scope !== outsc && !(scope === Scope.CELL && outsc === Scope.FREE)) {
      // Use the comprehension's scope for the name while compiling the comprehension.
      state.tempSymbols.set(k, outv);
      u.ste.symbols.set(k, symbol);
    }
    // Save the outer value (possibly NULL); a cell is saved as the cell itself.
    state.pushedLocals.push(k);
    c.addopName(O.LOAD_FAST_AND_CLEAR, k, "varnames", loc);
    if (scope === Scope.CELL) c.addopName(O.MAKE_CELL, k, outsc === Scope.FREE ? "freevars" : "cellvars", loc);
  }
  if (state.pushedLocals.length > 0) {
    // Bring the outermost iterator back on top of the saved values.
    c.addopI(O.SWAP, state.pushedLocals.length + 1, loc);
    state.cleanup = c.newLabel();
    state.end = c.newLabel();
    // A virtual try/finally restoring the saved values if the comprehension raises.
    c.addopJ(Pseudo.SETUP_FINALLY, state.cleanup, loc);
  }
  return state;
}

function restoreInlinedLocals(c: Compiler, loc: Location, state: InlinedState): void {
  const n = state.pushedLocals.length;
  // The result (or the exception) goes below the saved values, then they are stored back.
  c.addopI(O.SWAP, n + 1, loc);
  for (let i = n - 1; i >= 0; i--) c.addopName(Pseudo.STORE_FAST_MAYBE_NULL, state.pushedLocals[i], "varnames", loc);
}

function popInlinedState(c: Compiler, loc: Location, state: InlinedState): void {
  const u = c.u;
  u.inInlinedComp--;
  for (const [k, v] of state.tempSymbols) u.ste.symbols.set(k, v);
  if (state.pushedLocals.length > 0) {
    c.addop(Pseudo.POP_BLOCK, NO_LOCATION);
    c.addopJ(Pseudo.JUMP, state.end, NO_LOCATION);
    c.useLabel(state.cleanup);
    // Discard the incomplete result beneath the exception.
    c.addopI(O.SWAP, 2, NO_LOCATION);
    c.addop(O.POP_TOP, NO_LOCATION);
    restoreInlinedLocals(c, loc, state);
    c.addopI(O.RERAISE, 0, NO_LOCATION);
    c.useLabel(state.end);
    restoreInlinedLocals(c, loc, state);
  }
  // Marked false rather than removed: the slot stays CO_FAST_HIDDEN.
  for (const k of state.fastHidden) u.fasthidden.set(k, false);
}

const NAMES: Record<Comp["_type"], string> = {
  GeneratorExp: "<genexpr>",
  ListComp: "<listcomp>",
  SetComp: "<setcomp>",
  DictComp: "<dictcomp>",
};

export function compileComprehension(c: Compiler, e: Comp): void {
  const entry = c.st.lookup(e);
  const inlined = entry.compInlined;
  const loc = locOf(e);
  const outermost = e.generators[0];
  const elt = e._type === "DictComp" ? e.key : e.elt;
  const val = e._type === "DictComp" ? e.value : null;
  let state: InlinedState | null = null;
  if (inlined) {
    comprehensionIter(c, loc, outermost);
    state = pushInlinedState(c, loc, entry);
  } else {
    c.enterScope(NAMES[e._type], "comprehension", e, e.lineno);
  }
  if (e._type !== "GeneratorExp") {
    c.addopI(e._type === "ListComp" ? O.BUILD_LIST : e._type === "SetComp" ? O.BUILD_SET : O.BUILD_MAP, 0, loc);
    if (inlined) c.addopI(O.SWAP, 2, loc);
  }
  generator(c, loc, e, e.generators, 0, 0, elt, val, inlined);
  if (state !== null) {
    popInlinedState(c, loc, state);
    return;
  }
  if (e._type !== "GeneratorExp") c.addop(O.RETURN_VALUE, loc);
  else wrapInStopIterationHandler(c);
  const co = c.optimizeAndAssemble(true);
  c.exitScope();
  c.makeClosure(co, 0, loc);
  comprehensionIter(c, loc, outermost);
  c.addopI(O.CALL, 0, loc);
}
