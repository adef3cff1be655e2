// Code generation for statements, following CPython 3.12's compile.c shape by shape: loops with
// FOR_ITER/END_FOR and bottom-tested while, try/except/finally with SETUP_* pseudo-instructions
// (lowered to the exception table later), with statements through BEFORE_WITH and the
// exit(None, None, None) CALL 2 form, imports, assignments in all their forms, assert, raise.

import type * as ast from "../syntax/ast.js";
import { NONE, constOf, intConst, strConst } from "./constants.js";
import type { Compiler } from "./compiler.js";
import { NameOp } from "./compiler.js";
import { jumpIf, visitExpr, compileSlice, isTwoElementSlice, checkAnnExpr, visitAnnexpr } from "./codegen-expr.js";
import { compileClass, compileFunction } from "./codegen-def.js";
import { getDocString } from "./fold.js";
import { isAfterFuture } from "./future.js";
import type { Location } from "./instr.js";
import { NO_LOCATION, O, Pseudo, locOf } from "./instr.js";
import { mangle } from "./mangle.js";
import { BinaryOp, Intrinsic } from "../vm/opcodes.js";

export function visitStmts(c: Compiler, body: readonly ast.Stmt[]): void {
  for (const s of body) visitStmt(c, s);
}

/** Does a body (not counting nested functions and classes) contain an annotated assignment? */
export function findAnn(stmts: readonly ast.Stmt[]): boolean {
  for (const st of stmts) {
    switch (st._type) {
      case "AnnAssign":
        return true;
      case "For":
      case "While":
      case "If":
        if (findAnn(st.body) || findAnn(st.orelse)) return true;
        break;
      case "With":
        if (findAnn(st.body)) return true;
        break;
      case "Try":
        if (st.handlers.some((h) => findAnn(h.body))) return true;
        if (findAnn(st.body) || findAnn(st.finalbody) || findAnn(st.orelse)) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

/** A module or class body (CPython's compiler_body). */
export function visitBody(c: Compiler, stmts: readonly ast.Stmt[], loc: Location = { lineno: 1, endLineno: 1, col: 0, endCol: 0 }): void {
  if (c.u.scopeType === "module" && stmts.length > 0) loc = locOf(stmts[0]);
  if (findAnn(stmts)) c.addop(O.SETUP_ANNOTATIONS, loc);
  if (stmts.length === 0) return;
  let i = 0;
  if (getDocString(stmts) !== null) {
    i = 1;
    visitExpr(c, (stmts[0] as ast.ExprStmt).value);
    c.nameop("__doc__", "Store", NO_LOCATION);
  }
  for (; i < stmts.length; i++) visitStmt(c, stmts[i]);
}

export function visitStmt(c: Compiler, s: ast.Stmt): void {
  const loc = locOf(s);
  switch (s._type) {
    case "FunctionDef":
      compileFunction(c, s);
      return;
    case "ClassDef":
      compileClass(c, s);
      return;
    case "Return":
      compileReturn(c, s);
      return;
    case "Delete":
      for (const t of s.targets) visitExpr(c, t);
      return;
    case "Assign": {
      visitExpr(c, s.value);
      s.targets.forEach((t, i) => {
        if (i < s.targets.length - 1) c.addopI(O.COPY, 1, loc);
        visitExpr(c, t);
      });
      return;
    }
    case "AugAssign":
      compileAugAssign(c, s);
      return;
    case "AnnAssign":
      compileAnnAssign(c, s);
      return;
    case "For":
      compileFor(c, s);
      return;
    case "While":
      compileWhile(c, s);
      return;
    case "If":
      compileIf(c, s);
      return;
    case "Raise": {
      let n = 0;
      if (s.exc !== null) {
        visitExpr(c, s.exc);
        n++;
        if (s.cause !== null) {
          visitExpr(c, s.cause);
          n++;
        }
      }
      c.addopI(O.RAISE_VARARGS, n, loc);
      return;
    }
    case "Try":
      if (s.finalbody.length > 0) compileTryFinally(c, s);
      else compileTryExcept(c, s);
      return;
    case "Assert":
      compileAssert(c, s);
      return;
    case "Import":
      compileImport(c, s);
      return;
    case "ImportFrom":
      compileFromImport(c, s);
      return;
    case "Global":
    case "Nonlocal":
      return;
    case "Expr":
      if (s.value._type === "Constant") {
        c.addop(O.NOP, loc); // a constant statement only marks its line
        return;
      }
      visitExpr(c, s.value);
      c.addop(O.POP_TOP, NO_LOCATION);
      return;
    case "Pass":
      c.addop(O.NOP, loc);
      return;
    case "Break":
      compileBreak(c, loc);
      return;
    case "Continue":
      compileContinue(c, loc);
      return;
    case "With":
      compileWith(c, s, 0);
      return;
  }
}

function compileIf(c: Compiler, s: ast.If): void {
  const end = c.newLabel();
  const next = s.orelse.length > 0 ? c.newLabel() : end;
  jumpIf(c, locOf(s), s.test, next, false);
  visitStmts(c, s.body);
  if (s.orelse.length > 0) {
    c.addopJ(Pseudo.JUMP, end, NO_LOCATION);
    c.useLabel(next);
    visitStmts(c, s.orelse);
  }
  c.useLabel(end);
}

function compileFor(c: Compiler, s: ast.For): void {
  const loc = locOf(s);
  const start = c.newLabel();
  const body = c.newLabel();
  const cleanup = c.newLabel();
  const end = c.newLabel();
  c.pushFBlock(loc, "FOR_LOOP", start, end, null);
  visitExpr(c, s.iter);
  c.addop(O.GET_ITER, loc);
  c.useLabel(start);
  c.addopJ(O.FOR_ITER, cleanup, loc);
  c.useLabel(body);
  visitExpr(c, s.target);
  visitStmts(c, s.body);
  c.addopJ(Pseudo.JUMP, start, NO_LOCATION); // artificial back edge
  c.useLabel(cleanup);
  c.addop(O.END_FOR, NO_LOCATION);
  c.popFBlock("FOR_LOOP");
  visitStmts(c, s.orelse);
  c.useLabel(end);
}

function compileWhile(c: Compiler, s: ast.While): void {
  const loop = c.newLabel();
  const body = c.newLabel();
  const end = c.newLabel();
  const anchor = c.newLabel();
  const loc = locOf(s);
  c.useLabel(loop);
  c.pushFBlock(loc, "WHILE_LOOP", loop, end, null);
  jumpIf(c, loc, s.test, anchor, false);
  c.useLabel(body);
  visitStmts(c, s.body);
  jumpIf(c, loc, s.test, body, true);
  c.popFBlock("WHILE_LOOP");
  c.useLabel(anchor);
  visitStmts(c, s.orelse);
  c.useLabel(end);
}

function compileReturn(c: Compiler, s: ast.Return): void {
  let loc = locOf(s);
  const value = s.value;
  const preserveTos = value !== null && value._type !== "Constant";
  if (!c.ste.isFunctionLike) c.error("'return' outside function", loc);
  if (preserveTos) {
    visitExpr(c, value);
  } else if (value !== null) {
    // An instruction with the returned constant's line.
    c.addop(O.NOP, locOf(value));
  }
  if (value === null || value.lineno !== s.lineno) c.addop(O.NOP, loc);
  loc = c.unwindFBlockStack(loc, preserveTos, false).loc;
  if (value === null) c.loadConst(NONE, loc);
  else if (!preserveTos) c.loadConst(constOf(value as ast.Constant), loc);
  c.addop(O.RETURN_VALUE, loc);
}

function compileBreak(c: Compiler, origin: Location): void {
  c.addop(O.NOP, origin);
  const r = c.unwindFBlockStack(origin, false, true);
  if (r.loop === null) c.error("'break' outside loop", origin);
  const loc = c.unwindFBlock(r.loc, r.loop, false);
  c.addopJ(Pseudo.JUMP, r.loop.exit, loc);
}

function compileContinue(c: Compiler, origin: Location): void {
  c.addop(O.NOP, origin);
  const r = c.unwindFBlockStack(origin, false, true);
  if (r.loop === null) c.error("'continue' not properly in loop", origin);
  c.addopJ(Pseudo.JUMP, r.loop.block, r.loc);
}

function compileTryFinally(c: Compiler, s: ast.Try): void {
  let loc = locOf(s);
  const body = c.newLabel();
  const end = c.newLabel();
  const exit = c.newLabel();
  const cleanup = c.newLabel();
  // try block
  c.addopJ(Pseudo.SETUP_FINALLY, end, loc);
  c.useLabel(body);
  c.pushFBlock(loc, "FINALLY_TRY", body, end, s.finalbody);
  if (s.handlers.length > 0) compileTryExcept(c, s);
  else visitStmts(c, s.body);
  c.addop(Pseudo.POP_BLOCK, NO_LOCATION);
  c.popFBlock("FINALLY_TRY");
  visitStmts(c, s.finalbody);
  c.addopJ(Pseudo.JUMP, exit, NO_LOCATION);
  // finally block (exceptional path)
  c.useLabel(end);
  loc = NO_LOCATION;
  c.addopJ(Pseudo.SETUP_CLEANUP, cleanup, loc);
  c.addop(O.PUSH_EXC_INFO, loc);
  c.pushFBlock(loc, "FINALLY_END", end, -1, null);
  visitStmts(c, s.finalbody);
  c.popFBlock("FINALLY_END");
  c.addopI(O.RERAISE, 0, loc);
  c.useLabel(cleanup);
  c.popExceptAndReraise(loc);
  c.useLabel(exit);
}

function compileTryExcept(c: Compiler, s: ast.Try): void {
  const loc = locOf(s);
  const body = c.newLabel();
  let except = c.newLabel();
  const end = c.newLabel();
  const cleanup = c.newLabel();
  c.addopJ(Pseudo.SETUP_FINALLY, except, loc);
  c.useLabel(body);
  c.pushFBlock(loc, "TRY_EXCEPT", body, -1, null);
  visitStmts(c, s.body);
  c.popFBlock("TRY_EXCEPT");
  c.addop(Pseudo.POP_BLOCK, NO_LOCATION);
  visitStmts(c, s.orelse);
  c.addopJ(Pseudo.JUMP, end, NO_LOCATION);
  const n = s.handlers.length;
  c.useLabel(except);
  c.addopJ(Pseudo.SETUP_CLEANUP, cleanup, NO_LOCATION);
  c.addop(O.PUSH_EXC_INFO, NO_LOCATION);
  // The runtime has pushed the exception: account for it.
  c.pushFBlock(loc, "EXCEPTION_HANDLER", -1, -1, null);
  for (let i = 0; i < n; i++) {
    const handler = s.handlers[i];
    const hloc = locOf(handler);
    if (handler.type === null && i < n - 1) c.error("default 'except:' must be last", hloc);
    except = c.newLabel();
    if (handler.type !== null) {
      visitExpr(c, handler.type);
      c.addop(O.CHECK_EXC_MATCH, hloc);
      c.addopJ(O.POP_JUMP_IF_FALSE, except, hloc);
    }
    if (handler.name !== null) {
      const cleanupEnd = c.newLabel();
      const cleanupBody = c.newLabel();
      c.nameop(handler.name, "Store", hloc);
      // try: body finally: name = None; del name   (the handler may `del name` itself)
      c.addopJ(Pseudo.SETUP_CLEANUP, cleanupEnd, hloc);
      c.useLabel(cleanupBody);
      c.pushFBlock(hloc, "HANDLER_CLEANUP", cleanupBody, -1, handler.name);
      visitStmts(c, handler.body);
      c.popFBlock("HANDLER_CLEANUP");
      c.addop(Pseudo.POP_BLOCK, NO_LOCATION);
      c.addop(Pseudo.POP_BLOCK, NO_LOCATION);
      c.addop(O.POP_EXCEPT, NO_LOCATION);
      c.loadConst(NONE, NO_LOCATION);
      c.nameop(handler.name, "Store", NO_LOCATION);
      c.nameop(handler.name, "Del", NO_LOCATION);
      c.addopJ(Pseudo.JUMP, end, NO_LOCATION);
      // except: (an exception in the handler body)
      c.useLabel(cleanupEnd);
      c.loadConst(NONE, NO_LOCATION);
      c.nameop(handler.name, "Store", NO_LOCATION);
      c.nameop(handler.name, "Del", NO_LOCATION);
      c.addopI(O.RERAISE, 1, NO_LOCATION);
    } else {
      const cleanupBody = c.newLabel();
      c.addop(O.POP_TOP, hloc); // exc_value
      c.useLabel(cleanupBody);
      c.pushFBlock(hloc, "HANDLER_CLEANUP", cleanupBody, -1, null);
      visitStmts(c, handler.body);
      c.popFBlock("HANDLER_CLEANUP");
      c.addop(Pseudo.POP_BLOCK, NO_LOCATION);
      c.addop(O.POP_EXCEPT, NO_LOCATION);
      c.addopJ(Pseudo.JUMP, end, NO_LOCATION);
    }
    c.useLabel(except);
  }
  c.popFBlock("EXCEPTION_HANDLER");
  c.addopI(O.RERAISE, 0, NO_LOCATION);
  c.useLabel(cleanup);
  c.popExceptAndReraise(NO_LOCATION);
  c.useLabel(end);
}

/** `with a as x, b: body` is compiled as nested single-item with statements. */
function compileWith(c: Compiler, s: ast.With, pos: number): void {
  const item = s.items[pos];
  const block = c.newLabel();
  const final = c.newLabel();
  const exit = c.newLabel();
  const cleanup = c.newLabel();
  visitExpr(c, item.context_expr);
  let loc = locOf(s);
  c.addop(O.BEFORE_WITH, loc); // pushes the bound __exit__ and __enter__()'s result
  c.addopJ(Pseudo.SETUP_WITH, final, loc);
  c.useLabel(block);
  c.pushFBlock(loc, "WITH", block, final, s);
  if (item.optional_vars !== null) visitExpr(c, item.optional_vars);
  else c.addop(O.POP_TOP, loc); // discard __enter__()'s result
  pos++;
  if (pos === s.items.length) visitStmts(c, s.body);
  else compileWith(c, s, pos);
  c.addop(Pseudo.POP_BLOCK, NO_LOCATION);
  c.popFBlock("WITH");
  // Normal exit: __exit__(None, None, None).
  loc = locOf(s);
  c.callExitWithNones(loc);
  c.addop(O.POP_TOP, loc);
  c.addopJ(Pseudo.JUMP, exit, loc);
  // Exceptional exit.
  c.useLabel(final);
  c.addopJ(Pseudo.SETUP_CLEANUP, cleanup, loc);
  c.addop(O.PUSH_EXC_INFO, loc);
  c.addop(O.WITH_EXCEPT_START, loc);
  withExceptFinish(c, cleanup);
  c.useLabel(exit);
}

function withExceptFinish(c: Compiler, cleanup: number): void {
  const suppress = c.newLabel();
  c.addopJ(O.POP_JUMP_IF_TRUE, suppress, NO_LOCATION);
  c.addopI(O.RERAISE, 2, NO_LOCATION);
  c.useLabel(suppress);
  c.addop(O.POP_TOP, NO_LOCATION); // exc_value
  c.addop(Pseudo.POP_BLOCK, NO_LOCATION);
  c.addop(O.POP_EXCEPT, NO_LOCATION);
  c.addop(O.POP_TOP, NO_LOCATION);
  c.addop(O.POP_TOP, NO_LOCATION);
  const exit = c.newLabel();
  c.addopJ(Pseudo.JUMP, exit, NO_LOCATION);
  c.useLabel(cleanup);
  c.popExceptAndReraise(NO_LOCATION);
  c.useLabel(exit);
}

function compileAssert(c: Compiler, s: ast.Assert): void {
  const loc = locOf(s);
  const end = c.newLabel();
  jumpIf(c, loc, s.test, end, true);
  c.addop(O.LOAD_ASSERTION_ERROR, loc);
  if (s.msg !== null) {
    visitExpr(c, s.msg);
    c.addopI(O.CALL, 0, loc);
  }
  c.addopI(O.RAISE_VARARGS, 1, locOf(s.test));
  c.useLabel(end);
}

/** Binds the module that IMPORT_NAME pushed: `import a.b.c as d` walks the attributes. */
function importAs(c: Compiler, loc: Location, name: string, asname: string): void {
  const parts = name.split(".");
  if (parts.length > 1) {
    for (let i = 1; i < parts.length; i++) {
      c.addopNameRaw(O.IMPORT_FROM, parts[i], "names", loc);
      if (i === parts.length - 1) break;
      c.addopI(O.SWAP, 2, loc);
      c.addop(O.POP_TOP, loc);
    }
    c.nameop(asname, "Store", loc);
    c.addop(O.POP_TOP, loc);
    return;
  }
  c.nameop(asname, "Store", loc);
}

function compileImport(c: Compiler, s: ast.Import): void {
  const loc = locOf(s);
  for (const alias of s.names) {
    c.loadConst(intConst(0n), loc);
    c.loadConst(NONE, loc);
    c.addopName(O.IMPORT_NAME, alias.name, "names", loc);
    if (alias.asname !== null) {
      importAs(c, loc, alias.name, alias.asname);
    } else {
      const dot = alias.name.indexOf(".");
      c.nameop(dot >= 0 ? alias.name.slice(0, dot) : alias.name, "Store", loc);
    }
  }
}

function compileFromImport(c: Compiler, s: ast.ImportFrom): void {
  const loc = locOf(s);
  c.loadConst(intConst(BigInt(s.level)), loc);
  const names = s.names.map((a) => strConst(a.name));
  if (s.module === "__future__" && isAfterFuture(s, c.future)) {
    c.error("from __future__ imports must occur at the beginning of the file", loc);
  }
  c.loadConst({ kind: "tuple", items: names }, loc);
  c.addopName(O.IMPORT_NAME, s.module ?? "", "names", loc);
  for (let i = 0; i < s.names.length; i++) {
    const alias = s.names[i];
    if (i === 0 && alias.name.startsWith("*")) {
      c.addopI(O.CALL_INTRINSIC_1, Intrinsic.IMPORT_STAR, loc);
      c.addop(O.POP_TOP, NO_LOCATION);
      return;
    }
    c.addopName(O.IMPORT_FROM, alias.name, "names", loc);
    c.nameop(alias.asname ?? alias.name, "Store", loc);
  }
  c.addop(O.POP_TOP, loc); // the module
}

const INPLACE: Record<ast.OperatorKind, number> = {
  Add: BinaryOp.INPLACE_ADD,
  Sub: BinaryOp.INPLACE_SUBTRACT,
  Mult: BinaryOp.INPLACE_MULTIPLY,
  MatMult: BinaryOp.INPLACE_MATRIX_MULTIPLY,
  Div: BinaryOp.INPLACE_TRUE_DIVIDE,
  Mod: BinaryOp.INPLACE_REMAINDER,
  Pow: BinaryOp.INPLACE_POWER,
  LShift: BinaryOp.INPLACE_LSHIFT,
  RShift: BinaryOp.INPLACE_RSHIFT,
  BitOr: BinaryOp.INPLACE_OR,
  BitXor: BinaryOp.INPLACE_XOR,
  BitAnd: BinaryOp.INPLACE_AND,
  FloorDiv: BinaryOp.INPLACE_FLOOR_DIVIDE,
};

/** For an attribute spanning lines, the location of the attribute name itself. */
export function attrLoc(loc: Location, attr: ast.Attribute): Location {
  if (loc.lineno === attr.end_lineno) return loc;
  const len = Array.from(attr.attr).length;
  let col: number;
  let endCol = loc.endCol;
  if (len <= attr.end_col_offset) {
    col = attr.end_col_offset - len;
  } else {
    col = -1;
    endCol = -1;
  }
  const lineno = attr.end_lineno;
  const endLineno = Math.max(lineno, loc.endLineno);
  if (lineno === endLineno) endCol = Math.max(col, endCol);
  return { lineno, endLineno, col, endCol };
}

function compileAugAssign(c: Compiler, s: ast.AugAssign): void {
  const e = s.target;
  let loc = locOf(e);
  switch (e._type) {
    case "Attribute":
      visitExpr(c, e.value);
      c.addopI(O.COPY, 1, loc);
      c.addopName(O.LOAD_ATTR, e.attr, "names", attrLoc(loc, e));
      break;
    case "Subscript":
      visitExpr(c, e.value);
      if (isTwoElementSlice(e.slice)) {
        compileSlice(c, e.slice as ast.Slice);
        c.addopI(O.COPY, 3, loc);
        c.addopI(O.COPY, 3, loc);
        c.addopI(O.COPY, 3, loc);
        c.addop(O.BINARY_SLICE, loc);
      } else {
        visitExpr(c, e.slice);
        c.addopI(O.COPY, 2, loc);
        c.addopI(O.COPY, 2, loc);
        c.addop(O.BINARY_SUBSCR, loc);
      }
      break;
    case "Name":
      c.nameop(e.id, "Load", loc);
      break;
    default:
      throw new Error(`internal error: invalid augmented assignment target ${e._type}`);
  }
  visitExpr(c, s.value);
  c.addopI(O.BINARY_OP, INPLACE[s.op], locOf(s));
  loc = locOf(e);
  switch (e._type) {
    case "Attribute":
      c.addopI(O.SWAP, 2, attrLoc(loc, e));
      c.addopName(O.STORE_ATTR, e.attr, "names", attrLoc(loc, e));
      break;
    case "Subscript":
      if (isTwoElementSlice(e.slice)) {
        c.addopI(O.SWAP, 4, loc);
        c.addopI(O.SWAP, 3, loc);
        c.addopI(O.SWAP, 2, loc);
        c.addop(O.STORE_SLICE, loc);
      } else {
        c.addopI(O.SWAP, 3, loc);
        c.addopI(O.SWAP, 2, loc);
        c.addop(O.STORE_SUBSCR, loc);
      }
      break;
    case "Name":
      c.nameop(e.id, "Store", loc);
      break;
  }
}

/** Checks that everything in an annotated subscript target is defined at runtime. */
function checkAnnSubscr(c: Compiler, e: ast.Expr): void {
  switch (e._type) {
    case "Slice":
      if (e.lower !== null) checkAnnExpr(c, e.lower);
      if (e.upper !== null) checkAnnExpr(c, e.upper);
      if (e.step !== null) checkAnnExpr(c, e.step);
      return;
    case "Tuple":
      for (const x of e.elts) checkAnnSubscr(c, x);
      return;
    default:
      checkAnnExpr(c, e);
  }
}

function compileAnnAssign(c: Compiler, s: ast.AnnAssign): void {
  const loc = locOf(s);
  const targ = s.target;
  // The assignment itself comes first.
  if (s.value !== null) {
    visitExpr(c, s.value);
    visitExpr(c, targ);
  }
  switch (targ._type) {
    case "Name":
      c.checkDebugName(targ.id, "Store", loc);
      // A simple name in a module or class: record the annotation in __annotations__.
      if (s.simple && (c.u.scopeType === "module" || c.u.scopeType === "class")) {
        if (c.future.annotations) visitAnnexpr(c, s.annotation);
        else visitExpr(c, s.annotation);
        c.addopName(O.LOAD_NAME, "__annotations__", "names", loc);
        c.loadConst(strConst(mangle(c.u.priv, targ.id)), loc);
        c.addop(O.STORE_SUBSCR, loc);
      }
      break;
    case "Attribute":
      c.checkDebugName(targ.attr, "Store", loc);
      if (s.value === null) checkAnnExpr(c, targ.value);
      break;
    case "Subscript":
      if (s.value === null) {
        checkAnnExpr(c, targ.value);
        checkAnnSubscr(c, targ.slice);
      }
      break;
    default:
      throw new Error(`internal error: invalid annotated assignment target ${targ._type}`);
  }
  // For other targets the annotation is evaluated last, in modules and classes only.
  if (!s.simple && !c.future.annotations && (c.u.scopeType === "module" || c.u.scopeType === "class")) {
    checkAnnExpr(c, s.annotation);
  }
}

export { NameOp };
