// The AST optimizer that runs before the symbol table, as CPython 3.12's Python/ast_opt.c:
// constant folding of unary and binary operators, tuples, subscripts; `not (a is b)` → `a is not
// b`; list/set displays iterated by `for` or tested by `in` become tuples/frozensets;
// `'%s' % (a,)` becomes an f-string; `__debug__` is True. The input AST is not modified: changed
// nodes are copies, and folded constants are FoldedConstant nodes (read them with constOf).

import type * as ast from "../syntax/ast.js";
import type { Constant } from "../vm/code.js";
import { constOf, foldedNode, frozensetOf, TRUE } from "./constants.js";
import { foldBinary, foldSubscript, foldUnary } from "./fold-ops.js";

/** Returns the folded copy of a module. */
export function foldModule(mod: ast.Module): ast.Module {
  return { ...mod, body: foldBody(mod.body) };
}

function isConst(e: ast.Expr): e is ast.Constant {
  return e._type === "Constant";
}

/** A docstring: the first statement is an expression statement with a str constant. */
export function getDocString(body: readonly ast.Stmt[]): string | null {
  const st = body[0];
  if (st === undefined || st._type !== "Expr" || st.value._type !== "Constant") return null;
  const c = constOf(st.value);
  return c.kind === "str" ? c.value : null;
}

function foldBody(body: ast.Stmt[]): ast.Stmt[] {
  const hadDoc = getDocString(body) !== null;
  const out = body.map(foldStmt);
  // Folding must not create a docstring (`"a" + "b"` as first statement): wrap it in an f-string.
  if (!hadDoc && getDocString(out) !== null) {
    const st = out[0] as ast.ExprStmt;
    const joined: ast.JoinedStr = { _type: "JoinedStr", values: [st.value as ast.Constant], ...loc(st) };
    out[0] = { ...st, value: joined };
  }
  return out;
}

function loc(n: ast.Located): ast.Located {
  return { lineno: n.lineno, col_offset: n.col_offset, end_lineno: n.end_lineno, end_col_offset: n.end_col_offset };
}

const stmts = (ss: ast.Stmt[]) => ss.map(foldStmt);
const exprs = (es: ast.Expr[]) => es.map(foldExpr);
const optExpr = (e: ast.Expr | null) => (e === null ? null : foldExpr(e));

function foldArguments(a: ast.Arguments): ast.Arguments {
  return { ...a, kw_defaults: a.kw_defaults.map(optExpr), defaults: exprs(a.defaults) };
}

function foldStmt(s: ast.Stmt): ast.Stmt {
  switch (s._type) {
    case "FunctionDef":
      return { ...s, args: foldArguments(s.args), body: foldBody(s.body), decorator_list: exprs(s.decorator_list) };
    case "ClassDef":
      return {
        ...s,
        bases: exprs(s.bases),
        keywords: s.keywords.map((k) => ({ ...k, value: foldExpr(k.value) })),
        body: foldBody(s.body),
        decorator_list: exprs(s.decorator_list),
      };
    case "Return":
      return { ...s, value: optExpr(s.value) };
    case "Delete":
      return { ...s, targets: exprs(s.targets) };
    case "Assign":
      return { ...s, targets: exprs(s.targets), value: foldExpr(s.value) };
    case "AugAssign":
      return { ...s, target: foldExpr(s.target), value: foldExpr(s.value) };
    case "AnnAssign":
      // The annotation is not folded (CPython leaves it alone too).
      return { ...s, target: foldExpr(s.target), value: optExpr(s.value) };
    case "For":
      return { ...s, target: foldExpr(s.target), iter: foldIter(foldExpr(s.iter)), body: stmts(s.body), orelse: stmts(s.orelse) };
    case "While":
      return { ...s, test: foldExpr(s.test), body: stmts(s.body), orelse: stmts(s.orelse) };
    case "If":
      return { ...s, test: foldExpr(s.test), body: stmts(s.body), orelse: stmts(s.orelse) };
    case "With":
      return {
        ...s,
        items: s.items.map((it) => ({ ...it, context_expr: foldExpr(it.context_expr), optional_vars: optExpr(it.optional_vars) })),
        body: stmts(s.body),
      };
    case "Raise":
      return { ...s, exc: optExpr(s.exc), cause: optExpr(s.cause) };
    case "Try":
      return {
        ...s,
        body: stmts(s.body),
        handlers: s.handlers.map((h) => ({ ...h, type: optExpr(h.type), body: stmts(h.body) })),
        orelse: stmts(s.orelse),
        finalbody: stmts(s.finalbody),
      };
    case "Assert":
      return { ...s, test: foldExpr(s.test), msg: optExpr(s.msg) };
    case "Expr":
      return { ...s, value: foldExpr(s.value) };
    default:
      return s;
  }
}

function foldComprehension(g: ast.Comprehension): ast.Comprehension {
  return { ...g, target: foldExpr(g.target), iter: foldIter(foldExpr(g.iter)), ifs: exprs(g.ifs) };
}

/** The constant values of `elts` if they are all constants. */
function constItems(elts: ast.Expr[]): Constant[] | null {
  const out: Constant[] = [];
  for (const e of elts) {
    if (!isConst(e)) return null;
    out.push(constOf(e));
  }
  return out;
}

/**
 * A list display iterated over becomes a tuple (a constant one if it can); a set display of
 * constants becomes a frozenset constant.
 */
function foldIter(e: ast.Expr): ast.Expr {
  if (e._type === "List") {
    if (e.elts.some((x) => x._type === "Starred")) return e;
    const items = constItems(e.elts);
    if (items !== null) return foldedNode({ kind: "tuple", items }, e);
    return { _type: "Tuple", elts: e.elts, ctx: e.ctx, ...loc(e) };
  }
  if (e._type === "Set") {
    const items = constItems(e.elts);
    if (items !== null) return foldedNode(frozensetOf(items), e);
  }
  return e;
}

const INVERTED: Partial<Record<ast.CmpOpKind, ast.CmpOpKind>> = { Is: "IsNot", IsNot: "Is", In: "NotIn", NotIn: "In" };

function foldExpr(e: ast.Expr): ast.Expr {
  switch (e._type) {
    case "BoolOp":
      return { ...e, values: exprs(e.values) };
    case "BinOp": {
      const left = foldExpr(e.left);
      const right = foldExpr(e.right);
      const node: ast.BinOp = { ...e, left, right };
      if (!isConst(left)) return node;
      const lv = constOf(left);
      if (e.op === "Mod" && right._type === "Tuple" && lv.kind === "str" && !right.elts.some((x) => x._type === "Starred")) {
        return optimizeFormat(node, lv.value, right.elts) ?? node;
      }
      if (!isConst(right)) return node;
      const v = foldBinary(e.op, lv, constOf(right));
      return v === null ? node : foldedNode(v, e);
    }
    case "UnaryOp": {
      const operand = foldExpr(e.operand);
      if (!isConst(operand)) {
        // not (a is b) → a is not b (only for single is/in comparisons, which invert safely).
        if (e.op === "Not" && operand._type === "Compare" && operand.ops.length === 1) {
          const inv = INVERTED[operand.ops[0]];
          if (inv !== undefined) return { ...operand, ops: [inv], ...loc(e) };
        }
        return { ...e, operand };
      }
      const v = foldUnary(e.op, constOf(operand));
      return v === null ? { ...e, operand } : foldedNode(v, e);
    }
    case "Lambda":
      return { ...e, args: foldArguments(e.args), body: foldExpr(e.body) };
    case "IfExp":
      return { ...e, test: foldExpr(e.test), body: foldExpr(e.body), orelse: foldExpr(e.orelse) };
    case "Dict":
      return { ...e, keys: e.keys.map(optExpr), values: exprs(e.values) };
    case "Set":
      return { ...e, elts: exprs(e.elts) };
    case "ListComp":
    case "SetComp":
    case "GeneratorExp":
      return { ...e, elt: foldExpr(e.elt), generators: e.generators.map(foldComprehension) } as ast.Expr;
    case "DictComp":
      return { ...e, key: foldExpr(e.key), value: foldExpr(e.value), generators: e.generators.map(foldComprehension) };
    case "Yield":
      return { ...e, value: optExpr(e.value) };
    case "YieldFrom":
      return { ...e, value: foldExpr(e.value) };
    case "Compare": {
      const comparators = exprs(e.comparators);
      const last = e.ops.length - 1;
      if (e.ops[last] === "In" || e.ops[last] === "NotIn") comparators[last] = foldIter(comparators[last]);
      return { ...e, left: foldExpr(e.left), comparators };
    }
    case "Call":
      return { ...e, func: foldExpr(e.func), args: exprs(e.args), keywords: e.keywords.map((k) => ({ ...k, value: foldExpr(k.value) })) };
    case "FormattedValue":
      return { ...e, value: foldExpr(e.value), format_spec: e.format_spec === null ? null : (foldExpr(e.format_spec) as ast.JoinedStr) };
    case "JoinedStr":
      return { ...e, values: e.values.map((v) => foldExpr(v) as ast.Constant | ast.FormattedValue) };
    case "Attribute":
      return { ...e, value: foldExpr(e.value) };
    case "Subscript": {
      const value = foldExpr(e.value);
      const slice = foldExpr(e.slice);
      if (e.ctx === "Load" && isConst(value) && isConst(slice)) {
        const v = foldSubscript(constOf(value), constOf(slice));
        if (v !== null) return foldedNode(v, e);
      }
      return { ...e, value, slice };
    }
    case "Starred":
      return { ...e, value: foldExpr(e.value) };
    case "Slice":
      return { ...e, lower: optExpr(e.lower), upper: optExpr(e.upper), step: optExpr(e.step) };
    case "List":
      return { ...e, elts: exprs(e.elts) };
    case "Tuple": {
      const elts = exprs(e.elts);
      if (e.ctx === "Load") {
        const items = constItems(elts);
        if (items !== null) return foldedNode({ kind: "tuple", items }, e);
      }
      return { ...e, elts };
    }
    case "Name":
      if (e.ctx === "Load" && e.id === "__debug__") return foldedNode(TRUE, e);
      return e;
    case "NamedExpr":
      return { ...e, value: foldExpr(e.value) };
    case "Constant":
      return e;
  }
}

// ---- '%s' % (a, b) → f'{a!s}{b!s}' (CPython's optimize_format) ----------------------------------

const MAXDIGITS = 3;

/** Converts %-formatting with simple %s/%r/%a units into a JoinedStr, or returns null. */
function optimizeFormat(node: ast.BinOp, fmt: string, elts: ast.Expr[]): ast.JoinedStr | null {
  const chars = Array.from(fmt);
  const values: (ast.Constant | ast.FormattedValue)[] = [];
  let pos = 0;
  let cnt = 0;
  const noLoc = { lineno: -1, col_offset: -1, end_lineno: -1, end_col_offset: -1 };
  for (;;) {
    // A literal run, with %% unescaped.
    const start = pos;
    let lit = "";
    while (pos < chars.length) {
      if (chars[pos] !== "%") {
        lit += chars[pos++];
      } else if (pos + 1 < chars.length && chars[pos + 1] === "%") {
        lit += "%";
        pos += 2;
      } else {
        break;
      }
    }
    if (pos > start) values.push(foldedNode({ kind: "str", value: lit }, noLoc));
    if (pos >= chars.length) break;
    if (cnt >= elts.length) return null; // more format units than items
    pos++; // the '%'
    const unit = parseFormatUnit(chars, pos);
    if (unit === null) return null;
    pos = unit.pos;
    const arg = elts[cnt++];
    const spec = unit.spec === null ? null : ({ _type: "JoinedStr", values: [foldedNode({ kind: "str", value: unit.spec }, noLoc)], ...noLoc } as ast.JoinedStr);
    values.push({ _type: "FormattedValue", value: arg, conversion: unit.conversion.codePointAt(0) ?? -1, format_spec: spec, ...loc(arg) });
  }
  if (cnt < elts.length) return null; // more items than format units
  return { _type: "JoinedStr", values, ...loc(node) };
}

function parseFormatUnit(chars: string[], pos: number): { pos: number; conversion: string; spec: string | null } | null {
  let ljust = false;
  let width = -1;
  let prec = -1;
  const next = (): string | null => (pos < chars.length ? chars[pos++] : null);
  let ch = next();
  for (;;) {
    if (ch === null) return null;
    if (ch === "-") ljust = true;
    else if (ch !== "+" && ch !== " " && ch !== "#" && ch !== "0") break;
    ch = next();
  }
  const isDigit = (c: string | null) => c !== null && c >= "0" && c <= "9";
  if (isDigit(ch)) {
    width = 0;
    let digits = 0;
    while (isDigit(ch)) {
      width = width * 10 + Number(ch);
      ch = next();
      if (ch === null || ++digits >= MAXDIGITS) return null;
    }
  }
  if (ch === ".") {
    ch = next();
    if (ch === null) return null;
    prec = 0;
    let digits = 0;
    while (isDigit(ch)) {
      prec = prec * 10 + Number(ch);
      ch = next();
      if (ch === null || ++digits >= MAXDIGITS) return null;
    }
  }
  if (ch !== "s" && ch !== "r" && ch !== "a") return null;
  let spec = "";
  if (!ljust && width > 0) spec += ">";
  if (width >= 0) spec += String(width);
  if (prec >= 0) spec += `.${prec}`;
  return { pos, conversion: ch, spec: spec === "" ? null : spec };
}
