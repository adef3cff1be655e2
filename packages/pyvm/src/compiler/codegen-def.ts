// Code generation for function, lambda and class definitions: defaults and keyword-only defaults,
// annotations (the tuple MAKE_FUNCTION takes with flag 0x04), the nested code object with its
// docstring slot, the generator StopIteration wrapper, closures, decorators applied with CALL 0,
// and class bodies run through __build_class__ with __module__, __qualname__ and __classcell__.

import type * as ast from "../syntax/ast.js";
import { Intrinsic } from "../vm/opcodes.js";
import { NONE, strConst } from "./constants.js";
import type { Compiler } from "./compiler.js";
import { callHelper, visitAnnexpr, visitExpr } from "./codegen-expr.js";
import { visitBody, visitStmts } from "./codegen-stmt.js";
import { getDocString } from "./fold.js";
import type { Location } from "./instr.js";
import { NO_LOCATION, O, Pseudo, locOf } from "./instr.js";
import { mangle } from "./mangle.js";

function checkDebugArgs(c: Compiler, args: ast.Arguments): void {
  const all = [...args.posonlyargs, ...args.args, ...(args.vararg ? [args.vararg] : []), ...args.kwonlyargs, ...(args.kwarg ? [args.kwarg] : [])];
  for (const a of all) c.checkDebugName(a.arg, "Store", locOf(a));
}

/** Pushes the defaults tuple and keyword-only defaults dict; returns MAKE_FUNCTION flags. */
function defaultArguments(c: Compiler, loc: Location, args: ast.Arguments): number {
  let flags = 0;
  if (args.defaults.length > 0) {
    for (const d of args.defaults) visitExpr(c, d);
    c.addopI(O.BUILD_TUPLE, args.defaults.length, loc);
    flags |= 0x01;
  }
  const keys: string[] = [];
  args.kwonlyargs.forEach((a, i) => {
    const d = args.kw_defaults[i];
    if (d === null) return;
    keys.push(mangle(c.u.priv, a.arg));
    visitExpr(c, d);
  });
  if (keys.length > 0) {
    c.loadConst({ kind: "tuple", items: keys.map(strConst) }, loc);
    c.addopI(O.BUILD_CONST_KEY_MAP, keys.length, loc);
    flags |= 0x02;
  }
  return flags;
}

/** Pushes the (name, value, ...) annotations tuple; returns its length (0: nothing pushed). */
function visitAnnotations(c: Compiler, loc: Location, args: ast.Arguments, returns: ast.Expr | null): number {
  let len = 0;
  const one = (id: string, annotation: ast.Expr | null) => {
    if (annotation === null) return;
    c.loadConst(strConst(mangle(c.u.priv, id)), loc);
    if (c.future.annotations) {
      visitAnnexpr(c, annotation);
    } else if (annotation._type === "Starred") {
      // *args: *Ts — evaluated as [annotation] = [*Ts].
      visitExpr(c, annotation.value);
      c.addopI(O.UNPACK_SEQUENCE, 1, loc);
    } else {
      visitExpr(c, annotation);
    }
    len += 2;
  };
  for (const a of args.args) one(a.arg, a.annotation);
  for (const a of args.posonlyargs) one(a.arg, a.annotation);
  if (args.vararg !== null) one(args.vararg.arg, args.vararg.annotation);
  for (const a of args.kwonlyargs) one(a.arg, a.annotation);
  if (args.kwarg !== null) one(args.kwarg.arg, args.kwarg.annotation);
  one("return", returns);
  if (len > 0) c.addopI(O.BUILD_TUPLE, len, loc);
  return len;
}

/** Generators turn a StopIteration escaping the body into RuntimeError (PEP 479). */
export function wrapInStopIterationHandler(c: Compiler): void {
  const handler = c.newLabel();
  c.u.seq.insert(0, Pseudo.SETUP_CLEANUP, handler, NO_LOCATION);
  c.loadConst(NONE, NO_LOCATION);
  c.addop(O.RETURN_VALUE, NO_LOCATION);
  c.useLabel(handler);
  c.addopI(O.CALL_INTRINSIC_1, Intrinsic.STOPITERATION_ERROR, NO_LOCATION);
  c.addopI(O.RERAISE, 1, NO_LOCATION);
}

function applyDecorators(c: Compiler, decos: readonly ast.Expr[]): void {
  for (let i = decos.length - 1; i >= 0; i--) c.addopI(O.CALL, 0, locOf(decos[i]));
}

export function compileFunction(c: Compiler, s: ast.FunctionDef): void {
  checkDebugArgs(c, s.args);
  for (const d of s.decorator_list) visitExpr(c, d);
  const firstlineno = s.decorator_list.length > 0 ? s.decorator_list[0].lineno : s.lineno;
  const loc = locOf(s);
  let funcflags = defaultArguments(c, loc, s.args);
  if (visitAnnotations(c, loc, s.args, s.returns) > 0) funcflags |= 0x04;

  c.enterScope(s.name, "function", s, firstlineno);
  const docstring = getDocString(s.body);
  c.addConst(docstring !== null ? strConst(docstring) : NONE);
  c.u.argcount = s.args.args.length;
  c.u.posonlyargcount = s.args.posonlyargs.length;
  c.u.kwonlyargcount = s.args.kwonlyargs.length;
  visitStmts(c, docstring !== null ? s.body.slice(1) : s.body);
  if (c.ste.generator) wrapInStopIterationHandler(c);
  const co = c.optimizeAndAssemble(true);
  c.exitScope();
  c.makeClosure(co, funcflags, loc);

  applyDecorators(c, s.decorator_list);
  c.nameop(s.name, "Store", loc);
}

export function compileLambda(c: Compiler, e: ast.Lambda): void {
  checkDebugArgs(c, e.args);
  const loc = locOf(e);
  const funcflags = defaultArguments(c, loc, e.args);
  c.enterScope("<lambda>", "lambda", e, e.lineno);
  // None is the first constant, so a lambda never has a docstring.
  c.addConst(NONE);
  c.u.argcount = e.args.args.length;
  c.u.posonlyargcount = e.args.posonlyargs.length;
  c.u.kwonlyargcount = e.args.kwonlyargs.length;
  visitExpr(c, e.body);
  let co;
  if (c.ste.generator) {
    co = c.optimizeAndAssemble(false);
  } else {
    c.addop(O.RETURN_VALUE, { lineno: e.lineno, endLineno: e.lineno, col: 0, endCol: 0 });
    co = c.optimizeAndAssemble(true);
  }
  c.exitScope();
  c.makeClosure(co, funcflags, loc);
}

export function compileClass(c: Compiler, s: ast.ClassDef): void {
  for (const d of s.decorator_list) visitExpr(c, d);
  const firstlineno = s.decorator_list.length > 0 ? s.decorator_list[0].lineno : s.lineno;

  // 1. The class body as a function that fills the class namespace.
  c.enterScope(s.name, "class", s, firstlineno);
  const bodyLoc: Location = { lineno: firstlineno, endLineno: firstlineno, col: 0, endCol: 0 };
  c.u.priv = s.name; // names in the body are mangled with the class name
  c.nameop("__name__", "Load", bodyLoc);
  c.nameop("__module__", "Store", bodyLoc);
  c.loadConst(strConst(c.u.qualname), bodyLoc);
  c.nameop("__qualname__", "Store", bodyLoc);
  visitBody(c, s.body, bodyLoc);
  // Return the __class__ cell (stored as __classcell__) if methods use it, else None.
  if (c.ste.needsClassClosure) {
    const i = c.u.cellvars.get("__class__")!;
    c.addopI(O.LOAD_CLOSURE, i, NO_LOCATION);
    c.addopI(O.COPY, 1, NO_LOCATION);
    c.nameop("__classcell__", "Store", NO_LOCATION);
  } else {
    c.loadConst(NONE, NO_LOCATION);
  }
  c.addop(O.RETURN_VALUE, NO_LOCATION);
  const co = c.optimizeAndAssemble(true);
  c.exitScope();

  // 2. __build_class__(func, name, *bases, **keywords), attributed to the class line.
  const loc = locOf(s);
  c.addop(O.PUSH_NULL, loc);
  c.addop(O.LOAD_BUILD_CLASS, loc);
  c.makeClosure(co, 0, loc);
  c.loadConst(strConst(s.name), loc);
  callHelper(c, loc, 2, s.bases, s.keywords);

  applyDecorators(c, s.decorator_list);
  c.nameop(s.name, "Store", loc);
}
