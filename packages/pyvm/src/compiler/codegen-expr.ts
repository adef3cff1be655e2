// Code generation for expressions (CPython 3.12's compiler_visit_expr1 and helpers): calls with
// PUSH_NULL / method-call LOAD_ATTR / KW_NAMES / CALL_FUNCTION_EX, zero-argument super() as
// LOAD_SUPER_ATTR, conditional jumps over boolean expressions, chained comparisons with SWAP/COPY,
// displays with starred items, unpacking targets, slices, f-strings, yield and yield from.

import type * as ast from "../syntax/ast.js";
import { BinaryOp, CompareOp, FormatFlag, Intrinsic } from "../vm/opcodes.js";
import type { Constant } from "../vm/code.js";
import { NONE, constOf, frozensetOf, strConst } from "./constants.js";
import type { Compiler } from "./compiler.js";
import { NameOp, STACK_USE_GUIDELINE } from "./compiler.js";
import { attrLoc } from "./codegen-stmt.js";
import { compileLambda } from "./codegen-def.js";
import { compileComprehension } from "./codegen-comp.js";
import type { Location } from "./instr.js";
import { NO_LOCATION, O, Pseudo, locOf } from "./instr.js";
import { Scope, DEF } from "./symtable.js";
import { unparseAnnotation } from "./unparse.js";

const BINOP: Record<ast.OperatorKind, number> = {
  Add: BinaryOp.ADD,
  Sub: BinaryOp.SUBTRACT,
  Mult: BinaryOp.MULTIPLY,
  MatMult: BinaryOp.MATRIX_MULTIPLY,
  Div: BinaryOp.TRUE_DIVIDE,
  Mod: BinaryOp.REMAINDER,
  Pow: BinaryOp.POWER,
  LShift: BinaryOp.LSHIFT,
  RShift: BinaryOp.RSHIFT,
  BitOr: BinaryOp.OR,
  BitXor: BinaryOp.XOR,
  BitAnd: BinaryOp.AND,
  FloorDiv: BinaryOp.FLOOR_DIVIDE,
};

/** Emits a comparison: COMPARE_OP (oparg Py_LT..Py_GE), IS_OP or CONTAINS_OP. */
export function addCompare(c: Compiler, loc: Location, op: ast.CmpOpKind): void {
  switch (op) {
    case "Eq":
      return c.addopI(O.COMPARE_OP, CompareOp.EQ, loc);
    case "NotEq":
      return c.addopI(O.COMPARE_OP, CompareOp.NE, loc);
    case "Lt":
      return c.addopI(O.COMPARE_OP, CompareOp.LT, loc);
    case "LtE":
      return c.addopI(O.COMPARE_OP, CompareOp.LE, loc);
    case "Gt":
      return c.addopI(O.COMPARE_OP, CompareOp.GT, loc);
    case "GtE":
      return c.addopI(O.COMPARE_OP, CompareOp.GE, loc);
    case "Is":
      return c.addopI(O.IS_OP, 0, loc);
    case "IsNot":
      return c.addopI(O.IS_OP, 1, loc);
    case "In":
      return c.addopI(O.CONTAINS_OP, 0, loc);
    case "NotIn":
      return c.addopI(O.CONTAINS_OP, 1, loc);
  }
}

/** Jumps to `next` if the truth of `e` equals `cond`, without materializing booleans where it can. */
export function jumpIf(c: Compiler, loc: Location, e: ast.Expr, next: number, cond: boolean): void {
  switch (e._type) {
    case "UnaryOp":
      if (e.op === "Not") return jumpIf(c, loc, e.operand, next, !cond);
      break;
    case "BoolOp": {
      const s = e.values;
      const n = s.length - 1;
      const cond2 = e.op === "Or";
      let next2 = next;
      if (cond2 !== cond) next2 = c.newLabel();
      for (let i = 0; i < n; i++) jumpIf(c, loc, s[i], next2, cond2);
      jumpIf(c, loc, s[n], next, cond);
      if (next2 !== next) c.useLabel(next2);
      return;
    }
    case "IfExp": {
      const end = c.newLabel();
      const next2 = c.newLabel();
      jumpIf(c, loc, e.test, next2, false);
      jumpIf(c, loc, e.body, next, cond);
      c.addopJ(Pseudo.JUMP, end, NO_LOCATION);
      c.useLabel(next2);
      jumpIf(c, loc, e.orelse, next, cond);
      c.useLabel(end);
      return;
    }
    case "Compare": {
      const n = e.ops.length - 1;
      if (n > 0) {
        const eloc = locOf(e);
        const cleanup = c.newLabel();
        visitExpr(c, e.left);
        for (let i = 0; i < n; i++) {
          visitExpr(c, e.comparators[i]);
          c.addopI(O.SWAP, 2, eloc);
          c.addopI(O.COPY, 2, eloc);
          addCompare(c, eloc, e.ops[i]);
          c.addopJ(O.POP_JUMP_IF_FALSE, cleanup, eloc);
        }
        visitExpr(c, e.comparators[n]);
        addCompare(c, eloc, e.ops[n]);
        c.addopJ(cond ? O.POP_JUMP_IF_TRUE : O.POP_JUMP_IF_FALSE, next, eloc);
        const end = c.newLabel();
        c.addopJ(Pseudo.JUMP, end, NO_LOCATION);
        c.useLabel(cleanup);
        c.addop(O.POP_TOP, eloc);
        if (!cond) c.addopJ(Pseudo.JUMP, next, NO_LOCATION);
        c.useLabel(end);
        return;
      }
      break;
    }
    default:
      break;
  }
  visitExpr(c, e);
  c.addopJ(cond ? O.POP_JUMP_IF_TRUE : O.POP_JUMP_IF_FALSE, next, locOf(e));
}

function compileBoolOp(c: Compiler, e: ast.BoolOp): void {
  const loc = locOf(e);
  const jumpi = e.op === "And" ? O.POP_JUMP_IF_FALSE : O.POP_JUMP_IF_TRUE;
  const end = c.newLabel();
  const n = e.values.length - 1;
  for (let i = 0; i < n; i++) {
    visitExpr(c, e.values[i]);
    c.addopI(O.COPY, 1, loc);
    c.addopJ(jumpi, end, loc);
    c.addop(O.POP_TOP, loc);
  }
  visitExpr(c, e.values[n]);
  c.useLabel(end);
}

function compileCompare(c: Compiler, e: ast.Compare): void {
  const loc = locOf(e);
  visitExpr(c, e.left);
  const n = e.ops.length - 1;
  if (n === 0) {
    visitExpr(c, e.comparators[0]);
    addCompare(c, loc, e.ops[0]);
    return;
  }
  const cleanup = c.newLabel();
  for (let i = 0; i < n; i++) {
    visitExpr(c, e.comparators[i]);
    c.addopI(O.SWAP, 2, loc);
    c.addopI(O.COPY, 2, loc);
    addCompare(c, loc, e.ops[i]);
    c.addopI(O.COPY, 1, loc);
    c.addopJ(O.POP_JUMP_IF_FALSE, cleanup, loc);
    c.addop(O.POP_TOP, loc);
  }
  visitExpr(c, e.comparators[n]);
  addCompare(c, loc, e.ops[n]);
  const end = c.newLabel();
  c.addopJ(Pseudo.JUMP, end, NO_LOCATION);
  c.useLabel(cleanup);
  c.addopI(O.SWAP, 2, loc);
  c.addop(O.POP_TOP, loc);
  c.useLabel(end);
}

function allConstant(elts: readonly (ast.Expr | null)[], begin: number, end: number): boolean {
  for (let i = begin; i < end; i++) {
    const e = elts[i];
    if (e === null || e._type !== "Constant") return false;
  }
  return true;
}

/**
 * Builds a list, set or tuple from items some of which may be starred (CPython's
 * starunpack_helper). `pushed` items are already on the stack.
 */
export function starunpackHelper(
  c: Compiler,
  loc: Location,
  elts: readonly ast.Expr[],
  pushed: number,
  build: number,
  add: number,
  extend: number,
  tuple: boolean,
): void {
  const n = elts.length;
  if (n > 2 && allConstant(elts, 0, n)) {
    const items = elts.map((e) => constOf(e as ast.Constant));
    let folded: Constant = { kind: "tuple", items };
    if (tuple && pushed === 0) {
      c.loadConst(folded, loc);
    } else {
      if (add === O.SET_ADD) folded = frozensetOf(items);
      c.addopI(build, pushed, loc);
      c.loadConst(folded, loc);
      c.addopI(extend, 1, loc);
      if (tuple) c.addopI(O.CALL_INTRINSIC_1, Intrinsic.LIST_TO_TUPLE, loc);
    }
    return;
  }
  const big = n + pushed > STACK_USE_GUIDELINE;
  const seenStar = elts.some((e) => e._type === "Starred");
  if (!seenStar && !big) {
    for (const e of elts) visitExpr(c, e);
    c.addopI(tuple ? O.BUILD_TUPLE : build, n + pushed, loc);
    return;
  }
  let built = false;
  if (big) {
    c.addopI(build, pushed, loc);
    built = true;
  }
  for (let i = 0; i < n; i++) {
    const e = elts[i];
    if (e._type === "Starred") {
      if (!built) {
        c.addopI(build, i + pushed, loc);
        built = true;
      }
      visitExpr(c, e.value);
      c.addopI(extend, 1, loc);
    } else {
      visitExpr(c, e);
      if (built) c.addopI(add, 1, loc);
    }
  }
  if (tuple) c.addopI(O.CALL_INTRINSIC_1, Intrinsic.LIST_TO_TUPLE, loc);
}

/** UNPACK_SEQUENCE or UNPACK_EX for an assignment target list. */
function unpackHelper(c: Compiler, loc: Location, elts: readonly ast.Expr[]): void {
  const n = elts.length;
  let seenStar = false;
  for (let i = 0; i < n; i++) {
    const e = elts[i];
    if (e._type === "Starred" && !seenStar) {
      if (i >= 1 << 8 || n - i - 1 >= 0x7fffffff >> 8) c.error("too many expressions in star-unpacking assignment", loc);
      c.addopI(O.UNPACK_EX, i + ((n - i - 1) << 8), loc);
      seenStar = true;
    } else if (e._type === "Starred") {
      c.error("multiple starred expressions in assignment", loc);
    }
  }
  if (!seenStar) c.addopI(O.UNPACK_SEQUENCE, n, loc);
}

function assignmentHelper(c: Compiler, loc: Location, elts: readonly ast.Expr[]): void {
  unpackHelper(c, loc, elts);
  for (const e of elts) visitExpr(c, e._type === "Starred" ? e.value : e);
}

function compileSequence(c: Compiler, e: ast.List | ast.Tuple): void {
  const loc = locOf(e);
  if (e.ctx === "Store") return assignmentHelper(c, loc, e.elts);
  if (e.ctx === "Load") return starunpackHelper(c, loc, e.elts, 0, O.BUILD_LIST, O.LIST_APPEND, O.LIST_EXTEND, e._type === "Tuple");
  for (const x of e.elts) visitExpr(c, x);
}

function compileSubdict(c: Compiler, e: ast.Dict, begin: number, end: number): void {
  const n = end - begin;
  const big = n * 2 > STACK_USE_GUIDELINE;
  const loc = locOf(e);
  if (n > 1 && !big && allConstant(e.keys, begin, end)) {
    for (let i = begin; i < end; i++) visitExpr(c, e.values[i]);
    const keys = e.keys.slice(begin, end).map((k) => constOf(k as ast.Constant));
    c.loadConst({ kind: "tuple", items: keys }, loc);
    c.addopI(O.BUILD_CONST_KEY_MAP, n, loc);
    return;
  }
  if (big) c.addopI(O.BUILD_MAP, 0, loc);
  for (let i = begin; i < end; i++) {
    visitExpr(c, e.keys[i]!);
    visitExpr(c, e.values[i]);
    if (big) c.addopI(O.MAP_ADD, 1, loc);
  }
  if (!big) c.addopI(O.BUILD_MAP, n, loc);
}

function compileDict(c: Compiler, e: ast.Dict): void {
  const loc = locOf(e);
  const n = e.values.length;
  let haveDict = false;
  let elements = 0;
  for (let i = 0; i < n; i++) {
    if (e.keys[i] === null) {
      if (elements > 0) {
        compileSubdict(c, e, i - elements, i);
        if (haveDict) c.addopI(O.DICT_UPDATE, 1, loc);
        haveDict = true;
        elements = 0;
      }
      if (!haveDict) {
        c.addopI(O.BUILD_MAP, 0, loc);
        haveDict = true;
      }
      visitExpr(c, e.values[i]);
      c.addopI(O.DICT_UPDATE, 1, loc);
    } else if (elements * 2 > STACK_USE_GUIDELINE) {
      compileSubdict(c, e, i - elements, i + 1);
      if (haveDict) c.addopI(O.DICT_UPDATE, 1, loc);
      haveDict = true;
      elements = 0;
    } else {
      elements++;
    }
  }
  if (elements > 0) {
    compileSubdict(c, e, n - elements, n);
    if (haveDict) c.addopI(O.DICT_UPDATE, 1, loc);
    haveDict = true;
  }
  if (!haveDict) c.addopI(O.BUILD_MAP, 0, loc);
}

// ---- calls --------------------------------------------------------------------------------------

function validateKeywords(c: Compiler, keywords: readonly ast.Keyword[]): void {
  for (let i = 0; i < keywords.length; i++) {
    const key = keywords[i];
    if (key.arg === null) continue;
    c.checkDebugName(key.arg, "Store", locOf(key));
    for (let j = i + 1; j < keywords.length; j++) {
      const other = keywords[j];
      if (other.arg !== null && other.arg === key.arg) c.error(`keyword argument repeated: ${key.arg}`, locOf(other));
    }
  }
}

function callSimpleKwHelper(c: Compiler, loc: Location, keywords: readonly ast.Keyword[]): void {
  const names = keywords.map((k) => strConst(k.arg!));
  c.addopI(O.KW_NAMES, c.addConst({ kind: "tuple", items: names }), loc);
}

function compileSubkwargs(c: Compiler, loc: Location, keywords: readonly ast.Keyword[], begin: number, end: number): void {
  const n = end - begin;
  const big = n * 2 > STACK_USE_GUIDELINE;
  if (n > 1 && !big) {
    for (let i = begin; i < end; i++) visitExpr(c, keywords[i].value);
    const keys = keywords.slice(begin, end).map((k) => strConst(k.arg!));
    c.loadConst({ kind: "tuple", items: keys }, loc);
    c.addopI(O.BUILD_CONST_KEY_MAP, n, loc);
    return;
  }
  if (big) c.addopI(O.BUILD_MAP, 0, NO_LOCATION);
  for (let i = begin; i < end; i++) {
    const kw = keywords[i];
    c.loadConst(strConst(kw.arg!), loc);
    visitExpr(c, kw.value);
    if (big) c.addopI(O.MAP_ADD, 1, NO_LOCATION);
  }
  if (!big) c.addopI(O.BUILD_MAP, n, loc);
}

/** Arguments and the CALL (shared by calls and class definitions); `n` values already pushed. */
export function callHelper(c: Compiler, loc: Location, n: number, args: readonly ast.Expr[], keywords: readonly ast.Keyword[]): void {
  validateKeywords(c, keywords);
  const nelts = args.length;
  const nkwelts = keywords.length;
  const simple =
    nelts + nkwelts * 2 <= STACK_USE_GUIDELINE && !args.some((a) => a._type === "Starred") && !keywords.some((k) => k.arg === null);
  if (simple) {
    for (const a of args) visitExpr(c, a);
    if (nkwelts > 0) {
      for (const k of keywords) visitExpr(c, k.value);
      callSimpleKwHelper(c, loc, keywords);
    }
    c.addopI(O.CALL, n + nelts + nkwelts, loc);
    return;
  }
  // CALL_FUNCTION_EX: positional arguments as one tuple, keywords as one dict.
  if (n === 0 && nelts === 1 && args[0]._type === "Starred") {
    visitExpr(c, args[0].value);
  } else {
    starunpackHelper(c, loc, args, n, O.BUILD_LIST, O.LIST_APPEND, O.LIST_EXTEND, true);
  }
  if (nkwelts > 0) {
    let haveDict = false;
    let nseen = 0;
    for (let i = 0; i < nkwelts; i++) {
      const kw = keywords[i];
      if (kw.arg === null) {
        if (nseen > 0) {
          compileSubkwargs(c, loc, keywords, i - nseen, i);
          if (haveDict) c.addopI(O.DICT_MERGE, 1, loc);
          haveDict = true;
          nseen = 0;
        }
        if (!haveDict) {
          c.addopI(O.BUILD_MAP, 0, loc);
          haveDict = true;
        }
        visitExpr(c, kw.value);
        c.addopI(O.DICT_MERGE, 1, loc);
      } else {
        nseen++;
      }
    }
    if (nseen > 0) {
      compileSubkwargs(c, loc, keywords, nkwelts - nseen, nkwelts);
      if (haveDict) c.addopI(O.DICT_MERGE, 1, loc);
    }
  }
  c.addopI(O.CALL_FUNCTION_EX, nkwelts > 0 ? 1 : 0, loc);
}

/** Is `e` a name that the module imports (then its attributes are not called as methods)? */
function isImportOriginated(c: Compiler, e: ast.Expr): boolean {
  if (e._type !== "Name") return false;
  return (c.st.top.flags(e.id) & DEF.IMPORT) !== 0;
}

/** `super().attr` or `super(C, self).attr` that can use LOAD_SUPER_ATTR. */
function canOptimizeSuperCall(c: Compiler, attr: ast.Attribute): boolean {
  const e = attr.value;
  if (e._type !== "Call" || e.func._type !== "Name" || e.func.id !== "super" || attr.attr === "__class__" || e.keywords.length !== 0) {
    return false;
  }
  // `super` must not be shadowed statically.
  if (c.ste.scope("super") !== Scope.GLOBAL_IMPLICIT) return false;
  if (c.st.top.scope("super") !== 0) return false;
  const nargs = e.args.length;
  if (nargs === 2) return !e.args.some((a) => a._type === "Starred");
  if (nargs !== 0) return false;
  // Zero-argument form: the function needs a first argument and the __class__ cell.
  if (c.u.argcount === 0 && c.u.posonlyargcount === 0) return false;
  return c.refType("__class__") === Scope.FREE;
}

function loadArgsForSuper(c: Compiler, e: ast.Call): void {
  const loc = locOf(e);
  c.nameop((e.func as ast.Name).id, "Load", locOf(e.func));
  if (e.args.length === 2) {
    visitExpr(c, e.args[0]);
    visitExpr(c, e.args[1]);
    return;
  }
  c.nameop("__class__", "Load", loc);
  const first = c.u.varnames.keys().next();
  if (first.done) throw new Error("internal error: super() without a first argument");
  c.nameop(first.value, "Load", loc);
}

/** `obj.meth(args)` as LOAD_ATTR (method form) + CALL; returns false when not applicable. */
function maybeOptimizeMethodCall(c: Compiler, e: ast.Call): boolean {
  const meth = e.func;
  if (meth._type !== "Attribute" || meth.ctx !== "Load") return false;
  if (isImportOriginated(c, meth.value)) return false;
  const argsl = e.args.length;
  const kwdsl = e.keywords.length;
  if (argsl + kwdsl + (kwdsl !== 0 ? 1 : 0) >= STACK_USE_GUIDELINE) return false;
  if (e.args.some((a) => a._type === "Starred")) return false;
  if (e.keywords.some((k) => k.arg === null)) return false;
  let loc = locOf(meth);
  if (canOptimizeSuperCall(c, meth)) {
    const call = meth.value as ast.Call;
    loadArgsForSuper(c, call);
    const op = call.args.length > 0 ? NameOp.LOAD_SUPER_METHOD : NameOp.LOAD_ZERO_SUPER_METHOD;
    c.addopName(op, meth.attr, "names", loc);
    loc = attrLoc(loc, meth);
    c.addop(O.NOP, loc);
  } else {
    visitExpr(c, meth.value);
    loc = attrLoc(loc, meth);
    c.addopName(NameOp.LOAD_METHOD, meth.attr, "names", loc);
  }
  for (const a of e.args) visitExpr(c, a);
  if (kwdsl > 0) {
    for (const k of e.keywords) visitExpr(c, k.value);
    callSimpleKwHelper(c, loc, e.keywords);
  }
  c.addopI(O.CALL, argsl + kwdsl, attrLoc(locOf(e), meth));
  return true;
}

function compileCall(c: Compiler, e: ast.Call): void {
  validateKeywords(c, e.keywords);
  if (maybeOptimizeMethodCall(c, e)) return;
  c.addop(O.PUSH_NULL, locOf(e.func));
  visitExpr(c, e.func);
  callHelper(c, locOf(e), 0, e.args, e.keywords);
}

// ---- strings ----------------------------------------------------------------------------------

function compileJoinedStr(c: Compiler, e: ast.JoinedStr): void {
  const loc = locOf(e);
  const n = e.values.length;
  if (n > STACK_USE_GUIDELINE) {
    c.loadConst(strConst(""), loc);
    c.addopName(NameOp.LOAD_METHOD, "join", "names", loc);
    c.addopI(O.BUILD_LIST, 0, loc);
    for (const v of e.values) {
      visitExpr(c, v);
      c.addopI(O.LIST_APPEND, 1, loc);
    }
    c.addopI(O.CALL, 1, loc);
    return;
  }
  for (const v of e.values) visitExpr(c, v);
  if (n !== 1) c.addopI(O.BUILD_STRING, n, loc);
}

function compileFormattedValue(c: Compiler, e: ast.FormattedValue): void {
  visitExpr(c, e.value);
  let oparg: number;
  switch (e.conversion) {
    case 0x73: // 's'
      oparg = FormatFlag.STR;
      break;
    case 0x72: // 'r'
      oparg = FormatFlag.REPR;
      break;
    case 0x61: // 'a'
      oparg = FormatFlag.ASCII;
      break;
    default:
      oparg = 0;
  }
  if (e.format_spec !== null) {
    visitExpr(c, e.format_spec);
    oparg |= FormatFlag.HAVE_SPEC;
  }
  c.addopI(O.FORMAT_VALUE, oparg, locOf(e));
}

// ---- subscripts and slices ----------------------------------------------------------------------

export function isTwoElementSlice(s: ast.Expr): boolean {
  return s._type === "Slice" && s.step === null;
}

/** Pushes the parts of a slice; returns how many (2 or 3). */
export function compileSlice(c: Compiler, s: ast.Slice): number {
  let n = 2;
  if (s.lower !== null) visitExpr(c, s.lower);
  else c.loadConst(NONE, locOf(s));
  if (s.upper !== null) visitExpr(c, s.upper);
  else c.loadConst(NONE, locOf(s));
  if (s.step !== null) {
    n++;
    visitExpr(c, s.step);
  }
  return n;
}

function compileSubscript(c: Compiler, e: ast.Subscript): void {
  const loc = locOf(e);
  visitExpr(c, e.value);
  if (isTwoElementSlice(e.slice) && e.ctx !== "Del") {
    compileSlice(c, e.slice as ast.Slice);
    c.addop(e.ctx === "Load" ? O.BINARY_SLICE : O.STORE_SLICE, loc);
    return;
  }
  visitExpr(c, e.slice);
  c.addop(e.ctx === "Load" ? O.BINARY_SUBSCR : e.ctx === "Store" ? O.STORE_SUBSCR : O.DELETE_SUBSCR, loc);
}

// ---- yield --------------------------------------------------------------------------------------

/** The SEND loop of `yield from` (CPython's compiler_add_yield_from). */
export function addYieldFrom(c: Compiler, loc: Location): void {
  const send = c.newLabel();
  const fail = c.newLabel();
  const exit = c.newLabel();
  c.useLabel(send);
  c.addopJ(O.SEND, exit, loc);
  // A virtual try/except: StopIteration raised by a close() or throw() lands in CLEANUP_THROW.
  c.addopJ(Pseudo.SETUP_FINALLY, fail, loc);
  c.addopI(O.YIELD_VALUE, 0, loc);
  c.addop(Pseudo.POP_BLOCK, NO_LOCATION);
  c.addopI(O.RESUME, 2, loc);
  c.addopJ(Pseudo.JUMP_NO_INTERRUPT, send, loc);
  c.useLabel(fail);
  c.addop(O.CLEANUP_THROW, loc);
  c.useLabel(exit);
  c.addop(O.END_SEND, loc);
}

export function addYield(c: Compiler, loc: Location): void {
  c.addopI(O.YIELD_VALUE, 0, loc);
  c.addopI(O.RESUME, 1, loc);
}

// ---- annotations -------------------------------------------------------------------------------

/** An annotation under `from __future__ import annotations`: its source text as a constant. */
export function visitAnnexpr(c: Compiler, annotation: ast.Expr): void {
  c.loadConst(strConst(unparseAnnotation(annotation)), locOf(annotation));
}

/** Evaluates an expression for its side effects only (annotations of complex targets). */
export function checkAnnExpr(c: Compiler, e: ast.Expr): void {
  visitExpr(c, e);
  c.addop(O.POP_TOP, locOf(e));
}

// ---- the visitor --------------------------------------------------------------------------------

export function visitExpr(c: Compiler, e: ast.Expr): void {
  const loc = locOf(e);
  switch (e._type) {
    case "NamedExpr":
      visitExpr(c, e.value);
      c.addopI(O.COPY, 1, loc);
      visitExpr(c, e.target);
      return;
    case "BoolOp":
      return compileBoolOp(c, e);
    case "BinOp":
      visitExpr(c, e.left);
      visitExpr(c, e.right);
      c.addopI(O.BINARY_OP, BINOP[e.op], loc);
      return;
    case "UnaryOp":
      visitExpr(c, e.operand);
      switch (e.op) {
        case "UAdd":
          c.addopI(O.CALL_INTRINSIC_1, Intrinsic.UNARY_POSITIVE, loc);
          return;
        case "Not":
          c.addop(O.UNARY_NOT, loc);
          return;
        case "USub":
          c.addop(O.UNARY_NEGATIVE, loc);
          return;
        case "Invert":
          c.addop(O.UNARY_INVERT, loc);
          return;
      }
      return;
    case "Lambda":
      return compileLambda(c, e);
    case "IfExp": {
      const end = c.newLabel();
      const next = c.newLabel();
      jumpIf(c, loc, e.test, next, false);
      visitExpr(c, e.body);
      c.addopJ(Pseudo.JUMP, end, NO_LOCATION);
      c.useLabel(next);
      visitExpr(c, e.orelse);
      c.useLabel(end);
      return;
    }
    case "Dict":
      return compileDict(c, e);
    case "Set":
      return starunpackHelper(c, loc, e.elts, 0, O.BUILD_SET, O.SET_ADD, O.SET_UPDATE, false);
    case "GeneratorExp":
    case "ListComp":
    case "SetComp":
    case "DictComp":
      return compileComprehension(c, e);
    case "Yield":
      if (!c.ste.isFunctionLike) c.error("'yield' outside function", loc);
      if (e.value !== null) visitExpr(c, e.value);
      else c.loadConst(NONE, loc);
      addYield(c, loc);
      return;
    case "YieldFrom":
      if (!c.ste.isFunctionLike) c.error("'yield' outside function", loc);
      visitExpr(c, e.value);
      c.addop(O.GET_YIELD_FROM_ITER, loc);
      c.loadConst(NONE, loc);
      addYieldFrom(c, loc);
      return;
    case "Compare":
      return compileCompare(c, e);
    case "Call":
      return compileCall(c, e);
    case "Constant":
      c.loadConst(constOf(e), loc);
      return;
    case "JoinedStr":
      return compileJoinedStr(c, e);
    case "FormattedValue":
      return compileFormattedValue(c, e);
    case "Attribute": {
      if (e.ctx === "Load" && canOptimizeSuperCall(c, e)) {
        const call = e.value as ast.Call;
        loadArgsForSuper(c, call);
        c.addopName(call.args.length > 0 ? NameOp.LOAD_SUPER_ATTR_2 : NameOp.LOAD_ZERO_SUPER_ATTR, e.attr, "names", loc);
        c.addop(O.NOP, attrLoc(loc, e));
        return;
      }
      visitExpr(c, e.value);
      const aloc = attrLoc(loc, e);
      if (e.ctx === "Load") {
        c.addopName(O.LOAD_ATTR, e.attr, "names", aloc);
      } else if (e.ctx === "Store") {
        c.checkDebugName(e.attr, "Store", aloc);
        c.addopName(O.STORE_ATTR, e.attr, "names", aloc);
      } else {
        c.addopName(O.DELETE_ATTR, e.attr, "names", aloc);
      }
      return;
    }
    case "Subscript":
      return compileSubscript(c, e);
    case "Starred":
      if (e.ctx === "Store") c.error("starred assignment target must be in a list or tuple", loc);
      c.error("can't use starred expression here", loc);
    // eslint-disable-next-line no-fallthrough
    case "Slice": {
      const n = compileSlice(c, e);
      c.addopI(O.BUILD_SLICE, n, loc);
      return;
    }
    case "Name":
      c.nameop(e.id, e.ctx, loc);
      return;
    case "List":
    case "Tuple":
      return compileSequence(c, e);
  }
}
